/* One-time codes: shape, spread, and a MAC bound to every input. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/otp.h"

static const unsigned char key[32] = "k0k1k2k3k4k5k6k7k8k9kAkBkCkDkEkF";

static void
codes(void **state)
{
	char code[OTP_DIGITS + 1];
	int first[10] = { 0 }, i;

	(void)state;
	for (i = 0; i < 2000; i++) {
		assert_true(otp_generate(code));
		assert_true(otp_code_valid(code));
		first[code[0] - '0']++;
	}
	/* Every leading digit turns up: a zero-padded, uniform draw. */
	for (i = 0; i < 10; i++)
		assert_true(first[i] > 100);
	assert_false(otp_code_valid("12345"));
	assert_false(otp_code_valid("1234567"));
	assert_false(otp_code_valid("12345a"));
	assert_false(otp_code_valid(NULL));
}

static void
mac(void **state)
{
	char a[OTP_MAC_HEX], b[OTP_MAC_HEX];

	(void)state;
	assert_true(otp_mac(
	    key, 32, "login", "+77012345678", "150101400005", "123456", a));
	assert_int_equal(strlen(a), 64);
	assert_true(otp_mac(
	    key, 32, "login", "+77012345678", "150101400005", "123456", b));
	assert_string_equal(a, b);
	assert_true(otp_mac(
	    key, 32, "reset", "+77012345678", "150101400005", "123456", b));
	assert_string_not_equal(a, b);
	assert_true(otp_mac(
	    key, 32, "login", "+77012345679", "150101400005", "123456", b));
	assert_string_not_equal(a, b);
	assert_true(otp_mac(
	    key, 32, "login", "+77012345678", "150101400602", "123456", b));
	assert_string_not_equal(a, b);
	assert_true(otp_mac(
	    key, 32, "login", "+77012345678", "150101400005", "123457", b));
	assert_string_not_equal(a, b);
	assert_true(otp_mac(
	    key + 1, 31, "login", "+77012345678", "150101400005", "123456", b));
	assert_string_not_equal(a, b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes),
		cmocka_unit_test(mac),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
