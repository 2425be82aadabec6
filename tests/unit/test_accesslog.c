/* The access log line is one JSON object with exactly our fields. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <cjson/cJSON.h>

#include "bq/accesslog.h"

static void
line(void **state)
{
	struct accesslog_entry e;
	char buf[512];
	cJSON *doc;
	int n;

	(void)state;
	memset(&e, 0, sizeof(e));
	e.request_id = "r-1";
	e.method = "POST";
	e.route = "/v1/feedback";
	e.status = 422;
	e.code = "validation_failed";
	e.duration_us = 1234567;
	e.bytes_out = 99;
	e.worker = 2;
	n = accesslog_format(buf, sizeof(buf), &e);
	assert_true(n > 0);
	assert_int_equal(buf[n - 1], '\n');
	assert_null(memchr(buf, '\n', (size_t)n - 1));

	doc = cJSON_ParseWithLength(buf, (size_t)n);
	assert_non_null(doc);
	assert_string_equal(
	    cJSON_GetObjectItemCaseSensitive(doc, "route")->valuestring,
	    "/v1/feedback");
	assert_int_equal(
	    cJSON_GetObjectItemCaseSensitive(doc, "status")->valueint, 422);
	assert_true(
	    cJSON_GetObjectItemCaseSensitive(doc, "duration_ms")->valuedouble ==
	    1234.567);
	cJSON_Delete(doc);

	e.code = NULL;
	e.duration_us = 5;
	n = accesslog_format(buf, sizeof(buf), &e);
	assert_int_equal((size_t)n, strlen(buf));
	assert_non_null(strstr(buf, "\"code\":null"));
	assert_non_null(strstr(buf, "\"duration_ms\":0.005,"));
	assert_int_equal(buf[17], 'T');
	assert_int_equal(buf[26], '.');
	assert_int_equal(buf[30], 'Z');
	assert_int_equal(accesslog_format(buf, 20, &e), 0);
	/* Exactly the line's length and its NUL fit; one byte less does not. */
	assert_int_equal(accesslog_format(buf, (size_t)n + 1, &e), n);
	assert_int_equal(accesslog_format(buf, (size_t)n, &e), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(line),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
