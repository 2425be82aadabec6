/* The Kazakhstan individual identification number (ЖСН, IIN). */
#ifndef BQ_IIN_H
#define BQ_IIN_H

#define IIN_LEN 12

int iin_valid(const char *);
int iin_birth_date(const char *, char *, size_t);
int iin_sex(const char *);
int iin_born_after(const char *, const char *);

#endif
