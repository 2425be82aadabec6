/* Dates: the one format, and only days that exist (leap years too). */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/date.h"

static void
real_days(void **state)
{
	(void)state;
	assert_true(date_valid("2026-11-29"));
	assert_true(date_valid("2024-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_true(date_valid("2026-12-31"));
	assert_true(date_valid("0001-01-01"));
}

static void
days_that_do_not_exist(void **state)
{
	(void)state;
	assert_false(date_valid("2026-02-29"));
	assert_false(date_valid("1900-02-29"));
	assert_false(date_valid("2026-04-31"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-00-10"));
	assert_false(date_valid("2026-01-00"));
	assert_false(date_valid("0000-01-01"));
}

static void
other_shapes(void **state)
{
	(void)state;
	assert_false(date_valid(NULL));
	assert_false(date_valid(""));
	assert_false(date_valid("2026-1-29"));
	assert_false(date_valid("2026/11/29"));
	assert_false(date_valid("2026-11-29T00:00"));
	assert_false(date_valid("+026-11-29"));
	assert_false(date_valid("2026-11-2x"));
	assert_false(date_valid("29.11.2026"));
}

static void
months(void **state)
{
	(void)state;
	assert_true(date_month_valid("2026-11"));
	assert_true(date_month_valid("2026-01"));
	assert_false(date_month_valid("2026-13"));
	assert_false(date_month_valid("2026-1"));
	assert_false(date_month_valid("2026-11-01"));
	assert_false(date_month_valid(NULL));
}

static void
first_days(void **state)
{
	char out[11];

	(void)state;
	assert_true(date_month_first("2026-02", out, sizeof(out)));
	assert_string_equal(out, "2026-02-01");
	assert_false(date_month_first("2026-13", out, sizeof(out)));
	assert_false(date_month_first("2026-02-01", out, sizeof(out)));
	assert_false(date_month_first("2026-02", out, 10));
}

static void
today(void **state)
{
	char out[11];

	(void)state;
	date_today(out, sizeof(out));
	assert_true(date_valid(out));
	assert_true(strcmp(out, "2026-01-01") > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_days),
		cmocka_unit_test(days_that_do_not_exist),
		cmocka_unit_test(other_shapes),
		cmocka_unit_test(months),
		cmocka_unit_test(first_days),
		cmocka_unit_test(today),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
