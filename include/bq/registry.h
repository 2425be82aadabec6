/*
 * The state person registry, behind one interface: the demo registry
 * (README: a deterministic synthetic person for every valid IIN) and, for a
 * deployment, an HTTP registry at a configured URL.
 */
#ifndef BQ_REGISTRY_H
#define BQ_REGISTRY_H

#include <stddef.h>

#define REGISTRY_NAME_MAX 64
#define REGISTRY_PHONES_MAX 4
#define REGISTRY_PARENTS_MAX 4
#define REGISTRY_PHONE_LEN 13 /* "+7" and ten digits, and the NUL */

struct person {
	char iin[13];
	char surname[REGISTRY_NAME_MAX];
	char first_name[REGISTRY_NAME_MAX];
	char patronymic[REGISTRY_NAME_MAX];
	char sex[8]; /* male, female, or empty when unknown */
	char birth_date[11]; /* YYYY-MM-DD, or empty */
	char nationality[REGISTRY_NAME_MAX];
	/*
	 * The registry's own: never shown.  listed: the registry knows the
	 * person's phones (the mobile citizens' database) and parents, and
	 * only those count; a synthetic demo person is bound to any phone.
	 */
	int listed;
	char phones[REGISTRY_PHONES_MAX][REGISTRY_PHONE_LEN];
	size_t nphones;
	char parents[REGISTRY_PARENTS_MAX][13];
	size_t nparents;
};

enum registry_result {
	REGISTRY_FOUND,
	REGISTRY_NOT_FOUND,
	REGISTRY_UNAVAILABLE
};

void registry_demo_file(const char *);
enum registry_result registry_demo_lookup(const char *, struct person *);
int registry_phone_bound(const struct person *, const char *);
enum registry_result
registry_http_lookup(const char *, long, const char *, struct person *);
int registry_person_json(const struct person *, int, char *, size_t);

#endif
