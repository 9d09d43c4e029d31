/*
 * plan.c — see plan.h.
 */
#include "core/plan.h"

#include <string.h>

const char *plan_status_id(plan_status_t s)
{
	static const char *const ids[] = { "todo", "doing", "done" };
	return ids[s];
}

bool plan_status_parse(const char *s, plan_status_t *out)
{
	for (int i = PLAN_NOT_STARTED; i <= PLAN_DONE; i++)
		if (!strcmp(s, plan_status_id((plan_status_t)i))) {
			*out = (plan_status_t)i;
			return true;
		}
	return false;
}

bool plan_overdue(const plan_item_t *p, const char *today)
{
	/* both YYYY-MM-DD: their text order is their date order */
	return p->status != PLAN_DONE && p->due[0] && today && strcmp(p->due, today) < 0;
}

bool plan_date_valid(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 2000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap);
}

plan_check_t plan_check(const plan_item_t *p, const stored_diag_t *const *list, int n, int64_t *against)
{
	for (int i = n - 1; i >= 0; i--) {
		const stored_diag_t *d = list[i];
		if (strcmp(d->questionnaire, p->questionnaire))
			continue;
		for (int a = 0; a < d->nanswers; a++)
			if (!strcmp(d->answers[a].question, p->question)) {
				*against = d->id;
				return d->answers[a].option[0] && d->answers[a].points >= d->answers[a].full ? PLAN_ACHIEVED : PLAN_NOT_YET;
			}
		return PLAN_NOT_CHECKED;
	}
	return PLAN_NOT_CHECKED;
}
