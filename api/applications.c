/*
 * /v1/applications, /v1/queue and the verifier's /v1/staff/applications
 * (docs/FLOWS.md, flows 7 to 9).  Filing checks shapes here and every rule of
 * the queue in bq.application_file; the workflow lives in SQL.
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
#include "bq/query.h"
#include "bq/vocab.h"

int api_applications(struct http_request *);
int api_application(struct http_request *);
int api_application_history(struct http_request *);
int api_application_withdraw(struct http_request *);
int api_application_restore(struct http_request *);
int api_application_forecast(struct http_request *);
int api_queue(struct http_request *);
int api_staff_applications(struct http_request *);
int api_staff_confirm(struct http_request *);
int api_staff_reject(struct http_request *);

struct filing {
	const char *child_id;
	const char *queue_type;
	const char *region_id;
	const cJSON *languages;
	const cJSON *kindergarten_ids;
	const char *priority_category;
	const char *correction_type;
	const char *pmpk_document_id;
	const char *priority_document_id;
	const char *reason;
	int consent;
	char id[TOKEN_ID_MAX];
	char body[2048];
	char key[IDEMPOTENCY_MAX + 1];
	char hash[SHA256_HEX_LEN];
	char status[32];
	char queue[16];
	char archived[8];
	char region[TOKEN_ID_MAX];
	char year[8];
	char correction[33];
	char cursor[16];
	char limit[8];
};

#define F(...) JSON_FIELD(struct filing, __VA_ARGS__)

static const struct json_field filing_fields[] = {
	F(child_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	F(queue_type, JSON_T_STRING, JSON_REQUIRED, 1, 16),
	F(region_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	F(languages, JSON_T_ARRAY, JSON_REQUIRED, 0, 0),
	F(kindergarten_ids, JSON_T_ARRAY, 0, 0, 0),
	F(priority_category, JSON_T_STRING, JSON_NULLABLE, 1, 32),
	F(correction_type, JSON_T_STRING, JSON_NULLABLE, 1, 32),
	F(pmpk_document_id, JSON_T_STRING, JSON_NULLABLE, 1, 64),
	F(priority_document_id, JSON_T_STRING, JSON_NULLABLE, 1, 64),
	F(consent, JSON_T_BOOL, JSON_REQUIRED, 0, 0),
};

static const struct json_field reject_fields[] = {
	F(reason, JSON_T_STRING, JSON_REQUIRED | JSON_MULTILINE, 3, 1000),
};

#undef F

/* Each item of an array a string of the given kind; names the item. */
static void
strings(struct api_call *c, const char *field, const cJSON *array, size_t min,
    size_t max, int uuids)
{
	const cJSON *item;
	char name[FIELD_NAME_MAX], id[TOKEN_ID_MAX];
	size_t n;

	n = (size_t)cJSON_GetArraySize(array);
	if (n < min) {
		field_errors_add(&c->fe, field, FIELD_TOO_SHORT);
		return;
	}
	if (n > max) {
		field_errors_add(&c->fe, field, FIELD_TOO_LONG);
		return;
	}
	n = 0;
	cJSON_ArrayForEach(item, array)
	{
		(void)snprintf(name, sizeof(name), "%s[%zu]", field, n++);
		if (!cJSON_IsString(item)) {
			field_errors_add(&c->fe, name, FIELD_WRONG_TYPE);
			continue;
		}
		if (uuids && !uuid_copy(item->valuestring, id, sizeof(id)))
			field_errors_add(&c->fe, name, FIELD_INVALID_FORMAT);
		else if (!uuids &&
		    !vocab_has(&vocab_instruction_language, item->valuestring))
			field_errors_add(&c->fe, name, FIELD_INVALID_VALUE);
	}
}

/*
 * The Idempotency-Key header and a digest of the body, so a key reused
 * with another request is told apart.
 */
static int
idempotency(struct api_call *c, struct filing *f)
{
	if (!api_idempotency_key(c, f->key))
		return (0);

	return (sha256_hex(f->body, strlen(f->body), f->hash));
}

static int
file(struct api_call *c, struct filing *f)
{
	if (!api_body_json(
		c, filing_fields, JSON_FIELD_COUNT(filing_fields), f))
		return (KORE_RESULT_OK);
	api_check_uuid(c, "child_id", f->child_id);
	api_check_uuid(c, "region_id", f->region_id);
	api_check_uuid(c, "pmpk_document_id", f->pmpk_document_id);
	api_check_uuid(c, "priority_document_id", f->priority_document_id);
	if (!vocab_has(&vocab_queue_type, f->queue_type))
		field_errors_add(&c->fe, "queue_type", FIELD_INVALID_VALUE);
	strings(c, "languages", f->languages, 1, 2, 0);
	if (f->kindergarten_ids != NULL)
		strings(c, "kindergarten_ids", f->kindergarten_ids, 0, 3, 1);
	if (f->consent != 1)
		field_errors_add(&c->fe, "consent", FIELD_INVALID_VALUE);
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	if (!cJSON_PrintPreallocated(c->body, f->body, (int)sizeof(f->body), 0))
		return (api_reply_problem(c, PROBLEM_PAYLOAD_TOO_LARGE, NULL));
	if (!idempotency(c, f))
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));

	api_db_prepare(
	    c, "SELECT bq.application_file($1, $2, $3, $4, $5, $6)", 201);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, f->body);
	api_db_param(c, f->key[0] != '\0' ? f->key : NULL);
	api_db_param(c, f->hash);
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}

static const char *
or_null(const char *s)
{
	return (s[0] != '\0' ? s : NULL);
}

int
api_applications(struct http_request *req)
{
	static const char *const known[] = { "status", "queue_type", "archived",
		NULL };
	struct api_call *c;
	struct filing *f;
	int archived;

	if ((c = api_call_begin(req, ROUTE_APPLICATIONS, sizeof(*f))) == NULL)
		return (KORE_RESULT_OK);
	f = c->ext;

	if (c->db.query != NULL)
		return (api_db_run(c));
	if (req->method == HTTP_METHOD_POST)
		return (file(c, f));

	archived = -1;
	(void)query_known(req->query_string, known, &c->fe);
	(void)query_text(req->query_string, "status", 32, f->status,
	    sizeof(f->status), &c->fe);
	if (query_text(req->query_string, "queue_type", 16, f->queue,
		sizeof(f->queue), &c->fe) > 0 &&
	    !vocab_has(&vocab_queue_type, f->queue))
		field_errors_add(&c->fe, "queue_type", FIELD_INVALID_VALUE);
	if (query_bool(req->query_string, "archived", &archived, &c->fe) &&
	    archived >= 0)
		(void)snprintf(f->archived, sizeof(f->archived), "%s",
		    archived ? "true" : "false");
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	api_db_prepare(
	    c, "SELECT bq.applications($1, $2, $3, $4, $5, $6)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, or_null(f->status));
	api_db_param(c, or_null(f->queue));
	api_db_param(c, or_null(f->archived));
	api_db_param(c, lang_names[c->lang]);

	return (api_db_run(c));
}

/* One application by the id in the path (segment 2 or 3). */
static int
by_id(struct http_request *req, enum route_id route, int segment,
    const char *query, int status)
{
	struct api_call *c;
	struct filing *f;

	if ((c = api_call_begin(req, route, sizeof(*f))) == NULL)
		return (KORE_RESULT_OK);
	f = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, segment, f->id, sizeof(f->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		if (route == ROUTE_STAFF_REJECT) {
			if (!api_body_json(c, reject_fields,
				JSON_FIELD_COUNT(reject_fields), f))
				return (KORE_RESULT_OK);
		}
		api_db_prepare(c, query, status);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, f->id);
		if (route == ROUTE_STAFF_REJECT)
			api_db_param(c, f->reason);
		if (route != ROUTE_APPLICATION_HISTORY &&
		    route != ROUTE_APPLICATION_FORECAST)
			api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_application(struct http_request *req)
{
	return (by_id(req, ROUTE_APPLICATION, 2,
	    "SELECT bq.application_get($1, $2, $3, $4)", 200));
}

int
api_application_history(struct http_request *req)
{
	return (by_id(req, ROUTE_APPLICATION_HISTORY, 2,
	    "SELECT bq.position_history($1, $2, $3)", 200));
}

int
api_application_forecast(struct http_request *req)
{
	return (by_id(req, ROUTE_APPLICATION_FORECAST, 2,
	    "SELECT bq.application_forecast($1, $2, $3)", 200));
}

int
api_application_withdraw(struct http_request *req)
{
	return (by_id(req, ROUTE_APPLICATION_WITHDRAW, 2,
	    "SELECT bq.application_move($1, $2, $3, 'withdraw', $4)", 200));
}

int
api_application_restore(struct http_request *req)
{
	return (by_id(req, ROUTE_APPLICATION_RESTORE, 2,
	    "SELECT bq.application_move($1, $2, $3, 'restore', $4)", 200));
}

int
api_staff_confirm(struct http_request *req)
{
	return (by_id(req, ROUTE_STAFF_CONFIRM, 3,
	    "SELECT bq.application_decide($1, $2, $3, true, NULL, $4)", 200));
}

int
api_staff_reject(struct http_request *req)
{
	return (by_id(req, ROUTE_STAFF_REJECT, 3,
	    "SELECT bq.application_decide($1, $2, $3, false, $4, $5)", 200));
}

int
api_staff_applications(struct http_request *req)
{
	static const char *const known[] = { "status", NULL };
	struct api_call *c;
	struct filing *f;

	if ((c = api_call_begin(req, ROUTE_STAFF_APPLICATIONS, sizeof(*f))) ==
	    NULL)
		return (KORE_RESULT_OK);
	f = c->ext;

	if (c->db.query == NULL) {
		(void)query_known(req->query_string, known, &c->fe);
		(void)query_text(req->query_string, "status", 32, f->status,
		    sizeof(f->status), &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(
		    c, "SELECT bq.staff_applications($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, or_null(f->status));
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_queue(struct http_request *req)
{
	static const char *const known[] = { "region_id", "queue_type",
		"birth_year", "correction_type", "limit", "cursor", NULL };
	const char *qs = req->query_string;
	struct api_call *c;
	struct filing *f;
	long year, limit, after;

	if ((c = api_call_begin(req, ROUTE_QUEUE, sizeof(*f))) == NULL)
		return (KORE_RESULT_OK);
	f = c->ext;
	c->cache_control = "public, max-age=10";

	if (c->db.query == NULL) {
		year = 0;
		limit = 50;
		after = 0;
		(void)query_known(qs, known, &c->fe);
		if (query_text(qs, "region_id", 36, f->region,
			sizeof(f->region), &c->fe) == 0)
			field_errors_add(&c->fe, "region_id", FIELD_REQUIRED);
		else if (f->region[0] != '\0' && !uuid_lower(f->region))
			field_errors_add(
			    &c->fe, "region_id", FIELD_INVALID_FORMAT);
		if (query_text(qs, "queue_type", 16, f->queue, sizeof(f->queue),
			&c->fe) == 0)
			(void)snprintf(f->queue, sizeof(f->queue), "general");
		else if (!vocab_has(&vocab_queue_type, f->queue))
			field_errors_add(
			    &c->fe, "queue_type", FIELD_INVALID_VALUE);
		if (query_int(qs, "birth_year", 1900, 2200, &year, &c->fe) &&
		    year == 0)
			field_errors_add(&c->fe, "birth_year", FIELD_REQUIRED);
		(void)query_text(qs, "correction_type", 32, f->correction,
		    sizeof(f->correction), &c->fe);
		(void)query_int(qs, "limit", 1, 200, &limit, &c->fe);
		(void)query_int(qs, "cursor", 1, 100000000, &after, &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		(void)snprintf(f->year, sizeof(f->year), "%ld", year);
		(void)snprintf(f->limit, sizeof(f->limit), "%ld", limit);
		(void)snprintf(f->cursor, sizeof(f->cursor), "%ld", after);
		api_db_prepare(
		    c, "SELECT bq.queue_public($1, $2, $3, $4, $5, $6)", 200);
		api_db_param(c, f->region);
		api_db_param(c, f->queue);
		api_db_param(c, f->year);
		api_db_param(c, or_null(f->correction));
		api_db_param(c, after > 0 ? f->cursor : NULL);
		api_db_param(c, f->limit);
	}

	return (api_db_run(c));
}
