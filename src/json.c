/*
 * Strict JSON for request bodies.  The raw text is scanned once for what
 * cJSON lets through (invalid UTF-8, "\u0000", lone surrogates, control
 * characters in strings, deep nesting); cJSON builds the tree; a walk of
 * the tree refuses duplicate keys and numbers that overflow a double.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bq/json.h"

/* Length of the UTF-8 sequence at p, or 0 when it is not well formed. */
static size_t
utf8_sequence(const unsigned char *p, size_t left)
{
	unsigned int cp;
	size_t n, i;

	if (p[0] < 0x80)
		return (1);
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if (left < n)
		return (0);

	cp = p[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return (0);

	return (n);
}

static int
hex4(const char *p, size_t left, unsigned int *out)
{
	unsigned int v;
	size_t i;
	char c;

	if (left < 4)
		return (0);
	v = 0;
	for (i = 0; i < 4; i++) {
		c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned int)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned int)(c - 'A' + 10);
		else
			return (0);
	}
	*out = v;

	return (1);
}

/* Scans a string from its opening quote; returns the index after it. */
static size_t
scan_string(const char *s, size_t len, size_t i, enum field_code *err)
{
	unsigned int cp, lo;
	size_t n;

	for (i++; i < len; i += n) {
		if (s[i] == '"')
			return (i + 1);
		if ((unsigned char)s[i] < 0x20) {
			*err =
			    (s[i] == '\0') ? FIELD_NUL_CHARACTER : FIELD_SYNTAX;
			return (len);
		}
		if (s[i] != '\\') {
			if ((n = utf8_sequence(
				 (const unsigned char *)s + i, len - i)) == 0) {
				*err = FIELD_INVALID_UTF8;
				return (len);
			}
			continue;
		}
		if (i + 1 >= len || s[i + 1] != 'u') {
			n = 2;
			continue;
		}
		if (!hex4(s + i + 2, len - i - 2, &cp)) {
			*err = FIELD_SYNTAX;
			return (len);
		}
		n = 6;
		if (cp == 0) {
			*err = FIELD_NUL_CHARACTER;
			return (len);
		}
		if (cp >= 0xdc00 && cp <= 0xdfff) {
			*err = FIELD_INVALID_UTF8;
			return (len);
		}
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (len - i < 12 || s[i + 6] != '\\' ||
			    s[i + 7] != 'u' ||
			    !hex4(s + i + 8, len - i - 8, &lo) || lo < 0xdc00 ||
			    lo > 0xdfff) {
				*err = FIELD_INVALID_UTF8;
				return (len);
			}
			n = 12;
		}
	}

	*err = FIELD_SYNTAX;
	return (len);
}

static int
prescan(const char *s, size_t len, enum field_code *err)
{
	size_t i;
	int depth;

	*err = FIELD__MAX;
	depth = 0;
	for (i = 0; i < len && *err == FIELD__MAX;) {
		switch (s[i]) {
		case '\0':
			*err = FIELD_NUL_CHARACTER;
			break;
		case '"':
			i = scan_string(s, len, i, err);
			continue;
		case '{':
		case '[':
			if (++depth > JSON_DEPTH_MAX)
				*err = FIELD_TOO_DEEP;
			break;
		case '}':
		case ']':
			depth--;
			break;
		default:
			if ((unsigned char)s[i] >= 0x80)
				*err = FIELD_INVALID_UTF8;
			break;
		}
		i++;
	}

	return (*err == FIELD__MAX);
}

static void
path_join(
    char *out, size_t outlen, const char *base, const cJSON *item, int index)
{
	if (item->string != NULL)
		(void)snprintf(out, outlen, "%s%s%s", base,
		    base[0] != '\0' ? "." : "", item->string);
	else
		(void)snprintf(out, outlen, "%s[%d]", base, index);
}

/* Duplicate keys and numbers out of a double's range, depth first. */
static int
walk(const cJSON *node, const char *path, struct field_errors *fe)
{
	const cJSON *a, *b;
	char sub[FIELD_NAME_MAX * 2];
	int i;

	if (cJSON_IsNumber(node) && !isfinite(node->valuedouble)) {
		field_errors_add(fe, path, FIELD_OUT_OF_RANGE);
		return (0);
	}
	if (!cJSON_IsObject(node) && !cJSON_IsArray(node))
		return (1);

	i = 0;
	for (a = node->child; a != NULL; a = a->next, i++) {
		/* Bounds the quadratic duplicate check below. */
		if (cJSON_IsObject(node) && i == JSON_MEMBERS_MAX) {
			field_errors_add(fe, path, FIELD_TOO_LONG);
			return (0);
		}
		if (cJSON_IsObject(node)) {
			for (b = a->next; b != NULL; b = b->next) {
				if (strcmp(a->string, b->string) == 0) {
					path_join(sub, sizeof(sub), path, a, i);
					field_errors_add(
					    fe, sub, FIELD_DUPLICATE_KEY);
					return (0);
				}
			}
		}
		path_join(sub, sizeof(sub), path, a, i);
		if (!walk(a, sub, fe))
			return (0);
	}

	return (1);
}

int
json_parse_strict(
    const char *data, size_t len, cJSON **out, struct field_errors *fe)
{
	enum field_code err;
	const char *end;
	cJSON *root;

	*out = NULL;
	end = data;
	while (end < data + len &&
	    (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r'))
		end++;
	if (end == data + len) {
		field_errors_add(fe, "body", FIELD_EMPTY);
		return (0);
	}
	if (!prescan(data, len, &err)) {
		field_errors_add(fe, "body", err);
		return (0);
	}

	end = NULL;
	if ((root = cJSON_ParseWithLengthOpts(data, len, &end, 0)) == NULL) {
		field_errors_add(fe, "body", FIELD_SYNTAX);
		return (0);
	}
	while (end < data + len &&
	    (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r'))
		end++;
	if (end != data + len) {
		cJSON_Delete(root);
		field_errors_add(fe, "body", FIELD_TRAILING_DATA);
		return (0);
	}
	if (!walk(root, "", fe)) {
		cJSON_Delete(root);
		return (0);
	}

	*out = root;
	return (1);
}

/* Whether a NUL-terminated string is well-formed UTF-8. */
int
json_utf8_valid(const char *s)
{
	size_t left, n;

	for (left = strlen(s); left > 0; s += n, left -= n) {
		if ((n = utf8_sequence((const unsigned char *)s, left)) == 0)
			return (0);
	}

	return (1);
}

size_t
json_utf8_chars(const char *s)
{
	size_t n;

	for (n = 0; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}

	return (n);
}

static int
string_ok(const char *s, int flags, enum field_code *code)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			continue;
		if ((flags & JSON_MULTILINE) &&
		    (*s == '\n' || *s == '\r' || *s == '\t'))
			continue;
		*code = FIELD_CONTROL_CHARACTER;
		return (0);
	}

	return (1);
}

static int
decode_one(const cJSON *item, const struct json_field *f, char *out,
    enum field_code *code)
{
	size_t chars;
	double v;

	switch (f->type) {
	case JSON_T_STRING:
		if (!cJSON_IsString(item))
			break;
		if (!string_ok(item->valuestring, f->flags, code))
			return (0);
		chars = json_utf8_chars(item->valuestring);
		if ((int64_t)chars < f->min) {
			*code = FIELD_TOO_SHORT;
			return (0);
		}
		if (f->max > 0 && (int64_t)chars > f->max) {
			*code = FIELD_TOO_LONG;
			return (0);
		}
		*(const char **)(void *)(out + f->offset) = item->valuestring;
		return (1);
	case JSON_T_BOOL:
		if (!cJSON_IsBool(item))
			break;
		*(int *)(void *)(out + f->offset) = cJSON_IsTrue(item);
		return (1);
	case JSON_T_INT:
		if (!cJSON_IsNumber(item))
			break;
		v = item->valuedouble;
		if (v != floor(v))
			break;
		if (v < (double)f->min || v > (double)f->max) {
			*code = FIELD_OUT_OF_RANGE;
			return (0);
		}
		*(int64_t *)(void *)(out + f->offset) = (int64_t)v;
		return (1);
	case JSON_T_ARRAY:
		if (!cJSON_IsArray(item))
			break;
		*(const cJSON **)(void *)(out + f->offset) = item;
		return (1);
	case JSON_T_ANY:
		*(const cJSON **)(void *)(out + f->offset) = item;
		return (1);
	case JSON_T_OBJECT:
		if (!cJSON_IsObject(item))
			break;
		*(const cJSON **)(void *)(out + f->offset) = item;
		return (1);
	}

	*code = FIELD_WRONG_TYPE;
	return (0);
}

int
json_decode(const cJSON *obj, const struct json_field *spec, size_t n,
    void *out, struct field_errors *fe)
{
	const cJSON *item;
	enum field_code code;
	size_t i, before;

	before = fe->n + fe->dropped;
	if (!cJSON_IsObject(obj)) {
		field_errors_add(fe, "body", FIELD_NOT_OBJECT);
		return (0);
	}

	for (item = obj->child; item != NULL; item = item->next) {
		for (i = 0; i < n; i++) {
			if (strcmp(item->string, spec[i].name) == 0)
				break;
		}
		if (i == n)
			field_errors_add(fe, item->string, FIELD_UNKNOWN);
	}

	for (i = 0; i < n; i++) {
		if (spec[i].type == JSON_T_BOOL)
			*(int *)(void *)((char *)out + spec[i].offset) = -1;
		item = cJSON_GetObjectItemCaseSensitive(obj, spec[i].name);
		if (item == NULL ||
		    (cJSON_IsNull(item) && (spec[i].flags & JSON_NULLABLE))) {
			if (spec[i].flags & JSON_REQUIRED)
				field_errors_add(
				    fe, spec[i].name, FIELD_REQUIRED);
			continue;
		}
		if (!decode_one(item, &spec[i], out, &code))
			field_errors_add(fe, spec[i].name, code);
	}

	return (fe->n + fe->dropped == before);
}
