/*
 * The department's exports, as JSON or (?format=csv) as CSV by
 * bq.as_csv: a city's queue (GET /v1/admin/regions/{id}/queue) and the
 * month's statements of its kindergartens (GET
 * /v1/admin/statements/{month}).  A round's protocol is api/rounds.c's.
 */

#include <string.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/query.h"
#include "bq/token.h"

int api_region_queue(struct http_request *);
int api_department_statements(struct http_request *);

/* The CSV's columns: the JSON items' fields, in this order. */
#define QUEUE_COLUMNS \
	"{queue_type,correction_type,birth_year,position,number,priority," \
	"filed_at,application_id}"
#define STATEMENT_COLUMNS \
	"{kindergarten_id,bin,name,children,attended,absent,pending}"

struct export
{
	char id[TOKEN_ID_MAX];
	char month[16];
	char kindergarten[TOKEN_ID_MAX];
};

int
api_region_queue(struct http_request *req)
{
	static const char *const known[] = { "format", NULL };
	struct api_call *c;
	struct export *x;
	int csv;

	if ((c = api_call_begin(req, ROUTE_REGION_QUEUE, sizeof(*x))) == NULL)
		return (KORE_RESULT_OK);
	x = c->ext;
	if (c->db.query != NULL)
		return (api_db_run_either(c));
	if (!path_uuid(req->path, 3, x->id, sizeof(x->id)))
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
	(void)query_known(req->query_string, known, &c->fe);
	csv = api_query_csv(c, req->query_string);
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	api_db_prepare_either(c, csv, "SELECT bq.region_queue($1, $2, $3)",
	    "SELECT bytes, content_type FROM "
	    "bq.as_csv(bq.region_queue($1, $2, $3), 'items', $4)");
	api_db_slow(c);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, x->id);
	if (csv)
		api_db_param(c, QUEUE_COLUMNS);

	return (api_db_run_either(c));
}

int
api_department_statements(struct http_request *req)
{
	static const char *const known[] = { "format", "kindergarten_id",
		NULL };
	struct api_call *c;
	struct export *x;
	char month[16];
	int csv;

	if ((c = api_call_begin(
		 req, ROUTE_DEPARTMENT_STATEMENTS, sizeof(*x))) == NULL)
		return (KORE_RESULT_OK);
	x = c->ext;
	if (c->db.query != NULL)
		return (api_db_run_either(c));
	(void)query_known(req->query_string, known, &c->fe);
	csv = api_query_csv(c, req->query_string);
	if (query_text(req->query_string, "kindergarten_id", 36,
		x->kindergarten, sizeof(x->kindergarten), &c->fe) > 0 &&
	    !uuid_lower(x->kindergarten))
		field_errors_add(
		    &c->fe, "kindergarten_id", FIELD_INVALID_FORMAT);
	if (!path_segment(req->path, 3, month, sizeof(month)))
		month[0] = '\0';
	(void)api_check_month(c, "month", month, x->month, sizeof(x->month));
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	api_db_prepare_either(c, csv,
	    "SELECT bq.department_statements($1, $2, $3, $4)",
	    "SELECT bytes, content_type FROM bq.as_csv("
	    "bq.department_statements($1, $2, $3, $4), 'items', $5)");
	api_db_slow(c);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, x->month);
	api_db_param(c, x->kindergarten[0] != '\0' ? x->kindergarten : NULL);
	if (csv)
		api_db_param(c, STATEMENT_COLUMNS);

	return (api_db_run_either(c));
}
