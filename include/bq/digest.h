/* SHA-256 as the API and the database write it: 64 lower-case hex digits. */
#ifndef BQ_DIGEST_H
#define BQ_DIGEST_H

#include <stddef.h>

#define SHA256_HEX_LEN 65 /* 64 digits and the NUL */

int sha256_hex(const void *, size_t, char[SHA256_HEX_LEN]);

#endif
