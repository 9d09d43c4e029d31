/*
 * model.c — look-ups over a loaded content model (see model.h). Linear scans: the lists are
 * a few dozen entries and are read a handful of times per request.
 */
#include "core/model.h"

#include <string.h>

const questionnaire_t *content_questionnaire(const content_t *c, const char *id)
{
	for (int i = 0; i < c->nqs; i++)
		if (strcmp(c->qs[i]->id, id) == 0)
			return c->qs[i];
	return NULL;
}

const measure_t *content_measure(const content_t *c, const char *id)
{
	for (int i = 0; i < c->nmeasures; i++)
		if (strcmp(c->measures[i].id, id) == 0)
			return &c->measures[i];
	return NULL;
}

const char *ui(const content_t *c, const char *key, lang_t lang)
{
	for (int i = 0; i < c->nui; i++)
		if (strcmp(c->ui[i].key, key) == 0)
			return tx(&c->ui[i].text, lang);
	return key;
}

int item_index(const questionnaire_t *q, const char *id)
{
	for (int i = 0; i < q->nitems; i++)
		if (strcmp(q->items[i].id, id) == 0)
			return i;
	return -1;
}
