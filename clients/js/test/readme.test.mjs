// The README's first example as a new front-end developer would run it:
// the package installed from the repository into a project of their own,
// compiled by tsc under strict settings, then run against the server.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { API } from "./support.mjs";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(pkg, "..", "..");

test("the README example installs, type-checks and runs", () => {
	const readme = readFileSync(join(pkg, "README.md"), "utf8");
	const example = readme.match(/```ts\n([\s\S]*?)```/)[1];
	const dir = mkdtempSync(join(tmpdir(), "bq-client-example-"));
	try {
		writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "example", private: true, type: "module" }));
		execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", pkg],
		    { cwd: dir, stdio: "pipe" });
		writeFileSync(join(dir, "example.ts"), example);
		writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
			compilerOptions: {
				target: "es2022", module: "nodenext", moduleResolution: "nodenext",
				strict: true, outDir: "out", types: ["node"],
				typeRoots: [join(root, "node_modules", "@types")],
			},
			files: ["example.ts"],
		}));
		execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", dir], { stdio: "pipe" });
		const out = execFileSync("node", [join(dir, "out", "example.js")],
		    { env: { ...process.env, BQ_API_URL: API }, encoding: "utf8" });
		assert.match(out, /^free places: [1-9]\d*$/m);
		assert.match(out, /^422 validation_failed \[.*'login'.*\]$/m);
		assert.match(out, /^verifier \[ 'verifier' \]$/m);
		assert.match(out, /^awaiting verification: \d+$/m);
		// The example with a wrong field must not compile.
		writeFileSync(join(dir, "example.ts"), example.replace('login: "verifier"', 'logon: "verifier"'));
		assert.throws(() => execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", dir, "--noEmit"], { stdio: "pipe" }),
		    (e) => /logon/.test(e.stdout.toString()));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
