// The reference web page in a real browser: Debian's Chromium, headless,
// driven by puppeteer-core, walks the parent's journey against the running
// server (BQ_API_URL) and its demo SMS file (BQ_DATA_DIR), then the public
// catalogue and queue.  The pages are served from clients/ on
// 127.0.0.1:$BQ_WEB_PORT (default 8890, the origin scripts/run allows);
// screenshots go to $BQ_SCREENSHOTS (default var/screenshots).
import { test } from "node:test";
import assert from "node:assert/strict";
import { unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "../../js/src/index.js";
import { API, DATA_DIR, DEMO_PASSWORD, PASSWORD, adultBorn, bornAgo, journeyRegion, mailCode, makeIin,
    makePhone, registerParent, smsCode, smsCount } from "../../js/test/support.mjs";
import { SHOTS, WEB, browser, fill, page, problems, ready, refusals, shot, skip, text, useBrowser, watch }
    from "./browser.mjs";

useBrowser();

test("a parent registers with the SMS code, applies, follows the position and confirms a voucher",
    { skip }, async () => {
	const phone = makePhone();
	const iin = makeIin(adultBorn());
	const born = bornAgo(4, 2);
	const childIin = makeIin(born);
	const region = await journeyRegion(createClient({ baseUrl: API }));

	await page.goto(`${WEB}/parent.html?api=${encodeURIComponent(API)}&lang=ru`);
	await ready();
	assert.equal(await text("#otp-form button"), "Получить код");
	await shot("01-register");

	// A mistake first: the field is named beside its input, in Russian.
	await fill("otp-form", "phone", phone);
	await fill("otp-form", "iin", "123");
	await page.click("#otp-form [name=policy_accepted]");
	await page.click("#otp-form button[type=submit]");
	await page.waitForSelector("#otp-form .field-error");
	assert.match(await text("#otp-form [data-role=error]"), /[А-Яа-я]/);

	const before = smsCount();
	await fill("otp-form", "iin", iin);
	await page.click("#otp-form button[type=submit]");
	await page.waitForSelector("#code-form:not([hidden])");
	await fill("code-form", "code", await smsCode(phone, before));
	await page.click("#code-form button[type=submit]");
	await page.waitForSelector("#password-form:not([hidden])");
	assert.ok((await text("#person")).length > 3);
	await fill("password-form", "password", PASSWORD);
	await fill("password-form", "password_confirm", PASSWORD);
	await shot("02-password");
	await page.click("#password-form button[type=submit]");
	await page.waitForSelector("#cabinet:not([hidden])");
	await ready();

	await fill("child-form", "iin", childIin);
	// "Check IIN": the registry's name and birth date before saving.
	await page.click("#check-iin");
	await page.waitForFunction(() => document.getElementById("registry-person").textContent !== "");
	assert.ok((await text("#registry-person")).endsWith(born));
	await page.select("#child-form [name=sex]", "female");
	await page.click("#child-form button[type=submit]");
	await page.waitForSelector("#children li");

	await page.select("#apply-form [name=region_id]", region);
	await page.waitForSelector("#apply-form [name=kindergarten_ids] option");
	const kindergarten = await page.$eval("#apply-form [name=kindergarten_ids] option", (o) => o.value);
	await page.select("#apply-form [name=kindergarten_ids]", kindergarten);
	await page.click("#apply-form input[name=languages][value=kk]");
	await page.click("#apply-form [name=consent]");
	await page.click("#apply-form button[type=submit]");
	await page.waitForSelector("#applications .application .position");
	assert.equal(await text("#applications .application .status"), "В очереди");
	const position = Number(await text("#applications .application .position"));
	assert.ok(position >= 1);
	const number = await text("#applications .application .number");
	assert.match(await page.$eval("#applications .timeline [data-state=current]", (e) => e.textContent.trim()), /^● Очередь/);
	// The forecast: a range of dates, or why there is none yet.
	assert.match(await text("#applications .application .forecast"), /мало истории|около \d/);
	// The notification says the place, as the guide's does.
	await page.waitForFunction((p) => [...document.querySelectorAll("#notifications li")]
	    .some((li) => li.textContent.includes(String(p))), {}, position);
	await page.click("#applications .application button");
	await page.waitForSelector("#applications .history tbody tr");
	assert.match(await text("#applications .history tbody tr"), /Поставлен в очередь/);
	await shot("03-position");

	// The public queue shows the application by its number, nothing more.
	const pub = await browser.newPage();
	watch(pub);
	await pub.goto(`${WEB}/index.html?api=${encodeURIComponent(API)}`);
	await pub.waitForSelector("body[data-ready=true]");
	await pub.waitForSelector("#kindergartens tr");
	await pub.select("#queue-filter [name=region_id]", region);
	await pub.$eval("#queue-filter [name=birth_year]", (e, y) => { e.value = y; }, born.slice(0, 4));
	await pub.click("#queue-filter button[type=submit]");
	await pub.waitForFunction((n) => [...document.querySelectorAll("#queue-rows .number")].some((e) => e.textContent === n), {}, number);
	const rowText = await pub.$$eval("#queue-rows tr", (rows, n) => rows.find((r) => r.textContent.includes(n)).textContent, number);
	assert.ok(!rowText.includes(childIin), "the public queue shows an IIN");
	await pub.screenshot({ path: join(SHOTS, "04-public-queue.png"), fullPage: true });
	// The catalogue filtered by the region, in Kazakh now.
	await pub.click("[data-lang=kk]");
	await pub.waitForSelector("body[data-ready=true]");
	assert.equal(await pub.$eval("#catalogue h1", (e) => e.textContent), "Балабақшалар каталогы");
	await pub.select("#catalogue-filter [name=region_id]", region);
	await pub.click("#catalogue-filter button[type=submit]");
	await pub.waitForFunction(() => document.querySelectorAll("#kindergartens tr").length >= 1);
	await pub.screenshot({ path: join(SHOTS, "05-catalogue.png"), fullPage: true });
	await pub.close();

	// The allocation round, as an operator would run it.
	const admin = createClient({ baseUrl: API });
	await admin.postAuthLogin({ body: { login: "admin", password: DEMO_PASSWORD } });
	const round = await admin.postRound({ body: { region_id: region } });
	assert.ok(round.issued >= 1);

	await page.click("#refresh");
	await page.waitForSelector("#vouchers .voucher[data-status=issued] button.confirm");
	// The voucher's message went out by SMS too, and the inbox says how.
	await page.waitForSelector("#notifications li .delivery[data-channel=sms]");
	assert.match(await text("#notifications li .delivery[data-channel=sms]"), /SMS: (в очереди|отправлено|доставлено)/);
	await shot("06-voucher");
	await page.click("#vouchers .voucher[data-status=issued] button.confirm");
	await page.waitForSelector("#vouchers .voucher[data-status=active]");
	assert.equal(await text("#vouchers .voucher .status"), "Подтверждён");
	await page.waitForFunction(() => document.querySelector("#applications .application")?.dataset.status === "voucher_active");
	await shot("07-confirmed");

	// Signing out and in again by phone.
	await page.click("#sign-out");
	await page.waitForSelector("#guest:not([hidden])");
	await fill("login-form", "login", phone);
	await fill("login-form", "password", PASSWORD);
	await page.click("#login-form button[type=submit]");
	await page.waitForSelector("#cabinet:not([hidden])");
	await page.waitForSelector("#vouchers .voucher[data-status=active]");
	assert.deepEqual(problems, []);
	assert.deepEqual(refusals, ["POST /v1/auth/otp 422"]);
});

test("a family: an e-mail proved by its code, a trustee invited, an invitation accepted, a child claimed back",
    { skip }, async () => {
	const a = createClient({ baseUrl: API });
	const me = await registerParent(a);
	const b = createClient({ baseUrl: API });
	const other = await registerParent(b);
	refusals.length = 0;

	await page.goto(`${WEB}/parent.html?api=${encodeURIComponent(API)}&lang=kk`);
	await ready();
	if (await page.$("#cabinet:not([hidden])")) {
		await page.click("#sign-out");
		await page.waitForSelector("#guest:not([hidden])");
	}
	await fill("login-form", "login", me.phone);
	await fill("login-form", "password", PASSWORD);
	await page.click("#login-form button[type=submit]");
	await page.waitForSelector("#cabinet:not([hidden])");
	await ready();

	// The e-mail: pending until the code from the letter is typed.
	const address = `web${me.iin}@example.kz`;
	await fill("email-form", "email", address);
	await page.click("#email-form button[type=submit]");
	await page.waitForSelector("#email-code-form:not([hidden])");
	assert.equal(await text("#email-pending strong"), address);
	assert.equal(await text("#email-now"), "—");
	await fill("email-code-form", "code", await mailCode(address));
	await page.click("#email-code-form button[type=submit]");
	await page.waitForFunction((x) => document.getElementById("email-now").textContent === x, {}, address);
	assert.ok(await page.$("#email-code-form[hidden]"));

	// How I am told besides the inbox: SMS off, e-mail on, in Russian.
	assert.equal(await page.$eval("#notify-form [name=sms]", (e) => e.checked), true);
	await page.click("#notify-form [name=sms]");
	await page.select("#notify-form [name=language]", "ru");
	await page.click("#notify-form button[type=submit]");
	await page.waitForSelector("#notify-saved:not([hidden])");
	const kept = await a.getNotificationSettings();
	assert.deepEqual([kept.sms, kept.email, kept.language], [false, true, "ru"]);

	// Another parent invites me; I accept, and the child is entrusted to me.
	const theirs = await b.postChildren({ body: { iin: makeIin(bornAgo(3)), sex: "male" } });
	await b.postChildTrustee({ path: { id: theirs.id }, body: { iin: me.iin } });
	await page.click("#refresh");
	await page.waitForSelector("#invitations .invitation button.accept");
	assert.match(await text("#invitations .invitation"), new RegExp(theirs.surname));
	await shot("08-invitation");
	await page.click("#invitations .invitation button.accept");
	await page.waitForFunction((id) => document.querySelector(`#trusted-children li[data-id="${id}"]`), {}, theirs.id);
	assert.ok(await page.$("#no-invitations:not([hidden])"));

	// I invite a trustee for my own child: the same answer for any IIN.
	await fill("child-form", "iin", makeIin(bornAgo(2)));
	await page.click("#child-form button[type=submit]");
	await page.waitForSelector("#invite-form [name=child_id] option");
	await fill("invite-form", "iin", makeIin(adultBorn()));
	await page.click("#invite-form button[type=submit]");
	await page.waitForFunction(() => document.getElementById("invited").textContent.includes("мерзімі"));

	// A child someone else added, whose parent the registry says I am.
	const born = bornAgo(4);
	const childIin = makeIin(born);
	await b.postChildren({ body: { iin: childIin, sex: "female" } });
	const registry = join(DATA_DIR, "registry.json");
	writeFileSync(registry, JSON.stringify([{ iin: childIin, surname: "Сапарова", first_name: "Аружан",
	    patronymic: null, sex: "female", birth_date: born, nationality: "kazakh", phones: [],
	    parents: [me.iin] }]));
	try {
		await new Promise((ok) => setTimeout(ok, 1100));
		await fill("child-form", "iin", childIin);
		await page.select("#child-form [name=sex]", "female");
		await page.click("#child-form button[type=submit]");
		await page.waitForSelector("#claim-child:not([hidden])");
		assert.match(await text("#child-form [data-role=error]"), /[А-Яа-яӘәҰұ]/);
		await shot("09-claim");
		await page.click("#claim-child");
		await page.waitForFunction(() => [...document.querySelectorAll("#children li")]
		    .some((li) => li.textContent.includes("Сапарова")));
		assert.ok(await page.$("#claim-child[hidden]"));
	} finally {
		unlinkSync(registry);
	}
	assert.deepEqual((await b.getChildren()).items.map((c) => c.iin).includes(childIin), false);
	assert.deepEqual(problems, []);
	assert.deepEqual(refusals, ["POST /v1/children 409"]);
});
