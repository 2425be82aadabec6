/* The route table and the Allow header. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/routes.h"

static void
table(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < ROUTE__MAX; i++)
		assert_non_null(routes[i].path);
	assert_string_equal(routes[ROUTE_FEEDBACK].path, "/v1/feedback");
	assert_int_equal(routes[ROUTE_UNKNOWN].methods, 0);
}

static void
allow(void **state)
{
	char buf[96];

	(void)state;
	assert_true(
	    route_allow_header(ROUTE_M_GET | ROUTE_M_DELETE, buf, sizeof(buf)));
	assert_string_equal(buf, "GET, HEAD, DELETE, OPTIONS");
	assert_true(route_allow_header(0, buf, sizeof(buf)));
	assert_string_equal(buf, "OPTIONS");
	assert_false(route_allow_header(ROUTE_M_GET, buf, 8));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table),
		cmocka_unit_test(allow),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
