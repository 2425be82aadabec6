/*
 * PostgreSQL writes json as {"id" : 1, "a" : [1, 2]}, cJSON as
 * {"id":1,"a":[1,2]}: the answers the database builds and the ones the
 * edge builds looked different.  json_compact rewrites the first into
 * the second in place, in one pass: whitespace outside strings goes,
 * strings (escapes included) are kept byte for byte.  The input is JSON
 * the database made; for any other input it still only removes
 * whitespace outside what it reads as strings.
 */

#include "bq/jsoncompact.h"

/* Compacts s (len bytes) in place; the new length, NUL-terminated when
 * there is room. */
size_t
json_compact(char *s, size_t len)
{
	size_t i, out;
	int in_string, escaped;

	out = 0;
	in_string = escaped = 0;
	for (i = 0; i < len; i++) {
		char ch = s[i];

		if (in_string) {
			if (escaped)
				escaped = 0;
			else if (ch == '\\')
				escaped = 1;
			else if (ch == '"')
				in_string = 0;
		} else if (ch == '"') {
			in_string = 1;
		} else if (ch == ' ' || ch == '\n' || ch == '\r' ||
		    ch == '\t') {
			continue;
		}
		s[out++] = ch;
	}
	if (out < len)
		s[out] = '\0';

	return (out);
}
