/*
 * multipart.c — decoding a multipart/form-data body (RFC 7578), which is how a browser sends a
 * form with a file (the ledger import): the text fields become kv pairs like a urlencoded form
 * (so the CSRF check reads them the same way), and the one file part is kept as bytes, which may
 * hold anything, NUL included. Parsed in place, within the body's 1 MiB limit; a malformed body
 * or a NUL in a text field is refused, never half read.
 */
#include <string.h>
#include <strings.h>

#include "web/web.h"

/* strcasestr for ASCII names (it is a GNU extension). */
static char *ci_find(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return (char *)hay;
	return NULL;
}

/* The boundary parameter of a Content-Type, unquoted, into out; false when missing or too long. */
static bool boundary_of(const char *ct, char *out, size_t size)
{
	const char *p = ct ? ci_find(ct, "boundary=") : NULL;
	if (!p)
		return false;
	p += 9;
	bool quoted = *p == '"';
	p += quoted;
	size_t n = 0;
	while (p[n] && (quoted ? p[n] != '"' : p[n] != ';' && p[n] != ' ' && p[n] != '\t'))
		n++;
	if (n == 0 || n > 70 || n + 3 > size) /* RFC 2046: at most 70 characters */
		return false;
	out[0] = out[1] = '-';
	memcpy(out + 2, p, n);
	out[n + 2] = '\0';
	return true;
}

static const char *find(const char *hay, size_t len, const char *needle, size_t nlen)
{
	if (nlen == 0 || len < nlen)
		return NULL;
	for (const char *p = hay; (p = memchr(p, needle[0], (size_t)(hay + len - p) - nlen + 1)) != NULL; p++)
		if (!memcmp(p, needle, nlen))
			return p;
	return NULL;
}

/* Where the value of a Content-Disposition parameter ("name", "filename") lies; NULL when the
 * header has none. Nothing is written, so both can be found before either is cut out. */
static char *disposition_param(char *hdr, const char *name, char **vend)
{
	size_t n = strlen(name);
	for (char *p = hdr; (p = ci_find(p, name)) != NULL; p += n) {
		if ((p > hdr && p[-1] != ' ' && p[-1] != ';') || p[n] != '=' || p[n + 1] != '"')
			continue;
		char *v = p + n + 2;
		if (!(*vend = strchr(v, '"')))
			return NULL;
		return v;
	}
	return NULL;
}

int web_parse_multipart(char *body, size_t len, const char *content_type, kv_t *form, int max, web_upload_t *up)
{
	char b[80];
	if (!boundary_of(content_type, b, sizeof b))
		return -1;
	size_t blen = strlen(b);
	memset(up, 0, sizeof *up);
	const char *end = body + len;
	char *p = (char *)find(body, len, b, blen);
	if (!p)
		return -1;
	int n = 0;
	for (;;) {
		p += blen;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return n; /* the closing delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		char *hend = (char *)find(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (!hend)
			return -1;
		*hend = '\0';
		char *headers = p, *content = hend + 4;
		/* the part ends before CRLF and the next delimiter */
		char delim[84] = "\r\n";
		memcpy(delim + 2, b, blen + 1);
		char *next = (char *)find(content, (size_t)(end - content), delim, blen + 2);
		if (!next)
			return -1;
		size_t clen = (size_t)(next - content);
		char *cd = ci_find(headers, "content-disposition:");
		if (!cd || memchr(headers, 0, (size_t)(hend - headers)))
			return -1;
		char *fend = NULL, *nend = NULL;
		char *filename = disposition_param(cd, "filename", &fend);
		char *name = disposition_param(cd, "name", &nend);
		if (!name)
			return -1;
		*nend = '\0';
		if (filename)
			*fend = '\0';
		if (filename) {
			if (up->data) /* one file per form */
				return -1;
			up->data = content;
			up->len = clen;
			up->field = name;
			up->filename = filename;
		} else {
			if (memchr(content, '\0', clen))
				return -2;
			if (n >= max)
				return -3;
			content[clen] = '\0'; /* over the CR of the delimiter */
			form[n++] = (kv_t){ name, content };
		}
		p = next + 2;
	}
}
