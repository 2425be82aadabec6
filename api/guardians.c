/*
 * Guardianships: a guardian the registry does not list as a child's parent
 * files a guardianship document (/v1/guardianships), and a verifier
 * confirms or rejects it (/v1/staff/guardianships).  A confirmed one lets
 * the guardian add the child, or claim it from whoever holds it.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_child.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/query.h"

int api_guardianships(struct http_request *);
int api_staff_guardianships(struct http_request *);
int api_staff_guardianship_confirm(struct http_request *);
int api_staff_guardianship_reject(struct http_request *);

struct guardianship {
	enum api_phase phase;
	const char *iin;
	const char *region_id;
	const char *document_id;
	const char *reason;
	char id[TOKEN_ID_MAX];
	char status[33];
	char person[2048];
};

#define F(...) JSON_FIELD(struct guardianship, __VA_ARGS__)

static const struct json_field file_fields[] = {
	F(iin, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(region_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	F(document_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
};

static const struct json_field reject_fields[] = {
	F(reason, JSON_T_STRING, JSON_REQUIRED | JSON_MULTILINE, 3, 1000),
};

#undef F

static void
prepare(struct api_call *c, const char *query, int status)
{
	api_db_prepare(c, query, status);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
}

/* GET: the guardian's claims; POST: a new one, the child from the
 * registry. */
int
api_guardianships(struct http_request *req)
{
	struct api_call *c;
	struct guardianship *g;
	enum api_outcome o;

	if ((c = api_call_begin(req, ROUTE_GUARDIANSHIPS, sizeof(*g))) == NULL)
		return (KORE_RESULT_OK);
	g = c->ext;

	if (req->method != HTTP_METHOD_POST) {
		if (c->db.query == NULL)
			prepare(c, "SELECT bq.guardianships($1, $2)", 200);
		return (api_db_run(c));
	}
	if (g->phase == PHASE_REQUEST) {
		if (!api_body_json(
			c, file_fields, JSON_FIELD_COUNT(file_fields), g))
			return (KORE_RESULT_OK);
		(void)api_check_iin(c, "iin", g->iin);
		(void)api_check_uuid(c, "region_id", g->region_id);
		(void)api_check_uuid(c, "document_id", g->document_id);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	}
	if (g->phase < PHASE_STORE) {
		if ((o = api_child_person(c, &g->phase, g->iin, g->person,
			 sizeof(g->person))) != API_DONE)
			return (api_pending(o));
		prepare(c,
		    "SELECT bq.guardianship_file($1, $2, $3, $4, $5, $6)", 201);
		api_db_param(c, g->iin);
		api_db_param(c, g->region_id);
		api_db_param(c, g->document_id);
		api_db_param(c, g->person);
	}

	return (api_db_run(c));
}

int
api_staff_guardianships(struct http_request *req)
{
	static const char *const known[] = { "status", NULL };
	struct api_call *c;
	struct guardianship *g;

	if ((c = api_call_begin(req, ROUTE_STAFF_GUARDIANSHIPS, sizeof(*g))) ==
	    NULL)
		return (KORE_RESULT_OK);
	g = c->ext;

	if (c->db.query == NULL) {
		(void)query_known(req->query_string, known, &c->fe);
		(void)query_text(req->query_string, "status", 32, g->status,
		    sizeof(g->status), &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		prepare(c, "SELECT bq.staff_guardianships($1, $2, $3)", 200);
		api_db_param(c, g->status[0] != '\0' ? g->status : NULL);
	}

	return (api_db_run(c));
}

/* The verifier's decision on /v1/staff/guardianships/{id}/...: a reason
 * when it rejects. */
static int
decide(struct http_request *req, enum route_id route, int confirm)
{
	struct api_call *c;
	struct guardianship *g;

	if ((c = api_call_begin(req, route, sizeof(*g))) == NULL)
		return (KORE_RESULT_OK);
	g = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 3, g->id, sizeof(g->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!confirm &&
		    !api_body_json(
			c, reject_fields, JSON_FIELD_COUNT(reject_fields), g))
			return (KORE_RESULT_OK);
		prepare(c, "SELECT bq.guardianship_decide($1, $2, $3, $4, $5)",
		    200);
		api_db_param(c, g->id);
		api_db_param(c, confirm ? "true" : "false");
		api_db_param(c, g->reason);
	}

	return (api_db_run(c));
}

int
api_staff_guardianship_confirm(struct http_request *req)
{
	return (decide(req, ROUTE_STAFF_GUARDIANSHIP_CONFIRM, 1));
}

int
api_staff_guardianship_reject(struct http_request *req)
{
	return (decide(req, ROUTE_STAFF_GUARDIANSHIP_REJECT, 0));
}
