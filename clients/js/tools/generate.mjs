// Generates the client's operation table (src/operations.js) and its types
// (src/schema.d.ts) from openapi.yaml.  With --check it writes nothing and
// exits 1 when either file differs from what the spec gives, so a spec
// change without a regeneration fails the build.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, relative } from "node:path";
import { parse } from "yaml";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..");
const specPath = join(pkg, "..", "..", "openapi.yaml");
const METHODS = ["get", "put", "post", "patch", "delete"];

function resolve(spec, node) {
	if (node && node.$ref) {
		const parts = node.$ref.replace(/^#\//, "").split("/");
		return parts.reduce((n, p) => n[p], spec);
	}
	return node;
}

// What the runtime needs of each operation: where it goes, which
// parameters go where, what its body is, whether it pages, whether it
// takes an Idempotency-Key and whether it may carry the bearer token.
function table(spec) {
	const ops = {};
	for (const [path, item] of Object.entries(spec.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const params = [...(item.parameters || []), ...(op.parameters || [])]
			    .map((p) => resolve(spec, p));
			const query = params.filter((p) => p.in === "query").map((p) => p.name);
			const headers = params.filter((p) => p.in === "header").map((p) => p.name);
			const security = op.security ?? spec.security ?? [];
			const body = op.requestBody ? resolve(spec, op.requestBody) : null;
			const types = body ? Object.keys(body.content) : [];
			ops[op.operationId] = {
				method: method.toUpperCase(),
				path,
				query,
				body: types.length === 0 ? null :
				    types.includes("application/json") ? "json" : "raw",
				bodyTypes: types.filter((t) => t !== "application/json"),
				paged: query.includes("cursor"),
				idempotent: headers.includes("Idempotency-Key"),
				// The account's token, where the operation takes it (not
				// /metrics' own secret).
				auth: security.some((s) => "bearer" in s),
			};
		}
	}
	return ops;
}

function operationsModule(spec) {
	const lines = [
		"// Generated from openapi.yaml by tools/generate.mjs: do not edit.",
		"// One entry per operation: the runtime half of the client's types.",
		"export const operations = Object.freeze({",
	];
	for (const [id, op] of Object.entries(table(spec)))
		lines.push(`\t${id}: ${JSON.stringify(op)},`);
	lines.push("});", `export const specVersion = ${JSON.stringify(spec.info.version)};`, "");
	return lines.join("\n");
}

async function schemaTypes() {
	// Defaults make answers non-optional, never requests.
	const ast = await openapiTS(new URL(`file://${specPath}`), { defaultNonNullable: false });
	return "// Generated from openapi.yaml by openapi-typescript (tools/generate.mjs): do not edit.\n" +
	    astToString(ast);
}

const spec = parse(readFileSync(specPath, "utf8"));
const outputs = {
	[join(pkg, "src", "operations.js")]: operationsModule(spec),
	[join(pkg, "src", "schema.d.ts")]: await schemaTypes(),
};
if (process.argv.includes("--check")) {
	let stale = [];
	for (const [file, text] of Object.entries(outputs)) {
		let now = "";
		try { now = readFileSync(file, "utf8"); } catch { /* missing is stale */ }
		if (now !== text) stale.push(relative(process.cwd(), file));
	}
	if (stale.length) {
		console.error(`generated from an older openapi.yaml: ${stale.join(", ")}; ` +
		    "run: node clients/js/tools/generate.mjs");
		process.exit(1);
	}
} else {
	for (const [file, text] of Object.entries(outputs)) writeFileSync(file, text);
}
