/*
 * /v1/transfers: a family asks to move an enrolled child to another
 * kindergarten and answers the offers that come (a seat freed there, or a
 * swap of places).  Every rule and move is in sql/functions/transfers.sql.
 */

#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"

int api_transfers(struct http_request *);
int api_transfer(struct http_request *);
int api_transfer_accept(struct http_request *);
int api_transfer_decline(struct http_request *);
int api_transfer_cancel(struct http_request *);

/* Three kindergartens at most, as the table keeps. */
#define TRANSFER_CHOICES_MAX 3

struct transfer {
	const char *child_id;
	const cJSON *kindergarten_ids;
	char id[TOKEN_ID_MAX];
	char choices[TRANSFER_CHOICES_MAX * TOKEN_ID_MAX + 4];
};

#define F(...) JSON_FIELD(struct transfer, __VA_ARGS__)

static const struct json_field transfer_fields[] = {
	F(child_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	F(kindergarten_ids, JSON_T_ARRAY, JSON_REQUIRED, 0, 0),
};

#undef F

static int
request(struct api_call *c, struct transfer *t)
{
	if (!api_body_json(
		c, transfer_fields, JSON_FIELD_COUNT(transfer_fields), t))
		return (KORE_RESULT_OK);
	api_check_uuid(c, "child_id", t->child_id);
	api_check_uuid_list(c, "kindergarten_ids", t->kindergarten_ids, 1,
	    TRANSFER_CHOICES_MAX, t->choices, sizeof(t->choices));
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));

	api_db_prepare(
	    c, "SELECT bq.transfer_request($1, $2, $3, $4, $5)", 201);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, t->child_id);
	api_db_param(c, t->choices);
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}

int
api_transfers(struct http_request *req)
{
	struct api_call *c;
	struct transfer *t;

	if ((c = api_call_begin(req, ROUTE_TRANSFERS, sizeof(*t))) == NULL)
		return (KORE_RESULT_OK);
	t = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (req->method == HTTP_METHOD_POST)
		return (request(c, t));

	api_db_prepare(c, "SELECT bq.transfers($1, $2, $3)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}

/* One transfer by the id in the path, read or answered. */
static int
by_id(struct http_request *req, enum route_id route, const char *action)
{
	struct api_call *c;
	struct transfer *t;

	if ((c = api_call_begin(req, route, sizeof(*t))) == NULL)
		return (KORE_RESULT_OK);
	t = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, t->id, sizeof(t->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (action == NULL)
			api_db_prepare(
			    c, "SELECT bq.transfer_get($1, $2, $3, $4)", 200);
		else
			api_db_prepare(c,
			    "SELECT bq.transfer_act($1, $2, $3, $4, $5)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, t->id);
		if (action != NULL)
			api_db_param(c, action);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_transfer(struct http_request *req)
{
	return (by_id(req, ROUTE_TRANSFER, NULL));
}

int
api_transfer_accept(struct http_request *req)
{
	return (by_id(req, ROUTE_TRANSFER_ACCEPT, "accept"));
}

int
api_transfer_decline(struct http_request *req)
{
	return (by_id(req, ROUTE_TRANSFER_DECLINE, "decline"));
}

int
api_transfer_cancel(struct http_request *req)
{
	return (by_id(req, ROUTE_TRANSFER_CANCEL, "cancel"));
}
