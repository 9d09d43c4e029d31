/*
 * risk.h — the risk register (guideline §5.2.2–5.2.3): a threat to one asset or a group of
 * assets, its source (外部 / 内部), how often it happens and how badly it would hurt on the
 * 3×3 risk matrix (Fig. 3), the treatment the matrix suggests (Fig. 4: 低減 / 回避 / 移転 /
 * 保有), the treatment decided with its reason, residual risk and a review date. The matrix
 * of suggestions is data: content/risk.yaml holds the seed's 4 cells and 5 documented
 * defaults, and an organisation may change any cell (risk_settings_t).
 */
#ifndef MAMORU_CORE_RISK_H
#define MAMORU_CORE_RISK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/asset.h"

typedef enum { RS_EXTERNAL = 0, RS_INTERNAL, RISK_SOURCES } risk_source_t;
/* Rows of the matrix, top to bottom: 月1回, 年1回, 数年に1回. */
typedef enum { RF_MONTHLY = 0, RF_YEARLY, RF_RARE, RISK_FREQS } risk_freq_t;
/* Columns, left to right: 会社の存亡にかかわる, 業務停止, 業務効率低下. */
typedef enum { RI_FATAL = 0, RI_STOP, RI_SLOW, RISK_IMPACTS } risk_impact_t;
typedef enum { RT_NONE = -1, RT_REDUCE = 0, RT_AVOID, RT_TRANSFER, RT_ACCEPT, RISK_TREATS } risk_treat_t;

extern const char *const RISK_SOURCE_IDS[RISK_SOURCES];   /* external, internal */
extern const char *const RISK_FREQ_IDS[RISK_FREQS];       /* monthly, yearly, rare */
extern const char *const RISK_IMPACT_IDS[RISK_IMPACTS];   /* fatal, stop, slow */
extern const char *const RISK_TREAT_IDS[RISK_TREATS];     /* reduce, avoid, transfer, accept */
/* The index of id in ids[0..n), or -1. */
int risk_id_index(const char *const *ids, int n, const char *id);

#define RISK_ASSETS_MAX 32
#define RISK_MEASURES_MAX 8
#define RISK_THREAT_CHARS 200
#define RISK_REASON_CHARS 1000

typedef struct {
	int64_t id, org_id;
	int64_t assets[RISK_ASSETS_MAX];   /* the asset or group of assets at risk */
	int nassets;
	char threat[RISK_THREAT_CHARS * 3 + 1];
	char threat_ref[48];               /* "scenario:10", "threat:ransomware", or "" for free text */
	risk_source_t source;
	risk_freq_t freq;
	risk_impact_t impact;
	risk_treat_t treatment;            /* RT_NONE until decided */
	char reason[RISK_REASON_CHARS * 3 + 1];
	char measures[RISK_MEASURES_MAX * 8];   /* common measures of a 低減, "4.3.2,4.4.1" */
	int res_freq, res_impact;          /* residual risk after the treatment; -1 = not assessed */
	char review[11];                   /* next review, YYYY-MM-DD or "" */
	char created[32], updated[32];
} risk_rec_t;

void risk_rec_init(risk_rec_t *r);

/* Which treatment each cell suggests. */
typedef struct {
	risk_treat_t cell[RISK_FREQS][RISK_IMPACTS];
} risk_matrix_t;

risk_treat_t risk_suggest(const risk_matrix_t *m, risk_freq_t f, risk_impact_t i);
/* "avoid,reduce,reduce,reduce,reduce,reduce,transfer,reduce,accept": row by row. */
void risk_matrix_format(const risk_matrix_t *m, char *out, size_t size);
bool risk_matrix_parse(const char *text, risk_matrix_t *m);

/* What an organisation changed: its own matrix (has_matrix) and inventory period (> 0). */
typedef struct {
	bool has_matrix;
	risk_matrix_t matrix;
	int inventory_months;   /* 0 = the content's default */
} risk_settings_t;

/* The measure ids of a risk, split ("4.3.2,4.4.1"); returns how many (at most max). */
int risk_measure_list(const risk_rec_t *r, char ids[][8], int max);

/* What the register page, the API and the CLI ask for (input: risk_filter_parse). */
#define RISK_SORTS 4
extern const char *const RISK_SORT_IDS[RISK_SORTS];   /* id, cell, treatment, review (store.h's risk_sort_t) */
typedef struct {
	char q[256];
	int64_t asset_id;          /* 0 = any */
	int freq, impact;          /* -1 = any */
	int treatment;             /* RT_*, RT_NONE = undecided, -2 = any */
	int sort;
	bool desc;
	int page, per_page;        /* per_page 0 = every row */
} risk_filter_t;

void risk_filter_init(risk_filter_t *f);

/* ---- content: labels, the default matrix, the worked example ---- */

typedef struct {
	mtext_t label;       /* 月1回 */
	mtext_t text;        /* 頻繁におこる（月 1 回程度） */
	const char *aliases[6];
	int naliases;
} risk_label_t;

typedef struct risk_content {
	mtext_t source_doc;                      /* the guideline and section */
	risk_label_t sources[RISK_SOURCES];      /* text = the seed's examples */
	risk_label_t freqs[RISK_FREQS];
	risk_label_t impacts[RISK_IMPACTS];
	risk_label_t treats[RISK_TREATS];        /* text = what it means */
	mtext_t treat_actions[RISK_TREATS];      /* Fig. 4: 情報セキュリティ対策を講じる … */
	risk_matrix_t matrix;                    /* the default suggestions */
	bool from_seed[RISK_FREQS][RISK_IMPACTS];   /* the cell is stated in the seed */
	mtext_t example_threat;                  /* ▲個人情報がメールの誤送信により漏えい */
	risk_freq_t example_freq;
	risk_impact_t example_impact;
	int review_months;                       /* default time to the next review */
} risk_content_t;

#endif
