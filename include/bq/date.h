/* Calendar dates as the API writes them: YYYY-MM-DD. */
#ifndef BQ_DATE_H
#define BQ_DATE_H

int date_exists(int, int, int);
int date_valid(const char *);
int date_month_valid(const char *);
int date_month_first(const char *, char *, size_t);
void date_today(char *, size_t);

#endif
