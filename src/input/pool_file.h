/*
 * pool_file.h — reading a published pool file (`mamoru pool import`, format in
 * docs/benchmark-model.md) at the edge: every field typed and in range, every aggregate
 * internally consistent (histogram summing to n, no negative counts), or the whole file is
 * refused with a message naming the first bad field. Nothing is half-read.
 */
#ifndef MAMORU_INPUT_POOL_FILE_H
#define MAMORU_INPUT_POOL_FILE_H

#include "core/pool.h"
#include "input/answerfile.h"

#define POOL_FILE_MAX_BYTES (64u << 20)
#define POOL_FILE_MAX_AGGS 100000

typedef struct {
	char month[8];          /* "exported": the bucket month the aggregates go into */
	pool_key_t *keys;
	pool_agg_t *aggs;
	int n;
} pool_file_t;

int pool_file_read(const char *path, pool_file_t *out, err_t *err);
int pool_file_parse(const char *data, size_t len, pool_file_t *out, err_t *err);
void pool_file_free(pool_file_t *f);

#endif
