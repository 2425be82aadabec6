/*
 * How far behind a standby is, in time: the primary's WAL position is
 * sampled now and then; a standby that has replayed up to R is as far
 * behind as the oldest sample past R is old.  PostgreSQL's own measures
 * do not serve: now() - pg_last_xact_replay_timestamp() grows on an idle
 * primary, and pg_stat_replication.replay_lag is NULL when caught up and
 * only seen on the primary.
 */
#ifndef BQ_LAG_H
#define BQ_LAG_H

#include <stddef.h>
#include <stdint.h>

/* 100 s of samples taken every 100 ms: past any bound (60 s at most). */
#define LAG_SAMPLES 1024

struct lag_sample {
	uint64_t at_ms;
	uint64_t lsn;
};

struct lag {
	struct lag_sample s[LAG_SAMPLES];
	size_t first; /* the oldest sample kept */
	size_t n;
};

void lag_init(struct lag *);

/* The primary was at lsn at at_ms (kept when it moved on). */
void lag_primary(struct lag *, uint64_t, uint64_t);

/*
 * A standby has replayed up to replay: how many ms behind it is at now_ms
 * (0 when it has everything sampled).  Forgets the samples it has.
 */
uint64_t lag_behind(struct lag *, uint64_t, uint64_t);

#endif
