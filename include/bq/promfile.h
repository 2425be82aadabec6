/* A Prometheus text file written whole (node_exporter's textfile collector). */
#ifndef BQ_PROMFILE_H
#define BQ_PROMFILE_H

#include <stddef.h>

/* Replaces path with text: written beside it, then renamed over it. */
int promfile_write(const char *, const char *, char *, size_t);

#endif
