/*
 * bq-sms has no HTTP server of its own: what it knows of the outboxes (how
 * many messages by channel and state) it leaves in a Prometheus text file
 * for node_exporter's textfile collector.  A scraper must never read half
 * a file, so each version is written to a temporary name beside the file
 * and renamed over it.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bq/promfile.h"

int
promfile_write(const char *path, const char *text, char *err, size_t errlen)
{
	char tmp[4096];
	size_t n = strlen(text);
	ssize_t w;
	int fd;

	if (snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid()) >=
	    (int)sizeof(tmp)) {
		(void)snprintf(err, errlen, "path too long");
		return (0);
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) ==
	    -1) {
		(void)snprintf(err, errlen, "open: %s", strerror(errno));
		return (0);
	}
	w = write(fd, text, n);
	if (close(fd) == -1 || w != (ssize_t)n) {
		(void)snprintf(err, errlen, "short write");
		(void)unlink(tmp);
		return (0);
	}
	if (rename(tmp, path) == -1) {
		(void)snprintf(err, errlen, "rename: %s", strerror(errno));
		(void)unlink(tmp);
		return (0);
	}

	return (1);
}
