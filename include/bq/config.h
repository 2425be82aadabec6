/*
 * The service's settings, read once from the environment in the parent
 * process before the workers fork, so every worker sees the same values.
 */
#ifndef BQ_CONFIG_H
#define BQ_CONFIG_H

#include <stddef.h>

#include "bq/cors.h"

/* The longest registry, OCSP or TSA URL, with its NUL: what a task
 * carries. */
#define CONFIG_URL_MAX 1024

struct bq_config {
	char *data_dir;
	char *db_dsn;
	char *db_slow_dsn; /* NULL: db_dsn with the long statement timeout */
	char *db_read_dsn; /* NULL: every statement on db_dsn */
	char *trusted_proxies; /* addresses whose X-Forwarded-For counts */
	char *openapi_path;
	char *secret_file;
	char *common_passwords;
	char *registry_url; /* NULL: the demo registry (demo mode only) */
	char *registry_file; /* the demo registry's persons, when set */
	char *ca_file; /* the signatures' trust store: roots, intermediates */
	char *ocsp_url; /* when set, the responder asked, whatever the AIA */
	char *tsa_url; /* NULL: clients bring their own time-stamps */
	char *crl_file; /* CRLs (PEM), when OCSP gives no answer */
	char *metrics_token; /* when set, /metrics wants it as a bearer */
	char *receipt_token; /* the SMS gateway's, for its receipts */
	int db_timeout_ms;
	int db_long_timeout_ms; /* allocation rounds, replays, the sweeper */
	int read_lag_ms; /* a standby further behind: reads on the primary */
	int read_from_header; /* answers say X-Read-From (tests) */
	int sweep_interval_ms; /* 0: no sweeper timer in this node */
	int tasks_max; /* tasks a worker has at once; 0: two a task thread */
	int tasks_wait; /* requests that wait for one of those places */
	int task_wait_ms; /* how long one waits before a 429 (or 503) */
	int hash_nice; /* task threads' niceness while they hash */
	int sig_timeout_ms; /* an OCSP responder's or a TSA's answer */
	int sig_gost; /* GOST R 34.10-2012 signatures (the gost engine) */
	int sig_non_repudiation; /* signers' keyUsage must have it */
	int demo;
	struct cors cors;
};

int config_load(struct bq_config *, char *, size_t);
void config_free(struct bq_config *);

#endif
