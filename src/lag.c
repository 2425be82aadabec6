/* A standby's lag in time, from samples of the primary's WAL position. */

#include <string.h>

#include "bq/lag.h"

void
lag_init(struct lag *l)
{
	memset(l, 0, sizeof(*l));
}

void
lag_primary(struct lag *l, uint64_t at_ms, uint64_t lsn)
{
	size_t last;

	/* The first moment a position was seen is the one that counts. */
	if (l->n > 0) {
		last = (l->first + l->n - 1) % LAG_SAMPLES;
		if (lsn <= l->s[last].lsn)
			return;
	}
	if (l->n == LAG_SAMPLES) {
		l->first = (l->first + 1) % LAG_SAMPLES;
		l->n--;
	}
	l->s[(l->first + l->n) % LAG_SAMPLES].at_ms = at_ms;
	l->s[(l->first + l->n) % LAG_SAMPLES].lsn = lsn;
	l->n++;
}

uint64_t
lag_behind(struct lag *l, uint64_t now_ms, uint64_t replay)
{
	while (l->n > 0 && l->s[l->first].lsn <= replay) {
		l->first = (l->first + 1) % LAG_SAMPLES;
		l->n--;
	}
	if (l->n == 0 || now_ms <= l->s[l->first].at_ms)
		return (0);

	return (now_ms - l->s[l->first].at_ms);
}
