/* Phone numbers of Kazakhstan (+7 6xx, +7 7xx) in E.164. */
#ifndef BQ_PHONE_H
#define BQ_PHONE_H

#include <stddef.h>

/* "+7" and ten digits, and the terminating NUL. */
#define PHONE_E164_LEN 13

int phone_normalize(const char *, char *, size_t);

#endif
