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

#include <cjson/cJSON.h>

#include "bq/config.h"
#include "bq/json.h"
#include "bq/lang.h"
#include "bq/metrics.h"
#include "bq/problem.h"
#include "bq/reqid.h"
#include "bq/routes.h"

/* JSON bodies beyond this are refused with 413 before parsing. */
#define API_JSON_MAX (64 * 1024)
#define API_DB_PARAMS_MAX 16

struct api_db {
	struct kore_pgsql sql;
	const char *query;
	int ok_status; /* the reply's status when the statement succeeds */
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
};

struct api_call {
	struct http_request *req;
	enum route_id route;
	enum lang lang;
	char request_id[REQID_MAX + 1];
	uint64_t started_us;
	int started_db;
	int answered;
	const char *cache_control;
	cJSON *body;
	void *ext;
	struct field_errors fe;

	/* The JSON document the statement returned, for the reply. */
	char *out;
	size_t out_len;

	struct api_db db;
};

extern struct bq_config api_config;
extern struct metrics *api_metrics;
extern char *api_openapi;
extern size_t api_openapi_len;

struct api_call *api_call_begin(struct http_request *, enum route_id, size_t);
int api_reply_json(struct api_call *, int, cJSON *);
int api_reply_raw(struct api_call *, int, const char *, const void *, size_t);
int api_reply_problem(struct api_call *, enum problem_code, const char *);
int api_reply_fields(struct api_call *, enum problem_code);

int api_body_json(struct api_call *, const struct json_field *, size_t, void *);

void api_db_prepare(struct api_call *, const char *, int);
void api_db_param(struct api_call *, const char *);
int api_db_run(struct api_call *);
int api_db_available(void);
void api_db_unreachable(void);

uint64_t api_now_us(void);

#endif
