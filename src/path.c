/*
 * Path segments, counted from 0 after the leading slash:
 * "/v1/children/ID/photo" has "v1", "children", ID, "photo".  An id that is
 * not a UUID names nothing, and the caller answers 404.
 */

#include <ctype.h>
#include <string.h>

#include "bq/path.h"
#include "bq/token.h"

int
path_segment(const char *path, int index, char *out, size_t outlen)
{
	const char *p, *end;
	size_t n;
	int i;

	if (path == NULL || *path != '/')
		return (0);
	p = path + 1;
	for (i = 0; i < index; i++) {
		if ((p = strchr(p, '/')) == NULL)
			return (0);
		p++;
	}
	if ((end = strchr(p, '/')) == NULL)
		end = p + strlen(p);
	n = (size_t)(end - p);
	if (n == 0 || n >= outlen)
		return (0);
	memcpy(out, p, n);
	out[n] = '\0';

	return (1);
}

/* Lower-cases s in place; whether it is then a UUID. */
int
uuid_lower(char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		s[i] = (char)tolower((unsigned char)s[i]);

	return (token_uuid_valid(s));
}

/* A UUID as a client may write it, lower-cased into out (TOKEN_ID_MAX
 * bytes or more); whether it is one. */
int
uuid_copy(const char *in, char *out, size_t outlen)
{
	if (in == NULL || outlen < TOKEN_ID_MAX || strlen(in) != 36)
		return (0);
	memcpy(out, in, TOKEN_ID_MAX);

	return (uuid_lower(out));
}

/* A UUID segment, lower-cased; out: TOKEN_ID_MAX bytes. */
int
path_uuid(const char *path, int index, char *out, size_t outlen)
{
	return (path_segment(path, index, out, outlen) && uuid_lower(out));
}
