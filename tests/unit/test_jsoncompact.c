/* json_compact: PostgreSQL's json in cJSON's style, strings untouched. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bq/jsoncompact.h"

static void
compact(const char *in, const char *want)
{
	char *buf;
	size_t n;

	assert_non_null(buf = strdup(in));
	n = json_compact(buf, strlen(buf));
	assert_int_equal(n, strlen(want));
	assert_memory_equal(buf, want, n);
	free(buf);
}

static void
styles(void **state)
{
	(void)state;
	compact("{\"id\" : 1, \"a\" : [1, 2, {\"b\" : null}]}",
	    "{\"id\":1,\"a\":[1,2,{\"b\":null}]}");
	compact("{\n\t\"x\" :\r\n true }", "{\"x\":true}");
	/* Strings keep every byte: spaces, escaped quotes and backslashes. */
	compact("{\"s\" : \"a b : , \\\" c\\\\\", \"t\" : \"\\\\\"}",
	    "{\"s\":\"a b : , \\\" c\\\\\",\"t\":\"\\\\\"}");
	compact("[\"Әкімшіұлы Жүйе\" , \"  \"]", "[\"Әкімшіұлы Жүйе\",\"  \"]");
	compact("", "");
	compact("  ", "");
}

/* What cJSON prints of a document is what json_compact makes of its
 * spaced-out print. */
static void
same_as_cjson(void **state)
{
	const char *docs[] = {
		"{\"items\":[{\"id\":\"x y\",\"n\":-1.5e3,\"ok\":false,"
		"\"z\":null,\"nested\":{\"q\":\"\\\"\\\\\\/"
		"\\b\\f\\n\\r\\t\"}}]}",
		"[[],{},[{}],\"\\u00e9\"]",
	};
	char *pretty, *flat;
	cJSON *doc;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		assert_non_null(doc = cJSON_Parse(docs[i]));
		assert_non_null(pretty = cJSON_Print(doc));
		assert_non_null(flat = cJSON_PrintUnformatted(doc));
		n = json_compact(pretty, strlen(pretty));
		assert_int_equal(n, strlen(flat));
		assert_memory_equal(pretty, flat, n);
		cJSON_free(pretty);
		cJSON_free(flat);
		cJSON_Delete(doc);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(styles),
		cmocka_unit_test(same_as_cjson),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
