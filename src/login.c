/*
 * A login name as people type it: twelve digits that check are an IIN,
 * anything with an @ an e-mail, a number of Kazakhstan a phone, and the
 * rest a login name an administrator gave.
 */

#include <stdio.h>
#include <string.h>

#include "bq/iin.h"
#include "bq/login.h"
#include "bq/phone.h"

const char *
login_kind(const char *login, char *value, size_t len)
{
	char phone[PHONE_E164_LEN];
	const char *kind;

	(void)snprintf(value, len, "%s", login);
	if (iin_valid(login)) {
		kind = "iin";
	} else if (strchr(login, '@') != NULL) {
		kind = "email";
	} else if (phone_normalize(login, phone, sizeof(phone))) {
		kind = "phone";
		(void)snprintf(value, len, "%s", phone);
	} else {
		kind = "login";
	}

	return (kind);
}
