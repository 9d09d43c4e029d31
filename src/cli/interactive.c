/*
 * interactive.c — see interactive.h. Accepts an option number, an option id or label, "b"
 * to go back, "s" to skip and "q" to quit; anything else repeats the question with a hint.
 */
#include "cli/interactive.h"

#include <stdlib.h>
#include <string.h>

#include "core/answers.h"

static void ask(const content_t *c, const questionnaire_t *q, int i, lang_t L, FILE *out, int *map, int *nmap)
{
	const item_t *it = &q->items[i];
	if (i == 0 || q->items[i - 1].part != it->part) {
		fprintf(out, "\n■ %s\n", tx(&q->parts[it->part].title, L));
		if (q->parts[it->part].instruction.ja)
			fprintf(out, "  %s\n", tx(&q->parts[it->part].instruction, L));
	}
	fprintf(out, "\n[%d/%d] %s\n  %s. %s\n", i + 1, q->nitems, tx(&q->cats[it->category].title, L), it->id,
		tx(&it->text, L));
	if (it->note.ja)
		fprintf(out, "  ※ %s\n", tx(&it->note, L));
	const measure_t *m = it->measures[0];
	fprintf(out, "  %s: %s", ui(c, "why", L), tx(&m->title, L));
	if (m->npoints > 0)
		fprintf(out, " — %s", tx(&m->points[0].text, L));
	fputc('\n', out);
	*nmap = 0;
	for (int k = 0; k < q->aset->nopts; k++)
		if (it->allowed & (1u << k)) {
			map[(*nmap)++] = k;
			fprintf(out, "  %d) %s", *nmap, tx(&q->aset->opts[k].label, L));
		}
	fprintf(out, "\n%s > ", ui(c, "prompt", L));
	fflush(out);
}

int interactive_run(const content_t *c, const questionnaire_t *q, lang_t L, FILE *in, FILE *out, answers_t *a)
{
	answers_clear(a);
	fprintf(out, "%s — %s\n", tx(&q->title, L), tx(&q->description, L));
	char *line = NULL;
	size_t cap = 0;
	int i = 0, rc = 0;
	while (i < q->nitems) {
		int map[MAX_OPTIONS], nmap;
		ask(c, q, i, L, out, map, &nmap);
		if (getline(&line, &cap, in) < 0) {
			fprintf(out, "\n%s\n", ui(c, "input_ended", L));
			rc = 2;
			break;
		}
		line[strcspn(line, "\r\n")] = '\0';
		char *t = line;
		while (*t == ' ')
			t++;
		if (!strcmp(t, "q")) {
			fprintf(out, "%s\n", ui(c, "quit", L));
			rc = 2;
			break;
		}
		if (!strcmp(t, "b")) {
			i = i > 0 ? i - 1 : 0;
			continue;
		}
		if (!strcmp(t, "s")) {
			a->opt[i++] = UNANSWERED;
			continue;
		}
		/* A number picks the n-th option shown, unless option ids are numbers themselves
		 * (the benchmark's 1-5 scale), where the id is what the user means. */
		char *end;
		long n = strtol(t, &end, 10);
		int opt = -1;
		bool not_allowed = false;
		if (*t && !*end && n >= 1 && n <= nmap && !(q->aset->opts[map[0]].id[0] >= '0' && q->aset->opts[map[0]].id[0] <= '9'))
			opt = map[n - 1];
		else
			opt = answer_match(q, i, t, &not_allowed);
		if (opt < 0) {
			fprintf(out, "  %s\n", ui(c, "prompt_hint", L));
			continue;
		}
		a->opt[i++] = (signed char)opt;
	}
	free(line);
	return rc;
}
