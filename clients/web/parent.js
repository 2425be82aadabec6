// The parent's cabinet: register with the SMS code or sign in, prove an
// e-mail with the code sent to it, add a child (or claim it back), invite
// trustees and answer invitations, apply, follow the position and its
// history, confirm a voucher; claim a priority with its proof and hand in
// a new proof when it waits or has expired; rank kindergartens, place
// twins and siblings together, move an enrolled child (a transfer, a
// swap) and answer the offers.
import { ApiError, bq, day, guarded, el, localName, onSubmit, regionOptions, t, when } from "./api.js";
import { translate } from "./i18n.js";

translate();

const $ = (id) => document.getElementById(id);
const field = (form, name) => form.elements[name].value.trim();

// ---- registration and sign-in -----------------------------------------

let pending = null;	/* phone and IIN between the code and the password */

onSubmit($("otp-form"), async (f) => {
	const who = { phone: field(f, "phone"), iin: field(f, "iin") };
	await bq.postAuthOtp({ body: { ...who, purpose: "register", policy_accepted: f.elements.policy_accepted.checked } });
	pending = who;
	$("code-form").hidden = false;
	$("code-form").elements.code.focus();
});

onSubmit($("code-form"), async (f) => {
	const v = await bq.postAuthRegisterVerify({ body: { ...pending, code: field(f, "code") } });
	pending.registration_token = v.registration_token;
	$("person").textContent = [v.person.surname, v.person.first_name, v.person.patronymic].filter(Boolean).join(" ");
	$("password-form").hidden = false;
	$("password-form").elements.password.focus();
});

onSubmit($("password-form"), async (f) => {
	await bq.postAuthRegister({ body: {
		registration_token: pending.registration_token,
		password: f.elements.password.value,
		password_confirm: f.elements.password_confirm.value,
	} });
	pending = null;
});

onSubmit($("login-form"), (f) => bq.postAuthLogin({ body: { login: field(f, "login"), password: f.elements.password.value, remember: false } }));

$("sign-out").addEventListener("click", () => bq.postAuthLogout().catch(() => bq.setTokens(null)));
$("refresh").addEventListener("click", () => load());

// ---- the cabinet ------------------------------------------------------

let reference = null;

function ageGroupName(code) {
	const g = reference?.age_groups.find((x) => x.code === code);
	return g ? localName(g.name) : code ?? "—";
}

function childName(c) {
	return [c.surname, c.first_name, c.patronymic].filter(Boolean).join(" ");
}

async function showChildren() {
	const { items } = await bq.getChildren();
	$("children").replaceChildren(...items.map((c) => el("li", { dataset: { id: c.id } },
	    `${childName(c)}, ${c.birth_date}`)));
	$("no-children").hidden = items.length > 0;
	for (const form of ["apply-form", "invite-form", "transfer-form"])
		$(form).elements.child_id.replaceChildren(...items.map(
		    (c) => el("option", { value: c.id }, childName(c))));
}

function showEmail(me) {
	$("email-now").textContent = me.email ?? "—";
	$("email-pending").hidden = !me.email_pending;
	$("email-pending").querySelector("strong").textContent = me.email_pending ?? "";
	$("email-code-form").hidden = !me.email_pending;
}

// Children others entrusted to me, and the invitations waiting for me.
async function showTrust() {
	const [{ items: invitations }, { items: trusted }] = await Promise.all([
		bq.getTrusteeInvitations(), bq.getTrustedChildren()]);
	const form = $("invitation-errors");
	const answer = (i, action) => guarded(form, async () => {
		await action({ path: { id: i.id } });
		await Promise.all([showTrust(), showApplications()]);
	});
	$("invitations").replaceChildren(...invitations.map((i) => el("li", { class: "invitation", dataset: { id: i.id } },
	    `${childName(i.child)}, ${i.child.birth_date} · ${t("invited_by")} ${childName(i.invited_by)} · ${when(i.expires_at)} `,
	    el("button", { class: "accept", type: "button", onclick: () => answer(i, bq.postTrusteeInvitationAccept) }, t("accept")),
	    " ",
	    el("button", { class: "secondary decline", type: "button", onclick: () => answer(i, bq.deleteTrusteeInvitation) }, t("decline")))));
	$("no-invitations").hidden = invitations.length > 0;
	$("trusted-children").replaceChildren(...trusted.map((c) => el("li", { dataset: { id: c.id } },
	    `${childName(c)}, ${c.birth_date}`)));
	$("no-trusted").hidden = trusted.length > 0;
}

function historyTable(items) {
	return el("table", { class: "history" },
	    el("thead", {}, el("tr", {}, ["at", "position", "change", "cause"].map((k) => el("th", {}, t(k))))),
	    el("tbody", {}, items.map((h) => el("tr", {},
		el("td", {}, when(h.at)), el("td", {}, h.position ?? "—"),
		el("td", {}, h.change === null ? "—" : h.change > 0 ? `+${h.change}` : h.change),
		el("td", {}, t(`cause.${h.cause}`))))));
}

function timeline(a) {
	return el("ol", { class: "timeline" }, a.timeline.map((s) =>
	    el("li", { dataset: { state: s.state } }, `${t(`state.${s.state}`)} ${t(`stage.${s.stage}`)}`,
		s.at ? el("small", { class: "muted" }, ` ${when(s.at)}`) : null)));
}

function forecastText(f) {
	if (!f.estimate) return t(`forecast.${f.reason}`);
	return t("forecast_range").replace("{likely}", day(f.estimate.likely))
	    .replace("{earliest}", day(f.estimate.earliest)).replace("{latest}", day(f.estimate.latest));
}

function categoryOf(code) {
	return reference.priority_categories.find((c) => c.code === code);
}

// An upload of the file chosen in INPUT as a proof of CATEGORY (the first
// kind the category names); its document id.
async function uploadProof(input, category) {
	const file = input.files[0];
	if (!file) return null;
	const doc = await bq.postDocument({ query: { kind: categoryOf(category).proof_kinds[0] },
	    body: file, contentType: file.type || "application/pdf" });
	return doc.id;
}

// The claim's standing, and a new proof while it waits or has expired.
function priorityBlock(a) {
	if (!a.priority_category) return null;
	const c = categoryOf(a.priority_category);
	const until = a.priority_state === "confirmed" && a.priority_valid_until
	    ? ` ${t("priority_until")} ${day(a.priority_valid_until)}` : "";
	const form = el("form", { class: "inline proof-form" },
	    el("label", {}, el("span", {}, t("proof_file")),
		el("input", { name: "document_id", type: "file", accept: "application/pdf,image/jpeg,image/png", required: true })),
	    el("button", { type: "submit", class: "secondary" }, t("proof_new")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(form, async (f) => {
		const id = await uploadProof(f.elements.document_id, a.priority_category);
		await bq.putPriorityProof({ path: { id: a.id }, body: { document_id: id } });
		await showApplications();
	});
	return el("div", { class: "priority", dataset: { state: a.priority_state } },
	    `${t("priority")}: ${c ? localName(c.name) : a.priority_category} — `,
	    el("span", { class: "priority-state" }, t(`priority_state.${a.priority_state}`) + until),
	    a.filing_stopped_until ? el("div", { class: "stop" }, `${t("stop_until")} ${when(a.filing_stopped_until)}`) : null,
	    ["claimed", "expired"].includes(a.priority_state) ? form : null);
}

// ---- rankings, family groups, transfers -------------------------------

// The kindergartens of a region, fetched once a page.
const kindergartensOf = new Map();
function regionKindergartens(region) {
	if (!kindergartensOf.has(region))
		kindergartensOf.set(region, bq.getKindergartens({ query: { region_id: region, limit: 50 } })
		    .then((r) => r.items));
	return kindergartensOf.get(region);
}

// Three choices, best first, as selects; chosenOf() reads them back.
function choiceSelects(kgs, chosen = []) {
	return [0, 1, 2].map((i) => el("label", {}, el("span", {}, t(`choice_${i + 1}`)),
	    el("select", { class: "choice", name: `choice_${i + 1}` }, el("option", { value: "" }, "—"),
		...kgs.map((k) => el("option", { value: k.id, selected: chosen[i] === k.id }, `${k.code} ${k.name}`)))));
}

function chosenOf(form) {
	return [...form.querySelectorAll("select.choice")].map((s) => s.value).filter(Boolean);
}

// Until a voucher the family may rank again: the first ranked_choices
// of them are what a ranked-choice round places the child by.
const OPEN = ["awaiting_verification", "queued", "suspended"];

async function rankingForm(a) {
	if (!OPEN.includes(a.status)) return null;
	const form = el("form", { class: "inline ranking" },
	    ...choiceSelects(await regionKindergartens(a.region.id), a.kindergartens.map((k) => k.id)),
	    el("button", { type: "submit", class: "secondary" }, t("rank_save")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(form, async (f) => {
		await bq.putApplicationChoices({ path: { id: a.id }, body: { kindergarten_ids: chosenOf(f) } });
		await Promise.all([showApplications(), showFamilies()]);
	});
	return el("details", { class: "rank" }, el("summary", {}, t("rank")), form);
}

async function showFamilies() {
	const [{ items: groups }, { items: apps }] = await Promise.all([bq.getFamilyGroups(), bq.getApplications()]);
	const form = $("family-form");
	$("families").replaceChildren(...groups.map((g) => el("li", { class: "family", dataset: { id: g.id } },
	    g.applications.map((a) => `${a.number} ${childName(a.child)}`).join(" + "), " ",
	    el("button", { class: "secondary end", type: "button", onclick: () => guarded(form, async () => {
		await bq.deleteFamilyGroup({ path: { id: g.id } });
		await Promise.all([showFamilies(), showApplications()]);
	    }) }, t("family_end")))));
	$("no-families").hidden = groups.length > 0;
	const grouped = new Set(groups.flatMap((g) => g.applications.map((a) => a.id)));
	$("family-applications").replaceChildren(el("legend", {}, t("family_pick")),
	    ...apps.filter((a) => OPEN.includes(a.status) && !grouped.has(a.id)).map((a) =>
		el("label", { class: "check" }, el("input", { type: "checkbox", name: "application_ids", value: a.id }),
		    `${a.number} ${childName(a.child)}`)));
}

onSubmit($("family-form"), async (f) => {
	await bq.postFamilyGroup({ body: { application_ids:
	    [...f.querySelectorAll("input[name=application_ids]:checked")].map((i) => i.value) } });
	await Promise.all([showFamilies(), showApplications()]);
});

function transferCard(x) {
	const form = $("transfer-errors");
	const act = (action) => guarded(form, async () => {
		await action({ path: { id: x.id } });
		await Promise.all([showTransfers(), showNotifications()]);
	});
	const offer = x.offer;
	return el("div", { class: "card transfer", dataset: { id: x.id, status: x.status } },
	    el("div", {}, el("strong", {}, childName(x.child)), ` · ${t("transfer_from")}: ${x.from.kindergarten.name}`),
	    el("div", {}, `${t("status")}: `, el("span", { class: "status" }, x.status_label)),
	    el("ol", { class: "choices" }, x.choices.map((c) => el("li", {}, c.kindergarten.name,
		c.ahead === null ? null : el("small", { class: "muted ahead" }, ` · ${t("ahead")}: ${c.ahead}`)))),
	    offer ? el("div", { class: "offer" }, `${offer.swap_id ? t("swap_offer").replace("{n}", offer.swap_size)
		: t("seat_offer")}: ${offer.kindergarten.name}, ${offer.group.name}`,
		offer.offer_by ? el("small", {}, ` · ${t("offer_by")} ${when(offer.offer_by)}`) : null) : null,
	    x.status === "offered" ? el("button", { class: "accept", type: "button",
		onclick: () => act(bq.postTransferAccept) }, t("accept")) : null,
	    x.status === "offered" ? el("button", { class: "secondary decline", type: "button",
		onclick: () => act(bq.postTransferDecline) }, t("decline")) : null,
	    ["waiting", "offered"].includes(x.status) ? el("button", { class: "secondary cancel", type: "button",
		onclick: () => act(bq.postTransferCancel) }, t("transfer_cancel")) : null);
}

async function showTransfers() {
	const { items } = await bq.getTransfers();
	$("transfers").replaceChildren(...items.map(transferCard));
	$("no-transfers").hidden = items.length > 0;
}

// The transfer form's choices: the kindergartens of the city it names.
async function transferChoices() {
	const region = $("transfer-form").elements.region_id.value;
	$("transfer-choices").replaceChildren(...choiceSelects(region ? await regionKindergartens(region) : []));
}

onSubmit($("transfer-form"), async (f) => {
	await bq.postTransfer({ body: { child_id: f.elements.child_id.value, kindergarten_ids: chosenOf(f) } });
	await Promise.all([showTransfers(), showNotifications()]);
});

function applicationCard(a, forecast, ranking) {
	const history = el("div", { class: "history-box" });
	const button = el("button", { class: "secondary", type: "button", onclick: async () => {
		const h = await bq.getPositionHistory({ path: { id: a.id } });
		history.replaceChildren(historyTable(h.items));
		button.hidden = true;
	} }, t("history"));
	return el("div", { class: "card application", dataset: { id: a.id, status: a.status } },
	    el("div", {}, el("strong", { class: "number" }, a.number), " · ", childName(a.child), " · ", a.region.name),
	    el("div", {}, `${t("status")}: `, el("span", { class: "status" }, a.status_label)),
	    a.queue_position === null ? null :
		el("div", {}, `${t("position")}: `, el("span", { class: "position" }, a.queue_position)),
	    priorityBlock(a),
	    el("div", { class: "muted" }, `${t("age_group")}: ${ageGroupName(a.age_group)} · ${t("languages_of")}: ${a.languages.join(", ")}`),
	    a.kindergartens.length ? el("div", { class: "muted" }, a.kindergartens.map((k) => k.name).join("; ")) : null,
	    forecast ? el("div", {}, `${t("forecast")}: `, el("span", { class: "forecast" }, forecastText(forecast))) : null,
	    a.family_group_id ? el("div", { class: "muted together" }, t("family_together")) : null,
	    el("details", {}, el("summary", {}, t("timeline")), timeline(a)),
	    button, history, ranking);
}

async function showApplications() {
	const { items } = await bq.getApplications();
	// The list has no position; each card does.
	const cards = await Promise.all(items.map((a) => bq.getApplication({ path: { id: a.id } })));
	// When a voucher is likely, for those still waiting.
	const forecasts = await Promise.all(cards.map((a) =>
	    a.status === "queued" ? bq.getForecast({ path: { id: a.id } }) : null));
	const rankings = await Promise.all(cards.map(rankingForm));
	$("applications").replaceChildren(...cards.map((a, i) => applicationCard(a, forecasts[i], rankings[i])));
	$("no-applications").hidden = cards.length > 0;
}

function voucherCard(v) {
	const form = $("voucher-errors");
	return el("div", { class: "card voucher", dataset: { id: v.id, status: v.status } },
	    el("div", {}, el("strong", {}, v.application_number), " · ", childName(v.child)),
	    el("div", {}, `${t("status")}: `, el("span", { class: "status" }, v.status_label)),
	    v.status === "issued" ? el("div", {}, `${t("confirm_by")}: ${when(v.confirm_by)}`) : null,
	    v.enrol_by ? el("div", {}, `${t("enrol_by")}: ${when(v.enrol_by)}`) : null,
	    v.status === "issued" ? el("button", { class: "confirm", type: "button", onclick: () =>
		guarded(form, async () => {
			await bq.postVoucherConfirm({ path: { id: v.id } });
			await Promise.all([showVouchers(), showApplications(), showNotifications()]);
		}) }, t("confirm")) : null);
}

async function showVouchers() {
	const { items } = await bq.getVouchers();
	$("vouchers").replaceChildren(...items.map(voucherCard));
	$("no-vouchers").hidden = items.length > 0;
}

async function showNotifications() {
	const [{ items }, { count }] = await Promise.all([
		bq.getNotifications({ query: { limit: 10 } }), bq.getUnreadCount()]);
	// Each copy outside the app, and how it went.
	$("notifications").replaceChildren(...items.map((n) => el("li", { class: n.read ? "muted" : "" },
	    el("small", {}, when(n.at)), " ", n.text,
	    ...n.deliveries.map((d) => el("small", { class: "delivery", dataset: { channel: d.channel, state: d.state } },
		` · ${t(`channel.${d.channel}`)}: ${t(`delivery.${d.state}`)}`)))));
	$("no-notifications").hidden = items.length > 0;
	$("unread").textContent = count ? `(${count})` : "";
}

// The kindergartens of the chosen region, the first page of them.
async function kindergartenOptions() {
	const f = $("apply-form");
	const region = f.elements.region_id.value;
	const { items } = region ? await bq.getKindergartens({ query: { region_id: region, limit: 50 } }) : { items: [] };
	f.elements.kindergarten_ids.replaceChildren(...items.map((k) => el("option", { value: k.id }, `${k.code} ${k.name}`)));
}

$("apply-form").elements.region_id.addEventListener("change", () => kindergartenOptions());
$("transfer-form").elements.region_id.addEventListener("change", () => transferChoices());

$("check-iin").addEventListener("click", () => {
	const f = $("child-form");
	guarded(f, async () => {
		const p = await bq.postChildrenLookup({ body: { iin: field(f, "iin") } });
		$("registry-person").textContent = `${[p.surname, p.first_name, p.patronymic].filter(Boolean).join(" ")}, ${p.birth_date}`;
	});
});

async function applyForm() {
	const f = $("apply-form");
	f.elements.queue_type.replaceChildren(...reference.queue_types.filter((q) => q.code === "general")
	    .map((q) => el("option", { value: q.code }, localName(q.name))));
	$("languages").replaceChildren(el("legend", {}, t("language")), ...reference.languages.map((l) =>
	    el("label", { class: "check" }, el("input", { type: "checkbox", name: "languages", value: l.code }), localName(l.name))));
	f.elements.priority_category.replaceChildren(el("option", { value: "" }, t("priority_none")),
	    ...reference.priority_categories.map((c) => el("option", { value: c.code }, localName(c.name))));
	const { items: regions } = await bq.getRegions();
	regionOptions(f.elements.region_id, regions);
	regionOptions($("transfer-form").elements.region_id, regions);
	await Promise.all([kindergartenOptions(), transferChoices()]);
}

// Adding a child: when an account with no standing holds it, its parent
// is offered the claim (the same request with claim: true).
async function addChild(f, claim) {
	try {
		await bq.postChildren({ body: { iin: field(f, "iin"), sex: f.elements.sex.value, claim } });
	} catch (e) {
		$("claim-child").hidden = !(e instanceof ApiError &&
		    e.errors.some((x) => x.code === "claimable"));
		throw e;
	}
	$("claim-child").hidden = true;
	f.reset();
	$("registry-person").textContent = "";
	await Promise.all([showChildren(), showApplications()]);
}

onSubmit($("child-form"), (f) => addChild(f, false));
$("claim-child").addEventListener("click", () => guarded($("child-form"), () => addChild($("child-form"), true)));

onSubmit($("invite-form"), async (f) => {
	const i = await bq.postChildTrustee({ path: { id: f.elements.child_id.value }, body: { iin: field(f, "iin") } });
	f.elements.iin.value = "";
	$("invited").textContent = `${t("invited_until")} ${when(i.expires_at)}`;
});

function showNotifySettings(s) {
	const f = $("notify-form");
	f.elements.sms.checked = s.sms;
	f.elements.email.checked = s.email;
	f.elements.language.value = s.language;
}

onSubmit($("notify-form"), async (f) => {
	$("notify-saved").hidden = true;
	showNotifySettings(await bq.patchNotificationSettings({ body: {
		sms: f.elements.sms.checked, email: f.elements.email.checked,
		language: f.elements.language.value } }));
	$("notify-saved").hidden = false;
});

onSubmit($("email-form"), async (f) => {
	showEmail(await bq.patchMe({ body: { email: field(f, "email") } }));
	f.reset();
	$("email-code-form").elements.code.focus();
});

onSubmit($("email-code-form"), async (f) => {
	showEmail(await bq.postMeEmailVerify({ body: { code: field(f, "code") } }));
	f.reset();
});

onSubmit($("apply-form"), async (f) => {
	// A claimed priority goes with its proof, uploaded first.
	const priority = f.elements.priority_category.value || null;
	const proof = priority ? await uploadProof(f.elements.priority_document_id, priority) : null;
	await bq.postApplication({ body: {
		...(priority ? { priority_category: priority, priority_document_id: proof } : {}),
		child_id: f.elements.child_id.value,
		queue_type: f.elements.queue_type.value,
		region_id: f.elements.region_id.value,
		languages: [...f.querySelectorAll("input[name=languages]:checked")].map((i) => i.value),
		kindergarten_ids: [...f.elements.kindergarten_ids.selectedOptions].map((o) => o.value),
		consent: f.elements.consent.checked,
	} });
	f.elements.consent.checked = false;
	f.elements.priority_category.value = "";
	f.elements.priority_document_id.value = "";
	await Promise.all([showApplications(), showNotifications()]);
});

let shown = null;	/* whether the cabinet (true) or the sign-in shows */
let formReady = null;	/* the apply form's choices, filled once a page */

async function load() {
	const signedIn = Boolean(bq.tokens);
	shown = signedIn;
	$("guest").hidden = signedIn;
	$("cabinet").hidden = !signedIn;
	$("sign-out").hidden = !signedIn;
	document.body.dataset.ready = "false";
	if (signedIn) {
		try {
			const me = await bq.getMe();
			$("account-name").textContent = [me.surname, me.first_name].filter(Boolean).join(" ");
			showEmail(me);
			reference ??= await bq.getReference();
			formReady ??= applyForm();
			await Promise.all([showChildren(), formReady, showApplications(), showVouchers(),
				showNotifications(), showTrust(), showFamilies(), showTransfers(),
				bq.getNotificationSettings().then(showNotifySettings)]);
		} catch (e) {
			formReady = null;
			// A session the server no longer takes: back to the sign-in.
			if (e.status !== 401) throw e;
		}
	}
	document.body.dataset.ready = "true";
}

// Signing in or out redraws; a refreshed token does not.
document.addEventListener("bq:session", (e) => {
	if (e.detail !== shown) load();
});
load();
