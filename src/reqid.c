/*
 * A request id links a client's report to our log line.  A caller's own id
 * is kept when it is short and plain (so it cannot forge log structure);
 * otherwise we make a random UUID.
 */

#include <pthread.h>
#include <string.h>

#include <openssl/crypto.h>
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

/*
 * Random bytes are drawn 4 KiB at a time: RAND_bytes per request (a DRBG
 * generate with its cipher set up, and a getpid) was a tenth of a
 * worker's time on /health (bench/README).  A forked child starts with
 * none, so no two processes hand out the same ids.  One thread a process
 * makes them (the event loop).
 */
static unsigned char pool[4096];
static size_t pool_left;
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;

static void
pool_forked(void)
{
	pool_left = 0;
}

static void
pool_register(void)
{
	(void)pthread_atfork(NULL, NULL, pool_forked);
}

static int
pool_take(unsigned char *b, size_t n)
{
	(void)pthread_once(&pool_once, pool_register);
	if (pool_left < n) {
		if (RAND_bytes(pool, sizeof(pool)) != 1)
			return (0);
		pool_left = sizeof(pool);
	}
	pool_left -= n;
	memcpy(b, pool + pool_left, n);
	OPENSSL_cleanse(pool + pool_left, n);

	return (1);
}

int
reqid_generate(char *out, size_t outlen)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	size_t i, o;

	if (outlen < REQID_UUID_LEN + 1 || !pool_take(b, sizeof(b)))
		return (0);
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;

	/* 8-4-4-4-12 hex digits. */
	for (i = 0, o = 0; i < sizeof(b); i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 0x0f];
	}
	out[o] = '\0';

	return (1);
}
