/*
 * GET and PUT /v1/admin/regions/{id}/round-schedule: when a region's
 * allocation rounds run by themselves (sql/functions/schedule.sql), the
 * next run and the last runs' outcomes.  The timer that runs them is
 * api/sweeper.c's.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/token.h"

int api_round_schedule(struct http_request *);

/* A year of named days at most, as bq.round_schedule keeps. */
#define SCHEDULE_DATES_MAX 366

struct schedule {
	char region[TOKEN_ID_MAX];
	char dates_json[SCHEDULE_DATES_MAX * 14 + 8];
	const char *at;
	const char *days;
	const cJSON *dates;
	int enabled;
};

#define F(...) JSON_FIELD(struct schedule, __VA_ARGS__)

static const struct json_field schedule_fields[] = {
	F(at, JSON_T_STRING, JSON_REQUIRED, 5, 5),
	F(days, JSON_T_STRING, JSON_REQUIRED, 1, 16),
	F(dates, JSON_T_ARRAY, 0, 0, 0),
	F(enabled, JSON_T_BOOL, 0, 0, 0),
};

#undef F

/* A time of day, HH:MM, 00:00 to 23:59. */
static int
time_of_day(const char *s)
{
	return (strlen(s) == 5 && s[0] >= '0' && s[0] <= '2' && s[1] >= '0' &&
	    s[1] <= '9' && (s[0] < '2' || s[1] <= '3') && s[2] == ':' &&
	    s[3] >= '0' && s[3] <= '5' && s[4] >= '0' && s[4] <= '9');
}

/* Each named day a date; the checked list as SQL reads it. */
static void
dates_check(struct api_call *c, struct schedule *s)
{
	const cJSON *item;
	char name[FIELD_NAME_MAX];
	size_t len, n = 0;

	if (s->dates == NULL) {
		(void)snprintf(s->dates_json, sizeof(s->dates_json), "[]");
		return;
	}
	if (cJSON_GetArraySize(s->dates) > SCHEDULE_DATES_MAX) {
		field_errors_add(&c->fe, "dates", FIELD_TOO_LONG);
		return;
	}
	len = (size_t)snprintf(s->dates_json, sizeof(s->dates_json), "[");
	cJSON_ArrayForEach(item, s->dates)
	{
		(void)snprintf(name, sizeof(name), "dates[%zu]", n);
		if (!cJSON_IsString(item))
			field_errors_add(&c->fe, name, FIELD_WRONG_TYPE);
		else if (api_check_date(c, name, item->valuestring))
			/* Ten characters each, checked: the buffer holds all. */
			len += (size_t)snprintf(s->dates_json + len,
			    sizeof(s->dates_json) - len, "%s\"%s\"",
			    n > 0 ? "," : "", item->valuestring);
		n++;
	}
	(void)snprintf(s->dates_json + len, sizeof(s->dates_json) - len, "]");
}

int
api_round_schedule(struct http_request *req)
{
	struct api_call *c;
	struct schedule *s;

	if ((c = api_call_begin(req, ROUTE_ROUND_SCHEDULE, sizeof(*s))) == NULL)
		return (KORE_RESULT_OK);
	s = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (!path_uuid(req->path, 3, s->region, sizeof(s->region)))
		return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));

	if (req->method != HTTP_METHOD_PUT) {
		api_db_prepare(
		    c, "SELECT bq.round_schedule_get($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, s->region);
		return (api_db_run(c));
	}
	if (!api_body_json(
		c, schedule_fields, JSON_FIELD_COUNT(schedule_fields), s))
		return (KORE_RESULT_OK);
	if (!time_of_day(s->at))
		field_errors_add(&c->fe, "at", FIELD_INVALID_FORMAT);
	dates_check(c, s);
	if (c->fe.n > 0)
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));

	api_db_prepare(
	    c, "SELECT bq.round_schedule_set($1, $2, $3, $4, $5, $6, $7)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, s->region);
	api_db_param(c, s->at);
	api_db_param(c, s->days);
	api_db_param(c, s->dates_json);
	api_db_param(c, s->enabled == 0 ? "false" : "true");

	return (api_db_run(c));
}
