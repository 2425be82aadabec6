/*
 * Prometheus metrics kept in memory that every worker shares (Kore's workers
 * are processes): requests by route and status, a latency histogram by
 * route, and the database pool of each worker.  Counters are atomic.
 */
#ifndef BQ_METRICS_H
#define BQ_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "bq/routes.h"
#include "bq/strbuf.h"

#define METRICS_WORKERS_MAX 64
#define METRICS_BUCKETS 12

/* The statuses we count one by one; any other lands in "other". */
#define METRICS_STATUSES 24

struct metrics_route {
	uint64_t status[METRICS_STATUSES];
	uint64_t bucket[METRICS_BUCKETS];
	uint64_t count;
	uint64_t sum_us;
};

struct metrics_worker {
	int64_t db_busy; /* queries on a connection now */
	int64_t db_waiting; /* requests queued for a connection */
	uint64_t db_timeouts; /* queries given up at the deadline */
	uint64_t db_failures; /* connections lost or refused */
	uint64_t password_hashings; /* argon2id tasks started */
	int64_t standby_up; /* the standby answers its probe (api/replica.c) */
	int64_t standby_lag_ms; /* how far behind it is, in time */
	uint64_t standby_reads; /* statements the standby answered */
	uint64_t standby_fallbacks; /* ... it failed, asked of the primary */
};

struct metrics {
	uint64_t started;
	uint64_t log_lost; /* access log lines that could not be written */
	struct metrics_route route[ROUTE__MAX];
	struct metrics_worker worker[METRICS_WORKERS_MAX];
};

extern const int metrics_statuses[METRICS_STATUSES];
extern const double metrics_bounds[METRICS_BUCKETS];

void metrics_request(struct metrics *, enum route_id, int, uint64_t);
void metrics_add(int64_t *, int64_t);
void metrics_count(uint64_t *);
void metrics_render(const struct metrics *, int, struct strbuf *);

#endif
