/* The growable buffer. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/strbuf.h"

static void
grows(void **state)
{
	struct strbuf sb;
	int i;

	(void)state;
	strbuf_init(&sb);
	for (i = 0; i < 1000; i++)
		strbuf_appendf(&sb, "%03d,", i);
	strbuf_append(&sb, "end", 3);
	assert_false(sb.failed);
	assert_int_equal(sb.len, 4003);
	assert_int_equal(strlen(sb.data), sb.len);
	assert_memory_equal(sb.data, "000,001,", 8);
	assert_string_equal(sb.data + 3996, "999,end");
	strbuf_free(&sb);
	assert_null(sb.data);
	strbuf_free(NULL);
}

static void
filled(const char *text, const char *want)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_append_filled(&sb, text, "{portal}", "https://p.kz");
	assert_false(sb.failed);
	assert_string_equal(sb.data, want);
	strbuf_free(&sb);
}

static void
fills(void **state)
{
	(void)state;
	filled("go: {portal}/vouchers/1", "go: https://p.kz/vouchers/1");
	filled("{portal}{portal}",
	    "https://p.kz"
	    "https://p.kz");
	filled("none here {port", "none here {port");
	filled("", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows),
		cmocka_unit_test(fills),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
