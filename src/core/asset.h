/*
 * asset.h — the information-asset ledger (情報資産管理台帳, guideline §5.2.1, Fig. 2): one row per
 * asset with the seed's 16 columns, C/I/A impact 1–3, and what is derived from a row — its
 * importance under a configurable rule, whether its last inventory (棚卸し) is overdue, and
 * whether its retention period (保存期間, counted from the registration date) has run out.
 * Pure rules and the content that configures them (content/risk.yaml, content/asset-examples.yaml).
 */
#ifndef MAMORU_CORE_ASSET_H
#define MAMORU_CORE_ASSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

/* The ledger's columns, left to right as in the seed's Fig. 2. */
typedef enum {
	AC_NO = 0,      /* 管理No */
	AC_NAME,        /* 情報資産名 */
	AC_MEDIUM,      /* 対象（媒体） */
	AC_LOCATION,    /* 保管・格納場所 */
	AC_SCOPE,       /* 利用範囲 */
	AC_DEPARTMENT,  /* 管理責任部門 */
	AC_OWNER,       /* 管理責任者 */
	AC_CONTACT,     /* 連絡先 */
	AC_REGISTERED,  /* 登録日 */
	AC_RETENTION,   /* 保存期間 */
	AC_DISPOSED,    /* 廃棄日 */
	AC_INVENTORIED, /* 最終棚卸し日 */
	AC_C,           /* 機密性 */
	AC_I,           /* 完全性 */
	AC_A,           /* 可用性 */
	AC_NOTE,        /* 備考 */
	ASSET_COLUMNS
} asset_col_t;

/* Stable ids of the columns (JSON keys, form fields, CLI options). */
extern const char *const ASSET_COL_IDS[ASSET_COLUMNS];
int asset_col_index(const char *id);        /* -1 when unknown */
bool asset_col_is_date(int col);
bool asset_col_is_cia(int col);

#define ASSET_TEXT_CHARS 100   /* characters a text column may hold */
#define ASSET_NOTE_CHARS 500
#define ASSET_TEXT (ASSET_TEXT_CHARS * 3 + 1)
#define ASSET_NOTE (ASSET_NOTE_CHARS * 3 + 1)

typedef struct {
	int64_t id, org_id;
	char no[64];
	char name[ASSET_TEXT], medium[ASSET_TEXT], location[ASSET_TEXT], scope[ASSET_TEXT];
	char department[ASSET_TEXT], owner[ASSET_TEXT], contact[ASSET_TEXT];
	char registered[11], disposed[11], inventoried[11];   /* YYYY-MM-DD or "" */
	char retention[64];                                   /* 永久, 5年, 6か月, -, … as written */
	int c, i, a;                                          /* 1..3 (0 = not given yet) */
	char note[ASSET_NOTE];
	char retain_until[11];   /* derived: registered + retention, "" when not a period */
	char created[32], updated[32];
} asset_t;

/* The text of a column (NULL for C/I/A) and its size. */
char *asset_text(asset_t *a, int col, size_t *size);
const char *asset_text_c(const asset_t *a, int col);
/* A column as text: C/I/A as "1".."3" ("" when 0). */
void asset_cell(const asset_t *a, int col, char *out, size_t size);

/* ---- dates ---- */

/* True for a real calendar date written YYYY-MM-DD (years 1900–2999). */
bool asset_date_valid(const char *s);
/* Reads a date as people write them in ledgers — 2008/8/26, 2008-08-26, 2008.8.26,
 * 2008年8月26日 — into YYYY-MM-DD; false when it is not a real date. */
bool asset_date_parse(const char *in, char out[11]);
/* An Excel serial date (1900 date system, with its 29 Feb 1900) as YYYY-MM-DD. */
bool asset_date_from_serial(double serial, char out[11]);
/* ymd plus months (the day kept, or the month's last day when it has fewer). */
void asset_date_add_months(const char *ymd, int months, char out[11]);

/* ---- retention ---- */

#define RETAIN_NONE (-1)       /* "", "-", なし: no period recorded */
#define RETAIN_FOREVER (-2)    /* 永久, 無期限 */
#define RETAIN_UNKNOWN (-3)    /* text that is not a period (e.g. 契約終了まで): kept, not checked */
/* 保存期間 as months: "5年" 60, "6か月" 6, "18 months" 18; or one of the values above. */
int asset_retention_months(const char *text);
/* Sets a->retain_until from the registration date and the retention period. */
void asset_derive(asset_t *a);

/* ---- importance and flags (configured in content/risk.yaml) ---- */

typedef enum { IMPORTANCE_MAX = 0, IMPORTANCE_SUM } importance_method_t;
#define IMPORTANCE_LEVELS_MAX 5

typedef struct {
	const char *id;          /* "high" */
	mtext_t label;
	int min;                 /* lowest score of this level */
} importance_level_t;

typedef struct {
	importance_method_t method;   /* max(C, I, A) or C + I + A */
	importance_level_t levels[IMPORTANCE_LEVELS_MAX];   /* highest first; the last has the lowest min */
	int nlevels;
} importance_rule_t;

int asset_score(const importance_rule_t *r, int c, int i, int a);
/* Index of the asset's level in r->levels (0 = most important). */
int asset_importance(const importance_rule_t *r, int c, int i, int a);
/* The score range [lo, hi] of level k. */
void asset_level_range(const importance_rule_t *r, int k, int *lo, int *hi);

typedef struct {
	bool disposed;            /* 廃棄日 is set: the other flags do not apply */
	bool inventory_overdue;   /* no inventory, or the last one before today − inventory_months */
	bool retention_over;      /* retain_until has passed and the asset is still kept */
} asset_flags_t;

/* The date inventory_months before today: an inventory older than it is overdue. */
void asset_inventory_cutoff(const char *today, int inventory_months, char out[11]);
asset_flags_t asset_flags(const asset_t *a, const char *today, int inventory_months);

/* ---- what a ledger page shows ---- */

/* Sort keys, in the order of store.h's asset_sort_t. */
#define ASSET_SORTS 6
extern const char *const ASSET_SORT_IDS[ASSET_SORTS];   /* no, name, importance, department, inventoried, registered */

/* What the ledger page, the API and the CLI ask for (input: asset_filter_parse). */
typedef struct {
	char q[256];                  /* text in the name, medium, location, department or owner */
	char department[ASSET_TEXT];  /* exactly this 管理責任部門 */
	int importance;               /* a level of the importance rule, -1 = any */
	bool overdue, expired;        /* only assets whose inventory is overdue / retention ran out */
	int disposed;                 /* -1 any, 0 kept only, 1 disposed only */
	int sort;                     /* an index of ASSET_SORT_IDS */
	bool desc;
	int page, per_page;           /* page from 1; per_page 0 = every row */
} asset_filter_t;

/* Any row, by 管理No, page 1 of 50. */
void asset_filter_init(asset_filter_t *f);

/* ---- content: the ledger's columns, C/I/A, the starter lists ---- */

#define ASSET_ALIASES_MAX 8

typedef struct {
	const char *id;
	mtext_t heading;                          /* the seed's heading: 情報資産名 */
	mtext_t help;                             /* the seed's 記入要綱 (filling note), or empty */
	const char *aliases[ASSET_ALIASES_MAX];   /* other headings accepted on import */
	int naliases;
	bool required;                            /* an import must have this column */
} asset_column_t;

typedef struct {
	const char *cells[ASSET_COLUMNS];         /* as written in a ledger */
} asset_example_t;

typedef struct {
	const char *id;                           /* "seed-die-maker", "retail" */
	mtext_t title, description;
	const char *industries[8];                /* industry codes it suits */
	int nindustries;
	asset_example_t *rows;
	int nrows;
} asset_starter_t;

typedef struct ledger_content {
	mtext_t title, source;                    /* document and section the ledger comes from */
	asset_column_t columns[ASSET_COLUMNS];
	mtext_t cia_labels[3];                    /* 1, 2, 3 */
	mtext_t cia_questions[3];                 /* C, I, A: the seed's three tests as questions */
	mtext_t cia_examples[3];                  /* 個人情報, 財務会計情報, 設計図面 */
	importance_rule_t importance;
	int inventory_months;                     /* default period for the inventory flag */
	asset_starter_t *starters;                /* the seed's example first */
	int nstarters;
	mtext_t starters_note;
} ledger_content_t;

const asset_starter_t *ledger_starter(const ledger_content_t *l, const char *id);

#endif
