/*
 * model.c — look-ups over a loaded content model (see model.h). Linear scans: the lists are
 * a few dozen entries and are read a handful of times per request. While the loader is still
 * reading (and reporting) a pack, an entry whose id was refused has none: it matches nothing.
 */
#include "core/model.h"

#include <stdlib.h>
#include <string.h>

const questionnaire_t *content_questionnaire(const content_t *c, const char *id)
{
	for (int i = 0; i < c->nqs; i++)
		if (c->qs[i]->id && strcmp(c->qs[i]->id, id) == 0)
			return c->qs[i];
	return NULL;
}

const measure_t *content_measure(const content_t *c, const char *id)
{
	for (int i = 0; i < c->nmeasures; i++)
		if (c->measures[i].id && strcmp(c->measures[i].id, id) == 0)
			return &c->measures[i];
	return NULL;
}

int ui_string_cmp(const void *a, const void *b)
{
	return strcmp(((const ui_string_t *)a)->key, ((const ui_string_t *)b)->key);
}

static unsigned key_hash(const char *s)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void ui_index_build(content_t *c)
{
	unsigned size = 16;
	while (size < 2u * (unsigned)c->nui)
		size *= 2;
	c->ui_slots = arena_alloc(&c->arena, size * sizeof *c->ui_slots);
	c->ui_mask = size - 1;
	for (int i = 0; i < c->nui; i++) {
		unsigned h = key_hash(c->ui[i].key) & c->ui_mask;
		while (c->ui_slots[h])
			h = (h + 1) & c->ui_mask;
		c->ui_slots[h] = i + 1;
	}
}

const char *ui(const content_t *c, const char *key, lang_t lang)
{
	if (c->ui_slots) {
		for (unsigned h = key_hash(key) & c->ui_mask; c->ui_slots[h]; h = (h + 1) & c->ui_mask) {
			const ui_string_t *u = &c->ui[c->ui_slots[h] - 1];
			if (!strcmp(u->key, key))
				return tx(&u->text, lang);
		}
		return key;
	}
	/* sorted by the loader */
	ui_string_t k = { .key = key };
	const ui_string_t *u = bsearch(&k, c->ui, (size_t)c->nui, sizeof *c->ui, ui_string_cmp);
	return u ? tx(&u->text, lang) : key;
}

int item_index(const questionnaire_t *q, const char *id)
{
	for (int i = 0; i < q->nitems; i++)
		if (strcmp(q->items[i].id, id) == 0)
			return i;
	return -1;
}
