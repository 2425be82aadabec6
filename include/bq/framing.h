/*
 * How a request's body is framed, read from its header block before Kore
 * parses it: so a body-less POST (plain `curl -X POST`) can say
 * "Content-Length: 0", and a Transfer-Encoding, or a body on a method that
 * has none, can be refused in words.
 */
#ifndef BQ_FRAMING_H
#define BQ_FRAMING_H

#include <stddef.h>
#include <stdint.h>

struct framing {
	size_t end; /* offset of the empty line ending the headers */
	int crlf; /* lines end in CR LF (else LF alone) */
	int body_method; /* POST, PUT or PATCH: Kore wants a length */
	int has_length; /* a Content-Length header */
	int lengths; /* Content-Length headers after the first */
	int length_nonzero; /* ... whose value is not all zeros */
	int has_transfer_coding; /* a Transfer-Encoding header */
};

/* Why a request is refused before Kore reads it, if it is. */
enum framing_refusal {
	FRAMING_OK,
	/* A body method sent chunked: Kore reads no chunks. */
	FRAMING_CHUNKED,
	/*
	 * A body on a method that has none (GET, HEAD, DELETE, OPTIONS):
	 * Kore would read the body as the next request on the connection,
	 * a request smuggled past whatever checked this one.
	 */
	FRAMING_BODY_UNEXPECTED,
	/*
	 * Two Content-Length headers: Kore reads the first, a proxy in
	 * front may have read the other, and the bytes between are a
	 * request smuggled past it.  Refused even when they agree.
	 */
	FRAMING_LENGTH_TWICE,
};

/* 0 while the header block is incomplete, 1 when f describes it. */
int framing_scan(const uint8_t *, size_t, struct framing *);

enum framing_refusal framing_refusal(const struct framing *);

/* Whether the block needs "Content-Length: 0" added. */
int framing_needs_length(const struct framing *);

/* Room framing_add_length needs beyond the data. */
#define FRAMING_ADD_MAX (sizeof("content-length: 0\r\n") - 1)

/*
 * Inserts "content-length: 0" at the end of the headers of buf (len bytes,
 * cap of room); returns the new length, or 0 when cap is too small.
 */
size_t framing_add_length(uint8_t *, size_t, size_t, const struct framing *);

#endif
