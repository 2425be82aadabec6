/*
 * One e-mail out.  The demo sender appends a JSON line to a file (to,
 * subject, text, code; src/jsonl.c).  The SMTP sender hands libcurl a
 * plain-text message in UTF-8: the subject in an RFC 2047 encoded word,
 * the body in base64, Content-Language the reader's language.  Errors
 * describe the failure, never the message or its recipient.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "bq/jsonl.h"
#include "bq/mail.h"

#define MAIL_MAX 16384

int
mail_demo_append(
    const char *path, const struct mail *m, char *err, size_t errlen)
{
	char line[MAIL_MAX], when[32];
	cJSON *doc;
	size_t n;
	int ok;

	if (!jsonl_now(when, sizeof(when)) ||
	    (doc = cJSON_CreateObject()) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		return (0);
	}
	ok = cJSON_AddStringToObject(doc, "id", m->id) != NULL &&
	    cJSON_AddStringToObject(doc, "at", when) != NULL &&
	    cJSON_AddStringToObject(doc, "to", m->to) != NULL &&
	    cJSON_AddStringToObject(doc, "language", m->language) != NULL &&
	    cJSON_AddStringToObject(doc, "kind", m->kind) != NULL &&
	    cJSON_AddStringToObject(doc, "subject", m->subject) != NULL &&
	    cJSON_AddStringToObject(doc, "text", m->body) != NULL &&
	    (m->code == NULL ||
		cJSON_AddStringToObject(doc, "code", m->code) != NULL) &&
	    cJSON_PrintPreallocated(doc, line, (int)sizeof(line) - 1, 0);
	cJSON_Delete(doc);
	if (!ok) {
		(void)snprintf(err, errlen, "message too long");
		return (0);
	}
	n = strlen(line);
	line[n] = '\n';
	line[n + 1] = '\0';

	return (jsonl_append(path, line, err, errlen));
}

/* Base64 of src into out, in lines of 76 characters ending CRLF. */
static int
base64_lines(const char *src, char *out, size_t outlen)
{
	unsigned char chunk[128];
	size_t len, off, take, used;
	int n;

	len = strlen(src);
	used = 0;
	for (off = 0; off < len; off += take) {
		take = len - off < 57 ? len - off : 57;
		if (used + 4 * 19 + 3 > outlen)
			return (0);
		n = EVP_EncodeBlock(
		    chunk, (const unsigned char *)src + off, (int)take);
		memcpy(out + used, chunk, (size_t)n);
		used += (size_t)n;
		memcpy(out + used, "\r\n", 2);
		used += 2;
	}
	out[used] = '\0';

	return (1);
}

/* The whole message, headers and body, as SMTP carries it. */
int
mail_message(const struct mail *m, const char *from, char *out, size_t outlen)
{
	unsigned char subject[1024];
	char date[64], body[MAIL_MAX];
	struct tm tm;
	time_t now;
	size_t slen;
	int n;

	slen = strlen(m->subject);
	if (slen > 700 || !base64_lines(m->body, body, sizeof(body)))
		return (0);
	(void)EVP_EncodeBlock(
	    subject, (const unsigned char *)m->subject, (int)slen);
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm) ==
		0)
		return (0);
	n = snprintf(out, outlen,
	    "From: <%s>\r\n"
	    "To: <%s>\r\n"
	    "Subject: =?UTF-8?B?%s?=\r\n"
	    "Date: %s\r\n"
	    "Message-ID: <%s@balabaqsha>\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Content-Language: %s\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "\r\n"
	    "%s",
	    from, m->to, subject, date, m->id, m->language, body);

	return (n > 0 && (size_t)n < outlen);
}

struct reader {
	const char *text;
	size_t len;
	size_t off;
};

static size_t
feed(char *buf, size_t size, size_t n, void *arg)
{
	struct reader *r = arg;
	size_t take;

	take = size * n;
	if (take > r->len - r->off)
		take = r->len - r->off;
	memcpy(buf, r->text + r->off, take);
	r->off += take;

	return (take);
}

int
mail_smtp_send(
    const struct mail_server *s, const struct mail *m, char *err, size_t errlen)
{
	static char message[MAIL_MAX * 2];
	struct curl_slist *rcpt;
	struct reader r;
	char from[300], to[300];
	CURLcode rc;
	CURL *curl;

	if (!mail_message(m, s->from, message, sizeof(message))) {
		(void)snprintf(err, errlen, "message too long");
		return (0);
	}
	if ((curl = curl_easy_init()) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		return (0);
	}
	(void)snprintf(from, sizeof(from), "<%s>", s->from);
	(void)snprintf(to, sizeof(to), "<%s>", m->to);
	rcpt = curl_slist_append(NULL, to);
	r.text = message;
	r.len = strlen(message);
	r.off = 0;
	(void)curl_easy_setopt(curl, CURLOPT_URL, s->url);
	(void)curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	(void)curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
	(void)curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
	(void)curl_easy_setopt(curl, CURLOPT_READFUNCTION, feed);
	(void)curl_easy_setopt(curl, CURLOPT_READDATA, &r);
	(void)curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
	(void)curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, s->timeout_ms);
	(void)curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	if (s->starttls)
		(void)curl_easy_setopt(
		    curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (s->user != NULL && s->user[0] != '\0') {
		(void)curl_easy_setopt(curl, CURLOPT_USERNAME, s->user);
		(void)curl_easy_setopt(curl, CURLOPT_PASSWORD,
		    s->password != NULL ? s->password : "");
	}
	rc = curl_easy_perform(curl);
	if (rc != CURLE_OK)
		(void)snprintf(err, errlen, "%s", curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(curl);
	OPENSSL_cleanse(message, sizeof(message));

	return (rc == CURLE_OK);
}
