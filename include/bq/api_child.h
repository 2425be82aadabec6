/*
 * A child's person from the registry, for the handlers that add a child
 * or claim guardianship of one (api/children.c).
 */
#ifndef BQ_API_CHILD_H
#define BQ_API_CHILD_H

#include "bq/api_call.h"

enum api_outcome api_child_person(
    struct api_call *, enum api_phase *, const char *, char *, size_t);

#endif
