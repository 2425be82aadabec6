// A verifier's page: the special-queue applications of the region waiting
// for verification, each with its PMPK conclusion to open, confirmed into
// the queue or rejected with a reason the family is told; and the priority
// claims waiting for a decision on their proof, confirmed with the day the
// proof was issued or found false with a reason.
import { bq, download, el, localName, onSubmit, t, when } from "./api.js";
import { rolePage } from "./signin.js";

const $ = (id) => document.getElementById(id);
const person = (p) => [p.surname, p.first_name, p.patronymic].filter(Boolean).join(" ");
let reference = null;

function correctionName(code) {
	const c = reference?.correction_types.find((x) => x.code === code);
	return c ? localName(c.name) : code ?? "—";
}

function applicationCard(a) {
	const link = el("a", { class: "pmpk-file", hidden: true }, t("pmpk_open"));
	const open = el("button", { type: "button", class: "secondary pmpk", onclick: async () => {
		const file = await bq.getDocument({ path: { id: a.pmpk_document_id } });
		download(link, `pmpk-${a.number}`, file);
	} }, t("pmpk_fetch"));
	const confirm = el("form", { class: "inline confirm-form" },
	    el("button", { type: "submit" }, t("confirm_application")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(confirm, async () => {
		await bq.postConfirm({ path: { id: a.id } });
		await showApplications();
	});
	const reject = el("form", { class: "inline reject-form" },
	    el("label", {}, el("span", {}, t("reject_reason")), el("input", { name: "reason", minlength: "3", maxlength: "1000", required: true })),
	    el("button", { type: "submit", class: "secondary" }, t("reject")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(reject, async (f) => {
		await bq.postReject({ path: { id: a.id }, body: { reason: f.elements.reason.value.trim() } });
		await showApplications();
	});
	return el("div", { class: "card application", dataset: { id: a.id } },
	    el("div", {}, el("strong", { class: "number" }, a.number), " · ", person(a.child), ", ", a.child.birth_date ?? ""),
	    el("div", {}, `${t("correction")}: ${correctionName(a.correction_type)} · ${t("filed_at")}: ${when(a.filed_at)}`),
	    a.pmpk_document_id ? el("div", {}, open, " ", link) : el("div", { class: "muted" }, t("pmpk_missing")),
	    confirm, reject);
}

async function showApplications() {
	const { items } = await bq.getStaffApplications();
	$("applications").replaceChildren(...items.map(applicationCard));
	$("no-applications").hidden = items.length > 0;
}

function category(code) {
	return reference?.priority_categories.find((x) => x.code === code);
}

// Today in Almaty, as the API counts a proof's days.
const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Almaty" });

function claimCard(a) {
	const c = category(a.priority_category);
	const link = el("a", { class: "proof-file", hidden: true }, t("proof_open"));
	const open = el("button", { type: "button", class: "secondary proof", onclick: async () => {
		const file = await bq.getDocument({ path: { id: a.priority_document_id } });
		download(link, `proof-${a.number}`, file);
	} }, t("proof_fetch"));
	const confirm = el("form", { class: "inline priority-confirm-form" },
	    el("label", {}, el("span", {}, t("proof_issued_on")),
		el("input", { name: "issued_on", type: "date", max: today(), value: today(), required: true })),
	    el("button", { type: "submit" }, t("priority_confirm")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(confirm, async (f) => {
		await bq.postPriorityConfirm({ path: { id: a.id }, body: { issued_on: f.elements.issued_on.value } });
		await showClaims();
	});
	const refute = el("form", { class: "inline priority-refute-form" },
	    el("label", {}, el("span", {}, t("refute_reason")), el("input", { name: "reason", minlength: "3", maxlength: "1000", required: true })),
	    el("button", { type: "submit", class: "secondary" }, t("priority_refute")),
	    el("p", { class: "error", dataset: { role: "error" }, hidden: true }));
	onSubmit(refute, async (f) => {
		await bq.postPriorityRefute({ path: { id: a.id }, body: { reason: f.elements.reason.value.trim() } });
		await showClaims();
	});
	const lasts = c?.valid_months ? t("proof_valid_months").replace("{n}", c.valid_months) : t("proof_no_lapse");
	return el("div", { class: "card claim", dataset: { id: a.id } },
	    el("div", {}, el("strong", { class: "number" }, a.number), " · ", person(a.child), ", ", a.child.birth_date ?? ""),
	    el("div", {}, `${t("priority")}: `, el("span", { class: "category" }, c ? localName(c.name) : a.priority_category),
		` · ${t("filed_at")}: ${when(a.filed_at)}`),
	    el("div", { class: "muted" }, `${t("proof_kinds")}: ${(c?.proof_kinds ?? []).map(kindName).join(", ")} · ${lasts}`),
	    el("div", {}, open, " ", link), confirm, refute);
}

function kindName(code) {
	const k = reference?.document_kinds.find((x) => x.code === code);
	return k ? localName(k.name) : code;
}

async function showClaims() {
	const { items } = await bq.getPriorityClaims();
	$("claims").replaceChildren(...items.map(claimCard));
	$("no-claims").hidden = items.length > 0;
}

rolePage("verifier", async () => {
	reference ??= await bq.getReference();
	await Promise.all([showApplications(), showClaims()]);
});
