/* The demo person registry and the person's JSON. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	assert_true(registry_person_json(&p, 1, buf, sizeof(buf)));
	doc = cJSON_Parse(buf);
	assert_non_null(doc);
	assert_string_equal(
	    cJSON_GetObjectItem(doc, "iin")->valuestring, "150101400602");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(doc, "birth_date")));
	/* A made-up person has no parents to hold anyone to. */
	assert_null(cJSON_GetObjectItem(doc, "parents"));
	cJSON_Delete(doc);
	assert_false(registry_person_json(&p, 0, buf, 10));
}

/* The demo file binds its persons to their phones; others stay open. */
static void
demo_file(void **state)
{
	char path[] = "/tmp/bq-registry-XXXXXX";
	struct person p;
	char buf[1024];
	FILE *f;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	assert_non_null(f = fdopen(fd, "w"));
	(void)fputs("[{\"iin\": \"850312400009\", \"surname\": \"Сапарова\", "
		    "\"first_name\": \"Жанна\", \"sex\": \"female\", "
		    "\"phones\": [\"+77011112233\"], "
		    "\"parents\": [\"600101300017\"]}, {\"iin\": 5}]",
	    f);
	(void)fclose(f);
	registry_demo_file(path);

	assert_int_equal(
	    registry_demo_lookup("850312400009", &p), REGISTRY_FOUND);
	assert_true(p.listed);
	assert_string_equal(p.surname, "Сапарова");
	assert_int_equal(p.nphones, 1);
	assert_int_equal(p.nparents, 1);
	assert_string_equal(p.parents[0], "600101300017");
	assert_true(registry_phone_bound(&p, "+77011112233"));
	assert_false(registry_phone_bound(&p, "+77019998877"));
	/* The parents only when asked for: no reply shows them. */
	assert_true(registry_person_json(&p, 1, buf, sizeof(buf)));
	assert_non_null(strstr(buf, "\"parents\":[\"600101300017\"]"));
	assert_true(registry_person_json(&p, 0, buf, sizeof(buf)));
	assert_null(strstr(buf, "parents"));

	/* Not in the file: made up, bound to any phone. */
	assert_int_equal(
	    registry_demo_lookup("860412300028", &p), REGISTRY_FOUND);
	assert_false(p.listed);
	assert_true(registry_phone_bound(&p, "+77019998877"));

	/* Gone: everyone is made up again. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(
	    registry_demo_lookup("850312400009", &p), REGISTRY_FOUND);
	assert_false(p.listed);
	registry_demo_file(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(deterministic),
		cmocka_unit_test(birth_dates),
		cmocka_unit_test(json),
		cmocka_unit_test(demo_file),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
