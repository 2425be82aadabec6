/*
 * /v1/documents: files a parent hands in (PMPK conclusions, certificates).
 * The bytes live in PostgreSQL with their SHA-256; the type is what the
 * content proves, and the size is checked before anything is stored.
 */

#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/path.h"
#include "bq/query.h"

int api_documents(struct http_request *);
int api_document(struct http_request *);

#define DOCUMENT_MAX (10 * 1024 * 1024)

struct document {
	char kind[33];
	char id[TOKEN_ID_MAX];
};

int
api_documents(struct http_request *req)
{
	static const char *const known[] = { "kind", NULL };
	struct api_call *c;
	struct document *d;
	static const char *const files[] = { "application/pdf", "image/jpeg",
		"image/png", NULL };
	const char *sniffed;

	if ((c = api_call_begin(req, ROUTE_DOCUMENTS, sizeof(*d))) == NULL)
		return (KORE_RESULT_OK);
	d = c->ext;

	if (c->db.query == NULL) {
		if (!query_known(req->query_string, known, &c->fe) ||
		    query_text(req->query_string, "kind", 32, d->kind,
			sizeof(d->kind), &c->fe) < 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		if (d->kind[0] == '\0') {
			field_errors_add(&c->fe, "kind", FIELD_REQUIRED);
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		}
		if ((sniffed = api_body_file(c, files, DOCUMENT_MAX)) == NULL)
			return (KORE_RESULT_OK);
		api_db_prepare(
		    c, "SELECT bq.document_add($1, $2, $3, $4, $5)", 201);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, d->kind);
		api_db_param(c, sniffed);
		api_db_param_bytes(c, c->raw, c->raw_len);
	}

	return (api_db_run(c));
}

int
api_document(struct http_request *req)
{
	struct api_call *c;
	struct document *d;

	if ((c = api_call_begin(req, ROUTE_DOCUMENT, sizeof(*d))) == NULL)
		return (KORE_RESULT_OK);
	d = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, d->id, sizeof(d->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (req->method == HTTP_METHOD_DELETE) {
			api_db_prepare(
			    c, "SELECT bq.document_delete($1, $2, $3)", 204);
			api_db_param(c, c->auth.sub);
			api_db_param(c, c->auth.sid);
			api_db_param(c, d->id);
			return (api_db_run(c));
		}
		api_db_prepare(c,
		    "SELECT bytes, content_type FROM bq.document_get($1, $2, "
		    "$3)",
		    200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, d->id);
		c->db.binary = 1;
	}

	if (req->method == HTTP_METHOD_DELETE)
		return (api_db_run(c));

	return (api_db_run_file(c));
}
