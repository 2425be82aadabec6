/*
 * Prometheus metrics in shared memory.  Workers add with relaxed atomics;
 * the scrape reads the same way, so a scrape may be a moment behind but
 * never torn.  Buckets are kept per bucket and summed when rendered.
 */

#include <string.h>

#include "bq/metrics.h"

const int metrics_statuses[METRICS_STATUSES] = { 200, 201, 202, 204, 301, 302,
	304, 400, 401, 403, 404, 405, 409, 410, 411, 413, 415, 422, 429, 500,
	502, 503, 504, 0 };

/* Upper bounds in seconds; the last bucket, +Inf, is the count. */
const double metrics_bounds[METRICS_BUCKETS] = { 0.001, 0.0025, 0.005, 0.01,
	0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5 };

static uint64_t
load(const uint64_t *p)
{
	return (__atomic_load_n(p, __ATOMIC_RELAXED));
}

void
metrics_count(uint64_t *p)
{
	(void)__atomic_fetch_add(p, 1, __ATOMIC_RELAXED);
}

void
metrics_add(int64_t *p, int64_t v)
{
	(void)__atomic_fetch_add(p, v, __ATOMIC_RELAXED);
}

void
metrics_request(struct metrics *m, enum route_id route, int status, uint64_t us)
{
	struct metrics_route *r;
	int i;

	if (m == NULL || route >= ROUTE__MAX)
		return;
	r = &m->route[route];

	for (i = 0; i < METRICS_STATUSES - 1; i++) {
		if (metrics_statuses[i] == status)
			break;
	}
	metrics_count(&r->status[i]);

	for (i = 0; i < METRICS_BUCKETS; i++) {
		if ((double)us <= metrics_bounds[i] * 1e6) {
			metrics_count(&r->bucket[i]);
			break;
		}
	}
	metrics_count(&r->count);
	(void)__atomic_fetch_add(&r->sum_us, us, __ATOMIC_RELAXED);
}

static void
render_requests(const struct metrics *m, struct strbuf *sb)
{
	uint64_t v;
	int r, i;

	strbuf_appendf(sb,
	    "# HELP bq_http_requests_total Requests answered, by route and "
	    "status.\n# TYPE bq_http_requests_total counter\n");
	for (r = 0; r < ROUTE__MAX; r++) {
		for (i = 0; i < METRICS_STATUSES; i++) {
			if ((v = load(&m->route[r].status[i])) == 0)
				continue;
			if (metrics_statuses[i] != 0)
				strbuf_appendf(sb,
				    "bq_http_requests_total{route=\"%s\","
				    "status=\"%d\"} %llu\n",
				    routes[r].path, metrics_statuses[i],
				    (unsigned long long)v);
			else
				strbuf_appendf(sb,
				    "bq_http_requests_total{route=\"%s\","
				    "status=\"other\"} %llu\n",
				    routes[r].path, (unsigned long long)v);
		}
	}
}

static void
render_latency(const struct metrics *m, struct strbuf *sb)
{
	uint64_t cum, count;
	int r, i;

	strbuf_appendf(sb,
	    "# HELP bq_http_request_duration_seconds Time from the request "
	    "to its reply.\n"
	    "# TYPE bq_http_request_duration_seconds histogram\n");
	for (r = 0; r < ROUTE__MAX; r++) {
		if ((count = load(&m->route[r].count)) == 0)
			continue;
		cum = 0;
		for (i = 0; i < METRICS_BUCKETS; i++) {
			cum += load(&m->route[r].bucket[i]);
			strbuf_appendf(sb,
			    "bq_http_request_duration_seconds_bucket{route="
			    "\"%s\",le=\"%g\"} %llu\n",
			    routes[r].path, metrics_bounds[i],
			    (unsigned long long)cum);
		}
		strbuf_appendf(sb,
		    "bq_http_request_duration_seconds_bucket{route=\"%s\","
		    "le=\"+Inf\"} %llu\n"
		    "bq_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
		    "bq_http_request_duration_seconds_count{route=\"%s\"} "
		    "%llu\n",
		    routes[r].path, (unsigned long long)count, routes[r].path,
		    (double)load(&m->route[r].sum_us) / 1e6, routes[r].path,
		    (unsigned long long)count);
	}
}

static void
render_pool(const struct metrics *m, int workers, struct strbuf *sb)
{
	static const struct {
		const char *name, *type, *help;
		size_t offset;
	} series[] = {
		{ "bq_db_pool_busy", "gauge",
		    "Database connections running a query, per worker.",
		    offsetof(struct metrics_worker, db_busy) },
		{ "bq_db_pool_waiting", "gauge",
		    "Requests waiting for a database connection, per worker.",
		    offsetof(struct metrics_worker, db_waiting) },
		{ "bq_db_timeouts_total", "counter",
		    "Database calls given up at their deadline, per worker.",
		    offsetof(struct metrics_worker, db_timeouts) },
		{ "bq_db_failures_total", "counter",
		    "Database connections refused or lost, per worker.",
		    offsetof(struct metrics_worker, db_failures) },
		{ "bq_password_hashings_total", "counter",
		    "argon2id runs started (hash or verify), per worker.",
		    offsetof(struct metrics_worker, password_hashings) },
		{ "bq_standby_up", "gauge",
		    "Whether the standby answers this worker's probe.",
		    offsetof(struct metrics_worker, standby_up) },
		{ "bq_standby_lag_milliseconds", "gauge",
		    "How far behind the primary the standby is, in time, per "
		    "worker.",
		    offsetof(struct metrics_worker, standby_lag_ms) },
		{ "bq_standby_reads_total", "counter",
		    "Statements the standby answered, per worker.",
		    offsetof(struct metrics_worker, standby_reads) },
		{ "bq_standby_fallbacks_total", "counter",
		    "Reads the standby failed or was late for, asked again of "
		    "the primary, per worker.",
		    offsetof(struct metrics_worker, standby_fallbacks) },
	};
	const char *w;
	size_t s;
	int i;

	for (s = 0; s < sizeof(series) / sizeof(series[0]); s++) {
		strbuf_appendf(sb, "# HELP %s %s\n# TYPE %s %s\n",
		    series[s].name, series[s].help, series[s].name,
		    series[s].type);
		for (i = 1; i <= workers && i < METRICS_WORKERS_MAX; i++) {
			w = (const char *)&m->worker[i] + series[s].offset;
			strbuf_appendf(sb, "%s{worker=\"%d\"} %lld\n",
			    series[s].name, i,
			    (long long)__atomic_load_n(
				(const int64_t *)(const void *)w,
				__ATOMIC_RELAXED));
		}
	}
}

void
metrics_render(const struct metrics *m, int workers, struct strbuf *sb)
{
	render_requests(m, sb);
	render_latency(m, sb);
	render_pool(m, workers, sb);
	strbuf_appendf(sb,
	    "# HELP bq_process_start_time_seconds When the server started.\n"
	    "# TYPE bq_process_start_time_seconds gauge\n"
	    "bq_process_start_time_seconds %llu\n"
	    "# HELP bq_log_lines_lost_total Access log lines not written.\n"
	    "# TYPE bq_log_lines_lost_total counter\n"
	    "bq_log_lines_lost_total %llu\n",
	    (unsigned long long)m->started,
	    (unsigned long long)load(&m->log_lost));
}
