/* promfile: a metrics file replaced whole. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bq/promfile.h"

static void
replaced(void **state)
{
	char dir[] = "/tmp/promfile-XXXXXX", path[64], buf[64], err[128];
	FILE *f;
	size_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	(void)snprintf(path, sizeof(path), "%s/bq.prom", dir);
	assert_true(promfile_write(path, "a 1\n", err, sizeof(err)));
	assert_true(promfile_write(path, "b 2\n", err, sizeof(err)));
	assert_non_null(f = fopen(path, "r"));
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	(void)fclose(f);
	assert_string_equal(buf, "b 2\n");
	/* No temporary file is left beside it. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	/* A folder that is not there: an error that says so. */
	assert_false(
	    promfile_write("/nonexistent/x.prom", "a 1\n", err, sizeof(err)));
	assert_non_null(strstr(err, "open"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(replaced),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
