/*
 * Every route of the API, once: its id, its path template (the label in
 * metrics and logs, and the key in openapi.yaml) and the methods it takes.
 * kore.conf binds the paths to handlers; each handler names its id.
 */
#ifndef BQ_ROUTES_H
#define BQ_ROUTES_H

#define ROUTE_M_GET 0x01
#define ROUTE_M_POST 0x02
#define ROUTE_M_PUT 0x04
#define ROUTE_M_DELETE 0x08
#define ROUTE_M_PATCH 0x10

#define BQ_ROUTES(X) \
	X(HEALTH, "/health", ROUTE_M_GET) \
	X(READY, "/ready", ROUTE_M_GET) \
	X(METRICS, "/metrics", ROUTE_M_GET) \
	X(OPENAPI, "/openapi.yaml", ROUTE_M_GET) \
	X(FEEDBACK, "/v1/feedback", ROUTE_M_POST) \
	X(UNKNOWN, "(unknown)", 0)

#define ROUTE_ENUM(id, path, methods) ROUTE_##id,
enum route_id { BQ_ROUTES(ROUTE_ENUM) ROUTE__MAX };
#undef ROUTE_ENUM

struct route {
	const char *path;
	int methods;
};

extern const struct route routes[ROUTE__MAX];

int route_allow_header(int, char *, size_t);

#endif
