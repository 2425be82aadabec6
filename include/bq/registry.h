/*
 * The state person registry, behind one interface: the demo registry
 * (README: a deterministic synthetic person for every valid IIN) and, for a
 * deployment, an HTTP registry at a configured URL.
 */
#ifndef BQ_REGISTRY_H
#define BQ_REGISTRY_H

#include <stddef.h>

#define REGISTRY_NAME_MAX 64

struct person {
	char iin[13];
	char surname[REGISTRY_NAME_MAX];
	char first_name[REGISTRY_NAME_MAX];
	char patronymic[REGISTRY_NAME_MAX];
	char sex[8]; /* male, female, or empty when unknown */
	char birth_date[11]; /* YYYY-MM-DD, or empty */
	char nationality[REGISTRY_NAME_MAX];
};

enum registry_result {
	REGISTRY_FOUND,
	REGISTRY_NOT_FOUND,
	REGISTRY_UNAVAILABLE
};

enum registry_result registry_demo_lookup(const char *, struct person *);
enum registry_result
registry_http_lookup(const char *, long, const char *, struct person *);
int registry_person_json(const struct person *, char *, size_t);

#endif
