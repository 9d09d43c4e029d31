/*
 * risk_input.c — see risk_input.h.
 */
#include "input/risk_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/knowledge.h"
#include "core/plan.h"
#include "core/utf8.h"
#include "input/answerfile.h"
#include "input/org_input.h"
#include "input/page_input.h"

static int field_error(err_t *e, const char *field, const char *ja, const char *en) { return input_field_error(e, field, ja, en); }

/* An id of ids, or a label (either language) or alias of labels; -1 when none. */
static int choice(const char *v, const char *const *ids, const risk_label_t *labels, int n)
{
	int k = risk_id_index(ids, n, v);
	if (k >= 0)
		return k;
	for (k = 0; labels && k < n; k++) {
		const risk_label_t *l = &labels[k];
		if ((l->label.ja && !strcmp(v, l->label.ja)) || (l->label.en && !strcasecmp(v, l->label.en)))
			return k;
		for (int a = 0; a < l->naliases; a++)
			if (!strcmp(v, l->aliases[a]))
				return k;
	}
	return -1;
}

bool risk_threat_ref(const content_t *c, const char *ref, const char **title_ja, const char **title_en, const char **measures,
		     int *nmeasures, int max)
{
	*nmeasures = 0;
	if (!strncmp(ref, "scenario:", 9)) {
		const scenario_t *s = content_scenario(c, ref + 9);
		if (!s)
			return false;
		*title_ja = s->title.ja;
		*title_en = tx(&s->title, LANG_EN);
		/* the measures appendix 2 maps to the scenario */
		for (int m = 0; m < c->nmeasures; m++)
			for (int k = 0; k < c->measures[m].nscenarios; k++)
				if (c->measures[m].scenarios[k] == s && *nmeasures < max)
					measures[(*nmeasures)++] = c->measures[m].id;
		return true;
	}
	if (!strncmp(ref, "threat:", 7)) {
		for (int t = 0; t < c->nthreats; t++)
			if (c->threats[t].id && !strcmp(c->threats[t].id, ref + 7)) {
				*title_ja = c->threats[t].title.ja;
				*title_en = tx(&c->threats[t].title, LANG_EN);
				for (int k = 0; k < c->threats[t].nmeasures && *nmeasures < max; k++)
					measures[(*nmeasures)++] = c->threats[t].measures[k]->id;
				return true;
			}
	}
	return false;
}

static int add_measure(const content_t *c, risk_rec_t *r, const char *id, err_t *err)
{
	if (!content_measure(c, id))
		return field_error(err, "measures", "共通対策の番号（4.3.2 など）で指定してください", "must be common measure numbers (4.3.2 …)");
	char ids[RISK_MEASURES_MAX][8];
	int n = risk_measure_list(r, ids, RISK_MEASURES_MAX);
	for (int k = 0; k < n; k++)
		if (!strcmp(ids[k], id))
			return 0;
	if (n >= RISK_MEASURES_MAX)
		return field_error(err, "measures", "対策は8つまでです", "at most 8 measures");
	size_t len = strlen(r->measures);
	snprintf(r->measures + len, sizeof r->measures - len, "%s%s", len ? "," : "", id);
	return 0;
}

static int add_asset(risk_rec_t *r, const char *v, err_t *err)
{
	char *end;
	long long id = strtoll(v, &end, 10);
	if (!*v || *end || id <= 0 || strlen(v) > 15)
		return field_error(err, "assets", "情報資産の ID（正の整数）で指定してください", "must be asset ids (positive numbers)");
	for (int k = 0; k < r->nassets; k++)
		if (r->assets[k] == id)
			return 0;
	if (r->nassets >= RISK_ASSETS_MAX)
		return field_error(err, "assets", "情報資産は32件までです", "at most 32 assets");
	r->assets[r->nassets++] = id;
	return 0;
}

/* Calls fn for each comma-separated item of v. */
static int each_item(const char *v, int (*fn)(const content_t *, risk_rec_t *, const char *, err_t *), const content_t *c, risk_rec_t *r,
		     err_t *err)
{
	char buf[512];
	if (strlen(v) >= sizeof buf)
		return field_error(err, "measures", "長すぎます", "too long");
	strcpy(buf, v);
	char *save = NULL;
	for (char *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save))
		if (fn(c, r, t, err) != 0)
			return -1;
	return 0;
}

static int add_asset_fn(const content_t *c, risk_rec_t *r, const char *v, err_t *err)
{
	(void)c;
	return add_asset(r, v, err);
}

static int long_text(const char *field, const char *v, char *dst, size_t size, size_t max_chars, err_t *err)
{
	size_t n = strlen(v), chars = 0;
	if (!utf8_valid(v, n, NULL))
		return field_error(err, field, "UTF-8 でない文字が含まれています", "contains invalid UTF-8");
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7f)
			return field_error(err, field, "制御文字は使えません", "must not contain control characters");
		chars += (*p & 0xC0) != 0x80;
	}
	if (chars > max_chars || n >= size) {
		char ja[96], en[96];
		snprintf(ja, sizeof ja, "長すぎます（%zu 文字、上限 %zu 文字）", chars, max_chars);
		snprintf(en, sizeof en, "too long (%zu characters, at most %zu)", chars, max_chars);
		return field_error(err, field, ja, en);
	}
	memcpy(dst, v, n + 1);
	return 0;
}

int risk_set_field(const content_t *c, risk_rec_t *r, const char *field, const char *v, err_t *err)
{
	const risk_content_t *rc = c->risk;
	if (!strcmp(field, "threat")) {
		const char *ja, *en, *ms[RISK_MEASURES_MAX];
		int nm;
		/* a reference given as the threat itself: "scenario:10" */
		if (risk_threat_ref(c, v, &ja, &en, ms, &nm, RISK_MEASURES_MAX)) {
			snprintf(r->threat_ref, sizeof r->threat_ref, "%s", v);
			snprintf(r->threat, sizeof r->threat, "%s", ja);
			return 0;
		}
		if (long_text(field, v, r->threat, sizeof r->threat, RISK_THREAT_CHARS, err) != 0)
			return -1;
		for (char *p = r->threat; *p; p++) /* one line */
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		return 0;
	}
	if (!strcmp(field, "threat_ref")) {
		const char *ja, *en, *ms[RISK_MEASURES_MAX];
		int nm;
		if (!*v) {
			r->threat_ref[0] = '\0';
			return 0;
		}
		if (!risk_threat_ref(c, v, &ja, &en, ms, &nm, RISK_MEASURES_MAX))
			return field_error(err, field, "scenario:番号 か threat:ID で、内容にある脅威を指定してください",
					   "must be scenario:N or threat:ID naming a threat in the content");
		snprintf(r->threat_ref, sizeof r->threat_ref, "%s", v);
		if (!r->threat[0])
			snprintf(r->threat, sizeof r->threat, "%s", ja);
		return 0;
	}
	if (!strcmp(field, "source")) {
		int k = choice(v, RISK_SOURCE_IDS, rc->sources, RISK_SOURCES);
		if (k < 0)
			return field_error(err, field, "external（外部）か internal（内部）です", "must be external (外部) or internal (内部)");
		r->source = (risk_source_t)k;
		return 0;
	}
	bool residual = !strncmp(field, "residual_", 9);
	const char *f = residual ? field + 9 : field;
	if (!strcmp(f, "frequency")) {
		int k = *v || !residual ? choice(v, RISK_FREQ_IDS, rc->freqs, RISK_FREQS) : -1;
		if (k < 0 && (*v || !residual))
			return field_error(err, field, "monthly（月1回）・yearly（年1回）・rare（数年に1回）のどれかです",
					   "must be monthly (月1回), yearly (年1回) or rare (数年に1回)");
		if (residual)
			r->res_freq = k;
		else
			r->freq = (risk_freq_t)k;
		return 0;
	}
	if (!strcmp(f, "impact")) {
		int k = *v || !residual ? choice(v, RISK_IMPACT_IDS, rc->impacts, RISK_IMPACTS) : -1;
		if (k < 0 && (*v || !residual))
			return field_error(err, field, "fatal（会社の存亡）・stop（業務停止）・slow（業務効率低下）のどれかです",
					   "must be fatal (会社の存亡), stop (業務停止) or slow (業務効率低下)");
		if (residual)
			r->res_impact = k;
		else
			r->impact = (risk_impact_t)k;
		return 0;
	}
	if (!strcmp(field, "treatment")) {
		if (!*v || !strcmp(v, "none")) {
			r->treatment = RT_NONE;
			return 0;
		}
		int k = choice(v, RISK_TREAT_IDS, rc->treats, RISK_TREATS);
		if (k < 0)
			return field_error(err, field, "reduce（低減）・avoid（回避）・transfer（移転）・accept（保有）のどれかです",
					   "must be reduce (低減), avoid (回避), transfer (移転) or accept (保有)");
		r->treatment = (risk_treat_t)k;
		return 0;
	}
	if (!strcmp(field, "reason"))
		return long_text(field, v, r->reason, sizeof r->reason, RISK_REASON_CHARS, err);
	if (!strcmp(field, "measures")) {
		r->measures[0] = '\0';
		return each_item(v, add_measure, c, r, err);
	}
	if (!strcmp(field, "measure"))
		return add_measure(c, r, v, err);
	if (!strcmp(field, "assets")) {
		r->nassets = 0;
		return each_item(v, add_asset_fn, c, r, err);
	}
	if (!strcmp(field, "asset"))
		return add_asset(r, v, err);
	if (!strcmp(field, "review")) {
		if (*v && !plan_date_valid(v))
			return field_error(err, field, "見直し日は YYYY-MM-DD の形の日付にしてください", "the review date must be a date written YYYY-MM-DD");
		snprintf(r->review, sizeof r->review, "%s", v);
		return 0;
	}
	return field_error(err, field, "不明な項目です", "unknown field");
}

void risk_default_measures(const content_t *c, risk_rec_t *r)
{
	const char *ja, *en, *ms[RISK_MEASURES_MAX];
	int nm;
	if (r->measures[0] || !r->threat_ref[0] || !risk_threat_ref(c, r->threat_ref, &ja, &en, ms, &nm, RISK_MEASURES_MAX))
		return;
	for (int k = 0; k < nm; k++) {
		err_t e;
		add_measure(c, r, ms[k], &e);
	}
}

int risk_check(const risk_rec_t *r, bool is_new, err_t *err)
{
	if (!r->threat[0])
		return field_error(err, "threat", "脅威を書くか一覧から選んでください", "describe the threat or choose one from the lists");
	if (is_new && r->nassets == 0)
		return field_error(err, "assets", "対象の情報資産を1つ以上選んでください", "choose at least one asset");
	if (r->treatment != RT_NONE && !r->reason[0])
		return field_error(err, "reason", "対応方針を決めた理由を書いてください", "give the reason for the treatment decided");
	if ((r->res_freq < 0) != (r->res_impact < 0))
		return field_error(err, r->res_freq < 0 ? "residual_frequency" : "residual_impact", "残留リスクは頻度と影響の両方を指定してください",
				   "a residual risk needs both its frequency and its impact");
	return 0;
}

int risk_filter_parse(const content_t *c, const risk_params_t *p, int max_per_page, risk_filter_t *f, err_t *e)
{
	risk_filter_init(f);
	if (p->q && *p->q) {
		if (!utf8_valid(p->q, strlen(p->q), NULL) || strlen(p->q) >= sizeof f->q)
			return field_error(e, "q", "UTF-8 で 255 バイトまでにしてください", "must be UTF-8 of at most 255 bytes");
		snprintf(f->q, sizeof f->q, "%s", p->q);
	}
	if (p->asset && *p->asset) {
		char *end;
		long long id = strtoll(p->asset, &end, 10);
		if (*end || id <= 0 || strlen(p->asset) > 15)
			return field_error(e, "asset", "情報資産の ID です", "must be an asset id");
		f->asset_id = id;
	}
	risk_rec_t tmp;
	risk_rec_init(&tmp);
	if (p->frequency && *p->frequency) {
		if (risk_set_field(c, &tmp, "frequency", p->frequency, e) != 0)
			return -1;
		f->freq = tmp.freq;
	}
	if (p->impact && *p->impact) {
		if (risk_set_field(c, &tmp, "impact", p->impact, e) != 0)
			return -1;
		f->impact = tmp.impact;
	}
	if (p->treatment && *p->treatment) {
		if (risk_set_field(c, &tmp, "treatment", p->treatment, e) != 0)
			return -1;
		f->treatment = tmp.treatment;
	}
	if (p->sort && *p->sort) {
		f->sort = risk_id_index(RISK_SORT_IDS, RISK_SORTS, p->sort);
		if (f->sort < 0)
			return field_error(e, "sort", "id・cell・treatment・review のどれかです", "must be id, cell, treatment or review");
	}
	if (p->order && *p->order) {
		if (strcmp(p->order, "asc") && strcmp(p->order, "desc"))
			return field_error(e, "order", "asc か desc です", "must be asc or desc");
		f->desc = !strcmp(p->order, "desc");
	}
	if (page_range_parse("page", p->page, 1, PAGE_NUMBER_MAX, &f->page, e) != 0)
		return -1;
	if (max_per_page == 0)
		f->per_page = 0;
	else if (page_range_parse("per_page", p->per_page, 1, max_per_page, &f->per_page, e) != 0)
		return -1;
	return 0;
}
