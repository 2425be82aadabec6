/*
 * PUT /v1/applications/{id}/choices: the kindergartens a family ranks,
 * best first, which a ranked round places the child in
 * (bq.application_choices_set).
 */

#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"

int api_application_choices(struct http_request *);

/* Three at most, as an application keeps. */
#define CHOICES_MAX 3

struct choices {
	const cJSON *kindergarten_ids;
	char id[TOKEN_ID_MAX];
	char list[CHOICES_MAX * TOKEN_ID_MAX + 4];
};

#define F(...) JSON_FIELD(struct choices, __VA_ARGS__)

static const struct json_field choices_fields[] = {
	F(kindergarten_ids, JSON_T_ARRAY, JSON_REQUIRED, 0, 0),
};

#undef F

int
api_application_choices(struct http_request *req)
{
	struct api_call *c;
	struct choices *k;

	if ((c = api_call_begin(req, ROUTE_APPLICATION_CHOICES, sizeof(*k))) ==
	    NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (!path_uuid(req->path, 2, k->id, sizeof(k->id)))
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
	if (!api_body_json(
		c, choices_fields, JSON_FIELD_COUNT(choices_fields), k))
		return (KORE_RESULT_OK);
	if (!api_check_uuid_list(c, "kindergarten_ids", k->kindergarten_ids, 0,
		CHOICES_MAX, k->list, sizeof(k->list)))
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));

	api_db_prepare(
	    c, "SELECT bq.application_choices_set($1, $2, $3, $4, $5)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, k->id);
	api_db_param(c, k->list);
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}
