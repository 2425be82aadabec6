/* The languages of the portal and the choice among them. */
#ifndef BQ_LANG_H
#define BQ_LANG_H

enum lang { LANG_KK, LANG_RU, LANG_EN, LANG__MAX };

/* The default when a client names none of ours: the state language. */
#define LANG_DEFAULT LANG_KK

extern const char *lang_names[LANG__MAX];

enum lang lang_from_accept(const char *);
int lang_from_name(const char *, enum lang *);

#endif
