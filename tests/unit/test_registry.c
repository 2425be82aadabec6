/* The demo person registry and the person's JSON. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <cjson/cJSON.h>

#include "bq/iin.h"
#include "bq/registry.h"

static void
deterministic(void **state)
{
	struct person a, b;

	(void)state;
	assert_int_equal(
	    registry_demo_lookup("150101400005", &a), REGISTRY_FOUND);
	assert_int_equal(
	    registry_demo_lookup("150101400005", &b), REGISTRY_FOUND);
	assert_memory_equal(&a, &b, sizeof(a));
	assert_string_equal(a.iin, "150101400005");
	/* 15-01-01, seventh digit 4: the 1900s, and even: female. */
	assert_string_equal(a.birth_date, "1915-01-01");
	assert_string_equal(a.sex, "female");
	assert_true(strlen(a.surname) > 0 && strlen(a.first_name) > 0);
	assert_non_null(strstr(a.patronymic, "қызы"));

	assert_int_equal(
	    registry_demo_lookup("150101400006", &a), REGISTRY_NOT_FOUND);
	assert_int_equal(
	    registry_demo_lookup("15010140000", &a), REGISTRY_NOT_FOUND);
}

static void
birth_dates(void **state)
{
	char d[11];

	(void)state;
	/* 2022-02-29 is no date: the demo answers without one. */
	assert_true(iin_valid("220229500003"));
	assert_false(iin_birth_date("220229500003", d, sizeof(d)));
	assert_true(iin_birth_date("200615500008", d, sizeof(d)));
	assert_string_equal(d, "2020-06-15");
	assert_int_equal(iin_sex("200615500008"), 1);
	assert_int_equal(iin_sex("150101400005"), 2);
	assert_true(iin_birth_date("150101400602", d, sizeof(d)));
	assert_string_equal(d, "1915-01-01");
}

static void
json(void **state)
{
	struct person p;
	char buf[1024];
	cJSON *doc;

	(void)state;
	assert_int_equal(
	    registry_demo_lookup("150101400602", &p), REGISTRY_FOUND);
	p.birth_date[0] = '\0';
	assert_true(registry_person_json(&p, buf, sizeof(buf)));
	doc = cJSON_Parse(buf);
	assert_non_null(doc);
	assert_string_equal(
	    cJSON_GetObjectItem(doc, "iin")->valuestring, "150101400602");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(doc, "birth_date")));
	cJSON_Delete(doc);
	assert_false(registry_person_json(&p, buf, 10));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(deterministic),
		cmocka_unit_test(birth_dates),
		cmocka_unit_test(json),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
