/*
 * /v1/vouchers: the holder's vouchers and their answers to them
 * (docs/FLOWS.md, flows 10 and 11).  The deadlines and every move are in
 * bq.voucher_act.
 */

#include <string.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/path.h"
#include "bq/query.h"

int api_vouchers(struct http_request *);
int api_voucher(struct http_request *);
int api_voucher_confirm(struct http_request *);
int api_voucher_refuse(struct http_request *);
int api_voucher_extend(struct http_request *);

struct holder {
	char id[TOKEN_ID_MAX];
	char status[16];
};

int
api_vouchers(struct http_request *req)
{
	static const char *const known[] = { "status", NULL };
	struct api_call *c;
	struct holder *h;

	if ((c = api_call_begin(req, ROUTE_VOUCHERS, sizeof(*h))) == NULL)
		return (KORE_RESULT_OK);
	h = c->ext;

	if (c->db.query == NULL) {
		(void)query_known(req->query_string, known, &c->fe);
		(void)query_text(req->query_string, "status", 16, h->status,
		    sizeof(h->status), &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c, "SELECT bq.vouchers($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, h->status[0] != '\0' ? h->status : NULL);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

/* One voucher by the id in the path, read or answered. */
static int
by_id(struct http_request *req, enum route_id route, const char *query,
    const char *action)
{
	struct api_call *c;
	struct holder *h;

	if ((c = api_call_begin(req, route, sizeof(*h))) == NULL)
		return (KORE_RESULT_OK);
	h = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, h->id, sizeof(h->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(c, query, 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, h->id);
		if (action != NULL)
			api_db_param(c, action);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_voucher(struct http_request *req)
{
	return (by_id(
	    req, ROUTE_VOUCHER, "SELECT bq.voucher_get($1, $2, $3, $4)", NULL));
}

int
api_voucher_confirm(struct http_request *req)
{
	return (by_id(req, ROUTE_VOUCHER_CONFIRM,
	    "SELECT bq.voucher_act($1, $2, $3, $4, $5)", "confirm"));
}

int
api_voucher_refuse(struct http_request *req)
{
	return (by_id(req, ROUTE_VOUCHER_REFUSE,
	    "SELECT bq.voucher_act($1, $2, $3, $4, $5)", "refuse"));
}

int
api_voucher_extend(struct http_request *req)
{
	return (by_id(req, ROUTE_VOUCHER_EXTEND,
	    "SELECT bq.voucher_act($1, $2, $3, $4, $5)", "extend"));
}
