/*
 * POST /v1/admin/staff: an administrator makes an account for a verifier,
 * kindergarten staff, support or another administrator.  Staff sign in by
 * their login name; the password follows the same policy as everyone's.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_task.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/phone.h"
#include "bq/query.h"
#include "bq/token.h"
#include "bq/vocab.h"

int api_admin_staff(struct http_request *);

struct staff {
	enum api_phase phase;
	const char *login;
	const char *password;
	const char *surname;
	const char *first_name;
	const char *patronymic;
	const char *email;
	const char *phone;
	const char *role;
	const char *kindergarten_id;
	char phone_e164[PHONE_E164_LEN];
	char hash[PASSWORD_HASH_MAX];
	char kg[40];
	char role_q[40];
};

#define F(...) JSON_FIELD(struct staff, __VA_ARGS__)

static const struct json_field staff_fields[] = {
	F(login, JSON_T_STRING, JSON_REQUIRED, 3, 32),
	F(password, JSON_T_STRING, JSON_REQUIRED, 0, PASSWORD_MAX * 4),
	F(surname, JSON_T_STRING, JSON_REQUIRED, 1, 100),
	F(first_name, JSON_T_STRING, JSON_REQUIRED, 1, 100),
	F(patronymic, JSON_T_STRING, JSON_NULLABLE, 1, 100),
	F(email, JSON_T_STRING, JSON_NULLABLE, 3, 254),
	F(phone, JSON_T_STRING, JSON_NULLABLE, 1, 32),
	F(role, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(kindergarten_id, JSON_T_STRING, JSON_NULLABLE, 36, 36),
};

#undef F

/* GET /v1/admin/staff?kindergarten_id=&role=: the staff, filtered. */
static int
staff_list(struct api_call *c)
{
	static const char *const known[] = { "kindergarten_id", "role", NULL };
	struct http_request *req = c->req;
	struct staff *s = c->ext;

	if (c->db.query == NULL) {
		(void)query_known(req->query_string, known, &c->fe);
		if (query_text(req->query_string, "kindergarten_id", 36, s->kg,
			sizeof(s->kg), &c->fe) > 0 &&
		    !uuid_lower(s->kg))
			field_errors_add(
			    &c->fe, "kindergarten_id", FIELD_INVALID_FORMAT);
		(void)query_text(req->query_string, "role", 32, s->role_q,
		    sizeof(s->role_q), &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c, "SELECT bq.staff_list($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, s->kg[0] != '\0' ? s->kg : NULL);
		api_db_param(c, s->role_q[0] != '\0' ? s->role_q : NULL);
	}

	return (api_db_run(c));
}

int
api_admin_staff(struct http_request *req)
{
	struct api_call *c;
	struct staff *s;
	union api_task_in in;
	enum api_outcome o;

	const char *mine[3];

	if ((c = api_call_begin(req, ROUTE_ADMIN_STAFF, sizeof(*s))) == NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (req->method == HTTP_METHOD_GET)
		return (staff_list(c));

	switch (s->phase) {
	case PHASE_REQUEST:
		if (!api_body_json(
			c, staff_fields, JSON_FIELD_COUNT(staff_fields), s))
			return (KORE_RESULT_OK);
		(void)api_check_login_name(c, "login", s->login);
		(void)api_check_email(c, "email", s->email);
		(void)api_check_phone(c, "phone", s->phone, s->phone_e164);
		mine[0] = s->login;
		mine[1] = s->email;
		mine[2] = s->phone_e164;
		(void)api_check_new_password(
		    c, "password", s->password, NULL, NULL, mine, 3);
		/* Staff are any role but a parent, who registers. */
		if (!vocab_has(&vocab_role, s->role) ||
		    strcmp(s->role, "parent") == 0)
			field_errors_add(&c->fe, "role", FIELD_INVALID_VALUE);
		if (s->kindergarten_id != NULL &&
		    !token_uuid_valid(s->kindergarten_id))
			field_errors_add(
			    &c->fe, "kindergarten_id", FIELD_INVALID_FORMAT);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		s->phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		memset(&in, 0, sizeof(in));
		(void)snprintf(in.hash.password, sizeof(in.hash.password), "%s",
		    s->password);
		if ((o = api_task_step(c, work_hash, &in)) != API_DONE)
			return (o == API_PENDING ? KORE_RESULT_RETRY
						 : KORE_RESULT_OK);
		if (c->task_out->status != 1 ||
		    strlen(c->task_out->text) >= sizeof(s->hash))
			return (
			    api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
		memcpy(
		    s->hash, c->task_out->text, strlen(c->task_out->text) + 1);
		api_db_prepare(c,
		    "SELECT bq.staff_create($1, $2, $3, $4, $5, $6, $7, $8, "
		    "$9, "
		    "$10, $11)",
		    201);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, s->login);
		api_db_param(c, s->hash);
		api_db_param(c, s->surname);
		api_db_param(c, s->first_name);
		api_db_param(c, s->patronymic);
		api_db_param(c, s->email);
		api_db_param(c, s->phone != NULL ? s->phone_e164 : NULL);
		api_db_param(c, s->role);
		api_db_param(c, s->kindergarten_id);
		s->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run(c));
	}
}
