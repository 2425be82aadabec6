/* The error vocabulary: complete tables, SQLSTATE mapping, field names. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/problem.h"

static void
tables_complete(void **state)
{
	int i, l;

	(void)state;
	for (i = 0; i < PROBLEM__MAX; i++) {
		assert_non_null(problems[i].code);
		assert_true(
		    problems[i].status >= 400 && problems[i].status < 600);
		for (l = 0; l < LANG__MAX; l++)
			assert_non_null(problems[i].title[l]);
	}
	for (i = 0; i < FIELD__MAX; i++) {
		assert_non_null(field_messages[i].code);
		assert_int_equal(
		    field_code_from_name(field_messages[i].code), i);
		for (l = 0; l < LANG__MAX; l++)
			assert_non_null(field_messages[i].message[l]);
	}
}

static void
sqlstates(void **state)
{
	(void)state;
	assert_int_equal(problem_from_sqlstate("BQ404"), PROBLEM_NOT_FOUND);
	assert_int_equal(problem_from_sqlstate("BQ409"), PROBLEM_CONFLICT);
	assert_int_equal(
	    problem_from_sqlstate("BQ422"), PROBLEM_VALIDATION_FAILED);
	assert_int_equal(problem_from_sqlstate("BQ429"), PROBLEM_RATE_LIMITED);
	assert_int_equal(problem_from_sqlstate("23505"), PROBLEM_CONFLICT);
	assert_int_equal(
	    problem_from_sqlstate("57014"), PROBLEM_SERVICE_UNAVAILABLE);
	assert_int_equal(
	    problem_from_sqlstate("08006"), PROBLEM_SERVICE_UNAVAILABLE);
	assert_int_equal(
	    problem_from_sqlstate("57P01"), PROBLEM_SERVICE_UNAVAILABLE);
	assert_int_equal(
	    problem_from_sqlstate(NULL), PROBLEM_SERVICE_UNAVAILABLE);
	assert_int_equal(
	    problem_from_sqlstate("42P01"), PROBLEM_INTERNAL_ERROR);
	assert_int_equal(field_code_from_name("nonsense"), FIELD_INVALID_VALUE);
	assert_int_equal(field_code_from_name(NULL), FIELD_INVALID_VALUE);
}

static void
field_error_list(void **state)
{
	struct field_errors fe;
	char longname[200];
	size_t i;

	(void)state;
	memset(&fe, 0, sizeof(fe));
	for (i = 0; i < FIELD_ERRORS_MAX + 3; i++)
		field_errors_add(&fe, "f", FIELD_REQUIRED);
	assert_int_equal(fe.n, FIELD_ERRORS_MAX);
	assert_int_equal(fe.dropped, 3);

	/* A long name is cut at a character boundary, never mid-character. */
	memset(&fe, 0, sizeof(fe));
	for (i = 0; i + 2 < sizeof(longname); i += 2)
		memcpy(longname + i, "\xd3\x99", 2);
	longname[i] = '\0';
	field_errors_add(&fe, longname + 1, FIELD_UNKNOWN);
	assert_true(strlen(fe.e[0].field) < FIELD_NAME_MAX);
	assert_true(((unsigned char)fe.e[0].field[strlen(fe.e[0].field) - 1] &
			0xc0) == 0x80);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tables_complete),
		cmocka_unit_test(sqlstates),
		cmocka_unit_test(field_error_list),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
