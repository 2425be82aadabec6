/*
 * libFuzzer: the strict JSON reader and the field decoder of bodies, and
 * json_compact: what it makes of a valid document reads back the same.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bq/json.h"
#include "bq/jsoncompact.h"

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

static void
same_when_compact(const char *data, size_t len, const cJSON *doc)
{
	cJSON *again;
	char *copy;
	size_t n;

	if ((copy = malloc(len + 1)) == NULL)
		return;
	memcpy(copy, data, len);
	copy[len] = '\0';
	n = json_compact(copy, len);
	again = cJSON_ParseWithLength(copy, n);
	if (again == NULL || !cJSON_Compare(doc, again, 1))
		abort();
	cJSON_Delete(again);
	free(copy);
}

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
	if (doc != NULL)
		same_when_compact((const char *)data, len, doc);
	cJSON_Delete(doc);

	return (0);
}
