/*
 * The public catalogue: regions, the reference lists, kindergartens with
 * every filter and a card each; and the one write, staff changing their
 * own kindergarten's groups.  Names come in the caller's language.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/path.h"
#include "bq/query.h"
#include "bq/vocab.h"

int api_regions(struct http_request *);
int api_reference(struct http_request *);
int api_kindergartens(struct http_request *);
int api_kindergarten(struct http_request *);
int api_staff_group(struct http_request *);

/* Public lists change rarely; a minute of caching spares the database. */
#define CATALOGUE_CACHE "public, max-age=60"

struct catalogue {
	char region[TOKEN_ID_MAX];
	char language[8];
	char age_group[33];
	char correction[33];
	char free[8];
	char q[QUERY_VALUE_MAX];
	char lat[32];
	char lon[32];
	char cursor[QUERY_VALUE_MAX];
	char limit[8];
	char id[TOKEN_ID_MAX];
	char patch[512];
	int64_t capacity;
	const char *name;
	const char *group_language;
	const char *group_age;
	const cJSON *group_correction;
};

int
api_regions(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_REGIONS, 0)) == NULL)
		return (KORE_RESULT_OK);
	c->cache_control = CATALOGUE_CACHE;
	if (c->db.query == NULL) {
		api_db_prepare(c, "SELECT bq.regions($1)", 200);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_reference(struct http_request *req)
{
	struct api_call *c;

	if ((c = api_call_begin(req, ROUTE_REFERENCE, 0)) == NULL)
		return (KORE_RESULT_OK);
	c->cache_control = CATALOGUE_CACHE;
	if (c->db.query == NULL)
		api_db_prepare(c, "SELECT bq.reference_lists()", 200);

	return (api_db_run(c));
}

/* The filters of GET /v1/kindergartens, checked into text parameters. */
static int
filters(struct api_call *c, struct catalogue *k)
{
	static const char *const known[] = { "region_id", "language",
		"age_group", "correction_type", "has_free_places", "q", "near",
		"limit", "cursor", NULL };
	const char *qs = c->req->query_string;
	double lat, lon;
	long limit;
	int near, free;

	(void)query_known(qs, known, &c->fe);
	if (query_text(qs, "region_id", 36, k->region, sizeof(k->region),
		&c->fe) > 0 &&
	    !uuid_lower(k->region))
		field_errors_add(&c->fe, "region_id", FIELD_INVALID_FORMAT);
	(void)query_text(
	    qs, "language", 2, k->language, sizeof(k->language), &c->fe);
	(void)query_text(
	    qs, "age_group", 32, k->age_group, sizeof(k->age_group), &c->fe);
	(void)query_text(qs, "correction_type", 32, k->correction,
	    sizeof(k->correction), &c->fe);
	(void)query_text(qs, "q", 100, k->q, sizeof(k->q), &c->fe);
	(void)query_text(
	    qs, "cursor", 64, k->cursor, sizeof(k->cursor), &c->fe);
	free = -1;
	if (query_bool(qs, "has_free_places", &free, &c->fe) && free >= 0)
		(void)snprintf(
		    k->free, sizeof(k->free), "%s", free ? "true" : "false");
	if (query_point(qs, "near", &near, &lat, &lon, &c->fe) && near) {
		(void)snprintf(k->lat, sizeof(k->lat), "%.17g", lat);
		(void)snprintf(k->lon, sizeof(k->lon), "%.17g", lon);
	}
	limit = 20;
	if (query_int(qs, "limit", 1, 100, &limit, &c->fe))
		(void)snprintf(k->limit, sizeof(k->limit), "%ld", limit);

	return (c->fe.n == 0);
}

static const char *
or_null(const char *s)
{
	return (s[0] != '\0' ? s : NULL);
}

int
api_kindergartens(struct http_request *req)
{
	struct api_call *c;
	struct catalogue *k;

	if ((c = api_call_begin(req, ROUTE_KINDERGARTENS, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	c->cache_control = CATALOGUE_CACHE;

	if (c->db.query == NULL) {
		if (!filters(c, k))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c,
		    "SELECT bq.kindergartens($1, $2, $3, $4, $5, $6, $7, $8, "
		    "$9, "
		    "$10, $11)",
		    200);
		api_db_param(c, or_null(k->region));
		api_db_param(c, or_null(k->language));
		api_db_param(c, or_null(k->age_group));
		api_db_param(c, or_null(k->correction));
		api_db_param(c, or_null(k->free));
		api_db_param(c, or_null(k->q));
		api_db_param(c, or_null(k->lat));
		api_db_param(c, or_null(k->lon));
		api_db_param(c, or_null(k->cursor));
		api_db_param(c, k->limit);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_kindergarten(struct http_request *req)
{
	struct api_call *c;
	struct catalogue *k;

	if ((c = api_call_begin(req, ROUTE_KINDERGARTEN, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	c->cache_control = CATALOGUE_CACHE;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, k->id, sizeof(k->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		api_db_prepare(c, "SELECT bq.kindergarten_card($1, $2)", 200);
		api_db_param(c, k->id);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

static const struct json_field group_fields[] = {
	JSON_FIELD(struct catalogue, capacity, JSON_T_INT, 0, 0, 60),
	JSON_FIELD(struct catalogue, name, JSON_T_STRING, 0, 1, 100),
	{ "language", JSON_T_STRING, offsetof(struct catalogue, group_language),
	    0, 2, 2 },
	{ "age_group", JSON_T_STRING, offsetof(struct catalogue, group_age), 0,
	    1, 32 },
	{ "correction_type", JSON_T_ANY,
	    offsetof(struct catalogue, group_correction), 0, 0, 0 },
};

/* Checks the patch; the body, holding only known fields, is what SQL
 * applies. */
static int
group_patch(struct api_call *c, struct catalogue *k)
{
	const cJSON *v;

	v = k->group_correction;
	if (v != NULL && !cJSON_IsNull(v) &&
	    (!cJSON_IsString(v) || strlen(v->valuestring) == 0 ||
		strlen(v->valuestring) > 32))
		field_errors_add(&c->fe, "correction_type", FIELD_WRONG_TYPE);
	if (k->group_language != NULL &&
	    !vocab_has(&vocab_instruction_language, k->group_language))
		field_errors_add(&c->fe, "language", FIELD_INVALID_VALUE);
	if (c->body->child == NULL)
		field_errors_add(&c->fe, "body", FIELD_EMPTY);

	return (c->fe.n == 0 &&
	    cJSON_PrintPreallocated(
		c->body, k->patch, (int)sizeof(k->patch), 0));
}

int
api_staff_group(struct http_request *req)
{
	struct api_call *c;
	struct catalogue *k;

	if ((c = api_call_begin(req, ROUTE_STAFF_GROUP, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;

	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 3, k->id, sizeof(k->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		k->capacity = -1;
		if (!api_body_json(
			c, group_fields, JSON_FIELD_COUNT(group_fields), k))
			return (KORE_RESULT_OK);
		if (!group_patch(c, k))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(
		    c, "SELECT bq.group_update($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->id);
		api_db_param(c, k->patch);
	}

	return (api_db_run(c));
}
