/*
 * contractor_input.c — see contractor_input.h.
 */
#include "input/contractor_input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan.h"
#include "core/utf8.h"
#include "input/answerfile.h"
#include "input/org_input.h"

/* Text of at most max_chars characters; line breaks only when multiline. */
static int text(const char *field, const char *v, char *dst, size_t size, size_t max_chars, bool multiline, err_t *err)
{
	size_t n = strlen(v), chars = 0;
	if (!utf8_valid(v, n, NULL))
		return input_field_error(err, field, "UTF-8 でない文字が含まれています", "contains invalid UTF-8");
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7f)
			return input_field_error(err, field, multiline ? "制御文字は使えません" : "改行や制御文字は使えません",
						 multiline ? "must not contain control characters" : "must not contain line breaks or control characters");
		chars += (*p & 0xC0) != 0x80;
	}
	if (chars > max_chars || n >= size) {
		char ja[96], en[96];
		snprintf(ja, sizeof ja, "長すぎます（%zu 文字、上限 %zu 文字）", chars, max_chars);
		snprintf(en, sizeof en, "too long (%zu characters, at most %zu)", chars, max_chars);
		return input_field_error(err, field, ja, en);
	}
	memcpy(dst, v, n + 1);
	return 0;
}

static int date(const char *field, const char *v, char dst[11], err_t *err)
{
	if (*v && !plan_date_valid(v))
		return input_field_error(err, field, "YYYY-MM-DD の形の日付にしてください", "must be a date written YYYY-MM-DD");
	snprintf(dst, 11, "%s", v);
	return 0;
}

static int name(const char *field, const char *v, char dst[CT_NAME], err_t *err)
{
	char tmp[CT_NAME];
	while (*v == ' ')
		v++;
	if (text_field(field, v, tmp, CT_NAME - 1, err) != 0)
		return -1;
	if (!tmp[0])
		return input_field_error(err, field, "名前を入れてください", "a name is required");
	memcpy(dst, tmp, CT_NAME);
	return 0;
}

int ct_set_field(contractor_t *c, const char *field, const char *v, err_t *err)
{
	if (!strcmp(field, "name"))
		return name(field, v, c->name, err);
	if (!strcmp(field, "contact"))
		return text(field, v, c->contact, sizeof c->contact, 400, false, err);
	if (!strcmp(field, "handles"))
		return text(field, v, c->handles, sizeof c->handles, 400, false, err);
	if (!strcmp(field, "contract_start"))
		return date(field, v, c->contract_start, err);
	if (!strcmp(field, "contract_end"))
		return date(field, v, c->contract_end, err);
	if (!strcmp(field, "review_due"))
		return date(field, v, c->review_due, err);
	if (!strcmp(field, "note"))
		return ct_note_field(field, v, c->note, err);
	return input_field_error(err, field, "不明な項目です", "unknown field");
}

int ct_check(const contractor_t *c, err_t *err)
{
	if (!c->name[0])
		return input_field_error(err, "name", "名前を入れてください", "a name is required");
	if (c->contract_start[0] && c->contract_end[0] && strcmp(c->contract_end, c->contract_start) < 0)
		return input_field_error(err, "contract_end", "契約終了日が開始日より前です", "the contract ends before it starts");
	return 0;
}

int cloud_set_field(cloud_service_t *c, const char *field, const char *v, err_t *err)
{
	if (!strcmp(field, "name"))
		return name(field, v, c->name, err);
	if (!strcmp(field, "provider"))
		return text(field, v, c->provider, sizeof c->provider, 40, false, err);
	if (!strcmp(field, "purpose"))
		return text(field, v, c->purpose, sizeof c->purpose, 400, false, err);
	if (!strcmp(field, "review_due"))
		return date(field, v, c->review_due, err);
	return input_field_error(err, field, "不明な項目です", "unknown field");
}

int cloud_check(const cloud_service_t *c, err_t *err)
{
	if (!c->name[0])
		return input_field_error(err, "name", "名前を入れてください", "a name is required");
	return 0;
}

int ct_note_field(const char *field, const char *value, char *dst, err_t *err)
{
	return text(field, value, dst, CT_NOTE, 2000, true, err);
}

static int number(const char *field, const char *v, long lo, long hi, int *out, err_t *err)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (!*v || *end || errno || n < lo || n > hi) {
		char ja[96], en[96];
		snprintf(ja, sizeof ja, "%ld〜%ld の整数にしてください", lo, hi);
		snprintf(en, sizeof en, "must be a whole number from %ld to %ld", lo, hi);
		return input_field_error(err, field, ja, en);
	}
	*out = (int)n;
	return 0;
}

int ct_days_field(const char *value, int max, int *out, err_t *err)
{
	return number("days", value, 1, max, out, err);
}

/* Comma-separated ids, each one of names[0..n), into a bit mask. */
static int ids(const char *field, const char *v, const char *(*name_of)(const clause_content_t *, int), const clause_content_t *cc,
	       int n, unsigned *out, err_t *err)
{
	unsigned mask = 0;
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, ", ");
		if (len) {
			int hit = -1;
			for (int i = 0; i < n; i++)
				if (strlen(name_of(cc, i)) == len && !strncmp(name_of(cc, i), p, len))
					hit = i;
			if (hit < 0) {
				char ja[160], en[160];
				snprintf(ja, sizeof ja, "「%.*s」はありません", (int)(len < 40 ? len : 40), p);
				snprintf(en, sizeof en, "no such clause \"%.*s\"", (int)(len < 40 ? len : 40), p);
				return input_field_error(err, field, ja, en);
			}
			mask |= 1u << hit;
		}
		p += len;
		if (*p)
			p++;
	}
	*out = mask;
	return 0;
}

static const char *clause_id(const clause_content_t *cc, int i) { return cc->clauses[i].id; }
static const char *related_id(const clause_content_t *cc, int i) { return cc->related[i].id; }

int clause_set_field(const clause_content_t *cc, clause_opts_t *o, const char *field, const char *v, err_t *err)
{
	if (!strcmp(field, "client"))
		return text_field(field, v, o->client, sizeof o->client - 1, err);
	if (!strcmp(field, "contractor"))
		return text_field(field, v, o->contractor, sizeof o->contractor - 1, err);
	if (!strcmp(field, "date"))
		return date(field, v, o->date, err);
	if (!strcmp(field, "report_by"))
		return date(field, v, o->report_by, err);
	if (!strcmp(field, "years"))
		return *v ? number(field, v, 1, 99, &o->years, err) : (o->years = 0);
	if (!strcmp(field, "first_article"))
		return *v ? number(field, v, 1, 999, &o->first_article, err) : (o->first_article = 1, 0);
	if (!strcmp(field, "clauses"))
		return ids(field, v, clause_id, cc, cc->nclauses, &o->clauses, err);
	if (!strcmp(field, "related"))
		return ids(field, v, related_id, cc, cc->nrelated, &o->related, err);
	return input_field_error(err, field, "不明な項目です", "unknown field");
}
