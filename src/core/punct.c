/*
 * punct.c — see punct.h.
 */
#include "core/punct.h"

#include <stdbool.h>
#include <string.h>

/* Whether text written so far (buf, n bytes) leaves "(" where no space is wanted: after a space,
 * "(" or an opening tag (<span>(…), not after a word, a %s or a closing tag (</strong> (6)). */
static bool opens(const char *buf, size_t n)
{
	if (n && (buf[n - 1] == ' ' || buf[n - 1] == '('))
		return true;
	if (!n || buf[n - 1] != '>')
		return false;
	while (n > 0 && buf[n - 1] != '<')
		n--;
	return n > 0 && buf[n] != '/';
}

const char *punct_fmt(lang_t l, const char *fmt, char *buf, size_t size)
{
	/* Japanese punctuation and what English writes instead; "(" and "“" get a space before them unless
	 * opens() says it starts its text, ")" one after it when a word or a %s follows */
	static const char *const map[][2] = {
		{ " ・ ", " · " }, { "・", " · " }, { " 〜 ", " – " }, { "〜", " – " }, { " ＼ ", " / " },
		{ "、", ", " }, { "：", ": " }, { "）", ")" }, { "（", "(" }, { "「", "“" }, { "」", "”" }, { "【", "[" },
		{ "】", "]" },
	};
	if (l != LANG_EN)
		return fmt;
	size_t n = 0;
	for (const char *p = fmt; *p;) {
		const char *rep = NULL;
		size_t len = 1;
		for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
			if (!strncmp(p, map[k][0], strlen(map[k][0]))) {
				rep = map[k][1], len = strlen(map[k][0]);
				break;
			}
		const char *lead = rep && (!strcmp(rep, "(") || !strcmp(rep, "“")) && !opens(buf, n) ? " " : "";
		if (rep && !strcmp(rep, ")") && (p[len] == '%' || (p[len] >= 'A' && p[len] <= 'z') || !strncmp(p + len, "—", strlen("—"))))
			rep = ") "; /* 「（staff）%s」: "(staff) 30 Nov 2026"; 「（ID %lld）— %s」: "(ID 1) — history" */
		const char *out = rep ? rep : p;
		size_t olen = rep ? strlen(rep) : 1;
		if (n + strlen(lead) + olen + 1 > size)
			return fmt; /* cannot happen with the program's formats (2 KiB); never cut one */
		memcpy(buf + n, lead, strlen(lead));
		n += strlen(lead);
		memcpy(buf + n, out, olen);
		n += olen;
		p += len;
	}
	buf[n] = 0;
	return buf;
}
