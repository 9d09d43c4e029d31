/*
 * page_input.h — the paging parameters of a list that grows (issue 19), checked at the edge:
 * ?limit= (how many rows, 1 to a maximum, a default when absent) and ?before= (a cursor: the
 * rows with a smaller id; absent = the newest) of the history page and API, and ?page= (1, 2, …)
 * of the lists paged by number. A bad value is ERR_INVALID naming the parameter, never clamped
 * silently, so a client that asks for 10,000 rows learns that it gets at most the maximum.
 */
#ifndef MAMORU_INPUT_PAGE_INPUT_H
#define MAMORU_INPUT_PAGE_INPUT_H

#include <stdint.h>

#include "core/err.h"

/* limit: NULL or "" = def, else a decimal number from 1 to max. Field "limit". */
int page_limit_parse(const char *s, int def, int max, int *out, err_t *e);
/* before: NULL or "" = 0 (the newest), else a positive decimal id. Field "before". */
int page_before_parse(const char *s, int64_t *out, err_t *e);
/* page: NULL or "" = 1, else a decimal number from 1 to max. Field "page". */
int page_number_parse(const char *s, int max, int *out, err_t *e);

#define PAGE_NUMBER_MAX 1000000 /* ?page= of the JSON lists */

/* ?page= and ?per_page= of the JSON lists paged by number (assets, risks, incidents), field
 * name: NULL or "" leaves *out as it is (the caller's default), else a decimal number from min
 * to max; a bad value names the field and the range. */
int page_range_parse(const char *name, const char *s, int min, int max, int *out, err_t *e);

#endif
