/*
 * fuzz_pool_file.c — libFuzzer harness for pool_file_parse (src/input/pool_file.c): the input
 * is a published pool file as `mamoru pool import` reads it. Whatever it accepts must be
 * internally consistent, so the harness also checks the promise the parser makes (a histogram
 * summing to n, no negative counts, at least 5 companies) on every aggregate it returns, and runs the arithmetic an
 * import runs on it: merging into an accumulator (twice, so the range guard is reached), the
 * statistics and 偏差値, and the storage encoding's round trip.
 */
#include "fuzz.h"

#include "core/pool_privacy.h"
#include "input/pool_file.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_content();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pool_file_t f;
	err_t err;
	/* format 2 reads each aggregate against the questionnaire it names */
	if (pool_file_parse((const char *)data, size, fuzz_content(), &f, &err) != 0)
		return 0;
	for (int i = 0; i < f.n; i++) {
		const pool_agg_t *a = &f.aggs[i];
		long long hist = 0;
		for (int b = 0; b < POOL_HBINS; b++) {
			if (a->hist[b] < 0)
				abort();
			hist += a->hist[b];
		}
		if (a->n < POOL_MIN_FLOOR || hist != a->n)
			abort();
		if (f.keys[i].dim < 0 || !f.keys[i].questionnaire[0] || !f.keys[i].value[0])
			abort();
		pool_agg_t sum = { 0 }, back;
		pool_stats_t st;
		int64_t w[POOL_WORDS_MAX];
		for (int k = 0; k < 2 && pool_merge(&sum, a); k++)
			;
		pool_stats(&sum, 5, &st);
		pool_deviation(&st, (int)(a->sum / a->n));
		int64_t above, same;
		pool_rank(a, (int)(a->sum / a->n), 25, 125, &above, &same);
		pool_stats(a, 1, &st);
		if (!pool_decode(&back, w, pool_encode(a, w)) || memcmp(&back, a, sizeof back) != 0)
			abort();
	}
	pool_file_free(&f);
	return 0;
}
