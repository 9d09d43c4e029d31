/*
 * history_csv.c — see history_csv.h. The rows are written to memory first and then, in the
 * encoding asked for, to the file: CP932 is converted once, with iconv (glibc).
 */
#include "report/history_csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/datetime.h"
#include "report/csv.h"

bool csv_columns_parse(const char *s, csv_columns_t *out)
{
	if (!strcmp(s, "text"))
		*out = CSV_TEXT;
	else if (!strcmp(s, "ids"))
		*out = CSV_IDS;
	else
		return false;
	return true;
}

bool csv_encoding_parse(const char *s, csv_encoding_t *out)
{
	if (!strcmp(s, "utf8-bom"))
		*out = CSV_UTF8_BOM;
	else if (!strcmp(s, "utf8"))
		*out = CSV_UTF8;
	else if (!strcmp(s, "cp932") || !strcmp(s, "sjis") || !strcmp(s, "shift_jis"))
		*out = CSV_CP932;
	else
		return false;
	return true;
}

/* The rows as stored: English headings and ids, for programs (the export's first layout). */
static void ids_header(FILE *f)
{
	static const char *const header[] = { "organization_id", "organization", "diagnosis_id", "date", "questionnaire",
					      "version", "round", "scope", "respondent", "role", "total", "max", "band",
					      "question", "category", "answer", "points", "full", "note", NULL };
	for (int k = 0; header[k]; k++)
		csv_cell(f, header[k], k == 0);
	csv_end(f);
}

static void ids_diag(FILE *f, const org_t *o, const stored_diag_t *d)
{
	{
		for (int a = 0; a < d->nanswers; a++) {
			const sd_answer_t *ans = &d->answers[a];
			csv_int(f, o->id, true);
			csv_cell(f, o->name, false);
			csv_int(f, d->id, false);
			csv_cell(f, d->created, false);
			csv_cell(f, d->questionnaire, false);
			csv_cell(f, d->version, false);
			csv_cell(f, d->round, false);
			csv_cell(f, d->scope, false);
			csv_cell(f, d->respondent, false);
			csv_cell(f, role_id(d->role), false);
			csv_int(f, d->total, false);
			csv_int(f, d->max, false);
			csv_cell(f, d->band_ja, false);
			csv_cell(f, ans->question, false);
			csv_cell(f, ans->category, false);
			csv_cell(f, ans->option, false);
			csv_int(f, ans->points, false);
			csv_int(f, ans->full, false);
			csv_cell(f, ans->note, false);
			csv_end(f);
		}
	}
}

static const char *role_label(const content_t *c, role_t r, lang_t lang)
{
	static const char *const keys[] = { "role_none", "role_executive", "role_manager", "role_staff" };
	return r == ROLE_NONE ? "" : ui(c, keys[r >= ROLE_NONE && r <= ROLE_STAFF ? r : ROLE_NONE], lang);
}

/* The rows for people: the same facts, in words. */
static void text_header(FILE *f, const content_t *c, lang_t L)
{
	static const char *const keys[] = { "report_org_id", "report_company", "report_diagnosis_id", "report_diag_date", "web_questionnaire",
					    "version", "round", "scope", "respondent", "report_role", "total", "report_max", "band",
					    "question", "report_question_text", "web_topic", "report_answer", "points", "report_full", "report_note",
					    NULL };
	for (int k = 0; keys[k]; k++)
		csv_cell(f, ui(c, keys[k], L), k == 0);
	csv_end(f);
}

static void text_diag(FILE *f, const content_t *c, const org_t *o, const stored_diag_t *d, lang_t L)
{
	{
		const questionnaire_t *q = content_questionnaire(c, d->questionnaire);
		char when[32] = "";
		time_t t;
		if (dt_parse_utc(d->created, &t)) { /* local time as Excel reads a date-time */
			struct tm tm;
			dt_local(t, &tm);
			strftime(when, sizeof when, "%Y/%m/%d %H:%M", &tm);
		} else {
			snprintf(when, sizeof when, "%s", d->created);
		}
		for (int a = 0; a < d->nanswers; a++) {
			const sd_answer_t *ans = &d->answers[a];
			int k = q ? item_index(q, ans->question) : -1;
			const char *option = ans->option[0] ? ans->option : ui(c, "report_unanswered", L), *topic = ans->category;
			for (int x = 0; q && x < q->aset->nopts; x++)
				if (!strcmp(q->aset->opts[x].id, ans->option))
					option = tx(&q->aset->opts[x].label, L);
			for (int x = 0; x < d->ncats; x++)
				if (!strcmp(d->cats[x].id, ans->category))
					topic = L == LANG_EN ? d->cats[x].title_en : d->cats[x].title_ja;
			csv_int(f, o->id, true);
			csv_cell(f, o->name, false);
			csv_int(f, d->id, false);
			csv_cell(f, when, false);
			csv_cell(f, q ? tx(&q->title, L) : d->questionnaire, false);
			csv_cell(f, d->version, false);
			csv_cell(f, d->round, false);
			csv_cell(f, d->scope, false);
			csv_cell(f, d->respondent, false);
			csv_cell(f, role_label(c, d->role, L), false);
			csv_int(f, d->total, false);
			csv_int(f, d->max, false);
			csv_cell(f, L == LANG_EN ? d->band_en : d->band_ja, false);
			csv_cell(f, ans->question, false);
			csv_cell(f, k >= 0 ? tx(&q->items[k].text, L) : "", false);
			csv_cell(f, topic, false);
			csv_cell(f, option, false);
			csv_int(f, ans->points, false);
			csv_int(f, ans->full, false);
			csv_cell(f, ans->note, false);
			csv_end(f);
		}
	}
}

/* UTF-8 to CP932 into f; a character CP932 lacks becomes "?". */
static void write_cp932(FILE *f, char *in, size_t il)
{
	iconv_t cd = iconv_open("CP932", "UTF-8");
	if (cd == (iconv_t)-1) {
		fwrite(in, 1, il, f);
		return;
	}
	char out[4096];
	while (il > 0) {
		char *op = out;
		size_t ol = sizeof out;
		size_t r = iconv(cd, &in, &il, &op, &ol);
		fwrite(out, 1, (size_t)(op - out), f);
		if (r == (size_t)-1 && errno == EILSEQ) {
			fputc('?', f);
			do { /* past the one character */
				in++, il--;
			} while (il > 0 && ((unsigned char)*in & 0xC0) == 0x80);
		} else if (r == (size_t)-1 && errno != E2BIG) {
			break;
		}
	}
	iconv_close(cd);
}

/* Text written so far goes out to the file in the chosen encoding: a diagnosis at a time, so the
 * export never holds more than one diagnosis's rows (issue 19: exports stream). */
static void flush_to(history_csv_t *w, FILE *mem, char **data, size_t *len)
{
	fclose(mem);
	if (w->enc == CSV_CP932)
		write_cp932(w->f, *data, *len);
	else
		fwrite(*data, 1, *len, w->f);
	free(*data);
	*data = NULL;
	*len = 0;
}

int history_csv_begin(history_csv_t *w, err_t *e)
{
	char *data = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&data, &len);
	if (!mem)
		return err_set(e, ERR_INTERNAL, "output", "CSV を作れません", "cannot make the CSV");
	if (w->cols == CSV_IDS)
		ids_header(mem);
	else
		text_header(mem, w->c, w->lang);
	if (w->enc == CSV_UTF8_BOM)
		csv_bom(w->f);
	flush_to(w, mem, &data, &len);
	return ferror(w->f) ? err_set(e, ERR_INTERNAL, "output", "書き込めません", "cannot write the file") : 0;
}

int history_csv_diag(history_csv_t *w, const stored_diag_t *d, err_t *e)
{
	char *data = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&data, &len);
	if (!mem)
		return err_set(e, ERR_INTERNAL, "output", "CSV を作れません", "cannot make the CSV");
	if (w->cols == CSV_IDS)
		ids_diag(mem, w->o, d);
	else
		text_diag(mem, w->c, w->o, d, w->lang);
	flush_to(w, mem, &data, &len);
	return ferror(w->f) ? err_set(e, ERR_INTERNAL, "output", "書き込めません", "cannot write the file") : 0;
}

int history_csv(FILE *f, const content_t *c, const org_t *o, stored_diag_t *const *list, int n, lang_t lang, csv_columns_t cols,
		csv_encoding_t enc, err_t *e)
{
	history_csv_t w = { f, c, o, lang, cols, enc };
	if (history_csv_begin(&w, e) != 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (history_csv_diag(&w, list[i], e) != 0)
			return -1;
	return 0;
}
