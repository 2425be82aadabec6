/* The route table that routes.h declares once. */

#include <stdio.h>
#include <string.h>

#include "bq/routes.h"
#include "bq/vocab.h"

#define ROUTE_ENTRY(id, path, methods, roles) \
	[ROUTE_##id] = { path, methods, roles },
const struct route routes[ROUTE__MAX] = { BQ_ROUTES(ROUTE_ENTRY) };
#undef ROUTE_ENTRY

/* The Allow header for a 405: the route's methods, and OPTIONS for CORS. */
int
route_allow_header(int methods, char *out, size_t outlen)
{
	static const struct {
		int bit;
		const char *name;
	} names[] = {
		{ ROUTE_M_GET, "GET, HEAD" },
		{ ROUTE_M_POST, "POST" },
		{ ROUTE_M_PUT, "PUT" },
		{ ROUTE_M_PATCH, "PATCH" },
		{ ROUTE_M_DELETE, "DELETE" },
	};
	size_t i, len;
	int n;

	len = 0;
	out[0] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(methods & names[i].bit))
			continue;
		n = snprintf(out + len, outlen - len, "%s, ", names[i].name);
		if (n < 0 || (size_t)n >= outlen - len)
			return (0);
		len += (size_t)n;
	}
	n = snprintf(out + len, outlen - len, "OPTIONS");

	return (n > 0 && (size_t)n < outlen - len);
}

/* The role bit of a role's name; 0 for none we know.  ROUTE_R_* are the
 * bits of bq.role's labels in their order (vocab_role). */
int
route_role_bit(const char *role)
{
	int i;

	if ((i = vocab_index(&vocab_role, role)) < 0)
		return (0);

	return (1 << i);
}

/*
 * The reads that may be a moment stale, served by a standby while it is
 * within BQ_READ_LAG_MS (api/replica.c): what everyone reads and nobody
 * has just written, the catalogue, the public queue, statistics,
 * reference lists, and the forecast, an estimate anyway.
 */
int
route_stale_ok(enum route_id id)
{
	switch (id) {
	case ROUTE_REGIONS:
	case ROUTE_REFERENCE:
	case ROUTE_KINDERGARTENS:
	case ROUTE_KINDERGARTEN:
	case ROUTE_QUEUE:
	case ROUTE_STATS_QUEUE:
	case ROUTE_STATS_VOUCHERS:
	case ROUTE_STATS_POPULAR:
	case ROUTE_APPLICATION_FORECAST:
		return (1);
	default:
		return (0);
	}
}
