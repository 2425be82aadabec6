/*
 * The installation's master secret (a file of 32 to 64 random bytes, mode
 * 0600) and the keys derived from it for each use.
 */
#ifndef BQ_SECRET_H
#define BQ_SECRET_H

#include <stddef.h>

#define SECRET_MIN 32
#define SECRET_MAX 64
#define SECRET_KEY_LEN 32

struct secret {
	unsigned char master[SECRET_MAX];
	size_t len;
};

int secret_load(struct secret *, const char *, int, char *, size_t);
void secret_derive(
    const struct secret *, const char *, unsigned char[SECRET_KEY_LEN]);

#endif
