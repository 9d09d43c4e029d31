/*
 * org.c — see org.h.
 */
#include "core/org.h"

#include <string.h>

void org_init(org_t *o)
{
	memset(o, 0, sizeof *o);
	o->employees = -1;
	o->capital = -1;
	o->sites = -1;
}

const industry_t *content_industry(const content_t *c, const char *code)
{
	for (int i = 0; i < c->nindustries; i++)
		if (strcmp(c->industries[i].code, code) == 0)
			return &c->industries[i];
	return NULL;
}

sme_t org_sme(const content_t *c, const org_t *o)
{
	const industry_t *ind = content_industry(c, o->industry);
	if (!ind || (o->capital < 0 && o->employees < 0))
		return SME_UNKNOWN;
	if ((o->capital >= 0 && o->capital <= ind->capital_max) ||
	    (o->employees >= 0 && o->employees <= ind->employees_max))
		return SME_YES;
	/* one figure known and above its limit: the other might still qualify */
	if (o->capital < 0 || o->employees < 0)
		return SME_UNKNOWN;
	return SME_NO;
}

int org_size_band(const content_t *c, int employees)
{
	if (employees < 0)
		return -1;
	for (int i = 0; i < c->nsize_bands; i++)
		if (c->size_bands[i].max < 0 || employees <= c->size_bands[i].max)
			return i;
	return -1;
}

static const char *const PREFECTURES[] = {
	"北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
	"埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
	"岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
	"鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
	"佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
};

bool prefecture_valid(const char *name)
{
	for (size_t i = 0; i < sizeof PREFECTURES / sizeof *PREFECTURES; i++)
		if (strcmp(PREFECTURES[i], name) == 0)
			return true;
	return false;
}
