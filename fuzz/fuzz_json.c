/* libFuzzer: the strict JSON reader and the field decoder of bodies. */

#include <stddef.h>
#include <stdint.h>

#include "bq/json.h"

struct body {
	const char *s;
	int b;
	int64_t n;
	const cJSON *a;
	const cJSON *o;
	const cJSON *any;
};

static const struct json_field fields[] = {
	{ "s", JSON_T_STRING, offsetof(struct body, s), JSON_REQUIRED, 1, 64 },
	{ "b", JSON_T_BOOL, offsetof(struct body, b), 0, 0, 0 },
	{ "n", JSON_T_INT, offsetof(struct body, n), JSON_NULLABLE, -5, 5000 },
	{ "a", JSON_T_ARRAY, offsetof(struct body, a), 0, 0, 0 },
	{ "o", JSON_T_OBJECT, offsetof(struct body, o), 0, 0, 0 },
	{ "any", JSON_T_ANY, offsetof(struct body, any), 0, 0, 0 },
};

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct field_errors fe = { 0 };
	struct body b = { 0 };
	cJSON *doc = NULL;

	if (json_parse_strict((const char *)data, len, &doc, &fe)) {
		(void)json_decode(
		    doc, fields, JSON_FIELD_COUNT(fields), &b, &fe);
		if (b.s != NULL)
			(void)json_utf8_chars(b.s);
	}
	cJSON_Delete(doc);

	return (0);
}
