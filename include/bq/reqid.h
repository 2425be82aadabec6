/* Request ids: taken from X-Request-Id when sane, made up otherwise. */
#ifndef BQ_REQID_H
#define BQ_REQID_H

#define REQID_MAX 64
#define REQID_UUID_LEN 36 /* what reqid_generate makes */

int reqid_valid(const char *);
int reqid_generate(char *, size_t);

#endif
