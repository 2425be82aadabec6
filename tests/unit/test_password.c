/* Password policy, the common list, and argon2id hashing. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/password.h"

static int
setup(void **state)
{
	char err[128];

	(void)state;
	return (password_common_load(BQ_SOURCE_DIR "/data/common-passwords.txt",
		    err, sizeof(err))
		? 0
		: -1);
}

static void
common_list(void **state)
{
	(void)state;
	assert_true(password_is_common("password"));
	assert_true(password_is_common("PassWord"));
	assert_true(password_is_common("12345678"));
	assert_true(password_is_common("qwertyuiop"));
	assert_false(password_is_common("Balabaqsha-demo-2026"));
	assert_false(password_is_common(""));
}

#define CHECK(pw, confirm) password_check(pw, confirm, NULL, 0)

static void
policy(void **state)
{
	char long_pw[200];

	(void)state;
	assert_int_equal(CHECK("Tulpar-2026!", "Tulpar-2026!"), PASSWORD_OK);
	assert_int_equal(CHECK("Tulpar-2026!", NULL), PASSWORD_OK);
	assert_int_equal(CHECK("short1!", NULL), PASSWORD_TOO_SHORT);
	/* Eight Kazakh letters are eight characters, not sixteen bytes. */
	assert_int_equal(CHECK("әңғүұқөһ", NULL), PASSWORD_OK);
	assert_int_equal(CHECK("әңғүұқө", NULL), PASSWORD_TOO_SHORT);
	assert_int_equal(CHECK("football", NULL), PASSWORD_COMMON);
	assert_int_equal(CHECK("Football", NULL), PASSWORD_COMMON);
	/* The common list is compared without white space. */
	assert_int_equal(CHECK("foot ball", NULL), PASSWORD_COMMON);
	assert_int_equal(
	    CHECK("Tulpar-2026!", "tulpar-2026!"), PASSWORD_MISMATCH);
	assert_int_equal(CHECK("Tulpar\t2026!", NULL), PASSWORD_CONTROL);
	/* Nothing but white space; one character again and again. */
	assert_int_equal(CHECK("        ", NULL), PASSWORD_BLANK);
	assert_int_equal(CHECK("aaaaaaaa", NULL), PASSWORD_COMMON);
	assert_int_equal(CHECK("abababababab", NULL), PASSWORD_COMMON);
	assert_int_equal(CHECK("әәәәәәәә", NULL), PASSWORD_COMMON);
	/* 8 to 40 characters, as the guide says. */
	memcpy(long_pw, "Tulpar-2026!", 12);
	memset(long_pw + 12, 'x', 28);
	long_pw[40] = '\0';
	assert_int_equal(CHECK(long_pw, NULL), PASSWORD_OK);
	long_pw[40] = 'y';
	long_pw[41] = '\0';
	assert_int_equal(CHECK(long_pw, NULL), PASSWORD_TOO_LONG);
}

/* Not the account's own IIN, phone, login or e-mail, in any case, nor
 * holding them. */
static void
personal(void **state)
{
	static const char *const mine[] = { "850312400009", "+77011112233",
		"Aigerim.K", "aigerim@example.kz", NULL };
	size_t n = sizeof(mine) / sizeof(mine[0]);

	(void)state;
	assert_int_equal(
	    password_check("850312400009", NULL, mine, n), PASSWORD_PERSONAL);
	assert_int_equal(
	    password_check("x850312400009!", NULL, mine, n), PASSWORD_PERSONAL);
	assert_int_equal(
	    password_check("7011112233", NULL, mine, n), PASSWORD_PERSONAL);
	assert_int_equal(
	    password_check("+77011112233", NULL, mine, n), PASSWORD_PERSONAL);
	assert_int_equal(
	    password_check("AIGERIM.K-2026", NULL, mine, n), PASSWORD_PERSONAL);
	assert_int_equal(
	    password_check("Aigerim@2026", NULL, mine, n), PASSWORD_PERSONAL);
	assert_int_equal(
	    password_check("Tulpar-2026!", NULL, mine, n), PASSWORD_OK);
}

static void
hashing(void **state)
{
	char a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];

	(void)state;
	assert_true(password_hash("Tulpar-2026!", a, sizeof(a)));
	assert_true(password_hash("Tulpar-2026!", b, sizeof(b)));
	assert_string_not_equal(a, b);
	assert_non_null(strstr(a, "$argon2id$v=19$m=19456,t=2,p=1$"));
	assert_true(password_verify(a, "Tulpar-2026!"));
	assert_false(password_verify(a, "Tulpar-2026?"));
	assert_false(password_verify("not a hash", "Tulpar-2026!"));
	assert_false(password_hash("x", a, 20));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(common_list),
		cmocka_unit_test(policy),
		cmocka_unit_test(personal),
		cmocka_unit_test(hashing),
	};

	return (cmocka_run_group_tests(tests, setup, NULL));
}
