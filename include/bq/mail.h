/* Delivering one e-mail: to the demo file, or over SMTP (libcurl). */
#ifndef BQ_MAIL_H
#define BQ_MAIL_H

#include <stddef.h>

struct mail {
	const char *id;
	const char *to;
	const char *language; /* kk, ru, en: the Content-Language */
	const char *kind;
	const char *subject;
	const char *body;
	const char *code; /* NULL unless the message carries a one-time code */
};

/* Where SMTP mail goes: url smtp://host:port (or smtps://), the sender's
 * address, credentials when the server wants them, STARTTLS required. */
struct mail_server {
	const char *url;
	const char *from;
	const char *user;
	const char *password;
	int starttls;
	long timeout_ms;
};

int mail_demo_append(const char *, const struct mail *, char *, size_t);
int mail_message(const struct mail *, const char *, char *, size_t);
int
mail_smtp_send(const struct mail_server *, const struct mail *, char *, size_t);

#endif
