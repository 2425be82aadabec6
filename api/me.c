/*
 * /v1/me: the signed-in account, its profile, password, role and log.
 * Every statement passes the token's account and session, and SQL refuses
 * a session that has ended.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_task.h"
#include "bq/api_validate.h"
#include "bq/opaque.h"
#include "bq/otp.h"

int api_me(struct http_request *);
int api_me_email_verify(struct http_request *);
int api_me_password(struct http_request *);
int api_me_role(struct http_request *);
int api_me_log(struct http_request *);

struct me {
	enum api_phase phase;
	const char *email;
	const char *login;
	const char *language;
	const char *current_password;
	const char *password;
	const char *password_confirm;
	const char *role;
	const char *code;
	char otp[OTP_DIGITS + 1];
	char mac[OTP_MAC_HEX];
	char hash[PASSWORD_HASH_MAX];
	/* The account's IIN, phone, login, e-mail: not in the new password. */
	char own[4][256];
	char refresh[OPAQUE_LEN + 1];
	char refresh_hash[OPAQUE_DIGEST_HEX];
	char patch[1024];
	char cursor[24];
	char limit[8];
};

#define F(...) JSON_FIELD(struct me, __VA_ARGS__)

static const struct json_field patch_fields[] = {
	F(email, JSON_T_STRING, JSON_NULLABLE, 3, 254),
	F(login, JSON_T_STRING, JSON_NULLABLE, 3, 32),
	F(language, JSON_T_STRING, 0, 2, 2),
};

static const struct json_field password_fields[] = {
	F(current_password, JSON_T_STRING, JSON_REQUIRED, 1, PASSWORD_MAX * 4),
	F(password, JSON_T_STRING, JSON_REQUIRED, 0, PASSWORD_MAX * 4),
	F(password_confirm, JSON_T_STRING, JSON_REQUIRED, 0, PASSWORD_MAX * 4),
};

static const struct json_field role_fields[] = {
	F(role, JSON_T_STRING, JSON_REQUIRED, 1, 32),
};

static const struct json_field verify_fields[] = {
	F(code, JSON_T_STRING, JSON_REQUIRED, 1, 16),
};

#undef F

/*
 * The MAC of an e-mail code, bound to the account (the address is the
 * one row bq.email_verification keeps for it); a new code first when
 * fresh, else the code typed.
 */
static int
email_code(struct api_call *c, struct me *m, int fresh)
{
	if (fresh && !otp_generate(m->otp))
		return (0);

	return (otp_mac(api_keys.otp, sizeof(api_keys.otp), "email",
	    c->auth.sub, "", fresh ? m->otp : m->code, m->mac));
}

int
api_me(struct http_request *req)
{
	struct api_call *c;
	struct me *m;
	enum lang l;

	if ((c = api_call_begin(req, ROUTE_ME, sizeof(*m))) == NULL)
		return (KORE_RESULT_OK);
	m = c->ext;

	if (c->db.query == NULL && req->method != HTTP_METHOD_PATCH) {
		api_db_prepare(c, "SELECT bq.me($1, $2)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
	} else if (c->db.query == NULL) {
		if (!api_body_json(
			c, patch_fields, JSON_FIELD_COUNT(patch_fields), m))
			return (KORE_RESULT_OK);
		(void)api_check_email(c, "email", m->email);
		(void)api_check_login_name(c, "login", m->login);
		if (m->language != NULL && !lang_from_name(m->language, &l))
			field_errors_add(
			    &c->fe, "language", FIELD_INVALID_VALUE);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		/* The body holds only known fields: SQL applies those sent. */
		if (!cJSON_PrintPreallocated(
			c->body, m->patch, (int)sizeof(m->patch), 0))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		/* A new e-mail is proved by a code sent to it. */
		if (m->email != NULL && !email_code(c, m, 1))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(
		    c, "SELECT bq.me_update($1, $2, $3, $4, $5)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, m->patch);
		api_db_param(c, m->email != NULL ? m->otp : NULL);
		api_db_param(c, m->email != NULL ? m->mac : NULL);
	}

	return (api_db_run(c));
}

int
api_me_password(struct http_request *req)
{
	struct api_call *c;
	struct me *m;
	union api_task_in in;
	enum api_outcome o;
	const char *mine[4];
	size_t i;

	if ((c = api_call_begin(req, ROUTE_ME_PASSWORD, sizeof(*m))) == NULL)
		return (KORE_RESULT_OK);
	m = c->ext;

	switch (m->phase) {
	case PHASE_REQUEST:
		if (!api_body_json(c, password_fields,
			JSON_FIELD_COUNT(password_fields), m))
			return (KORE_RESULT_OK);
		api_db_prepare(c, "SELECT bq.password_current($1, $2)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		m->phase = PHASE_LOOKUP;
		/* FALLTHROUGH */
	case PHASE_LOOKUP:
		/* Locked by failures: no more guesses. */
		if ((o = api_db_lookup(c)) != API_DONE)
			return (api_pending(o));
		if (!api_db_out_strings(c,
			(const struct api_db_string[]){
			    { "password_hash", m->hash, sizeof(m->hash) },
			    { "iin", m->own[0], sizeof(m->own[0]) },
			    { "phone", m->own[1], sizeof(m->own[1]) },
			    { "login", m->own[2], sizeof(m->own[2]) },
			    { "email", m->own[3], sizeof(m->own[3]) } },
			5) ||
		    m->hash[0] == '\0')
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		for (i = 0; i < 4; i++)
			mine[i] = m->own[i];
		if (!api_check_new_password(c, "password", m->password,
			"password_confirm", m->password_confirm, mine, 4))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		m->phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		memset(&in, 0, sizeof(in));
		(void)snprintf(
		    in.rehash.hash, sizeof(in.rehash.hash), "%s", m->hash);
		(void)snprintf(in.rehash.current, sizeof(in.rehash.current),
		    "%s", m->current_password);
		(void)snprintf(in.rehash.password, sizeof(in.rehash.password),
		    "%s", m->password);
		if ((o = api_task_step(c, work_verify_hash, &in)) != API_DONE)
			return (api_pending(o));
		if (c->task_out->status < 0 ||
		    strlen(c->task_out->text) >= sizeof(m->hash))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		memcpy(
		    m->hash, c->task_out->text, strlen(c->task_out->text) + 1);
		api_db_prepare(
		    c, "SELECT bq.password_change($1, $2, $3, $4)", 204);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, c->task_out->status == 1 ? "true" : "false");
		api_db_param(c, c->task_out->status == 1 ? m->hash : "");
		m->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run(c));
	}
}

int
api_me_role(struct http_request *req)
{
	struct api_call *c;
	struct me *m;

	if ((c = api_call_begin(req, ROUTE_ME_ROLE, sizeof(*m))) == NULL)
		return (KORE_RESULT_OK);
	m = c->ext;

	if (c->db.query == NULL) {
		if (!api_body_json(
			c, role_fields, JSON_FIELD_COUNT(role_fields), m))
			return (KORE_RESULT_OK);
		if (route_role_bit(m->role) == 0) {
			field_errors_add(&c->fe, "role", FIELD_INVALID_VALUE);
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		}
		if (!opaque_generate(m->refresh) ||
		    !opaque_digest(m->refresh, m->refresh_hash))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(
		    c, "SELECT bq.session_switch_role($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, m->role);
		api_db_param(c, m->refresh_hash);
	}
	return (api_db_run_tokens(c, 200, m->refresh));
}

int
api_me_log(struct http_request *req)
{
	struct api_call *c;
	struct me *m;
	long limit, cursor;

	if ((c = api_call_begin(req, ROUTE_ME_LOG, sizeof(*m))) == NULL)
		return (KORE_RESULT_OK);
	m = c->ext;

	if (c->db.query == NULL) {
		if (!api_check_page(c, &limit, &cursor))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		(void)snprintf(m->limit, sizeof(m->limit), "%ld", limit);
		(void)snprintf(m->cursor, sizeof(m->cursor), "%ld", cursor);
		api_db_prepare(c, "SELECT bq.account_log($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, cursor > 0 ? m->cursor : NULL);
		api_db_param(c, m->limit);
	}

	return (api_db_run(c));
}

/* POST /v1/me/email/verify: the code sent to the new address. */
int
api_me_email_verify(struct http_request *req)
{
	struct api_call *c;
	struct me *m;

	if ((c = api_call_begin(req, ROUTE_ME_EMAIL_VERIFY, sizeof(*m))) ==
	    NULL)
		return (KORE_RESULT_OK);
	m = c->ext;

	if (c->db.query == NULL) {
		if (!api_body_json(
			c, verify_fields, JSON_FIELD_COUNT(verify_fields), m))
			return (KORE_RESULT_OK);
		if (!api_check_code(c, "code", m->code))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		if (!email_code(c, m, 0))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(c, "SELECT bq.email_verify($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, m->mac);
	}

	return (api_db_run(c));
}
