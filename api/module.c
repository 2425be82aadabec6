/*
 * The module's life: the parent reads and checks the configuration, loads
 * the OpenAPI document and maps the shared metrics before the workers
 * fork; each worker then registers its database pool.
 */

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <kore/seccomp.h>
#include <kore/hooks.h>

#include <openssl/crypto.h>

#include "bq/api_call.h"
#include "bq/api_db.h"
#include "bq/api_log.h"
#include "bq/opaque.h"
#include "bq/registry.h"
#include "bq/signature.h"

struct bq_config api_config;
struct api_keys api_keys;
struct metrics *api_metrics;
char *api_openapi;
size_t api_openapi_len;
X509_STORE *api_trusted_ca;

void kore_parent_configure(int, char **);
int bq_init(int);

/* What workers need beyond Kore's own filter (docs/KORE.md). */
#ifdef __SANITIZE_ADDRESS__
/* ASan's runtime, preloaded into Kore for the sanitizer run, names the
 * threads it starts (tasks) and asks their CPUs: found with
 * BQ_SECCOMP_TRACING=1, allowed only in that build. */
#define BQ_SANITIZER_SYSCALLS \
	KORE_SYSCALL_ALLOW(gettid), KORE_SYSCALL_ALLOW(sched_getaffinity),
#else
#define BQ_SANITIZER_SYSCALLS
#endif
KORE_SECCOMP_FILTER("bq",
    BQ_SANITIZER_SYSCALLS KORE_SYSCALL_DENY(clone3, ENOSYS),
    KORE_SYSCALL_ALLOW(rseq), KORE_SYSCALL_ALLOW(newfstatat),
    KORE_SYSCALL_ALLOW(getrandom), KORE_SYSCALL_ALLOW(getpeername),
    KORE_SYSCALL_ALLOW(setpriority))

static void
load_openapi(const char *path)
{
	struct stat st;
	ssize_t r;
	size_t off;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		fatal("bq: cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &st) == -1 || st.st_size <= 0 ||
	    st.st_size > 8 * 1024 * 1024)
		fatal("bq: %s: unusable size", path);

	api_openapi_len = (size_t)st.st_size;
	api_openapi = kore_malloc(api_openapi_len);
	for (off = 0; off < api_openapi_len; off += (size_t)r) {
		r = read(fd, api_openapi + off, api_openapi_len - off);
		if (r <= 0)
			fatal("bq: reading %s failed", path);
	}
	(void)close(fd);
}

/*
 * The keys, derived from the master secret.  Demo mode makes the secret
 * file on first start; elsewhere it must be provided (every node of a
 * deployment needs the same one, or tokens fail between nodes).
 */
static void
load_keys(void)
{
	struct secret s;
	char err[256], pw[OPAQUE_LEN + 1];

	if (!secret_load(
		&s, api_config.secret_file, api_config.demo, err, sizeof(err)))
		fatal("bq: secret: %s", err);
	secret_derive(&s, "jwt-hs256", api_keys.jwt);
	secret_derive(&s, "otp-mac", api_keys.otp);
	OPENSSL_cleanse(&s, sizeof(s));

	if (!opaque_generate(pw) ||
	    !password_hash(
		pw, api_keys.decoy_hash, sizeof(api_keys.decoy_hash)))
		fatal("bq: cannot make the decoy password hash");
	OPENSSL_cleanse(pw, sizeof(pw));
}

void
kore_parent_configure(int argc, char **argv)
{
	char err[256];
	char path[1024];
	void *p;

	(void)argc;
	(void)argv;

	if (!config_load(&api_config, err, sizeof(err)))
		fatal("bq: configuration: %s", err);
	load_openapi(api_config.openapi_path);
	load_keys();
	if (!password_common_load(
		api_config.common_passwords, err, sizeof(err)))
		fatal("bq: common passwords: %s", err);
	/* The demo registry's persons, read by each worker when the file
	 * changes (README, The demo registry). */
	if (api_config.demo) {
		(void)snprintf(path, sizeof(path), "%s/registry.json",
		    api_config.data_dir);
		registry_demo_file(api_config.registry_file != NULL
			? api_config.registry_file
			: path);
	}
	/* GOST keys parse only once the engine is loaded: before the
	 * store, the fork and the sandbox. */
	if (api_config.sig_gost && !sig_gost_enable(err, sizeof(err)))
		fatal("bq: BQ_SIG_GOST: %s", err);
	/* Read before the fork and the sandbox; the workers share it. */
	if ((api_trusted_ca = sig_store_load(
		 api_config.ca_file, err, sizeof(err))) == NULL)
		fatal("bq: %s", err);

	/* Shared by every worker forked after this. */
	p = mmap(NULL, sizeof(*api_metrics), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		fatal("bq: mmap metrics: %s", strerror(errno));
	api_metrics = p;
	memset(api_metrics, 0, sizeof(*api_metrics));
	api_metrics->started = (uint64_t)time(NULL);

	if (worker_count >= METRICS_WORKERS_MAX)
		fatal("bq: at most %d workers", METRICS_WORKERS_MAX - 1);
}

int
bq_init(int state)
{
	if (state != KORE_MODULE_LOAD)
		return (KORE_RESULT_OK);

	/*
	 * argon2id takes 19 MiB a hash.  glibc raises its mmap threshold to
	 * the size of the first large block freed, after which such blocks
	 * stay in each task thread's arena: a login flood grew the workers
	 * by that much for good.  A fixed threshold keeps them mmapped and
	 * given back when freed.
	 */
	if (mallopt(M_MMAP_THRESHOLD, 1024 * 1024) != 1)
		kore_log(LOG_NOTICE, "bq: cannot set the mmap threshold");
	api_db_register();
	api_replica_start();
	api_sweeper_start();

	return (KORE_RESULT_OK);
}

/* A stopping worker's last access log lines (api/logbatch.c). */
void
kore_worker_teardown(void)
{
	api_log_flush();
}
