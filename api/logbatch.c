/*
 * The access log's lines, written a batch at a time.  A write(2) per
 * request was a tenth of a worker's time on /health (bench/README).  The
 * lines gather in a buffer of PIPE_BUF bytes, so that a batch of whole
 * lines is still one atomic write into the pipe or file all workers
 * share, and go out when the next would not fit, every LOG_FLUSH_MS, and
 * when the worker stops.
 */

#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "bq/api_call.h"
#include "bq/api_log.h"

/* How late a line may reach the log. */
#define LOG_FLUSH_MS 100

static char log_buf[PIPE_BUF];
static size_t log_len;
static int log_lines;
static struct kore_timer *log_timer;

static void
log_write(const char *p, size_t len, int lines)
{
	if (write(STDOUT_FILENO, p, len) == (ssize_t)len)
		return;
	while (lines-- > 0)
		metrics_count(&api_metrics->log_lost);
}

void
api_log_flush(void)
{
	if (log_len == 0)
		return;
	log_write(log_buf, log_len, log_lines);
	log_len = 0;
	log_lines = 0;
}

static void
log_tick(void *arg, uint64_t now)
{
	(void)arg;
	(void)now;
	api_log_flush();
}

void
api_log_line(const char *line, size_t len)
{
	/* Made in the worker, on its first line: the parent logs none. */
	if (log_timer == NULL)
		log_timer = kore_timer_add(log_tick, LOG_FLUSH_MS, NULL, 0);
	if (log_len + len > sizeof(log_buf))
		api_log_flush();
	if (len > sizeof(log_buf)) {
		log_write(line, len, 1);
		return;
	}
	memcpy(log_buf + log_len, line, len);
	log_len += len;
	log_lines++;
}
