/*
 * POST /v1/feedback: anyone may write to support.  Contact details are
 * optional, checked, and stored only in the database; the statement
 * limits how often one client address may write.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api.h"
#include "bq/email.h"
#include "bq/phone.h"

int api_feedback_post(struct http_request *);

struct feedback {
	const char *topic;
	const char *message;
	const char *name;
	const char *email;
	const char *phone;
	char phone_e164[PHONE_E164_LEN];
	char client[INET6_ADDRSTRLEN];
};

static const struct json_field feedback_fields[] = {
	{ "topic", JSON_T_STRING, offsetof(struct feedback, topic),
	    JSON_REQUIRED, 1, 32 },
	{ "message", JSON_T_STRING, offsetof(struct feedback, message),
	    JSON_REQUIRED | JSON_MULTILINE, 1, 4000 },
	{ "name", JSON_T_STRING, offsetof(struct feedback, name), JSON_NULLABLE,
	    1, 200 },
	{ "email", JSON_T_STRING, offsetof(struct feedback, email),
	    JSON_NULLABLE, 3, EMAIL_MAX },
	{ "phone", JSON_T_STRING, offsetof(struct feedback, phone),
	    JSON_NULLABLE, 10, 32 },
};

static const char *topics[] = { "question", "complaint", "suggestion",
	"technical_problem", "other" };

static int
topic_known(const char *t)
{
	size_t i;

	for (i = 0; i < sizeof(topics) / sizeof(topics[0]); i++) {
		if (strcmp(t, topics[i]) == 0)
			return (1);
	}

	return (0);
}

static int
feedback_check(struct api_call *c, struct feedback *f)
{
	if (!topic_known(f->topic))
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
		    "SELECT bq.feedback_submit($1, $2, $3, $4, $5, $6, $7)",
		    201);
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
