// The BALABAQSHA API client: one function per operation of openapi.yaml,
// built at run time from the generated operation table.  No dependency
// beyond what browsers and Node.js 20+ have (fetch, Blob, crypto).
import { operations } from "./operations.js";

export { operations as operationTable, specVersion } from "./operations.js";

// A problem+json answer (or a network failure, status 0) as an Error:
// `code` is the problem's stable code, `errors` its field errors and
// `fields` the same keyed by field, for forms.
export class ApiError extends Error {
	constructor(status, problem, operation) {
		super(problem.detail || problem.title || `HTTP ${status}`);
		this.name = "ApiError";
		this.status = status;
		this.operation = operation;
		this.code = problem.code ?? (status === 0 ? "network_error" : "http_error");
		this.type = problem.type;
		this.title = problem.title;
		this.detail = problem.detail;
		this.requestId = problem.request_id;
		this.errors = Array.isArray(problem.errors) ? problem.errors : [];
		this.fields = Object.fromEntries(this.errors.map((e) => [e.field, e]));
		this.problem = problem;
	}
}

const TOKEN_FIELDS = ["access_token", "refresh_token"];

function isTokens(v) {
	return v !== null && typeof v === "object" && TOKEN_FIELDS.every((f) => typeof v[f] === "string");
}

function expand(op, id, path = {}) {
	return op.path.replace(/\{([^}]+)\}/g, (_, name) => {
		const v = path[name];
		if (v === undefined || v === null || v === "")
			throw new TypeError(`${id}: path parameter ${name} is required`);
		return encodeURIComponent(String(v));
	});
}

function queryString(op, query = {}) {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(query)) {
		if (v === undefined || v === null) continue;
		if (!op.query.includes(k)) throw new TypeError(`unknown query parameter ${k}`);
		for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
	}
	const s = q.toString();
	return s ? `?${s}` : "";
}

async function readBody(res) {
	// An empty answer is still read to its end: a body left unread is
	// an aborted request to a browser.
	if (res.status === 204 || res.status === 205) {
		await res.arrayBuffer();
		return undefined;
	}
	const type = (res.headers.get("content-type") || "").split(";")[0].trim();
	if (type === "application/json" || type.endsWith("+json")) {
		const text = await res.text();
		return text ? JSON.parse(text) : undefined;
	}
	if (type.startsWith("text/") || type === "application/yaml") return res.text();
	return res.blob();
}

// randomUUID exists only in secure contexts; a page served over plain
// HTTP from a LAN address still has getRandomValues.
function newKey() {
	const c = globalThis.crypto;
	if (typeof c.randomUUID === "function") return c.randomUUID();
	const b = c.getRandomValues(new Uint8Array(16));
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// WAL positions ("16/B374D848") in order: is a after b (b may be null)?
function lsnAfter(a, b) {
	if (!b) return true;
	const n = (v) => v.split("/").map((h) => BigInt(`0x${h}`));
	const [ah, al] = n(a), [bh, bl] = n(b);
	return ah > bh || (ah === bh && al > bl);
}

const LSN = /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/;

// options: baseUrl (required), language ("kk", "ru", "en"), tokens (from a
// previous session), onTokens(tokens|null) called whenever they change (to
// keep them), fetch (a fetch of one's own), headers (sent with every call).
export function createClient(options = {}) {
	if (!options.baseUrl) throw new TypeError("createClient: baseUrl is required");
	const base = String(options.baseUrl).replace(/\/+$/, "");
	const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
	let tokens = options.tokens ?? null;
	let language = options.language ?? null;
	let refreshing = null;
	// Read-your-writes behind a standby: the position the session's
	// latest write left (X-Commit-LSN), sent with every read after it.
	let readAfter = options.readAfter ?? null;

	function setTokens(t) {
		tokens = t ? { ...t } : null;
		options.onTokens?.(tokens);
	}

	function request(id, op, args, key) {
		const headers = { Accept: "application/json", ...options.headers, ...args.headers };
		const lang = args.language ?? language;
		if (lang) headers["Accept-Language"] = lang;
		if (key) headers["Idempotency-Key"] = key;
		// Only with a token: an anonymous read is public and may be a
		// moment stale anyway, and a header of its own would cost a
		// browser a CORS preflight for every such URL.
		if (readAfter && op.method === "GET" && op.auth) headers["X-Read-After"] = readAfter;
		let body;
		if (op.body === "json" && args.body !== undefined) {
			headers["Content-Type"] = "application/json";
			body = JSON.stringify(args.body);
		} else if (op.body === "raw" && args.body !== undefined) {
			const type = args.contentType ?? args.body.type;
			if (!type) throw new TypeError(`${id}: contentType is required (${op.bodyTypes.join(", ")})`);
			headers["Content-Type"] = type;
			body = args.body;
		}
		const url = base + expand(op, id, args.path) + queryString(op, args.query);
		const init = { method: op.method, headers, body, signal: args.signal };
		if (args.cache) init.cache = args.cache;
		return { url, init };
	}

	// The bearer token is added at each try: a retry after a refresh
	// carries the new one.
	function send(req, op) {
		const headers = { ...req.init.headers };
		if (op.auth && tokens?.access_token) headers.Authorization = `Bearer ${tokens.access_token}`;
		return fetchImpl(req.url, { ...req.init, headers });
	}

	// One refresh however many calls met a 401 at once; a refresh that
	// fails ends the session.
	function refresh() {
		if (!refreshing) {
			const rt = tokens?.refresh_token;
			refreshing = (async () => {
				if (!rt) return false;
				const op = operations.postAuthRefresh;
				let res;
				try {
					res = await send(request("postAuthRefresh", op,
					    { body: { refresh_token: rt } }), op);
				} catch {
					return false;	/* unreachable: the session may yet live */
				}
				const data = await readBody(res).catch(() => undefined);
				if (res.ok && isTokens(data)) {
					setTokens(data);
					return true;
				}
				setTokens(null);
				return false;
			})().finally(() => { refreshing = null; });
		}
		return refreshing;
	}

	async function call(id, args = {}) {
		const op = operations[id];
		const key = op.idempotent ? (args.idempotencyKey ?? newKey()) : undefined;
		const req = request(id, op, args, key);
		// A network failure is tried again only where the same key makes
		// that safe (the server answers the second with the first's
		// result); a 401 once, after a refresh.
		let network = Boolean(key), refreshed = false, res;
		for (;;) {
			const sentWith = tokens?.access_token;
			try {
				res = await send(req, op);
			} catch (e) {
				if (e?.name === "AbortError") throw e;
				if (network) {
					network = false;
					continue;
				}
				throw new ApiError(0, { title: "Network error", detail: String(e?.message ?? e) }, id);
			}
			if (res.status === 401 && op.auth && sentWith && !refreshed && id !== "postAuthLogout") {
				refreshed = true;
				// Another call may have refreshed meanwhile.
				if (tokens?.access_token && tokens.access_token !== sentWith) continue;
				if (await refresh()) continue;
			}
			break;
		}
		const lsn = res.headers.get("x-commit-lsn");
		if (lsn && LSN.test(lsn) && lsnAfter(lsn, readAfter)) readAfter = lsn;
		const data = await readBody(res).catch(() => undefined);
		if (!res.ok) {
			const problem = data && typeof data === "object" && !(data instanceof Blob) ? data : {};
			throw new ApiError(res.status, problem, id);
		}
		if (isTokens(data)) setTokens(data);
		if (id === "postAuthLogout") setTokens(null);
		return data;
	}

	// Checked at the call, not at the first next().
	function paginate(id, args = {}) {
		if (!operations[id]?.paged) throw new TypeError(`${id} is not cursor-paged`);
		return pages(id, args);
	}

	async function* pages(id, args) {
		let cursor = args.query?.cursor;
		do {
			const page = await call(id, { ...args, query: { ...args.query, cursor } });
			yield* page.items;
			cursor = page.next_cursor ?? undefined;
		} while (cursor);
	}

	const client = {
		paginate,
		setTokens,
		get tokens() { return tokens; },
		get readAfter() { return readAfter; },
		get language() { return language; },
		set language(v) { language = v; },
	};
	for (const id of Object.keys(operations)) client[id] = (args) => call(id, args);
	return Object.freeze(client);
}
