/*
 * plan_input.c — see plan_input.h.
 */
#include "input/plan_input.h"

#include <stdio.h>
#include <string.h>

#include "input/org_input.h"

int plan_set_field(const content_t *c, plan_item_t *p, const char *field, const char *v, err_t *err)
{
	if (!strcmp(field, "questionnaire")) {
		if (!content_questionnaire(c, v))
			return input_field_error(err, field, "その診断はありません", "no such questionnaire");
		snprintf(p->questionnaire, sizeof p->questionnaire, "%s", v);
		return 0;
	}
	if (!strcmp(field, "question")) {
		const questionnaire_t *q = content_questionnaire(c, p->questionnaire);
		if (!q || item_index(q, v) < 0)
			return input_field_error(err, field, "その設問はありません", "no such question in the questionnaire");
		snprintf(p->question, sizeof p->question, "%s", v);
		return 0;
	}
	if (!strcmp(field, "owner"))
		return text_field("owner", v, p->owner, sizeof p->owner - 1, err);
	if (!strcmp(field, "due")) {
		if (*v && !plan_date_valid(v))
			return input_field_error(err, field, "期限は YYYY-MM-DD の形の日付にしてください", "the due date must be a date written YYYY-MM-DD");
		snprintf(p->due, sizeof p->due, "%s", v);
		return 0;
	}
	if (!strcmp(field, "status")) {
		if (!plan_status_parse(v, &p->status))
			return input_field_error(err, field, "状態は todo・doing・done のどれかです", "the status must be todo, doing or done");
		return 0;
	}
	if (!strcmp(field, "note")) {
		/* a note may run over lines: a browser's CR LF becomes LF; checked as text_field checks
		 * a line, with each line break read as a space */
		char kept[sizeof p->note], flat[sizeof p->note];
		size_t k = 0;
		for (const char *s = v; *s; s++) {
			if (*s == '\r' && s[1] == '\n')
				continue;
			if (k + 1 >= sizeof kept)
				return input_field_error(err, field, "メモが長すぎます（800 バイトまで）", "the note is too long (at most 800 bytes)");
			kept[k] = *s;
			flat[k++] = *s == '\n' ? ' ' : *s;
		}
		kept[k] = flat[k] = '\0';
		char checked[sizeof p->note];
		if (text_field(field, flat, checked, sizeof checked - 1, err) != 0)
			return -1;
		memcpy(p->note, kept, k + 1);
		return 0;
	}
	return input_field_error(err, field, "不明な項目です", "unknown field");
}
