/*
 * Proved priority (sql/functions/priority.sql): the family hands in the
 * proof of a claimed category (PUT /v1/applications/{id}/priority-proof);
 * a verifier of the region lists the claims waiting for it
 * (GET /v1/staff/priority-claims) and confirms one with the day its proof
 * was issued or refutes it with a reason
 * (POST /v1/staff/applications/{id}/priority/confirm|refute).
 */

#include <stddef.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/lang.h"
#include "bq/path.h"
#include "bq/token.h"

int api_priority_proof(struct http_request *);
int api_priority_claims(struct http_request *);
int api_priority_confirm(struct http_request *);
int api_priority_refute(struct http_request *);

struct claim {
	const char *value; /* the body's one field */
	char id[TOKEN_ID_MAX];
};

/* Each call's body: its one field, how it is checked, and the statement. */
struct claim_kind {
	enum route_id route;
	int segment; /* the id's segment of the path */
	struct json_field field;
	int (*check)(struct api_call *, const char *, const char *);
	const char *query;
};

static const struct claim_kind claim_kinds[] = {
	{ ROUTE_PRIORITY_PROOF, 2,
	    { "document_id", JSON_T_STRING, offsetof(struct claim, value),
		JSON_REQUIRED, 1, 64 },
	    api_check_uuid,
	    "SELECT bq.priority_proof_submit($1, $2, $3, $4, $5)" },
	{ ROUTE_PRIORITY_CONFIRM, 3,
	    { "issued_on", JSON_T_STRING, offsetof(struct claim, value),
		JSON_REQUIRED, 1, 10 },
	    api_check_date, "SELECT bq.priority_confirm($1, $2, $3, $4, $5)" },
	{ ROUTE_PRIORITY_REFUTE, 3,
	    { "reason", JSON_T_STRING, offsetof(struct claim, value),
		JSON_REQUIRED | JSON_MULTILINE, 3, 1000 },
	    NULL, "SELECT bq.priority_refute($1, $2, $3, $4, $5)" },
};

enum { CLAIM_PROOF, CLAIM_CONFIRM, CLAIM_REFUTE };

static int
claim_call(struct http_request *req, int which)
{
	const struct claim_kind *kind = &claim_kinds[which];
	struct api_call *c;
	struct claim *k;

	if ((c = api_call_begin(req, kind->route, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, kind->segment, k->id, sizeof(k->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!api_body_json(c, &kind->field, 1, k))
			return (KORE_RESULT_OK);
		if (kind->check != NULL)
			(void)kind->check(c, kind->field.name, k->value);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c, kind->query, 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
		api_db_param(c, k->value);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_priority_proof(struct http_request *req)
{
	return (claim_call(req, CLAIM_PROOF));
}

int
api_priority_confirm(struct http_request *req)
{
	return (claim_call(req, CLAIM_CONFIRM));
}

int
api_priority_refute(struct http_request *req)
{
	return (claim_call(req, CLAIM_REFUTE));
}

int
api_priority_claims(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_PRIORITY_CLAIMS, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		api_db_prepare(c, "SELECT bq.priority_claims($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}
