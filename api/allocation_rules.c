/*
 * GET and PUT /v1/admin/regions/{id}/allocation-rules: how a region's
 * rounds place children, ranked choices and sibling priority
 * (sql/functions/families.sql).
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/path.h"

int api_allocation_rules(struct http_request *);

struct rules {
	char region[TOKEN_ID_MAX];
	char ranked[4];
	int64_t ranked_choices;
	int sibling_priority;
};

#define F(...) JSON_FIELD(struct rules, __VA_ARGS__)

static const struct json_field rules_fields[] = {
	F(ranked_choices, JSON_T_INT, JSON_REQUIRED, 0, 3),
	F(sibling_priority, JSON_T_BOOL, JSON_REQUIRED, 0, 0),
};

#undef F

int
api_allocation_rules(struct http_request *req)
{
	struct api_call *c;
	struct rules *r;

	if ((c = api_call_begin(req, ROUTE_ALLOCATION_RULES, sizeof(*r))) ==
	    NULL)
		return (KORE_RESULT_OK);
	r = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (!path_uuid(req->path, 3, r->region, sizeof(r->region)))
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));

	if (req->method != HTTP_METHOD_PUT) {
		api_db_prepare(
		    c, "SELECT bq.allocation_rules_get($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, r->region);
		return (api_db_run(c));
	}
	if (!api_body_json(c, rules_fields, JSON_FIELD_COUNT(rules_fields), r))
		return (KORE_RESULT_OK);

	(void)snprintf(
	    r->ranked, sizeof(r->ranked), "%lld", (long long)r->ranked_choices);
	api_db_prepare(
	    c, "SELECT bq.allocation_rules_set($1, $2, $3, $4, $5)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, r->region);
	api_db_param(c, r->ranked);
	api_db_param(c, r->sibling_priority ? "true" : "false");

	return (api_db_run(c));
}
