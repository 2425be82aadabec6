// A kindergarten's staff page: the requests for a place (a contract made
// or the request declined), the contracts (signed with the kindergarten's
// CMS file) and their histories, the group's attendance of a day, and the
// day's menu.
import { bq, day, download, el, onSubmit, t, when } from "./api.js";
import { rolePage } from "./signin.js";

const $ = (id) => document.getElementById(id);
const person = (p) => [p.surname, p.first_name].filter(Boolean).join(" ");
const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Almaty" });

// ---- requests for a place -----------------------------------------------

function requestCard(e) {
	const contract = el("form", { class: "inline contract-form" },
	    el("label", {}, el("span", {}, t("start_date")), el("input", { name: "start_date", type: "date", required: true, value: today() })),
	    el("label", {}, el("span", {}, t("monthly_fee")), el("input", { name: "monthly_fee", type: "number", min: "0", required: true })),
	    el("button", { type: "submit" }, t("make_contract")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(contract, async (f) => {
		await bq.postStaffContract({ path: { id: e.id }, body: {
			start_date: f.elements.start_date.value, monthly_fee: Number(f.elements.monthly_fee.value) } });
		await Promise.all([showRequests(), showContracts()]);
	});
	const decline = el("form", { class: "inline decline-form" },
	    el("label", {}, el("span", {}, t("reason")), el("input", { name: "reason", minlength: "3", required: true })),
	    el("button", { type: "submit", class: "secondary" }, t("decline")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(decline, async (f) => {
		await bq.postStaffDecline({ path: { id: e.id }, body: { reason: f.elements.reason.value.trim() } });
		await showRequests();
	});
	return el("div", { class: "card request", dataset: { id: e.id } },
	    el("div", {}, el("strong", {}, e.application_number), " · ", person(e.child), " · ", e.group.name),
	    el("div", { class: "muted" }, `${t("requested_at")}: ${when(e.created_at)}`), contract, decline);
}

async function showRequests() {
	const { items } = await bq.getStaffEnrolments({ query: { status: "requested" } });
	$("requests").replaceChildren(...items.map(requestCard));
	$("no-requests").hidden = items.length > 0;
}

// ---- contracts --------------------------------------------------------

// The file's bytes as base64, for the CMS signature body.
async function base64(file) {
	const bytes = new Uint8Array(await file.arrayBuffer());
	let s = "";
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
}

function historyTable(items) {
	return el("table", { class: "history" },
	    el("thead", {}, el("tr", {}, ["at", "from_status", "to_status", "actor"].map((k) => el("th", {}, t(k))))),
	    el("tbody", {}, items.map((h) => el("tr", {}, el("td", {}, when(h.at)), el("td", {}, h.from ?? "—"),
		el("td", {}, h.to), el("td", {}, h.actor.name ?? t(`role.${h.actor.role}`))))));
}

function contractCard(c) {
	const box = el("div", { class: "history-box" });
	const sign = el("form", { class: "inline sign-form" },
	    el("label", {}, el("span", {}, t("cms_file")), el("input", { name: "cms", type: "file", accept: ".p7s,.cms,.der", required: true })),
	    el("button", { type: "submit" }, t("sign")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(sign, async (f) => {
		await bq.postStaffContractSignature({ path: { id: c.id }, body: { cms: await base64(f.elements.cms.files[0]) } });
		await showContracts();
	});
	const waiting = c.status === "ready" && !c.signatures.kindergarten;
	const signedBy = ["parent", "kindergarten"].filter((p) => c.signatures[p]).map((p) => {
		const s = c.signatures[p];
		return el("div", { class: "muted signature", dataset: { party: p } },
		    `${t(`signed_by.${p}`)}: ${when(s.signed_at)}`,
		    s.timestamp_source ? ` · ${t(`timestamp.${s.timestamp_source}`)}` : "",
		    s.revocation ? ` · ${t(`revocation.${s.revocation.status}`)} (${s.revocation.method.toUpperCase()})` : "",
		    s.algorithm ? ` · ${s.algorithm}` : "");
	});
	// The package a court would be shown, saved as a file.
	const evidence = el("a", { class: "evidence-file", hidden: true }, t("download"));
	const evidenceButton = signedBy.length === 0 ? null : el("button", { type: "button", class: "secondary evidence-button",
	    title: t("evidence_note"), onclick: async () => {
		const e = await bq.getContractEvidence({ path: { id: c.id } });
		download(evidence, `evidence-${c.number}.json`, new Blob([JSON.stringify(e, null, 2)], { type: "application/json" }));
	    } }, t("evidence"));
	return el("div", { class: "card contract", dataset: { id: c.id, status: c.status } },
	    el("div", {}, el("strong", {}, c.number), " · ", person(c.child), " · ", c.group.name),
	    el("div", {}, `${t("status")}: `, el("span", { class: "status" }, c.status_label)),
	    el("div", { class: "muted" }, `${t("start_date")}: ${day(c.start_date)} · ${t("sign_by")}: ${when(c.sign_by)}`),
	    ...signedBy,
	    waiting ? sign : null,
	    evidenceButton, evidence,
	    el("button", { type: "button", class: "secondary history-button", onclick: async () => {
		box.replaceChildren(historyTable((await bq.getContractHistory({ path: { id: c.id } })).items));
	    } }, t("moves")), box);
}

async function showContracts() {
	const { items } = await bq.getContracts();
	$("contracts").replaceChildren(...items.map(contractCard));
	$("no-contracts").hidden = items.length > 0;
}

// ---- attendance -------------------------------------------------------

const REASONS = ["illness", "leave", "other"];

function markRow(i) {
	const present = el("input", { type: "checkbox", name: "present", checked: i.present !== false });
	const reason = el("select", { name: "reason" }, REASONS.map((r) =>
	    el("option", { value: r, selected: i.reason === r }, t(`absence.${r}`))));
	return el("tr", { dataset: { child: i.child.id } }, el("td", {}, person(i.child)),
	    el("td", {}, present), el("td", {}, reason));
}

async function showSheet() {
	const f = $("sheet-form");
	const sheet = await bq.getGroupAttendance({ path: { id: f.elements.group_id.value, date: f.elements.date.value } });
	$("marks").replaceChildren(...sheet.items.map(markRow));
	$("no-marks").hidden = sheet.items.length > 0;
	$("marks-saved").hidden = true;
}

onSubmit($("sheet-form"), () => showSheet());

onSubmit($("marks-form"), async () => {
	const f = $("sheet-form");
	const marks = [...$("marks").querySelectorAll("tr")].map((tr) => {
		const present = tr.querySelector("[name=present]").checked;
		return { child_id: tr.dataset.child, present, ...(present ? {} : { reason: tr.querySelector("[name=reason]").value }) };
	});
	await bq.putGroupAttendance({ path: { id: f.elements.group_id.value, date: f.elements.date.value }, body: marks });
	await showSheet();
	$("marks-saved").hidden = false;
});

// ---- the menu ---------------------------------------------------------

let menu = null;	/* the day's menu as shown, to add a dish to */

async function showMenu() {
	menu = await bq.getMenu({ path: { date: $("menu-day").elements.date.value } });
	$("meals").replaceChildren(...menu.meals.map((m) => el("li", { dataset: { meal: m.meal } },
	    `${t(`meal.${m.meal}`)}: `, m.dishes.map((d) => d.name_kk === d.name_ru ? d.name_kk : `${d.name_kk} / ${d.name_ru}`).join(", "))));
	$("no-meals").hidden = menu.meals.length > 0;
}

onSubmit($("menu-day"), () => showMenu());

onSubmit($("menu-form"), async (f) => {
	const calories = f.elements.calories.value;
	const dish = { name_kk: f.elements.name_kk.value.trim(), name_ru: f.elements.name_ru.value.trim(),
	    ...(calories ? { calories: Number(calories) } : {}) };
	const meals = menu.meals.map((m) => ({ meal: m.meal, dishes: m.dishes }));
	const meal = meals.find((m) => m.meal === f.elements.meal.value);
	if (meal) meal.dishes.push(dish);
	else meals.push({ meal: f.elements.meal.value, dishes: [dish] });
	await bq.putMenu({ path: { date: $("menu-day").elements.date.value }, body: { meals } });
	f.reset();
	await showMenu();
});

// ---- the page ---------------------------------------------------------

rolePage("kindergarten_staff", async (me) => {
	const kg = me.scopes.find((x) => x.role === "kindergarten_staff")?.kindergarten;
	const card = kg ? await bq.getKindergarten({ path: { id: kg.id } }) : { groups: [] };
	$("sheet-form").elements.group_id.replaceChildren(...card.groups.map((g) =>
	    el("option", { value: g.id }, `${g.name} · ${g.language}`)));
	$("sheet-form").elements.date.value = today();
	$("menu-day").elements.date.value = today();
	await Promise.all([showRequests(), showContracts(),
		card.groups.length ? showSheet() : null, showMenu()]);
});
