/*
 * /v1/admin/allocation-rounds and /v1/admin/sweeper/run: the
 * administrator's allocation rounds, their protocol and replay, and the
 * deadline sweeper on demand, and the public report of a round's checks.
 * The allocation is bq.round_allocate, its checks bq.round_check; the
 * statements here may run for seconds, so they take the slow pool.
 */

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/query.h"

int api_rounds(struct http_request *);
int api_round(struct http_request *);
int api_round_replay(struct http_request *);
int api_sweeper_run(struct http_request *);
int api_round_report(struct http_request *);

struct round {
	const char *region_id;
	char id[TOKEN_ID_MAX];
	char region[TOKEN_ID_MAX];
	char key[IDEMPOTENCY_MAX + 1];
};

#define F(...) JSON_FIELD(struct round, __VA_ARGS__)

static const struct json_field round_fields[] = {
	F(region_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
};

#undef F

int
api_rounds(struct http_request *req)
{
	static const char *const known[] = { "region_id", NULL };
	struct api_call *c;
	struct round *r;

	if ((c = api_call_begin(req, ROUTE_ROUNDS, sizeof(*r))) == NULL)
		return (KORE_RESULT_OK);
	r = c->ext;

	if (c->db.query != NULL)
		return (api_db_run(c));

	if (req->method == HTTP_METHOD_GET) {
		(void)query_known(req->query_string, known, &c->fe);
		if (query_text(req->query_string, "region_id", 36, r->region,
			sizeof(r->region), &c->fe) > 0 &&
		    !uuid_lower(r->region))
			field_errors_add(
			    &c->fe, "region_id", FIELD_INVALID_FORMAT);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(
		    c, "SELECT bq.allocation_rounds($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, r->region[0] != '\0' ? r->region : NULL);
		return (api_db_run(c));
	}

	if (!api_body_json(c, round_fields, JSON_FIELD_COUNT(round_fields), r))
		return (KORE_RESULT_OK);
	api_check_uuid(c, "region_id", r->region_id);
	api_idempotency_key(c, r->key);
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	api_db_prepare(
	    c, "SELECT bq.allocation_round_run($1, $2, $3, $4)", 201);
	api_db_slow(c);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, r->region_id);
	api_db_param(c, r->key[0] != '\0' ? r->key : NULL);

	return (api_db_run(c));
}

static int
by_id(
    struct http_request *req, enum route_id route, const char *query, int slow)
{
	struct api_call *c;
	struct round *r;

	if ((c = api_call_begin(req, route, sizeof(*r))) == NULL)
		return (KORE_RESULT_OK);
	r = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 3, r->id, sizeof(r->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(c, query, 200);
		if (slow)
			api_db_slow(c);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, r->id);
	}

	return (api_db_run(c));
}

/* The protocol's result as CSV: its items' fields, in this order. */
#define RESULT_COLUMNS \
	"{order,number,queue_type,correction_type,birth_year,position," \
	"priority,age_group,language}"

/* GET /v1/admin/allocation-rounds/{id}?format=json|csv: the protocol. */
int
api_round(struct http_request *req)
{
	static const char *const known[] = { "format", NULL };
	struct api_call *c;
	struct round *r;
	int csv;

	if ((c = api_call_begin(req, ROUTE_ROUND, sizeof(*r))) == NULL)
		return (KORE_RESULT_OK);
	r = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 3, r->id, sizeof(r->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		(void)query_known(req->query_string, known, &c->fe);
		csv = api_query_csv(c, req->query_string);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare_either(c, csv,
		    "SELECT bq.allocation_round_get($1, $2, $3)",
		    "SELECT bytes, content_type FROM bq.as_csv("
		    "bq.allocation_round_get($1, $2, $3), 'result', $4)");
		api_db_slow(c);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, r->id);
		if (csv)
			api_db_param(c, RESULT_COLUMNS);
	}

	return (api_db_run_either(c));
}

int
api_round_replay(struct http_request *req)
{
	return (by_id(req, ROUTE_ROUND_REPLAY,
	    "SELECT bq.allocation_round_replay($1, $2, $3)", 1));
}

/*
 * GET /v1/allocation-rounds/{id}/report: anyone's.  A round's checks
 * and figures, no child named: a family can see the round that passed
 * it over kept the rules.
 */
int
api_round_report(struct http_request *req)
{
	struct api_call *c;
	struct round *r;

	if ((c = api_call_begin(req, ROUTE_ROUND_REPORT, sizeof(*r))) == NULL)
		return (KORE_RESULT_OK);
	r = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, r->id, sizeof(r->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(c, "SELECT bq.round_report_get($1)", 200);
		api_db_param(c, r->id);
	}

	return (api_db_run(c));
}

int
api_sweeper_run(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_SWEEPER_RUN, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		api_db_prepare(c, "SELECT bq.sweeper_run($1, $2)", 200);
		api_db_slow(c);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
	}

	return (api_db_run(c));
}
