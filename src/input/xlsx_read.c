/*
 * xlsx_read.c — see xlsx_read.h. An .xlsx is a ZIP of XML parts: xl/workbook.xml names the
 * sheets, xl/_rels/workbook.xml.rels says which part holds each, xl/sharedStrings.xml holds the
 * text most cells point into, xl/styles.xml says which cell styles are dates, and the sheet's
 * part holds <row><c r="B5" t="s" s="3"><v>…</v></c></row>. Names are matched by their local
 * part whatever the namespace prefix, as generators other than Excel may add one.
 */
#include "input/xlsx_read.h"

#include <expat.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/asset.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#define FAIL(...) err_set(e, ERR_INVALID, "file", __VA_ARGS__)

/* ---- reading one part as a stream of XML events ---- */

typedef struct xml_state xml_state_t;
typedef void (*start_fn)(xml_state_t *x, const char *name, const char **attrs);
typedef void (*end_fn)(xml_state_t *x, const char *name);

struct xml_state {
	XML_Parser p;
	start_fn on_start;
	end_fn on_end;
	buf_t text;             /* character data collected while `collect` */
	bool collect;
	int depth_skip;         /* > 0 inside an element whose text is ignored (furigana) */
	void *ctx;
	bool failed;            /* the handler stopped the parser */
	err_t *e;
};

static const char *local(const char *name)
{
	const char *bar = strrchr(name, '|');
	return bar ? bar + 1 : name;
}

static const char *attr(const char **attrs, const char *name)
{
	for (int k = 0; attrs[k]; k += 2)
		if (!strcmp(local(attrs[k]), name))
			return attrs[k + 1];
	return NULL;
}

static void XMLCALL on_start(void *ud, const char *name, const char **attrs)
{
	xml_state_t *x = ud;
	if (!x->failed)
		x->on_start(x, local(name), attrs);
}

static void XMLCALL on_end(void *ud, const char *name)
{
	xml_state_t *x = ud;
	if (!x->failed)
		x->on_end(x, local(name));
}

static void XMLCALL on_text(void *ud, const char *s, int len)
{
	xml_state_t *x = ud;
	if (!x->collect || x->depth_skip || x->failed)
		return;
	if (x->text.len + (size_t)len > 1024 * 1024) {
		x->failed = true;
		err_set(x->e, ERR_INVALID, "file", ".xlsx のセルが長すぎます", "a cell of the .xlsx is too long");
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	buf_put(&x->text, s, (size_t)len);
}

static void XMLCALL on_doctype(void *ud, const char *name, const char *sysid, const char *pubid, int internal)
{
	(void)name, (void)sysid, (void)pubid, (void)internal;
	xml_state_t *x = ud;
	x->failed = true;
	err_set(x->e, ERR_INVALID, "file", ".xlsx に文書型宣言（DOCTYPE）があるため読みません",
		"the .xlsx has a document type declaration (DOCTYPE); it is not read");
	XML_StopParser(x->p, XML_FALSE);
}

/* Streams part `name` through the handlers; 0, or -1 with e filled (missing parts are an error
 * only when required). */
static int parse_part(zip_t *z, const char *name, bool required, xml_state_t *x, err_t *e)
{
	zip_stat_t st;
	if (zip_stat(z, name, 0, &st) != 0)
		return required ? FAIL(".xlsx に %s がありません", "the .xlsx has no %s", name) : 1;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_MAX_PART)
		return FAIL(".xlsx の %s が大きすぎます", "%s in the .xlsx is too large", name);
	zip_file_t *f = zip_fopen(z, name, 0);
	if (!f)
		return FAIL(".xlsx の %s を開けません", "cannot open %s in the .xlsx", name);
	x->p = XML_ParserCreateNS(NULL, '|');
	x->e = e;
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetCharacterDataHandler(x->p, on_text);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	char *chunk = xmalloc(1 << 16);
	zip_int64_t n;
	uint64_t total = 0;
	int rc = 0;
	do {
		n = zip_fread(f, chunk, 1 << 16);
		if (n < 0) {
			rc = FAIL(".xlsx の %s が壊れています", "%s in the .xlsx is damaged", name);
			break;
		}
		total += (uint64_t)n;
		if (total > XLSX_MAX_PART) {
			rc = FAIL(".xlsx の %s が大きすぎます", "%s in the .xlsx is too large", name);
			break;
		}
		if (XML_Parse(x->p, chunk, (int)n, n == 0) != XML_STATUS_OK) {
			if (!x->failed)
				FAIL(".xlsx の %s の XML が不正です（%lu 行）: %s", "%s in the .xlsx is not well-formed XML (line %lu): %s", name,
				     (unsigned long)XML_GetCurrentLineNumber(x->p), XML_ErrorString(XML_GetErrorCode(x->p)));
			rc = -1;
			break;
		}
	} while (n > 0);
	free(chunk);
	XML_ParserFree(x->p);
	zip_fclose(f);
	buf_free(&x->text);
	return rc;
}

/* ---- workbook and relationships: which part is the first sheet ---- */

typedef struct {
	char rid[128];
	char target[256];
} book_t;

static void book_start(xml_state_t *x, const char *name, const char **attrs)
{
	book_t *b = x->ctx;
	if (!strcmp(name, "sheet") && !b->rid[0]) {
		const char *id = attr(attrs, "id");
		if (id)
			snprintf(b->rid, sizeof b->rid, "%s", id);
	}
}

static void rels_start(xml_state_t *x, const char *name, const char **attrs)
{
	book_t *b = x->ctx;
	const char *id = attr(attrs, "Id"), *target = attr(attrs, "Target");
	if (!strcmp(name, "Relationship") && id && target && !strcmp(id, b->rid) && !b->target[0]) {
		/* relative to xl/, or absolute from the archive's root */
		if (target[0] == '/')
			snprintf(b->target, sizeof b->target, "%s", target + 1);
		else
			snprintf(b->target, sizeof b->target, "xl/%s", target);
	}
}

static void no_end(xml_state_t *x, const char *name) { (void)x, (void)name; }

/* ---- shared strings ---- */

typedef struct {
	char **s;
	int n, cap;
	size_t bytes;
} strings_t;

static void sst_start(xml_state_t *x, const char *name, const char **attrs)
{
	(void)attrs;
	if (!strcmp(name, "si")) {
		x->collect = true;
		x->text.len = 0;
	} else if (!strcmp(name, "rPh")) { /* furigana: not part of the cell's text */
		x->depth_skip++;
	}
}

static void sst_end(xml_state_t *x, const char *name)
{
	strings_t *t = x->ctx;
	if (!strcmp(name, "rPh")) {
		x->depth_skip--;
	} else if (!strcmp(name, "si")) {
		x->collect = false;
		if (t->n >= XLSX_MAX_STRINGS || t->bytes + x->text.len > XLSX_MAX_PART) {
			x->failed = true;
			err_set(x->e, ERR_INVALID, "file", ".xlsx の文字列が多すぎます", "the .xlsx holds too many strings");
			XML_StopParser(x->p, XML_FALSE);
			return;
		}
		if (t->n == t->cap)
			t->s = xrealloc(t->s, (size_t)(t->cap = t->cap ? t->cap * 2 : 256) * sizeof *t->s);
		char *s = xmalloc(x->text.len + 1);
		if (x->text.len)
			memcpy(s, x->text.data, x->text.len);
		s[x->text.len] = '\0';
		t->bytes += x->text.len;
		t->s[t->n++] = s;
	}
}

/* ---- styles: which cell formats are dates ---- */

#define MAX_XF 4096
#define MAX_FMT 512

typedef struct {
	int fmt_id[MAX_FMT];
	bool fmt_date[MAX_FMT];
	int nfmt;
	bool xf_date[MAX_XF];
	int nxf;
	bool in_xfs;
} styles_t;

/* A format code shows a date when it has y, m with d, or d outside quotes and brackets. */
static bool code_is_date(const char *code)
{
	bool q = false, br = false;
	for (const char *p = code; *p; p++) {
		if (*p == '"')
			q = !q;
		else if (!q && *p == '[')
			br = true;
		else if (!q && *p == ']')
			br = false;
		else if (!q && !br && *p == '\\' && p[1])
			p++;
		else if (!q && !br && strchr("yYdDeg", *p))
			return true;
	}
	return false;
}

static bool builtin_date(int id) { return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58); }

static void styles_start(xml_state_t *x, const char *name, const char **attrs)
{
	styles_t *s = x->ctx;
	if (!strcmp(name, "numFmt") && s->nfmt < MAX_FMT) {
		const char *id = attr(attrs, "numFmtId"), *code = attr(attrs, "formatCode");
		if (id && code) {
			s->fmt_id[s->nfmt] = atoi(id);
			s->fmt_date[s->nfmt++] = code_is_date(code);
		}
	} else if (!strcmp(name, "cellXfs")) {
		s->in_xfs = true;
	} else if (!strcmp(name, "xf") && s->in_xfs && s->nxf < MAX_XF) {
		const char *id = attr(attrs, "numFmtId");
		int f = id ? atoi(id) : 0;
		bool date = builtin_date(f);
		for (int k = 0; k < s->nfmt; k++)
			if (s->fmt_id[k] == f)
				date = s->fmt_date[k];
		s->xf_date[s->nxf++] = date;
	}
}

static void styles_end(xml_state_t *x, const char *name)
{
	styles_t *s = x->ctx;
	if (!strcmp(name, "cellXfs"))
		s->in_xfs = false;
}

/* ---- the sheet ---- */

typedef struct {
	const strings_t *sst;
	const styles_t *styles;
	table_row_fn fn;
	void *arg;
	int row;                /* the current row's number */
	char **cells;
	int ncells;
	int col;                /* the current cell's column (0-based) */
	char type[16];
	int style;
	bool in_c, in_v, in_is;     /* inside <c>, its <v>, its <is>: a value anywhere else is ignored */
	bool stopped;           /* the callback asked to stop */
	int last_row;
} sheet_t;

/* "B5" -> column 1; -1 when it has no letters. */
static int col_of(const char *ref)
{
	int c = 0, n = 0;
	for (; *ref >= 'A' && *ref <= 'Z' && n < 4; ref++, n++)
		c = c * 26 + (*ref - 'A' + 1);
	return n ? c - 1 : -1;
}

static void clear_row(sheet_t *s)
{
	for (int k = 0; k < s->ncells; k++) {
		free(s->cells[k]);
		s->cells[k] = NULL;
	}
	s->ncells = 0;
}

static void sheet_start(xml_state_t *x, const char *name, const char **attrs)
{
	sheet_t *s = x->ctx;
	if (!strcmp(name, "row")) {
		const char *r = attr(attrs, "r");
		s->row = r ? atoi(r) : s->last_row + 1;
		if (s->row <= s->last_row || s->row > XLSX_MAX_ROWS) {
			x->failed = true;
			err_set(x->e, ERR_INVALID, "file", ".xlsx の行番号 %d が不正です", "row number %d in the .xlsx is invalid", s->row);
			XML_StopParser(x->p, XML_FALSE);
			return;
		}
		clear_row(s);
		s->col = -1;
		s->in_c = s->in_v = s->in_is = x->collect = false; /* a row inside a cell starts afresh */
	} else if (!strcmp(name, "c")) {
		const char *r = attr(attrs, "r"), *t = attr(attrs, "t"), *st = attr(attrs, "s");
		int c = r ? col_of(r) : s->col + 1;
		if (c < 0 || c >= TABLE_MAX_COLS || c <= s->col) {
			x->failed = true;
			err_set(x->e, ERR_INVALID, "file", ".xlsx の %d 行目のセル位置が不正です（上限 %d 列）",
				"a cell reference in row %d of the .xlsx is invalid (at most %d columns)", s->row, TABLE_MAX_COLS);
			XML_StopParser(x->p, XML_FALSE);
			return;
		}
		s->col = c;
		s->in_c = true;
		snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
		s->style = st ? atoi(st) : 0;
		x->text.len = 0;
	} else if (!strcmp(name, "v") && s->in_c) {
		s->in_v = x->collect = true;
		x->text.len = 0;
	} else if (!strcmp(name, "is") && s->in_c) {
		s->in_is = x->collect = true;
		x->text.len = 0;
	} else if (!strcmp(name, "rPh")) {
		x->depth_skip++;
	}
}

/* The cell's value as text. */
static char *cell_value(xml_state_t *x, sheet_t *s)
{
	buf_put(&x->text, "", 1);
	const char *v = x->text.data ? x->text.data : "";
	char out[64];
	if (!strcmp(s->type, "s")) {
		char *end;
		long k = strtol(v, &end, 10);
		return xstrdup(*v && !*end && k >= 0 && k < s->sst->n ? s->sst->s[k] : "");
	}
	if (!strcmp(s->type, "b"))
		return xstrdup(!strcmp(v, "1") ? "TRUE" : "FALSE");
	if (!strcmp(s->type, "n") && *v) {
		char *end;
		double d = strtod(v, &end);
		if (!*end) {
			if (s->style >= 0 && s->style < s->styles->nxf && s->styles->xf_date[s->style] && asset_date_from_serial(d, out))
				return xstrdup(out);
			if (d == (double)(long long)d && d > -1e15 && d < 1e15) {
				snprintf(out, sizeof out, "%lld", (long long)d);
				return xstrdup(out);
			}
		}
	}
	return xstrdup(v);
}

static void sheet_end(xml_state_t *x, const char *name)
{
	sheet_t *s = x->ctx;
	if (!strcmp(name, "rPh")) {
		x->depth_skip--;
	} else if (!strcmp(name, "c")) {
		s->in_c = false;
	} else if (!strcmp(name, "v") && s->in_v) {
		s->in_v = x->collect = false;
		if (!s->in_is) {
			while (s->ncells <= s->col)
				s->cells[s->ncells++] = NULL;
			free(s->cells[s->col]);
			s->cells[s->col] = cell_value(x, s);
		}
	} else if (!strcmp(name, "is") && s->in_is) {
		s->in_is = x->collect = false;
		while (s->ncells <= s->col)
			s->cells[s->ncells++] = NULL;
		free(s->cells[s->col]);
		buf_put(&x->text, "", 1);
		s->cells[s->col] = xstrdup(x->text.data ? x->text.data : "");
	} else if (!strcmp(name, "row")) {
		for (int k = 0; k < s->ncells; k++)
			if (!s->cells[k])
				s->cells[k] = xstrdup("");
		s->last_row = s->row;
		if (s->fn(s->arg, s->row, s->cells, s->ncells) != 0) {
			s->stopped = x->failed = true;
			XML_StopParser(x->p, XML_FALSE);
		}
		clear_row(s);
	}
}

int xlsx_read(const char *data, size_t len, table_row_fn fn, void *arg, err_t *e)
{
	err_clear(e);
	if (len > TABLE_MAX_BYTES)
		return FAIL("ファイルが大きすぎます（上限 %d MiB）", "the file is too large (at most %d MiB)", TABLE_MAX_BYTES / 1024 / 1024);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (!z) {
		if (src)
			zip_source_free(src);
		return FAIL(".xlsx（ZIP）として読めません", "the file cannot be read as an .xlsx (ZIP) workbook");
	}
	book_t book = { { 0 }, { 0 } };
	strings_t sst = { 0 };
	styles_t *styles = xcalloc(1, sizeof *styles);
	sheet_t sheet = { .sst = &sst, .styles = styles, .fn = fn, .arg = arg, .cells = xcalloc(TABLE_MAX_COLS, sizeof(char *)) };
	xml_state_t x = { .on_start = book_start, .on_end = no_end, .ctx = &book };
	int rc = parse_part(z, "xl/workbook.xml", true, &x, e);
	if (rc == 0 && !book.rid[0])
		rc = FAIL(".xlsx にワークシートがありません", "the .xlsx has no worksheet");
	if (rc == 0) {
		x = (xml_state_t){ .on_start = rels_start, .on_end = no_end, .ctx = &book };
		rc = parse_part(z, "xl/_rels/workbook.xml.rels", true, &x, e);
		if (rc == 0 && !book.target[0])
			rc = FAIL(".xlsx の最初のワークシートが見つかりません", "the first worksheet of the .xlsx cannot be found");
	}
	if (rc == 0) {
		x = (xml_state_t){ .on_start = sst_start, .on_end = sst_end, .ctx = &sst };
		rc = parse_part(z, "xl/sharedStrings.xml", false, &x, e) < 0 ? -1 : 0;
	}
	if (rc == 0) {
		x = (xml_state_t){ .on_start = styles_start, .on_end = styles_end, .ctx = styles };
		rc = parse_part(z, "xl/styles.xml", false, &x, e) < 0 ? -1 : 0;
	}
	if (rc == 0) {
		x = (xml_state_t){ .on_start = sheet_start, .on_end = sheet_end, .ctx = &sheet };
		rc = parse_part(z, book.target, true, &x, e);
		if (sheet.stopped)
			err_clear(e); /* the callback's own stop: its caller knows why */
	}
	clear_row(&sheet);
	free(sheet.cells);
	for (int k = 0; k < sst.n; k++)
		free(sst.s[k]);
	free(sst.s);
	free(styles);
	zip_discard(z);
	return rc;
}
