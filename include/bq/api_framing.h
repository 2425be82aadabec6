/* The listener's connections: request framing fixed or refused (api/framing.c). */
#ifndef BQ_API_FRAMING_H
#define BQ_API_FRAMING_H

#include <kore/kore.h>
#include <kore/http.h>

#include "bq/framing.h"

/* The connect callback named by kore.conf's bind line. */
void bq_connect(struct connection *);

/* Why the request's framing is refused (411 chunked, 400 a body where
 * none goes), or FRAMING_OK. */
enum framing_refusal api_framing_refused(struct http_request *);

#endif
