/* The listener's connections: request framing fixed or refused (api/framing.c). */
#ifndef BQ_API_FRAMING_H
#define BQ_API_FRAMING_H

#include <kore/kore.h>
#include <kore/http.h>

/* The connect callback named by kore.conf's bind line. */
void bq_connect(struct connection *);

/* Whether the request came with a Transfer-Encoding, answered 411. */
int api_framing_refused(struct http_request *);

#endif
