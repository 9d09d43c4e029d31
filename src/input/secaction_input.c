/*
 * secaction_input.c — see secaction_input.h.
 */
#include "input/secaction_input.h"

#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "input/org_input.h"

static int bad(err_t *err, const char *field, const char *value)
{
	return err_set(err, ERR_INVALID, field, "「%.*s」は選べる値ではありません", "\"%.*s\" is not one of the choices",
		       utf8_prefix(value, 40), value);
}

int sa_rule_field(const char *value, unsigned *rules, err_t *err)
{
	if (strlen(value) != 1 || value[0] < '1' || value[0] > '0' + SA_RULES)
		return bad(err, "rule", value);
	*rules |= 1u << (value[0] - '1');
	return 0;
}

static const sa_option_t *find(const sa_option_t *opts, int n, const char *id)
{
	for (int k = 0; k < n; k++)
		if (opts[k].id && !strcmp(opts[k].id, id))
			return &opts[k];
	return NULL;
}

int sa_choice_field(const secaction_content_t *c, const char *field, const char *value, sa_choices_t *ch, err_t *err)
{
	char *list = NULL, *one = NULL;
	const sa_option_t *opts = NULL;
	int n = 0;
	if (!strcmp(field, "protects"))
		list = ch->protects, opts = c->protects, n = c->nprotects;
	else if (!strcmp(field, "laws"))
		list = ch->laws, opts = c->laws, n = c->nlaws;
	else if (!strcmp(field, "training"))
		one = ch->training, opts = c->training, n = c->ntraining;
	else if (!strcmp(field, "review"))
		one = ch->review, opts = c->review, n = c->nreview;
	if (!opts || !find(opts, n, value))
		return bad(err, field, value);
	if (one) {
		snprintf(one, SA_ID, "%s", value);
		return 0;
	}
	if (sa_has(list, value))
		return 0;
	size_t len = strlen(list);
	if (len + 1 + strlen(value) >= SA_IDS) /* cannot happen with at most SA_MAX_OPTIONS short ids */
		return bad(err, field, value);
	snprintf(list + len, SA_IDS - len, "%s%s", len ? "," : "", value);
	return 0;
}

int sa_text_field(const char *field, const char *value, sa_choices_t *ch, err_t *err)
{
	char *dst = !strcmp(field, "scope") ? ch->scope : !strcmp(field, "officer") ? ch->officer
		  : !strcmp(field, "representative") ? ch->representative : NULL;
	if (!dst)
		return bad(err, field, value);
	return text_field(field, value, dst, SA_TEXT - 1, err);
}

int sa_policy_field(const char *value, char *dst, err_t *err)
{
	size_t n = strlen(value), out = 0;
	if (!utf8_valid(value, n, NULL))
		return err_set(err, ERR_INVALID, "policy", "UTF-8 でない文字が含まれています", "contains invalid UTF-8");
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)value[i];
		if (ch == '\r' && value[i + 1] == '\n')
			continue;
		if ((ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || ch == 0x7f)
			return err_set(err, ERR_INVALID, "policy", "制御文字は使えません（改行とタブは使えます）",
				       "must not contain control characters (line breaks and tabs are fine)");
		if (out + 1 >= SA_POLICY_MAX)
			return err_set(err, ERR_INVALID, "policy", "長すぎます（上限 %d バイト）", "too long (at most %d bytes)",
				       SA_POLICY_MAX - 1);
		dst[out++] = ch == '\r' ? '\n' : (char)ch;
	}
	dst[out] = '\0';
	return 0;
}
