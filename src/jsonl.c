/*
 * The demo senders' files: one JSON object a line, each line written with
 * one write(2) on an O_APPEND descriptor, so that lines from senders side
 * by side never interleave.  Errors describe the failure, never the line.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bq/jsonl.h"

/* Appends line (ending in a newline) to path, made 0600 if new. */
int
jsonl_append(const char *path, const char *line, char *err, size_t errlen)
{
	ssize_t w;
	size_t n;
	int fd;

	n = strlen(line);
	if ((fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
		 0600)) == -1) {
		(void)snprintf(err, errlen, "open: %s", strerror(errno));
		return (0);
	}
	w = write(fd, line, n);
	(void)close(fd);
	if (w != (ssize_t)n) {
		(void)snprintf(err, errlen, "short write");
		return (0);
	}

	return (1);
}

/* The time now, as a line's "at": UTC, to the second. */
int
jsonl_now(char *out, size_t len)
{
	struct tm tm;
	time_t now;

	now = time(NULL);

	return (gmtime_r(&now, &tm) != NULL &&
	    strftime(out, len, "%Y-%m-%dT%H:%M:%SZ", &tm) != 0);
}
