// The page's API client: the API's address from ?api= (kept in
// localStorage for the next pages and tabs) or the one scripts/run
// serves; the session in sessionStorage, so a reload keeps it and closing
// the tab ends it.
import { createClient, ApiError } from "../js/src/index.js";
import { language, t } from "./i18n.js";

export { ApiError };

function apiBase() {
	const asked = new URLSearchParams(location.search).get("api");
	if (asked) localStorage.setItem("bq_api", asked);
	return localStorage.getItem("bq_api") ?? "http://127.0.0.1:8888";
}

function keptTokens() {
	try {
		return JSON.parse(sessionStorage.getItem("bq_tokens"));
	} catch {
		return null;
	}
}

export const bq = createClient({
	baseUrl: apiBase(),
	language: language(),
	tokens: keptTokens(),
	onTokens: (tokens) => {
		if (tokens) sessionStorage.setItem("bq_tokens", JSON.stringify(tokens));
		else sessionStorage.removeItem("bq_tokens");
		document.dispatchEvent(new CustomEvent("bq:session", { detail: Boolean(tokens) }));
	},
});

// Shows an error in the form's [data-role=error] and next to the fields
// it names (inputs by name); clears both on success.
export async function guarded(form, action) {
	const box = form.querySelector("[data-role=error]");
	for (const el of form.querySelectorAll(".field-error")) el.remove();
	box.textContent = "";
	box.hidden = true;
	const button = form.querySelector("button[type=submit]");
	if (button) button.disabled = true;
	try {
		return await action();
	} catch (e) {
		if (!(e instanceof ApiError)) throw e;
		box.textContent = e.detail ?? e.title ?? e.message;
		box.hidden = false;
		for (const fe of e.errors) {
			const input = form.querySelector(`[name="${CSS.escape(fe.field)}"]`);
			if (!input) continue;
			const note = document.createElement("small");
			note.className = "field-error";
			note.textContent = fe.message;
			input.insertAdjacentElement("afterend", note);
		}
		return undefined;
	} finally {
		if (button) button.disabled = false;
	}
}

// Runs ACTION(form) on the form's submit, its problems shown by guarded().
export function onSubmit(form, action) {
	form.addEventListener("submit", (e) => {
		e.preventDefault();
		guarded(form, () => action(form));
	});
}

export function localName(names) {
	return names?.[language()] ?? names?.kk ?? "";
}

// Times and dates as Almaty's clocks show them, wherever the device is:
// the deadlines are Almaty's working days.
const ALMATY = { timeZone: "Asia/Almaty" };
const locale = () => (language() === "ru" ? "ru-RU" : "kk-KZ");

export function when(iso) {
	return iso ? new Date(iso).toLocaleString(locale(), ALMATY) : "—";
}

// A date (YYYY-MM-DD) of Almaty's calendar.
export function day(date) {
	return new Date(`${date}T12:00:00+05:00`).toLocaleDateString(locale(), ALMATY);
}

export function el(tag, attrs = {}, ...children) {
	const node = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) {
		if (k === "dataset") Object.assign(node.dataset, v);
		else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
		else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
	}
	node.append(...children.flat().filter((c) => c !== null && c !== undefined).map(
	    (c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
	return node;
}

// The regions (of getRegions) as options: each top-level region, then
// its localities.
export function regionOptions(select, regions, { blank } = {}) {
	select.replaceChildren(...(blank ? [el("option", { value: "" }, blank)] : []));
	for (const r of regions) {
		select.append(el("option", { value: r.id, dataset: { code: r.code } }, r.name));
		for (const l of r.localities) select.append(el("option", { value: l.id, dataset: { code: l.code } }, `— ${l.name}`));
	}
}

// Offers what the API gave (a Blob, or a text such as a CSV export) as a
// file named NAME behind LINK, freeing the link's previous file.
export function download(link, name, data) {
	const file = data instanceof Blob ? data : new Blob([data], { type: "text/csv" });
	if (link.href) URL.revokeObjectURL(link.href);
	link.href = URL.createObjectURL(file);
	link.download = name;
	link.dataset.size = String(file.size);
	link.hidden = false;
}

export { t };
