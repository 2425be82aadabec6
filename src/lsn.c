/* pg_lsn's text form, read and written without a database. */

#include <stdio.h>

#include "bq/lsn.h"

static int
hex_part(const char **s, uint32_t *out, char end)
{
	const char *p = *s;
	uint32_t v = 0;
	int n, d;

	for (n = 0; *p != end; p++, n++) {
		if (n == 8)
			return (0);
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else
			return (0);
		v = v << 4 | (uint32_t)d;
	}
	if (n == 0)
		return (0);
	*out = v;
	*s = p;

	return (1);
}

int
lsn_parse(const char *s, uint64_t *out)
{
	uint32_t hi, lo;

	if (s == NULL || !hex_part(&s, &hi, '/'))
		return (0);
	s++;
	if (!hex_part(&s, &lo, '\0'))
		return (0);
	*out = (uint64_t)hi << 32 | lo;

	return (1);
}

void
lsn_format(uint64_t lsn, char *out, size_t len)
{
	(void)snprintf(out, len, "%X/%X", (unsigned)(lsn >> 32),
	    (unsigned)(lsn & 0xffffffffu));
}
