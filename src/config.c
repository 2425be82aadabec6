/*
 * Settings come from the environment (the scripts and a deployment's unit
 * file set them), are checked once in the parent, and a bad value stops
 * the start with a message rather than running half configured.
 */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bq/config.h"
#include "bq/forwarded.h"

static char *
env_dup(const char *name, const char *fallback)
{
	const char *v;

	if ((v = getenv(name)) == NULL || v[0] == '\0')
		v = fallback;

	return (v != NULL ? strdup(v) : NULL);
}

static int
env_int(const char *name, int fallback, int min, int max, int *out)
{
	const char *v;
	char *end;
	long n;

	if ((v = getenv(name)) == NULL || v[0] == '\0') {
		*out = fallback;
		return (1);
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return (0);
	*out = (int)n;

	return (1);
}

/* An address the service may be told to POST to: http(s), not too long. */
static int
url_ok(const char *name, const char *url, char *err, size_t errlen)
{
	if (url == NULL)
		return (1);
	if (strncmp(url, "http://", 7) != 0 &&
	    strncmp(url, "https://", 8) != 0) {
		(void)snprintf(err, errlen, "%s must be http(s)", name);
		return (0);
	}
	if (strlen(url) >= CONFIG_URL_MAX) {
		(void)snprintf(err, errlen, "%s is too long", name);
		return (0);
	}

	return (1);
}

int
config_load(struct bq_config *c, char *err, size_t errlen)
{
	const char *mode;
	size_t len;

	memset(c, 0, sizeof(*c));

	if ((c->data_dir = env_dup("BQ_DATA_DIR", "var")) == NULL ||
	    (c->openapi_path = env_dup("BQ_OPENAPI", "openapi.yaml")) == NULL)
		goto nomem;

	if ((c->common_passwords = env_dup(
		 "BQ_COMMON_PASSWORDS", "data/common-passwords.txt")) == NULL)
		goto nomem;
	c->registry_url = env_dup("BQ_REGISTRY_URL", NULL);
	c->registry_file = env_dup("BQ_REGISTRY_FILE", NULL);
	c->metrics_token = env_dup("BQ_METRICS_TOKEN", NULL);
	c->receipt_token = env_dup("BQ_SMS_RECEIPT_TOKEN", NULL);
	c->secret_file = env_dup("BQ_SECRET_FILE", NULL);
	if (c->secret_file == NULL) {
		len = strlen(c->data_dir) + sizeof("/secret.key");
		if ((c->secret_file = malloc(len)) == NULL)
			goto nomem;
		(void)snprintf(
		    c->secret_file, len, "%s/secret.key", c->data_dir);
	}

	if ((c->db_dsn = env_dup("BQ_DB_DSN", NULL)) == NULL) {
		(void)snprintf(err, errlen, "BQ_DB_DSN is not set");
		goto fail;
	}

	c->db_slow_dsn = env_dup("BQ_DB_SLOW_DSN", NULL);
	c->db_read_dsn = env_dup("BQ_DB_READ_DSN", NULL);
	c->trusted_proxies = env_dup("BQ_TRUSTED_PROXIES", NULL);
	if (c->trusted_proxies != NULL &&
	    !forwarded_list_ok(c->trusted_proxies)) {
		(void)snprintf(err, errlen,
		    "BQ_TRUSTED_PROXIES: comma separated IP addresses");
		goto fail;
	}
	/* Past it, a catalogue read would be older than a parent notices. */
	if (!env_int("BQ_READ_LAG_MS", 1000, 0, 60000, &c->read_lag_ms) ||
	    !env_int("BQ_READ_FROM_HEADER", 0, 0, 1, &c->read_from_header)) {
		(void)snprintf(err, errlen,
		    "BQ_READ_LAG_MS must be 0 to 60000, BQ_READ_FROM_HEADER 0 "
		    "or 1");
		goto fail;
	}

	/* Under the 2 s a client may wait, with room to answer. */
	if (!env_int("BQ_DB_TIMEOUT_MS", 1500, 100, 60000, &c->db_timeout_ms)) {
		(void)snprintf(
		    err, errlen, "BQ_DB_TIMEOUT_MS must be 100 to 60000");
		goto fail;
	}

	/* A round over a city's queue takes seconds, not milliseconds. */
	if (!env_int("BQ_DB_LONG_TIMEOUT_MS", 120000, 1000, 3600000,
		&c->db_long_timeout_ms)) {
		(void)snprintf(err, errlen,
		    "BQ_DB_LONG_TIMEOUT_MS must be 1000 to 3600000");
		goto fail;
	}
	if (!env_int("BQ_SWEEP_INTERVAL_MS", 60000, 0, 86400000,
		&c->sweep_interval_ms)) {
		(void)snprintf(
		    err, errlen, "BQ_SWEEP_INTERVAL_MS must be 0 to 86400000");
		goto fail;
	}

	/* 0: two for each of the worker's task threads (api/task.c). */
	if (!env_int("BQ_TASKS_MAX", 0, 0, 1024, &c->tasks_max)) {
		(void)snprintf(err, errlen, "BQ_TASKS_MAX must be 0 to 1024");
		goto fail;
	}
	/* A login flood waits asleep rather than being answered as fast as
	 * it asks (api/task.c). */
	if (!env_int("BQ_TASKS_WAIT", 64, 0, 65536, &c->tasks_wait)) {
		(void)snprintf(err, errlen, "BQ_TASKS_WAIT must be 0 to 65536");
		goto fail;
	}
	if (!env_int("BQ_TASK_WAIT_MS", 2000, 1, 60000, &c->task_wait_ms)) {
		(void)snprintf(
		    err, errlen, "BQ_TASK_WAIT_MS must be 1 to 60000");
		goto fail;
	}
	if (!env_int("BQ_HASH_NICE", 10, 0, 19, &c->hash_nice)) {
		(void)snprintf(err, errlen, "BQ_HASH_NICE must be 0 to 19");
		goto fail;
	}

	mode = getenv("BQ_MODE");
	if (mode == NULL || strcmp(mode, "production") == 0)
		c->demo = 0;
	else if (strcmp(mode, "demo") == 0)
		c->demo = 1;
	else {
		(void)snprintf(
		    err, errlen, "BQ_MODE must be demo or production");
		goto fail;
	}

	if (!c->demo && c->registry_url == NULL) {
		(void)snprintf(err, errlen,
		    "BQ_REGISTRY_URL is required outside demo mode");
		goto fail;
	}
	/* Demo mode trusts the demo CA that scripts/serve makes. */
	c->ca_file = env_dup("BQ_CA_FILE", NULL);
	if (c->ca_file == NULL && c->demo) {
		len = strlen(c->data_dir) + sizeof("/ca.pem");
		if ((c->ca_file = malloc(len)) == NULL)
			goto nomem;
		(void)snprintf(c->ca_file, len, "%s/ca.pem", c->data_dir);
	}
	if (c->ca_file == NULL) {
		(void)snprintf(
		    err, errlen, "BQ_CA_FILE is required outside demo mode");
		goto fail;
	}
	c->ocsp_url = env_dup("BQ_OCSP_URL", NULL);
	c->tsa_url = env_dup("BQ_TSA_URL", NULL);
	c->crl_file = env_dup("BQ_CRL_FILE", NULL);
	if (!url_ok("BQ_REGISTRY_URL", c->registry_url, err, errlen) ||
	    !url_ok("BQ_OCSP_URL", c->ocsp_url, err, errlen) ||
	    !url_ok("BQ_TSA_URL", c->tsa_url, err, errlen))
		goto fail;
	/* Past it the task's own deadline would answer first. */
	if (!env_int(
		"BQ_SIG_TIMEOUT_MS", 3000, 100, 4000, &c->sig_timeout_ms)) {
		(void)snprintf(
		    err, errlen, "BQ_SIG_TIMEOUT_MS must be 100 to 4000");
		goto fail;
	}
	if (!env_int("BQ_SIG_GOST", 0, 0, 1, &c->sig_gost) ||
	    !env_int(
		"BQ_SIG_NON_REPUDIATION", 1, 0, 1, &c->sig_non_repudiation)) {
		(void)snprintf(err, errlen,
		    "BQ_SIG_GOST and BQ_SIG_NON_REPUDIATION must be 0 or 1");
		goto fail;
	}

	/* A guessable token would guard nothing: 32 characters at least. */
	if (c->metrics_token != NULL &&
	    (strlen(c->metrics_token) < 32 || strlen(c->metrics_token) > 256)) {
		(void)snprintf(err, errlen,
		    "BQ_METRICS_TOKEN must be 32 to 256 characters");
		goto fail;
	}
	if (c->receipt_token != NULL &&
	    (strlen(c->receipt_token) < 32 || strlen(c->receipt_token) > 256)) {
		(void)snprintf(err, errlen,
		    "BQ_SMS_RECEIPT_TOKEN must be 32 to 256 characters");
		goto fail;
	}

	if (!cors_parse(&c->cors, getenv("BQ_CORS_ORIGINS"))) {
		(void)snprintf(err, errlen,
		    "BQ_CORS_ORIGINS: comma separated http(s)://host[:port] "
		    "origins, or *");
		goto fail;
	}

	return (1);

nomem:
	(void)snprintf(err, errlen, "out of memory");
fail:
	config_free(c);
	return (0);
}

void
config_free(struct bq_config *c)
{
	if (c == NULL)
		return;
	free(c->data_dir);
	free(c->db_dsn);
	free(c->db_slow_dsn);
	free(c->db_read_dsn);
	free(c->trusted_proxies);
	free(c->openapi_path);
	free(c->secret_file);
	free(c->common_passwords);
	free(c->registry_url);
	free(c->registry_file);
	free(c->ca_file);
	free(c->ocsp_url);
	free(c->tsa_url);
	free(c->crl_file);
	free(c->metrics_token);
	free(c->receipt_token);
	cors_free(&c->cors);
	memset(c, 0, sizeof(*c));
}
