/*
 * fuzz_urlencoded.c — libFuzzer harness for web_parse_urlencoded (src/web/urlencoded.c), the
 * decoder of form bodies and query strings, decoding in place. Checks what it promises: a
 * count within the caller's limit (or -1 too many, -2 a NUL), every key non-empty, and every
 * key and value inside the decoded buffer. The decoded pairs then go, as the form pages send
 * them, to the organisation, action-plan and profile fields, and a query's q, type, industry,
 * size and case_type to the knowledge search (checked first as /search checks them).
 */
#include "fuzz.h"

#include "content/search.h"
#include "input/org_input.h"
#include "input/plan_input.h"
#include "input/profile_input.h"
#include "web/web.h"

static search_t *idx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	err_t err;
	if (!(idx = search_open(fuzz_content(), &err))) {
		fprintf(stderr, "fuzz-urlencoded: no search index: %s\n", err.en);
		exit(1);
	}
	return 0;
}

/* The first value of key, as req_query finds it; NULL when absent or empty (page_knowledge's nz). */
static const char *get(const kv_t *kv, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(kv[i].key, key))
			return kv[i].value[0] ? kv[i].value : NULL;
	return NULL;
}

/* The search as GET /search and /api/v1/search run it, after the same checks of the filter. */
static void search(const content_t *c, const kv_t *kv, int n)
{
	static const char *const TYPES[] = { "measure", "scenario", "case", "threat" };
	const char *q = get(kv, n, "q");
	search_filter_t f = { get(kv, n, "type"), get(kv, n, "industry"), get(kv, n, "size"), get(kv, n, "case_type"), LANG_JA };
	bool ok = !f.type, size_ok = !f.size;
	for (int i = 0; f.type && i < 4; i++)
		ok |= !strcmp(f.type, TYPES[i]);
	for (int i = 0; f.size && i < c->nsize_bands; i++)
		size_ok |= !strcmp(c->size_bands[i].id, f.size);
	if (!ok || !size_ok || (f.industry && !content_industry(c, f.industry)) ||
	    (f.case_type && case_type_index(f.case_type) < 0))
		return;
	if (!q && !f.type && !f.industry && !f.size && !f.case_type)
		return;
	search_hit_t hits[SEARCH_MAX_HITS];
	err_t err;
	search_run(idx, q ? q : "", &f, hits, SEARCH_MAX_HITS, &err);
}

static bool inside(const char *p, const char *buf, size_t size)
{
	return p >= buf && p <= buf + size && strlen(p) <= (size_t)(buf + size - p);
}

static void parse(const uint8_t *data, size_t size, int max)
{
	const content_t *c = fuzz_content();
	char *s = fuzz_strndup(data, size);
	kv_t kv[WEB_MAX_PARAMS];
	int n = web_parse_urlencoded(s, kv, max);
	if (n < -2 || n > max)
		abort();
	for (int i = 0; i < n; i++) {
		if (!kv[i].key[0] || !inside(kv[i].key, s, size) ||
		    (kv[i].value[0] && !inside(kv[i].value, s, size)))
			abort();
		org_t o;
		plan_item_t p;
		profile_answers_t a;
		err_t e;
		org_init(&o);
		memset(&p, 0, sizeof p);
		profile_answers_init(&a);
		org_set_field(c, &o, kv[i].key, kv[i].value, &e);
		plan_set_field(c, &p, "questionnaire", "jisha-shindan", &e);
		plan_set_field(c, &p, kv[i].key, kv[i].value, &e);
		profile_set(c->profile, &a, kv[i].key, kv[i].value, &e);
	}
	if (max == WEB_MAX_PARAMS && n > 0)
		search(c, kv, n);
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	parse(data, size, WEB_MAX_PARAMS);
	parse(data, size, 3); /* a small limit reaches the "too many" path */
	return 0;
}
