/*
 * Strict JSON for request bodies.  cJSON alone accepts duplicate keys,
 * invalid UTF-8, "\u0000" and 1e400; json_parse_strict refuses them, and
 * json_decode maps an object onto a C struct from a field table, refusing
 * unknown fields and wrong types with one error per field.
 */
#ifndef BQ_JSON_H
#define BQ_JSON_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "bq/problem.h"

#define JSON_DEPTH_MAX 16
#define JSON_MEMBERS_MAX 256

enum json_type {
	JSON_T_STRING, /* const char * into the parsed tree */
	JSON_T_BOOL, /* int: -1 absent, 0, 1 */
	JSON_T_INT, /* int64_t; absent leaves the struct's value */
	JSON_T_ARRAY, /* const cJSON *, checked by the caller */
	JSON_T_OBJECT, /* const cJSON *, checked by the caller */
	JSON_T_ANY /* const cJSON *, any value, null included */
};

#define JSON_REQUIRED 0x01
#define JSON_NULLABLE 0x02 /* null reads as absent */
#define JSON_MULTILINE 0x04 /* strings may hold \n, \r and \t */

struct json_field {
	const char *name;
	enum json_type type;
	size_t offset;
	int flags;
	int64_t min; /* characters of a string, or an integer's bounds */
	int64_t max;
};

#define JSON_FIELD_COUNT(a) (sizeof(a) / sizeof((a)[0]))
/* The field of a body named as member of struct type_ (a table's row). */
#define JSON_FIELD(type_, member, jtype, flags, min, max) \
	{ \
#member, jtype, offsetof(type_, member), flags, min, max \
	}

int json_parse_strict(const char *, size_t, cJSON **, struct field_errors *);
int json_decode(const cJSON *, const struct json_field *, size_t, void *,
    struct field_errors *);
size_t json_utf8_chars(const char *);
int json_utf8_valid(const char *);

#endif
