/* SHA-256 of bytes, in hex: request hashes, signed documents. */

#include <openssl/evp.h>

#include "bq/digest.h"
#include "bq/opaque.h"

int
sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN])
{
	unsigned char d[32];

	out[0] = '\0';
	if (EVP_Digest(data, len, d, NULL, EVP_sha256(), NULL) != 1)
		return (0);
	hex_encode(d, sizeof(d), out);

	return (1);
}
