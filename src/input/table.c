/*
 * table.c — see table.h. The CSV reader follows answerfile.c's (RFC 4180: quoted fields,
 * doubled quotes, CRLF; the encoding found by trying UTF-8, then CP932 through iconv), with any
 * number of columns and a tab as the other separator. Memory is linear in the file: the cells
 * of one record are written over a copy of the text, never longer than what was read.
 */
#include "input/table.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

int table_is_zip(const char *data, size_t len) { return len >= 4 && !memcmp(data, "PK\x03\x04", 4); }

/* CP932 -> UTF-8 (malloc'd); NULL when the bytes are not CP932 either. */
static char *from_cp932(const char *in, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 3 / 2 + 16;   /* a 2-byte CP932 character is 3 bytes of UTF-8 */
	char *out = xmalloc(cap + 1), *op = out;
	char *ip = (char *)in;
	size_t il = len, ol = cap;
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(out);
		return NULL;
	}
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

static int line_of(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

/* The separator of the first non-blank line: a tab when it has more tabs than commas. */
static char separator(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (s[i] == '\r' || s[i] == '\n'))
		i++;
	int tabs = 0, commas = 0;
	for (bool q = false; i < len && (q || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == '\t')
			tabs++;
		else if (!q && s[i] == ',')
			commas++;
	}
	return tabs > commas ? '\t' : ',';
}

static int read_records(char *s, size_t len, char sep, table_row_fn fn, void *arg, err_t *e)
{
	char **cells = xmalloc(TABLE_MAX_COLS * sizeof *cells);
	size_t pos = 0;
	int row = 0, rc = 0, phys = 1; /* phys: the line of the text being read, for a quote left open */
	char *out = s; /* cells are written over the text already read */
	while (pos < len && rc == 0) {
		row++;
		int n = 0, line = phys;
		bool quoted = false, was_quoted = false;
		char *cell = out;
		for (;;) {
			bool end = pos >= len;
			char ch = end ? '\n' : s[pos];
			if (quoted) {
				if (end) {
					rc = err_set_line(e, ERR_INVALID, line, "file", "%d行目: 引用符 \" が閉じられていません",
							  "line %d: unclosed quote \"", line);
					break;
				}
				pos++;
				if (ch == '"' && pos < len && s[pos] == '"') {
					*out++ = '"';
					pos++;
				} else if (ch == '"') {
					quoted = false;
				} else {
					phys += ch == '\n';
					*out++ = ch;
				}
				continue;
			}
			if (ch == '"' && !was_quoted && out == cell) {
				quoted = was_quoted = true;
				pos++;
				continue;
			}
			if (ch == sep || ch == '\n' || ch == '\r') {
				if (n >= TABLE_MAX_COLS) {
					rc = err_set_line(e, ERR_INVALID, row, "file", "%d行目: 列が多すぎます（上限 %d 列）",
							  "row %d: too many columns (at most %d)", row, TABLE_MAX_COLS);
					break;
				}
				*out++ = '\0';
				cells[n++] = cell;
				cell = out;
				was_quoted = false;
				if (!end)
					pos++;
				if (ch == sep)
					continue;
				phys++;
				if (ch == '\r' && pos < len && s[pos] == '\n')
					pos++;
				break;
			}
			*out++ = ch;
			pos++;
		}
		if (rc == 0 && fn(arg, row, cells, n) != 0)
			rc = -1;
	}
	free(cells);
	return rc;
}

int table_read_text(const char *data, size_t len, table_row_fn fn, void *arg, const char **encoding, err_t *e)
{
	err_clear(e);
	*encoding = "UTF-8";
	if (len > TABLE_MAX_BYTES)
		return err_set(e, ERR_INVALID, "file", "ファイルが大きすぎます（上限 %d MiB）", "the file is too large (at most %d MiB)",
			       TABLE_MAX_BYTES / 1024 / 1024);
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3, len -= 3;
		*encoding = "UTF-8 (BOM)";
	}
	size_t bad;
	char *text;
	if (utf8_valid(data, len, &bad)) {
		text = xmalloc(len + 2);
		memcpy(text, data, len);
	} else {
		size_t outlen;
		text = memchr(data, '\0', len) ? NULL : from_cp932(data, len, &outlen);
		if (!text) {
			int line = line_of(data, bad);
			return err_set_line(e, ERR_INVALID, line, "encoding", "%d行目: 文字コードが UTF-8 でも CP932（Shift_JIS）でもありません",
					    "line %d: the text is neither valid UTF-8 nor CP932 (Shift_JIS)", line);
		}
		*encoding = "CP932";
		len = outlen;
		text = xrealloc(text, len + 2);
	}
	text[len] = '\0';
	int rc = read_records(text, len, separator(text, len), fn, arg, e);
	free(text);
	return rc;
}

int table_slurp(const char *path, char **out, size_t *len, err_t *e)
{
	*out = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, ERR_INVALID, "file", "%s を開けません: %s", "cannot open %s: %s", path, strerror(errno));
	size_t cap = 1 << 16, n = 0;
	char *buf = xmalloc(cap);
	for (size_t got; (got = fread(buf + n, 1, cap - n, f)) > 0;) {
		n += got;
		if (n > TABLE_MAX_BYTES)
			break;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	bool ioerr = ferror(f);
	fclose(f);
	if (ioerr || n > TABLE_MAX_BYTES) {
		free(buf);
		return ioerr ? err_set(e, ERR_INVALID, "file", "%s を読めません", "cannot read %s", path)
			     : err_set(e, ERR_INVALID, "file", "%s が大きすぎます（上限 %d MiB）", "%s is too large (at most %d MiB)", path,
				       TABLE_MAX_BYTES / 1024 / 1024);
	}
	*out = buf;
	*len = n;
	return 0;
}
