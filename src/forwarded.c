/*
 * X-Forwarded-For, read the one way that cannot be forged: only from a
 * trusted proxy, and only its last element.  Addresses are compared in
 * their canonical text (inet_ntop), so "127.0.0.9" and "::1" match the
 * way the connection's own address is written.
 */

#include <arpa/inet.h>

#include <string.h>

#include "bq/forwarded.h"

#define ADDR_TEXT_MAX 64

/* One element of a list, trimmed, in canonical form: 0 if not an IP. */
static int
canonical(const char *s, size_t len, char *out, size_t outlen)
{
	char buf[ADDR_TEXT_MAX];
	unsigned char bin[16];

	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= sizeof(buf))
		return (0);
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (inet_pton(AF_INET, buf, bin) == 1)
		return (
		    inet_ntop(AF_INET, bin, out, (socklen_t)outlen) != NULL);
	if (inet_pton(AF_INET6, buf, bin) == 1)
		return (
		    inet_ntop(AF_INET6, bin, out, (socklen_t)outlen) != NULL);

	return (0);
}

/*
 * Each address of a comma-separated list: 0 when one is not an address;
 * *found when one is peer's (canonical), if peer is given.
 */
static int
list_scan(const char *list, const char *peer, int *found)
{
	char one[ADDR_TEXT_MAX];
	const char *p, *comma;

	*found = 0;
	for (p = list;; p = comma + 1) {
		comma = strchr(p, ',');
		if (!canonical(p,
			comma != NULL ? (size_t)(comma - p) : strlen(p), one,
			sizeof(one)))
			return (0);
		if (peer != NULL && strcmp(one, peer) == 0)
			*found = 1;
		if (comma == NULL)
			return (1);
	}
}

int
forwarded_list_ok(const char *list)
{
	int found;

	return (list_scan(list, NULL, &found));
}

/* The list was checked when the configuration was read. */
int
forwarded_trusted(const char *list, const char *addr)
{
	char peer[ADDR_TEXT_MAX];
	int found;

	if (list == NULL || !canonical(addr, strlen(addr), peer, sizeof(peer)))
		return (0);

	return (list_scan(list, peer, &found) && found);
}

int
forwarded_client(const char *xff, char *out, size_t outlen)
{
	const char *last;

	if (xff == NULL)
		return (0);
	last = strrchr(xff, ',');
	last = last != NULL ? last + 1 : xff;

	return (canonical(last, strlen(last), out, outlen));
}
