// The browser the walks share: Debian's Chromium, headless, driven by
// puppeteer-core, on pages served from clients/ on 127.0.0.1:$BQ_WEB_PORT
// (default 8890, the origin scripts/run allows); screenshots go to
// $BQ_SCREENSHOTS (default var/screenshots).  useBrowser() starts it for
// the test file that calls it; page, browser and the helpers follow.
import { before, after } from "node:test";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { API } from "../../js/test/support.mjs";

const clients = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const root = join(clients, "..");
const CHROMIUM = process.env.BQ_CHROMIUM ?? "/usr/bin/chromium";
const PORT = Number(process.env.BQ_WEB_PORT ?? 8890);
export const WEB = `http://127.0.0.1:${PORT}/web`;
export const SHOTS = process.env.BQ_SCREENSHOTS ?? join(root, "var", "screenshots");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

// Any static server will do: this is the smallest, for clients/ only.
function staticServer() {
	return createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url, WEB).pathname));
		const file = join(clients, path);
		if (!file.startsWith(clients) || !existsSync(file) || !statSync(file).isFile()) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
		res.end(readFileSync(file));
	});
}

export let browser, page;
let server;
export const problems = [];	/* what no walk may meet */
export const refusals = [];	/* the API's 4xx answers, to match the walk's own mistakes */

// Every console error, failed request (a CORS refusal is both), page
// error or 5xx fails the walk; each 4xx is written down.
export function watch(p) {
	p.on("console", (m) => {
		// A 4xx or 5xx is logged as a failed load too; answers are watched below.
		if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
			problems.push(`console: ${m.text()}`);
	});
	p.on("pageerror", (e) => problems.push(`page: ${e.message}`));
	p.on("requestfailed", (r) => problems.push(`request: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
	p.on("response", (r) => {
		const where = `${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`;
		if (r.status() >= 500 || (r.status() >= 400 && !r.url().startsWith(API))) problems.push(`answer: ${where}`);
		else if (r.status() >= 400) refusals.push(where);
	});
}
export const skip = existsSync(CHROMIUM) ? false :
    `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set BQ_CHROMIUM`;

export function useBrowser() {
	before(async () => {
		if (skip) return;
		const { default: puppeteer } = await import("puppeteer-core");
		mkdirSync(SHOTS, { recursive: true });
		server = staticServer();
		await new Promise((ok, fail) => server.once("error", fail).listen(PORT, "127.0.0.1", ok));
		browser = await puppeteer.launch({
			executablePath: CHROMIUM,
			headless: true,
			// As root Chromium has no sandbox to drop into.
			args: ["--no-sandbox", "--disable-dev-shm-usage", "--lang=ru-RU"],
		});
		page = await browser.newPage();
		await page.setViewport({ width: 1000, height: 900 });
		watch(page);
	});

	after(async () => {
		await browser?.close();
		await new Promise((ok) => (server ? server.close(ok) : ok()));
	});
}

export async function ready() {
	await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
}

export async function shot(name) {
	await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export async function text(selector) {
	return page.$eval(selector, (e) => e.textContent.trim());
}

export async function fill(form, name, value) {
	const input = await page.$(`#${form} [name="${name}"]`);
	await input.click({ clickCount: 3 });
	await input.type(value);
}

// The [data-t] elements that show their key: a word missing in the language.
export async function untranslated(p = page) {
	return p.$$eval("[data-t]", (all) => all.filter((e) => e.textContent === e.dataset.t).map((e) => e.dataset.t));
}
