/*
 * risk_input.h — a risk of the register from outside (CLI options, form fields, JSON keys),
 * validated once at the edge: the threat as text or as a reference to the guideline's scenarios
 * ("scenario:10") or the Tokyo handbook's threats ("threat:ransomware"), its source, frequency,
 * impact and treatment as ids (external, monthly, fatal, reduce …) or as the seed's Japanese
 * labels (外部, 月1回, 会社の存亡, 低減 …), the common measures of a 低減, the assets, the residual
 * risk and the review date. Each bad value is an error naming the field.
 */
#ifndef MAMORU_INPUT_RISK_INPUT_H
#define MAMORU_INPUT_RISK_INPUT_H

#include "core/err.h"
#include "core/risk.h"

/* field: threat, threat_ref, source, frequency, impact, treatment, reason, measures (a comma
 * list, replacing), measure (one more), assets (a comma list, replacing), asset (one more),
 * residual_frequency, residual_impact, review. An empty value clears an optional field. */
int risk_set_field(const content_t *c, risk_rec_t *r, const char *field, const char *value, err_t *err);
/* What a stored risk needs: a threat and (when new) an asset; a decided treatment has a reason;
 * a residual risk has both frequency and impact. */
int risk_check(const risk_rec_t *r, bool is_new, err_t *err);
/* The title of a threat reference, and the common measures it links to (ids, at most max);
 * false when the reference names nothing. */
bool risk_threat_ref(const content_t *c, const char *ref, const char **title_ja, const char **title_en, const char **measures,
		     int *nmeasures, int max);

/* A threat from the lists brings its common measures to a risk that has none chosen. */
void risk_default_measures(const content_t *c, risk_rec_t *r);

typedef struct {
	const char *q, *asset, *frequency, *impact, *treatment, *sort, *order, *page, *per_page;
} risk_params_t;

int risk_filter_parse(const content_t *c, const risk_params_t *p, int max_per_page, risk_filter_t *f, err_t *e);

#endif
