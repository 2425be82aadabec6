/*
 * Menus (docs/FLOWS.md, flow 5, nutrition): staff publish a day's meals with
 * their dishes in kk and ru, calories and allergens when known; a parent
 * reads the menu of the kindergarten their child attends.
 */

#include <stdio.h>
#include <string.h>

#include "bq/api_body.h"
#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_reply.h"
#include "bq/api_validate.h"
#include "bq/date.h"
#include "bq/path.h"
#include "bq/query.h"

int api_menu(struct http_request *);
int api_child_menu(struct http_request *);

#define MEALS_MAX 4
#define DISHES_MAX 12
#define ALLERGENS_MAX 14

struct day {
	const cJSON *meals;
};

struct meal {
	const char *meal;
	const cJSON *dishes;
};

struct dish {
	const char *name_kk;
	const char *name_ru;
	int64_t calories;
	const cJSON *allergens;
};

struct menu {
	char id[TOKEN_ID_MAX];
	char day[16];
	char *meals; /* the checked meals, printed for the statement */
	struct day d;
	struct meal m;
	struct dish x;
};

static const struct json_field day_fields[] = {
	JSON_FIELD(struct day, meals, JSON_T_ARRAY, JSON_REQUIRED, 0, 0),
};

static const struct json_field meal_fields[] = {
	JSON_FIELD(struct meal, meal, JSON_T_STRING, JSON_REQUIRED, 1, 16),
	JSON_FIELD(struct meal, dishes, JSON_T_ARRAY, JSON_REQUIRED, 0, 0),
};

static const struct json_field dish_fields[] = {
	JSON_FIELD(struct dish, name_kk, JSON_T_STRING, JSON_REQUIRED, 1, 200),
	JSON_FIELD(struct dish, name_ru, JSON_T_STRING, JSON_REQUIRED, 1, 200),
	JSON_FIELD(struct dish, calories, JSON_T_INT, 0, 0, 5000),
	JSON_FIELD(struct dish, allergens, JSON_T_ARRAY, 0, 0, 0),
};

static void
menu_free(void *arg)
{
	struct menu *m = arg;

	cJSON_free(m->meals);
}

/* Allergens: short names, each a string. */
static void
dish_check(struct api_call *c, const char *at, void *item)
{
	struct dish *x = item;
	const cJSON *a;
	char field[FIELD_NAME_MAX * 2];
	size_t i = 0;

	if (x->allergens == NULL)
		return;
	(void)snprintf(field, sizeof(field), "%s.allergens", at);
	if (cJSON_GetArraySize(x->allergens) > ALLERGENS_MAX) {
		field_errors_add(&c->fe, field, FIELD_TOO_LONG);
		return;
	}
	cJSON_ArrayForEach(a, x->allergens)
	{
		(void)snprintf(
		    field, sizeof(field), "%s.allergens[%zu]", at, i++);
		if (!cJSON_IsString(a))
			field_errors_add(&c->fe, field, FIELD_WRONG_TYPE);
		else if (a->valuestring[0] == '\0' ||
		    json_utf8_chars(a->valuestring) > 50)
			field_errors_add(&c->fe, field, FIELD_INVALID_VALUE);
	}
}

static void
meal_check(struct api_call *c, const char *at, void *item)
{
	struct menu *m = c->ext;
	struct meal *meal = item;
	char field[FIELD_NAME_MAX * 2];

	(void)snprintf(field, sizeof(field), "%s.dishes", at);
	(void)api_check_items(c, field, meal->dishes, 1, DISHES_MAX,
	    dish_fields, JSON_FIELD_COUNT(dish_fields), &m->x, sizeof(m->x),
	    dish_check);
}

static int
publish(struct api_call *c, struct menu *m)
{
	if (!api_body_json(c, day_fields, JSON_FIELD_COUNT(day_fields), &m->d))
		return (KORE_RESULT_OK);
	if (!api_check_items(c, "meals", m->d.meals, 0, MEALS_MAX, meal_fields,
		JSON_FIELD_COUNT(meal_fields), &m->m, sizeof(m->m), meal_check))
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	if ((m->meals = cJSON_PrintUnformatted(m->d.meals)) == NULL)
		return (api_reply_problem(c, PROBLEM_INTERNAL_ERROR, NULL));
	c->ext_free = menu_free;
	api_db_prepare(c, "SELECT bq.menu_put($1, $2, $3, $4)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, m->day);
	api_db_param(c, m->meals);

	return (api_db_run(c));
}

/* PUT or GET /v1/kindergarten/menus/{date}. */
int
api_menu(struct http_request *req)
{
	struct api_call *c;
	struct menu *m;

	if ((c = api_call_begin(req, ROUTE_MENU, sizeof(*m))) == NULL)
		return (KORE_RESULT_OK);
	m = c->ext;
	if (c->db.query != NULL)
		return (api_db_run(c));
	if (!path_segment(req->path, 3, m->day, sizeof(m->day)) ||
	    !date_valid(m->day)) {
		field_errors_add(&c->fe, "date", FIELD_INVALID_FORMAT);
		return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
	}
	if (req->method == HTTP_METHOD_PUT)
		return (publish(c, m));
	api_db_prepare(c, "SELECT bq.menu_staff($1, $2, $3)", 200);
	api_db_param(c, c->auth.sub);
	api_db_param(c, c->auth.sid);
	api_db_param(c, m->day);

	return (api_db_run(c));
}

/* GET /v1/children/{id}/menu?date= (today by default). */
int
api_child_menu(struct http_request *req)
{
	static const char *const known[] = { "date", NULL };
	struct api_call *c;
	struct menu *m;

	if ((c = api_call_begin(req, ROUTE_CHILD_MENU, sizeof(*m))) == NULL)
		return (KORE_RESULT_OK);
	m = c->ext;
	if (c->db.query == NULL) {
		if (!path_uuid(req->path, 2, m->id, sizeof(m->id)))
			return (api_reply_problem(c, PROBLEM_NOT_FOUND, NULL));
		(void)query_known(req->query_string, known, &c->fe);
		if (query_text(req->query_string, "date", 10, m->day,
			sizeof(m->day), &c->fe) > 0)
			(void)api_check_date(c, "date", m->day);
		if (c->fe.n > 0)
			return (api_reply_fields(c, PROBLEM_VALIDATION_FAILED));
		api_db_prepare(c, "SELECT bq.menu_child($1, $2, $3, $4)", 200);
		api_db_param(c, c->auth.sub);
		api_db_param(c, c->auth.sid);
		api_db_param(c, m->id);
		api_db_param(c, m->day[0] != '\0' ? m->day : NULL);
	}

	return (api_db_run(c));
}
