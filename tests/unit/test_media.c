/* File types by their first bytes, and Content-Type headers. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bq/media.h"

static void
sniff(void **state)
{
	(void)state;
	assert_string_equal(media_sniff("%PDF-1.7\n", 9), "application/pdf");
	assert_string_equal(media_sniff("\xff\xd8\xff\xe0", 4), "image/jpeg");
	assert_string_equal(
	    media_sniff("\x89PNG\r\n\x1a\n....", 12), "image/png");
	assert_null(media_sniff("\x89PNG\r\n\x1a", 7));
	assert_null(media_sniff("GIF89a", 6));
	assert_null(media_sniff("", 0));
	assert_null(media_sniff(" %PDF-", 6));
}

static void
headers(void **state)
{
	(void)state;
	assert_true(media_type_is("image/png", "image/png"));
	assert_true(media_type_is("IMAGE/PNG", "image/png"));
	assert_true(
	    media_type_is("application/pdf; name=x.pdf", "application/pdf"));
	assert_false(media_type_is("image/pngx", "image/png"));
	assert_false(media_type_is("image/jpeg", "image/png"));
	assert_false(media_type_is(NULL, "image/png"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniff),
		cmocka_unit_test(headers),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
