// bq against the running server (BQ_API_URL, BQ_DATA_DIR as for the JS
// client's tests): node --test clients/cli/test
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { createClient } from "../../js/src/index.js";
import { API, DEMO_PASSWORD, PASSWORD, bornAgo, journeyRegion, mailCode, makeIin,
    registerParent } from "../../js/test/support.mjs";

const BQ = join(dirname(fileURLToPath(import.meta.url)), "..", "bq");
const home = mkdtempSync(join(tmpdir(), "bq-cli-"));

// A shell user of their own: a session file and, to see what curl is
// given, a curl on PATH that writes down its arguments first.
function user(name) {
	const bin = join(home, `${name}-bin`);
	spawnSync("mkdir", ["-p", bin]);
	for (const tool of ["curl", "jq"]) {
		writeFileSync(join(bin, tool), `#!/bin/sh\nprintf '%s\\n' "$@" >>"${bin}/argv"\nexec /usr/bin/${tool} "$@"\n`);
		chmodSync(join(bin, tool), 0o755);
	}
	const session = join(home, `${name}.json`);
	const run = (args, { input, env = {} } = {}) => {
		const r = spawnSync(BQ, args, {
			input, encoding: "utf8",
			env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, BQ_API_URL: API,
			    BQ_SESSION_FILE: session, BQ_LANG: "en", BQ_PASSWORD: "", ...env },
		});
		return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
	};
	return { run, session, argv: () => readFileSync(join(bin, "argv"), "utf8") };
}

async function parent() {
	const bq = createClient({ baseUrl: API });
	const who = await registerParent(bq);
	const u = user(`parent-${randomUUID().slice(0, 8)}`);
	const r = u.run(["login", who.phone, "--password-stdin"], { input: PASSWORD + "\n" });
	assert.equal(r.code, 0, r.err);
	return { ...u, ...who, bq };
}

test("usage mistakes exit 2 and say what is wrong", () => {
	const u = user("nobody");
	assert.equal(u.run([]).code, 2);
	const r = u.run(["fly"]);
	assert.equal(r.code, 2);
	assert.match(r.err, /unknown command fly/);
	assert.equal(u.run(["children", "show", "not-an-id"]).code, 2);
	assert.equal(u.run(["-o", "xml", "regions"]).code, 2);
	assert.equal(u.run(["help"]).code, 0);
});

test("a parent's journey: login, child, filing, position, voucher", async () => {
	const p = await parent();
	assert.equal(statSync(p.session).mode & 0o777, 0o600);
	const me = p.run(["whoami"]).json();
	assert.deepEqual(me.roles, ["parent"]);
	const iin = makeIin(bornAgo(4, 3));
	const child = p.run(["children", "add", iin, "female"]).json();
	assert.equal(child.iin, iin);
	const table = p.run(["-o", "table", "children"]);
	assert.equal(table.code, 0);
	assert.match(table.out, /^ID\s+IIN\s+SURNAME/);
	assert.ok(table.out.includes(iin));
	const region = await journeyRegion(createClient({ baseUrl: API }));
	const app = p.run(["applications", "file", "--child", child.id, "--region", region,
	    "--language", "kk", "--language", "ru"]).json();
	assert.equal(app.status, "queued");
	assert.deepEqual(app.languages, ["kk", "ru"]);
	// The same child again, under a new key: a conflict.
	const again = p.run(["applications", "file", "--child", child.id, "--region", region]);
	assert.equal(again.code, 6, again.err);
	const pos = p.run(["position", app.id]).json();
	assert.ok(pos.queue_position >= 1);
	assert.ok(pos.history.length >= 1);
	const shown = p.run(["-o", "table", "position", app.id]);
	assert.match(shown.out, /queue_position\s+\d+/);
	assert.match(shown.out, /AT\s+POSITION\s+CHANGE\s+CAUSE/);

	const admin = user("admin");
	const login = admin.run(["login", "admin"], { env: { BQ_PASSWORD: DEMO_PASSWORD } });
	assert.equal(login.code, 0, login.err);
	const key = `round-${randomUUID()}`;
	const round = admin.run(["rounds", "run", "--region", region, "--idempotency-key", key]).json();
	assert.ok(round.issued >= 1);
	// Run again with its key, the command answers with the same round.
	assert.deepEqual(admin.run(["rounds", "run", "--region", region, "--idempotency-key", key]).json(), round);
	assert.equal(admin.run(["rounds", "replay", round.id]).json().matches, true);
	// Its report is anyone's: every check passed.
	const report = p.run(["rounds", "report", round.id]).json();
	assert.equal(report.status, "published");
	assert.ok(report.checks.every((c) => c.passed));
	assert.match(p.run(["-o", "table", "rounds", "report", round.id]).out, /CHECK\s+PASSED\s+FIGURES/);
	// A proof for an application with no claim: a conflict.
	assert.equal(p.run(["applications", "prove", app.id, randomUUID()]).code, 6);
	assert.ok(admin.run(["rounds", "list", "--region", region]).json().items.some((r) => r.id === round.id));
	const vl = p.run(["vouchers"]);
	assert.equal(vl.code, 0, vl.err);
	const vouchers = vl.json().items.filter((v) => v.application_id === app.id);
	assert.equal(vouchers.length, 1);
	assert.equal(vouchers[0].status, "issued");
	const confirmed = p.run(["vouchers", "confirm", vouchers[0].id]).json();
	assert.equal(confirmed.status, "active");
	const moves = p.run(["history", "voucher", vouchers[0].id]);
	assert.equal(moves.code, 0, moves.err);
	assert.deepEqual(moves.json().items.map((m) => m.to), ["issued", "active"]);
	assert.match(p.run(["-o", "table", "history", "application", app.id]).out,
	    /AT\s+FROM\s+TO\s+ROLE\s+NAME\s+CAUSE/);
	assert.equal(p.run(["history", "voucher", randomUUID()]).code, 4);
	assert.equal(p.run(["history", "round", app.id]).code, 2);
	assert.equal(p.run(["stats", "vouchers", "--region", region]).code, 0);
	assert.equal(admin.run(["stats", "queue"]).code, 0);
	// No token or password ever went to curl or jq as an argument.
	const tokens = JSON.parse(readFileSync(p.session, "utf8"));
	for (const who of [p, admin]) {
		const argv = who.argv();
		for (const secret of [tokens.access_token.slice(-20), tokens.refresh_token, "Bearer", PASSWORD, DEMO_PASSWORD])
			assert.ok(!argv.includes(secret), "a secret in curl's or jq's arguments");
	}
});

test("exit codes: not found 4, rejected input 5 naming the field, another's child 4", async () => {
	const p = await parent();
	const r404 = p.run(["children", "show", randomUUID()]);
	assert.equal(r404.code, 4);
	assert.match(r404.err, /404 not_found/);
	const r422 = p.run(["children", "add", "123", "male"]);
	assert.equal(r422.code, 5);
	assert.match(r422.err, /^bq:\s+iin: /m);
	const problem = p.run(["-o", "json", "children", "add", "123", "male"]).json();
	assert.equal(problem.code, "validation_failed");
	assert.equal(p.run(["children"]).json().items.length, 0);
	const other = await parent();
	const child = other.run(["children", "add", makeIin(bornAgo(3)), "male"]).json();
	assert.equal(p.run(["children", "show", child.id]).code, 4);
	assert.equal(p.run(["rounds", "list"]).code, 3);
});

test("the session: refreshed on a 401, refused when readable by others, gone after logout", async () => {
	const p = await parent();
	const s = JSON.parse(readFileSync(p.session, "utf8"));
	writeFileSync(p.session, JSON.stringify({ ...s, access_token: "x.y.z" }), { mode: 0o600 });
	assert.equal(p.run(["whoami"]).code, 0);
	const after = JSON.parse(readFileSync(p.session, "utf8"));
	assert.notEqual(after.refresh_token, s.refresh_token);
	assert.ok(!p.argv().includes(s.refresh_token), "the refresh token in an argument");
	assert.equal(statSync(p.session).mode & 0o777, 0o600);
	chmodSync(p.session, 0o644);
	const open = p.run(["whoami"]);
	assert.equal(open.code, 3);
	assert.match(open.err, /must be 600/);
	chmodSync(p.session, 0o600);
	// A dead refresh token ends the session.
	writeFileSync(p.session, JSON.stringify({ ...s, access_token: "x.y.z" }), { mode: 0o600 });
	assert.equal(p.run(["whoami"]).code, 3);
	const fresh = p.run(["login", p.phone, "--password-stdin"], { input: PASSWORD + "\n" });
	assert.equal(fresh.code, 0, fresh.err);
	assert.equal(p.run(["logout"]).code, 0);
	assert.equal(p.run(["whoami"]).code, 3);
	assert.equal(p.run(["-a", "http://127.0.0.1:1", "regions"]).code, 8);
});

test("whoami on a terminal says where a staff account works", () => {
	const u = user("kg1");
	const login = u.run(["login", "kg1"], { env: { BQ_PASSWORD: DEMO_PASSWORD } });
	assert.equal(login.code, 0, login.err);
	const table = u.run(["-o", "table", "whoami"]);
	assert.equal(table.code, 0, table.err);
	assert.match(table.out, /^acts_for\s+kindergarten_staff: .+ \(BIN \d{12}\)$/m);
	const me = u.run(["whoami"]).json();
	assert.deepEqual(me.scopes.map((s) => s.role), ["kindergarten_staff"]);
	assert.match(me.scopes[0].kindergarten.bin, /^\d{12}$/);
	assert.equal(me.acts_for, undefined);
});

test("documents remove: an upload attached to nothing goes, then it is not found", async () => {
	const p = await parent();
	const pdf = new TextEncoder().encode("%PDF-1.7\n" + "1 0 obj << >> endobj\n".repeat(20) + "%%EOF\n");
	const doc = await p.bq.postDocument({ query: { kind: "pmpk" }, body: pdf, contentType: "application/pdf" });
	assert.equal(p.run(["documents", "remove", doc.id]).code, 0);
	const again = p.run(["documents", "remove", doc.id]);
	assert.equal(again.code, 4);
	assert.equal(p.run(["documents", "remove", "not-an-id"]).code, 2);
});

test("trustees invite, invitations accept: the invited parent decides", async () => {
	const owner = await parent();
	const other = await parent();
	const child = owner.run(["children", "add", makeIin(bornAgo(3)), "female"]).json();
	const inv = owner.run(["trustees", "invite", child.id, other.iin]);
	assert.equal(inv.code, 0, inv.err);
	assert.equal(inv.json().status, "pending");
	assert.equal(owner.run(["trustees", "list", child.id]).json().invitations.length, 1);
	const mine = other.run(["invitations"]).json().items;
	assert.deepEqual(mine.map((i) => i.id), [inv.json().id]);
	const accepted = other.run(["invitations", "accept", inv.json().id]);
	assert.equal(accepted.code, 0, accepted.err);
	assert.equal(accepted.json().access, "trustee");
	const table = owner.run(["-o", "table", "trustees", "list", child.id]);
	assert.equal(table.code, 0, table.err);
	assert.match(table.out, /GRANTED_AT/);
	// Gone once answered: not found.
	assert.equal(other.run(["invitations", "decline", inv.json().id]).code, 4);
	assert.equal(owner.run(["trustees", "invite", child.id]).code, 2);
});

test("guardianships: a made-up child needs none; a verifier reviews its region's", async () => {
	const p = await parent();
	const pdf = new TextEncoder().encode("%PDF-1.7\n" + "1 0 obj << >> endobj\n".repeat(20) + "%%EOF\n");
	const doc = await p.bq.postDocument({ query: { kind: "guardianship" }, body: pdf,
	    contentType: "application/pdf" });
	const region = await journeyRegion(p.bq);
	const r = p.run(["guardianships", "file", makeIin(bornAgo(3)), doc.id, "--region", region]);
	assert.equal(r.code, 5, r.out + r.err);
	assert.match(r.err + r.out, /not_needed/);
	assert.deepEqual(p.run(["guardianships"]).json().items, []);
	assert.equal(p.run(["guardianships", "file", "x"]).code, 2);
	const v = user("verifier");
	assert.equal(v.run(["login", "verifier"], { env: { BQ_PASSWORD: DEMO_PASSWORD } }).code, 0);
	const review = v.run(["guardianships", "review", "--status", "rejected"]);
	assert.equal(review.code, 0, review.err);
	assert.ok(Array.isArray(review.json().items));
	assert.equal(v.run(["guardianships", "review", "--status", "nope"]).code, 5);
});

test("notifications: the inbox with its copies, and the channels", async () => {
	const p = await parent();
	const got = p.run(["notifications", "settings"]);
	assert.equal(got.code, 0, got.err);
	assert.equal(got.json().sms, true);
	const off = p.run(["notifications", "settings", "--sms", "off", "--language", "ru"]);
	assert.equal(off.code, 0, off.err);
	assert.deepEqual([off.json().sms, off.json().language], [false, "ru"]);
	assert.equal(p.run(["notifications", "settings"]).json().sms, false);
	assert.equal(p.run(["notifications", "settings", "--sms", "maybe"]).code, 2);
	assert.equal(p.run(["notifications", "settings", "--language", "de"]).code, 5);
	const list = p.run(["notifications", "list"]);
	assert.equal(list.code, 0, list.err);
	for (const n of list.json().items)
		assert.ok(Array.isArray(n.deliveries));
	assert.equal(p.run(["notifications", "read", randomUUID()]).code, 4);
});

test("calendar: the administrator reads a year, sets and removes a day", async () => {
	const a = user("calendar-admin");
	assert.equal(a.run(["login", "admin"], { env: { BQ_PASSWORD: DEMO_PASSWORD } }).code, 0);
	const y = a.run(["calendar", "2027"]);
	assert.equal(y.code, 0, y.err);
	assert.ok(y.json().days.some((d) => d.date === "2027-05-16" && d.reason === "Kurban Ait"));
	const set = a.run(["calendar", "set", "2030-01-07", "--off", "--reason", "Orthodox Christmas",
	    "--source", "Law On holidays"]);
	assert.equal(set.code, 0, set.err);
	assert.equal(set.json().working, false);
	assert.equal(a.run(["calendar", "remove", "2030-01-07"]).code, 0);
	assert.equal(a.run(["calendar", "remove", "2030-01-07"]).code, 4);
	assert.equal(a.run(["calendar", "set", "2030-01-07", "--reason", "x"]).code, 2);
	assert.equal(a.run(["calendar", "1999"]).code, 5);
	const staff = a.run(["staff", "--role", "verifier"]);
	assert.equal(staff.code, 0, staff.err);
	assert.ok(staff.json().items.some((x) => x.login === "verifier"));
	assert.equal(a.run(["staff", "--role", "wizard"]).code, 5);
	const p = await parent();
	assert.equal(p.run(["calendar", "2027"]).code, 3);
	assert.equal(p.run(["staff"]).code, 3);
	// The department blocks and unblocks the parent; the audit log says so.
	const id = p.run(["whoami"]).json().id;
	const b = a.run(["account", "block", id, "Forged documents"]);
	assert.equal(b.code, 0, b.err);
	assert.equal(b.json().blocked.reason, "Forged documents");
	assert.equal(a.run(["account", "unblock", id]).json().blocked, null);
	assert.equal(a.run(["account", "block", id, "x"]).code, 5);
	const log = a.run(["audit", "--object", id]);
	assert.equal(log.code, 0, log.err);
	assert.deepEqual(log.json().items.map((e) => e.action), ["account_unblocked", "account_blocked"]);
	assert.equal(a.run(["account", "show", randomUUID()]).code, 4);
	assert.equal(p.run(["audit"]).code, 3);
});

test("rounds schedule: the department sets, reads and stops a region's schedule", async () => {
	const a = user("schedule-admin");
	const region = await journeyRegion(createClient({ baseUrl: API }));
	assert.equal(a.run(["login", "admin"], { env: { BQ_PASSWORD: DEMO_PASSWORD } }).code, 0);
	const set = a.run(["rounds", "schedule", "--region", region, "--at", "09:00",
	    "--working-days"]);
	assert.equal(set.code, 0, set.err);
	assert.equal(set.json().at, "09:00");
	assert.ok(Date.parse(set.json().next_run_at) > Date.now());
	const shown = a.run(["rounds", "schedule", "--region", region]);
	assert.equal(shown.json().next_run_at, set.json().next_run_at);
	const off = a.run(["rounds", "schedule", "--region", region, "--off"]);
	assert.equal(off.code, 0, off.err);
	assert.equal(off.json().enabled, false);
	assert.equal(off.json().next_run_at, null);
	assert.equal(a.run(["rounds", "schedule", "--region", region, "--at", "25:00",
	    "--working-days"]).code, 5);
	assert.equal(a.run(["rounds", "schedule", "--region", region, "--at", "09:00"]).code, 2);
	assert.equal(a.run(["rounds", "schedule", "--region", randomUUID()]).code, 4);
	// The department's exports, JSON and CSV.
	const q = a.run(["export", "queue", "--region", region]);
	assert.equal(q.code, 0, q.err);
	assert.ok(Array.isArray(q.json().items));
	const qc = a.run(["export", "queue", "--region", region, "--csv"]);
	assert.equal(qc.code, 0, qc.err);
	assert.match(qc.out, /^queue_type,correction_type,birth_year,position,number,priority,filed_at,application_id\r?\n/);
	const st = a.run(["export", "statements", "2026-11", "--csv"]);
	assert.equal(st.code, 0, st.err);
	assert.match(st.out, /^kindergarten_id,bin,name,children/);
	assert.equal(a.run(["export", "statements", "November"]).code, 2);
	assert.equal(a.run(["export", "round", randomUUID()]).code, 4);
});

test("staff: the verifier reviews, the kindergarten reads its requests, sheet, menu and statement", async () => {
	const v = user("cli-verifier");
	assert.equal(v.run(["login", "verifier"], { env: { BQ_PASSWORD: DEMO_PASSWORD } }).code, 0);
	const review = v.run(["applications", "review"]);
	assert.equal(review.code, 0, review.err);
	assert.ok(Array.isArray(review.json().items));
	assert.equal(v.run(["applications", "confirm", randomUUID()]).code, 4);
	assert.equal(v.run(["applications", "reject", randomUUID()]).code, 2);
	const claims = v.run(["applications", "claims"]);
	assert.equal(claims.code, 0, claims.err);
	assert.ok(Array.isArray(claims.json().items));
	assert.equal(v.run(["applications", "priority", "confirm", randomUUID(), "2026-12-01"]).code, 4);
	assert.equal(v.run(["applications", "priority", "confirm", randomUUID(), "December"]).code, 5);
	assert.equal(v.run(["applications", "priority", "refute", randomUUID(), "Forged."]).code, 4);
	assert.equal(v.run(["applications", "priority", "doubt", randomUUID(), "x"]).code, 2);
	assert.equal(v.run(["rounds", "report", randomUUID()]).code, 4);
	const k = user("cli-kindergarten");
	assert.equal(k.run(["login", "kg1"], { env: { BQ_PASSWORD: DEMO_PASSWORD } }).code, 0);
	const requests = k.run(["kindergarten", "requests"]);
	assert.equal(requests.code, 0, requests.err);
	assert.ok(Array.isArray(requests.json().items));
	const kg = k.run(["whoami"]).json().scopes.find((x) => x.role === "kindergarten_staff").kindergarten.id;
	const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Almaty" });
	const menu = k.run(["kindergarten", "menu", today]);
	assert.equal(menu.code, 0, menu.err);
	assert.equal(menu.json().kindergarten_id, kg);
	const set = k.run(["kindergarten", "menu", today, "--set", JSON.stringify({ meals: [{ meal: "lunch",
	    dishes: [{ name_kk: "Сорпа", name_ru: "Суп" }] }] })]);
	assert.equal(set.code, 0, set.err);
	assert.equal(set.json().meals[0].dishes[0].name_ru, "Суп");
	assert.equal(k.run(["kindergarten", "attendance", randomUUID(), today]).code, 4);
	assert.equal(k.run(["kindergarten", "attendance", randomUUID(), "today"]).code, 2);
	const st = k.run(["kindergarten", "statement", "2026-11", "--csv"]);
	assert.equal(st.code, 0, st.err);
	assert.match(st.out, /^month,kindergarten_bin,child_id/);
	assert.equal(k.run(["kindergarten", "sign", randomUUID(), "/nonexistent.p7s"]).code, 2);
	assert.equal(k.run(["kindergarten", "contract", randomUUID(), "--start", today, "--fee", "100"]).code, 4);
	assert.equal(k.run(["contracts"]).code, 0);
	assert.equal(k.run(["contracts", "evidence", randomUUID()]).code, 4);
	assert.equal(k.run(["contracts", "evidence", "C26-1"]).code, 2);
	// The offline check needs no session: an unreadable or foreign file is
	// a usage error, and says so.
	const nobody = user("cli-offline");
	assert.equal(nobody.run(["contracts", "verify", "/nonexistent.json"]).code, 2);
	const junk = join(home, "not-evidence.json");
	writeFileSync(junk, "{\"a\": 1}");
	const v2 = nobody.run(["contracts", "verify", junk]);
	assert.equal(v2.code, 2);
	assert.match(v2.err, /not an evidence package/);
	assert.equal(k.run(["applications", "review"]).code, 3);
});

test("contracts sign: the parent's CMS file (and time-stamp) reach the signature route", async () => {
	const p = await parent();
	const cms = join(home, "signature.p7s");
	writeFileSync(cms, Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]));
	assert.equal(p.run(["contracts", "sign", randomUUID()]).code, 2);
	assert.equal(p.run(["contracts", "sign", randomUUID(), cms, "/nonexistent.tsr"]).code, 2);
	assert.equal(p.run(["contracts", "sign", randomUUID(), cms]).code, 4);
	assert.equal(p.run(["contracts", "sign", randomUUID(), cms, cms]).code, 4);
	assert.match(p.argv(), /\/signature/);
});

test("email: a new address waits for the code sent to it", async () => {
	const p = await parent();
	const address = `cli${p.iin}@example.kz`;
	const r = p.run(["email", address]);
	assert.equal(r.code, 0, r.err);
	assert.equal(r.json().email_pending, address);
	assert.equal(r.json().email, null);
	const code = await mailCode(address);
	if (code !== "000000")
		assert.equal(p.run(["email", "verify", "000000"]).code, 5);
	const v = p.run(["email", "verify", code]);
	assert.equal(v.code, 0, v.err);
	assert.equal(v.json().email, address);
	assert.equal(p.run(["email"]).code, 2);
	assert.equal(p.run(["email", "clear"]).json().email, null);
});

test("a write's X-Commit-LSN is kept in the session and sent with the reads after it", async () => {
	const p = await parent();
	const child = p.run(["children", "add", makeIin(bornAgo(3)), "male"]);
	assert.equal(child.code, 0, child.err);
	const kept = JSON.parse(readFileSync(p.session, "utf8")).read_after;
	assert.match(kept, /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);
	assert.equal(statSync(p.session).mode & 0o777, 0o600);
	const listed = p.run(["children"]);
	assert.ok(listed.json().items.some((c) => c.id === child.json().id));
	// A session file whose position is none: not sent, the read goes on.
	const s = JSON.parse(readFileSync(p.session, "utf8"));
	writeFileSync(p.session, JSON.stringify({ ...s, read_after: "not-a-position" }), { mode: 0o600 });
	assert.equal(p.run(["children"]).code, 0);
});

test("rankings, family groups, transfers and a region's rules from the shell", async () => {
	const p = await parent();
	const region = await journeyRegion(createClient({ baseUrl: API }));
	const born = bornAgo(4, 3);
	const apps = [];
	for (let i = 0; i < 2; i++) {
		const child = p.run(["children", "add", makeIin(born), "female"]).json();
		apps.push(p.run(["applications", "file", "--child", child.id, "--region", region]).json());
	}
	const kg = p.run(["kindergartens", "--region", region]).json()[0].id;
	const ranked = p.run(["applications", "rank", apps[0].id, kg]);
	assert.equal(ranked.code, 0, ranked.err);
	assert.deepEqual(ranked.json().kindergartens.map((k) => k.id), [kg]);
	assert.equal(p.run(["applications", "rank", apps[0].id, "not-an-id"]).code, 5);
	const group = p.run(["families", "group", apps[0].id, apps[1].id]);
	assert.equal(group.code, 0, group.err);
	assert.deepEqual(group.json().kindergarten_ids, [kg]);
	assert.ok(p.run(["families"]).json().items.some((g) => g.id === group.json().id));
	assert.match(p.run(["-o", "table", "families"]).out, /ID\s+CREATED_AT\s+APPLICATIONS/);
	assert.equal(p.run(["families", "group", apps[0].id]).code, 2);
	assert.equal(p.run(["families", "end", group.json().id]).code, 0);
	assert.equal(p.run(["families", "end", group.json().id]).code, 4);

	// A child not enrolled has no seat to move from: a conflict.
	const moved = p.run(["transfers", "ask", "--child", apps[0].child.id, "--kindergarten", kg]);
	assert.equal(moved.code, 6, moved.err);
	assert.deepEqual(p.run(["transfers"]).json().items, []);
	assert.equal(p.run(["transfers", "accept", randomUUID()]).code, 4);
	assert.equal(p.run(["transfers", "ask", "--child", apps[0].child.id]).code, 2);

	const a = user("rules-admin");
	assert.equal(a.run(["login", "admin"], { env: { BQ_PASSWORD: DEMO_PASSWORD } }).code, 0);
	const rules = a.run(["rounds", "rules", "--region", region]);
	assert.equal(rules.code, 0, rules.err);
	assert.equal(typeof rules.json().ranked_choices, "number");
	const same = a.run(["rounds", "rules", "--region", region, "--sibling-priority",
	    rules.json().sibling_priority ? "on" : "off"]);
	assert.equal(same.code, 0, same.err);
	assert.deepEqual(same.json(), rules.json());
	assert.equal(a.run(["rounds", "rules", "--region", region, "--ranked", "x"]).code, 2);
	assert.equal(a.run(["rounds", "rules", "--region", region, "--ranked", "9"]).code, 5);
	assert.equal(p.run(["rounds", "rules", "--region", region]).code, 3);
});
