/* Files people upload: what their first bytes say they are. */
#ifndef BQ_MEDIA_H
#define BQ_MEDIA_H

#include <stddef.h>

const char *media_sniff(const void *, size_t);
int media_type_is(const char *, const char *);

#endif
