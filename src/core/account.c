/*
 * account.c — see account.h.
 */
#include "core/account.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

static const char *const IDS[] = { "", "viewer", "member", "consultant", "admin" };
static const char *const LABELS[][2] = {
	{ "", "" },
	{ "閲覧者", "viewer" },
	{ "企業担当", "company member" },
	{ "支援担当", "consultant" },
	{ "管理者", "administrator" },
};

const char *urole_id(urole_t r) { return IDS[r]; }

bool urole_parse(const char *s, urole_t *out)
{
	for (int r = UROLE_VIEWER; r <= UROLE_ADMIN; r++)
		if (s && !strcmp(s, IDS[r])) {
			*out = (urole_t)r;
			return true;
		}
	return false;
}

const char *urole_label(urole_t r, lang_t lang) { return LABELS[r][lang == LANG_EN]; }

bool account_email_valid(const char *s)
{
	size_t n = strlen(s);
	const char *at = strchr(s, '@');
	if (n < 3 || n > ACCOUNT_EMAIL_MAX || !at || at == s || strchr(at + 1, '@') || !utf8_valid(s, n, NULL))
		return false;
	const char *dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || !dot[1])
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == '"')
			return false;
	return true;
}

static int chars(const char *s)
{
	int n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

static int cmp_ci(const void *key, const void *elem)
{
	return strcasecmp((const char *)key, *(const char *const *)elem);
}

pw_verdict_t password_judge(const char *pw, const char *email, const char *name, const char *const *common, int ncommon)
{
	int n = chars(pw);
	if (n < ACCOUNT_PASSWORD_MIN)
		return PW_TOO_SHORT;
	if (n > ACCOUNT_PASSWORD_MAX)
		return PW_TOO_LONG;
	if (common && bsearch(pw, common, (size_t)ncommon, sizeof *common, cmp_ci))
		return PW_COMMON;
	bool same = true;
	for (const char *p = pw + 1; *p; p++)
		same &= *p == pw[0];
	char local[ACCOUNT_EMAIL_MAX + 1] = "";
	if (email) {
		size_t k = strcspn(email, "@");
		memcpy(local, email, k < sizeof local ? k : sizeof local - 1);
		local[k < sizeof local ? k : sizeof local - 1] = '\0';
	}
	if (same || (email && (!strcasecmp(pw, email) || (local[0] && !strcasecmp(pw, local)))) || (name && !strcasecmp(pw, name)))
		return PW_PERSONAL;
	return PW_OK;
}

bool session_alive(const session_t *s, int64_t now)
{
	return now - s->seen <= SESSION_IDLE_SECONDS && now - s->created <= SESSION_MAX_SECONDS && now >= s->created;
}
