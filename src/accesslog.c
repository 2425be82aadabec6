/*
 * The access log line.  It names the route template, never the path or the
 * query (they could carry an id a person typed), and never a header or a
 * body: nothing in it identifies a person.
 */

#include <stdio.h>
#include <time.h>

#include "bq/accesslog.h"

int
accesslog_format(char *buf, size_t len, const struct accesslog_entry *e)
{
	struct timespec ts;
	struct tm tm;
	char when[32];
	int n;

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1 ||
	    gmtime_r(&ts.tv_sec, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		return (0);

	/* The request id and code are checked plain ASCII: no escaping. */
	n = snprintf(buf, len,
	    "{\"ts\":\"%s.%03ldZ\",\"request_id\":\"%s\",\"method\":\"%s\","
	    "\"route\":\"%s\",\"status\":%d,\"code\":%s%s%s,"
	    "\"duration_ms\":%llu.%03llu,\"bytes_out\":%zu,\"worker\":%d}\n",
	    when, ts.tv_nsec / 1000000L, e->request_id, e->method, e->route,
	    e->status, e->code ? "\"" : "", e->code ? e->code : "null",
	    e->code ? "\"" : "", (unsigned long long)(e->duration_us / 1000),
	    (unsigned long long)(e->duration_us % 1000), e->bytes_out,
	    e->worker);

	return (n > 0 && (size_t)n < len ? n : 0);
}
