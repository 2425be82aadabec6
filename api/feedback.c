/*
 * POST /v1/feedback: anyone may write to support.  A signed-in author is
 * kept, so the answer reaches their inbox; anyone else leaves a contact.
 * Contact details are checked and stored only in the database; the
 * statement limits how often one client address may write.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/email.h"
#include "bq/path.h"
#include "bq/phone.h"
#include "bq/query.h"
#include "bq/vocab.h"

int api_feedback_post(struct http_request *);
int api_support_feedback(struct http_request *);
int api_support_answer(struct http_request *);

struct feedback {
	const char *topic;
	const char *message;
	const char *name;
	const char *email;
	const char *phone;
	char phone_e164[PHONE_E164_LEN];
	char client[INET6_ADDRSTRLEN];
	const char *answer;
	char id[TOKEN_ID_MAX];
	char status[16];
	char limit[8];
	char cursor[24];
};

static const struct json_field feedback_fields[] = {
	JSON_FIELD(struct feedback, topic, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	JSON_FIELD(struct feedback, message, JSON_T_STRING,
	    JSON_REQUIRED | JSON_MULTILINE, 1, 4000),
	JSON_FIELD(struct feedback, name, JSON_T_STRING, JSON_NULLABLE, 1, 200),
	JSON_FIELD(
	    struct feedback, email, JSON_T_STRING, JSON_NULLABLE, 3, EMAIL_MAX),
	JSON_FIELD(
	    struct feedback, phone, JSON_T_STRING, JSON_NULLABLE, 10, 32),
};

static const struct json_field answer_fields[] = {
	JSON_FIELD(struct feedback, answer, JSON_T_STRING,
	    JSON_REQUIRED | JSON_MULTILINE, 3, 4000),
};

static int
feedback_check(struct api_call *c, struct feedback *f)
{
	if (!vocab_has(&vocab_feedback_topic, f->topic))
		field_errors_add(&c->fe, "topic", FIELD_INVALID_VALUE);
	(void)api_check_email(c, "email", f->email);
	(void)api_check_phone(c, "phone", f->phone, f->phone_e164);

	return (c->fe.n == 0);
}

int
api_feedback_post(struct http_request *req)
{
	struct api_call *c;
	struct feedback *f;

	if ((c = api_call_begin(req, ROUTE_FEEDBACK, sizeof(*f))) == NULL)
		return (KORE_RESULT_OK);
	f = c->ext;

	if (c->db.query == NULL) {
		if (!api_body_json(c, feedback_fields,
			JSON_FIELD_COUNT(feedback_fields), f))
			return (KORE_RESULT_OK);
		if (!feedback_check(c, f))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_client_address(req, f->client, sizeof(f->client));
		api_db_prepare(c,
		    "SELECT bq.feedback_send($1, $2, $3, $4, $5, $6, $7, $8, "
		    "$9)",
		    201);
		api_db_param(c, c->auth.sub[0] != '\0' ? c->auth.sub : NULL);
		api_db_param(c, c->auth.sid[0] != '\0' ? c->auth.sid : NULL);
		api_db_param(c, f->topic);
		api_db_param(c, f->message);
		api_db_param(c, f->name);
		api_db_param(c, f->email);
		api_db_param(c, f->phone != NULL ? f->phone_e164 : NULL);
		api_db_param(c, lang_names[c->lang]);
		api_db_param(c, f->client[0] != '\0' ? f->client : NULL);
	}

	return (api_db_run(c));
}

/* The support's list: open (by default), answered or all, oldest first. */
int
api_support_feedback(struct http_request *req)
{
	static const char *const known[] = { "status", "limit", "cursor",
		NULL };
	struct api_call *c;
	struct feedback *f;
	long limit, cursor;

	if ((c = api_call_begin(req, ROUTE_SUPPORT_FEEDBACK, sizeof(*f))) ==
	    NULL)
		return (KORE_RESULT_OK);
	f = c->ext;
	if (c->db.query == NULL) {
		limit = 50;
		cursor = 0;
		(void)query_known(req->query_string, known, &c->fe);
		if (query_text(req->query_string, "status", 16, f->status,
			sizeof(f->status), &c->fe) == 0)
			(void)snprintf(f->status, sizeof(f->status), "open");
		(void)query_int(
		    req->query_string, "limit", 1, 200, &limit, &c->fe);
		(void)query_int(req->query_string, "cursor", 1,
		    9000000000000000L, &cursor, &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		(void)snprintf(f->limit, sizeof(f->limit), "%ld", limit);
		(void)snprintf(f->cursor, sizeof(f->cursor), "%ld", cursor);
		api_db_prepare(
		    c, "SELECT bq.feedback_list($1, $2, $3, $4, $5)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, f->status);
		api_db_param(c, cursor > 0 ? f->cursor : NULL);
		api_db_param(c, f->limit);
	}

	return (api_db_run(c));
}

int
api_support_answer(struct http_request *req)
{
	struct api_call *c;
	struct feedback *f;

	if ((c = api_call_begin(req, ROUTE_SUPPORT_ANSWER, sizeof(*f))) == NULL)
		return (KORE_RESULT_OK);
	f = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 3, f->id, sizeof(f->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!api_body_json(
			c, answer_fields, JSON_FIELD_COUNT(answer_fields), f))
			return (KORE_RESULT_OK);
		api_db_prepare(
		    c, "SELECT bq.feedback_answer($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, f->id);
		api_db_param(c, f->answer);
	}

	return (api_db_run(c));
}
