/*
 * Contracts (docs/FLOWS.md, flows 12 and 13): the parent's and the
 * kindergarten's view, the parent's fields and documents and the bytes
 * both sides sign; the signatures are api/signing.c's.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/phone.h"

int api_contracts(struct http_request *);
int api_contract(struct http_request *);
int api_contract_documents(struct http_request *);
int api_contract_document(struct http_request *);

struct contract {
	const char *address;
	const char *phone;
	const char *email;
	const char *document_id;
	const char *kind;
	char id[TOKEN_ID_MAX];
	char e164[PHONE_E164_LEN];
	char body[1024];
};

#define F(...) JSON_FIELD(struct contract, __VA_ARGS__)

static const struct json_field fill_fields[] = {
	F(address, JSON_T_STRING, JSON_REQUIRED, 5, 300),
	F(phone, JSON_T_STRING, JSON_REQUIRED, 1, 32),
	F(email, JSON_T_STRING, JSON_NULLABLE, 3, 254),
};

static const struct json_field attach_fields[] = {
	F(document_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	F(kind, JSON_T_STRING, JSON_REQUIRED, 1, 32),
};

#undef F

int
api_contracts(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_CONTRACTS, 0)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		api_db_prepare(c, "SELECT bq.contracts($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

/* The parent's part, checked, sent on as the JSON the function stores. */
static int
fill(struct api_call *c, struct contract *k)
{
	cJSON *o;
	int ok;

	if (strcmp(c->auth.role, "parent") != 0)
		return (api_reply_problem(c, PROBLEM_FORBIDDEN, NULL));
	if (!api_body_json(c, fill_fields, JSON_FIELD_COUNT(fill_fields), k))
		return (KORE_RESULT_OK);
	api_check_phone(c, "phone", k->phone, k->e164);
	api_check_email(c, "email", k->email);
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	if ((o = cJSON_CreateObject()) == NULL)
		return (api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
	(void)cJSON_AddStringToObject(o, "address", k->address);
	(void)cJSON_AddStringToObject(o, "phone", k->e164);
	if (k->email != NULL)
		(void)cJSON_AddStringToObject(o, "email", k->email);
	ok = cJSON_PrintPreallocated(o, k->body, (int)sizeof(k->body), 0);
	cJSON_Delete(o);
	if (!ok)
		return (api_reply_problem(c, PROBLEM_PAYLOAD_TOO_LARGE, NULL));
	api_db_prepare(c, "SELECT bq.contract_fill($1, $2, $3, $4, $5)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, k->id);
	api_db_param(c, k->body);
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}

int
api_contract(struct http_request *req)
{
	struct api_call *c;
	struct contract *k;

	if ((c = api_call_begin(req, ROUTE_CONTRACT, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (!path_uuid(req->path, 2, k->id, sizeof(k->id)))
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
	if (req->method == HTTP_METHOD_PATCH)
		return (fill(c, k));
	api_db_prepare(c, "SELECT bq.contract_get($1, $2, $3, $4)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, k->id);
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}

int
api_contract_documents(struct http_request *req)
{
	struct api_call *c;
	struct contract *k;

	if ((c = api_call_begin(req, ROUTE_CONTRACT_DOCUMENTS, sizeof(*k))) ==
	    NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, k->id, sizeof(k->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!api_body_json(
			c, attach_fields, JSON_FIELD_COUNT(attach_fields), k))
			return (KORE_RESULT_OK);
		if (!api_check_uuid(c, "document_id", k->document_id))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c,
		    "SELECT bq.contract_attach($1, $2, $3, $4, $5, $6)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
		api_db_param(c, k->document_id);
		api_db_param(c, k->kind);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_contract_document(struct http_request *req)
{
	struct api_call *c;
	struct contract *k;

	if ((c = api_call_begin(req, ROUTE_CONTRACT_DOCUMENT, sizeof(*k))) ==
	    NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, k->id, sizeof(k->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(c,
		    "SELECT bytes, content_type FROM "
		    "bq.contract_document_get($1, $2, $3)",
		    200);
		c->db.binary = 1;
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
	}

	return (api_db_run_file(c));
}
