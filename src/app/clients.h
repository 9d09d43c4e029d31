/*
 * clients.h — the consultant's views: the client list (every organisation the caller may see,
 * with its latest result, trend and overdue plan items, filtered, sorted and in pages) and the
 * side-by-side comparison of a few clients' latest results of one questionnaire. The rules
 * (parameters, order, pages, per-category scores) are pure, in core/clients.h.
 */
#ifndef MAMORU_APP_CLIENTS_H
#define MAMORU_APP_CLIENTS_H

#include "app/app.h"
#include "core/clients.h"

typedef struct {
	client_row_t *rows;    /* this page's rows, in order (free with client_list_free) */
	int nrows;
	int matched;           /* organisations that pass the filters */
	int visible;           /* organisations the caller may see */
	int page, pages;       /* the page shown (the one asked, clamped to the last) and how many */
} client_list_t;

/* The caller's organisations (app_org_each: all of the workspace for administrators and
 * viewers, the assigned ones for a consultant, their own for a member) that pass f, sorted by
 * f->sort, page f->page of CLIENTS_PER_PAGE. Overdue means due before today by the app clock. */
int app_client_list(app_t *a, const client_filter_t *f, client_list_t *out, err_t *e);
void client_list_free(client_list_t *l);

/* The latest diagnosis of `questionnaire` of each organisation, in the order given (ids from
 * client_compare_ids). ERR_INVALID (field "questionnaire") for an unknown questionnaire;
 * ERR_NOT_FOUND for an organisation the caller may not see, as everywhere else. */
int app_client_compare(app_t *a, const int64_t *ids, int n, const char *questionnaire, client_compare_t *out, err_t *e);

#endif
