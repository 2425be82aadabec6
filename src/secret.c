/*
 * The master secret.  Read from a file that only its owner may read; made
 * on first start when the caller allows it.  Each use gets its own key,
 * HMAC-SHA256(master, label), so one leaked key opens nothing else.
 */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "bq/secret.h"

static int
create(const char *path, char *err, size_t errlen)
{
	unsigned char b[SECRET_MAX];
	ssize_t w;
	int fd;

	if (RAND_bytes(b, sizeof(b)) != 1) {
		(void)snprintf(err, errlen, "no randomness");
		return (0);
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1) {
		(void)snprintf(
		    err, errlen, "create %s: %s", path, strerror(errno));
		return (0);
	}
	w = write(fd, b, sizeof(b));
	OPENSSL_cleanse(b, sizeof(b));
	if (w != (ssize_t)sizeof(b) || fsync(fd) == -1) {
		(void)close(fd);
		(void)unlink(path);
		(void)snprintf(err, errlen, "write %s failed", path);
		return (0);
	}

	return (close(fd) == 0);
}

int
secret_load(
    struct secret *s, const char *path, int make, char *err, size_t errlen)
{
	struct stat st;
	ssize_t r;
	int fd;

	memset(s, 0, sizeof(*s));
	if (make && access(path, F_OK) == -1 && errno == ENOENT &&
	    !create(path, err, errlen))
		return (0);

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		(void)snprintf(
		    err, errlen, "open %s: %s", path, strerror(errno));
		return (0);
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		(void)close(fd);
		(void)snprintf(err, errlen, "%s is not a regular file", path);
		return (0);
	}
	if (st.st_mode & 077) {
		(void)close(fd);
		(void)snprintf(err, errlen,
		    "%s may be read by others; chmod 600 it", path);
		return (0);
	}
	r = read(fd, s->master, sizeof(s->master));
	(void)close(fd);
	if (r < SECRET_MIN) {
		OPENSSL_cleanse(s->master, sizeof(s->master));
		(void)snprintf(err, errlen,
		    "%s holds fewer than %d bytes of secret", path, SECRET_MIN);
		return (0);
	}
	s->len = (size_t)r;

	return (1);
}

void
secret_derive(const struct secret *s, const char *label,
    unsigned char out[SECRET_KEY_LEN])
{
	unsigned int len;

	len = SECRET_KEY_LEN;
	(void)HMAC(EVP_sha256(), s->master, (int)s->len,
	    (const unsigned char *)label, strlen(label), out, &len);
}
