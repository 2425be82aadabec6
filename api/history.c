/*
 * GET /v1/{applications,vouchers,enrolments,contracts}/{id}/history: every
 * move of the object, who made it and why (sql/functions/history.sql
 * decides who may read it).  One handler: the path's collection names the
 * workflow.
 */

#include <string.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/path.h"
#include "bq/token.h"

int api_object_history(struct http_request *);

static const struct {
	const char *collection;
	const char *workflow;
	enum route_id route;
} objects[] = {
	{ "applications", "application", ROUTE_APPLICATION_EVENTS },
	{ "vouchers", "voucher", ROUTE_VOUCHER_HISTORY },
	{ "enrolments", "enrolment", ROUTE_ENROLMENT_HISTORY },
	{ "contracts", "contract", ROUTE_CONTRACT_HISTORY },
};

struct history {
	char id[TOKEN_ID_MAX];
};

int
api_object_history(struct http_request *req)
{
	struct api_call *c;
	struct history *h;
	char collection[16];
	size_t i;

	/* kore.conf routes only the four collections here. */
	if (!path_segment(req->path, 1, collection, sizeof(collection)))
		collection[0] = '\0';
	for (i = 0; i < sizeof(objects) / sizeof(objects[0]) - 1; i++) {
		if (strcmp(objects[i].collection, collection) == 0)
			break;
	}
	if ((c = api_call_begin(req, objects[i].route, sizeof(*h))) == NULL)
		return (KORE_RESULT_OK);
	h = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, h->id, sizeof(h->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(
		    c, "SELECT bq.object_history($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, objects[i].workflow);
		api_db_param(c, h->id);
	}

	return (api_db_run(c));
}
