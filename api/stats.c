/*
 * /v1/stats: public statistics of the queue, the vouchers and the
 * kindergartens parents choose.  Counts only, never a person.
 */

#include <stdio.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/path.h"
#include "bq/query.h"

int api_stats_queue(struct http_request *);
int api_stats_vouchers(struct http_request *);
int api_stats_popular(struct http_request *);

struct stats {
	char region[TOKEN_ID_MAX];
	char year[8];
	char limit[8];
};

/* The optional region_id every statistic takes; known lists the rest. */
static struct api_call *
stats_begin(
    struct http_request *req, enum route_id route, const char *const *known)
{
	struct api_call *c;
	struct stats *s;

	if ((c = api_call_begin(req, route, sizeof(*s))) == NULL)
		return (NULL);
	s = c->ext;
	c->cache_control = "public, max-age=60";
	if (c->db.query == NULL) {
		(void)query_known(req->query_string, known, &c->fe);
		if (query_text(req->query_string, "region_id", 36, s->region,
			sizeof(s->region), &c->fe) > 0 &&
		    !uuid_lower(s->region))
			field_errors_add(
			    &c->fe, "region_id", FIELD_INVALID_FORMAT);
	}

	return (c);
}

static const char *
region(struct stats *s)
{
	return (s->region[0] != '\0' ? s->region : NULL);
}

int
api_stats_queue(struct http_request *req)
{
	static const char *const known[] = { "region_id", NULL };
	struct api_call *c;

	if ((c = stats_begin(req, ROUTE_STATS_QUEUE, known)) == NULL)
		return (KORE_RESULT_OK);
	if (c->db.query == NULL) {
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c, "SELECT bq.stats_queue($1)", 200);
		api_db_param(c, region(c->ext));
	}

	return (api_db_run(c));
}

int
api_stats_vouchers(struct http_request *req)
{
	static const char *const known[] = { "region_id", "year", NULL };
	struct api_call *c;
	struct stats *s;
	long year;

	if ((c = stats_begin(req, ROUTE_STATS_VOUCHERS, known)) == NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (c->db.query == NULL) {
		year = 0;
		(void)query_int(
		    req->query_string, "year", 2000, 2100, &year, &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		(void)snprintf(s->year, sizeof(s->year), "%ld", year);
		api_db_prepare(c, "SELECT bq.stats_vouchers($1, $2)", 200);
		api_db_param(c, region(s));
		api_db_param(c, year > 0 ? s->year : NULL);
	}

	return (api_db_run(c));
}

int
api_stats_popular(struct http_request *req)
{
	static const char *const known[] = { "region_id", "limit", NULL };
	struct api_call *c;
	struct stats *s;
	long limit;

	if ((c = stats_begin(req, ROUTE_STATS_POPULAR, known)) == NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (c->db.query == NULL) {
		limit = 10;
		(void)query_int(
		    req->query_string, "limit", 1, 100, &limit, &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		(void)snprintf(s->limit, sizeof(s->limit), "%ld", limit);
		api_db_prepare(c, "SELECT bq.stats_popular($1, $2, $3)", 200);
		api_db_param(c, region(s));
		api_db_param(c, s->limit);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}
