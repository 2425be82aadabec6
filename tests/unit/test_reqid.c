/* Request ids: what a caller may send, and what we make. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/reqid.h"

static void
valid(void **state)
{
	char long_id[REQID_MAX + 2];

	(void)state;
	assert_true(reqid_valid("abc-123_X.y:z"));
	assert_false(reqid_valid(NULL));
	assert_false(reqid_valid(""));
	assert_false(reqid_valid("a b"));
	assert_false(reqid_valid("a\"b"));
	assert_false(reqid_valid("a\nb"));
	assert_false(reqid_valid("\xd3\x99"));
	memset(long_id, 'a', sizeof(long_id) - 1);
	long_id[sizeof(long_id) - 1] = '\0';
	assert_false(reqid_valid(long_id));
	long_id[REQID_MAX] = '\0';
	assert_true(reqid_valid(long_id));
}

static void
generated(void **state)
{
	char a[REQID_MAX + 1], b[REQID_MAX + 1];

	(void)state;
	assert_true(reqid_generate(a, sizeof(a)));
	assert_true(reqid_generate(b, sizeof(b)));
	assert_int_equal(strlen(a), 36);
	assert_true(reqid_valid(a));
	assert_string_not_equal(a, b);
	assert_int_equal(a[14], '4');
	assert_false(reqid_generate(a, 10));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid),
		cmocka_unit_test(generated),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
