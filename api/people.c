/*
 * The department's people: an account as it sees it, a role granted or
 * taken away, an account blocked or unblocked (/v1/admin/accounts/{id}).
 * Scope (a city's department acts on its city's staff only) and every
 * rule of a grant are in SQL (sql/functions/department.sql).
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/path.h"
#include "bq/token.h"
#include "bq/vocab.h"

int api_admin_account(struct http_request *);
int api_admin_account_role(struct http_request *);
int api_admin_account_block(struct http_request *);
int api_admin_account_unblock(struct http_request *);

struct person {
	char id[40];
	char role[40];
	const char *reason;
	const char *kindergarten_id;
	const char *region_id;
};

#define F(...) JSON_FIELD(struct person, __VA_ARGS__)

static const struct json_field grant_fields[] = {
	F(kindergarten_id, JSON_T_STRING, JSON_NULLABLE, 36, 36),
	F(region_id, JSON_T_STRING, JSON_NULLABLE, 36, 36),
};

static const struct json_field block_fields[] = {
	F(reason, JSON_T_STRING, JSON_REQUIRED | JSON_MULTILINE, 3, 500),
};

#undef F

/* The call and its account id (segment 3); NULL when answered. */
static struct api_call *
person_begin(struct http_request *req, enum route_id route)
{
	struct api_call *c;
	struct person *p;

	if ((c = api_call_begin(req, route, sizeof(*p))) == NULL)
		return (NULL);
	p = c->ext;
	if (c->db.query == NULL &&
	    !path_uuid(req->path, 3, p->id, sizeof(p->id))) {
		(void)api_reply_problem(c, PROBLEM_NOT_FOUND, NULL);
		return (NULL);
	}

	return (c);
}

/* The statement of an act on the account: admin, session, account. */
static void
person_prepare(struct api_call *c, const char *query)
{
	struct person *p = c->ext;

	api_db_prepare(c, query, 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, p->id);
}

/* GET /v1/admin/accounts/{id}. */
int
api_admin_account(struct http_request *req)
{
	struct api_call *c;

	if ((c = person_begin(req, ROUTE_ADMIN_ACCOUNT)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL)
		person_prepare(c, "SELECT bq.admin_account($1, $2, $3)");

	return (api_db_run(c));
}

/* PUT or DELETE /v1/admin/accounts/{id}/roles/{role}. */
int
api_admin_account_role(struct http_request *req)
{
	struct api_call *c;
	struct person *p;

	if ((c = person_begin(req, ROUTE_ADMIN_ACCOUNT_ROLE)) == NULL)
		return (KORE_RESULT_OK);
	p = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));

	/* A role we do not know is no resource of the account. */
	if (!path_segment(req->path, 5, p->role, sizeof(p->role)) ||
	    !vocab_has(&vocab_role, p->role))
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
	if (req->method == HTTP_METHOD_DELETE) {
		person_prepare(c, "SELECT bq.role_revoke($1, $2, $3, $4)");
		api_db_param(c, p->role);
		return (api_db_run(c));
	}
	if (!api_body_json(c, grant_fields, JSON_FIELD_COUNT(grant_fields), p))
		return (KORE_RESULT_OK);
	if (p->kindergarten_id != NULL && !token_uuid_valid(p->kindergarten_id))
		field_errors_add(
		    &c->fe, "kindergarten_id", FIELD_INVALID_FORMAT);
	if (p->region_id != NULL && !token_uuid_valid(p->region_id))
		field_errors_add(&c->fe, "region_id", FIELD_INVALID_FORMAT);
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	person_prepare(c, "SELECT bq.role_grant($1, $2, $3, $4, $5, $6)");
	api_db_param(c, p->role);
	api_db_param(c, p->kindergarten_id);
	api_db_param(c, p->region_id);

	return (api_db_run(c));
}

/* POST /v1/admin/accounts/{id}/block: with the reason. */
int
api_admin_account_block(struct http_request *req)
{
	struct api_call *c;
	struct person *p;

	if ((c = person_begin(req, ROUTE_ADMIN_ACCOUNT_BLOCK)) == NULL)
		return (KORE_RESULT_OK);
	p = c->ext;
	if (c->db.query == NULL) {
		if (!api_body_json(
			c, block_fields, JSON_FIELD_COUNT(block_fields), p))
			return (KORE_RESULT_OK);
		person_prepare(c, "SELECT bq.account_block($1, $2, $3, $4)");
		api_db_param(c, p->reason);
	}

	return (api_db_run(c));
}

/* POST /v1/admin/accounts/{id}/unblock. */
int
api_admin_account_unblock(struct http_request *req)
{
	struct api_call *c;

	if ((c = person_begin(req, ROUTE_ADMIN_ACCOUNT_UNBLOCK)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL)
		person_prepare(c, "SELECT bq.account_unblock($1, $2, $3)");

	return (api_db_run(c));
}
