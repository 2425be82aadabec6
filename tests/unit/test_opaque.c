/* Opaque tokens and their digests. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/opaque.h"

static void
tokens(void **state)
{
	char a[OPAQUE_LEN + 1], b[OPAQUE_LEN + 1];
	char da[OPAQUE_DIGEST_HEX], db[OPAQUE_DIGEST_HEX];

	(void)state;
	assert_true(opaque_generate(a));
	assert_true(opaque_generate(b));
	assert_int_equal(strlen(a), OPAQUE_LEN);
	assert_true(opaque_valid(a));
	assert_string_not_equal(a, b);
	assert_true(opaque_digest(a, da));
	assert_true(opaque_digest(b, db));
	assert_int_equal(strlen(da), 64);
	assert_string_not_equal(da, db);

	assert_false(opaque_valid(NULL));
	assert_false(opaque_valid("short"));
	a[5] = '+';
	assert_false(opaque_valid(a));
	assert_false(opaque_digest(a, da));
}

static void
digest_known(void **state)
{
	char d[OPAQUE_DIGEST_HEX];
	const char *t = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	(void)state;
	assert_true(opaque_digest(t, d));
	/* sha256 of 43 'A's. */
	assert_string_equal(d,
	    "0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokens),
		cmocka_unit_test(digest_known),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
