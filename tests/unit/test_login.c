/* The four kinds of login name, and the value each is looked up by. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bq/login.h"

static void
kinds(void **state)
{
	static const struct {
		const char *in, *kind, *value;
	} cases[] = {
		{ "850312400009", "iin", "850312400009" },
		/* Twelve digits with a wrong check digit are not an IIN. */
		{ "850312400008", "login", "850312400008" },
		{ "Parent@Example.kz", "email", "Parent@Example.kz" },
		{ "8 701 111 22 33", "phone", "+77011112233" },
		{ "+7 (701) 111-22-33", "phone", "+77011112233" },
		{ "kg1", "login", "kg1" },
		{ "", "login", "" },
	};
	char value[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_string_equal(
		    login_kind(cases[i].in, value, sizeof(value)),
		    cases[i].kind);
		assert_string_equal(value, cases[i].value);
	}
}

static void
value_is_bounded(void **state)
{
	char value[4];

	(void)state;
	assert_string_equal(
	    login_kind("longlogin", value, sizeof(value)), "login");
	assert_string_equal(value, "lon");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(value_is_bounded),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
