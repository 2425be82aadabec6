/*
 * Contracts (docs/FLOWS.md, flows 12 and 13): the parent's and the
 * kindergarten's view, the parent's fields and documents, the bytes both
 * sides sign and the signatures.  A signature is verified here (CMS with
 * OpenSSL against the trusted CAs, src/signature.c) between two
 * statements: what to sign and who must sign it, then the record.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/digest.h"
#include "bq/path.h"
#include "bq/phone.h"
#include "bq/signature.h"

int api_contracts(struct http_request *);
int api_contract(struct http_request *);
int api_contract_documents(struct http_request *);
int api_contract_document(struct http_request *);
int api_contract_signature(struct http_request *);
int api_staff_contract_signature(struct http_request *);

#define CMS_MAX (48 * 1024)

struct contract {
	const char *address;
	const char *phone;
	const char *email;
	const char *document_id;
	const char *kind;
	const char *cms;
	char id[TOKEN_ID_MAX];
	char e164[PHONE_E164_LEN];
	char body[1024];
	enum api_phase phase;
	uint8_t *der;
	size_t der_len;
	char sha256[SHA256_HEX_LEN];
	struct sig_signer signer;
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

static const struct json_field sign_fields[] = {
	F(cms, JSON_T_STRING, JSON_REQUIRED, 1, CMS_MAX),
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

static enum field_code
sig_field_code(enum sig_result r)
{
	switch (r) {
	case SIG_MALFORMED:
		return (FIELD_INVALID_FORMAT);
	case SIG_INVALID:
		return (FIELD_SIGNATURE_INVALID);
	case SIG_UNTRUSTED:
		return (FIELD_UNTRUSTED_CERTIFICATE);
	case SIG_EXPIRED:
		return (FIELD_CERTIFICATE_EXPIRED);
	default:
		return (FIELD_WRONG_SIGNER);
	}
}

/*
 * The bytes and the party from the first statement, the signature over
 * them verified here; 1 when it holds and the record may be written.
 */
static int
verified(struct api_call *c, struct contract *k)
{
	const cJSON *doc, *serial;
	uint8_t *bytes;
	size_t len;
	cJSON *to_sign;
	enum sig_result r;

	if ((to_sign = cJSON_ParseWithLength(c->out, c->out_len)) == NULL) {
		(void)api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL);
		return (0);
	}
	doc = cJSON_GetObjectItemCaseSensitive(to_sign, "document");
	serial = cJSON_GetObjectItemCaseSensitive(to_sign, "serial_number");
	if (!cJSON_IsString(doc) || !cJSON_IsString(serial) ||
	    !kore_base64_decode(doc->valuestring, &bytes, &len)) {
		cJSON_Delete(to_sign);
		(void)api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL);
		return (0);
	}
	r = sig_verify(api_trusted_ca, k->der, k->der_len, bytes, len,
	    serial->valuestring, &k->signer);
	if (r == SIG_OK)
		(void)sha256_hex(bytes, len, k->sha256);
	kore_free(bytes);
	cJSON_Delete(to_sign);
	if (r != SIG_OK || k->sha256[0] == '\0') {
		field_errors_add(&c->fe, "cms", sig_field_code(r));
		(void)api_reply_fields(c, PROBLEM_VALIDATION_FAILED);
		return (0);
	}

	return (1);
}

static void
der_free(void *arg)
{
	struct contract *k = arg;

	kore_free(k->der);
}

static int
sign(struct http_request *req, enum route_id route, int segment,
    const char *party)
{
	struct api_call *c;
	struct contract *k;
	enum api_outcome o;

	if ((c = api_call_begin(req, route, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	switch (k->phase) {
	case PHASE_REQUEST:
		if (!path_uuid(req->path, segment, k->id, sizeof(k->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!api_body_json(
			c, sign_fields, JSON_FIELD_COUNT(sign_fields), k))
			return (KORE_RESULT_OK);
		if (!kore_base64_decode(k->cms, &k->der, &k->der_len)) {
			field_errors_add(&c->fe, "cms", FIELD_INVALID_FORMAT);
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		}
		c->ext_free = der_free;
		api_db_prepare(
		    c, "SELECT bq.contract_to_sign($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
		api_db_param(c, party);
		k->phase = PHASE_LOOKUP;
		/* FALLTHROUGH */
	case PHASE_LOOKUP:
		if ((o = api_db_step(c)) != API_DONE)
			return (api_pending(o));
		if (c->out == NULL)
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (!verified(c, k))
			return (KORE_RESULT_OK);
		api_db_prepare(c,
		    "SELECT bq.contract_sign($1, $2, $3, $4, $5, $6, $7, $8, "
		    "$9)",
		    200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
		api_db_param(c, party);
		api_db_param(c, k->sha256);
		api_db_param(c, k->signer.subject);
		api_db_param(c, k->signer.serial);
		api_db_param_bytes(c, k->der, k->der_len);
		api_db_param(c, lang_names[c->lang]);
		k->phase = PHASE_STORE;
		/* FALLTHROUGH */
	default:
		return (api_db_run(c));
	}
}

int
api_contract_signature(struct http_request *req)
{
	return (sign(req, ROUTE_CONTRACT_SIGNATURE, 2, "parent"));
}

int
api_staff_contract_signature(struct http_request *req)
{
	return (sign(req, ROUTE_STAFF_CONTRACT_SIGNATURE, 3, "kindergarten"));
}
