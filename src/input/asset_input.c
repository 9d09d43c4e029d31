/*
 * asset_input.c — see asset_input.h.
 */
#include "input/asset_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"
#include "core/xalloc.h"
#include "input/page_input.h"
#include "input/table.h"
#include "input/xlsx_read.h"

#define IDEO_SPACE "\xE3\x80\x80"   /* 　 U+3000, which Japanese input types for a space */

/* Trims ASCII and ideographic spaces at both ends, in place. */
static char *trim(char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, IDEO_SPACE, 3))
			s += 3;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
			s[--n] = '\0';
		else if (n >= 3 && !strcmp(s + n - 3, IDEO_SPACE))
			s[n -= 3] = '\0';
		else
			return s;
	}
}

static size_t chars_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The value of column col of a, checked; 0, or -1 with the reason in ja / en. value is trimmed
 * in a copy; a line break inside a one-line column (Excel's Alt+Enter) becomes a space. */
static int column_value(asset_t *a, int col, const char *value, char *ja, char *en, size_t rsize)
{
	size_t vlen = strlen(value);
	if (!utf8_valid(value, vlen, NULL)) {
		snprintf(ja, rsize, "UTF-8 でない文字が含まれています");
		snprintf(en, rsize, "contains invalid UTF-8");
		return -1;
	}
	char *copy = xstrdup(value), *v = trim(copy);
	int rc = 0;
	if (v[0] == '\'' && v[1] && strchr("=+-@", v[1])) /* mamoru's export keeps Excel from reading a formula */
		v++;
	for (unsigned char *p = (unsigned char *)v; *p; p++) {
		bool lf = *p == '\n' || *p == '\r';
		if (lf && col != AC_NOTE)
			*p = ' ';
		else if ((*p < 0x20 && !(lf || *p == '\t')) || *p == 0x7f) {
			snprintf(ja, rsize, "制御文字（U+%04X）は使えません", *p);
			snprintf(en, rsize, "control characters (U+%04X) are not allowed", *p);
			rc = -1;
			goto out;
		}
	}
	if (asset_col_is_cia(col)) {
		int x = 0;
		if (!strcmp(v, "1") || !strcmp(v, "2") || !strcmp(v, "3"))
			x = v[0] - '0';
		else if (!strcmp(v, "1.0") || !strcmp(v, "2.0") || !strcmp(v, "3.0"))
			x = v[0] - '0';
		else if (!strcmp(v, "１") || !strcmp(v, "２") || !strcmp(v, "３")) /* full-width digits */
			x = (unsigned char)v[2] - 0x90;
		if (!x && *v) {
			snprintf(ja, rsize, "「%.*s」は 1〜3 ではありません", utf8_prefix(v, 40), v);
			snprintf(en, rsize, "\"%.*s\" is not 1, 2 or 3", utf8_prefix(v, 40), v);
			rc = -1;
		} else if (!x) {
			snprintf(ja, rsize, "空です（1〜3 で指定してください）");
			snprintf(en, rsize, "is empty (give 1, 2 or 3)");
			rc = -1;
		} else {
			*(col == AC_C ? &a->c : col == AC_I ? &a->i : &a->a) = x;
		}
		goto out;
	}
	size_t size;
	char *dst = asset_text(a, col, &size);
	if (asset_col_is_date(col)) {
		char date[11] = "";
		bool serial = strlen(v) == 5 && strspn(v, "0123456789") == 5; /* an Excel date number */
		if (*v && !(serial ? asset_date_from_serial(atof(v), date) : asset_date_parse(v, date))) {
			snprintf(ja, rsize, "「%.*s」は日付ではありません（2008/8/26 や 2008-08-26 の形で書いてください）", utf8_prefix(v, 40), v);
			snprintf(en, rsize, "\"%.*s\" is not a date (write it as 2008/8/26 or 2008-08-26)", utf8_prefix(v, 40), v);
			rc = -1;
		} else {
			memcpy(dst, date, sizeof date);
		}
		goto out;
	}
	size_t max = col == AC_NOTE ? ASSET_NOTE_CHARS : col == AC_NO || col == AC_RETENTION ? 20 : ASSET_TEXT_CHARS;
	if (chars_of(v) > max || strlen(v) >= size) {
		snprintf(ja, rsize, "長すぎます（%zu 文字、上限 %zu 文字）", chars_of(v), max);
		snprintf(en, rsize, "too long (%zu characters, at most %zu)", chars_of(v), max);
		rc = -1;
	} else {
		memcpy(dst, v, strlen(v) + 1);
	}
out:
	free(copy);
	return rc;
}

static const char *heading(const ledger_content_t *l, int col, lang_t lang)
{
	return l && l->columns[col].heading.ja ? tx(&l->columns[col].heading, lang) : ASSET_COL_IDS[col];
}

int asset_set_column(const ledger_content_t *l, asset_t *a, int col, const char *value, err_t *err)
{
	char ja[256], en[256];
	if (column_value(a, col, value, ja, en, sizeof ja) == 0)
		return 0;
	return err_set(err, ERR_INVALID, ASSET_COL_IDS[col], "%s%.0s（%s）: %s%.0s", "%.0s%s (%s): %.0s%s", heading(l, col, LANG_JA),
		       heading(l, col, LANG_EN), ASSET_COL_IDS[col], ja, en);
}

int asset_check(const ledger_content_t *l, const asset_t *a, err_t *err)
{
	if (!a->name[0])
		return err_set(err, ERR_INVALID, "name", "%s（name）は必須です%.0s", "%.0s%s (name) is required", heading(l, AC_NAME, LANG_JA),
			       heading(l, AC_NAME, LANG_EN));
	int v[3] = { a->c, a->i, a->a };
	for (int k = 0; k < 3; k++)
		if (v[k] < 1 || v[k] > 3)
			return err_set(err, ERR_INVALID, ASSET_COL_IDS[AC_C + k], "%s（%s）を 1〜3 で指定してください%.0s",
				       "%.0s%s (%s) must be given as 1, 2 or 3", heading(l, AC_C + k, LANG_JA), heading(l, AC_C + k, LANG_EN),
				       ASSET_COL_IDS[AC_C + k]);
	return 0;
}

/* ---- importing a ledger ---- */

void asset_import_fail(asset_import_t *out, const err_t *e)
{
	if (out->nerrs < ASSET_IMPORT_ERRORS)
		out->errs[out->nerrs++] = *e;
	else
		out->more++;
}

/* A heading reduced to what tells columns apart: no spaces, line breaks, dots, middle dots or
 * brackets of either width; ASCII in lower case. 「対象（媒体）」 and 「対象(媒体)」 read alike. */
static void norm(const char *in, char *out, size_t size)
{
	static const char *const drop[] = { " ", "\t", "\r", "\n", IDEO_SPACE, ".", "・", "･", "(", ")", "（", "）", "．" };
	size_t n = 0;
	while (*in && n + 4 < size) {
		size_t skip = 0;
		for (size_t k = 0; k < sizeof drop / sizeof *drop && !skip; k++)
			if (!strncmp(in, drop[k], strlen(drop[k])))
				skip = strlen(drop[k]);
		if (skip) {
			in += skip;
			continue;
		}
		char ch = *in++;
		out[n++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
	}
	out[n] = '\0';
}

#define COL_ID (-2)

/* Which ledger column a heading names: 0..15, COL_ID for mamoru's own ID column, -1 none. */
static int column_of(const ledger_content_t *l, const char *text)
{
	char h[256], t[256];
	norm(text, h, sizeof h);
	if (!h[0])
		return -1;
	if (!strcmp(h, "id") || !strcmp(h, "mamoruid"))
		return COL_ID;
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		const asset_column_t *c = &l->columns[col];
		const char *names[ASSET_ALIASES_MAX + 3] = { c->heading.ja, c->heading.en, ASSET_COL_IDS[col] };
		int n = 3;
		for (int k = 0; k < c->naliases; k++)
			names[n++] = c->aliases[k];
		for (int k = 0; k < n; k++) {
			if (!names[k])
				continue;
			norm(names[k], t, sizeof t);
			if (!strcmp(h, t))
				return col;
		}
	}
	return -1;
}

/* "A", "B", … "AA" for a 0-based column of the file. */
static void letters(int col, char out[8])
{
	char tmp[8];
	int n = 0;
	for (col++; col > 0 && n < 6; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (int k = 0; k < n; k++)
		out[k] = tmp[n - 1 - k];
	out[n] = '\0';
}

typedef struct {
	const ledger_content_t *l;
	asset_row_fn fn;
	void *arg;
	asset_import_t *out;
	int map[ASSET_COLUMNS];   /* the file's column of each ledger column, -1 when absent */
	int id_col;
	int header_row;           /* 0 until found */
	bool second_checked;      /* the row after the header was looked at (a two-row header) */
	bool broken;              /* a problem in the header: the data is not read */
	asset_t *a;
} imp_t;

static void cell_fail(imp_t *m, int row, int fcol, int col, const char *ja, const char *en)
{
	err_t e;
	char let[8];
	letters(fcol, let);
	const char *hj = col >= 0 ? heading(m->l, col, LANG_JA) : "ID", *he = col >= 0 ? heading(m->l, col, LANG_EN) : "ID";
	err_set_line(&e, ERR_INVALID, row, col >= 0 ? ASSET_COL_IDS[col] : "id", "%d行目 %s列「%s」%.0s: %s%.0s",
		     "row %d, column %s \"%s\" (%s): %.0s%s", row, let, hj, he, ja, en);
	asset_import_fail(m->out, &e);
}

/* Maps a header row's cells; returns how many ledger columns it named. */
static int map_header(imp_t *m, int row, char **cells, int n, bool apply)
{
	int found = 0;
	for (int k = 0; k < n; k++) {
		int col = column_of(m->l, cells[k]);
		if (col == -1)
			continue;
		if (col == COL_ID) {
			if (apply && m->id_col < 0)
				m->id_col = k;
			continue;
		}
		if (m->map[col] >= 0 && m->map[col] != k) {
			if (apply) {
				char a[8], b[8], ja[160], en[160];
				letters(m->map[col], a);
				letters(k, b);
				snprintf(ja, sizeof ja, "%s列と %s列の両方がこの列です", a, b);
				snprintf(en, sizeof en, "both column %s and column %s are this column", a, b);
				cell_fail(m, row, k, col, ja, en);
				m->broken = true;
			}
			continue;
		}
		if (m->map[col] < 0) {
			found++;
			if (apply)
				m->map[col] = k;
		}
	}
	return found;
}

static bool blank_row(char **cells, int n)
{
	for (int k = 0; k < n; k++) {
		char *t = trim(cells[k]);
		if (*t)
			return false;
	}
	return true;
}

static void check_required(imp_t *m, int row)
{
	for (int col = 0; col < ASSET_COLUMNS; col++)
		if (m->l->columns[col].required && m->map[col] < 0) {
			err_t e;
			err_set_line(&e, ERR_INVALID, row, ASSET_COL_IDS[col], "%d行目（見出し）: 列「%s」%.0sがありません",
				     "row %d (the header): the column \"%s\" (%s) is missing", row, heading(m->l, col, LANG_JA),
				     heading(m->l, col, LANG_EN));
			asset_import_fail(m->out, &e);
			m->broken = true;
		}
}

static void data_row(imp_t *m, int row, char **cells, int n)
{
	for (int k = 0; k < n; k++)
		if (!strcmp(trim(cells[k]), "記入要綱")) /* the seed's row of filling notes */
			return;
	m->out->rows++;
	asset_t *a = m->a;
	memset(a, 0, sizeof *a);
	char ja[256], en[256];
	for (int col = 0; col < ASSET_COLUMNS; col++) {
		int k = m->map[col];
		const char *v = k >= 0 && k < n ? cells[k] : "";
		if (column_value(a, col, v, ja, en, sizeof ja) != 0)
			cell_fail(m, row, k, col, ja, en);
	}
	if (m->map[AC_NAME] >= 0 && !a->name[0])
		cell_fail(m, row, m->map[AC_NAME], AC_NAME, "空です（情報資産名は必須です）", "is empty (the asset name is required)");
	int64_t id = 0;
	if (m->id_col >= 0 && m->id_col < n) {
		const char *v = trim(cells[m->id_col]);
		char *end;
		long long x = strtoll(v, &end, 10);
		if (*v && (*end || x <= 0 || strlen(v) > 15)) {
			snprintf(ja, sizeof ja, "「%.*s」は ID ではありません（空にすると新しい行として追加します）", utf8_prefix(v, 40), v);
			snprintf(en, sizeof en, "\"%.*s\" is not an id (leave it empty to add the row as a new asset)", utf8_prefix(v, 40), v);
			cell_fail(m, row, m->id_col, -1, ja, en);
		}
		id = *v ? x : 0;
	}
	if (m->out->nerrs + m->out->more > 0 || !m->fn) /* after a problem the rest is only checked */
		return;
	err_t e;
	if (m->fn(m->arg, row, a, id, &e) != 0)
		asset_import_fail(m->out, &e);
}

static int on_row(void *arg, int row, char **cells, int n)
{
	imp_t *m = arg;
	if (m->broken)
		return 0;
	if (!m->header_row) {
		if (row > 30) {
			err_t e;
			err_set_line(&e, ERR_INVALID, 1, "header", "見出し行が見つかりません（最初の30行に「情報資産名」と台帳の列名が必要です）",
				     "no header row found (the first 30 rows need \"情報資産名\" and the ledger's column names)");
			asset_import_fail(m->out, &e);
			m->broken = true;
			return -1;
		}
		int found = map_header(m, row, cells, n, false);
		bool names = false;
		for (int k = 0; k < n; k++)
			names |= column_of(m->l, cells[k]) == AC_NAME;
		if (!names || found < 3)
			return 0;
		map_header(m, row, cells, n, true);
		m->header_row = m->out->header_row = row;
		return 0;
	}
	if (!m->second_checked) {
		m->second_checked = true;
		/* the seed's layout: group headings (管理部門情報, 台帳, 影響度) over a second row of names */
		if (map_header(m, row, cells, n, false) >= 2) {
			map_header(m, row, cells, n, true);
			check_required(m, row);
			return 0;
		}
		check_required(m, m->header_row);
		if (m->broken)
			return 0;
	}
	if (blank_row(cells, n))
		return 0;
	data_row(m, row, cells, n);
	return 0;
}

int asset_import_parse(const ledger_content_t *l, const char *data, size_t len, asset_row_fn fn, void *arg, asset_import_t *out)
{
	memset(out, 0, sizeof *out);
	imp_t m = { .l = l, .fn = fn, .arg = arg, .out = out, .id_col = -1, .a = xmalloc(sizeof(asset_t)) };
	for (int col = 0; col < ASSET_COLUMNS; col++)
		m.map[col] = -1;
	err_t e;
	int rc;
	if (table_is_zip(data, len)) {
		out->format = "xlsx";
		rc = xlsx_read(data, len, on_row, &m, &e);
	} else {
		const char *enc;
		rc = table_read_text(data, len, on_row, &m, &enc, &e);
		out->format = !strcmp(enc, "CP932") ? "CSV (CP932)" : !strcmp(enc, "UTF-8 (BOM)") ? "CSV (UTF-8, BOM)" : "CSV (UTF-8)";
	}
	if (rc != 0 && e.code != ERR_NONE)
		asset_import_fail(out, &e);
	if (!m.broken && out->nerrs == 0 && !m.header_row) {
		err_set_line(&e, ERR_INVALID, 1, "header", "見出し行が見つかりません（「情報資産名」と台帳の列名が必要です）",
			     "no header row found (it needs \"情報資産名\" and the ledger's column names)");
		asset_import_fail(out, &e);
	} else if (!m.broken && m.header_row && !m.second_checked) {
		check_required(&m, m.header_row); /* a file with a header and nothing after it */
	}
	free(m.a);
	return out->nerrs + out->more ? -1 : 0;
}

/* ---- the ledger page's parameters ---- */

static int bad_param(err_t *e, const char *name, const char *ja, const char *en)
{
	return err_set(e, ERR_INVALID, name, "%s: %s%.0s", "%s: %.0s%s", name, ja, en);
}

int asset_filter_parse(const ledger_content_t *l, const asset_params_t *p, int max_per_page, asset_filter_t *f, err_t *e)
{
	asset_filter_init(f);
	if (p->q && *p->q) {
		if (!utf8_valid(p->q, strlen(p->q), NULL) || strlen(p->q) >= sizeof f->q)
			return bad_param(e, "q", "UTF-8 で 255 バイトまでにしてください", "must be UTF-8 of at most 255 bytes");
		snprintf(f->q, sizeof f->q, "%s", p->q);
	}
	if (p->department && *p->department) {
		if (!utf8_valid(p->department, strlen(p->department), NULL) || strlen(p->department) >= sizeof f->department)
			return bad_param(e, "department", "UTF-8 で 300 バイトまでにしてください", "must be UTF-8 of at most 300 bytes");
		snprintf(f->department, sizeof f->department, "%s", p->department);
	}
	if (p->importance && *p->importance) {
		for (int k = 0; k < l->importance.nlevels; k++)
			if (!strcmp(p->importance, l->importance.levels[k].id))
				f->importance = k;
		if (f->importance < 0)
			return bad_param(e, "importance", "重要度の ID（high など）で指定してください", "must be an importance level id (high, …)");
	}
	if (p->flag && *p->flag) {
		if (!strcmp(p->flag, "overdue"))
			f->overdue = true;
		else if (!strcmp(p->flag, "expired"))
			f->expired = true;
		else
			return bad_param(e, "flag", "overdue か expired です", "must be overdue or expired");
	}
	if (p->disposed && *p->disposed) {
		if (!strcmp(p->disposed, "kept"))
			f->disposed = 0;
		else if (!strcmp(p->disposed, "disposed"))
			f->disposed = 1;
		else if (strcmp(p->disposed, "all"))
			return bad_param(e, "disposed", "kept・disposed・all のどれかです", "must be kept, disposed or all");
	}
	if (p->sort && *p->sort) {
		f->sort = -1;
		for (int k = 0; k < ASSET_SORTS; k++)
			if (!strcmp(p->sort, ASSET_SORT_IDS[k]))
				f->sort = k;
		if (f->sort < 0)
			return bad_param(e, "sort", "no・name・importance・department・inventoried・registered のどれかです",
					 "must be no, name, importance, department, inventoried or registered");
	}
	if (p->order && *p->order) {
		if (strcmp(p->order, "asc") && strcmp(p->order, "desc"))
			return bad_param(e, "order", "asc か desc です", "must be asc or desc");
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
