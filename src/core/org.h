/*
 * org.h — an organisation (the company being diagnosed) and what is derived from its profile:
 * the employee size band and the SME flag under the 中小企業基本法 thresholds of its industry
 * (both kept as data in content/industries.yaml).
 */
#ifndef MAMORU_CORE_ORG_H
#define MAMORU_CORE_ORG_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"

#define ORG_NAME_MAX 200   /* characters a name may hold, in bytes of UTF-8 */

typedef struct {
	int64_t id;
	char name[ORG_NAME_MAX + 1];
	char industry[4];        /* "" or a division code A–T */
	int employees;           /* -1 = unknown */
	int64_t capital;         /* 円; -1 = unknown */
	char prefecture[32];     /* "" or one of the 47 prefectures */
	int sites;               /* -1 = unknown */
	char created[32], updated[32];
	char archived[32];       /* when it was archived; "" while it is active */
} org_t;

typedef enum { SME_UNKNOWN = -1, SME_NO = 0, SME_YES = 1 } sme_t;

void org_init(org_t *o);
/* SME when capital <= the industry's capital_max or employees <= employees_max; unknown when
 * the industry or both figures are missing. */
sme_t org_sme(const content_t *c, const org_t *o);
/* Index into c->size_bands for the employee count, or -1 when unknown. */
int org_size_band(const content_t *c, int employees);
const industry_t *content_industry(const content_t *c, const char *code);
bool prefecture_valid(const char *name);

#endif
