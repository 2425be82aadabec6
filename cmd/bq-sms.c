/*
 * bq-sms: delivers the outboxes, SMS and e-mail.  Claims due messages
 * (bq.sms_claim, bq.email_claim; SKIP LOCKED, so several senders may
 * run), sends each to the demo file, the HTTP gateway or the SMTP server,
 * and records the outcome (bq.sms_result, bq.email_result: sent, retried
 * with backoff, or dead).  Between batches it sleeps on LISTEN bq_sms,
 * which both outboxes notify, so a code goes out the moment it is issued.
 *
 *   bq-sms [--once]
 *   BQ_SMS_DSN           the database, as role bq_sms (required)
 *   BQ_SMS_GATEWAY_URL   the HTTP gateway; without it, demo mode:
 *   BQ_SMS_FILE          the demo file (default var/sms.jsonl)
 *   BQ_SMS_GATEWAY_TOKEN a bearer token for the gateway, if it wants one
 *   BQ_SMTP_URL          smtp://host:port or smtps://; without it, demo:
 *   BQ_MAIL_FILE         the demo file (default var/mail.jsonl)
 *   BQ_SMTP_FROM         the sender's address (required with BQ_SMTP_URL)
 *   BQ_SMTP_USER, BQ_SMTP_PASSWORD  credentials, if the server wants them
 *   BQ_SMTP_STARTTLS     1: refuse to send unless STARTTLS succeeds
 *   BQ_PORTAL_URL        the parents' front end, for the links in messages
 *                        (their "{portal}"; default http://127.0.0.1:8888)
 *   BQ_SMS_METRICS_FILE  a Prometheus text file (node_exporter's textfile
 *                        collector) of the last day's messages by channel
 *                        and state and the calendar's days left,
 *                        rewritten every METRICS_S seconds
 */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libpq-fe.h>

#include "bq/mail.h"
#include "bq/promfile.h"
#include "bq/sms.h"
#include "bq/strbuf.h"

#define BATCH 20
#define BATCH_TEXT "20"
#define IDLE_MS 1000
#define METRICS_S 10
#define nitems(a) (sizeof(a) / sizeof((a)[0]))

static volatile sig_atomic_t running = 1;

/* A message's text with the front end's address in its links. */
static const char *
portal_filled(struct strbuf *b, const char *text)
{
	const char *portal;

	if ((portal = getenv("BQ_PORTAL_URL")) == NULL || portal[0] == '\0')
		portal = "http://127.0.0.1:8888";
	strbuf_init(b);
	strbuf_append_filled(b, text, "{portal}", portal);

	return (b->failed ? NULL : b->data);
}

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

/*
 * Row i of a claimed SMS batch (id, phone, kind, body, code) to the HTTP
 * gateway or the demo file.  A row without its text (erased) is not sent.
 */
static int
send_sms(PGresult *res, int i, char *err, size_t errlen)
{
	const char *url, *file;
	struct strbuf text;
	struct sms m;
	int ok;

	m.id = PQgetvalue(res, i, 0);
	m.phone = PQgetvalue(res, i, 1);
	m.kind = PQgetvalue(res, i, 2);
	m.code = PQgetisnull(res, i, 4) ? NULL : PQgetvalue(res, i, 4);
	if (PQgetisnull(res, i, 3))
		return (0);
	if ((m.body = portal_filled(&text, PQgetvalue(res, i, 3))) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		strbuf_free(&text);
		return (0);
	}
	if ((url = getenv("BQ_SMS_GATEWAY_URL")) != NULL && url[0] != '\0')
		ok = sms_http_send(
		    url, getenv("BQ_SMS_GATEWAY_TOKEN"), 5000, &m, err, errlen);
	else {
		if ((file = getenv("BQ_SMS_FILE")) == NULL || file[0] == '\0')
			file = "var/sms.jsonl";
		ok = sms_demo_append(file, &m, err, errlen);
	}
	strbuf_free(&text);

	return (ok);
}

/*
 * Row i of a claimed e-mail batch (id, address, language, kind, subject,
 * body, code) to the SMTP server or the demo file.
 */
static int
send_mail(PGresult *res, int i, char *err, size_t errlen)
{
	struct mail_server s;
	struct strbuf text;
	const char *file;
	struct mail m;
	int ok;

	m.id = PQgetvalue(res, i, 0);
	m.to = PQgetvalue(res, i, 1);
	m.language = PQgetvalue(res, i, 2);
	m.kind = PQgetvalue(res, i, 3);
	m.subject = PQgetvalue(res, i, 4);
	m.code = PQgetisnull(res, i, 6) ? NULL : PQgetvalue(res, i, 6);
	if (PQgetisnull(res, i, 5))
		return (0);
	if ((m.body = portal_filled(&text, PQgetvalue(res, i, 5))) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		strbuf_free(&text);
		return (0);
	}
	memset(&s, 0, sizeof(s));
	if ((s.url = getenv("BQ_SMTP_URL")) != NULL && s.url[0] != '\0') {
		s.from = getenv("BQ_SMTP_FROM");
		s.user = getenv("BQ_SMTP_USER");
		s.password = getenv("BQ_SMTP_PASSWORD");
		s.starttls = getenv("BQ_SMTP_STARTTLS") != NULL &&
		    strcmp(getenv("BQ_SMTP_STARTTLS"), "1") == 0;
		s.timeout_ms = 10000;
		if (s.from == NULL || s.from[0] == '\0') {
			(void)snprintf(err, errlen, "BQ_SMTP_FROM is not set");
			ok = 0;
		} else
			ok = mail_smtp_send(&s, &m, err, errlen);
	} else {
		if ((file = getenv("BQ_MAIL_FILE")) == NULL || file[0] == '\0')
			file = "var/mail.jsonl";
		ok = mail_demo_append(file, &m, err, errlen);
	}
	strbuf_free(&text);

	return (ok);
}

/* An outbox: how its due messages are claimed, sent and recorded. */
struct outbox {
	const char *claim;
	const char *result;
	int (*send)(PGresult *, int, char *, size_t);
};

static const struct outbox outboxes[] = {
	{ "SELECT id, phone, kind, body, code FROM bq.sms_claim(" BATCH_TEXT
	  ")",
	    "SELECT bq.sms_result($1, $2, $3)", send_sms },
	{ "SELECT id, address, language, kind, subject, body, code "
	  "FROM bq.email_claim(" BATCH_TEXT ")",
	    "SELECT bq.email_result($1, $2, $3)", send_mail },
};

/*
 * One batch of an outbox: the number claimed, or -1 when the connection
 * failed.  The log names the message by id and kind (column 0 and the
 * column named kind), never its recipient, text or code.
 */
static int
batch(PGconn *db, const struct outbox *o)
{
	const char *params[3], *id, *kind;
	PGresult *res, *done;
	char err[256];
	int i, n, ok;

	res = PQexec(db, o->claim);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		say("claim failed: %s%s", PQresultErrorMessage(res), "");
		PQclear(res);
		return (-1);
	}
	n = PQntuples(res);
	for (i = 0; i < n; i++) {
		id = PQgetvalue(res, i, 0);
		kind = PQgetvalue(res, i, PQfnumber(res, "kind"));
		err[0] = '\0';
		if ((ok = o->send(res, i, err, sizeof(err))))
			say("sent %s (%s)", id, kind);
		else
			say("%s not sent: %s", id, err[0] ? err : "erased");
		params[0] = id;
		params[1] = ok ? "true" : "false";
		params[2] = err;
		done =
		    PQexecParams(db, o->result, 3, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(done) != PGRES_TUPLES_OK)
			say("recording %s failed: %s", id,
			    PQresultErrorMessage(done));
		PQclear(done);
	}
	PQclear(res);

	return (n);
}

/* The metrics file, from bq.outbox_counts: a gauge by channel and state. */
static void
write_metrics(PGconn *db, const char *path)
{
	struct strbuf b;
	PGresult *res;
	char err[256];
	int i;

	res = PQexec(db, "SELECT channel, state, n FROM bq.outbox_counts()");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		say("counting failed: %s%s", PQresultErrorMessage(res), "");
		PQclear(res);
		return;
	}
	strbuf_init(&b);
	strbuf_appendf(&b,
	    "# HELP bq_outbox_messages Messages of the last day by channel "
	    "and state (queued, failed, sent, delivered, dead).\n"
	    "# TYPE bq_outbox_messages gauge\n");
	for (i = 0; i < PQntuples(res); i++)
		strbuf_appendf(&b,
		    "bq_outbox_messages{channel=\"%s\",state=\"%s\"} %s\n",
		    PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
		    PQgetvalue(res, i, 2));
	PQclear(res);
	res = PQexec(db,
	    "SELECT coalesce(bq.calendar_until() - "
	    "(now() AT TIME ZONE 'Asia/Almaty')::date, 0)");
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		strbuf_appendf(&b,
		    "# HELP bq_calendar_days_left Days of working-day calendar "
		    "maintained ahead; deadlines past them are refused.\n"
		    "# TYPE bq_calendar_days_left gauge\n"
		    "bq_calendar_days_left %s\n",
		    PQgetvalue(res, 0, 0));
	PQclear(res);
	res = PQexec(db, "SELECT failing, overdue FROM bq.schedule_counts()");
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		strbuf_appendf(&b,
		    "# HELP bq_round_schedules_failing Region schedules whose "
		    "last scheduled round failed (retried, then given up).\n"
		    "# TYPE bq_round_schedules_failing gauge\n"
		    "bq_round_schedules_failing %s\n"
		    "# HELP bq_round_schedules_overdue Region schedules due "
		    "for "
		    "ten minutes that no node has run.\n"
		    "# TYPE bq_round_schedules_overdue gauge\n"
		    "bq_round_schedules_overdue %s\n",
		    PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
	PQclear(res);
	res = PQexec(db, "SELECT bq.rounds_refused()");
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		strbuf_appendf(&b,
		    "# HELP bq_rounds_refused Allocation rounds their checks "
		    "refused in the last 24 hours (no voucher given).\n"
		    "# TYPE bq_rounds_refused gauge\n"
		    "bq_rounds_refused %s\n",
		    PQgetvalue(res, 0, 0));
	PQclear(res);
	if (b.failed)
		say("metrics: %s%s", "out of memory", "");
	else if (!promfile_write(path, b.data, err, sizeof(err)))
		say("metrics: %s%s", err, "");
	strbuf_free(&b);
}

static void
wait_for_news(PGconn *db)
{
	struct pollfd pfd;
	PGnotify *note;
	int news = 0;

	/*
	 * A NOTIFY that came while the last batch's statements ran is in
	 * libpq's queue already, and the socket has nothing more to say of
	 * it: polling first slept IDLE_MS on a message that was due (a copy
	 * past its deadline then waited that long to be marked dead).
	 */
	(void)PQconsumeInput(db);
	while ((note = PQnotifies(db)) != NULL) {
		PQfreemem(note);
		news = 1;
	}
	if (news)
		return;
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
	size_t i;
	const char *metrics = getenv("BQ_SMS_METRICS_FILE");
	time_t metrics_at = 0;
	int full, once, n = 0;

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
		/* Full batches: more may be due at once. */
		full = 0;
		n = 0;
		for (i = 0; n >= 0 && i < nitems(outboxes); i++) {
			n = batch(db, &outboxes[i]);
			full |= n == BATCH;
		}
		if (n >= 0 && metrics != NULL && metrics[0] != '\0' &&
		    (once || time(NULL) - metrics_at >= METRICS_S)) {
			write_metrics(db, metrics);
			metrics_at = time(NULL);
		}
		if (n >= 0 && full)
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
