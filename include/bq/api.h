/*
 * The HTTP edge: the per-request context every handler works in, the reply
 * helpers that every answer leaves through, the strict body reader and the
 * one-statement database call.  The only header that includes Kore's.
 */
#ifndef BQ_API_H
#define BQ_API_H

#include <stdint.h>

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/tasks.h>

#include <cjson/cJSON.h>

#include "bq/config.h"
#include "bq/json.h"
#include "bq/lang.h"
#include "bq/metrics.h"
#include "bq/problem.h"
#include "bq/reqid.h"
#include "bq/routes.h"
#include "bq/secret.h"
#include "bq/signature.h"
#include "bq/token.h"
#include "bq/password.h"

/* JSON bodies beyond this are refused with 413 before parsing. */
#define API_JSON_MAX (64 * 1024)
#define API_DB_PARAMS_MAX 16
/* Past the registry's own 3 s timeout and many argon2 runs in a queue. */
#define API_TASK_TIMEOUT_MS 5000

enum api_outcome { API_PENDING, API_DONE, API_ANSWERED };

/* What a task gets and gives back, copied through its channel. */
struct api_task_in {
	char a[PASSWORD_HASH_MAX * 2];
	char b[PASSWORD_MAX * 4 + 1];
	char c[PASSWORD_MAX * 4 + 1];
};

struct api_task_out {
	int status;
	char text[4096];
};

struct api_keys {
	unsigned char jwt[SECRET_KEY_LEN];
	unsigned char otp[SECRET_KEY_LEN];
	/* Checked against when a login names no account, to take as long. */
	char decoy_hash[PASSWORD_HASH_MAX];
};

struct api_db {
	struct kore_pgsql sql;
	const char *query;
	int ok_status; /* the reply's status when the statement succeeds */
	int binary; /* results in binary: a file and its type */
	int slow; /* on the pool for long statements, with its deadline */
	uint64_t sent_us; /* when the statement went to the server */
	int nparams;
	const char *values[API_DB_PARAMS_MAX];
	int lengths[API_DB_PARAMS_MAX];
	int formats[API_DB_PARAMS_MAX];
	struct kore_timer *timer;
	int armed; /* the deadline timer was started */
	int resends; /* statements that could not be sent */
	int timed_out;
	int failed;
	int waiting; /* counted in bq_db_pool_waiting */
	int busy; /* counted in bq_db_pool_busy */
	char sqlstate[6];
	char column[FIELD_NAME_MAX];
	char hint[32];
	char detail[32];
	enum api_outcome outcome;
};

struct api_call {
	struct http_request *req;
	TAILQ_ENTRY(api_call) db_wait; /* in the worker's queue for a turn */
	int db_queued; /* in that queue */
	int db_turn; /* holds one of the pool's turns */
	enum route_id route;
	enum lang lang;
	char request_id[REQID_MAX + 1];
	uint64_t started_us;
	int started_db;
	int answered;
	const char *cache_control;
	int retry_after; /* seconds, for a 423, 429 or 503 */
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

	/* The caller, when the route needs a token. */
	struct token_claims auth;

	/* A task running off the event loop (argon2, the registry). */
	struct kore_task task;
	int task_state; /* 0 none, 1 running, 2 read */
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
int api_reply_json(struct api_call *, int, cJSON *);
int api_reply_raw(struct api_call *, int, const char *, const void *, size_t);
int api_reply_problem(struct api_call *, enum problem_code, const char *);
int api_reply_fields(struct api_call *, enum problem_code);

int api_body_parse(struct api_call *);
int api_body_json(struct api_call *, const struct json_field *, size_t, void *);
int api_check_items(struct api_call *, const char *, const cJSON *, size_t,
    size_t, const struct json_field *, size_t, void *, size_t,
    void (*)(struct api_call *, const char *, void *));
int api_body_raw(struct api_call *, size_t);
const char *api_body_file(struct api_call *, const char *const *, size_t);

void api_db_prepare(struct api_call *, const char *, int);
void api_db_param(struct api_call *, const char *);
void api_db_param_bytes(struct api_call *, const void *, size_t);
void api_db_slow(struct api_call *);
int api_db_run_file(struct api_call *);
int api_db_run(struct api_call *);
enum api_outcome api_db_step(struct api_call *);
int api_db_refused(struct api_call *);
int api_pending(enum api_outcome);
int api_db_run_tokens(struct api_call *, int, const char *);
int api_db_available(void);
void api_db_register(void);
void api_db_leave(struct api_call *);
void api_sweeper_start(void);
void api_db_unreachable(void);

enum api_outcome api_task_step(
    struct api_call *, int (*)(struct kore_task *), struct api_task_in *);
void api_task_cleanse(struct api_task_in *);
int work_hash(struct kore_task *);
int work_verify(struct kore_task *);
int work_verify_hash(struct kore_task *);
int work_registry(struct kore_task *);

enum api_outcome
api_person(struct api_call *, const char *, const char *, char *, size_t);
int api_reply_tokens(struct api_call *, int, const char *);

uint64_t api_now_us(void);
void api_client_address(struct http_request *, char *, size_t);

int api_check_iin(struct api_call *, const char *, const char *);
int api_check_phone(struct api_call *, const char *, const char *, char *);
int api_check_code(struct api_call *, const char *, const char *);
int api_check_new_password(
    struct api_call *, const char *, const char *, const char *, const char *);
int api_check_login_name(struct api_call *, const char *, const char *);
int api_check_email(struct api_call *, const char *, const char *);
int api_check_page(struct api_call *, long *, long *);
int api_check_uuid(struct api_call *, const char *, const char *);

/* An Idempotency-Key header: 1 to IDEMPOTENCY_MAX printable ASCII. */
#define IDEMPOTENCY_MAX 64
int api_idempotency_key(struct api_call *, char *);
int api_check_date(struct api_call *, const char *, const char *);

#endif
