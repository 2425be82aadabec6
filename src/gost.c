/*
 * GOST R 34.10-2012 keys and Streebog digests for signatures, from
 * Debian's libengine-gost-openssl.  Its provider (gostprov) offers no
 * signatures under OpenSSL 3.0, so the engine it ships is what loads:
 * once made the default for its algorithms, CMS and X.509 verification
 * find GOST keys as they find RSA and EC ones.
 */

#define OPENSSL_SUPPRESS_DEPRECATED

#include <stdio.h>

#include <openssl/engine.h>

#include "bq/signature.h"

int
sig_gost_enable(char *err, size_t errlen)
{
	ENGINE *e;

	if ((e = ENGINE_by_id("gost")) == NULL) {
		(void)snprintf(err, errlen, "%s",
		    "the GOST engine does not load "
		    "(apt install libengine-gost-openssl)");
		return (0);
	}
	if (ENGINE_init(e) != 1 ||
	    ENGINE_set_default(e, ENGINE_METHOD_ALL) != 1) {
		(void)snprintf(
		    err, errlen, "%s", "the GOST engine does not start");
		ENGINE_free(e);
		return (0);
	}
	/* The functional reference stays, for the life of the process. */
	ENGINE_free(e);

	return (1);
}
