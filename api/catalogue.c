/*
 * The public catalogue: regions, the reference lists, kindergartens with
 * every filter and a card each (its keeping: api/catalogue_edit.c).
 * Names come in the caller's language.
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
