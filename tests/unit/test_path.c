/* Path segments and the ids in them. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bq/path.h"
#include "bq/token.h"

static void
segments(void **state)
{
	char out[64];

	(void)state;
	assert_true(
	    path_segment("/v1/children/abc/photo", 0, out, sizeof(out)));
	assert_string_equal(out, "v1");
	assert_true(
	    path_segment("/v1/children/abc/photo", 2, out, sizeof(out)));
	assert_string_equal(out, "abc");
	assert_true(
	    path_segment("/v1/children/abc/photo", 3, out, sizeof(out)));
	assert_string_equal(out, "photo");
	assert_false(
	    path_segment("/v1/children/abc/photo", 4, out, sizeof(out)));
	assert_false(path_segment("/v1//x", 1, out, sizeof(out)));
	assert_false(path_segment("v1/x", 0, out, sizeof(out)));
	assert_false(path_segment("/v1/abcdef", 1, out, 4));
}

static void
uuids(void **state)
{
	char out[TOKEN_ID_MAX];

	(void)state;
	assert_true(
	    path_uuid("/v1/documents/8B0C2A4E-1F3D-4C5B-9A7E-6D5C4B3A2F10", 2,
		out, sizeof(out)));
	assert_string_equal(out, "8b0c2a4e-1f3d-4c5b-9a7e-6d5c4b3a2f10");
	assert_false(path_uuid("/v1/documents/8b0c2a4e", 2, out, sizeof(out)));
	assert_false(
	    path_uuid("/v1/documents/8b0c2a4e-1f3d-4c5b-9a7e-6d5c4b3a2f10x", 2,
		out, sizeof(out)));
	assert_false(
	    path_uuid("/v1/documents/g b0c2a4e-1f3d-4c5b-9a7e-6d5c4b3a2f1", 2,
		out, sizeof(out)));
}

static void
copies(void **state)
{
	char out[TOKEN_ID_MAX];

	(void)state;
	assert_true(uuid_copy(
	    "0B6F3C1E-2F4A-4C1D-9A7E-5D2C8B1A0F33", out, sizeof(out)));
	assert_string_equal(out, "0b6f3c1e-2f4a-4c1d-9a7e-5d2c8b1a0f33");
	assert_false(
	    uuid_copy("0b6f3c1e-2f4a-4c1d-9a7e-5d2c8b1a0f3", out, sizeof(out)));
	assert_false(uuid_copy(
	    "0b6f3c1e-2f4a-4c1d-9a7e-5d2c8b1a0f33x", out, sizeof(out)));
	assert_false(uuid_copy(
	    "0b6f3c1e+2f4a-4c1d-9a7e-5d2c8b1a0f33", out, sizeof(out)));
	assert_false(uuid_copy(NULL, out, sizeof(out)));
	assert_false(uuid_copy(
	    "0b6f3c1e-2f4a-4c1d-9a7e-5d2c8b1a0f33", out, sizeof(out) - 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(segments),
		cmocka_unit_test(uuids),
		cmocka_unit_test(copies),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
