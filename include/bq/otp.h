/* One-time SMS codes: six uniform digits, kept only as a keyed MAC. */
#ifndef BQ_OTP_H
#define BQ_OTP_H

#include <stddef.h>

#define OTP_DIGITS 6
#define OTP_MAC_HEX 65

int otp_generate(char[OTP_DIGITS + 1]);
int otp_code_valid(const char *);
int otp_mac(const unsigned char *, size_t, const char *, const char *,
    const char *, const char *, char[OTP_MAC_HEX]);

#endif
