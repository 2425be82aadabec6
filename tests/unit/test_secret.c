/* The master secret file: made once, refused when weak or readable. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bq/secret.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	(void)snprintf(dir, sizeof(dir), "/tmp/bq-secret-XXXXXX");
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
write_file(const char *path, size_t len, mode_t mode)
{
	char buf[64];
	int fd;

	memset(buf, 'k', sizeof(buf));
	(void)unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	(void)fchmod(fd, mode);
	(void)close(fd);
}

static void
made_once(void **state)
{
	struct secret a, b;
	struct stat st;
	char path[128], err[128];
	unsigned char k1[SECRET_KEY_LEN], k2[SECRET_KEY_LEN];

	(void)state;
	(void)snprintf(path, sizeof(path), "%s/made.key", dir);
	assert_false(secret_load(&a, path, 0, err, sizeof(err)));
	assert_true(secret_load(&a, path, 1, err, sizeof(err)));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(a.len, SECRET_MAX);
	assert_true(secret_load(&b, path, 1, err, sizeof(err)));
	assert_memory_equal(a.master, b.master, a.len);

	secret_derive(&a, "jwt", k1);
	secret_derive(&a, "otp", k2);
	assert_memory_not_equal(k1, k2, SECRET_KEY_LEN);
	secret_derive(&b, "jwt", k2);
	assert_memory_equal(k1, k2, SECRET_KEY_LEN);
}

static void
refused(void **state)
{
	struct secret s;
	char path[128], err[128];

	(void)state;
	(void)snprintf(path, sizeof(path), "%s/short.key", dir);
	write_file(path, 31, 0600);
	assert_false(secret_load(&s, path, 1, err, sizeof(err)));
	assert_non_null(strstr(err, "fewer than 32"));
	write_file(path, 32, 0600);
	assert_true(secret_load(&s, path, 1, err, sizeof(err)));

	write_file(path, 64, 0644);
	assert_false(secret_load(&s, path, 1, err, sizeof(err)));
	assert_non_null(strstr(err, "chmod 600"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(made_once),
		cmocka_unit_test(refused),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
