// The client's types, derived from the generated schema.d.ts: arguments
// and answers of every operation follow openapi.yaml, so a wrong field
// or a missing parameter is a compile error.
import type { components, operations } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export type Schemas = components["schemas"];
export type OperationId = keyof operations;
export type Language = "kk" | "ru" | "en";
export type Tokens = Schemas["Tokens"];
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];

type Params<K extends OperationId> = operations[K]["parameters"];
type PathOf<K extends OperationId> = Params<K> extends { path: infer P } ? P : never;
type QueryOf<K extends OperationId> = Params<K> extends { query?: infer Q } ? NonNullable<Q> : never;
type QueryRequired<K extends OperationId> = Params<K> extends { query: object } ? true : false;
type RequestContent<K extends OperationId> =
    operations[K] extends { requestBody?: { content: infer C } } ? C : never;
type BodyRequired<K extends OperationId> =
    operations[K] extends { requestBody: { content: object } } ? true : false;
type Raw = Blob | ArrayBuffer | Uint8Array;
type BodyOf<K extends OperationId> =
    [RequestContent<K>] extends [never] ? never :
    RequestContent<K> extends { "application/json": infer J } ? J : Raw;

type PathArg<K extends OperationId> =
    [PathOf<K>] extends [never] ? { path?: never } : { path: PathOf<K> };
type QueryArg<K extends OperationId> =
    [QueryOf<K>] extends [never] ? { query?: never } :
    QueryRequired<K> extends true ? { query: QueryOf<K> } : { query?: QueryOf<K> };
type BodyArg<K extends OperationId> =
    [BodyOf<K>] extends [never] ? { body?: never } :
    BodyRequired<K> extends true ? { body: BodyOf<K> } : { body?: BodyOf<K> };

/** What one call takes besides its parameters and body. */
export interface CallOptions {
	/** For the body of a raw upload (a photo, a document) when it is not a typed Blob. */
	contentType?: string;
	/** Sent as Idempotency-Key where the operation takes one; a fresh UUID otherwise. */
	idempotencyKey?: string;
	/** This call's Accept-Language, over the client's. */
	language?: Language;
	headers?: Record<string, string>;
	signal?: AbortSignal;
	/** The browser cache's part: "no-store" reads past a cached public answer (an editor's view). */
	cache?: RequestCache;
}

export type Args<K extends OperationId> = PathArg<K> & QueryArg<K> & BodyArg<K> & CallOptions;

type Responses<K extends OperationId> = operations[K]["responses"];
type Success<K extends OperationId> = Responses<K>[Extract<keyof Responses<K>, 200 | 201 | 202 | 204>];
type TextType = `text/${string}` | "application/yaml";
type ContentOf<R> =
    R extends { content: infer C } ?
        C extends { "application/json": infer J } ?
            (keyof C extends "application/json" ? J : J | string) :
        keyof C extends TextType ? string : Blob :
    undefined;
/** What an operation answers on success: the JSON body, a string for text, a Blob for files, undefined for 204. */
export type Data<K extends OperationId> = ContentOf<Success<K>>;

type Optional<A> = {} extends A ? true : false;
export type Call<K extends OperationId> =
    Optional<Args<K>> extends true ? (args?: Args<K>) => Promise<Data<K>> : (args: Args<K>) => Promise<Data<K>>;

/** The operations answering `{items, next_cursor}` and taking `cursor`. */
export type PagedOperationId = {
	[K in OperationId]: [QueryOf<K>] extends [never] ? never : "cursor" extends keyof QueryOf<K> ? K : never;
}[OperationId];
export type Item<K extends PagedOperationId> = Data<K> extends { items: (infer I)[] } ? I : never;

export interface OperationInfo {
	method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE";
	path: string;
	query: string[];
	body: "json" | "raw" | null;
	bodyTypes: string[];
	paged: boolean;
	idempotent: boolean;
	auth: boolean;
}
export const operationTable: Readonly<Record<OperationId, OperationInfo>>;
export const specVersion: string;

export interface ClientOptions {
	/** Where the API is, e.g. "http://127.0.0.1:8888". */
	baseUrl: string;
	/** Sent as Accept-Language; the server answers in kk when none is set. */
	language?: Language;
	/** A session kept from before (see onTokens). */
	tokens?: Tokens | null;
	/** Called with the new tokens after a login, a refresh or a role change; null when the session ends. */
	onTokens?: (tokens: Tokens | null) => void;
	fetch?: typeof globalThis.fetch;
	headers?: Record<string, string>;
	/** The last write's X-Commit-LSN from a session before: reads are answered where that write is. */
	readAfter?: string | null;
}

export type Client = { readonly [K in OperationId]: Call<K> } & {
	/** Every item of a cursor-paged list, page after page. */
	paginate<K extends PagedOperationId>(operation: K, args?: Args<K>): AsyncGenerator<Item<K>, void, undefined>;
	setTokens(tokens: Tokens | null): void;
	readonly tokens: Tokens | null;
	/** The position of the session's latest write (X-Commit-LSN), sent as X-Read-After with each read. */
	readonly readAfter: string | null;
	language: Language | null;
};

export function createClient(options: ClientOptions): Client;

/** A problem+json answer, or a network failure (status 0, code "network_error"). */
export class ApiError extends Error {
	readonly status: number;
	readonly operation: OperationId;
	readonly code: Problem["code"] | "network_error" | "http_error";
	readonly type?: string;
	readonly title?: string;
	readonly detail?: string;
	readonly requestId?: string;
	readonly errors: FieldError[];
	/** The field errors by field name. */
	readonly fields: Record<string, FieldError>;
	readonly problem: Partial<Problem>;
}
