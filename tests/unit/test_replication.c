/* Reading through replicas: WAL positions, a standby's lag, proxies. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bq/forwarded.h"
#include "bq/lag.h"
#include "bq/lsn.h"

static void
lsn_text(void **state)
{
	char buf[LSN_TEXT_MAX];
	uint64_t v;

	(void)state;
	assert_true(lsn_parse("0/16B3748", &v));
	assert_int_equal(v, 0x16B3748);
	assert_true(lsn_parse("1a/ff", &v));
	assert_int_equal(v, (uint64_t)0x1a << 32 | 0xff);
	assert_true(lsn_parse("FFFFFFFF/FFFFFFFF", &v));
	assert_int_equal(v, UINT64_MAX);
	lsn_format(v, buf, sizeof(buf));
	assert_string_equal(buf, "FFFFFFFF/FFFFFFFF");
	lsn_format(0x16B3748, buf, sizeof(buf));
	assert_string_equal(buf, "0/16B3748");
	assert_false(lsn_parse(NULL, &v));
	assert_false(lsn_parse("", &v));
	assert_false(lsn_parse("0/", &v));
	assert_false(lsn_parse("/1", &v));
	assert_false(lsn_parse("0-1", &v));
	assert_false(lsn_parse("0/1/2", &v));
	assert_false(lsn_parse("123456789/0", &v));
	assert_false(lsn_parse("0/g", &v));
	assert_false(lsn_parse(" 0/1", &v));
}

static void
lag_in_time(void **state)
{
	struct lag *l;
	int i;

	(void)state;
	l = malloc(sizeof(*l));
	assert_non_null(l);
	lag_init(l);
	/* Nothing sampled: nothing to be behind. */
	assert_int_equal(lag_behind(l, 1000, 0), 0);
	lag_primary(l, 1000, 100);
	lag_primary(l, 1100, 100); /* idle: the first moment counts */
	lag_primary(l, 1200, 200);
	assert_int_equal(lag_behind(l, 1500, 100), 300);
	/* An idle primary makes no lag of a caught-up standby. */
	assert_int_equal(lag_behind(l, 9000, 200), 0);
	assert_int_equal(lag_behind(l, 9000, 150), 0); /* forgotten */
	lag_primary(l, 10000, 300);
	assert_int_equal(lag_behind(l, 12500, 250), 2500);
	/* Far behind: the ring keeps the newest, still past any bound. */
	for (i = 0; i < 3 * LAG_SAMPLES; i++)
		lag_primary(l, 20000 + (uint64_t)i * 100, 1000 + (uint64_t)i);
	assert_true(lag_behind(l, 20000 + 3 * LAG_SAMPLES * 100, 999) >=
	    (LAG_SAMPLES - 1) * 100);
	free(l);
}

static void
proxies(void **state)
{
	char out[64];

	(void)state;
	assert_true(forwarded_list_ok("127.0.0.9"));
	assert_true(forwarded_list_ok("10.0.0.1, 10.0.0.2,::1"));
	assert_false(forwarded_list_ok("10.0.0.1,"));
	assert_false(forwarded_list_ok("proxy.example.kz"));
	assert_true(forwarded_trusted("10.0.0.1, 127.0.0.9", "127.0.0.9"));
	assert_true(forwarded_trusted("0:0::1", "::1"));
	assert_false(forwarded_trusted("127.0.0.9", "127.0.0.1"));
	assert_false(forwarded_trusted(NULL, "127.0.0.9"));
	/* The last element is the one the proxy added. */
	assert_true(forwarded_client("6.6.6.6, 203.0.113.7", out, sizeof(out)));
	assert_string_equal(out, "203.0.113.7");
	assert_true(forwarded_client(" 2001:DB8::1 ", out, sizeof(out)));
	assert_string_equal(out, "2001:db8::1");
	assert_false(
	    forwarded_client("203.0.113.7, unknown", out, sizeof(out)));
	assert_false(forwarded_client("", out, sizeof(out)));
	assert_false(forwarded_client(NULL, out, sizeof(out)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lsn_text),
		cmocka_unit_test(lag_in_time),
		cmocka_unit_test(proxies),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
