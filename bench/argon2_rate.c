/*
 * What argon2id allows on this machine: one thread per core checking a
 * password as a login does (password_verify, the service's parameters)
 * for a few seconds; prints the checks a second of all threads and the
 * milliseconds one takes.
 *
 *     argon2_rate [SECONDS] [THREADS]
 */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bq/password.h"

#define PASSWORD "Balabaqsha-demo-2026"

static double seconds = 3.0;
static char stored[PASSWORD_HASH_MAX];

static double
now(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* What a login hashes: password_verify() against a stored hash. */
static void *
hasher(void *arg)
{
	long *n = arg;
	double end;

	end = now() + seconds;
	while (now() < end) {
		if (!password_verify(stored, PASSWORD)) {
			fprintf(stderr, "password_verify failed\n");
			exit(1);
		}
		(*n)++;
	}

	return (NULL);
}

int
main(int argc, char **argv)
{
	pthread_t *t;
	long *n, total;
	int i, threads;
	double start, took;

	if (argc > 1)
		seconds = atof(argv[1]);
	threads = argc > 2 ? atoi(argv[2]) : (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (seconds <= 0 || threads < 1) {
		fprintf(stderr, "usage: argon2_rate [SECONDS] [THREADS]\n");
		return (2);
	}
	if (!password_hash(PASSWORD, stored, sizeof(stored))) {
		fprintf(stderr, "password_hash failed\n");
		return (1);
	}
	if ((t = calloc(threads, sizeof(*t))) == NULL ||
	    (n = calloc(threads, sizeof(*n))) == NULL)
		return (1);

	start = now();
	for (i = 0; i < threads; i++) {
		if (pthread_create(&t[i], NULL, hasher, &n[i]) != 0)
			return (1);
	}
	total = 0;
	for (i = 0; i < threads; i++) {
		(void)pthread_join(t[i], NULL);
		total += n[i];
	}
	took = now() - start;
	printf("threads=%d hashes=%ld per_second=%.1f ms_per_hash=%.1f\n",
	    threads, total, total / took, 1000.0 * took * threads / total);

	return (0);
}
