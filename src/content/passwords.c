/*
 * passwords.c — loads content/common-passwords.yaml, the passwords too common to accept
 * (core/account.h: password_judge), sorted without regard to case for a binary search.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content/yaml_util.h"

#define MAX_COMMON_PASSWORDS 100000

static int cmp_ci(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

void load_common_passwords(ctx_t *x, yaml_node_t *root)
{
	static const char *const keys[] = { "format", "passwords", NULL };
	content_t *c = x->c;
	yl_check_map(x, root, "common passwords", keys);
	int n;
	yaml_node_item_t *it = yl_get_seq(x, root, "passwords", true, &n);
	if (!yl_check_limit(x, root, "passwords", n, MAX_COMMON_PASSWORDS))
		return;
	const char **list = arena_alloc(&c->arena, (size_t)(n ? n : 1) * sizeof *list);
	int k = 0;
	for (int i = 0; i < n; i++) {
		const char *p = yl_scalar(yl_node(x, it[i]));
		if (!p || !*p)
			yl_fail(x, yl_node(x, it[i]), "パスワードは空でない文字列です", "a password must be a non-empty string");
		else
			list[k++] = arena_strdup(&c->arena, p);
	}
	qsort(list, (size_t)k, sizeof *list, cmp_ci);
	c->common_passwords = list;
	c->ncommon_passwords = k;
}
