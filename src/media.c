/*
 * Uploaded files are taken at their content's word, not the header's: a
 * PDF starts with "%PDF-", a JPEG with FF D8 FF, a PNG with its 8-byte
 * signature.  A declared type that the bytes do not bear out is refused.
 */

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "bq/media.h"

static const struct {
	const char *type;
	const char *magic;
	size_t len;
} kinds[] = {
	{ "application/pdf", "%PDF-", 5 },
	{ "image/jpeg", "\xff\xd8\xff", 3 },
	{ "image/png", "\x89PNG\r\n\x1a\n", 8 },
};

const char *
media_sniff(const void *data, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (len >= kinds[i].len &&
		    memcmp(data, kinds[i].magic, kinds[i].len) == 0)
			return (kinds[i].type);
	}

	return (NULL);
}

/* A Content-Type header names type, parameters aside, in any case. */
int
media_type_is(const char *header, const char *type)
{
	size_t n;

	if (header == NULL)
		return (0);
	n = strlen(type);
	if (strncasecmp(header, type, n) != 0)
		return (0);
	header += n;
	while (*header == ' ' || *header == '\t')
		header++;

	return (*header == '\0' || *header == ';');
}
