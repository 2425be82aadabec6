// The public page: the catalogue of kindergartens and the anonymised
// queue, each a page at a time with "more" following the cursor.
import { bq, guarded, el, localName, onSubmit, regionOptions, t, when } from "./api.js";
import { translate } from "./i18n.js";

translate();

// A list that grows page by page: ROWS gets a row per item, MORE follows
// the cursor until there is none.
function pager(rows, empty, more, fetchPage, row) {
	let next = null, args = null;
	async function load(reset) {
		const page = await fetchPage({ ...args, cursor: reset ? undefined : next });
		if (reset) rows.replaceChildren();
		rows.append(...page.items.map(row));
		next = page.next_cursor;
		more.hidden = !next;
		empty.hidden = rows.children.length > 0;
	}
	more.onclick = () => load(false);
	return (query) => {
		args = query;
		return load(true);
	};
}

const catalogueForm = document.getElementById("catalogue-filter");
const showCatalogue = pager(document.getElementById("kindergartens"),
    document.getElementById("catalogue-empty"), document.getElementById("catalogue-more"),
    (query) => bq.getKindergartens({ query: { ...query, limit: 20 } }),
    (kg) => el("tr", { dataset: { id: kg.id } },
	el("td", {}, kg.code), el("td", {}, kg.name, el("br"), el("small", { class: "muted" }, kg.address)),
	el("td", {}, kg.languages.join(", ")), el("td", { class: "free" }, kg.free_places)));

function catalogueQuery() {
	const f = new FormData(catalogueForm);
	return {
		region_id: f.get("region_id") || undefined,
		language: f.get("language") || undefined,
		q: f.get("q") || undefined,
		has_free_places: f.get("has_free_places") ? true : undefined,
	};
}

onSubmit(catalogueForm, () => showCatalogue(catalogueQuery()));

const queueForm = document.getElementById("queue-filter");
const priorityName = { extraordinary: t("extraordinary"), priority: t("priority_kind") };
const showQueue = pager(document.getElementById("queue-rows"),
    document.getElementById("queue-empty"), document.getElementById("queue-more"),
    (query) => bq.getQueue({ query: { ...query, limit: 50 } }),
    (r) => el("tr", {}, el("td", {}, r.position), el("td", { class: "number" }, r.number),
	el("td", {}, when(r.filed_at)), el("td", {}, r.priority ? priorityName[r.priority] : "—")));

onSubmit(queueForm, () => {
	const f = new FormData(queueForm);
	return showQueue({
		region_id: f.get("region_id"),
		queue_type: f.get("queue_type"),
		birth_year: Number(f.get("birth_year")),
	});
});

async function start() {
	await guarded(catalogueForm, async () => {
		const [reference, { items: regions }] = await Promise.all([bq.getReference(), bq.getRegions()]);
		regionOptions(catalogueForm.elements.region_id, regions, { blank: t("all_regions") });
		regionOptions(queueForm.elements.region_id, regions);
		queueForm.elements.queue_type.replaceChildren(...reference.queue_types.map(
		    (q) => el("option", { value: q.code }, localName(q.name))));
		queueForm.elements.birth_year.value = new Date().getFullYear() - 4;
		await showCatalogue(catalogueQuery());
	});
	document.body.dataset.ready = "true";
}

start();
