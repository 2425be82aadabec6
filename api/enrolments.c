/*
 * Enrolment (docs/FLOWS.md, flow 12): the parent picks a kindergarten and a
 * group for an active voucher, or waits for a seat there; the
 * kindergarten's staff decline or make the contract.  Seats are held by
 * the database (bq.seat_hold); nothing here counts them.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/path.h"
#include "bq/query.h"

int api_voucher_enrolment(struct http_request *);
int api_waiting_list(struct http_request *);
int api_staff_enrolments(struct http_request *);
int api_staff_contract(struct http_request *);
int api_staff_decline(struct http_request *);

struct enrol {
	const char *kindergarten_id;
	const char *group_id;
	const char *application_id;
	const char *start_date;
	int64_t monthly_fee;
	const char *hours;
	const char *reason;
	char id[TOKEN_ID_MAX];
	char status[16];
	char body[512];
};

#define F(...) JSON_FIELD(struct enrol, __VA_ARGS__)

static const struct json_field choice_fields[] = {
	F(kindergarten_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
	F(group_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
};

static const struct json_field wait_fields[] = {
	F(application_id, JSON_T_STRING, JSON_REQUIRED, 1, 64),
};

static const struct json_field contract_fields[] = {
	F(start_date, JSON_T_STRING, JSON_REQUIRED, 1, 16),
	F(monthly_fee, JSON_T_INT, JSON_REQUIRED, 0, 1000000),
	F(hours, JSON_T_STRING, 0, 3, 100),
};

static const struct json_field decline_fields[] = {
	F(reason, JSON_T_STRING, JSON_REQUIRED | JSON_MULTILINE, 3, 1000),
};

#undef F

/* The object in the path (segment), then the checked body. */
static struct api_call *
begin(struct http_request *req, enum route_id route, int segment,
    const struct json_field *fields, size_t nfields)
{
	struct api_call *c;
	struct enrol *e;

	if ((c = api_call_begin(req, route, sizeof(*e))) == NULL)
		return (NULL);
	e = c->ext;
	if (c->db.query != NULL)
		return (c);
	if (!path_uuid(req->path, segment, e->id, sizeof(e->id))) {
		(void)api_reply_problem(c, PROBLEM_NOT_FOUND, NULL);
		return (NULL);
	}
	e->monthly_fee = -1;
	if (!api_body_json(c, fields, nfields, e))
		return (NULL);

	return (c);
}

int
api_voucher_enrolment(struct http_request *req)
{
	struct api_call *c;
	struct enrol *e;

	if ((c = begin(req, ROUTE_VOUCHER_ENROLMENT, 2, choice_fields,
		 JSON_FIELD_COUNT(choice_fields))) == NULL)
		return (KORE_RESULT_OK);
	e = c->ext;
	if (c->db.query == NULL) {
		api_check_uuid(c, "kindergarten_id", e->kindergarten_id);
		api_check_uuid(c, "group_id", e->group_id);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c,
		    "SELECT bq.enrolment_request($1, $2, $3, $4, $5, $6)", 201);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, e->id);
		api_db_param(c, e->kindergarten_id);
		api_db_param(c, e->group_id);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_waiting_list(struct http_request *req)
{
	struct api_call *c;
	struct enrol *e;

	if ((c = begin(req, ROUTE_WAITING_LIST, 2, wait_fields,
		 JSON_FIELD_COUNT(wait_fields))) == NULL)
		return (KORE_RESULT_OK);
	e = c->ext;
	if (c->db.query == NULL) {
		if (!api_check_uuid(c, "application_id", e->application_id))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(
		    c, "SELECT bq.waiting_list_join($1, $2, $3, $4)", 201);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, e->id);
		api_db_param(c, e->application_id);
	}

	return (api_db_run(c));
}

int
api_staff_enrolments(struct http_request *req)
{
	static const char *const known[] = { "status", NULL };
	struct api_call *c;
	struct enrol *e;

	if ((c = api_call_begin(req, ROUTE_STAFF_ENROLMENTS, sizeof(*e))) ==
	    NULL)
		return (KORE_RESULT_OK);
	e = c->ext;
	if (c->db.query == NULL) {
		(void)query_known(req->query_string, known, &c->fe);
		(void)query_text(req->query_string, "status", 16, e->status,
		    sizeof(e->status), &c->fe);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c,
		    "SELECT bq.kindergarten_enrolments($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, e->status[0] != '\0' ? e->status : NULL);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_staff_contract(struct http_request *req)
{
	struct api_call *c;
	struct enrol *e;

	if ((c = begin(req, ROUTE_STAFF_CONTRACT, 3, contract_fields,
		 JSON_FIELD_COUNT(contract_fields))) == NULL)
		return (KORE_RESULT_OK);
	e = c->ext;
	if (c->db.query == NULL) {
		if (!api_check_date(c, "start_date", e->start_date))
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		if (!cJSON_PrintPreallocated(
			c->body, e->body, (int)sizeof(e->body), 0))
			return (api_reply_problem(
			    c, PROBLEM_PAYLOAD_TOO_LARGE, NULL));
		api_db_prepare(
		    c, "SELECT bq.contract_make($1, $2, $3, $4, $5)", 201);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, e->id);
		api_db_param(c, e->body);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}

int
api_staff_decline(struct http_request *req)
{
	struct api_call *c;
	struct enrol *e;

	if ((c = begin(req, ROUTE_STAFF_DECLINE, 3, decline_fields,
		 JSON_FIELD_COUNT(decline_fields))) == NULL)
		return (KORE_RESULT_OK);
	e = c->ext;
	if (c->db.query == NULL) {
		api_db_prepare(
		    c, "SELECT bq.enrolment_decline($1, $2, $3, $4, $5)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, e->id);
		api_db_param(c, e->reason);
		api_db_param(c, lang_names[c->lang]);
	}

	return (api_db_run(c));
}
