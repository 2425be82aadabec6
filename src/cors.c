/*
 * Browsers may call the API only from origins the operator lists
 * (BQ_CORS_ORIGINS, comma separated, exact "scheme://host[:port]"); "*"
 * allows any, which is safe for a bearer-token API but is the operator's
 * call to make.
 */

#include <stdlib.h>
#include <string.h>

#include "bq/cors.h"

int
cors_parse(struct cors *c, const char *list)
{
	const char *p, *end;
	size_t len;

	memset(c, 0, sizeof(*c));
	if (list == NULL)
		return (1);

	for (p = list; *p != '\0'; p = (*end == ',') ? end + 1 : end) {
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		while (p < end && *p == ' ')
			p++;
		len = (size_t)(end - p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len == 0)
			continue;
		if (len == 1 && *p == '*') {
			c->any = 1;
			continue;
		}
		if (c->n == CORS_ORIGINS_MAX ||
		    (strncmp(p, "http://", 7) != 0 &&
			strncmp(p, "https://", 8) != 0) ||
		    p[len - 1] == '/' || memchr(p, ' ', len) != NULL)
			goto fail;
		if ((c->origins[c->n] = strndup(p, len)) == NULL)
			goto fail;
		c->n++;
	}

	return (1);

fail:
	cors_free(c);
	return (0);
}

int
cors_allowed(const struct cors *c, const char *origin)
{
	int i;

	if (origin == NULL || origin[0] == '\0')
		return (0);
	if (c->any)
		return (1);
	for (i = 0; i < c->n; i++) {
		if (strcmp(c->origins[i], origin) == 0)
			return (1);
	}

	return (0);
}

void
cors_free(struct cors *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->origins[i]);
	memset(c, 0, sizeof(*c));
}
