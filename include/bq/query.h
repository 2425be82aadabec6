/* Query strings, parsed strictly (Kore drops what it has no validator for). */
#ifndef BQ_QUERY_H
#define BQ_QUERY_H

#include <stddef.h>

#include "bq/problem.h"

#define QUERY_VALUE_MAX 256

int query_get(const char *, const char *, char *, size_t);
int query_known(const char *, const char *const *, struct field_errors *);
int query_int(
    const char *, const char *, long, long, long *, struct field_errors *);

int query_bool(const char *, const char *, int *, struct field_errors *);
int query_point(const char *, const char *, int *, double *, double *,
    struct field_errors *);
int query_text(
    const char *, const char *, size_t, char *, size_t, struct field_errors *);

#endif
