/*
 * A growable buffer.  An allocation failure sets `failed' and stops further
 * appends, so callers check once at the end instead of at every append.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bq/strbuf.h"

void
strbuf_init(struct strbuf *sb)
{
	memset(sb, 0, sizeof(*sb));
}

static int
reserve(struct strbuf *sb, size_t more)
{
	size_t cap;
	char *p;

	if (sb->failed)
		return (0);
	if (sb->len + more + 1 <= sb->cap)
		return (1);

	cap = sb->cap ? sb->cap : 256;
	while (cap < sb->len + more + 1)
		cap *= 2;
	if ((p = realloc(sb->data, cap)) == NULL) {
		sb->failed = 1;
		return (0);
	}
	sb->data = p;
	sb->cap = cap;

	return (1);
}

void
strbuf_append(struct strbuf *sb, const void *data, size_t len)
{
	if (!reserve(sb, len))
		return;
	memcpy(sb->data + sb->len, data, len);
	sb->len += len;
	sb->data[sb->len] = '\0';
}

void
strbuf_appendf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		sb->failed = 1;
		return;
	}
	if (!reserve(sb, (size_t)n))
		return;

	va_start(ap, fmt);
	(void)vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void
strbuf_free(struct strbuf *sb)
{
	if (sb == NULL)
		return;
	free(sb->data);
	strbuf_init(sb);
}

/*
 * Appends text with each occurrence of placeholder replaced by value: the
 * sender's part of a message the database wrote (the portal's address).
 */
void
strbuf_append_filled(struct strbuf *b, const char *text,
    const char *placeholder, const char *value)
{
	const char *p;
	size_t n = strlen(placeholder);

	while (n > 0 && (p = strstr(text, placeholder)) != NULL) {
		strbuf_append(b, text, (size_t)(p - text));
		strbuf_append(b, value, strlen(value));
		text = p + n;
	}
	strbuf_append(b, text, strlen(text));
}
