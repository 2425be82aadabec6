/* Phone numbers: the ways people type a Kazakhstan number, and refusals. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bq/phone.h"

static void
accepted_forms(void **state)
{
	static const char *forms[] = { "+77012345678", "+7 701 234 56 78",
		"8 (701) 234-56-78", "87012345678", "77012345678", "7012345678",
		"+7(701)234-56-78" };
	char out[PHONE_E164_LEN];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		assert_true(phone_normalize(forms[i], out, sizeof(out)));
		assert_string_equal(out, "+77012345678");
	}
	assert_true(phone_normalize("+7 600 000 00 00", out, sizeof(out)));
	assert_string_equal(out, "+76000000000");
}

static void
refused(void **state)
{
	static const char *bad[] = { "", "+", "+7", "+7701234567",
		"+770123456789", "+79161234567", "89161234567", "+17012345678",
		"++77012345678", "+7 701 234 56 7x", "7701234567+",
		"+7.701.234.56.78", "0012345678" };
	char out[PHONE_E164_LEN];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(phone_normalize(bad[i], out, sizeof(out)));
	assert_false(phone_normalize(NULL, out, sizeof(out)));
	assert_false(phone_normalize("+77012345678", out, 12));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepted_forms),
		cmocka_unit_test(refused),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
