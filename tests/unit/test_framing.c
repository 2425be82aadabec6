/* framing: the header block as Kore reads it, and Content-Length: 0 added. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "bq/framing.h"

static int
scan(const char *s, struct framing *f)
{
	return (framing_scan((const uint8_t *)s, strlen(s), f));
}

static void
incomplete(void **state)
{
	struct framing f;

	(void)state;
	assert_int_equal(scan("", &f), 0);
	assert_int_equal(scan("POST /v1/x HTTP/1.1\r\nHost: x\r\n", &f), 0);
	assert_int_equal(scan("POST /v1/x HTTP/1.1\r\nHost: x\r\n\r", &f), 0);
}

static void
methods(void **state)
{
	struct framing f;

	(void)state;
	assert_int_equal(scan("POST /a HTTP/1.1\r\nHost: x\r\n\r\n", &f), 1);
	assert_true(f.body_method && framing_needs_length(&f));
	assert_int_equal(scan("patch /a HTTP/1.1\r\nHost: x\r\n\r\n", &f), 1);
	assert_true(framing_needs_length(&f));
	assert_int_equal(scan("PUT /a HTTP/1.1\r\nHost: x\r\n\r\n", &f), 1);
	assert_true(framing_needs_length(&f));
	assert_int_equal(scan("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", &f), 1);
	assert_false(framing_needs_length(&f));
	/* A longer method that starts like one is not it. */
	assert_int_equal(scan("POSTX /a HTTP/1.1\r\nHost: x\r\n\r\n", &f), 1);
	assert_false(f.body_method);
	assert_int_equal(scan("DELETE /a HTTP/1.1\r\nHost: x\r\n\r\n", &f), 1);
	assert_false(framing_needs_length(&f));
}

static void
headers(void **state)
{
	struct framing f;

	(void)state;
	assert_int_equal(scan("POST /a HTTP/1.1\r\nHost: x\r\n"
			      "CONTENT-length: 2\r\n\r\n{}",
			     &f),
	    1);
	assert_true(f.has_length && !framing_needs_length(&f));
	assert_int_equal(scan("POST /a HTTP/1.1\r\nHost: x\r\n"
			      "Transfer-Encoding: chunked\r\n\r\n2\r\n{}",
			     &f),
	    1);
	assert_true(f.has_transfer_coding && framing_needs_length(&f));
	/* A header that only starts like one is another header. */
	assert_int_equal(scan("POST /a HTTP/1.1\r\nHost: x\r\n"
			      "Content-Length-X: 2\r\n\r\n",
			     &f),
	    1);
	assert_false(f.has_length);
	/* Only the first block counts: the body is not headers. */
	assert_int_equal(scan("POST /a HTTP/1.1\r\nHost: x\r\n\r\n"
			      "Content-Length: 5\r\n\r\n",
			     &f),
	    1);
	assert_false(f.has_length);
}

/* What is refused: chunks on a body method, a body where none goes. */
static void
refusals(void **state)
{
	struct framing f;

	(void)state;
	assert_int_equal(
	    scan("POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", &f), 1);
	assert_int_equal(framing_refusal(&f), FRAMING_OK);
	assert_int_equal(
	    scan("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", &f),
	    1);
	assert_int_equal(framing_refusal(&f), FRAMING_CHUNKED);
	assert_int_equal(scan("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", &f), 1);
	assert_int_equal(framing_refusal(&f), FRAMING_OK);
	/* A length of zero is no body: some clients send it on a GET. */
	assert_int_equal(
	    scan("GET /a HTTP/1.1\r\nContent-Length: 00\r\n\r\n", &f), 1);
	assert_int_equal(framing_refusal(&f), FRAMING_OK);
	assert_int_equal(
	    scan("GET /a HTTP/1.1\r\ncontent-length:  30\r\n\r\n", &f), 1);
	assert_int_equal(framing_refusal(&f), FRAMING_BODY_UNEXPECTED);
	assert_int_equal(
	    scan("DELETE /a HTTP/1.1\r\nContent-Length: 5\r\n\r\n", &f), 1);
	assert_int_equal(framing_refusal(&f), FRAMING_BODY_UNEXPECTED);
	assert_int_equal(
	    scan("HEAD /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", &f),
	    1);
	assert_int_equal(framing_refusal(&f), FRAMING_BODY_UNEXPECTED);
	/* Two lengths, whatever they say and on any method: refused. */
	assert_int_equal(scan("GET /a HTTP/1.1\r\nContent-Length: "
			      "0\r\nContent-Length: 7\r\n\r\n",
			     &f),
	    1);
	assert_int_equal(framing_refusal(&f), FRAMING_LENGTH_TWICE);
	assert_int_equal(scan("POST /a HTTP/1.1\r\nContent-Length: "
			      "2\r\ncontent-length: 2\r\n\r\n{}",
			     &f),
	    1);
	assert_int_equal(framing_refusal(&f), FRAMING_LENGTH_TWICE);
	assert_int_equal(scan("POST /a HTTP/1.1\r\nTransfer-Encoding: "
			      "xchunked\r\n\r\n",
			     &f),
	    1);
	assert_int_equal(framing_refusal(&f), FRAMING_CHUNKED);
}

static void
add(const char *in, const char *want)
{
	uint8_t buf[256];
	struct framing f;
	size_t len, n;

	len = strlen(in);
	memcpy(buf, in, len);
	assert_int_equal(framing_scan(buf, len, &f), 1);
	n = framing_add_length(buf, len, sizeof(buf), &f);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(buf, want, n);
	/* Now Kore finds its length, and nothing more is added. */
	assert_int_equal(framing_scan(buf, n, &f), 1);
	assert_false(framing_needs_length(&f));
}

static void
adding(void **state)
{
	uint8_t buf[64];
	struct framing f;
	const char *in = "POST /a HTTP/1.1\r\nHost: x\r\n\r\n";

	(void)state;
	add(in, "POST /a HTTP/1.1\r\nHost: x\r\ncontent-length: 0\r\n\r\n");
	add("POST /a HTTP/1.1\nHost: x\n\nGET",
	    "POST /a HTTP/1.1\nHost: x\ncontent-length: 0\n\nGET");
	/* What follows the headers (a pipelined request) moves along. */
	add("PUT /a HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\n",
	    "PUT /a HTTP/1.1\r\nHost: x\r\ncontent-length: 0\r\n\r\n"
	    "GET / HTTP/1.1\r\n");

	/* No room: nothing written. */
	memcpy(buf, in, strlen(in));
	assert_int_equal(framing_scan(buf, strlen(in), &f), 1);
	assert_int_equal(framing_add_length(buf, strlen(in),
			     strlen(in) + FRAMING_ADD_MAX - 1, &f),
	    0);
	assert_int_equal(framing_add_length(
			     buf, strlen(in), strlen(in) + FRAMING_ADD_MAX, &f),
	    strlen(in) + FRAMING_ADD_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(incomplete),
		cmocka_unit_test(methods),
		cmocka_unit_test(headers),
		cmocka_unit_test(refusals),
		cmocka_unit_test(adding),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
