// What the client's tests and the browser test share: where the server and
// its demo SMS file are, made-up people with valid IINs, and their codes.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { randomInt } from "node:crypto";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const API = process.env.BQ_API_URL ?? `http://127.0.0.1:${process.env.BQ_HTTP_PORT ?? 8888}`;
export const DATA_DIR = process.env.BQ_DATA_DIR ?? join(root, "var");
export const DEMO_PASSWORD = "Balabaqsha-demo-2026";
export const PASSWORD = "Tulpar-2026!parent";

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function check(d) {
	let c = W1.reduce((s, w, i) => s + w * Number(d[i]), 0) % 11;
	if (c === 10) c = W2.reduce((s, w, i) => s + w * Number(d[i]), 0) % 11;
	return c === 10 ? null : c;
}

// A fresh valid IIN of someone born on the date (YYYY-MM-DD), never one
// this process made before: a day has some 9,000, few enough for two
// random ones to meet in a run.
const issued = new Set();
export function makeIin(born) {
	const [y, m, d] = born.split("-");
	const century = Number(y) >= 2000 ? "5" : "3";
	for (;;) {
		const digits = y.slice(2) + m + d + century + String(randomInt(10000)).padStart(4, "0");
		const c = check(digits);
		if (c !== null && !issued.has(digits + c)) {
			issued.add(digits + c);
			return digits + c;
		}
	}
}

// A grown-up's birth date, one of some 9,000 days from 1975 on, so that
// parents of the client tests' processes do not share a day's IINs.
export function adultBorn() {
	return new Date(Date.UTC(1975, 0, 1) + randomInt(9000) * 86400000).toISOString().slice(0, 10);
}

export function makePhone() {
	return "+7707" + String(randomInt(10 ** 7)).padStart(7, "0");
}

// A date YEARS years and MONTHS months before today: a child of an age
// group's age whatever the day the tests run.
export function bornAgo(years, months = 0) {
	const d = new Date();
	d.setUTCMonth(d.getUTCMonth() - years * 12 - months);
	return d.toISOString().slice(0, 10);
}

const smsFile = join(DATA_DIR, "sms.jsonl");

// The complete lines of a JSON-lines file the sender appends to: a last
// line still being written (no newline yet) is not read.
function jsonLines(file) {
	const text = readFileSync(file, "utf8");
	return text.slice(0, text.lastIndexOf("\n") + 1).split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

export function smsCount() {
	return existsSync(smsFile) ? jsonLines(smsFile).length : 0;
}

// The code of the newest SMS to PHONE after line AFTER of the demo file.
export async function smsCode(phone, after, seconds = 10) {
	const until = Date.now() + seconds * 1000;
	while (Date.now() < until) {
		if (existsSync(smsFile)) {
			const found = jsonLines(smsFile).slice(after).filter((m) => m.to === phone && m.code);
			if (found.length) return found.at(-1).code;
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`no SMS in ${smsFile}`);
}

// The code of the newest e-mail to address in the demo mail file.
export async function mailCode(address, seconds = 10) {
	const file = join(DATA_DIR, "mail.jsonl");
	const until = Date.now() + seconds * 1000;
	while (Date.now() < until) {
		if (existsSync(file)) {
			const found = jsonLines(file).filter((m) => m.to === address && m.code);
			if (found.length) return found.at(-1).code;
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`no e-mail in ${file}`);
}

// A parent registered through the client BQ; its session is BQ's.
export async function registerParent(bq) {
	const phone = makePhone();
	const iin = makeIin(adultBorn());
	const before = smsCount();
	await bq.postAuthOtp({ body: { phone, iin, purpose: "register", policy_accepted: true } });
	const code = await smsCode(phone, before);
	const v = await bq.postAuthRegisterVerify({ body: { phone, iin, code } });
	const t = await bq.postAuthRegister({
		body: { registration_token: v.registration_token, password: PASSWORD, password_confirm: PASSWORD },
	});
	return { phone, iin, account: t.account };
}

// The region the journey files in: BQ_TEST_REGION (the suite's own city
// with free seats) or Almaty of the demo catalogue.
export async function journeyRegion(bq) {
	if (process.env.BQ_TEST_REGION) return process.env.BQ_TEST_REGION;
	const { items } = await bq.getRegions();
	const almaty = items.find((r) => r.code === "almaty");
	if (!almaty) throw new Error("no Almaty in /v1/regions");
	return almaty.id;
}
