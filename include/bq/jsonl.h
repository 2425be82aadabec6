/* Appending one line to a JSON-lines file (the demo SMS and e-mail files). */
#ifndef BQ_JSONL_H
#define BQ_JSONL_H

#include <stddef.h>

int jsonl_append(const char *, const char *, char *, size_t);
int jsonl_now(char *, size_t);

#endif
