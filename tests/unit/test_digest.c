/* SHA-256 in hex, against FIPS 180-2's test vectors. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bq/digest.h"

static void
vectors(void **state)
{
	char out[SHA256_HEX_LEN];

	(void)state;
	assert_true(sha256_hex("abc", 3, out));
	assert_string_equal(out,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_true(sha256_hex("", 0, out));
	assert_string_equal(out,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vectors),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
