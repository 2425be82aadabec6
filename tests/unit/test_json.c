/* Strict JSON: what cJSON lets through and we refuse, and the decoder. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/json.h"

static enum field_code
parse_error(const char *text, size_t len)
{
	struct field_errors fe;
	cJSON *root;
	int ok;

	memset(&fe, 0, sizeof(fe));
	ok = json_parse_strict(text, len, &root, &fe);
	cJSON_Delete(root);
	if (ok)
		return (FIELD__MAX);
	assert_int_equal(fe.n, 1);

	return (fe.e[0].code);
}

#define BAD(text) parse_error(text, sizeof(text) - 1)

static void
accepted(void **state)
{
	(void)state;
	assert_int_equal(BAD("{}"), FIELD__MAX);
	assert_int_equal(
	    BAD(" {\"a\": [1, 2.5, \"x\", null, true]}\n"), FIELD__MAX);
	assert_int_equal(
	    BAD("{\"k\":\"\\u00e9\\ud83d\\ude00 \xd2\x9b\"}"), FIELD__MAX);
	assert_int_equal(BAD("{\"a\":{\"a\":1},\"b\":{\"a\":1}}"), FIELD__MAX);
	assert_int_equal(BAD("[1,1]"), FIELD__MAX);
}

static void
refused(void **state)
{
	(void)state;
	assert_int_equal(BAD(""), FIELD_EMPTY);
	assert_int_equal(BAD("  \n"), FIELD_EMPTY);
	assert_int_equal(BAD("{"), FIELD_SYNTAX);
	assert_int_equal(BAD("{\"a\":1,}"), FIELD_SYNTAX);
	assert_int_equal(BAD("{'a':1}"), FIELD_SYNTAX);
	assert_int_equal(BAD("{\"a\":1} x"), FIELD_TRAILING_DATA);
	assert_int_equal(BAD("{\"a\":1}{}"), FIELD_TRAILING_DATA);
	assert_int_equal(BAD("{\"a\":1,\"a\":2}"), FIELD_DUPLICATE_KEY);
	assert_int_equal(BAD("{\"a\":\"x\\u0000y\"}"), FIELD_NUL_CHARACTER);
	assert_int_equal(
	    parse_error("{\"a\":\"x\0\"}", 10), FIELD_NUL_CHARACTER);
	assert_int_equal(parse_error("{}\0", 3), FIELD_NUL_CHARACTER);
	assert_int_equal(BAD("{\"a\":\"\xff\"}"), FIELD_INVALID_UTF8);
	assert_int_equal(BAD("{\"a\":\"\xc0\xaf\"}"), FIELD_INVALID_UTF8);
	assert_int_equal(BAD("{\"a\":\"\xed\xa0\x80\"}"), FIELD_INVALID_UTF8);
	assert_int_equal(BAD("{\"a\":\"\xe2\x82\"}"), FIELD_INVALID_UTF8);
	assert_int_equal(BAD("{\"a\":\"\\ud800\"}"), FIELD_INVALID_UTF8);
	assert_int_equal(BAD("{\"a\":\"\\udc00x\"}"), FIELD_INVALID_UTF8);
	assert_int_equal(BAD("{\"a\":\"tab\there\"}"), FIELD_SYNTAX);
	assert_int_equal(BAD("{\"a\":1e400}"), FIELD_OUT_OF_RANGE);
	assert_int_equal(
	    BAD("{\"a\":[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}"), FIELD_TOO_DEEP);
}

static void
duplicate_path_is_named(void **state)
{
	struct field_errors fe;
	cJSON *root;
	const char *text = "{\"x\":[{\"k\":1,\"k\":2}]}";

	(void)state;
	memset(&fe, 0, sizeof(fe));
	assert_false(json_parse_strict(text, strlen(text), &root, &fe));
	assert_null(root);
	assert_string_equal(fe.e[0].field, "x[0].k");
}

struct sample {
	const char *name;
	const char *note;
	int flag;
	int64_t count;
	const cJSON *list;
};

static const struct json_field fields[] = {
	{ "name", JSON_T_STRING, offsetof(struct sample, name), JSON_REQUIRED,
	    2, 5 },
	{ "note", JSON_T_STRING, offsetof(struct sample, note),
	    JSON_NULLABLE | JSON_MULTILINE, 0, 0 },
	{ "flag", JSON_T_BOOL, offsetof(struct sample, flag), 0, 0, 0 },
	{ "count", JSON_T_INT, offsetof(struct sample, count), 0, 1, 10 },
	{ "list", JSON_T_ARRAY, offsetof(struct sample, list), 0, 0, 0 },
};

static int
decode(const char *text, struct sample *s, struct field_errors *fe)
{
	cJSON *root;
	int ok;

	memset(s, 0, sizeof(*s));
	memset(fe, 0, sizeof(*fe));
	assert_true(json_parse_strict(text, strlen(text), &root, fe));
	ok = json_decode(root, fields, JSON_FIELD_COUNT(fields), s, fe);
	cJSON_Delete(root);

	return (ok);
}

static void
decoded(void **state)
{
	struct field_errors fe;
	struct sample s;

	(void)state;
	assert_true(decode("{\"name\":\"\xd3\x99\xd3\x99\xd3\x99\","
			   "\"note\":\"a\\nb\",\"flag\":true,\"count\":10,"
			   "\"list\":[]}",
	    &s, &fe));
	assert_int_equal(s.flag, 1);
	assert_int_equal(s.count, 10);
	assert_true(decode("{\"name\":\"ab\",\"note\":null}", &s, &fe));
	assert_int_equal(s.flag, -1);
}

static void
field_errors(void **state)
{
	struct field_errors fe;
	struct sample s;

	(void)state;
	assert_false(decode("{}", &s, &fe));
	assert_string_equal(fe.e[0].field, "name");
	assert_int_equal(fe.e[0].code, FIELD_REQUIRED);

	assert_false(decode("{\"name\":\"abcdef\"}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_TOO_LONG);
	assert_false(decode("{\"name\":\"a\"}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_TOO_SHORT);
	assert_false(decode("{\"name\":5}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_WRONG_TYPE);
	assert_false(decode("{\"name\":null}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_WRONG_TYPE);
	assert_false(decode("{\"name\":\"a\\tb\"}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_CONTROL_CHARACTER);
	assert_false(decode("{\"name\":\"ab\",\"count\":1.5}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_WRONG_TYPE);
	assert_false(decode("{\"name\":\"ab\",\"count\":11}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_OUT_OF_RANGE);
	assert_false(decode("{\"name\":\"ab\",\"flag\":1}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_WRONG_TYPE);
	assert_false(decode("{\"name\":\"ab\",\"list\":{}}", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_WRONG_TYPE);
	assert_false(decode("{\"name\":\"ab\",\"Name\":\"ab\"}", &s, &fe));
	assert_string_equal(fe.e[0].field, "Name");
	assert_int_equal(fe.e[0].code, FIELD_UNKNOWN);

	/* Every error at once, one per field. */
	assert_false(decode("{\"x\":1,\"name\":1,\"count\":0}", &s, &fe));
	assert_int_equal(fe.n, 3);
	assert_false(decode("[]", &s, &fe));
	assert_int_equal(fe.e[0].code, FIELD_NOT_OBJECT);
}

static void
utf8_chars(void **state)
{
	(void)state;
	assert_int_equal(json_utf8_chars(""), 0);
	assert_int_equal(json_utf8_chars("abc"), 3);
	assert_int_equal(json_utf8_chars("\xd2\x9b\xd3\x99"), 2);
	assert_int_equal(json_utf8_chars("\xf0\x9f\x98\x80"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepted),
		cmocka_unit_test(refused),
		cmocka_unit_test(duplicate_path_is_named),
		cmocka_unit_test(decoded),
		cmocka_unit_test(field_errors),
		cmocka_unit_test(utf8_chars),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
