/* The CORS allow-list: the exact origins that may call us from a browser. */
#ifndef BQ_CORS_H
#define BQ_CORS_H

#define CORS_ORIGINS_MAX 32

struct cors {
	int n;
	int any;
	char *origins[CORS_ORIGINS_MAX];
};

int cors_parse(struct cors *, const char *);
int cors_allowed(const struct cors *, const char *);
void cors_free(struct cors *);

#endif
