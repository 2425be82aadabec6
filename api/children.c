/*
 * /v1/children, /v1/trusted-children and /v1/trustee-invitations: a
 * parent's children, their photos, trustees and the invitations that make
 * them (docs/FLOWS.md, flow 6).  Who may see a child is decided in SQL
 * from the caller's account: another parent's child is a 404.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_child.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_task.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/vocab.h"

int api_children_lookup(struct http_request *);
int api_children(struct http_request *);
int api_child(struct http_request *);
int api_child_photo(struct http_request *);
int api_child_trustees(struct http_request *);
int api_child_trustee(struct http_request *);
int api_trusted_children(struct http_request *);
int api_trustee_invitations(struct http_request *);
int api_trustee_invitation(struct http_request *);
int api_trustee_invitation_accept(struct http_request *);

#define PHOTO_MAX (2 * 1024 * 1024)

struct child {
	enum api_phase phase;
	const char *iin;
	const char *sex;
	int claim;
	char id[TOKEN_ID_MAX];
	char other[TOKEN_ID_MAX];
	char person[2048];
};

static const struct json_field lookup_fields[] = {
	JSON_FIELD(struct child, iin, JSON_T_STRING, JSON_REQUIRED, 1, 32),
};

static const struct json_field add_fields[] = {
	JSON_FIELD(struct child, iin, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	JSON_FIELD(struct child, sex, JSON_T_STRING, JSON_REQUIRED, 1, 8),
	JSON_FIELD(struct child, claim, JSON_T_BOOL, 0, 0, 0),
};

static const struct json_field patch_fields[] = {
	JSON_FIELD(struct child, sex, JSON_T_STRING, 0, 1, 8),
};

static int
sex_checked(struct api_call *c, const char *sex)
{
	if (sex == NULL || vocab_has(&vocab_sex, sex))
		return (1);
	field_errors_add(&c->fe, "sex", FIELD_INVALID_VALUE);

	return (0);
}

/* The statement every call in this file starts with: account, session. */
static void
prepare(struct api_call *c, const char *query, int status)
{
	api_db_prepare(c, query, status);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
}

/*
 * A child's person from the registry, with its parents, for a body
 * already read (*phase PHASE_REQUEST) whose iin is checked: the
 * per-account cap on registry look-ups, then the registry.  API_DONE
 * leaves the person and *phase PHASE_STORE.
 */
enum api_outcome
api_child_person(struct api_call *c, enum api_phase *phase, const char *iin,
    char *person, size_t len)
{
	enum api_outcome o;

	switch (*phase) {
	case PHASE_REQUEST:
		prepare(c, "SELECT bq.registry_lookup_allow($1, $2)", 200);
		*phase = PHASE_LOOKUP;
		/* FALLTHROUGH */
	case PHASE_LOOKUP:
		if ((o = api_db_step(c)) != API_DONE)
			return (o);
		*phase = PHASE_WORK;
		/* FALLTHROUGH */
	case PHASE_WORK:
		if ((o = api_person(c, "iin", FIELD_NOT_IN_REGISTRY, iin,
			 API_PERSON_PARENTS, person, len)) != API_DONE)
			return (o);
		*phase = PHASE_STORE;
		return (API_DONE);
	default:
		return (API_DONE);
	}
}

/* Look-up and add share their start: the body, then the registry. */
static enum api_outcome
registry_steps(struct api_call *c, struct child *k,
    const struct json_field *spec, size_t n)
{
	if (k->phase == PHASE_REQUEST) {
		if (!api_body_json(c, spec, n, k))
			return (API_ANSWERED);
		(void)api_check_iin(c, "iin", k->iin);
		(void)sex_checked(c, k->sex);
		if (c->fe.n > 0) {
			(void)api_reply_fields(c, PROBLEM_VALIDATION_FAILED);
			return (API_ANSWERED);
		}
	}

	return (api_child_person(
	    c, &k->phase, k->iin, k->person, sizeof(k->person)));
}

int
api_children_lookup(struct http_request *req)
{
	struct api_call *c;
	struct child *k;
	enum api_outcome o;

	if ((c = api_call_begin(req, ROUTE_CHILDREN_LOOKUP, sizeof(*k))) ==
	    NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (k->phase < PHASE_STORE) {
		if ((o = registry_steps(c, k, lookup_fields,
			 JSON_FIELD_COUNT(lookup_fields))) != API_DONE)
			return (api_pending(o));
		prepare(c, "SELECT bq.child_preview($1, $2, $3)", 200);
		api_db_param(c, k->person);
	}

	return (api_db_run(c));
}

int
api_children(struct http_request *req)
{
	struct api_call *c;
	struct child *k;
	enum api_outcome o;

	if ((c = api_call_begin(req, ROUTE_CHILDREN, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (req->method != HTTP_METHOD_POST) {
		if (c->db.query == NULL) {
			prepare(c, "SELECT bq.children($1, $2, false)", 200);
		}
		return (api_db_run(c));
	}
	if (k->phase < PHASE_STORE) {
		if ((o = registry_steps(c, k, add_fields,
			 JSON_FIELD_COUNT(add_fields))) != API_DONE)
			return (api_pending(o));
		prepare(c, "SELECT bq.child_add($1, $2, $3, $4, $5, $6)", 201);
		api_db_param(c, k->iin);
		api_db_param(c, k->sex);
		api_db_param(c, k->person);
		api_db_param(c, k->claim == 1 ? "true" : "false");
	}

	return (api_db_run(c));
}

int
api_trusted_children(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_TRUSTED_CHILDREN, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL)
		prepare(c, "SELECT bq.children($1, $2, true)", 200);

	return (api_db_run(c));
}

/* The id from the path: /v1/children/{id}/..., /v1/trustee-invitations/{id};
 * 0 if answered. */
static int
child_id(struct api_call *c, struct child *k)
{
	if (path_uuid(c->req->path, 2, k->id, sizeof(k->id)))
		return (1);
	(void)api_reply_problem(c, PROBLEM_NOT_FOUND, NULL);

	return (0);
}

int
api_child(struct http_request *req)
{
	struct api_call *c;
	struct child *k;

	if ((c = api_call_begin(req, ROUTE_CHILD, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (c->db.query == NULL) {
		if (!child_id(c, k))
			return (KORE_RESULT_OK);
		switch (req->method) {
		case HTTP_METHOD_PATCH:
			if (!api_body_json(c, patch_fields,
				JSON_FIELD_COUNT(patch_fields), k))
				return (KORE_RESULT_OK);
			if (!sex_checked(c, k->sex))
				return (api_reply_fields(
				    c, PROBLEM_VALIDATION_FAILED));
			prepare(
			    c, "SELECT bq.child_update($1, $2, $3, $4)", 200);
			api_db_param(c, k->id);
			api_db_param(c, k->sex);
			break;
		case HTTP_METHOD_DELETE:
			prepare(c, "SELECT bq.child_delete($1, $2, $3)", 204);
			api_db_param(c, k->id);
			break;
		default:
			prepare(c, "SELECT bq.child_get($1, $2, $3)", 200);
			api_db_param(c, k->id);
			break;
		}
	}

	return (api_db_run(c));
}

int
api_child_photo(struct http_request *req)
{
	struct api_call *c;
	struct child *k;
	static const char *const images[] = { "image/jpeg", "image/png", NULL };
	const char *sniffed;

	if ((c = api_call_begin(req, ROUTE_CHILD_PHOTO, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (c->db.query == NULL) {
		if (!child_id(c, k))
			return (KORE_RESULT_OK);
		if (req->method != HTTP_METHOD_PUT) {
			prepare(c,
			    "SELECT bytes, content_type FROM "
			    "bq.child_photo_get($1, $2, $3)",
			    200);
			api_db_param(c, k->id);
			c->db.binary = 1;
			return (api_db_run_file(c));
		}
		if ((sniffed = api_body_file(c, images, PHOTO_MAX)) == NULL)
			return (KORE_RESULT_OK);
		prepare(
		    c, "SELECT bq.child_photo_put($1, $2, $3, $4, $5)", 200);
		api_db_param(c, k->id);
		api_db_param(c, sniffed);
		api_db_param_bytes(c, c->raw, c->raw_len);
	}
	if (c->db.binary)
		return (api_db_run_file(c));

	return (api_db_run(c));
}

int
api_child_trustees(struct http_request *req)
{
	struct api_call *c;
	struct child *k;

	if ((c = api_call_begin(req, ROUTE_CHILD_TRUSTEES, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (c->db.query == NULL) {
		if (!child_id(c, k))
			return (KORE_RESULT_OK);
		if (req->method == HTTP_METHOD_POST) {
			if (!api_body_json(c, lookup_fields,
				JSON_FIELD_COUNT(lookup_fields), k))
				return (KORE_RESULT_OK);
			if (!api_check_iin(c, "iin", k->iin))
				return (api_reply_fields(
				    c, PROBLEM_VALIDATION_FAILED));
			prepare(
			    c, "SELECT bq.trustee_invite($1, $2, $3, $4)", 201);
			api_db_param(c, k->id);
			api_db_param(c, k->iin);
		} else {
			prepare(c, "SELECT bq.trustees($1, $2, $3)", 200);
			api_db_param(c, k->id);
		}
	}

	return (api_db_run(c));
}

int
api_child_trustee(struct http_request *req)
{
	struct api_call *c;
	struct child *k;

	if ((c = api_call_begin(req, ROUTE_CHILD_TRUSTEE, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (c->db.query == NULL) {
		if (!child_id(c, k))
			return (KORE_RESULT_OK);
		if (!path_uuid(req->path, 4, k->other, sizeof(k->other)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		prepare(c, "SELECT bq.trustee_remove($1, $2, $3, $4)", 204);
		api_db_param(c, k->id);
		api_db_param(c, k->other);
	}

	return (api_db_run(c));
}

int
api_trustee_invitations(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_TRUSTEE_INVITATIONS, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL)
		prepare(c, "SELECT bq.trustee_invitations($1, $2)", 200);

	return (api_db_run(c));
}

/* One invitation by the id in the path: query on it, answering status. */
static int
invitation(struct http_request *req, enum route_id route, const char *query,
    int status)
{
	struct api_call *c;
	struct child *k;

	if ((c = api_call_begin(req, route, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (c->db.query == NULL) {
		if (!child_id(c, k))
			return (KORE_RESULT_OK);
		prepare(c, query, status);
		api_db_param(c, k->id);
	}

	return (api_db_run(c));
}

/* DELETE: the invited person declines, or the owner withdraws it. */
int
api_trustee_invitation(struct http_request *req)
{
	return (invitation(req, ROUTE_TRUSTEE_INVITATION,
	    "SELECT bq.trustee_invitation_delete($1, $2, $3)", 204));
}

int
api_trustee_invitation_accept(struct http_request *req)
{
	return (invitation(req, ROUTE_TRUSTEE_INVITATION_ACCEPT,
	    "SELECT bq.trustee_invitation_accept($1, $2, $3)", 200));
}
