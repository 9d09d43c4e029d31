/*
 * plan.h — the action plan (core/plan.h): recommendations an organisation has accepted, with
 * owner, due date and status.
 */
#ifndef MAMORU_APP_PLAN_H
#define MAMORU_APP_PLAN_H

#include "app/app.h"
#include "core/plan.h"

/* Adds a validated item (src/input/plan_input.h) of organisation p->org_id; the diagnosis it
 * came from is kept only when it is that organisation's. ERR_CONFLICT when the question is
 * planned already. */
int app_plan_add(app_t *a, plan_item_t *p, err_t *e);
/* Saves an item's owner, due date and status. */
int app_plan_update(app_t *a, plan_item_t *p, err_t *e);
/* The whole plan of organisation org_id saved at once (one form on its page): each of items[]
 * (by id, validated) gets its owner, due date, status and note; the items named in remove[]
 * go. One transaction: an item of another organisation, or one that is gone, changes nothing
 * (ERR_NOT_FOUND). *changed counts the items whose fields changed and those removed. */
int app_plan_save_all(app_t *a, int64_t org_id, plan_item_t *items, int n, const int64_t *remove, int nremove, int *changed,
		      err_t *e);
/* Deletes an item (anyone who may change the organisation's plan). */
int app_plan_delete(app_t *a, int64_t id, err_t *e);
/* ERR_NOT_FOUND (field "id") when there is no such item. */
int app_plan_get(app_t *a, int64_t id, plan_item_t *out, err_t *e);
/* The organisation's plan, oldest first (free()). */
int app_plan_list(app_t *a, int64_t org_id, plan_item_t **items, int *n, err_t *e);
/* One page of that plan for the organisation page (issue 19), per_page items a page: *page is
 * the page asked (1, 2, …) and becomes the last one when it is past it; *total = the plan's
 * items. The database pages (store_plan_page). The same access as app_plan_list. free(). */
int app_plan_page(app_t *a, int64_t org_id, int per_page, int *page, plan_item_t **items, int *n, int *total, err_t *e);

#endif
