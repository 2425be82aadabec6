/*
 * One database statement per request (api/db.c): asynchronous, with a
 * deadline, a fair turn for the pool's connections, and the refusal a
 * SQL RAISE carries (SQLSTATE, column, hint) kept for the problem reply.
 */
#ifndef BQ_API_DB_H
#define BQ_API_DB_H

#include <stdint.h>

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>

#include "bq/json.h"

#define API_DB_PARAMS_MAX 16

struct api_call;

/* Where a step of work that may wait stands. */
enum api_outcome {
	API_PENDING, /* waiting: the handler returns KORE_RESULT_RETRY */
	API_DONE, /* finished: the handler goes on */
	API_ANSWERED /* a reply was sent: the handler returns */
};

struct api_db {
	struct kore_pgsql sql;
	const char *query;
	int ok_status; /* the reply's status when the statement succeeds */
	int binary; /* results in binary: a file and its type */
	int slow; /* on the pool for long statements, with its deadline */
	int standby; /* on the standby's pool (api/replica.c) */
	int standby_late; /* its half of the deadline passed */
	int lsn_phase; /* asking the position after a write succeeded */
	int unreplicated; /* the commit's wait for the standby was cancelled */
	uint64_t sent_us; /* when the statement went to the server */
	int nparams;
	const char *values[API_DB_PARAMS_MAX];
	int lengths[API_DB_PARAMS_MAX];
	int formats[API_DB_PARAMS_MAX];
	struct kore_timer *timer;
	int armed; /* the deadline timer was started */
	int resends; /* statements that could not be sent */
	int timed_out;
	int failed;
	int rows; /* rows returned: one, for every JSON statement */
	int waiting; /* counted in bq_db_pool_waiting */
	int busy; /* counted in bq_db_pool_busy */
	char sqlstate[6];
	char column[FIELD_NAME_MAX];
	char hint[32];
	char detail
	    [1024]; /* a rate limit's seconds, or bq.refuse_fields' pairs */
	enum api_outcome outcome;
};

void api_db_prepare(struct api_call *, const char *, int);
void api_db_param(struct api_call *, const char *);
void api_db_param_bytes(struct api_call *, const void *, size_t);
void api_db_prepare_either(struct api_call *, int, const char *, const char *);
int api_db_run_either(struct api_call *);
void api_db_slow(struct api_call *);
int api_db_run_file(struct api_call *);
int api_db_run(struct api_call *);
enum api_outcome api_db_step(struct api_call *);
enum api_outcome api_db_lookup(struct api_call *);
int api_db_refused(struct api_call *);
/* A string of the statement's document and where it goes. */
struct api_db_string {
	const char *key;
	char *out;
	size_t len;
};
int api_db_out_strings(struct api_call *, const struct api_db_string *, size_t);
int api_pending(enum api_outcome);
int api_db_run_tokens(struct api_call *, int, const char *);
int api_db_available(void);
void api_db_register(void);
void api_db_leave(struct api_call *);
void api_db_unreachable(void);
void api_sweeper_start(void);

#endif
