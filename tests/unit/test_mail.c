/* One e-mail as SMTP carries it, and the demo file's line. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <openssl/evp.h>

#include "bq/mail.h"

static const struct mail letter = {
	.id = "2b9d1f0e-0000-4000-8000-000000000001",
	.to = "ata.ana@example.kz",
	.language = "kk",
	.kind = "email_verify",
	.subject = "BALABAQSHA: e-mail растау коды",
	.body = "Сәлеметсіз бе!\n\nКод: 123456\n",
	.code = "123456",
};

/* The value of header name in message, up to its CRLF. */
static void
header(const char *message, const char *name, char *out, size_t len)
{
	const char *p, *end;

	assert_non_null(p = strstr(message, name));
	p += strlen(name);
	assert_non_null(end = strstr(p, "\r\n"));
	assert_true((size_t)(end - p) < len);
	memcpy(out, p, (size_t)(end - p));
	out[end - p] = '\0';
}

static void
message(void **state)
{
	char buf[8192], value[512], b64[512];
	unsigned char plain[512];
	const char *body, *line;
	int n;

	(void)state;
	assert_true(
	    mail_message(&letter, "noreply@example.kz", buf, sizeof(buf)));
	header(buf, "\r\nTo: ", value, sizeof(value));
	assert_string_equal(value, "<ata.ana@example.kz>");
	header(buf, "\r\nContent-Language: ", value, sizeof(value));
	assert_string_equal(value, "kk");
	header(buf, "\r\nContent-Type: ", value, sizeof(value));
	assert_string_equal(value, "text/plain; charset=UTF-8");
	/* The subject: one RFC 2047 encoded word of the UTF-8 bytes. */
	header(buf, "\r\nSubject: =?UTF-8?B?", value, sizeof(value));
	assert_true(
	    strlen(value) > 2 && strcmp(value + strlen(value) - 2, "?=") == 0);
	value[strlen(value) - 2] = '\0';
	n = EVP_DecodeBlock(
	    plain, (const unsigned char *)value, (int)strlen(value));
	assert_true(n >= (int)strlen(letter.subject));
	assert_memory_equal(plain, letter.subject, strlen(letter.subject));
	/* The body: base64 in lines of at most 76, decoding to the text. */
	assert_non_null(body = strstr(buf, "\r\n\r\n"));
	body += 4;
	b64[0] = '\0';
	for (line = body; *line != '\0';) {
		const char *end = strstr(line, "\r\n");

		assert_non_null(end);
		assert_true(end - line <= 76);
		strncat(b64, line, (size_t)(end - line));
		line = end + 2;
	}
	n = EVP_DecodeBlock(
	    plain, (const unsigned char *)b64, (int)strlen(b64));
	assert_true(n >= (int)strlen(letter.body));
	assert_memory_equal(plain, letter.body, strlen(letter.body));
	/* Too small a buffer is a refusal, never a cut message. */
	assert_false(mail_message(&letter, "noreply@example.kz", buf, 200));
}

static void
long_body(void **state)
{
	char *text, buf[40000];
	struct mail m = letter;

	(void)state;
	assert_non_null(text = malloc(20001));
	memset(text, 'x', 20000);
	text[20000] = '\0';
	m.body = text;
	/* Past what one message may hold: refused. */
	assert_false(mail_message(&m, "noreply@example.kz", buf, sizeof(buf)));
	free(text);
}

static void
demo_line(void **state)
{
	char path[] = "/tmp/bq-mail-XXXXXX", err[128], line[4096];
	cJSON *doc;
	FILE *f;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	(void)close(fd);
	assert_true(mail_demo_append(path, &letter, err, sizeof(err)));
	assert_true(mail_demo_append(path, &letter, err, sizeof(err)));
	assert_non_null(f = fopen(path, "r"));
	assert_non_null(fgets(line, sizeof(line), f));
	assert_non_null(doc = cJSON_Parse(line));
	assert_string_equal(
	    cJSON_GetObjectItem(doc, "to")->valuestring, letter.to);
	assert_string_equal(
	    cJSON_GetObjectItem(doc, "code")->valuestring, "123456");
	assert_string_equal(
	    cJSON_GetObjectItem(doc, "subject")->valuestring, letter.subject);
	cJSON_Delete(doc);
	assert_non_null(fgets(line, sizeof(line), f));
	assert_null(fgets(line, sizeof(line), f));
	(void)fclose(f);
	(void)unlink(path);
	assert_false(mail_demo_append(
	    "/nonexistent/dir/mail.jsonl", &letter, err, sizeof(err)));
	assert_non_null(strstr(err, "open"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(message),
		cmocka_unit_test(long_body),
		cmocka_unit_test(demo_line),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
