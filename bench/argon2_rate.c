/*
 * What argon2id allows on this machine: one thread per core hashing with
 * the service's parameters (bq/password.h) for a few seconds; prints the
 * hashes a second of all threads and the milliseconds one hash takes.
 *
 *     argon2_rate [SECONDS] [THREADS]
 */

#include <argon2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bq/password.h"

static double seconds = 3.0;

static double
now(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

static void *
hasher(void *arg)
{
	static const char pwd[] = "Balabaqsha-demo-2026";
	unsigned char salt[16] = "bench-salt-0123", hash[32];
	long *n = arg;
	double end;

	end = now() + seconds;
	while (now() < end) {
		if (argon2id_hash_raw(PASSWORD_T_COST, PASSWORD_M_COST,
			PASSWORD_PARALLEL, pwd, sizeof(pwd) - 1, salt,
			sizeof(salt), hash, sizeof(hash)) != ARGON2_OK) {
			fprintf(stderr, "argon2id failed\n");
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
