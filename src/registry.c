/*
 * The person registry.  The demo registry answers from its file
 * ($BQ_DATA_DIR/registry.json: persons with their phones and parents,
 * read afresh when it changes), and for an IIN the file does not list
 * makes up a person from the IIN alone, the same one every time: names
 * drawn by a hash of the digits, sex from the seventh digit, the birth
 * date its first six spell, bound to any phone.  The HTTP registry POSTs
 * {"iin"} (never in the URL) to the configured address and reads the
 * person, its phones and its parents from the JSON reply; it blocks, so
 * the edge runs it in a task thread.
 */

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <openssl/crypto.h>

#include "bq/http.h"
#include "bq/iin.h"
#include "bq/registry.h"
#include "bq/vocab.h"

static const char *surnames[] = { "Ахметов", "Серікбаев", "Жұмабаев",
	"Нұрланов", "Қасымов", "Оспанов", "Төлеуов", "Бекмұратов", "Сейітов",
	"Әбдірахманов", "Исаев", "Мұхамеджанов", "Құдайбергенов", "Тоқтаров",
	"Жақсылықов", "Байжанов", "Ермеков", "Нұрмағамбетов", "Сәрсенбаев",
	"Омаров" };
static const char *male_names[] = { "Нұрсұлтан", "Ерлан", "Айбек", "Дәурен",
	"Арман", "Бауыржан", "Ержан", "Асхат", "Тимур", "Әлихан", "Данияр",
	"Мирас", "Ислам", "Алдияр", "Рамазан", "Санжар" };
static const char *female_names[] = { "Айгерім", "Динара", "Аружан", "Гүлнар",
	"Әсел", "Мадина", "Жанар", "Салтанат", "Айнұр", "Томирис", "Аяулым",
	"Дана", "Інжу", "Сабина", "Камила", "Балнұр" };
static const char *fathers[] = { "Серік", "Болат", "Қайрат", "Марат", "Нұрлан",
	"Ғалым", "Ерболат", "Асқар", "Бақыт", "Жандос", "Мұрат", "Талғат" };
static const char *nationalities[] = { "kazakh", "kazakh", "kazakh", "kazakh",
	"kazakh", "kazakh", "russian", "russian", "uzbek", "uighur", "tatar",
	"korean" };

#define PICK(list, h) (list[(h) % (sizeof(list) / sizeof(list[0]))])

/* FNV-1a over the digits: a stable spread, not a secret. */
static unsigned int
digits_hash(const char *iin, unsigned int salt)
{
	unsigned int h;

	for (h = 2166136261U ^ salt; *iin != '\0'; iin++)
		h = (h ^ (unsigned char)*iin) * 16777619U;

	return (h);
}

static int
copy_field(
    const cJSON *doc, const char *name, char *out, size_t outlen, int required)
{
	const cJSON *v;

	v = cJSON_GetObjectItemCaseSensitive(doc, name);
	if (cJSON_IsNull(v) || v == NULL) {
		out[0] = '\0';
		return (!required);
	}
	if (!cJSON_IsString(v) || strlen(v->valuestring) >= outlen)
		return (0);
	memcpy(out, v->valuestring, strlen(v->valuestring) + 1);

	return (1);
}

/* An optional array of strings into n slots of len bytes each. */
static int
copy_list(const cJSON *doc, const char *name, char *slots, size_t len,
    size_t max, size_t *n)
{
	const cJSON *v, *item;

	*n = 0;
	v = cJSON_GetObjectItemCaseSensitive(doc, name);
	if (v == NULL || cJSON_IsNull(v))
		return (1);
	if (!cJSON_IsArray(v))
		return (0);
	cJSON_ArrayForEach(item, v)
	{
		if (!cJSON_IsString(item) || strlen(item->valuestring) >= len ||
		    *n == max)
			return (0);
		memcpy(slots + *n * len, item->valuestring,
		    strlen(item->valuestring) + 1);
		(*n)++;
	}

	return (1);
}

/* A person of a registry's JSON: names, dates, phones, parents. */
static int
person_from_json(const cJSON *doc, const char *iin, struct person *p)
{
	memset(p, 0, sizeof(*p));
	(void)snprintf(p->iin, sizeof(p->iin), "%s", iin);
	p->listed = 1;

	return (copy_field(doc, "surname", p->surname, sizeof(p->surname), 1) &&
	    copy_field(
		doc, "first_name", p->first_name, sizeof(p->first_name), 1) &&
	    copy_field(
		doc, "patronymic", p->patronymic, sizeof(p->patronymic), 0) &&
	    copy_field(doc, "sex", p->sex, sizeof(p->sex), 0) &&
	    copy_field(
		doc, "birth_date", p->birth_date, sizeof(p->birth_date), 0) &&
	    copy_field(doc, "nationality", p->nationality,
		sizeof(p->nationality), 0) &&
	    copy_list(doc, "phones", &p->phones[0][0], sizeof(p->phones[0]),
		REGISTRY_PHONES_MAX, &p->nphones) &&
	    copy_list(doc, "parents", &p->parents[0][0], sizeof(p->parents[0]),
		REGISTRY_PARENTS_MAX, &p->nparents));
}

/* The demo file, and what it held when last read. */
static struct {
	char *path;
	time_t mtime;
	off_t size;
	cJSON *doc;
} demo;

void
registry_demo_file(const char *path)
{
	free(demo.path);
	demo.path = path != NULL ? strdup(path) : NULL;
	cJSON_Delete(demo.doc);
	demo.doc = NULL;
	demo.mtime = 0;
	demo.size = -1;
}

/* The file's persons, read again when it changed; NULL for none. */
static const cJSON *
demo_persons(void)
{
	struct stat st;
	char *text;
	FILE *f;
	size_t n;

	if (demo.path == NULL || stat(demo.path, &st) == -1) {
		cJSON_Delete(demo.doc);
		demo.doc = NULL;
		return (NULL);
	}
	if (demo.doc != NULL && st.st_mtime == demo.mtime &&
	    st.st_size == demo.size)
		return (demo.doc);
	cJSON_Delete(demo.doc);
	demo.doc = NULL;
	demo.mtime = st.st_mtime;
	demo.size = st.st_size;
	if (st.st_size <= 0 || st.st_size > 4 * 1024 * 1024 ||
	    (f = fopen(demo.path, "r")) == NULL)
		return (NULL);
	if ((text = malloc((size_t)st.st_size)) != NULL) {
		n = fread(text, 1, (size_t)st.st_size, f);
		demo.doc = cJSON_ParseWithLength(text, n);
		if (!cJSON_IsArray(demo.doc)) {
			cJSON_Delete(demo.doc);
			demo.doc = NULL;
		}
		free(text);
	}
	(void)fclose(f);

	return (demo.doc);
}

/* The file's entry for iin, if it lists one that reads as a person. */
static int
demo_listed(const char *iin, struct person *p)
{
	const cJSON *persons, *item, *v;

	if ((persons = demo_persons()) == NULL)
		return (0);
	cJSON_ArrayForEach(item, persons)
	{
		v = cJSON_GetObjectItemCaseSensitive(item, "iin");
		if (cJSON_IsString(v) && strcmp(v->valuestring, iin) == 0)
			return (person_from_json(item, iin, p));
	}

	return (0);
}

/* May a code for the person go to this phone? */
int
registry_phone_bound(const struct person *p, const char *phone)
{
	size_t i;

	if (!p->listed)
		return (1);
	for (i = 0; i < p->nphones; i++) {
		if (strcmp(p->phones[i], phone) == 0)
			return (1);
	}

	return (0);
}

enum registry_result
registry_demo_lookup(const char *iin, struct person *p)
{
	int sex;

	memset(p, 0, sizeof(*p));
	if (!iin_valid(iin))
		return (REGISTRY_NOT_FOUND);
	if (demo_listed(iin, p))
		return (REGISTRY_FOUND);
	memset(p, 0, sizeof(*p));

	memcpy(p->iin, iin, IIN_LEN + 1);
	sex = iin_sex(iin);
	/* Without a sex digit, the hash decides the name's form. */
	if (sex == 0)
		sex = 1 + (int)(digits_hash(iin, 7) % 2);
	/* iin_sex: 1 male, 2 female, bq.sex's order. */
	(void)snprintf(p->sex, sizeof(p->sex), "%s", vocab_sex.labels[sex - 1]);
	(void)snprintf(p->surname, sizeof(p->surname), "%s%s",
	    PICK(surnames, digits_hash(iin, 1)), sex == 1 ? "" : "а");
	(void)snprintf(p->first_name, sizeof(p->first_name), "%s",
	    sex == 1 ? PICK(male_names, digits_hash(iin, 2))
		     : PICK(female_names, digits_hash(iin, 2)));
	(void)snprintf(p->patronymic, sizeof(p->patronymic), "%s%s",
	    PICK(fathers, digits_hash(iin, 3)), sex == 1 ? "ұлы" : "қызы");
	(void)snprintf(p->nationality, sizeof(p->nationality), "%s",
	    PICK(nationalities, digits_hash(iin, 4)));
	if (!iin_birth_date(iin, p->birth_date, sizeof(p->birth_date)))
		p->birth_date[0] = '\0';

	return (REGISTRY_FOUND);
}

static void
add_or_null(cJSON *doc, const char *name, const char *v)
{
	if (v[0] != '\0')
		(void)cJSON_AddStringToObject(doc, name, v);
	else
		(void)cJSON_AddNullToObject(doc, name);
}

/*
 * The person as the API shows it; with parents, also the IINs of the
 * person's parents and legal representatives when the registry lists the
 * person (bq.child_standing reads them; no reply shows them).  A person
 * the registry keeps no parents of has no "parents" at all.
 */
int
registry_person_json(
    const struct person *p, int parents, char *out, size_t outlen)
{
	cJSON *doc, *list;
	size_t i;
	int ok;

	if ((doc = cJSON_CreateObject()) == NULL)
		return (0);
	add_or_null(doc, "iin", p->iin);
	add_or_null(doc, "surname", p->surname);
	add_or_null(doc, "first_name", p->first_name);
	add_or_null(doc, "patronymic", p->patronymic);
	add_or_null(doc, "sex", p->sex);
	add_or_null(doc, "birth_date", p->birth_date);
	add_or_null(doc, "nationality", p->nationality);
	ok = 1;
	if (parents && p->listed) {
		if ((list = cJSON_AddArrayToObject(doc, "parents")) == NULL)
			ok = 0;
		for (i = 0; ok && i < p->nparents; i++)
			ok = cJSON_AddItemToArray(
			    list, cJSON_CreateString(p->parents[i]));
	}
	ok = ok && cJSON_PrintPreallocated(doc, out, (int)outlen, 0);
	cJSON_Delete(doc);

	return (ok);
}

enum registry_result
registry_http_lookup(
    const char *url, long timeout_ms, const char *iin, struct person *p)
{
	enum registry_result res = REGISTRY_UNAVAILABLE;
	char body[64];
	char *reply;
	size_t len;
	cJSON *doc;
	long status;

	memset(p, 0, sizeof(*p));
	if (!iin_valid(iin))
		return (REGISTRY_NOT_FOUND);
	if ((reply = malloc(8192)) == NULL)
		return (REGISTRY_UNAVAILABLE);

	(void)snprintf(body, sizeof(body), "{\"iin\":\"%s\"}", iin);
	status = http_post(url, "application/json", body, strlen(body),
	    timeout_ms, reply, 8192, &len);
	if (status == 404) {
		res = REGISTRY_NOT_FOUND;
	} else if (status == 200 &&
	    (doc = cJSON_ParseWithLength(reply, len)) != NULL) {
		if (person_from_json(doc, iin, p))
			res = REGISTRY_FOUND;
		cJSON_Delete(doc);
	}

	OPENSSL_cleanse(reply, 8192);
	free(reply);
	if (res != REGISTRY_FOUND)
		memset(p, 0, sizeof(*p));

	return (res);
}
