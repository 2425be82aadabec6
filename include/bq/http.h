/*
 * One HTTP POST with a deadline, its answer collected up to a limit:
 * what the person registry, OCSP responders and time-stamp authorities
 * are asked with (libcurl, from task threads only: it blocks).
 */
#ifndef BQ_HTTP_H
#define BQ_HTTP_H

#include <stddef.h>

/* The answer's HTTP status; 0 when none came (unreachable, the deadline
 * passed, or an answer longer than the buffer). */
long http_post(const char *, const char *, const void *, size_t, long, void *,
    size_t, size_t *);

#endif
