/*
 * The per-request context every handler works in (api/call.c): the
 * request id, the language, the caller, the body, the one statement and
 * the one task a request may run, and the answer it leaves with.  With
 * the service's globals, made once per worker (api/module.c).
 */
#ifndef BQ_API_CALL_H
#define BQ_API_CALL_H

#include <stdint.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <cjson/cJSON.h>
#include <openssl/x509.h>

#include "bq/api_db.h"
#include "bq/api_replica.h"
#include "bq/lsn.h"
#include "bq/api_task.h"
#include "bq/config.h"
#include "bq/json.h"
#include "bq/lang.h"
#include "bq/metrics.h"
#include "bq/reqid.h"
#include "bq/routes.h"
#include "bq/secret.h"
#include "bq/token.h"

/*
 * Where a handler that waits more than once has got to: Kore calls it
 * again on each wake, and it resumes at its phase.
 */
enum api_phase {
	PHASE_REQUEST, /* checking the body and the parameters */
	PHASE_LOOKUP, /* a statement that the work needs first */
	PHASE_WORK, /* a task off the event loop (argon2, the registry) */
	PHASE_STORE /* the statement that answers */
};

struct api_keys {
	unsigned char jwt[SECRET_KEY_LEN];
	unsigned char otp[SECRET_KEY_LEN];
	/* Checked against when a login names no account, to take as long. */
	char decoy_hash[PASSWORD_HASH_MAX];
};

struct api_call {
	struct http_request *req;
	TAILQ_ENTRY(api_call) db_wait; /* in the worker's queue for a turn */
	int db_queued; /* in that queue */
	int db_turn; /* holds one of the pool's turns */
	int db_turn_pool; /* the pool of that turn or that queue */
	enum route_id route;
	enum lang lang;
	char request_id[REQID_MAX + 1];
	uint64_t started_us;
	int started_db;
	int answered;
	const char *cache_control;
	int retry_after; /* seconds, for a 423, 429 or 503 */
	char rate_policy[128]; /* a 429's limit, as RateLimit-Policy says it */
	cJSON *body;
	void *ext;
	void (*ext_free)(void *); /* what ext holds beyond itself */
	struct field_errors fe;

	/* The JSON document the statement returned, for the reply; or, for
	 * a binary statement, a file's bytes and its media type. */
	char *out;
	size_t out_len;
	char out_type[64];

	/* A raw request body (a file), read by api_body_raw. */
	char *raw;
	size_t raw_len;

	struct api_db db;

	/* Reads through a standby (api/replica.c): the position the caller
	 * last wrote, as it sent it in X-Read-After; where the last
	 * statement ran; the position a write left, for X-Commit-LSN. */
	uint64_t read_after;
	int has_read_after;
	enum api_read_from read_from;
	char commit_lsn[LSN_TEXT_MAX];

	/* The caller, when the route needs a token. */
	struct token_claims auth;

	/* A task running off the event loop (argon2, the registry). */
	struct kore_task task;
	enum api_task_state task_state;
	int task_queued; /* holds one of the worker's BQ_TASKS_MAX places */
	TAILQ_ENTRY(api_call) task_wait; /* waiting for one of them */
	int task_waits; /* in that queue */
	struct kore_timer *task_timer;
	int task_timed_out;
	struct api_task_out *task_out;
};

extern struct bq_config api_config;
extern struct api_keys api_keys;
extern struct metrics *api_metrics;
extern X509_STORE *api_trusted_ca;
extern char *api_openapi;
extern size_t api_openapi_len;

struct api_call *api_call_begin(struct http_request *, enum route_id, size_t);
uint64_t api_now_us(void);
int api_shared_token_ok(struct http_request *, const char *);
void api_client_address(struct http_request *, char *, size_t);

#endif
