/* libFuzzer: detached CMS signatures of contract bytes. */

#include <stddef.h>
#include <stdint.h>

#include "bq/signature.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static X509_STORE *store;
	static const unsigned char doc[] = "contract bytes\n";
	struct sig_signer signer;

	if (store == NULL && (store = X509_STORE_new()) == NULL)
		return (0);
	(void)sig_verify(
	    store, data, len, doc, sizeof(doc) - 1, "IIN850312400123", &signer);

	return (0);
}
