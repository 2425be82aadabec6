/*
 * A request id links a client's report to our log line.  A caller's own id
 * is kept when it is short and plain (so it cannot forge log structure);
 * otherwise we make a random UUID.
 */

#include <stdio.h>
#include <string.h>

#include <openssl/rand.h>

#include "bq/reqid.h"

int
reqid_valid(const char *s)
{
	size_t i;

	if (s == NULL || s[0] == '\0')
		return (0);
	for (i = 0; s[i] != '\0'; i++) {
		if (i == REQID_MAX)
			return (0);
		if ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_' || s[i] == '.' || s[i] == ':')
			continue;
		return (0);
	}

	return (1);
}

int
reqid_generate(char *out, size_t outlen)
{
	unsigned char b[16];
	int n;

	if (RAND_bytes(b, sizeof(b)) != 1)
		return (0);
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;

	n = snprintf(out, outlen,
	    "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x",
	    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
	    b[11], b[12], b[13], b[14], b[15]);

	return (n > 0 && (size_t)n < outlen);
}
