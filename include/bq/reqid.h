/* Request ids: taken from X-Request-Id when sane, made up otherwise. */
#ifndef BQ_REQID_H
#define BQ_REQID_H

#define REQID_MAX 64

int reqid_valid(const char *);
int reqid_generate(char *, size_t);

#endif
