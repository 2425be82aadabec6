/*
 * A PostgreSQL WAL position (pg_lsn) as the service carries it: written
 * "X/Y" in hexadecimal, as PostgreSQL writes it, so a client may send back
 * what a write's answer said (X-Commit-LSN) and an operator may compare
 * it with pg_stat_replication.
 */
#ifndef BQ_LSN_H
#define BQ_LSN_H

#include <stddef.h>
#include <stdint.h>

/* "FFFFFFFF/FFFFFFFF" and its NUL. */
#define LSN_TEXT_MAX 18

/* 1 and *out when s is 1-8 hex digits, '/', 1-8 hex digits; else 0. */
int lsn_parse(const char *, uint64_t *);

/* Writes lsn as PostgreSQL does (upper case, no leading zeros). */
void lsn_format(uint64_t, char *, size_t);

#endif
