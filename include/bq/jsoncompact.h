/* One JSON style for every answer: whitespace outside strings removed. */
#ifndef BQ_JSONCOMPACT_H
#define BQ_JSONCOMPACT_H

#include <stddef.h>

size_t json_compact(char *, size_t);

#endif
