/*
 * One HTTP POST with a deadline (include/bq/http.h).  Only http and
 * https, no redirects followed: a URL from a certificate's AIA must not
 * lead the service anywhere else.
 */

#include <string.h>

#include <curl/curl.h>

#include "bq/http.h"

struct collected {
	unsigned char *buf;
	size_t cap, len;
	int overflow;
};

static size_t
collect(char *data, size_t size, size_t n, void *arg)
{
	struct collected *c = arg;
	size_t len = size * n;

	if (c->len + len > c->cap) {
		c->overflow = 1;
		return (0);
	}
	memcpy(c->buf + c->len, data, len);
	c->len += len;

	return (len);
}

long
http_post(const char *url, const char *type, const void *body, size_t len,
    long timeout_ms, void *out, size_t cap, size_t *out_len)
{
	struct collected c = { out, cap, 0, 0 };
	struct curl_slist *headers;
	char header[128];
	long status = 0;
	CURL *curl;

	*out_len = 0;
	if ((curl = curl_easy_init()) == NULL)
		return (0);
	(void)snprintf(header, sizeof(header), "Content-Type: %s", type);
	headers = curl_slist_append(NULL, header);
	(void)curl_easy_setopt(curl, CURLOPT_URL, url);
	(void)curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	(void)curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
	(void)curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)len);
	(void)curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
	(void)curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	(void)curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	(void)curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
	(void)curl_easy_setopt(curl, CURLOPT_WRITEDATA, &c);

	if (curl_easy_perform(curl) != CURLE_OK || c.overflow ||
	    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status) !=
		CURLE_OK)
		status = 0;
	else
		*out_len = c.len;

	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);

	return (status);
}
