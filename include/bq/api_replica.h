/*
 * Reads on a standby (api/replica.c): each worker samples the primary's
 * WAL position and the standby's replay position, and says whether a
 * read may go to the standby: it is up, no further behind than
 * BQ_READ_LAG_MS, and has replayed what the reader last wrote.
 */
#ifndef BQ_API_REPLICA_H
#define BQ_API_REPLICA_H

#include <stdint.h>

struct api_call;

/* Where a statement ran, for X-Read-From. */
enum api_read_from { READ_NONE, READ_PRIMARY, READ_STANDBY };

void api_replica_start(void);
/* Whether this statement of c may run on the standby. */
int api_replica_for(const struct api_call *);
/* Whether the primary answers the probe (a slow statement is not a hung
 * server then). */
int api_replica_primary_answers(void);
/* The standby failed a statement: not used until a sample says it is up. */
void api_replica_failed(void);

#endif
