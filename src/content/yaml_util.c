/*
 * yaml_util.c — the content loader's YAML helpers (see yaml_util.h), shared by loader.c,
 * profile.c and knowledge.c: opening a content file as a libyaml document, reading typed
 * values from it, and collecting each problem as an err_t in a load_errors_t. It calls none of
 * the file loaders, so loader.c -> knowledge.c -> yaml_util.c has no cycle.
 */
#include "content/yaml_util.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ---- errors ---------------------------------------------------------------------------- */

static void add_error(load_errors_t *errs, const char *name, int line, const char *ja, const char *en,
		      va_list ap)
{
	/* err.h has no va_list form, so each language is formatted here and handed on as a string
	 * ("%.0s" skips the other one); err_set_line cuts the texts on a character boundary */
	char tja[ERR_TEXT_LEN], ten[ERR_TEXT_LEN];
	va_list ap2;
	va_copy(ap2, ap);
	vsnprintf(tja, sizeof tja, ja, ap);
	vsnprintf(ten, sizeof ten, en, ap2);
	va_end(ap2);
	char cut[ERR_FIELD_LEN];
	if (strlen(name) >= sizeof cut) { /* a name too long for the field ends in "…" (3 bytes) */
		snprintf(cut, sizeof cut, "%.*s…", utf8_prefix(name, sizeof cut - 4), name);
		name = cut;
	}
	if (errs->n == errs->cap) {
		errs->cap = errs->cap ? errs->cap * 2 : 16;
		errs->e = xrealloc(errs->e, (size_t)errs->cap * sizeof *errs->e);
	}
	err_set_line(&errs->e[errs->n++], ERR_INVALID, line, name, "%s%.0s", "%.0s%s", tja, ten);
}

void yl_fail_at(load_errors_t *errs, const char *name, int line, const char *ja, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	add_error(errs, name, line, ja, en, ap);
	va_end(ap);
}

void yl_fail(ctx_t *x, const yaml_node_t *n, const char *ja, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	add_error(x->errs, x->name, n ? (int)n->start_mark.line + 1 : 1, ja, en, ap);
	va_end(ap);
}

/* ---- node helpers ---------------------------------------------------------------------- */

yaml_node_t *yl_node(ctx_t *x, int id) { return yaml_document_get_node(&x->doc, id); }

const char *yl_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

yaml_node_t *yl_get(ctx_t *x, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = yl_scalar(yl_node(x, p->key));
		if (k && strcmp(k, key) == 0)
			return yl_node(x, p->value);
	}
	return NULL;
}

/* Reports keys of `map` not in `allowed` (NULL-terminated) and keys given twice. */
bool yl_check_map(ctx_t *x, yaml_node_t *map, const char *what, const char *const *allowed)
{
	if (!map || map->type != YAML_MAPPING_NODE) {
		yl_fail(x, map, "%s は「キー: 値」の形で書いてください", "%s must be a mapping", what);
		return false;
	}
	bool ok = true;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yl_node(x, p->key);
		const char *k = yl_scalar(kn);
		bool known = false;
		for (int i = 0; k && allowed[i]; i++)
			known |= strcmp(k, allowed[i]) == 0;
		if (!known) {
			/* the English names the key first: "%.0s" skips the argument a language does not show */
			yl_fail(x, kn, "%s に不明なキー「%s」があります%.0s", "%.0sunknown key \"%s\" in %s", what,
				k ? k : "?", what);
			ok = false;
		}
		/* one report per repeated key, however often it came before: N copies of a key make
		 * N - 1 errors, not N² / 2 */
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; k && q < p; q++) {
			const char *k2 = yl_scalar(yl_node(x, q->key));
			if (k2 && strcmp(k, k2) == 0) {
				yl_fail(x, kn, "キー「%s」が重複しています", "duplicate key \"%s\"", k);
				ok = false;
				break;
			}
		}
	}
	return ok;
}

const char *yl_get_str(ctx_t *x, yaml_node_t *map, const char *key, bool required)
{
	yaml_node_t *n = yl_get(x, map, key);
	const char *s = yl_scalar(n);
	if (!n) {
		if (required)
			yl_fail(x, map, "「%s」がありません", "missing \"%s\"", key);
		return NULL;
	}
	if (!s) {
		yl_fail(x, n, "「%s」は文字列にしてください", "\"%s\" must be a string", key);
		return NULL;
	}
	return arena_strdup(&x->c->arena, s);
}

bool yl_get_int(ctx_t *x, yaml_node_t *map, const char *key, bool required, int *out)
{
	yaml_node_t *n = yl_get(x, map, key);
	if (!n) {
		if (required)
			yl_fail(x, map, "「%s」がありません", "missing \"%s\"", key);
		return false;
	}
	const char *s = yl_scalar(n);
	char *end;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || v < -100000 || v > 100000) {
		yl_fail(x, n, "「%s」は整数にしてください", "\"%s\" must be an integer", key);
		return false;
	}
	*out = (int)v;
	return true;
}

bool yl_get_bool(ctx_t *x, yaml_node_t *map, const char *key)
{
	yaml_node_t *n = yl_get(x, map, key);
	const char *s = yl_scalar(n);
	if (!n)
		return false;
	if (s && (!strcmp(s, "true") || !strcmp(s, "yes")))
		return true;
	if (s && (!strcmp(s, "false") || !strcmp(s, "no")))
		return false;
	yl_fail(x, n, "「%s」は true か false にしてください", "\"%s\" must be true or false", key);
	return false;
}

mtext_t yl_get_text(ctx_t *x, yaml_node_t *map, const char *key, bool required)
{
	mtext_t t = { 0 };
	yaml_node_t *n = yl_get(x, map, key);
	if (!n) {
		if (required)
			yl_fail(x, map, "「%s」がありません", "missing \"%s\"", key);
		return t;
	}
	static const char *const keys[] = { "ja", "en", NULL };
	if (!yl_check_map(x, n, key, keys))
		return t;
	t.ja = yl_get_str(x, n, "ja", false);
	t.en = yl_get_str(x, n, "en", false);
	if (!t.ja || !t.ja[0]) {
		yl_fail(x, n, "「%s」に日本語 (ja) の文がありません", "\"%s\" has no Japanese (ja) text", key);
		t.ja = NULL;
	}
	return t;
}

static const char *join2(ctx_t *x, const char *a, const char *sep, const char *b)
{
	size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
	char *s = arena_alloc(&x->c->arena, la + ls + lb + 1);
	memcpy(s, a, la);
	memcpy(s + la, sep, ls);
	memcpy(s + la + ls, b, lb + 1);
	return s;
}

mtext_t yl_get_cite(ctx_t *x, yaml_node_t *map, const mtext_t *doc)
{
	mtext_t sec = { 0 };
	yaml_node_t *n = yl_get(x, map, "section");
	if (n && n->type == YAML_SCALAR_NODE)
		sec.ja = sec.en = yl_get_str(x, map, "section", false);
	else if (n)
		sec = yl_get_text(x, map, "section", false);
	if (!doc->ja) {
		if (n)
			yl_fail(x, n, "section を書くにはファイルに document（文書名）が必要です",
				"a section needs the file's document");
		return (mtext_t){ 0 };
	}
	if (!sec.ja || !sec.ja[0])
		return *doc;
	const char *doc_en = doc->en && doc->en[0] ? doc->en : doc->ja;
	const char *sec_en = sec.en && sec.en[0] ? sec.en : sec.ja;
	return (mtext_t){ join2(x, doc->ja, " ", sec.ja), join2(x, doc_en, ", ", sec_en) };
}

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 32)
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

const char *yl_get_id(ctx_t *x, yaml_node_t *map, const char *key)
{
	const char *s = yl_get_str(x, map, key, true);
	if (s && !valid_id(s)) {
		yl_fail(x, yl_get(x, map, key), "ID「%s」は英小文字・数字・. _ - で32文字以内にしてください",
		     "id \"%s\" must be 1-32 characters of a-z 0-9 . _ -", s);
		return NULL;
	}
	return s;
}

/* A sequence node under key; counts its items into *n. */
yaml_node_item_t *yl_get_seq(ctx_t *x, yaml_node_t *map, const char *key, bool required, int *n)
{
	yaml_node_t *s = yl_get(x, map, key);
	*n = 0;
	if (!s) {
		if (required)
			yl_fail(x, map, "「%s」がありません", "missing \"%s\"", key);
		return NULL;
	}
	if (s->type != YAML_SEQUENCE_NODE) {
		yl_fail(x, s, "「%s」は「- 」で始まる一覧にしてください", "\"%s\" must be a list", key);
		return NULL;
	}
	*n = (int)(s->data.sequence.items.top - s->data.sequence.items.start);
	return s->data.sequence.items.start;
}

bool yl_check_limit(ctx_t *x, yaml_node_t *at, const char *what, int n, int max)
{
	if (n <= max)
		return true;
	yl_fail(x, at, "%s が多すぎます（%d 件、上限 %d 件）", "too many %s (%d, at most %d)", what, n, max);
	return false;
}

/* Duplicate check over ids[0..n): reports ids[n-1] if it appeared before. */
void yl_check_dup(ctx_t *x, yaml_node_t *at, const char *what, const char **ids, int n)
{
	if (!ids[n - 1])
		return;
	for (int i = 0; i < n - 1; i++)
		if (ids[i] && strcmp(ids[i], ids[n - 1]) == 0) {
			yl_fail(x, at, "%s のID「%s」が重複しています", "duplicate %s id \"%s\"", what, ids[n - 1]);
			return;
		}
}

int yl_find_cat(const category_t *cats, int n, const char *id)
{
	for (int i = 0; id && i < n; i++)
		if (cats[i].id && strcmp(cats[i].id, id) == 0)
			return i;
	return -1;
}

/* ---- files ----------------------------------------------------------------------------- */

/* The line of the first list or mapping that uses a node a second time (a YAML alias, *name),
 * or 0. Content is plain data: the loader walks an alias again wherever it is used, so a few
 * lines of nested aliases would stand for millions of entries (2 KB took 0.3 s, 10 KB
 * minutes), and an alias to a node around it would make a cycle. */
static int alias_at(const yaml_document_t *d)
{
	size_t n = (size_t)(d->nodes.top - d->nodes.start);
	unsigned char *used = xcalloc(n + 1, 1); /* node ids run from 1; the root (1) is used already */
	int line = 0;
	used[1] = 1;
	for (const yaml_node_t *nd = d->nodes.start; nd < d->nodes.top && !line; nd++) {
		if (nd->type == YAML_SEQUENCE_NODE) {
			for (const yaml_node_item_t *i = nd->data.sequence.items.start; i < nd->data.sequence.items.top && !line; i++)
				if (*i < 1 || (size_t)*i > n || used[*i]++)
					line = (int)nd->start_mark.line + 1;
		} else if (nd->type == YAML_MAPPING_NODE) {
			for (const yaml_node_pair_t *p = nd->data.mapping.pairs.start; p < nd->data.mapping.pairs.top && !line; p++)
				if (p->key < 1 || (size_t)p->key > n || used[p->key]++ || p->value < 1 || (size_t)p->value > n ||
				    used[p->value]++)
					line = (int)nd->start_mark.line + 1;
		}
	}
	free(used);
	return line;
}

bool yl_open_doc(ctx_t *x)
{
	FILE *f = fopen(x->file, "rb");
	if (!f) {
		yl_fail_at(x->errs, x->name, 1, "ファイルを開けません", "cannot open file");
		return false;
	}
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	bool ok = yaml_parser_load(&p, &x->doc);
	if (!ok)
		yl_fail_at(x->errs, x->name, (int)p.problem_mark.line + 1, "YAML の書式エラー: %s",
			"YAML syntax error: %s", p.problem ? p.problem : "?");
	yaml_parser_delete(&p);
	fclose(f);
	if (!ok)
		return false;
	yaml_node_t *root = yaml_document_get_root_node(&x->doc);
	int fmt = 0, alias_line;
	if (!root || root->type != YAML_MAPPING_NODE) {
		yl_fail_at(x->errs, x->name, 1, "空のファイル、または形式が違います", "empty file or not a mapping");
	} else if ((alias_line = alias_at(&x->doc)) > 0) {
		yl_fail_at(x->errs, x->name, alias_line, "YAML の別名（*名前）は使えません",
			   "YAML aliases (*name) are not allowed in content files");
	} else if (!yl_get_int(x, root, "format", true, &fmt) || fmt != 1) {
		if (fmt != 0) {
			/* only the English shows the number: as a string, "%.0s" can skip it */
			char v[16];
			snprintf(v, sizeof v, "%d", fmt);
			yl_fail(x, yl_get(x, root, "format"), "format は 1 にしてください%.0s", "unsupported format %s", v);
		}
	} else {
		return true;
	}
	yaml_document_delete(&x->doc);
	return false;
}

void yl_load_file(content_t *c, load_errors_t *errs, const char *dir, const char *name, file_fn fn)
{
	char path[PATH_MAX + 320];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	ctx_t x = { .file = path, .name = name, .c = c, .errs = errs };
	if (!yl_open_doc(&x))
		return;
	fn(&x, yaml_document_get_root_node(&x.doc));
	yaml_document_delete(&x.doc);
}
