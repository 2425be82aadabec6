/* E-mail addresses as people give them for contact and login. */
#ifndef BQ_EMAIL_H
#define BQ_EMAIL_H

#define EMAIL_MAX 254

int email_valid(const char *);

#endif
