/* Query strings: decoding, the known names, numbers, points and text. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/query.h"

static void
get(void **state)
{
	char out[QUERY_VALUE_MAX];

	(void)state;
	assert_int_equal(query_get("a=1&b=x%20y+z", "b", out, sizeof(out)), 1);
	assert_string_equal(out, "x y z");
	assert_int_equal(query_get("a=1&b", "b", out, sizeof(out)), 1);
	assert_string_equal(out, "");
	assert_int_equal(query_get("a=1", "b", out, sizeof(out)), 0);
	assert_int_equal(query_get(NULL, "b", out, sizeof(out)), 0);
	assert_int_equal(query_get("b=%zz", "b", out, sizeof(out)), -1);
	assert_int_equal(query_get("b=%00", "b", out, sizeof(out)), -1);
	assert_int_equal(query_get("b=abcdef", "b", out, 4), -2);
	assert_int_equal(query_get("q=%D3%99", "q", out, sizeof(out)), 1);
	assert_string_equal(out, "\xd3\x99");
}

static void
known(void **state)
{
	static const char *const names[] = { "limit", "cursor", NULL };
	struct field_errors fe;

	(void)state;
	memset(&fe, 0, sizeof(fe));
	assert_true(query_known("limit=1&cursor=x", names, &fe));
	assert_true(query_known("", names, &fe));
	assert_false(query_known("limit=1&page=2", names, &fe));
	assert_string_equal(fe.e[0].field, "page");
	memset(&fe, 0, sizeof(fe));
	assert_false(query_known("limit=1&limit=2", names, &fe));
	assert_int_equal(fe.e[0].code, FIELD_DUPLICATE_KEY);
}

static void
typed(void **state)
{
	struct field_errors fe;
	double lat, lon;
	long v;
	int b, set;
	char text[QUERY_VALUE_MAX];

	(void)state;
	memset(&fe, 0, sizeof(fe));
	v = 7;
	assert_true(query_int("x=1", "limit", 1, 10, &v, &fe));
	assert_int_equal(v, 7);
	assert_true(query_int("limit=10", "limit", 1, 10, &v, &fe));
	assert_int_equal(v, 10);
	assert_false(query_int("limit=11", "limit", 1, 10, &v, &fe));
	assert_false(query_int("limit=+5", "limit", 1, 10, &v, &fe));
	assert_false(query_int("limit=5x", "limit", 1, 10, &v, &fe));

	assert_true(query_bool("f=true", "f", &b, &fe) && b == 1);
	assert_true(query_bool("f=false", "f", &b, &fe) && b == 0);
	assert_false(query_bool("f=1", "f", &b, &fe));

	assert_true(
	    query_point("near=43.25,76.95", "near", &set, &lat, &lon, &fe));
	assert_true(set && lat == 43.25 && lon == 76.95);
	assert_false(query_point("near=91,0", "near", &set, &lat, &lon, &fe));
	assert_false(query_point("near=1e1,0", "near", &set, &lat, &lon, &fe));
	assert_false(query_point("near=nan,0", "near", &set, &lat, &lon, &fe));

	memset(&fe, 0, sizeof(fe));
	assert_int_equal(
	    query_text("q=abc", "q", 3, text, sizeof(text), &fe), 1);
	assert_int_equal(
	    query_text("q=abcd", "q", 3, text, sizeof(text), &fe), -1);
	assert_int_equal(fe.e[0].code, FIELD_TOO_LONG);
	assert_int_equal(
	    query_text("q=%FF", "q", 3, text, sizeof(text), &fe), -1);
	assert_int_equal(fe.e[1].code, FIELD_INVALID_UTF8);
	assert_int_equal(
	    query_text("q=a%09", "q", 3, text, sizeof(text), &fe), -1);
	assert_int_equal(fe.e[2].code, FIELD_CONTROL_CHARACTER);
	assert_int_equal(query_text("x=1", "q", 3, text, sizeof(text), &fe), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(get),
		cmocka_unit_test(known),
		cmocka_unit_test(typed),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
