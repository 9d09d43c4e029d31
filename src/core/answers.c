/*
 * answers.c — see answers.h.
 */
#include "core/answers.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Copies at most size-1 bytes without cutting a UTF-8 sequence in half. */
static void copy_trunc(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static bool opt_matches(const option_t *o, const char *t)
{
	if (strcasecmp(o->id, t) == 0 || strcmp(o->label.ja, t) == 0 ||
	    (o->label.en && strcasecmp(o->label.en, t) == 0))
		return true;
	for (int k = 0; k < o->naliases; k++)
		if (strcasecmp(o->aliases[k], t) == 0)
			return true;
	return false;
}

int answer_match(const questionnaire_t *q, int item, const char *text, bool *not_allowed)
{
	*not_allowed = false;
	for (int o = 0; o < q->aset->nopts; o++) {
		if (!opt_matches(&q->aset->opts[o], text))
			continue;
		if (q->items[item].allowed & (1u << o))
			return o;
		*not_allowed = true;
	}
	return -1;
}

static void add_err(answer_errs_t *errs, answer_err_code_t code, int line, const char *field,
		    const char *question, const char *value)
{
	if (errs->n >= MAX_ANSWER_ERRORS) {
		errs->dropped++;
		return;
	}
	answer_err_t *e = &errs->e[errs->n++];
	e->code = code;
	e->line = line;
	copy_trunc(e->field, sizeof e->field, field);
	copy_trunc(e->question, sizeof e->question, question ? question : "");
	copy_trunc(e->value, sizeof e->value, value ? value : "");
}

int answers_resolve(const questionnaire_t *q, const answer_rec_t *recs, int n, bool strict,
		    answers_t *out, answer_errs_t *errs)
{
	bool seen[MAX_ITEMS] = { false };
	answers_clear(out);
	memset(errs, 0, sizeof *errs);
	for (int r = 0; r < n; r++) {
		const answer_rec_t *rec = &recs[r];
		int i = item_index(q, rec->question);
		if (i < 0) {
			add_err(errs, AERR_UNKNOWN_QUESTION, rec->line, "question", rec->question,
				rec->question);
			continue;
		}
		if (seen[i]) {
			add_err(errs, AERR_DUPLICATE, rec->line, "question", rec->question,
				rec->question);
			continue;
		}
		seen[i] = true;
		out->note[i] = rec->note && rec->note[0] ? rec->note : NULL;
		if (!rec->answer || !rec->answer[0])
			continue;
		bool not_allowed;
		int o = answer_match(q, i, rec->answer, &not_allowed);
		if (o < 0)
			add_err(errs, not_allowed ? AERR_OPTION_NOT_ALLOWED : AERR_UNKNOWN_OPTION,
				rec->line, "answer", rec->question, rec->answer);
		else
			out->opt[i] = (signed char)o;
	}
	if (strict && errs->n == 0)
		for (int i = 0; i < q->nitems; i++)
			if (out->opt[i] == UNANSWERED)
				add_err(errs, AERR_MISSING, 0, "question", q->items[i].id, "");
	return errs->n + errs->dropped;
}

void answer_err_format(const answer_err_t *e, lang_t lang, char *buf, int size)
{
	char where[48] = "";
	if (e->line > 0)
		snprintf(where, sizeof where, lang == LANG_EN ? "line %d: " : "%d行目: ", e->line);
	const char *q = e->question, *v = e->value;
	switch (e->code) {
	case AERR_UNKNOWN_QUESTION:
		snprintf(buf, size, lang == LANG_EN ? "%s%s: no question \"%s\" in this questionnaire"
						    : "%s%s: 設問「%s」はこの診断にありません",
			 where, e->field, q);
		break;
	case AERR_UNKNOWN_OPTION:
		snprintf(buf, size, lang == LANG_EN ? "%s%s: \"%s\" is not an answer option (question %s)"
						    : "%s%s: 「%s」は回答の選択肢にありません（設問 %s）",
			 where, e->field, v, q);
		break;
	case AERR_OPTION_NOT_ALLOWED:
		snprintf(buf, size, lang == LANG_EN ? "%s%s: question %s does not allow \"%s\""
						    : "%s%s: 設問 %s では「%s」を選べません",
			 where, e->field, q, v);
		break;
	case AERR_DUPLICATE:
		snprintf(buf, size, lang == LANG_EN ? "%s%s: question %s is answered twice"
						    : "%s%s: 設問 %s の回答が重複しています",
			 where, e->field, q);
		break;
	case AERR_MISSING:
		snprintf(buf, size, lang == LANG_EN ? "%s: question %s is not answered"
						    : "%s: 設問 %s が未回答です",
			 e->field, q);
		break;
	}
}
