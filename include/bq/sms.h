/* Delivering one SMS: to the demo file, or to an HTTP gateway. */
#ifndef BQ_SMS_H
#define BQ_SMS_H

#include <stddef.h>

struct sms {
	const char *id;
	const char *phone;
	const char *kind;
	const char *body;
	const char *code; /* NULL unless the message carries a one-time code */
};

int sms_demo_line(const struct sms *, char *, size_t);
int sms_demo_append(const char *, const struct sms *, char *, size_t);
int sms_http_send(
    const char *, const char *, long, const struct sms *, char *, size_t);

#endif
