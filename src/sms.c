/*
 * One SMS out.  The demo sender appends a JSON line to a file (README,
 * Quick start: at least to, text and code; src/jsonl.c).  The HTTP
 * sender POSTs {"id","to","text"} to the gateway; any 2xx is sent, and
 * the gateway may later report delivery of that id (POST /v1/sms/receipts).
 * Errors describe the failure, never the message or its recipient.
 */

#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "bq/jsonl.h"
#include "bq/sms.h"

int
sms_demo_line(const struct sms *m, char *out, size_t len)
{
	char when[32];
	cJSON *doc;
	size_t n;
	int ok;

	if (!jsonl_now(when, sizeof(when)) ||
	    (doc = cJSON_CreateObject()) == NULL)
		return (0);
	ok = cJSON_AddStringToObject(doc, "id", m->id) != NULL &&
	    cJSON_AddStringToObject(doc, "at", when) != NULL &&
	    cJSON_AddStringToObject(doc, "to", m->phone) != NULL &&
	    cJSON_AddStringToObject(doc, "kind", m->kind) != NULL &&
	    cJSON_AddStringToObject(doc, "text", m->body) != NULL &&
	    (m->code == NULL ||
		cJSON_AddStringToObject(doc, "code", m->code) != NULL) &&
	    cJSON_PrintPreallocated(doc, out, (int)len - 1, 0);
	cJSON_Delete(doc);
	if (!ok)
		return (0);
	n = strlen(out);
	out[n] = '\n';
	out[n + 1] = '\0';

	return (1);
}

int
sms_demo_append(const char *path, const struct sms *m, char *err, size_t errlen)
{
	char line[2048];

	if (!sms_demo_line(m, line, sizeof(line))) {
		(void)snprintf(err, errlen, "message too long");
		return (0);
	}

	return (jsonl_append(path, line, err, errlen));
}

static size_t
discard(char *data, size_t size, size_t n, void *arg)
{
	(void)data;
	(void)arg;
	return (size * n);
}

int
sms_http_send(const char *url, const char *token, long timeout_ms,
    const struct sms *m, char *err, size_t errlen)
{
	struct curl_slist *headers;
	char auth[512], *body;
	CURLcode rc;
	cJSON *doc;
	long status;
	CURL *curl;
	int ok;

	ok = 0;
	body = NULL;
	headers = NULL;
	/* The id comes back in the gateway's delivery receipt. */
	if ((doc = cJSON_CreateObject()) == NULL ||
	    cJSON_AddStringToObject(doc, "id", m->id) == NULL ||
	    cJSON_AddStringToObject(doc, "to", m->phone) == NULL ||
	    cJSON_AddStringToObject(doc, "text", m->body) == NULL ||
	    (body = cJSON_PrintUnformatted(doc)) == NULL ||
	    (curl = curl_easy_init()) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		cJSON_free(body);
		cJSON_Delete(doc);
		return (0);
	}
	cJSON_Delete(doc);

	headers = curl_slist_append(headers, "Content-Type: application/json");
	if (token != NULL && token[0] != '\0') {
		(void)snprintf(
		    auth, sizeof(auth), "Authorization: Bearer %s", token);
		headers = curl_slist_append(headers, auth);
	}
	(void)curl_easy_setopt(curl, CURLOPT_URL, url);
	(void)curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	(void)curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
	(void)curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
	(void)curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	(void)curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	(void)curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);

	status = 0;
	if ((rc = curl_easy_perform(curl)) != CURLE_OK)
		(void)snprintf(err, errlen, "%s", curl_easy_strerror(rc));
	else if (curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status) !=
		CURLE_OK ||
	    status < 200 || status > 299)
		(void)snprintf(
		    err, errlen, "gateway answered HTTP %ld", status);
	else
		ok = 1;

	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	cJSON_free(body);

	return (ok);
}
