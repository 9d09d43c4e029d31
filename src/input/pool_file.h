/*
 * pool_file.h — reading a published pool file (`mamoru pool import`, format in
 * docs/benchmark-model.md) at the edge: every field typed and in range, every aggregate one
 * that real, complete diagnoses of a questionnaire loaded here could give (core/pool.h's
 * pool_agg_check), or the whole file is refused with a message naming the first bad field.
 * Nothing is half-read. Whether the file's months lie in the past and whether its source is
 * this install or one imported already is decided by the import (app/pool.h), which knows the
 * clock and the database.
 */
#ifndef MAMORU_INPUT_POOL_FILE_H
#define MAMORU_INPUT_POOL_FILE_H

#include "core/pool.h"
#include "input/answerfile.h"

#define POOL_FILE_MAX_BYTES (64u << 20)
#define POOL_FILE_MAX_AGGS 100000
#define POOL_SOURCE_LEN 32      /* an install's id: 32 lowercase hex characters */
#define POOL_MAX_CONTAINS 64    /* other installs whose data a file may hold */

typedef struct {
	char source[POOL_SOURCE_LEN + 1];                        /* the exporting install */
	long long release;                                       /* its release the file was written from */
	char contains[POOL_MAX_CONTAINS][POOL_SOURCE_LEN + 1];   /* installs it had imported */
	int ncontains;
	char from[8], month[8];  /* the window; month ("exported") is the bucket the aggregates go into */
	int min_group;           /* the exporter's threshold (at least POOL_MIN_FLOOR) */
	pool_key_t *keys;
	pool_agg_t *aggs;
	int n;
} pool_file_t;

/* Parses and checks a pool file against the questionnaires of c: each aggregate's
 * questionnaire and version must be loaded here. */
int pool_file_read(const char *path, const content_t *c, pool_file_t *out, err_t *err);
int pool_file_parse(const char *data, size_t len, const content_t *c, pool_file_t *out, err_t *err);
void pool_file_free(pool_file_t *f);
/* Whether s is an install id (POOL_SOURCE_LEN lowercase hex characters). */
bool pool_source_ok(const char *s);

#endif
