/* The IIN check digit: both weight passes and the digits no IIN can have. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "bq/iin.h"

static void
known_numbers(void **state)
{
	(void)state;
	/* First pass gives the check digit directly. */
	assert_true(iin_valid("150101400005"));
	/* First pass gives 10; the second weights give 2. */
	assert_true(iin_valid("150101400602"));
}

static void
every_other_check_digit_fails(void **state)
{
	char s[13];
	int d;

	(void)state;
	for (d = 0; d <= 9; d++) {
		(void)snprintf(s, sizeof(s), "15010140000%d", d);
		assert_int_equal(iin_valid(s), d == 5);
		(void)snprintf(s, sizeof(s), "15010140060%d", d);
		assert_int_equal(iin_valid(s), d == 2);
	}
}

static void
ten_twice_is_invalid(void **state)
{
	char s[13];
	int d;

	(void)state;
	/* Both passes give 10: no check digit makes these valid. */
	for (d = 0; d <= 9; d++) {
		(void)snprintf(s, sizeof(s), "15010140064%d", d);
		assert_false(iin_valid(s));
	}
}

static void
shape(void **state)
{
	(void)state;
	assert_false(iin_valid(NULL));
	assert_false(iin_valid(""));
	assert_false(iin_valid("15010140000"));
	assert_false(iin_valid("1501014000050"));
	assert_false(iin_valid("15010140000a"));
	assert_false(iin_valid(" 50101400005"));
	assert_false(iin_valid("１50101400005"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_numbers),
		cmocka_unit_test(every_other_check_digit_fails),
		cmocka_unit_test(ten_twice_is_invalid),
		cmocka_unit_test(shape),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
