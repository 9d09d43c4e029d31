/*
 * fuzz_urlencoded.c — libFuzzer harness for web_parse_urlencoded (src/web/urlencoded.c), the
 * decoder of form bodies and query strings, decoding in place. Checks what it promises: a
 * count within the caller's limit (or -1 too many, -2 a NUL), every key non-empty, and every
 * key and value inside the decoded buffer. The decoded pairs then go, as the form pages send
 * them, to the organisation, action-plan and profile fields.
 */
#include "fuzz.h"

#include "input/org_input.h"
#include "input/plan_input.h"
#include "input/profile_input.h"
#include "web/web.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_content();
	return 0;
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
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	parse(data, size, WEB_MAX_PARAMS);
	parse(data, size, 3); /* a small limit reaches the "too many" path */
	return 0;
}
