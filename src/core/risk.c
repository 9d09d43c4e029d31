/*
 * risk.c — see risk.h.
 */
#include "core/risk.h"

#include <stdio.h>
#include <string.h>

const char *const RISK_SOURCE_IDS[RISK_SOURCES] = { "external", "internal" };
const char *const RISK_FREQ_IDS[RISK_FREQS] = { "monthly", "yearly", "rare" };
const char *const RISK_IMPACT_IDS[RISK_IMPACTS] = { "fatal", "stop", "slow" };
const char *const RISK_TREAT_IDS[RISK_TREATS] = { "reduce", "avoid", "transfer", "accept" };

int risk_id_index(const char *const *ids, int n, const char *id)
{
	for (int k = 0; id && k < n; k++)
		if (!strcmp(ids[k], id))
			return k;
	return -1;
}

void risk_rec_init(risk_rec_t *r)
{
	memset(r, 0, sizeof *r);
	r->treatment = RT_NONE;
	r->res_freq = r->res_impact = -1;
}

risk_treat_t risk_suggest(const risk_matrix_t *m, risk_freq_t f, risk_impact_t i) { return m->cell[f][i]; }

void risk_matrix_format(const risk_matrix_t *m, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (int f = 0; f < RISK_FREQS; f++)
		for (int i = 0; i < RISK_IMPACTS; i++) {
			int n = snprintf(out + len, size - len, "%s%s", len ? "," : "", RISK_TREAT_IDS[m->cell[f][i]]);
			if (n < 0 || (size_t)n >= size - len)
				return;
			len += (size_t)n;
		}
}

bool risk_matrix_parse(const char *text, risk_matrix_t *m)
{
	char buf[128];
	if (strlen(text) >= sizeof buf)
		return false;
	strcpy(buf, text);
	int k = 0;
	char *save = NULL;
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save), k++) {
		int v = risk_id_index(RISK_TREAT_IDS, RISK_TREATS, t);
		if (v < 0 || k >= RISK_FREQS * RISK_IMPACTS)
			return false;
		m->cell[k / RISK_IMPACTS][k % RISK_IMPACTS] = (risk_treat_t)v;
	}
	return k == RISK_FREQS * RISK_IMPACTS;
}

int risk_measure_list(const risk_rec_t *r, char ids[][8], int max)
{
	int n = 0;
	const char *p = r->measures;
	while (*p && n < max) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > 0 && len < 8) {
			memcpy(ids[n], p, len);
			ids[n++][len] = '\0';
		}
		if (!end)
			break;
		p = end + 1;
	}
	return n;
}

const char *const RISK_SORT_IDS[RISK_SORTS] = { "id", "cell", "treatment", "review" };

void risk_filter_init(risk_filter_t *f)
{
	memset(f, 0, sizeof *f);
	f->freq = f->impact = -1;
	f->treatment = -2;
	f->page = 1;
	f->per_page = 50;
}
