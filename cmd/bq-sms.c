/*
 * bq-sms: delivers the SMS outbox.  Claims due messages (bq.sms_claim,
 * SKIP LOCKED, so several senders may run), sends each to the demo file
 * or the HTTP gateway, and records the outcome (bq.sms_result: sent,
 * retried with backoff, or dead).  Between batches it sleeps on LISTEN
 * bq_sms, so a code goes out the moment it is issued.
 *
 *   bq-sms [--once]
 *   BQ_SMS_DSN           the database, as role bq_sms (required)
 *   BQ_SMS_GATEWAY_URL   the HTTP gateway; without it, demo mode:
 *   BQ_SMS_FILE          the demo file (default var/sms.jsonl)
 *   BQ_SMS_GATEWAY_TOKEN a bearer token for the gateway, if it wants one
 */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libpq-fe.h>

#include "bq/sms.h"

#define BATCH 20
#define BATCH_TEXT "20"
#define IDLE_MS 1000

static volatile sig_atomic_t running = 1;

static void
stop(int sig)
{
	(void)sig;
	running = 0;
}

static void
say(const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "bq-sms: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
}

static int
deliver(const struct sms *m, char *err, size_t errlen)
{
	const char *url, *file;

	if ((url = getenv("BQ_SMS_GATEWAY_URL")) != NULL && url[0] != '\0')
		return (sms_http_send(
		    url, getenv("BQ_SMS_GATEWAY_TOKEN"), 5000, m, err, errlen));
	if ((file = getenv("BQ_SMS_FILE")) == NULL || file[0] == '\0')
		file = "var/sms.jsonl";

	return (sms_demo_append(file, m, err, errlen));
}

/* One batch; the number claimed, or -1 when the connection failed. */
static int
batch(PGconn *db)
{
	const char *params[3];
	struct sms m;
	PGresult *res, *done;
	char err[256];
	int i, n, ok;

	res = PQexec(db,
	    "SELECT id, phone, kind, body, code "
	    "FROM bq.sms_claim(" BATCH_TEXT ")");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		say("claim failed: %s%s", PQresultErrorMessage(res), "");
		PQclear(res);
		return (-1);
	}
	n = PQntuples(res);
	for (i = 0; i < n; i++) {
		m.id = PQgetvalue(res, i, 0);
		m.phone = PQgetvalue(res, i, 1);
		m.kind = PQgetvalue(res, i, 2);
		m.body = PQgetvalue(res, i, 3);
		m.code = PQgetisnull(res, i, 4) ? NULL : PQgetvalue(res, i, 4);
		err[0] = '\0';
		ok = !PQgetisnull(res, i, 3) && deliver(&m, err, sizeof(err));
		if (ok)
			say("sent %s (%s)", m.id, m.kind);
		else
			say("%s not sent: %s", m.id, err);
		params[0] = m.id;
		params[1] = ok ? "true" : "false";
		params[2] = err;
		done = PQexecParams(db, "SELECT bq.sms_result($1, $2, $3)", 3,
		    NULL, params, NULL, NULL, 0);
		if (PQresultStatus(done) != PGRES_TUPLES_OK)
			say("recording %s failed: %s", m.id,
			    PQresultErrorMessage(done));
		PQclear(done);
	}
	PQclear(res);

	return (n);
}

static void
wait_for_news(PGconn *db)
{
	struct pollfd pfd;
	PGnotify *note;

	pfd.fd = PQsocket(db);
	pfd.events = POLLIN;
	pfd.revents = 0;
	if (poll(&pfd, 1, IDLE_MS) > 0 && PQconsumeInput(db)) {
		while ((note = PQnotifies(db)) != NULL)
			PQfreemem(note);
	}
}

int
main(int argc, char **argv)
{
	const char *dsn;
	PGconn *db;
	PGresult *res;
	int once, n = 0;

	once = argc > 1 && strcmp(argv[1], "--once") == 0;
	if ((dsn = getenv("BQ_SMS_DSN")) == NULL || dsn[0] == '\0') {
		fprintf(stderr, "bq-sms: BQ_SMS_DSN is not set\n");
		return (2);
	}
	(void)signal(SIGTERM, stop);
	(void)signal(SIGINT, stop);
	(void)signal(SIGPIPE, SIG_IGN);
	setvbuf(stderr, NULL, _IOLBF, 0);
	curl_global_init(CURL_GLOBAL_DEFAULT);

	db = NULL;
	while (running) {
		if (db == NULL || PQstatus(db) != CONNECTION_OK) {
			PQfinish(db);
			db = PQconnectdb(dsn);
			if (PQstatus(db) != CONNECTION_OK) {
				say("cannot connect: %s%s", PQerrorMessage(db),
				    "");
				if (once) {
					n = -1;
					break;
				}
				sleep(1);
				continue;
			}
			res = PQexec(db, "LISTEN bq_sms");
			PQclear(res);
		}
		if ((n = batch(db)) == BATCH)
			continue;
		if (once)
			break;
		if (n >= 0)
			wait_for_news(db);
	}

	PQfinish(db);
	curl_global_cleanup();

	return (once && n < 0 ? 1 : 0);
}
