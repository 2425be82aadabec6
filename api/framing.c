/*
 * Every connection of the API's listener starts here (kore.conf names
 * bq_connect on its bind line), as Kore's own HTTP set-up would, with one
 * difference: the connection's read looks at each header block before Kore
 * parses it.  A POST, PUT or PATCH without Content-Length gets
 * "Content-Length: 0", the length RFC 9112 gives it, so `curl -X POST` on
 * confirm, withdraw or read works instead of Kore's empty 411.  Such a
 * request with a Transfer-Encoding (Kore cannot read chunked bodies and would take
 * the chunks for the next request) is marked here and refused by
 * api_call_begin with a 411 problem that says what to send; a body on a
 * GET, HEAD, DELETE or OPTIONS (Kore reads none, so its bytes would be the
 * next request: smuggled) with a 400.  The connection is closed after
 * either.
 */

#include <string.h>

#include "bq/api_framing.h"
#include "bq/framing.h"

struct conn_framing {
	int (*read)(struct connection *, size_t *);
	enum framing_refusal refused;
};

static int
framing_read(struct connection *c, size_t *bytes)
{
	struct conn_framing *cf = c->hdlr_extra;
	struct netbuf *nb;
	struct framing f;
	size_t len, n;

	*bytes = 0;
	if (!cf->read(c, bytes))
		return (KORE_RESULT_ERROR);
	nb = c->rnb;
	if (!(c->evt.flags & KORE_EVENT_READ) || *bytes == 0 || nb == NULL ||
	    nb->cb != http_header_recv)
		return (KORE_RESULT_OK);

	len = nb->s_off + *bytes;
	if (!framing_scan(nb->buf, len, &f))
		return (KORE_RESULT_OK);
	if (framing_refusal(&f) != FRAMING_OK)
		cf->refused = framing_refusal(&f);
	if (!framing_needs_length(&f))
		return (KORE_RESULT_OK);

	if (nb->b_len - len < FRAMING_ADD_MAX)
		net_recv_expand(c, FRAMING_ADD_MAX, http_header_recv);
	if ((n = framing_add_length(nb->buf, len, nb->b_len, &f)) == 0)
		return (KORE_RESULT_ERROR);
	*bytes += n - len;

	return (KORE_RESULT_OK);
}

void
bq_connect(struct connection *c)
{
	struct conn_framing *cf;

	/* Kore frees a connection's hdlr_extra with it. */
	cf = kore_calloc(1, sizeof(*cf));
	cf->read = c->read;
	c->hdlr_extra = cf;
	c->read = framing_read;

	/* What kore_connection_accept does for HTTP without a callback. */
	c->proto = CONN_PROTO_HTTP;
	if (http_keepalive_time != 0)
		c->idle_timer.length = http_keepalive_time * 1000;
	net_recv_queue(
	    c, http_header_max, NETBUF_CALL_CB_ALWAYS, http_header_recv);
}

enum framing_refusal
api_framing_refused(struct http_request *req)
{
	struct conn_framing *cf = req->owner->hdlr_extra;

	return (req->owner->read == framing_read ? cf->refused : FRAMING_OK);
}
