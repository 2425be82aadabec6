/*
 * Who the client is behind a reverse proxy: the address the proxy put in
 * X-Forwarded-For, believed only when the connection comes from one of
 * the proxies the deployment names (BQ_TRUSTED_PROXIES), so a client
 * talking to a node directly cannot choose the address its limits count.
 */
#ifndef BQ_FORWARDED_H
#define BQ_FORWARDED_H

#include <stddef.h>

/* Whether a comma-separated list holds IP addresses only. */
int forwarded_list_ok(const char *);

/* Whether addr is one of the list's addresses. */
int forwarded_trusted(const char *, const char *);

/*
 * The client of an X-Forwarded-For value: its last address, the one the
 * nearest proxy added (those before it the client may have written).
 * Written to out as inet_ntop would; 0 when it is not an IP address.
 */
int forwarded_client(const char *, char *, size_t);

#endif
