/* One JSON line per request, with nothing personal in it. */
#ifndef BQ_ACCESSLOG_H
#define BQ_ACCESSLOG_H

#include <stddef.h>
#include <stdint.h>

struct accesslog_entry {
	const char *request_id;
	const char *method;
	const char *route;
	int status;
	const char *code; /* the problem code of an error reply, or NULL */
	uint64_t duration_us;
	size_t bytes_out;
	int worker;
};

int accesslog_format(char *, size_t, const struct accesslog_entry *);

#endif
