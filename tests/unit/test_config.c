/* Configuration from the environment: defaults and refusals. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "bq/config.h"

static void
clear(void)
{
	unsetenv("BQ_DB_DSN");
	unsetenv("BQ_DB_TIMEOUT_MS");
	unsetenv("BQ_MODE");
	unsetenv("BQ_CORS_ORIGINS");
	unsetenv("BQ_DATA_DIR");
	unsetenv("BQ_REGISTRY_URL");
	unsetenv("BQ_SECRET_FILE");
	unsetenv("BQ_CA_FILE");
	unsetenv("BQ_DB_LONG_TIMEOUT_MS");
	unsetenv("BQ_SWEEP_INTERVAL_MS");
	unsetenv("BQ_METRICS_TOKEN");
}

static void
defaults(void **state)
{
	struct bq_config c;
	char err[128];

	(void)state;
	clear();
	setenv("BQ_DB_DSN", "host=/tmp dbname=x", 1);
	setenv("BQ_REGISTRY_URL", "https://registry.example.kz/person", 1);
	setenv("BQ_CA_FILE", "/etc/bq/nca.pem", 1);
	assert_true(config_load(&c, err, sizeof(err)));
	assert_int_equal(c.db_timeout_ms, 1500);
	assert_int_equal(c.db_long_timeout_ms, 120000);
	assert_int_equal(c.sweep_interval_ms, 60000);
	assert_string_equal(c.ca_file, "/etc/bq/nca.pem");
	assert_int_equal(c.demo, 0);
	assert_string_equal(c.data_dir, "var");
	assert_string_equal(c.secret_file, "var/secret.key");
	config_free(&c);
	unsetenv("BQ_REGISTRY_URL");
	unsetenv("BQ_CA_FILE");

	/* Demo mode trusts the demo CA of the data folder. */
	setenv("BQ_MODE", "demo", 1);
	setenv("BQ_DB_TIMEOUT_MS", "900", 1);
	setenv("BQ_CORS_ORIGINS", "https://a.kz", 1);
	assert_true(config_load(&c, err, sizeof(err)));
	assert_int_equal(c.demo, 1);
	assert_int_equal(c.db_timeout_ms, 900);
	assert_int_equal(c.cors.n, 1);
	assert_string_equal(c.ca_file, "var/ca.pem");
	config_free(&c);
}

static void
refusals(void **state)
{
	struct bq_config c;
	char err[128], url[CONFIG_URL_MAX + 16];

	(void)state;
	clear();
	assert_false(config_load(&c, err, sizeof(err)));
	assert_non_null(strstr(err, "BQ_DB_DSN"));

	setenv("BQ_DB_DSN", "host=/tmp", 1);
	setenv("BQ_DB_TIMEOUT_MS", "15x", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	setenv("BQ_DB_TIMEOUT_MS", "5", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	unsetenv("BQ_DB_TIMEOUT_MS");
	setenv("BQ_MODE", "test", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	unsetenv("BQ_MODE");
	/* Production needs a real registry, over http(s). */
	assert_false(config_load(&c, err, sizeof(err)));
	assert_non_null(strstr(err, "BQ_REGISTRY_URL"));
	/* And the CA certificates it trusts for contract signatures. */
	setenv("BQ_REGISTRY_URL", "https://registry", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	assert_non_null(strstr(err, "BQ_CA_FILE"));
	setenv("BQ_CA_FILE", "/etc/bq/nca.pem", 1);
	setenv("BQ_REGISTRY_URL", "ftp://registry", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	assert_non_null(strstr(err, "BQ_REGISTRY_URL"));
	/* Longer than a task can carry: refused, not cut. */
	memset(url, 'a', sizeof(url) - 1);
	url[sizeof(url) - 1] = '\0';
	memcpy(url, "https://", 8);
	setenv("BQ_REGISTRY_URL", url, 1);
	assert_false(config_load(&c, err, sizeof(err)));
	assert_non_null(strstr(err, "too long"));
	setenv("BQ_REGISTRY_URL", "https://registry", 1);
	setenv("BQ_CORS_ORIGINS", "a.kz", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	unsetenv("BQ_CORS_ORIGINS");
	setenv("BQ_SWEEP_INTERVAL_MS", "-1", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	assert_non_null(strstr(err, "BQ_SWEEP_INTERVAL_MS"));
	unsetenv("BQ_SWEEP_INTERVAL_MS");
	/* A metrics token one could guess guards nothing. */
	setenv("BQ_METRICS_TOKEN", "short", 1);
	assert_false(config_load(&c, err, sizeof(err)));
	assert_non_null(strstr(err, "BQ_METRICS_TOKEN"));
	setenv("BQ_METRICS_TOKEN", "0123456789abcdef0123456789abcdef", 1);
	assert_true(config_load(&c, err, sizeof(err)));
	assert_string_equal(
	    c.metrics_token, "0123456789abcdef0123456789abcdef");
	config_free(&c);
	unsetenv("BQ_METRICS_TOKEN");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(refusals),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
