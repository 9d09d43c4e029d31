/*
 * answerfile.c — see answerfile.h. A small RFC 4180 CSV reader (quoted fields, doubled
 * quotes, CRLF) is written here because the format is tiny and the line numbers must be
 * exact for error messages; JSON goes through jansson.
 */
#include "input/answerfile.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

/* Both formats take the same arguments in the same order. */
#define set_err(e, line, field, ja, en, ...) err_set_line(e, ERR_INVALID, line, field, ja, en, ##__VA_ARGS__)

int input_field_error(err_t *e, const char *field, const char *ja, const char *en)
{
	/* "%.0s" skips the other language's text: both formats take the same arguments */
	return err_set(e, ERR_INVALID, field, "%s: %s%.0s", "%s: %.0s%s", field, ja, en);
}

void answerfile_free(answer_file_t *f)
{
	arena_free(&f->arena);
	memset(f, 0, sizeof *f);
}

static int line_of(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

/* CP932 -> UTF-8 into the arena; NULL when the bytes are not CP932 either. */
static char *from_cp932(arena_t *a, const char *in, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 3 + 1;
	char *out = arena_alloc(a, cap), *op = out;
	char *ip = (char *)in;
	size_t il = len, ol = cap - 1;
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (r == (size_t)-1)
		return NULL;
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

static answer_rec_t *new_rec(answer_file_t *f)
{
	if (f->n >= ANSWERFILE_MAX_RECORDS)
		return NULL;
	if (!f->recs)
		f->recs = arena_alloc(&f->arena, ANSWERFILE_MAX_RECORDS * sizeof *f->recs);
	return &f->recs[f->n++];
}

/* ---- notes ----------------------------------------------------------------------------- */

#define NOTE_MAX_CHARS 1000

/* A note is stored, shown on pages, exported and printed at the terminal: at most 1,000
 * characters, and no control characters (C0 other than tab and line breaks, DEL, C1) that
 * could rewrite a terminal or a log. The error names the field, answers.<question>.note. */
static int check_note(const char *note, const char *question, int line, err_t *err)
{
	if (!note)
		return 0;
	char field[48], ja[80], en[80]; /* "answers.1.note", with "12行目 " / "line 12, " for a CSV row */
	snprintf(field, sizeof field, "answers.%.*s.note", utf8_prefix(question, 20), question);
	snprintf(ja, sizeof ja, line ? "%d行目 %s" : "%.0d%s", line, field);
	snprintf(en, sizeof en, line ? "line %d, %s" : "%.0d%s", line, field);
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)note; *p; p++) {
		bool c1 = *p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F; /* U+0080..U+009F */
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F || c1)
			return set_err(err, line, field, "%s%.0s: メモに制御文字（U+%04X）は使えません",
				       "%.0s%s: a note may not contain control characters (U+%04X)", ja, en,
				       c1 ? p[1] : *p);
		chars += (*p & 0xC0) != 0x80; /* count characters, not bytes */
	}
	if (chars > NOTE_MAX_CHARS)
		return set_err(err, line, field, "%s%.0s: メモは %d 文字までにしてください（%zu 文字あります）",
			       "%.0s%s: a note is at most %d characters (this one has %zu)", ja, en, NOTE_MAX_CHARS,
			       chars);
	return 0;
}

/* ---- CSV ------------------------------------------------------------------------------- */

#define CSV_MAX_FIELDS 8

typedef struct {
	const char *s;
	size_t len, pos;
	int line;
	char *out; /* where the next record's fields go (one buffer for the whole file) */
} csv_t;

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* Reads one record into c->out; returns the field count, 0 at end of input, -1 on an
 * unclosed quote. A record never writes more bytes than it reads (a separator becomes the
 * field's terminator), plus one terminator at the very end of the input, so the whole file
 * fits in one buffer of len + 1 bytes: memory stays linear in the file's size. */
static int csv_record(csv_t *c, char **fields, int *line)
{
	if (c->pos >= c->len)
		return 0;
	*line = c->line;
	int nf = 0;
	char *buf = c->out;
	size_t bl = 0;
	bool quoted = false, was_quoted = false;
	for (;;) {
		char ch = c->pos < c->len ? c->s[c->pos] : '\n';
		bool end = c->pos >= c->len;
		if (quoted) {
			if (end)
				return -1;
			c->pos++;
			if (ch == '"') {
				if (c->pos < c->len && c->s[c->pos] == '"') {
					buf[bl++] = '"';
					c->pos++;
				} else {
					quoted = false;
				}
			} else {
				if (ch == '\n')
					c->line++;
				buf[bl++] = ch;
			}
			continue;
		}
		if (ch == '"' && !was_quoted && bl == 0) {
			quoted = was_quoted = true;
			c->pos++;
			continue;
		}
		if (ch == ',' || ch == '\n' || ch == '\r') {
			buf[bl] = '\0';
			if (nf < CSV_MAX_FIELDS)
				fields[nf] = was_quoted ? buf : trim(buf);
			nf++;
			buf += bl + 1;
			bl = 0;
			was_quoted = false;
			if (ch == ',') {
				c->pos++;
				continue;
			}
			if (!end) {
				c->pos++;
				if (ch == '\r' && c->pos < c->len && c->s[c->pos] == '\n')
					c->pos++;
				c->line++;
			}
			c->out = buf;
			return nf;
		}
		buf[bl++] = ch;
		c->pos++;
	}
}

static bool is_header(char **f, int nf)
{
	if (nf < 2)
		return false;
	bool q = !strcasecmp(f[0], "question") || !strcmp(f[0], "設問") || !strcmp(f[0], "No.");
	bool a = !strcasecmp(f[1], "answer") || !strcmp(f[1], "回答");
	bool n = nf == 2 || !strcasecmp(f[2], "note") || !strcmp(f[2], "備考") || !strcmp(f[2], "メモ");
	return q && a && n && nf <= 3;
}

static int parse_csv(const char *s, size_t len, answer_file_t *f, err_t *err)
{
	csv_t c = { .s = s, .len = len, .line = 1, .out = arena_alloc(&f->arena, len + 2) };
	char *fields[CSV_MAX_FIELDS];
	int line, nf;
	bool header = false;
	while ((nf = csv_record(&c, fields, &line)) != 0) {
		if (nf < 0)
			return set_err(err, line, "csv", "%d行目: 引用符 \" が閉じられていません",
				       "line %d: unclosed quote \"", line);
		if (nf == 1 && fields[0][0] == '\0')
			continue; /* blank line */
		if (!header) {
			if (!is_header(fields, nf))
				return set_err(err, line, "header",
					       "%d行目: 見出し行は question,answer[,note]（または 設問,回答[,備考]）にしてください",
					       "line %d: the header must be question,answer[,note]", line);
			header = true;
			continue;
		}
		if (nf < 2 || nf > 3)
			return set_err(err, line, "csv", "%d行目: 列の数が %d です（2列か3列にしてください）",
				       "line %d: %d columns (expected 2 or 3)", line, nf);
		answer_rec_t *r = new_rec(f);
		if (!r)
			return set_err(err, line, "csv", "%d行目: 回答の行が多すぎます（上限 %d 行）",
				       "line %d: too many answer rows (at most %d)", line,
				       ANSWERFILE_MAX_RECORDS);
		r->question = fields[0];
		r->answer = fields[1];
		r->note = nf == 3 ? fields[2] : NULL;
		r->line = line;
		if (check_note(r->note, r->question, line, err) != 0)
			return -1;
	}
	if (!header)
		return set_err(err, 1, "header", "回答ファイルが空です（見出し行 question,answer がありません）",
			       "the answer file is empty (no question,answer header)");
	return 0;
}

/* ---- JSON ------------------------------------------------------------------------------ */

int answerfile_from_json(const json_t *answers, answer_file_t *f, err_t *err)
{
	if (!json_is_object(answers))
		return set_err(err, 0, "answers", "answers は {\"設問ID\": \"回答\"} の形のオブジェクトにしてください",
			       "\"answers\" must be an object {\"question id\": \"answer\"}");
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)answers, key, v) {
		char field[32];
		snprintf(field, sizeof field, "answers.%.*s", utf8_prefix(key, 20), key);
		const char *ans = NULL, *note = NULL;
		char num[24];
		json_t *a = v;
		if (json_is_object(v)) {
			a = json_object_get(v, "answer");
			json_t *n = json_object_get(v, "note");
			if (n && !json_is_string(n) && !json_is_null(n))
				return set_err(err, 0, field, "%s.note は文字列にしてください",
					       "%s.note must be a string", field);
			note = n ? json_string_value(n) : NULL;
		}
		if (json_is_string(a))
			ans = json_string_value(a);
		else if (json_is_integer(a))
			snprintf(num, sizeof num, "%lld", (long long)json_integer_value(a)), ans = num;
		else if (!a || json_is_null(a))
			ans = "";
		else
			return set_err(err, 0, field, "%s の回答は文字列にしてください",
				       "%s: the answer must be a string", field);
		answer_rec_t *r = new_rec(f);
		if (!r)
			return set_err(err, 0, "answers", "回答が多すぎます（上限 %d 件）",
				       "too many answers (at most %d)", ANSWERFILE_MAX_RECORDS);
		if (!utf8_valid(key, strlen(key), NULL) || !utf8_valid(ans, strlen(ans), NULL) ||
		    (note && !utf8_valid(note, strlen(note), NULL)))
			return set_err(err, 0, field, "%s に UTF-8 でない文字があります",
				       "%s contains invalid UTF-8", field);
		if (check_note(note, key, 0, err) != 0)
			return -1;
		r->question = arena_strdup(&f->arena, key);
		r->answer = arena_strdup(&f->arena, ans);
		r->note = note ? arena_strdup(&f->arena, note) : NULL;
	}
	return 0;
}

static int parse_json(const char *s, size_t len, answer_file_t *f, err_t *err)
{
	json_error_t je;
	json_t *root = json_loadb(s, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return je.line > 0 ? set_err(err, je.line, "json", "%d行目: JSON の書式エラー: %s", "line %d: malformed JSON: %s",
					     je.line, je.text)
				   : set_err(err, 0, "json", "JSON の書式エラー: %s", "malformed JSON: %s", je.text);
	int rc;
	json_t *answers = json_object_get(root, "answers");
	if (!json_is_object(root) || !answers)
		rc = set_err(err, 1, "answers", "JSON に \"answers\" がありません",
			     "the JSON has no \"answers\" object");
	else
		rc = answerfile_from_json(answers, f, err);
	json_decref(root);
	return rc;
}

/* ---- entry points ---------------------------------------------------------------------- */

int answerfile_parse(const char *data, size_t len, answer_file_t *f, err_t *err)
{
	memset(f, 0, sizeof *f);
	memset(err, 0, sizeof *err);
	if (len > ANSWERFILE_MAX_BYTES)
		return set_err(err, 0, "file", "回答ファイルが大きすぎます（上限 %d バイト）",
			       "the answer file is too large (at most %d bytes)", ANSWERFILE_MAX_BYTES);
	f->encoding = "UTF-8";
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3, len -= 3;
		f->encoding = "UTF-8 (BOM)";
	}
	size_t bad;
	if (!utf8_valid(data, len, &bad)) {
		size_t outlen;
		char *conv = memchr(data, '\0', len) ? NULL : from_cp932(&f->arena, data, len, &outlen);
		if (!conv) {
			int line = line_of(data, bad);
			return set_err(err, line, "encoding",
				       "%d行目: 文字コードが UTF-8 でも CP932（Shift_JIS）でもありません",
				       "line %d: the text is neither valid UTF-8 nor CP932 (Shift_JIS)", line);
		}
		data = conv, len = outlen;
		f->encoding = "CP932";
	}
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	return i < len && data[i] == '{' ? parse_json(data, len, f, err) : parse_csv(data, len, f, err);
}

int answerfile_read(const char *path, answer_file_t *f, err_t *err)
{
	memset(f, 0, sizeof *f);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return set_err(err, 0, "file", "%s を開けません: %s", "cannot open %s: %s", path,
			       strerror(errno));
	char *buf = malloc(ANSWERFILE_MAX_BYTES + 1);
	if (!buf)
		abort();
	size_t n = fread(buf, 1, ANSWERFILE_MAX_BYTES + 1, fp);
	bool ioerr = ferror(fp);
	fclose(fp);
	int rc;
	if (ioerr)
		rc = set_err(err, 0, "file", "%s を読めません", "cannot read %s", path);
	else
		rc = answerfile_parse(buf, n, f, err);
	free(buf);
	return rc;
}
