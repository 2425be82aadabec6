/* Ids in request paths: Kore's regex routes capture nothing (REG_NOSUB). */
#ifndef BQ_PATH_H
#define BQ_PATH_H

#include <stddef.h>

int path_segment(const char *, int, char *, size_t);
int path_uuid(const char *, int, char *, size_t);
int uuid_lower(char *);
int uuid_copy(const char *, char *, size_t);

#endif
