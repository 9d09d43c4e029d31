/*
 * secaction.h — SECURITY ACTION for one organisation: reading where it stands (the record, the
 * stars it is ready for and its latest self-diagnosis), ticking the 5か条, and drafting, editing
 * and adopting its basic security policy. Reading needs access to the organisation; changing
 * needs write access to it. Every change is one transaction with its audit entry.
 */
#ifndef MAMORU_APP_SECACTION_H
#define MAMORU_APP_SECACTION_H

#include "app/app.h"
#include "core/secaction.h"

typedef struct {
	secaction_t rec;
	sa_readiness_t ready;
	int64_t diagnosis_id;      /* its latest self-diagnosis, 0 = none */
	int total, max;
	char diagnosed[32];
} secaction_view_t;

int app_secaction_view(app_t *a, int64_t org_id, secaction_view_t *out, err_t *e);
/* The 5か条 now ticked (bits 0-4). */
int app_secaction_rules(app_t *a, int64_t org_id, unsigned rules, err_t *e);
/* The basic policy: with text NULL a new draft is made from the choices (in lang, with the
 * organisation's name and today's date) and is not yet adopted; otherwise the edited text is
 * kept, adopted or not. Either way the choices are kept. */
int app_secaction_policy(app_t *a, int64_t org_id, const sa_choices_t *ch, const char *text, bool adopted, lang_t lang,
			 err_t *e);

#endif
