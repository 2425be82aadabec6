/*
 * Opaque bearer secrets (refresh and registration tokens): 32 random bytes
 * in base64url; the database keeps only their SHA-256.
 */
#ifndef BQ_OPAQUE_H
#define BQ_OPAQUE_H

#include <stddef.h>

#define OPAQUE_BYTES 32
#define OPAQUE_LEN 43 /* base64url of 32 bytes, unpadded */
#define OPAQUE_DIGEST_HEX 65

int opaque_generate(char[OPAQUE_LEN + 1]);
int opaque_valid(const char *);
int opaque_digest(const char *, char[OPAQUE_DIGEST_HEX]);
void hex_encode(const unsigned char *, size_t, char *);

#endif
