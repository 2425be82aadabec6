/*
 * /v1/family-groups: children of one family (twins, siblings of one age
 * group) that a ranked round places in one kindergarten or not at all
 * (sql/functions/families.sql, sql/functions/choice_rounds.sql).
 */

#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"

int api_family_groups(struct http_request *);
int api_family_group(struct http_request *);

/* Four children at most, as bq.family_group_make takes. */
#define FAMILY_MAX 4

struct family {
	const cJSON *application_ids;
	char id[TOKEN_ID_MAX];
	char apps[FAMILY_MAX * TOKEN_ID_MAX + 4];
};

#define F(...) JSON_FIELD(struct family, __VA_ARGS__)

static const struct json_field family_fields[] = {
	F(application_ids, JSON_T_ARRAY, JSON_REQUIRED, 0, 0),
};

#undef F

int
api_family_groups(struct http_request *req)
{
	struct api_call *c;
	struct family *f;

	if ((c = api_call_begin(req, ROUTE_FAMILY_GROUPS, sizeof(*f))) == NULL)
		return (KORE_RESULT_OK);
	f = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));

	if (req->method != HTTP_METHOD_POST) {
		api_db_prepare(c, "SELECT bq.family_groups($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, lang_names[c->lang]);
		return (api_db_run(c));
	}
	if (!api_body_json(
		c, family_fields, JSON_FIELD_COUNT(family_fields), f))
		return (KORE_RESULT_OK);
	if (!api_check_uuid_list(c, "application_ids", f->application_ids, 2,
		FAMILY_MAX, f->apps, sizeof(f->apps)))
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));

	api_db_prepare(c, "SELECT bq.family_group_make($1, $2, $3, $4)", 201);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, f->apps);
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}

int
api_family_group(struct http_request *req)
{
	struct api_call *c;
	struct family *f;

	if ((c = api_call_begin(req, ROUTE_FAMILY_GROUP, sizeof(*f))) == NULL)
		return (KORE_RESULT_OK);
	f = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, f->id, sizeof(f->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(
		    c, "SELECT bq.family_group_end($1, $2, $3)", 204);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, f->id);
	}

	return (api_db_run(c));
}
