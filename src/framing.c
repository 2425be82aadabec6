/*
 * A request with a body method but neither Content-Length nor
 * Transfer-Encoding has a body of length zero (RFC 9112, 6.3), which is what
 * `curl -X POST` sends; Kore 4.1 refuses it with an empty 411 before any
 * handler.  This reads the header block as Kore will (the first CR LF CR LF,
 * else LF LF; header names before a colon, case-insensitive) so the edge can
 * add the length Kore wants.  Nothing here allocates.
 */

#include <string.h>
#include <strings.h>

#include "bq/framing.h"

static const uint8_t *
find(const uint8_t *buf, size_t len, const char *pat, size_t plen)
{
	size_t i;

	if (len < plen)
		return (NULL);
	for (i = 0; i + plen <= len; i++) {
		if (memcmp(buf + i, pat, plen) == 0)
			return (buf + i);
	}

	return (NULL);
}

static int
is_method(const uint8_t *line, size_t len, const char *m)
{
	size_t n = strlen(m);

	return (len > n && line[n] == ' ' &&
	    strncasecmp((const char *)line, m, n) == 0);
}

static int
is_header(const uint8_t *line, size_t len, const char *name)
{
	size_t n = strlen(name);

	return (len > n && line[n] == ':' &&
	    strncasecmp((const char *)line, name, n) == 0);
}

/* A Content-Length line's value holds a digit other than 0 (or no digit
 * at all: Kore refuses that itself). */
static int
nonzero(const uint8_t *line, size_t len)
{
	size_t i;

	for (i = strlen("content-length:"); i < len; i++) {
		if (line[i] >= '1' && line[i] <= '9')
			return (1);
	}

	return (0);
}

int
framing_scan(const uint8_t *buf, size_t len, struct framing *f)
{
	const uint8_t *end, *line, *nl;
	size_t rest;

	memset(f, 0, sizeof(*f));
	f->crlf = 1;
	if ((end = find(buf, len, "\r\n\r\n", 4)) == NULL) {
		if ((end = find(buf, len, "\n\n", 2)) == NULL)
			return (0);
		f->crlf = 0;
	}
	/* The empty line starts after the last header's line end. */
	f->end = (size_t)(end - buf) + (f->crlf ? 2 : 1);

	for (line = buf; line < buf + f->end; line = nl + 1) {
		rest = (size_t)(buf + f->end - line);
		if ((nl = memchr(line, '\n', rest)) == NULL)
			break;
		rest = (size_t)(nl - line);
		if (line == buf) {
			f->body_method = is_method(line, rest, "post") ||
			    is_method(line, rest, "put") ||
			    is_method(line, rest, "patch");
			continue;
		}
		if (is_header(line, rest, "content-length")) {
			f->lengths += f->has_length;
			f->has_length = 1;
			f->length_nonzero |= nonzero(line, rest);
		} else if (is_header(line, rest, "transfer-encoding"))
			f->has_transfer_coding = 1;
	}

	return (1);
}

enum framing_refusal
framing_refusal(const struct framing *f)
{
	if (f->lengths > 0)
		return (FRAMING_LENGTH_TWICE);
	if (f->body_method)
		return (f->has_transfer_coding ? FRAMING_CHUNKED : FRAMING_OK);
	if (f->has_transfer_coding || f->length_nonzero)
		return (FRAMING_BODY_UNEXPECTED);

	return (FRAMING_OK);
}

int
framing_needs_length(const struct framing *f)
{
	return (f->body_method && !f->has_length);
}

size_t
framing_add_length(
    uint8_t *buf, size_t len, size_t cap, const struct framing *f)
{
	const char *add;
	size_t n;

	add = f->crlf ? "content-length: 0\r\n" : "content-length: 0\n";
	n = strlen(add);
	if (f->end > len || cap < len || cap - len < n)
		return (0);
	memmove(buf + f->end + n, buf + f->end, len - f->end);
	memcpy(buf + f->end, add, n);

	return (len + n);
}
