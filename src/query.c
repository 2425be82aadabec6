/*
 * Query strings: name=value pairs split on '&', percent-decoded, '+' as a
 * space.  A parameter we do not know, a name given twice, a value that is
 * not UTF-8-clean text or not a number where one is wanted, is an error
 * naming the parameter, as in a JSON body.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bq/json.h"
#include "bq/query.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Decodes [p, end) into out: 1, or 0 on a bad escape or a NUL, or -1
 * when it does not fit. */
static int
decode(const char *p, const char *end, char *out, size_t outlen)
{
	size_t n;
	int hi, lo;

	for (n = 0; p < end; p++) {
		if (n + 1 >= outlen)
			return (-1);
		if (*p == '+') {
			out[n++] = ' ';
		} else if (*p == '%') {
			if (end - p < 3 || (hi = hexval(p[1])) < 0 ||
			    (lo = hexval(p[2])) < 0 || (hi == 0 && lo == 0))
				return (0);
			out[n++] = (char)(hi << 4 | lo);
			p += 2;
		} else {
			out[n++] = *p;
		}
	}
	out[n] = '\0';

	return (1);
}

/* 1 found (decoded into out), 0 absent, -1 malformed, -2 too long. */
int
query_get(const char *qs, const char *name, char *out, size_t outlen)
{
	const char *p, *end, *eq;
	char key[QUERY_VALUE_MAX];

	for (p = qs; p != NULL && *p != '\0';
	     p = (*end == '&') ? end + 1 : end) {
		if ((end = strchr(p, '&')) == NULL)
			end = p + strlen(p);
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			eq = end;
		if (decode(p, eq, key, sizeof(key)) != 1)
			continue;
		if (strcmp(key, name) != 0)
			continue;
		if (eq == end) {
			out[0] = '\0';
			return (1);
		}
		switch (decode(eq + 1, end, out, outlen)) {
		case 1:
			return (1);
		case 0:
			return (-1);
		default:
			return (-2);
		}
	}

	return (0);
}

/* Every parameter is one of names, and none is given twice. */
int
query_known(const char *qs, const char *const *names, struct field_errors *fe)
{
	const char *p, *end, *eq, *q, *qend;
	char key[QUERY_VALUE_MAX], other[QUERY_VALUE_MAX];
	size_t before, i;

	before = fe->n + fe->dropped;
	for (p = qs; p != NULL && *p != '\0';
	     p = (*end == '&') ? end + 1 : end) {
		if ((end = strchr(p, '&')) == NULL)
			end = p + strlen(p);
		if (end == p)
			continue;
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			eq = end;
		if (decode(p, eq, key, sizeof(key)) != 1) {
			field_errors_add(fe, "query", FIELD_INVALID_FORMAT);
			continue;
		}
		for (i = 0; names[i] != NULL; i++) {
			if (strcmp(key, names[i]) == 0)
				break;
		}
		if (names[i] == NULL) {
			field_errors_add(fe, key, FIELD_UNKNOWN);
			continue;
		}
		for (q = end; *q != '\0';
		     q = (*qend == '&') ? qend + 1 : qend) {
			if (*q == '&') {
				qend = q;
				continue;
			}
			if ((qend = strchr(q, '&')) == NULL)
				qend = q + strlen(q);
			if ((eq = memchr(q, '=', (size_t)(qend - q))) == NULL)
				eq = qend;
			if (decode(q, eq, other, sizeof(other)) == 1 &&
			    strcmp(key, other) == 0) {
				field_errors_add(fe, key, FIELD_DUPLICATE_KEY);
				break;
			}
		}
	}

	return (fe->n + fe->dropped == before);
}

/* An integer parameter in [min, max]; absent leaves *out as it is. */
int
query_int(const char *qs, const char *name, long min, long max, long *out,
    struct field_errors *fe)
{
	char buf[32], *end;
	long v;
	int r;

	if ((r = query_get(qs, name, buf, sizeof(buf))) == 0)
		return (1);
	if (r < 0 || buf[0] == '\0' || buf[0] == '+' || buf[0] == ' ') {
		field_errors_add(fe, name, FIELD_INVALID_FORMAT);
		return (0);
	}
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno != 0 || *end != '\0') {
		field_errors_add(fe, name, FIELD_INVALID_FORMAT);
		return (0);
	}
	if (v < min || v > max) {
		field_errors_add(fe, name, FIELD_OUT_OF_RANGE);
		return (0);
	}
	*out = v;

	return (1);
}

/* A boolean parameter: true or false. */
int
query_bool(const char *qs, const char *name, int *out, struct field_errors *fe)
{
	char buf[8];
	int r;

	if ((r = query_get(qs, name, buf, sizeof(buf))) == 0)
		return (1);
	if (r > 0 && strcmp(buf, "true") == 0)
		*out = 1;
	else if (r > 0 && strcmp(buf, "false") == 0)
		*out = 0;
	else {
		field_errors_add(fe, name, FIELD_INVALID_VALUE);
		return (0);
	}

	return (1);
}

static int
coordinate(const char *s, const char *end, double min, double max, double *out)
{
	char buf[32], *stop;
	size_t n;

	n = (size_t)(end - s);
	if (n == 0 || n >= sizeof(buf))
		return (0);
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (strspn(buf, "0123456789.-") != n)
		return (0);
	errno = 0;
	*out = strtod(buf, &stop);

	return (errno == 0 && *stop == '\0' && isfinite(*out) && *out >= min &&
	    *out <= max);
}

/* A point, "lat,lon" in degrees. */
int
query_point(const char *qs, const char *name, int *set, double *lat,
    double *lon, struct field_errors *fe)
{
	char buf[QUERY_VALUE_MAX], *comma;
	int r;

	*set = 0;
	if ((r = query_get(qs, name, buf, sizeof(buf))) == 0)
		return (1);
	if (r < 0 || (comma = strchr(buf, ',')) == NULL ||
	    !coordinate(buf, comma, -90, 90, lat) ||
	    !coordinate(
		comma + 1, comma + 1 + strlen(comma + 1), -180, 180, lon)) {
		field_errors_add(fe, name, FIELD_INVALID_FORMAT);
		return (0);
	}
	*set = 1;

	return (1);
}

/*
 * A text parameter of at most max characters, UTF-8, without control
 * characters: 1 present, 0 absent, -1 refused (the error added).
 */
int
query_text(const char *qs, const char *name, size_t max, char *out,
    size_t outlen, struct field_errors *fe)
{
	const unsigned char *p;
	int r;

	out[0] = '\0';
	if ((r = query_get(qs, name, out, outlen)) == 0)
		return (0);
	if (r < 0) {
		field_errors_add(
		    fe, name, r == -2 ? FIELD_TOO_LONG : FIELD_INVALID_FORMAT);
		return (-1);
	}
	for (p = (const unsigned char *)out; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			field_errors_add(fe, name, FIELD_CONTROL_CHARACTER);
			return (-1);
		}
	}
	if (json_utf8_chars(out) > max) {
		field_errors_add(fe, name, FIELD_TOO_LONG);
		return (-1);
	}
	if (!json_utf8_valid(out)) {
		field_errors_add(fe, name, FIELD_INVALID_UTF8);
		return (-1);
	}

	return (1);
}
