/* The CORS allow-list. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bq/cors.h"

static void
allow_list(void **state)
{
	struct cors c;

	(void)state;
	assert_true(
	    cors_parse(&c, " https://balabaqsha.kz, http://localhost:5173 ,"));
	assert_int_equal(c.n, 2);
	assert_true(cors_allowed(&c, "https://balabaqsha.kz"));
	assert_true(cors_allowed(&c, "http://localhost:5173"));
	assert_false(cors_allowed(&c, "https://balabaqsha.kz.evil.com"));
	assert_false(cors_allowed(&c, "http://balabaqsha.kz"));
	assert_false(cors_allowed(&c, "null"));
	assert_false(cors_allowed(&c, NULL));
	assert_false(cors_allowed(&c, ""));
	cors_free(&c);
}

static void
star_and_empty(void **state)
{
	struct cors c;

	(void)state;
	assert_true(cors_parse(&c, NULL));
	assert_false(cors_allowed(&c, "https://a.kz"));
	cors_free(&c);
	assert_true(cors_parse(&c, "*"));
	assert_true(cors_allowed(&c, "https://a.kz"));
	cors_free(&c);
}

static void
malformed(void **state)
{
	struct cors c;

	(void)state;
	assert_false(cors_parse(&c, "balabaqsha.kz"));
	assert_false(cors_parse(&c, "https://a.kz/"));
	assert_false(cors_parse(&c, "https://a.kz, ftp://b.kz"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(allow_list),
		cmocka_unit_test(star_and_empty),
		cmocka_unit_test(malformed),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
