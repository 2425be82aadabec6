/*
 * GET /v1/admin/audit: the department's audit log (who granted, revoked,
 * blocked, made or changed what), newest first, in pages by keyset;
 * filtered by object or action.  The rows are in bq.audit_log.
 */

#include <stdio.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/query.h"

int api_admin_audit(struct http_request *);

struct audit {
	char limit[8];
	char cursor[24];
	char object[72];
	char action[72];
};

int
api_admin_audit(struct http_request *req)
{
	static const char *const known[] = { "limit", "cursor", "object_id",
		"action", NULL };
	struct api_call *c;
	struct audit *a;
	long limit, cursor;
	const char *qs;

	if ((c = api_call_begin(req, ROUTE_ADMIN_AUDIT, sizeof(*a))) == NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	if (c->db.query == NULL) {
		qs = req->query_string;
		limit = 50;
		cursor = 0;
		(void)query_known(qs, known, &c->fe);
		(void)query_int(qs, "limit", 1, 200, &limit, &c->fe);
		(void)query_int(
		    qs, "cursor", 1, 9000000000000000L, &cursor, &c->fe);
		(void)query_text(
		    qs, "object_id", 64, a->object, sizeof(a->object), &c->fe);
		(void)query_text(
		    qs, "action", 64, a->action, sizeof(a->action), &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		(void)snprintf(a->limit, sizeof(a->limit), "%ld", limit);
		(void)snprintf(a->cursor, sizeof(a->cursor), "%ld", cursor);
		api_db_prepare(
		    c, "SELECT bq.audit_list($1, $2, $3, $4, $5, $6)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, cursor > 0 ? a->cursor : NULL);
		api_db_param(c, a->limit);
		api_db_param(c, a->object[0] != '\0' ? a->object : NULL);
		api_db_param(c, a->action[0] != '\0' ? a->action : NULL);
	}

	return (api_db_run(c));
}
