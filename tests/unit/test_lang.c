/* Accept-Language: q-values, regions, exclusions and the default. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bq/lang.h"

static void
choices(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept(NULL), LANG_DEFAULT);
	assert_int_equal(lang_from_accept(""), LANG_DEFAULT);
	assert_int_equal(lang_from_accept("en"), LANG_EN);
	assert_int_equal(lang_from_accept("ru-RU,ru;q=0.9,en;q=0.8"), LANG_RU);
	assert_int_equal(lang_from_accept("kk-KZ"), LANG_KK);
	assert_int_equal(lang_from_accept("de, en;q=0.5"), LANG_EN);
	assert_int_equal(lang_from_accept("en;q=0.4, ru;q=0.6"), LANG_RU);
	assert_int_equal(lang_from_accept("EN"), LANG_EN);
	assert_int_equal(lang_from_accept("ru;q=1.0 , en"), LANG_RU);
}

static void
exclusions_and_junk(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept("en;q=0"), LANG_DEFAULT);
	assert_int_equal(lang_from_accept("ru;q=0, en;q=0.1"), LANG_EN);
	assert_int_equal(lang_from_accept("english"), LANG_DEFAULT);
	assert_int_equal(lang_from_accept("en;q=2"), LANG_DEFAULT);
	assert_int_equal(lang_from_accept("en;q=0.1234"), LANG_DEFAULT);
	assert_int_equal(lang_from_accept("en;foo=bar, ru"), LANG_RU);
	assert_int_equal(lang_from_accept(",,,;;;"), LANG_DEFAULT);
	assert_int_equal(lang_from_accept("*"), LANG_DEFAULT);
}

static void
names(void **state)
{
	enum lang l;

	(void)state;
	assert_true(lang_from_name("ru", &l));
	assert_int_equal(l, LANG_RU);
	assert_false(lang_from_name("RU", &l));
	assert_false(lang_from_name("de", &l));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(choices),
		cmocka_unit_test(exclusions_and_junk),
		cmocka_unit_test(names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
