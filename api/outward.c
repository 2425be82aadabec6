/*
 * Outward messages at the edge: an account's notification settings (which
 * channels besides the inbox, which language) and the SMS gateway's
 * delivery receipts, authenticated by the gateway's shared token.
 */

#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_reply.h"
#include "bq/lang.h"
#include "bq/token.h"

int api_notification_settings(struct http_request *);
int api_sms_receipts(struct http_request *);

struct outward {
	int sms;
	int email;
	const char *language;
	const char *id;
	const char *state;
	char body[128];
};

#define F(...) JSON_FIELD(struct outward, __VA_ARGS__)

static const struct json_field settings_fields[] = {
	F(sms, JSON_T_BOOL, 0, 0, 0),
	F(email, JSON_T_BOOL, 0, 0, 0),
	F(language, JSON_T_STRING, 0, 2, 2),
};

static const struct json_field receipt_fields[] = {
	F(id, JSON_T_STRING, JSON_REQUIRED, 36, 36),
	F(state, JSON_T_STRING, JSON_REQUIRED, 1, 16),
};

int
api_notification_settings(struct http_request *req)
{
	struct api_call *c;
	struct outward *o;
	enum lang l;

	if ((c = api_call_begin(
		 req, ROUTE_NOTIFICATION_SETTINGS, sizeof(*o))) == NULL)
		return (KORE_RESULT_OK);
	o = c->ext;

	if (c->db.query == NULL && req->method != HTTP_METHOD_PATCH) {
		api_db_prepare(
		    c, "SELECT bq.notification_settings($1, $2)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
	} else if (c->db.query == NULL) {
		if (!api_body_json(c, settings_fields,
			JSON_FIELD_COUNT(settings_fields), o))
			return (KORE_RESULT_OK);
		if (o->language != NULL && !lang_from_name(o->language, &l))
			field_errors_add(
			    &c->fe, "language", FIELD_INVALID_VALUE);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		/* The body holds only known fields: SQL applies those sent. */
		if (!cJSON_PrintPreallocated(
			c->body, o->body, (int)sizeof(o->body), 0))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(
		    c, "SELECT bq.notification_settings_set($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, o->body);
	}

	return (api_db_run(c));
}

/*
 * POST /v1/sms/receipts: the gateway says a message it took was delivered
 * or failed (bq.sms_receipt holds the states).  Without BQ_SMS_RECEIPT_TOKEN the route is not there (404),
 * and a wrong token gets the same 404: nothing here for anyone else.
 */
int
api_sms_receipts(struct http_request *req)
{
	struct api_call *c;
	struct outward *o;

	if ((c = api_call_begin(req, ROUTE_SMS_RECEIPTS, sizeof(*o))) == NULL)
		return (KORE_RESULT_OK);
	o = c->ext;

	if (c->db.query == NULL) {
		if (api_config.receipt_token == NULL ||
		    !api_shared_token_ok(req, api_config.receipt_token))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!api_body_json(
			c, receipt_fields, JSON_FIELD_COUNT(receipt_fields), o))
			return (KORE_RESULT_OK);
		if (!token_uuid_valid(o->id))
			field_errors_add(&c->fe, "id", FIELD_INVALID_FORMAT);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c, "SELECT bq.sms_receipt($1, $2)", 204);
		api_db_param(c, o->id);
		api_db_param(c, o->state);
	}

	return (api_db_run(c));
}
