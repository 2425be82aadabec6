/*
 * Keeping the catalogue: the department makes, edits, suspends and
 * reopens its city's kindergartens and makes, edits and closes their
 * groups; a kindergarten's staff edit their own groups, contacts and
 * hours.  Shapes are checked here; the body, holding only known fields,
 * is the patch SQL applies (sql/functions/department.sql).
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/iin.h"
#include "bq/path.h"
#include "bq/phone.h"
#include "bq/token.h"
#include "bq/vocab.h"

int api_staff_group(struct http_request *);
int api_admin_group(struct http_request *);
int api_admin_group_close(struct http_request *);
int api_admin_kindergartens(struct http_request *);
int api_admin_kindergarten(struct http_request *);
int api_admin_kindergarten_suspend(struct http_request *);
int api_admin_kindergarten_reopen(struct http_request *);
int api_admin_kindergarten_groups(struct http_request *);
int api_kindergarten_contacts(struct http_request *);

struct edit {
	char id[TOKEN_ID_MAX];
	/* The patch: every name and address in four bytes a character. */
	char doc[12288];
	char phone_e164[PHONE_E164_LEN];
	int64_t capacity;
	const char *name;
	const char *language;
	const char *age_group;
	const cJSON *correction_type;
	const char *reason;
	const char *code;
	const char *bin;
	const char *name_kk;
	const char *name_ru;
	const char *name_en;
	const char *region_id;
	const char *address_kk;
	const char *address_ru;
	const cJSON *lat;
	const cJSON *lon;
	const char *ownership;
	const char *phone;
	const char *email;
	const char *website;
	const char *hours;
};

#define F(...) JSON_FIELD(struct edit, __VA_ARGS__)
#define R JSON_REQUIRED
#define N JSON_NULLABLE

/* A group edited: any of its fields. */
static const struct json_field group_fields[] = {
	F(capacity, JSON_T_INT, 0, 0, 60),
	F(name, JSON_T_STRING, 0, 1, 100),
	F(language, JSON_T_STRING, 0, 2, 2),
	F(age_group, JSON_T_STRING, 0, 1, 32),
	F(correction_type, JSON_T_ANY, 0, 0, 0),
};

/* A new group: all but the correction type. */
static const struct json_field group_new_fields[] = {
	F(capacity, JSON_T_INT, R, 0, 60),
	F(name, JSON_T_STRING, R, 1, 100),
	F(language, JSON_T_STRING, R, 2, 2),
	F(age_group, JSON_T_STRING, R, 1, 32),
	F(correction_type, JSON_T_ANY, 0, 0, 0),
};

static const struct json_field reason_fields[] = {
	F(reason, JSON_T_STRING, R | JSON_MULTILINE, 3, 500),
};

/* A kindergarten edited: any field; contacts and hours may be cleared. */
static const struct json_field kg_fields[] = {
	F(code, JSON_T_STRING, 0, 1, 32),
	F(bin, JSON_T_STRING, 0, 12, 12),
	F(name_kk, JSON_T_STRING, 0, 1, 200),
	F(name_ru, JSON_T_STRING, 0, 1, 200),
	F(name_en, JSON_T_STRING, 0, 1, 200),
	F(region_id, JSON_T_STRING, 0, 36, 36),
	F(address_kk, JSON_T_STRING, 0, 1, 300),
	F(address_ru, JSON_T_STRING, 0, 1, 300),
	F(lat, JSON_T_ANY, 0, 0, 0),
	F(lon, JSON_T_ANY, 0, 0, 0),
	F(ownership, JSON_T_STRING, 0, 1, 32),
	F(phone, JSON_T_STRING, N, 1, 32),
	F(email, JSON_T_STRING, N, 3, 254),
	F(website, JSON_T_STRING, N, 8, 200),
	F(hours, JSON_T_STRING, N, 1, 200),
};

/* A new kindergarten: what the catalogue shows of every one. */
static const struct json_field kg_new_fields[] = {
	F(code, JSON_T_STRING, R, 1, 32),
	F(bin, JSON_T_STRING, R, 12, 12),
	F(name_kk, JSON_T_STRING, R, 1, 200),
	F(name_ru, JSON_T_STRING, R, 1, 200),
	F(name_en, JSON_T_STRING, N, 1, 200),
	F(region_id, JSON_T_STRING, R, 36, 36),
	F(address_kk, JSON_T_STRING, R, 1, 300),
	F(address_ru, JSON_T_STRING, R, 1, 300),
	F(lat, JSON_T_ANY, R, 0, 0),
	F(lon, JSON_T_ANY, R, 0, 0),
	F(ownership, JSON_T_STRING, R, 1, 32),
	F(phone, JSON_T_STRING, N, 1, 32),
	F(email, JSON_T_STRING, N, 3, 254),
	F(website, JSON_T_STRING, N, 8, 200),
	F(hours, JSON_T_STRING, N, 1, 200),
};

/* What staff keep of their kindergarten. */
static const struct json_field contact_fields[] = {
	F(phone, JSON_T_STRING, N, 1, 32),
	F(email, JSON_T_STRING, N, 3, 254),
	F(website, JSON_T_STRING, N, 8, 200),
	F(hours, JSON_T_STRING, N, 1, 200),
};

#undef N
#undef R
#undef F

/* The checked body as the patch SQL applies; 0 when it is empty. */
static int
edit_doc(struct api_call *c, struct edit *e)
{
	if (c->body->child == NULL)
		field_errors_add(&c->fe, "body", FIELD_EMPTY);

	return (c->fe.n == 0 &&
	    cJSON_PrintPreallocated(c->body, e->doc, (int)sizeof(e->doc), 0));
}

/* A group's fields beyond their types: a correction type is a string. */
static void
group_check(struct api_call *c, struct edit *e)
{
	const cJSON *v = e->correction_type;

	if (v != NULL && !cJSON_IsNull(v) &&
	    (!cJSON_IsString(v) || strlen(v->valuestring) == 0 ||
		strlen(v->valuestring) > 32))
		field_errors_add(&c->fe, "correction_type", FIELD_WRONG_TYPE);
	if (e->language != NULL &&
	    !vocab_has(&vocab_instruction_language, e->language))
		field_errors_add(&c->fe, "language", FIELD_INVALID_VALUE);
}

/* A coordinate: a number from -max to max. */
static void
coordinate_check(
    struct api_call *c, const char *field, const cJSON *v, double max)
{
	if (v == NULL)
		return;
	if (!cJSON_IsNumber(v))
		field_errors_add(&c->fe, field, FIELD_WRONG_TYPE);
	else if (v->valuedouble < -max || v->valuedouble > max)
		field_errors_add(&c->fe, field, FIELD_OUT_OF_RANGE);
}

/* Contacts: a phone in any usual form is kept as +7..., an e-mail and a
 * web address that are one. */
static void
contacts_check(struct api_call *c, struct edit *e)
{
	if (api_check_phone(c, "phone", e->phone, e->phone_e164) &&
	    e->phone != NULL)
		cJSON_ReplaceItemInObjectCaseSensitive(
		    c->body, "phone", cJSON_CreateString(e->phone_e164));
	(void)api_check_email(c, "email", e->email);
	if (e->website != NULL && strncmp(e->website, "https://", 8) != 0 &&
	    strncmp(e->website, "http://", 7) != 0)
		field_errors_add(&c->fe, "website", FIELD_INVALID_FORMAT);
}

/* A kindergarten's fields beyond their types. */
static void
kindergarten_check(struct api_call *c, struct edit *e)
{
	if (e->code != NULL &&
	    (strspn(e->code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
		strlen(e->code)))
		field_errors_add(&c->fe, "code", FIELD_INVALID_FORMAT);
	if (e->bin != NULL) {
		if (strspn(e->bin, "0123456789") != IIN_LEN)
			field_errors_add(&c->fe, "bin", FIELD_INVALID_FORMAT);
		else if (!iin_valid(e->bin))
			field_errors_add(&c->fe, "bin", FIELD_CHECK_DIGIT);
	}
	if (e->region_id != NULL && !token_uuid_valid(e->region_id))
		field_errors_add(&c->fe, "region_id", FIELD_INVALID_FORMAT);
	coordinate_check(c, "lat", e->lat, 90);
	coordinate_check(c, "lon", e->lon, 180);
	contacts_check(c, e);
}

/* Begins a call on the object whose id is the path's segment; NULL when
 * answered (no such id). */
static struct api_call *
edit_begin(struct http_request *req, enum route_id route, int segment)
{
	struct api_call *c;
	struct edit *e;

	if ((c = api_call_begin(req, route, sizeof(*e))) == NULL)
		return (NULL);
	e = c->ext;
	if (c->db.query == NULL && segment > 0 &&
	    !path_uuid(req->path, segment, e->id, sizeof(e->id))) {
		(void)api_reply_problem(c, PROBLEM_NOT_FOUND, NULL);
		return (NULL);
	}

	return (c);
}

/* The statement: the account, its session, then the object's id. */
static void
edit_prepare(struct api_call *c, const char *query, int status)
{
	struct edit *e = c->ext;

	api_db_prepare(c, query, status);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	if (e->id[0] != '\0')
		api_db_param(c, e->id);
}

/*
 * An edit whose body is a document: its fields and their checks, the
 * statement (the account, the session, the path's object when there is
 * one, the document, then the language when the answer is a card).
 */
struct doc_edit {
	enum route_id route;
	int segment; /* the path's object id, 0 for none */
	const struct json_field *fields;
	size_t nfields;
	void (*check)(struct api_call *, struct edit *);
	const char *query;
	int status;
	int with_lang;
};

#define DOC_EDIT(r, seg, f, chk, q, st, lang) \
	{ \
		r, seg, f, JSON_FIELD_COUNT(f), chk, q, st, lang \
	}

static int
doc_edit(struct http_request *req, const struct doc_edit *d)
{
	struct api_call *c;
	struct edit *e;

	if ((c = edit_begin(req, d->route, d->segment)) == NULL)
		return (KORE_RESULT_OK);
	e = c->ext;
	if (c->db.query == NULL) {
		if (!api_body_json(c, d->fields, d->nfields, e))
			return (KORE_RESULT_OK);
		d->check(c, e);
		if (!edit_doc(c, e))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		edit_prepare(c, d->query, d->status);
		api_db_param(c, e->doc);
		if (d->with_lang)
			api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

/* PUT /v1/kindergarten/groups/{id} and PATCH /v1/admin/groups/{id}: one
 * edit, by staff of the kindergarten or its city's department. */
int
api_staff_group(struct http_request *req)
{
	static const struct doc_edit d =
	    DOC_EDIT(ROUTE_STAFF_GROUP, 3, group_fields, group_check,
		"SELECT bq.group_update($1, $2, $3, $4)", 200, 0);

	return (doc_edit(req, &d));
}

int
api_admin_group(struct http_request *req)
{
	static const struct doc_edit d =
	    DOC_EDIT(ROUTE_ADMIN_GROUP, 3, group_fields, group_check,
		"SELECT bq.group_update($1, $2, $3, $4)", 200, 0);

	return (doc_edit(req, &d));
}

/* A POST with a reason on the object of the path: close, suspend. */
static int
with_reason(struct http_request *req, enum route_id route, const char *query)
{
	struct api_call *c;
	struct edit *e;

	if ((c = edit_begin(req, route, 3)) == NULL)
		return (KORE_RESULT_OK);
	e = c->ext;
	if (c->db.query == NULL) {
		if (!api_body_json(
			c, reason_fields, JSON_FIELD_COUNT(reason_fields), e))
			return (KORE_RESULT_OK);
		edit_prepare(c, query, 200);
		api_db_param(c, e->reason);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_admin_group_close(struct http_request *req)
{
	return (with_reason(req, ROUTE_ADMIN_GROUP_CLOSE,
	    "SELECT bq.group_close($1, $2, $3, $4, $5)"));
}

int
api_admin_kindergarten_suspend(struct http_request *req)
{
	return (with_reason(req, ROUTE_ADMIN_KINDERGARTEN_SUSPEND,
	    "SELECT bq.kindergarten_suspend($1, $2, $3, $4, $5)"));
}

/* POST /v1/admin/kindergartens/{id}/reopen: a suspension with no reason
 * left. */
int
api_admin_kindergarten_reopen(struct http_request *req)
{
	struct api_call *c;

	if ((c = edit_begin(req, ROUTE_ADMIN_KINDERGARTEN_REOPEN, 3)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		edit_prepare(c,
		    "SELECT bq.kindergarten_suspend($1, $2, $3, NULL, $4)",
		    200);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

/* POST /v1/admin/kindergartens/{id}/groups. */
int
api_admin_kindergarten_groups(struct http_request *req)
{
	static const struct doc_edit d =
	    DOC_EDIT(ROUTE_ADMIN_KINDERGARTEN_GROUPS, 3, group_new_fields,
		group_check, "SELECT bq.group_create($1, $2, $3, $4)", 201, 0);

	return (doc_edit(req, &d));
}

/* POST /v1/admin/kindergartens. */
int
api_admin_kindergartens(struct http_request *req)
{
	static const struct doc_edit d = DOC_EDIT(ROUTE_ADMIN_KINDERGARTENS, 0,
	    kg_new_fields, kindergarten_check,
	    "SELECT bq.kindergarten_create($1, $2, $3, $4)", 201, 1);

	return (doc_edit(req, &d));
}

/* PATCH /v1/admin/kindergartens/{id}. */
int
api_admin_kindergarten(struct http_request *req)
{
	static const struct doc_edit d =
	    DOC_EDIT(ROUTE_ADMIN_KINDERGARTEN, 3, kg_fields, kindergarten_check,
		"SELECT bq.kindergarten_update($1, $2, $3, $4, $5)", 200, 1);

	return (doc_edit(req, &d));
}

/* PATCH /v1/kindergarten/contacts: the staff's own kindergarten. */
int
api_kindergarten_contacts(struct http_request *req)
{
	static const struct doc_edit d = DOC_EDIT(ROUTE_KINDERGARTEN_CONTACTS,
	    0, contact_fields, contacts_check,
	    "SELECT bq.kindergarten_contacts($1, $2, $3, $4)", 200, 1);

	return (doc_edit(req, &d));
}
