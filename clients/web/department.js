// The education department's page: its city's kindergartens and groups
// (suspended, reopened, made, resized, closed), the allocation rounds and
// their schedule, the exports, the working-day calendar and the audit log.
import { bq, day, download, el, guarded, localName, onSubmit, regionOptions, t, when } from "./api.js";
import { rolePage } from "./signin.js";

const $ = (id) => document.getElementById(id);
const region = () => $("region-form").elements.region_id.value;
let reference = null;

// A drawing that only the latest call of it finishes: an older answer
// (another region's, or one overtaken by an edit) is dropped.
function latest(draw) {
	let seq = 0;
	return async (...args) => {
		const mine = ++seq;
		const got = await draw.fetch(...args);
		if (mine === seq) draw.show(got);
	};
}

// ---- kindergartens and groups -------------------------------------------

let cards = [];	/* the region's kindergartens, each its card with groups */

function groupLabel(g) {
	return `${g.name} · ${g.language} · ${g.capacity - g.free_places}/${g.capacity}`;
}

const showKindergartens = latest({
	async fetch() {
		// Past the catalogue's public cache: the department sees its own edits.
		const fresh = { cache: "no-store" };
		const { items } = await bq.getKindergartens({ query: { region_id: region(), limit: 50 }, ...fresh });
		return Promise.all(items.map((k) => bq.getKindergarten({ path: { id: k.id }, ...fresh })));
	},
	show(got) {
		cards = got;
		$("kindergartens").replaceChildren(...cards.map((k) => el("tr", { dataset: { id: k.id, status: k.status } },
		    el("td", {}, `${k.code} ${k.name}`),
		    el("td", { class: "status" }, t(`kg_status.${k.status}`), k.suspended_reason ? ` (${k.suspended_reason})` : ""),
		    el("td", {}, k.groups.map(groupLabel).join("; ")))));
		const kgOptions = () => cards.map((k) => el("option", { value: k.id }, `${k.code} ${k.name}`));
		const groupOptions = () => cards.flatMap((k) => k.groups.map((g) =>
		    el("option", { value: g.id }, `${k.code}: ${groupLabel(g)}`)));
		$("suspend-form").elements.kindergarten_id.replaceChildren(...kgOptions());
		$("group-form").elements.kindergarten_id.replaceChildren(...kgOptions());
		$("capacity-form").elements.group_id.replaceChildren(...groupOptions());
		$("close-form").elements.group_id.replaceChildren(...groupOptions());
	},
});

onSubmit($("suspend-form"), async (f) => {
	await bq.postKindergartenSuspend({ path: { id: f.elements.kindergarten_id.value },
	    body: { reason: f.elements.reason.value.trim() } });
	f.elements.reason.value = "";
	await Promise.all([showKindergartens(), showAudit()]);
});

$("reopen").addEventListener("click", () => guarded($("suspend-form"), async () => {
	await bq.postKindergartenReopen({ path: { id: $("suspend-form").elements.kindergarten_id.value } });
	await Promise.all([showKindergartens(), showAudit()]);
}));

onSubmit($("group-form"), async (f) => {
	await bq.postKindergartenGroup({ path: { id: f.elements.kindergarten_id.value }, body: {
		name: f.elements.name.value.trim(), age_group: f.elements.age_group.value,
		language: f.elements.language.value, capacity: Number(f.elements.capacity.value) } });
	f.elements.name.value = "";
	await Promise.all([showKindergartens(), showAudit()]);
});

onSubmit($("capacity-form"), async (f) => {
	await bq.patchGroup({ path: { id: f.elements.group_id.value },
	    body: { capacity: Number(f.elements.capacity.value) } });
	await Promise.all([showKindergartens(), showAudit()]);
});

onSubmit($("close-form"), async (f) => {
	await bq.postGroupClose({ path: { id: f.elements.group_id.value },
	    body: { reason: f.elements.reason.value.trim() } });
	f.elements.reason.value = "";
	await Promise.all([showKindergartens(), showAudit()]);
});

onSubmit($("kg-form"), async (f) => {
	const v = (name) => f.elements[name].value.trim();
	await bq.postKindergarten({ body: {
		code: v("code"), bin: v("bin"), name_kk: v("name_kk"), name_ru: v("name_ru"),
		region_id: region(), address_kk: v("address_kk"), address_ru: v("address_ru"),
		lat: Number(v("lat")), lon: Number(v("lon")), ownership: f.elements.ownership.value } });
	f.reset();
	await Promise.all([showKindergartens(), showAudit()]);
});

// ---- rounds, their schedule and the exports --------------------------------

function showSchedule(s) {
	$("next-run").textContent = when(s.next_run_at);
	$("schedule-state").textContent = s.at ? `${s.at} · ${t(s.enabled ? "schedule_on" : "schedule_off")}` : t("schedule_none");
	const f = $("schedule-form");
	if (s.at) {
		f.elements.at.value = s.at;
		f.elements.days.value = s.days;
		f.elements.dates.value = s.dates.join(", ");
		f.elements.enabled.checked = s.enabled;
	}
	$("runs").replaceChildren(...s.runs.map((r) => el("tr", { dataset: { outcome: r.outcome } },
	    el("td", {}, when(r.due_at)), el("td", {}, r.attempt),
	    el("td", {}, t(`outcome.${r.outcome}`), r.problem ? ` (${r.problem})` : ""))));
}

onSubmit($("schedule-form"), async (f) => {
	const dates = f.elements.dates.value.split(",").map((d) => d.trim()).filter(Boolean);
	await bq.putRoundSchedule({ path: { id: region() }, body: {
		at: f.elements.at.value.slice(0, 5), days: f.elements.days.value,
		...(f.elements.days.value === "dates" ? { dates } : {}),
		enabled: f.elements.enabled.checked } });
	await showRounds();
	await showAudit();
});

function roundRow(r) {
	const link = el("a", { hidden: true }, t("download"));
	const button = el("button", { type: "button", class: "secondary protocol", onclick: async () => {
		const csv = await bq.getRound({ path: { id: r.id }, query: { format: "csv" } });
		download(link, `round-${r.id}.csv`, csv);
	} }, t("protocol_csv"));
	// The checks it passed before publishing, or those that refused it.
	const failed = r.checks.filter((c) => !c.passed).map((c) => c.check);
	return el("tr", { dataset: { id: r.id, status: r.status } }, el("td", {}, when(r.started_at)), el("td", {}, r.applications),
	    el("td", { class: "issued" }, r.issued), el("td", {}, r.scheduled_for ? when(r.scheduled_for) : t("by_hand")),
	    el("td", { class: "checks" }, t(`round_status.${r.status}`), failed.length ? ` (${failed.join(", ")})` : ""),
	    el("td", {}, button, " ", link));
}

const showRounds = latest({
	fetch: () => Promise.all([bq.getRoundSchedule({ path: { id: region() } }),
		bq.getRounds({ query: { region_id: region() } })]),
	show([schedule, { items }]) {
		showSchedule(schedule);
		$("rounds").replaceChildren(...items.slice(0, 10).map(roundRow));
	},
});

onSubmit($("round-form"), async () => {
	const r = await bq.postRound({ body: { region_id: region() } });
	$("round-done").textContent = r.status === "refused" ? t("round_status.refused") : `${t("issued")}: ${r.issued}`;
	await showRounds();
});

$("queue-csv").addEventListener("click", async () => {
	const csv = await bq.getRegionQueue({ path: { id: region() }, query: { format: "csv" } });
	download($("queue-file"), "queue.csv", csv);
});

// ---- the calendar -----------------------------------------------------

async function showYear() {
	const year = Number($("year-form").elements.year.value);
	const y = await bq.getCalendarYear({ path: { year } });
	$("year-state").textContent = t(y.maintained ? "maintained" : "not_maintained");
	$("days").replaceChildren(...y.days.map((d) => el("tr", { dataset: { date: d.date } },
	    el("td", {}, day(d.date)), el("td", {}, t(d.working ? "working_day" : "day_off")),
	    el("td", {}, d.reason),
	    el("td", {}, el("button", { type: "button", class: "secondary remove", onclick: () =>
		guarded($("day-form"), async () => {
			await bq.deleteCalendarDay({ path: { date: d.date } });
			await Promise.all([showYear(), showAudit()]);
		}) }, t("remove"))))));
}

onSubmit($("year-form"), () => showYear());

onSubmit($("day-form"), async (f) => {
	const date = f.elements.date.value;
	const source = f.elements.source.value.trim();
	await bq.putCalendarDay({ path: { date }, body: { working: f.elements.working.value === "true",
	    reason: f.elements.reason.value.trim(), source: source || null } });
	$("year-form").elements.year.value = date.slice(0, 4);
	await Promise.all([showYear(), showAudit()]);
});

// ---- the audit log ----------------------------------------------------

async function showAudit() {
	const { items } = await bq.getAudit({ query: { limit: 20 } });
	$("audit").replaceChildren(...items.map((e) => el("tr", { dataset: { action: e.action } },
	    el("td", {}, when(e.at)), el("td", {}, t(`audit.${e.action}`)),
	    el("td", {}, `${t(`object.${e.object_type}`)} ${e.object_id}`),
	    el("td", {}, e.actor?.name ?? t("system")))));
}

// ---- the page ---------------------------------------------------------

async function showRegion() {
	await Promise.all([showKindergartens(), showRounds()]);
}

$("region-form").elements.region_id.addEventListener("change", () => showRegion());

rolePage("admin", async (me) => {
	reference ??= await bq.getReference();
	const options = (list) => list.map((x) => el("option", { value: x.code }, localName(x.name)));
	$("group-form").elements.age_group.replaceChildren(...options(reference.age_groups));
	$("group-form").elements.language.replaceChildren(...options(reference.languages));
	$("kg-form").elements.ownership.replaceChildren(...options(reference.ownerships));
	// A city's department sees its city; the country's chooses.
	const { items } = await bq.getRegions();
	const mine = me.scopes.find((x) => x.role === "admin")?.region?.id;
	regionOptions($("region-form").elements.region_id, items.filter((r) => !mine || r.id === mine).map(
	    (r) => ({ ...r, localities: [] })));
	const asked = new URLSearchParams(location.search).get("region");
	if (asked) $("region-form").elements.region_id.value = asked;
	$("year-form").elements.year.value = new Date().getFullYear();
	await Promise.all([showRegion(), showYear(), showAudit()]);
});
