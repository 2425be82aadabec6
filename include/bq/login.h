/* What a login name is: the four ways a person may sign in. */
#ifndef BQ_LOGIN_H
#define BQ_LOGIN_H

#include <stddef.h>

/* A login is an IIN, an e-mail, a phone or a login name, in that order
 * of trial; returns "iin", "email", "phone" or "login" and writes the
 * value to look up (a phone in E.164) to value. */
const char *login_kind(const char *, char *, size_t);

#endif
