/* Request ids: what a caller may send, and what we make. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/wait.h>

#include <string.h>
#include <unistd.h>

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

/* Thousands of ids (past one draw of random bytes) are all different, and
 * a forked child makes other ids than its parent goes on to. */
static void
distinct(void **state)
{
	static char ids[1000][REQID_MAX + 1];
	char mine[REQID_MAX + 1], child[REQID_MAX + 1];
	int fd[2], i, j, status;
	pid_t pid;

	(void)state;
	for (i = 0; i < 1000; i++) {
		assert_true(reqid_generate(ids[i], sizeof(ids[i])));
		assert_true(reqid_valid(ids[i]));
		assert_int_equal(ids[i][19] == '8' || ids[i][19] == '9' ||
			ids[i][19] == 'a' || ids[i][19] == 'b',
		    1);
	}
	for (i = 0; i < 1000; i++)
		for (j = i + 1; j < 1000; j++)
			assert_string_not_equal(ids[i], ids[j]);

	assert_int_equal(pipe(fd), 0);
	if ((pid = fork()) == 0) {
		(void)reqid_generate(child, sizeof(child));
		_exit(write(fd[1], child, REQID_UUID_LEN) == REQID_UUID_LEN
			? 0
			: 1);
	}
	assert_true(pid > 0);
	memset(child, 0, sizeof(child));
	assert_int_equal(read(fd[0], child, REQID_UUID_LEN), REQID_UUID_LEN);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(reqid_generate(mine, sizeof(mine)));
	assert_string_not_equal(mine, child);
	(void)close(fd[0]);
	(void)close(fd[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid),
		cmocka_unit_test(generated),
		cmocka_unit_test(distinct),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
