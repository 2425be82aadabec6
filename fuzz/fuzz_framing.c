/* libFuzzer: header blocks as clients send them, and the added length. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bq/framing.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct framing f, again;
	uint8_t *buf;
	size_t added, n;

	if (!framing_scan(data, len, &f))
		return (0);
	if (f.end > len)
		abort();
	if (!framing_needs_length(&f))
		return (0);
	if ((buf = malloc(len + FRAMING_ADD_MAX)) == NULL)
		return (0);
	memcpy(buf, data, len);
	n = framing_add_length(buf, len, len + FRAMING_ADD_MAX, &f);
	/* The same block, one header longer, now stating its length. */
	added = FRAMING_ADD_MAX - (f.crlf ? 0 : 1);
	if (n != len + added || !framing_scan(buf, n, &again) ||
	    again.end != f.end + added || framing_needs_length(&again) ||
	    memcmp(buf + again.end, data + f.end, len - f.end) != 0)
		abort();
	free(buf);

	return (0);
}
