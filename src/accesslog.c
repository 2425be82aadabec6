/*
 * The access log line.  It names the route template, never the path or the
 * query (they could carry an id a person typed), and never a header or a
 * body: nothing in it identifies a person.
 *
 * Written by hand, not by snprintf: formatting was 8% of a worker's time
 * on /health (bench/README), and the time's seconds change once a second.
 */

#include <string.h>
#include <time.h>

#include "bq/accesslog.h"

/* Where the line has got to; full once anything did not fit. */
struct cursor {
	char *p;
	size_t left;
	int full;
};

static void
put(struct cursor *c, const char *s, size_t n)
{
	if (c->full || n >= c->left) {
		c->full = 1;
		return;
	}
	memcpy(c->p, s, n);
	c->p += n;
	c->left -= n;
}

static void
puts_(struct cursor *c, const char *s)
{
	put(c, s, strlen(s));
}

/* v in decimal, at least width digits. */
static void
putu(struct cursor *c, unsigned long long v, int width)
{
	char d[24];
	int i = sizeof(d);

	do {
		d[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0 || (int)sizeof(d) - i < width);
	put(c, d + i, sizeof(d) - (size_t)i);
}

/* The UTC time to the second, formatted once a second (per thread). */
static const char *
when(time_t sec)
{
	static __thread time_t last = -1;
	static __thread char text[32];
	struct tm tm;

	if (sec != last) {
		if (gmtime_r(&sec, &tm) == NULL ||
		    strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
			return (NULL);
		last = sec;
	}

	return (text);
}

int
accesslog_format(char *buf, size_t len, const struct accesslog_entry *e)
{
	struct cursor c = { buf, len, 0 };
	struct timespec ts;
	const char *at;

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1 ||
	    (at = when(ts.tv_sec)) == NULL)
		return (0);

	/* The request id and code are checked plain ASCII: no escaping. */
	puts_(&c, "{\"ts\":\"");
	puts_(&c, at);
	puts_(&c, ".");
	putu(&c, (unsigned long long)(ts.tv_nsec / 1000000L), 3);
	puts_(&c, "Z\",\"request_id\":\"");
	puts_(&c, e->request_id);
	puts_(&c, "\",\"method\":\"");
	puts_(&c, e->method);
	puts_(&c, "\",\"route\":\"");
	puts_(&c, e->route);
	puts_(&c, "\",\"status\":");
	putu(&c, (unsigned long long)(e->status < 0 ? 0 : e->status), 1);
	puts_(&c, ",\"code\":");
	if (e->code != NULL) {
		puts_(&c, "\"");
		puts_(&c, e->code);
		puts_(&c, "\"");
	} else
		puts_(&c, "null");
	puts_(&c, ",\"duration_ms\":");
	putu(&c, (unsigned long long)(e->duration_us / 1000), 1);
	puts_(&c, ".");
	putu(&c, (unsigned long long)(e->duration_us % 1000), 3);
	puts_(&c, ",\"bytes_out\":");
	putu(&c, (unsigned long long)e->bytes_out, 1);
	puts_(&c, ",\"worker\":");
	putu(&c, (unsigned long long)(e->worker < 0 ? 0 : e->worker), 1);
	puts_(&c, "}\n");
	if (c.full)
		return (0);
	*c.p = '\0';

	return ((int)(len - c.left));
}
