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

/*
 * The rule once more, from the published description and not from iin.c:
 * digit i (from 1) weighs i; on a remainder of 10 the weights shift by two
 * (3..11, 1, 2); a second 10 means no valid check digit.  Works on the
 * number, not the string.
 */
static int
reference(uint64_t n)
{
	int d[12], i, r, pass;

	for (i = 11; i >= 0; i--, n /= 10)
		d[i] = (int)(n % 10);
	for (pass = 0; pass < 2; pass++) {
		r = 0;
		for (i = 0; i < 11; i++)
			r += d[i] * ((i + 2 * pass) % 11 + 1);
		r %= 11;
		if (r != 10)
			return (r == d[11]);
	}

	return (0);
}

/* A million numbers, a tenth of them made valid on purpose. */
static void
agrees_with_a_reference_on_a_million_inputs(void **state)
{
	uint64_t x = 0x9e3779b97f4a7c15ULL, n;
	char s[16];
	int i, valid = 0;

	(void)state;
	for (i = 0; i < 1000000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = x % 1000000000000ULL;
		if (i % 10 == 0) {
			/* Try each last digit: the valid one, if any. */
			n -= n % 10;
			while (!reference(n) && n % 10 != 9)
				n++;
		}
		(void)snprintf(s, sizeof(s), "%012llu", (unsigned long long)n);
		assert_int_equal(iin_valid(s), reference(n));
		valid += reference(n);
	}
	/* Both answers came up often. */
	assert_true(valid > 100000 && valid < 900000);
}

/* A birth date still to come: the century digit of the 2000s read on. */
static void
born_after(void **state)
{
	(void)state;
	/* 86-04-12 with 5: 2086. */
	assert_true(iin_born_after("860412500020", "2026-12-03"));
	assert_false(iin_born_after("860412300028", "2026-12-03"));
	assert_false(iin_born_after("850312400009", "2026-12-03"));
	/* The day itself is not after. */
	assert_false(iin_born_after("261203500001", "2026-12-03"));
	assert_true(iin_born_after("261203500001", "2026-12-02"));
	assert_false(iin_born_after("not an iin", "2026-12-03"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_numbers),
		cmocka_unit_test(every_other_check_digit_fails),
		cmocka_unit_test(ten_twice_is_invalid),
		cmocka_unit_test(shape),
		cmocka_unit_test(born_after),
		cmocka_unit_test(agrees_with_a_reference_on_a_million_inputs),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
