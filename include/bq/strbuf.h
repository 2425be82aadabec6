/* A growable byte buffer for building replies outside Kore. */
#ifndef BQ_STRBUF_H
#define BQ_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data;
	size_t len;
	size_t cap;
	int failed;
};

void strbuf_init(struct strbuf *);
void strbuf_append(struct strbuf *, const void *, size_t);
void strbuf_appendf(struct strbuf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
void
strbuf_append_filled(struct strbuf *, const char *, const char *, const char *);
void strbuf_free(struct strbuf *);

#endif
