// The client against the running server (BQ_API_URL, default scripts/run's;
// BQ_DATA_DIR for the demo SMS file): node --test clients/js/test
import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient, ApiError, operationTable } from "../src/index.js";
import { API, DEMO_PASSWORD, bornAgo, journeyRegion, makeIin, registerParent } from "./support.mjs";

// A fetch that records what was sent, and can fail the first N calls.
function recorder({ failFirst = 0 } = {}) {
	const sent = [];
	const f = async (url, init) => {
		sent.push({ url, method: init.method, headers: { ...init.headers }, cache: init.cache });
		if (failFirst > 0) {
			failFirst--;
			throw new TypeError("fetch failed");
		}
		return fetch(url, init);
	};
	return { sent, fetch: f };
}

async function parentClient(extra = {}) {
	const bq = createClient({ baseUrl: API, language: "en", ...extra });
	const who = await registerParent(bq);
	return { bq, ...who };
}

async function adminClient() {
	const bq = createClient({ baseUrl: API, language: "en" });
	await bq.postAuthLogin({ body: { login: "admin", password: DEMO_PASSWORD } });
	return bq;
}

test("one function for every operation the server's spec has", async () => {
	const bq = createClient({ baseUrl: API });
	const served = await bq.getOpenApi();
	const ids = [...served.matchAll(/^\s+operationId:\s*(\S+)/gm)].map((m) => m[1]).sort();
	assert.ok(ids.length > 80);
	assert.deepEqual(Object.keys(operationTable).sort(), ids);
	for (const id of ids) assert.equal(typeof bq[id], "function", id);
});

test("registering keeps the session, and every call carries it", async () => {
	const kept = [];
	const { bq, phone } = await parentClient({ onTokens: (t) => kept.push(t) });
	assert.equal(kept.length, 1);
	assert.equal(bq.tokens.token_type, "Bearer");
	const me = await bq.getMe();
	assert.equal(me.phone, phone);
	assert.deepEqual(me.roles, ["parent"]);
	await bq.postAuthLogout();
	assert.equal(bq.tokens, null);
	assert.equal(kept.at(-1), null);
	await assert.rejects(bq.getMe(), (e) => e instanceof ApiError && e.status === 401 && e.code === "unauthorized");
});

test("a 401 refreshes once and retries; a dead refresh token ends the session", async () => {
	const rec = recorder();
	const kept = [];
	const { bq } = await parentClient({ fetch: rec.fetch, onTokens: (t) => kept.push(t) });
	const first = bq.tokens;
	bq.setTokens({ ...first, access_token: first.access_token.slice(0, -4) + "AAAA" });
	rec.sent.length = 0;
	const me = await bq.getMe();
	assert.ok(me.id);
	assert.deepEqual(rec.sent.map((s) => s.url.replace(API, "")), ["/v1/me", "/v1/auth/refresh", "/v1/me"]);
	assert.notEqual(bq.tokens.refresh_token, first.refresh_token);
	// Two calls meeting a 401 together refresh once.
	bq.setTokens({ ...bq.tokens, access_token: "x.y.z" });
	rec.sent.length = 0;
	await Promise.all([bq.getMe(), bq.getChildren()]);
	assert.equal(rec.sent.filter((s) => s.url.endsWith("/v1/auth/refresh")).length, 1);
	// The rotated-away refresh token is dead: the session ends.
	bq.setTokens({ ...first, access_token: "x.y.z" });
	rec.sent.length = 0;
	await assert.rejects(bq.getMe(), (e) => e.status === 401 && e.code === "unauthorized");
	assert.equal(rec.sent.filter((s) => s.url.endsWith("/v1/auth/refresh")).length, 1);
	assert.equal(bq.tokens, null);
	assert.equal(kept.at(-1), null);
});

test("a problem becomes an ApiError with its code and fields, in the asked language", async () => {
	const { bq } = await parentClient();
	const bad = { iin: "123", sex: "male" };
	const en = await bq.postChildren({ body: bad }).catch((e) => e);
	const ru = await bq.postChildren({ body: bad, language: "ru" }).catch((e) => e);
	for (const e of [en, ru]) {
		assert.ok(e instanceof ApiError);
		assert.equal(e.status, 422);
		assert.equal(e.code, "validation_failed");
		assert.ok(e.fields.iin, JSON.stringify(e.errors));
		assert.ok(e.requestId);
	}
	assert.match(ru.title, /[А-Яа-я]/);
	assert.doesNotMatch(en.title, /[А-Яа-я]/);
	bq.language = "kk";
	const kk = await bq.postChildren({ body: bad }).catch((e) => e);
	assert.notEqual(kk.title, ru.title);
	assert.deepEqual((await bq.getChildren()).items, []);
});

test("another account's child is not found", async () => {
	const a = await parentClient();
	const b = await parentClient();
	const child = await a.bq.postChildren({ body: { iin: makeIin(bornAgo(3)), sex: "male" } });
	await assert.rejects(b.bq.getChild({ path: { id: child.id } }),
	    (e) => e instanceof ApiError && e.status === 404 && e.code === "not_found");
});

test("the channels besides the inbox are the account's to choose", async () => {
	const { bq } = await parentClient();
	const got = await bq.getNotificationSettings();
	assert.equal(got.sms, true);
	const set = await bq.patchNotificationSettings({ body: { email: false, language: "ru" } });
	assert.deepEqual([set.sms, set.email, set.language], [true, false, "ru"]);
	await assert.rejects(bq.patchNotificationSettings({ body: { language: "de" } }),
	    (e) => e instanceof ApiError && e.status === 422 && e.fields.language.code === "invalid_value");
	const inbox = await bq.getNotifications();
	for (const n of inbox.items)
		assert.ok(Array.isArray(n.deliveries));
});

test("filing sends an Idempotency-Key, keeps it for a retry, and a repeat gives the first", async () => {
	const rec = recorder();
	const { bq } = await parentClient({ fetch: rec.fetch });
	const region = await journeyRegion(bq);
	const child = await bq.postChildren({ body: { iin: makeIin(bornAgo(4, 2)), sex: "female" } });
	const body = { child_id: child.id, queue_type: "general", region_id: region, languages: ["kk"], consent: true };
	rec.sent.length = 0;
	const app = await bq.postApplication({ body });
	const key = rec.sent[0].headers["Idempotency-Key"];
	assert.match(key, /^[0-9a-f-]{36}$/);
	const again = await bq.postApplication({ body, idempotencyKey: key });
	assert.equal(again.id, app.id);
	// No key on operations that do not take one.
	await bq.getApplication({ path: { id: app.id } });
	assert.equal(rec.sent.at(-1).headers["Idempotency-Key"], undefined);
	// A network failure is retried with the same key, which the server
	// answers with the first filing.
	const flaky = recorder({ failFirst: 1 });
	const bq2 = createClient({ baseUrl: API, tokens: bq.tokens, fetch: flaky.fetch });
	const third = await bq2.postApplication({ body, idempotencyKey: key });
	assert.equal(flaky.sent.length, 2);
	assert.equal(flaky.sent[1].headers["Idempotency-Key"], key);
	assert.equal(third.id, app.id);
	// Another key for the same child is a second filing: refused.
	await assert.rejects(bq.postApplication({ body }), (e) => e.status === 409 && e.code === "conflict");
	const { items } = await bq.getApplications();
	assert.equal(items.filter((a) => a.status !== "archived").length, 1);
	// Without a key a network failure is not tried again.
	const down = recorder({ failFirst: 1 });
	const bq3 = createClient({ baseUrl: API, tokens: bq.tokens, fetch: down.fetch });
	await assert.rejects(bq3.getMe(), (e) => e instanceof ApiError && e.status === 0 && e.code === "network_error");
	assert.equal(down.sent.length, 1);
});

test("a call may read past the browser's cache; by default the cache is fetch's", async () => {
	const r = recorder();
	const bq = createClient({ baseUrl: API, fetch: r.fetch });
	await bq.getRegions({ cache: "no-store" });
	await bq.getRegions();
	assert.deepEqual(r.sent.map((x) => x.cache), ["no-store", undefined]);
});

test("paging walks every page of the catalogue, whatever the page size", async () => {
	const bq = createClient({ baseUrl: API });
	const walk = async (limit) => {
		const ids = [];
		for await (const kg of bq.paginate("getKindergartens", { query: { limit } })) ids.push(kg.id);
		return ids;
	};
	const small = await walk(3);
	const big = await walk(100);
	assert.ok(small.length > 3);
	assert.deepEqual(small, big);
	assert.equal(new Set(small).size, small.length);
	assert.throws(() => bq.paginate("getChildren"), TypeError);
});

test("a photo goes up as bytes and comes back as a Blob", async () => {
	const { bq } = await parentClient();
	const child = await bq.postChildren({ body: { iin: makeIin(bornAgo(2)), sex: "male" } });
	const png = Buffer.from(
	    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
	    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082", "hex");
	await bq.putChildPhoto({ path: { id: child.id }, body: new Uint8Array(png), contentType: "image/png" });
	const back = await bq.getChildPhoto({ path: { id: child.id } });
	assert.ok(back instanceof Blob);
	assert.deepEqual(Buffer.from(await back.arrayBuffer()), png);
});

test("the parent's journey: apply, see the position, get and confirm a voucher", async () => {
	const { bq } = await parentClient();
	const admin = await adminClient();
	const region = await journeyRegion(bq);
	const child = await bq.postChildren({ body: { iin: makeIin(bornAgo(4, 2)), sex: "female" } });
	const app = await bq.postApplication({
		body: { child_id: child.id, queue_type: "general", region_id: region, languages: ["kk"], consent: true },
	});
	const card = await bq.getApplication({ path: { id: app.id } });
	assert.equal(card.status, "queued");
	assert.ok(card.queue_position >= 1);
	const history = await bq.getPositionHistory({ path: { id: app.id } });
	assert.ok(history.items.length >= 1);
	const round = await admin.postRound({ body: { region_id: region }, idempotencyKey: `round-${app.id}` });
	assert.ok(round.issued >= 1);
	// A retry under the same key is the same round, not a second one.
	assert.deepEqual(await admin.postRound({ body: { region_id: region }, idempotencyKey: `round-${app.id}` }), round);
	const { items } = await bq.getVouchers();
	const voucher = items.find((v) => v.application_id === app.id);
	assert.equal(voucher?.status, "issued");
	const confirmed = await bq.postVoucherConfirm({ path: { id: voucher.id } });
	assert.equal(confirmed.status, "active");
	assert.ok(confirmed.enrol_by);
	assert.equal((await bq.getApplication({ path: { id: app.id } })).status, "voucher_active");
	const replay = await admin.postRoundReplay({ path: { id: round.id } });
	assert.equal(replay.matches, true);
});

test("a write's X-Commit-LSN goes back as X-Read-After with the reads after it", async () => {
	const rec = recorder();
	const { bq } = await parentClient({ fetch: rec.fetch });
	const before = bq.readAfter;
	const child = await bq.postChildren({ body: { iin: makeIin(bornAgo(2)), sex: "female" } });
	assert.match(bq.readAfter, /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);
	assert.notEqual(bq.readAfter, before);
	const listed = await bq.getChildren();
	assert.ok(listed.items.some((c) => c.id === child.id));
	const read = rec.sent.at(-1);
	assert.equal(read.method, "GET");
	assert.equal(read.headers["X-Read-After"], bq.readAfter);
	// Writes carry none: where a write goes has no choice.
	assert.equal(rec.sent.findLast((x) => x.method === "POST").headers["X-Read-After"], undefined);
});

test("a family ranks, groups twins, and a child not enrolled has nothing to move", async () => {
	const { bq } = await parentClient();
	const region = await journeyRegion(bq);
	const { items: kgs } = await bq.getKindergartens({ query: { region_id: region, limit: 5 } });
	const born = bornAgo(3, 6);
	const apps = [];
	for (let i = 0; i < 2; i++) {
		const child = await bq.postChildren({ body: { iin: makeIin(born), sex: "male" } });
		apps.push(await bq.postApplication({ body: { child_id: child.id, queue_type: "general",
			region_id: region, languages: ["kk"], consent: true } }));
	}
	const ranked = await bq.putApplicationChoices({ path: { id: apps[0].id },
	    body: { kindergarten_ids: [kgs[0].id] } });
	assert.deepEqual(ranked.kindergartens.map((k) => k.id), [kgs[0].id]);
	const group = await bq.postFamilyGroup({ body: { application_ids: apps.map((a) => a.id) } });
	assert.deepEqual(group.kindergarten_ids, [kgs[0].id]);
	assert.equal((await bq.getApplication({ path: { id: apps[1].id } })).family_group_id, group.id);
	assert.deepEqual((await bq.getFamilyGroups()).items.map((g) => g.id), [group.id]);
	await assert.rejects(bq.postTransfer({ body: { child_id: apps[0].child.id, kindergarten_ids: [kgs[0].id] } }),
	    (e) => e instanceof ApiError && e.status === 409 && e.errors[0].code === "not_enrolled");
	assert.deepEqual((await bq.getTransfers()).items, []);
	assert.equal(await bq.deleteFamilyGroup({ path: { id: group.id } }), undefined);
	assert.equal((await bq.getApplication({ path: { id: apps[1].id } })).family_group_id, null);
	const admin = await adminClient();
	const rules = await admin.getAllocationRules({ path: { id: region } });
	assert.equal(rules.region_id, region);
	assert.ok(rules.ranked_choices >= 0 && rules.ranked_choices <= 3);
});
