// The peer a team would pick instead of the service: Node 20 + Fastify 5
// + @fastify/jwt + pg, serving /health, GET /v1/me and
// GET /v1/applications/{id} as the service does: the same token checks
// (HS256 only, iss, aud, exp, nbf, sub and sid), the same SQL call with
// the same parameters, the same body.  One process per core
// (node:cluster), each with the pool size a Kore worker has.  bench/run
// starts it beside the service against the same database and tokens.
//
//   BQ_PEER_PORT, BQ_PEER_DSN (libpq keywords: host, port, dbname, user),
//   BQ_SECRET_FILE (the service's master secret), BQ_PEER_POOL (4),
//   BQ_PEER_PROCESSES (the cores).
import cluster from "node:cluster";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import Fastify from "fastify";
import fastifyJwt from "@fastify/jwt";
import pg from "pg";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const processes = Number(process.env.BQ_PEER_PROCESSES || availableParallelism());

if (cluster.isPrimary) {
	for (let i = 0; i < processes; i++) cluster.fork();
	cluster.on("exit", () => process.exit(1));
	// bench/run's TERM ends the processes with the primary.
	process.on("SIGTERM", () => {
		for (const w of Object.values(cluster.workers)) w.process.kill();
		process.exit(0);
	});
} else {
	serve();
}

// libpq's keyword=value DSN, as the service's BQ_DB_DSN is written.
function dsn(text) {
	const o = {};
	for (const [, k, v] of text.matchAll(/(\w+)=('(?:[^'\\]|\\.)*'|\S+)/g))
		o[k] = v.replace(/^'|'$/g, "");
	return { host: o.host, port: Number(o.port || 5432), database: o.dbname, user: o.user };
}

// The service's language: Accept-Language's first of kk, ru, en; else kk.
function lang(header) {
	const m = /\b(kk|ru|en)\b/.exec(header || "");
	return m ? m[1] : "kk";
}

function problem(reply, status, code, title) {
	return reply.code(status).type("application/problem+json; charset=utf-8")
	    .send({ type: `https://balabaqsha.kz/problems/${code}`, title, status, code });
}

async function serve() {
	// HMAC-SHA256(master, "jwt-hs256"): src/secret.c's derivation.
	const master = readFileSync(process.env.BQ_SECRET_FILE);
	const key = createHmac("sha256", master).update("jwt-hs256").digest();
	const pool = new pg.Pool({ ...dsn(process.env.BQ_PEER_DSN), max: Number(process.env.BQ_PEER_POOL || 4) });
	const app = Fastify({ logger: false, genReqId: () => randomUUID() });
	await app.register(fastifyJwt, {
		secret: key,
		verify: { algorithms: ["HS256"], allowedIss: "balabaqsha", allowedAud: "balabaqsha-api",
		    requiredClaims: ["sub", "sid", "exp", "nbf", "iat", "role"], clockTolerance: 30 },
	});
	app.addHook("onSend", async (req, reply) => { reply.header("x-request-id", req.id); });

	async function authed(req, reply) {
		try {
			await req.jwtVerify();
		} catch {
			return problem(reply, 401, "unauthorized", "Unauthorized");
		}
		if (!UUID.test(req.user.sub) || !UUID.test(req.user.sid))
			return problem(reply, 401, "unauthorized", "Unauthorized");
		return null;
	}

	// The function's JSON (pg parses it, Fastify writes it compact, as the
	// service does); NULL is not found.
	async function call(reply, sql, params) {
		const r = await pool.query({ text: sql, values: params, rowMode: "array" });
		const body = r.rows[0]?.[0];
		if (body == null) return problem(reply, 404, "not_found", "Not found");
		return reply.type("application/json; charset=utf-8").send(JSON.stringify(body));
	}

	app.get("/health", async (req, reply) =>
		reply.type("application/json; charset=utf-8").send('{"status":"ok"}'));
	app.get("/v1/me", async (req, reply) => {
		if (await authed(req, reply)) return reply;
		return call(reply, "SELECT bq.me($1, $2)", [req.user.sub, req.user.sid]);
	});
	app.get("/v1/applications/:id", async (req, reply) => {
		if (await authed(req, reply)) return reply;
		if (!UUID.test(req.params.id)) return problem(reply, 404, "not_found", "Not found");
		return call(reply, "SELECT bq.application_get($1, $2, $3, $4)",
		    [req.user.sub, req.user.sid, req.params.id, lang(req.headers["accept-language"])]);
	});
	await app.listen({ host: "127.0.0.1", port: Number(process.env.BQ_PEER_PORT || 8897) });
}
