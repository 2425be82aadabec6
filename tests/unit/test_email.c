/* E-mail addresses. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/email.h"

static void
addresses(void **state)
{
	static const char *good[] = { "a@b.kz", "aigerim.n+kg@mail.kz",
		"x_y@sub.domain-1.org", "o'neil@xn--80ao21a.xn--p1ai" };
	static const char *bad[] = { "", "a", "a@", "@b.kz", "a@b", "a@@b.kz",
		"a@b..kz", "a@-b.kz", "a@b-.kz", "a b@c.kz", ".a@b.kz",
		"a.@b.kz", "a..b@c.kz", "a@b.kz.", "a@b_c.kz", "\xd3\x99@b.kz",
		"a\"b@c.kz" };
	char big[300];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(email_valid(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(email_valid(bad[i]));
	assert_false(email_valid(NULL));

	memset(big, 'a', sizeof(big));
	memcpy(big + 65, "@b.kz", 6);
	assert_false(email_valid(big));
	memcpy(big + 64, "@b.kz", 6);
	assert_true(email_valid(big));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(addresses),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
