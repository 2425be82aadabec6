/* Metrics: counting by status, the histogram, and the text format. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bq/metrics.h"

static void
counts_and_render(void **state)
{
	struct metrics *m;
	struct strbuf sb;

	(void)state;
	m = calloc(1, sizeof(*m));
	assert_non_null(m);
	metrics_request(m, ROUTE_HEALTH, 200, 300);
	metrics_request(m, ROUTE_HEALTH, 200, 7000);
	metrics_request(m, ROUTE_FEEDBACK, 422, 100);
	metrics_request(m, ROUTE_FEEDBACK, 418, 10000000);
	metrics_add(&m->worker[1].db_busy, 2);
	metrics_add(&m->worker[1].db_busy, -1);

	strbuf_init(&sb);
	metrics_render(m, 2, &sb);
	assert_false(sb.failed);
	assert_non_null(strstr(sb.data,
	    "bq_http_requests_total{route=\"/health\",status=\"200\"} 2\n"));
	assert_non_null(strstr(sb.data,
	    "bq_http_requests_total{route=\"/v1/feedback\",status=\"other\"}"
	    " 1\n"));
	/* 300 us is in the first bucket; 7 ms first fits 0.01. */
	assert_non_null(strstr(sb.data,
	    "bq_http_request_duration_seconds_bucket{route=\"/health\","
	    "le=\"0.001\"} 1\n"));
	assert_non_null(strstr(sb.data,
	    "bq_http_request_duration_seconds_bucket{route=\"/health\","
	    "le=\"0.005\"} 1\n"));
	assert_non_null(strstr(sb.data,
	    "bq_http_request_duration_seconds_bucket{route=\"/health\","
	    "le=\"0.01\"} 2\n"));
	/* 10 s is past every bound but counted in +Inf. */
	assert_non_null(strstr(sb.data,
	    "bq_http_request_duration_seconds_bucket{route=\"/v1/feedback\","
	    "le=\"5\"} 1\n"));
	assert_non_null(strstr(sb.data,
	    "bq_http_request_duration_seconds_bucket{route=\"/v1/feedback\","
	    "le=\"+Inf\"} 2\n"));
	assert_non_null(strstr(sb.data, "bq_db_pool_busy{worker=\"1\"} 1\n"));
	assert_non_null(strstr(sb.data, "bq_db_pool_busy{worker=\"2\"} 0\n"));
	assert_null(strstr(sb.data, "route=\"/ready\""));

	strbuf_free(&sb);
	free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_and_render),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
