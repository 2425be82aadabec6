/*
 * The attendance sheet (docs/FLOWS.md, flow 5), what the voucher pays on:
 * staff mark a day of their group, the parent reads the month and
 * approves it, and the kindergarten's monthly statement counts the
 * approved days, as JSON or CSV.  A frozen month is the database's rule.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/date.h"
#include "bq/path.h"
#include "bq/query.h"

int api_group_attendance(struct http_request *);
int api_child_attendance(struct http_request *);
int api_attendance_approve(struct http_request *);
int api_statement(struct http_request *);

/* A group has at most 60 places; each mark is under 100 bytes. */
#define MARKS_MAX 60

struct mark {
	const char *child_id;
	int present;
	const char *reason;
};

struct sheet {
	char id[TOKEN_ID_MAX];
	char day[16];
	char *marks; /* the checked body, printed for the statement */
	char seen[MARKS_MAX][TOKEN_ID_MAX];
	size_t nseen;
	struct mark m;
};

static const struct json_field mark_fields[] = {
	JSON_FIELD(struct mark, child_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	JSON_FIELD(struct mark, present, JSON_T_BOOL, JSON_REQUIRED, 0, 0),
	JSON_FIELD(struct mark, reason, JSON_T_STRING, JSON_NULLABLE, 1, 16),
};

static void
sheet_free(void *arg)
{
	struct sheet *s = arg;

	cJSON_free(s->marks);
}

/* Present, or absent for a known reason; each child once. */
static void
mark_check(struct api_call *c, const char *at, void *item)
{
	struct sheet *s = c->ext;
	struct mark *m = item;
	char field[FIELD_NAME_MAX * 2];
	size_t i;

	(void)snprintf(field, sizeof(field), "%s.child_id", at);
	if (!api_check_uuid(c, field, m->child_id))
		return;
	for (i = 0; i < s->nseen; i++) {
		if (strcmp(s->seen[i], m->child_id) == 0) {
			field_errors_add(&c->fe, field, FIELD_DUPLICATE_KEY);
			return;
		}
	}
	if (s->nseen < MARKS_MAX)
		(void)snprintf(
		    s->seen[s->nseen++], TOKEN_ID_MAX, "%s", m->child_id);
	(void)snprintf(field, sizeof(field), "%s.reason", at);
	if (m->present && m->reason != NULL)
		field_errors_add(&c->fe, field, FIELD_INVALID_VALUE);
	else if (!m->present && m->reason == NULL)
		field_errors_add(&c->fe, field, FIELD_REQUIRED);
	else if (!m->present && strcmp(m->reason, "illness") != 0 &&
	    strcmp(m->reason, "leave") != 0 && strcmp(m->reason, "other") != 0)
		field_errors_add(&c->fe, field, FIELD_INVALID_VALUE);
}

static int
mark(struct api_call *c, struct sheet *s)
{
	if (!api_body_parse(c))
		return (KORE_RESULT_OK);
	if (!cJSON_IsArray(c->body)) {
		field_errors_add(&c->fe, "body", FIELD_WRONG_TYPE);
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	}
	if (!api_check_items(c, "", c->body, 1, MARKS_MAX, mark_fields,
		JSON_FIELD_COUNT(mark_fields), &s->m, sizeof(s->m), mark_check))
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	if ((s->marks = cJSON_PrintUnformatted(c->body)) == NULL)
		return (api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
	c->ext_free = sheet_free;
	api_db_prepare(c, "SELECT bq.attendance_mark($1, $2, $3, $4, $5)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, s->id);
	api_db_param(c, s->day);
	api_db_param(c, s->marks);

	return (api_db_run(c));
}

/* PUT or GET /v1/kindergarten/groups/{id}/attendance/{date}. */
int
api_group_attendance(struct http_request *req)
{
	struct api_call *c;
	struct sheet *s;

	if ((c = api_call_begin(req, ROUTE_GROUP_ATTENDANCE, sizeof(*s))) ==
	    NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (!path_uuid(req->path, 3, s->id, sizeof(s->id)))
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
	if (!path_segment(req->path, 5, s->day, sizeof(s->day)) ||
	    !date_valid(s->day)) {
		field_errors_add(&c->fe, "date", FIELD_INVALID_FORMAT);
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	}
	if (req->method == HTTP_METHOD_PUT)
		return (mark(c, s));
	api_db_prepare(
	    c, "SELECT bq.attendance_group_day($1, $2, $3, $4)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, s->id);
	api_db_param(c, s->day);

	return (api_db_run(c));
}

int
api_child_attendance(struct http_request *req)
{
	static const char *const known[] = { "month", NULL };
	struct api_call *c;
	struct sheet *s;
	char month[16];

	if ((c = api_call_begin(req, ROUTE_CHILD_ATTENDANCE, sizeof(*s))) ==
	    NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, s->id, sizeof(s->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		(void)query_known(req->query_string, known, &c->fe);
		if (query_text(req->query_string, "month", 7, month,
			sizeof(month), &c->fe) == 0)
			field_errors_add(&c->fe, "month", FIELD_REQUIRED);
		else if (c->fe.n == 0)
			(void)api_check_month(
			    c, "month", month, s->day, sizeof(s->day));
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(
		    c, "SELECT bq.attendance_child($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, s->id);
		api_db_param(c, s->day);
	}

	return (api_db_run(c));
}

int
api_attendance_approve(struct http_request *req)
{
	struct api_call *c;
	struct sheet *s;
	char month[16];

	if ((c = api_call_begin(req, ROUTE_ATTENDANCE_APPROVE, sizeof(*s))) ==
	    NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, s->id, sizeof(s->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!path_segment(req->path, 4, month, sizeof(month)) ||
		    !api_check_month(c, "month", month, s->day, sizeof(s->day)))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(
		    c, "SELECT bq.attendance_approve($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, s->id);
		api_db_param(c, s->day);
	}

	return (api_db_run(c));
}

/* GET /v1/kindergarten/statements/{month}?format=json|csv */
int
api_statement(struct http_request *req)
{
	static const char *const known[] = { "format", NULL };
	struct api_call *c;
	struct sheet *s;
	char month[16];
	int csv;

	if ((c = api_call_begin(req, ROUTE_STATEMENT, sizeof(*s))) == NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (c->db.query == NULL) {
		(void)query_known(req->query_string, known, &c->fe);
		csv = api_query_csv(c, req->query_string);
		if (!path_segment(req->path, 3, month, sizeof(month)))
			month[0] = '\0';
		(void)api_check_month(
		    c, "month", month, s->day, sizeof(s->day));
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare_either(c, csv, "SELECT bq.statement($1, $2, $3)",
		    "SELECT bytes, content_type FROM "
		    "bq.statement_csv($1, $2, $3)");
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, s->day);
	}

	return (api_db_run_either(c));
}
