/*
 * The department's calendar (administrators): a year's days and whether
 * it is maintained, a day set or removed.  Deadlines count working days
 * only of maintained years (bq.add_working_days).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/date.h"
#include "bq/path.h"

int api_calendar_year(struct http_request *);
int api_calendar_day(struct http_request *);

struct calendar {
	char year[8];
	char day[16];
	const char *source;
	const char *note;
	const char *reason;
	int working;
};

#define F(...) JSON_FIELD(struct calendar, __VA_ARGS__)

static const struct json_field year_fields[] = {
	F(source, JSON_T_STRING, JSON_REQUIRED, 3, 500),
	F(note, JSON_T_STRING, JSON_NULLABLE, 0, 1000),
};

static const struct json_field day_fields[] = {
	F(working, JSON_T_BOOL, JSON_REQUIRED, 0, 0),
	F(reason, JSON_T_STRING, JSON_REQUIRED, 3, 200),
	F(source, JSON_T_STRING, JSON_NULLABLE, 0, 500),
};

#undef F

/* A year the calendar may hold: 2000 to 2100, as bq.calendar_year. */
static int
year_valid(const char *s)
{
	char *end;
	long y;

	if (strlen(s) != 4)
		return (0);
	y = strtol(s, &end, 10);

	return (*end == '\0' && y >= 2000 && y <= 2100);
}

/* GET or PUT /v1/admin/calendar/{year}. */
int
api_calendar_year(struct http_request *req)
{
	struct api_call *c;
	struct calendar *k;

	if ((c = api_call_begin(req, ROUTE_CALENDAR_YEAR, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (!path_segment(req->path, 3, k->year, sizeof(k->year)) ||
	    !year_valid(k->year)) {
		field_errors_add(&c->fe, "year", FIELD_OUT_OF_RANGE);
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	}
	if (req->method != HTTP_METHOD_PUT) {
		api_db_prepare(c, "SELECT bq.calendar_get($1, $2, $3)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->year);
		return (api_db_run(c));
	}
	if (!api_body_json(c, year_fields, JSON_FIELD_COUNT(year_fields), k))
		return (KORE_RESULT_OK);
	api_db_prepare(
	    c, "SELECT bq.calendar_year_set($1, $2, $3, $4, $5)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, k->year);
	api_db_param(c, k->source);
	api_db_param(c, k->note);

	return (api_db_run(c));
}

/* PUT or DELETE /v1/admin/calendar/days/{date}. */
int
api_calendar_day(struct http_request *req)
{
	struct api_call *c;
	struct calendar *k;

	if ((c = api_call_begin(req, ROUTE_CALENDAR_DAY, sizeof(*k))) == NULL)
		return (KORE_RESULT_OK);
	k = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (path_segment(req->path, 4, k->day, sizeof(k->day)) &&
	    date_valid(k->day))
		(void)snprintf(k->year, sizeof(k->year), "%.4s", k->day);
	if (!year_valid(k->year)) {
		field_errors_add(&c->fe, "date", FIELD_INVALID_FORMAT);
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	}
	if (req->method == HTTP_METHOD_DELETE) {
		api_db_prepare(
		    c, "SELECT bq.calendar_day_delete($1, $2, $3)", 204);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, k->day);
		return (api_db_run(c));
	}
	if (!api_body_json(c, day_fields, JSON_FIELD_COUNT(day_fields), k))
		return (KORE_RESULT_OK);
	api_db_prepare(
	    c, "SELECT bq.calendar_day_set($1, $2, $3, $4, $5, $6)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, k->day);
	api_db_param(c, k->working ? "true" : "false");
	api_db_param(c, k->reason);
	api_db_param(c, k->source);

	return (api_db_run(c));
}
