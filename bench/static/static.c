/*
 * The framework's ceiling: a Kore module answering every request with
 * the bytes GET /health answers, and nothing else.  bench/run serves it
 * beside the service, with the same worker settings, and puts the two
 * side by side.
 */

#include <kore/kore.h>
#include <kore/http.h>

int static_page(struct http_request *);

int
static_page(struct http_request *req)
{
	static const char ok[] = "{\"status\":\"ok\"}";

	http_response_header(
	    req, "content-type", "application/json; charset=utf-8");
	http_response(req, HTTP_STATUS_OK, ok, sizeof(ok) - 1);

	return (KORE_RESULT_OK);
}
