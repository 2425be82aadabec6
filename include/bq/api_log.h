/* The access log's lines, batched per worker (api/logbatch.c). */
#ifndef BQ_API_LOG_H
#define BQ_API_LOG_H

#include <stddef.h>

void api_log_line(const char *, size_t);
void api_log_flush(void);

#endif
