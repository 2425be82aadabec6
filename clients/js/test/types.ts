// Compile-time tests of the types (tsc -p clients/js): every line below
// an "expect error" comment must fail to compile, so a loosened type fails
// the build.
import { createClient, ApiError, type Data, type Item, type Schemas } from "../src/index.js";

const bq = createClient({ baseUrl: "http://127.0.0.1:8888", language: "kk" });

export async function right(): Promise<void> {
	const t = await bq.postAuthLogin({ body: { login: "admin", password: "x" } });
	const access: string = t.access_token;
	const child = await bq.postChildren({ body: { iin: "220315500001", sex: "female" } });
	const card = await bq.getApplication({ path: { id: child.id } });
	const pos: number | null | undefined = card.queue_position;
	await bq.postApplication({
		body: { child_id: child.id, queue_type: "general", region_id: "r", languages: ["kk"], consent: true },
		idempotencyKey: "k1",
	});
	for await (const kg of bq.paginate("getKindergartens", { query: { limit: 5 } })) {
		const name: string = kg.name;
	}
	const photo: Blob = await bq.getChildPhoto({ path: { id: child.id } });
	await bq.putChildPhoto({ path: { id: child.id }, body: new Uint8Array(4), contentType: "image/png" });
	const none: undefined = await bq.postAuthLogout();
	const move = await bq.postTransfer({ body: { child_id: child.id, kindergarten_ids: ["k"] } });
	const ahead: number | null = move.choices[0].ahead;
	const offerBy: string | null | undefined = move.offer?.offer_by;
	const rules = await bq.putAllocationRules({ path: { id: "r" }, body: { ranked_choices: 2, sibling_priority: false } });
	const ranked: number = rules.ranked_choices;
	const health: Data<"getHealth"> = await bq.getHealth();
	const yaml: string = await bq.getOpenApi();
	const row: Item<"getQueue"> = { position: 1, number: "x", filed_at: "t", priority: null };
	try {
		await bq.getMe();
	} catch (e) {
		if (e instanceof ApiError && e.code === "validation_failed") {
			const first: string | undefined = e.errors[0]?.field;
		}
	}
	void [access, pos, photo, none, health, yaml, row];
}

export async function wrong(): Promise<void> {
	// @ts-expect-error a misspelt field
	await bq.postAuthLogin({ body: { logn: "admin", password: "x" } });
	// @ts-expect-error one kindergarten where the transfer takes a list
	await bq.postTransfer({ body: { child_id: "c", kindergarten_ids: "k" } });
	// @ts-expect-error a required field missing
	await bq.postChildren({ body: { iin: "220315500001" } });
	// @ts-expect-error a value outside the enum
	await bq.postChildren({ body: { iin: "220315500001", sex: "other" } });
	// @ts-expect-error the path parameter missing
	await bq.getApplication({});
	// @ts-expect-error a query parameter the operation does not take
	await bq.getKindergartens({ query: { colour: "red" } });
	// @ts-expect-error an operation that does not exist
	await bq.getEverything();
	// @ts-expect-error not cursor-paged
	bq.paginate("getChildren");
	const me = await bq.getMe();
	// @ts-expect-error a field the account does not have
	me.password;
	const card: Schemas["Application"] = await bq.getApplication({ path: { id: "x" } });
	// @ts-expect-error a status that does not exist
	const s: typeof card.status = "lost";
	void s;
}
