/*
 * /v1/auth: one-time codes, registration, the four ways in, password
 * reset, refresh and logout (docs/FLOWS.md, flows 2 to 4).  Handlers run in
 * phases: check the body, then task-thread work (argon2, the registry)
 * and statements, each phase resumed when Kore wakes the request.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_task.h"
#include "bq/api_validate.h"
#include "bq/iin.h"
#include "bq/login.h"
#include "bq/opaque.h"
#include "bq/otp.h"
#include "bq/phone.h"
#include "bq/vocab.h"

int api_auth_otp(struct http_request *);
int api_auth_register_verify(struct http_request *);
int api_auth_register(struct http_request *);
int api_auth_login(struct http_request *);
int api_auth_login_code(struct http_request *);
int api_auth_password_reset(struct http_request *);
int api_auth_refresh(struct http_request *);
int api_auth_logout(struct http_request *);

#define PASSWORD_FIELD_MAX (PASSWORD_MAX * 4)

/* What one auth request carries and what its phases leave for the next. */
struct auth {
	enum api_phase phase;
	const char *phone;
	const char *iin;
	const char *code;
	const char *purpose;
	const char *password;
	const char *password_confirm;
	const char *login;
	const char *token;
	int policy_accepted;
	int remember;
	int bound; /* the registry binds the phone to the IIN */
	char phone_e164[PHONE_E164_LEN];
	char own_iin[IIN_LEN + 1];
	char mac[OTP_MAC_HEX];
	char otp[OTP_DIGITS + 1];
	char refresh[OPAQUE_LEN + 1];
	char refresh_hash[OPAQUE_DIGEST_HEX];
	char token_hash[OPAQUE_DIGEST_HEX];
	char hash[PASSWORD_HASH_MAX];
	char person[2048];
	char login_kind[8];
	char login_value[256];
	char account_id[TOKEN_ID_MAX];
	char client[64];
};

#define F(...) JSON_FIELD(struct auth, __VA_ARGS__)

static const struct json_field otp_fields[] = {
	F(phone, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(iin, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(purpose, JSON_T_STRING, JSON_REQUIRED, 1, 16),
	F(policy_accepted, JSON_T_BOOL, JSON_REQUIRED, 0, 0),
};

static const struct json_field code_fields[] = {
	F(phone, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(iin, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(code, JSON_T_STRING, JSON_REQUIRED, 1, 16),
};

static const struct json_field register_fields[] = {
	F(token, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	F(password, JSON_T_STRING, JSON_REQUIRED, 0, PASSWORD_FIELD_MAX),
	F(password_confirm, JSON_T_STRING, JSON_REQUIRED, 0,
	    PASSWORD_FIELD_MAX),
};

static const struct json_field login_fields[] = {
	F(login, JSON_T_STRING, JSON_REQUIRED, 1, 254),
	F(password, JSON_T_STRING, JSON_REQUIRED, 1, PASSWORD_FIELD_MAX),
	F(remember, JSON_T_BOOL, 0, 0, 0),
};

static const struct json_field reset_fields[] = {
	F(phone, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(iin, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(code, JSON_T_STRING, JSON_REQUIRED, 1, 16),
	F(password, JSON_T_STRING, JSON_REQUIRED, 0, PASSWORD_FIELD_MAX),
	F(password_confirm, JSON_T_STRING, JSON_REQUIRED, 0,
	    PASSWORD_FIELD_MAX),
};

static const struct json_field refresh_fields[] = {
	F(token, JSON_T_STRING, JSON_REQUIRED, 1, 64),
};

#undef F

/* Body fields named as the API names them, where the struct differs. */
static int
body(struct api_call *c, const struct json_field *spec, size_t n,
    struct auth *a, const char *token_name)
{
	struct json_field renamed[8];
	size_t i;

	memcpy(renamed, spec, n * sizeof(*spec));
	for (i = 0; i < n; i++) {
		if (strcmp(renamed[i].name, "token") == 0)
			renamed[i].name = token_name;
	}

	return (api_body_json(c, renamed, n, a));
}

/* Phone, IIN and code of a code-bearing body, and the code's MAC. */
static int
code_checked(struct api_call *c, struct auth *a, const char *purpose)
{
	(void)api_check_phone(c, "phone", a->phone, a->phone_e164);
	(void)api_check_iin(c, "iin", a->iin);
	(void)api_check_code(c, "code", a->code);
	if (c->fe.n > 0)
		return (0);

	return (otp_mac(api_keys.otp, sizeof(api_keys.otp), purpose,
	    a->phone_e164, a->iin, a->code, a->mac));
}

static int
new_refresh(struct auth *a)
{
	return (opaque_generate(a->refresh) &&
	    opaque_digest(a->refresh, a->refresh_hash));
}

/* Copies src when it fits; the hashes and documents always should. */
static int
copied(char *dst, size_t len, const char *src)
{
	size_t n = strlen(src);

	if (n >= len)
		return (0);
	memcpy(dst, src, n + 1);

	return (1);
}

int
api_auth_otp(struct http_request *req)
{
	struct api_call *c;
	struct auth *a;
	enum api_outcome o;

	if ((c = api_call_begin(req, ROUTE_AUTH_OTP, sizeof(*a))) == NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	switch (a->phase) {
	case PHASE_REQUEST:
		if (!body(c, otp_fields, JSON_FIELD_COUNT(otp_fields), a, NULL))
			return (KORE_RESULT_OK);
		(void)api_check_phone(c, "phone", a->phone, a->phone_e164);
		(void)api_check_iin(c, "iin", a->iin);
		if (!vocab_has(&vocab_otp_purpose, a->purpose))
			field_errors_add(
			    &c->fe, "purpose", FIELD_INVALID_VALUE);
		if (a->policy_accepted != 1)
			field_errors_add(
			    &c->fe, "policy_accepted", FIELD_INVALID_VALUE);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		a->phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		/*
		 * A code goes only to a phone the registry binds to the IIN;
		 * asked for every request, bound or not, so that the answer,
		 * its time and the cooldown are the same either way.
		 */
		if ((o = api_phone_bound(
			 c, a->iin, a->phone_e164, &a->bound)) != API_DONE)
			return (api_pending(o));
		if (!otp_generate(a->otp) ||
		    !otp_mac(api_keys.otp, sizeof(api_keys.otp), a->purpose,
			a->phone_e164, a->iin, a->otp, a->mac))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_client_address(req, a->client, sizeof(a->client));
		api_db_prepare(c,
		    "SELECT bq.otp_issue($1, $2, $3, $4, $5, $6, $7, $8)", 202);
		api_db_param(c, a->phone_e164);
		api_db_param(c, a->iin);
		api_db_param(c, a->purpose);
		api_db_param(c, a->mac);
		api_db_param(c, a->otp);
		api_db_param(c, lang_names[c->lang]);
		api_db_param(c, a->client[0] != '\0' ? a->client : NULL);
		api_db_param(c, a->bound ? "true" : "false");
		a->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run(c));
	}
}

static int
reply_registration(struct api_call *c, struct auth *a)
{
	cJSON *doc, *person;
	int ret;

	if ((doc = cJSON_CreateObject()) == NULL ||
	    cJSON_AddStringToObject(doc, "registration_token", a->refresh) ==
		NULL ||
	    cJSON_AddNumberToObject(doc, "expires_in", 900) == NULL ||
	    (person = cJSON_Parse(a->person)) == NULL) {
		cJSON_Delete(doc);
		return (api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
	}
	cJSON_AddItemToObject(doc, "person", person);
	ret = api_reply_json(c, 200, doc);
	cJSON_Delete(doc);

	return (ret);
}

int
api_auth_register_verify(struct http_request *req)
{
	struct api_call *c;
	struct auth *a;
	enum api_outcome o;

	if ((c = api_call_begin(req, ROUTE_AUTH_REGISTER_VERIFY, sizeof(*a))) ==
	    NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	switch (a->phase) {
	case PHASE_REQUEST:
		if (!body(
			c, code_fields, JSON_FIELD_COUNT(code_fields), a, NULL))
			return (KORE_RESULT_OK);
		if (!code_checked(c, a, "register"))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		a->phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		/*
		 * Registry first: the code is spent only on a real person.
		 * No code ever goes out for an IIN the registry does not
		 * know, so that one is a wrong code, as any guess: saying
		 * "not in the registry" here would tell it to a stranger.
		 */
		if ((o = api_person(c, "code", FIELD_INVALID_CODE, a->iin, 0,
			 a->person, sizeof(a->person))) != API_DONE)
			return (api_pending(o));
		if (!new_refresh(a))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(
		    c, "SELECT bq.register_verify($1, $2, $3, $4, $5)", 200);
		api_db_param(c, a->phone_e164);
		api_db_param(c, a->iin);
		api_db_param(c, a->mac);
		api_db_param(c, a->refresh_hash);
		api_db_param(c, a->person);
		a->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		if ((o = api_db_step(c)) != API_DONE)
			return (api_pending(o));
		if (api_db_refused(c))
			return (KORE_RESULT_OK);
		/* The registration token is the opaque value made above. */
		return (reply_registration(c, a));
	}
}

int
api_auth_register(struct http_request *req)
{
	struct api_call *c;
	struct auth *a;
	union api_task_in in;
	enum api_outcome o;
	const char *mine[2];

	if ((c = api_call_begin(req, ROUTE_AUTH_REGISTER, sizeof(*a))) == NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	switch (a->phase) {
	case PHASE_REQUEST:
		if (!body(c, register_fields, JSON_FIELD_COUNT(register_fields),
			a, "registration_token"))
			return (KORE_RESULT_OK);
		if (!opaque_digest(a->token, a->token_hash)) {
			field_errors_add(
			    &c->fe, "registration_token", FIELD_INVALID_VALUE);
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		}
		/* The token first: a stranger's guess costs no argon2 run. */
		api_db_prepare(c, "SELECT bq.registration_person($1)", 200);
		api_db_param(c, a->token_hash);
		a->phase = PHASE_LOOKUP;
		/* FALLTHROUGH */
	case PHASE_LOOKUP:
		if ((o = api_db_lookup(c)) != API_DONE)
			return (api_pending(o));
		if (!api_db_out_strings(c,
			(const struct api_db_string[]){
			    { "iin", a->own_iin, sizeof(a->own_iin) },
			    { "phone", a->phone_e164, sizeof(a->phone_e164) } },
			2))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		mine[0] = a->own_iin;
		mine[1] = a->phone_e164;
		if (!api_check_new_password(c, "password", a->password,
			"password_confirm", a->password_confirm, mine, 2))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		a->phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		memset(&in, 0, sizeof(in));
		(void)snprintf(in.hash.password, sizeof(in.hash.password), "%s",
		    a->password);
		if ((o = api_task_step(c, work_hash, &in)) != API_DONE)
			return (api_pending(o));
		if (c->task_out->status != 1 || !new_refresh(a) ||
		    !copied(a->hash, sizeof(a->hash), c->task_out->text))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(c, "SELECT bq.register($1, $2, $3, $4)", 201);
		api_db_param(c, a->token_hash);
		api_db_param(c, a->hash);
		api_db_param(c, a->refresh_hash);
		api_db_param(c, lang_names[c->lang]);
		a->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run_tokens(c, 201, a->refresh));
	}
}

/* The account id and hash a lookup found, or the decoy hash. */
static void
login_found(struct api_call *c, struct auth *a)
{
	const cJSON *id, *hash;
	cJSON *doc;

	a->account_id[0] = '\0';
	(void)snprintf(a->hash, sizeof(a->hash), "%s", api_keys.decoy_hash);
	if ((doc = cJSON_ParseWithLength(c->out, c->out_len)) == NULL)
		return;
	id = cJSON_GetObjectItemCaseSensitive(doc, "account_id");
	hash = cJSON_GetObjectItemCaseSensitive(doc, "password_hash");
	if (cJSON_IsString(id) && cJSON_IsString(hash) &&
	    strlen(id->valuestring) < sizeof(a->account_id) &&
	    strlen(hash->valuestring) < sizeof(a->hash)) {
		(void)snprintf(a->account_id, sizeof(a->account_id), "%s",
		    id->valuestring);
		(void)snprintf(
		    a->hash, sizeof(a->hash), "%s", hash->valuestring);
	}
	cJSON_Delete(doc);
}

int
api_auth_login(struct http_request *req)
{
	struct api_call *c;
	struct auth *a;
	union api_task_in in;
	enum api_outcome o;

	if ((c = api_call_begin(req, ROUTE_AUTH_LOGIN, sizeof(*a))) == NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	switch (a->phase) {
	case PHASE_REQUEST:
		if (!body(c, login_fields, JSON_FIELD_COUNT(login_fields), a,
			NULL))
			return (KORE_RESULT_OK);
		(void)snprintf(a->login_kind, sizeof(a->login_kind), "%s",
		    login_kind(
			a->login, a->login_value, sizeof(a->login_value)));
		api_client_address(req, a->client, sizeof(a->client));
		api_db_prepare(c, "SELECT bq.login_lookup($1, $2, $3)", 200);
		api_db_param(c, a->login_kind);
		api_db_param(c, a->login_value);
		api_db_param(c, a->client[0] != '\0' ? a->client : NULL);
		a->phase = PHASE_LOOKUP;
		/* FALLTHROUGH */
	case PHASE_LOOKUP:
		/* The hash's place first: a flood is turned away (or waits)
		 * before its statement, not after. */
		if ((o = api_task_reserve(c, 1)) != API_DONE)
			return (api_pending(o));
		/* Turned away before any password is hashed. */
		if ((o = api_db_lookup(c)) != API_DONE)
			return (api_pending(o));
		login_found(c, a);
		a->phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		/* Unknown names are checked against the decoy hash: the
		 * same work, the same time. */
		memset(&in, 0, sizeof(in));
		(void)snprintf(
		    in.verify.hash, sizeof(in.verify.hash), "%s", a->hash);
		(void)snprintf(in.verify.password, sizeof(in.verify.password),
		    "%s", a->password);
		if ((o = api_task_step(c, work_verify, &in)) != API_DONE)
			return (api_pending(o));
		if (!new_refresh(a))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(
		    c, "SELECT bq.login_finish($1, $2, $3, $4, $5, $6)", 200);
		api_db_param(
		    c, a->account_id[0] != '\0' ? a->account_id : NULL);
		api_db_param(c, a->login_kind);
		api_db_param(c, a->login_value);
		api_db_param(c,
		    a->account_id[0] != '\0' && c->task_out->status == 1
			? "true"
			: "false");
		api_db_param(c, a->refresh_hash);
		api_db_param(c, a->remember == 1 ? "true" : "false");
		a->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run_tokens(c, 200, a->refresh));
	}
}

int
api_auth_login_code(struct http_request *req)
{
	struct api_call *c;
	struct auth *a;

	if ((c = api_call_begin(req, ROUTE_AUTH_LOGIN_CODE, sizeof(*a))) ==
	    NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	if (c->db.query == NULL) {
		if (!body(
			c, code_fields, JSON_FIELD_COUNT(code_fields), a, NULL))
			return (KORE_RESULT_OK);
		if (!code_checked(c, a, "login"))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		if (!new_refresh(a))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(c, "SELECT bq.login_code($1, $2, $3, $4)", 200);
		api_db_param(c, a->phone_e164);
		api_db_param(c, a->iin);
		api_db_param(c, a->mac);
		api_db_param(c, a->refresh_hash);
	}
	return (api_db_run_tokens(c, 200, a->refresh));
}

int
api_auth_password_reset(struct http_request *req)
{
	struct api_call *c;
	struct auth *a;
	union api_task_in in;
	enum api_outcome o;

	const char *mine[2];
	int coded;

	if ((c = api_call_begin(req, ROUTE_AUTH_PASSWORD_RESET, sizeof(*a))) ==
	    NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	switch (a->phase) {
	case PHASE_REQUEST:
		if (!body(c, reset_fields, JSON_FIELD_COUNT(reset_fields), a,
			NULL))
			return (KORE_RESULT_OK);
		coded = code_checked(c, a, "reset");
		mine[0] = a->iin;
		mine[1] = a->phone_e164;
		(void)api_check_new_password(c, "password", a->password,
		    "password_confirm", a->password_confirm, mine, 2);
		if (!coded || c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		/* The code first: a stranger's guess costs no argon2 run. */
		api_db_prepare(
		    c, "SELECT bq.password_reset_check($1, $2, $3)", 200);
		api_db_param(c, a->phone_e164);
		api_db_param(c, a->iin);
		api_db_param(c, a->mac);
		a->phase = PHASE_LOOKUP;
		/* FALLTHROUGH */
	case PHASE_LOOKUP:
		if ((o = api_db_lookup(c)) != API_DONE)
			return (api_pending(o));
		a->phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		memset(&in, 0, sizeof(in));
		(void)snprintf(in.hash.password, sizeof(in.hash.password), "%s",
		    a->password);
		if ((o = api_task_step(c, work_hash, &in)) != API_DONE)
			return (api_pending(o));
		if (c->task_out->status != 1 ||
		    !copied(a->hash, sizeof(a->hash), c->task_out->text))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(
		    c, "SELECT bq.password_reset($1, $2, $3, $4)", 204);
		api_db_param(c, a->phone_e164);
		api_db_param(c, a->iin);
		api_db_param(c, a->mac);
		api_db_param(c, a->hash);
		a->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run(c));
	}
}

int
api_auth_refresh(struct http_request *req)
{
	struct api_call *c;
	struct auth *a;

	if ((c = api_call_begin(req, ROUTE_AUTH_REFRESH, sizeof(*a))) == NULL)
		return (KORE_RESULT_OK);
	a = c->ext;

	if (c->db.query == NULL) {
		if (!body(c, refresh_fields, JSON_FIELD_COUNT(refresh_fields),
			a, "refresh_token"))
			return (KORE_RESULT_OK);
		if (!opaque_digest(a->token, a->token_hash)) {
			field_errors_add(
			    &c->fe, "refresh_token", FIELD_INVALID_FORMAT);
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		}
		if (!new_refresh(a))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		api_db_prepare(c, "SELECT bq.session_refresh($1, $2)", 200);
		api_db_param(c, a->token_hash);
		api_db_param(c, a->refresh_hash);
	}
	return (api_db_run_tokens(c, 200, a->refresh));
}

int
api_auth_logout(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_AUTH_LOGOUT, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		api_db_prepare(c, "SELECT bq.logout($1, $2)", 204);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
	}

	return (api_db_run(c));
}
