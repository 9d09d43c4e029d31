/*
 * diagnosis.h — a diagnosis from answers to a stored, immutable snapshot, and back to a result
 * a person can read: the one path every interface (command line, web form, JSON API) uses to
 * score and save, and to show a saved result.
 */
#ifndef MAMORU_APP_DIAGNOSIS_H
#define MAMORU_APP_DIAGNOSIS_H

#include "app/app.h"
#include "core/view.h"

/* Scores validated answers to q for the company meta->org_id (0 = none) — its profile decides
 * the desired levels that lead the ranking, its industry and size the cases shown — and, with
 * save, stores the snapshot with the who/where fields of meta (scope, respondent, role, round,
 * pool) and its pool contribution in one transaction: saved whole or not at all. The round
 * defaults to the month of saving. Fills out (result_view_free); out->sd->id is 0 unsaved. */
int app_diag_run(app_t *a, const questionnaire_t *q, const answers_t *ans, const stored_diag_t *meta, bool save,
		 result_view_t *out, err_t *e);
/* The pool and a save (out->pool_note, out->earlier): consent to the pool counts only for a
 * complete diagnosis of an organisation — otherwise the snapshot is stored as not pooled and
 * the note says why. A save without consent leaves the organisation's earlier pooled diagnosis
 * of the questionnaire in the pool (EARLIER_KEPT, so the user can be asked), or with
 * withdraw_earlier takes it out in the same transaction (EARLIER_WITHDRAWN). */
typedef struct {
	bool withdraw_earlier;
} diag_opts_t;
int app_diag_run_opts(app_t *a, const questionnaire_t *q, const answers_t *ans, const stored_diag_t *meta, bool save,
		      const diag_opts_t *opts, result_view_t *out, err_t *e);
/* A saved diagnosis: its snapshot, its organisation, and its ranking and cases recomputed
 * from the stored answers with the current content (the same rules as app_diag_run). */
int app_diag_view(app_t *a, int64_t id, result_view_t *out, err_t *e);
/* The snapshot alone (stored_diag_free); ERR_NOT_FOUND (field "id") when there is none. */
int app_diag_get(app_t *a, int64_t id, stored_diag_t **out, err_t *e);

/* Attaches a result saved without an organisation to organisation org_id (write access to
 * it): snapshots never change, so the snapshot is stored again under the organisation — same
 * answers, scores, time and round, with the company's profile as it is now and outside the
 * benchmark pool — and the anonymous one is removed, in one transaction. *new_id names it.
 * ERR_CONFLICT when the result already belongs to an organisation; ERR_INVALID (field
 * "organization_id") when there is no such organisation the caller may change. */
int app_diag_attach(app_t *a, int64_t id, int64_t org_id, int64_t *new_id, err_t *e);
/* The organisation's latest saved diagnosis of questionnaire qid, to start the next round from
 * its answers; *out NULL when there is none (stored_diag_free). */
int app_diag_last_of(app_t *a, int64_t org_id, const char *qid, stored_diag_t **out, err_t *e);
/* When the saved diagnosis id was made (ERR_NOT_FOUND when there is none), without loading it
 * or checking the caller's access to it: lets a cache tell that id still names the same
 * snapshot, for SQLite gives a deleted diagnosis's id to the next one. */
int app_diag_created(app_t *a, int64_t id, char created[32], err_t *e);
/* Deletes a saved diagnosis with its pool contribution (when it is the organisation's current
 * one) and the respondent link it answered; plan items made from it stay. Administrators and
 * the organisation's consultants; a diagnosis without an organisation, administrators. */
int app_diag_delete(app_t *a, int64_t id, err_t *e);
/* Respondent links: someone without an account answers one questionnaire for one
 * organisation, scope and role (an executive and the staff separately, for the comparison).
 * Creating one needs write access to the organisation; the token (shown once) is returned. */
#define LINK_TOKEN_LEN 48
int app_link_create(app_t *a, link_t *l, int days, char token[LINK_TOKEN_LEN + 1], err_t *e);
/* The link behind a token, if it is still unanswered and unexpired; the caller becomes its
 * respondent (a member of that organisation for this request). */
int app_link_open(app_t *a, const char *token, link_t *out, err_t *e);
/* Checks and fills a new link (hash, creator, expiry; the token returned) without storing it:
 * for a record that goes with its link, stored with store_link_add in the caller's transaction
 * (a contractor's request, app/contractor.h). app_link_create is this and the store. */
int app_link_prepare(app_t *a, link_t *l, int days, char token[LINK_TOKEN_LEN + 1], err_t *e);
/* Saves like app_diag_run and runs then(a, saved snapshot, arg, e) in the same write
 * transaction: a record that points at the diagnosis (a cloud service's last check) is written
 * with it or, when then fails, neither is. */
typedef int (*app_diag_then_t)(app_t *a, const stored_diag_t *sd, void *arg, err_t *e);
int app_diag_save_then(app_t *a, const questionnaire_t *q, const answers_t *ans, const stored_diag_t *meta, app_diag_then_t then,
		       void *arg, result_view_t *out, err_t *e);
/* Saves the answers as the link's diagnosis and marks it used, in one transaction. */
int app_link_answer(app_t *a, const link_t *l, const answers_t *ans, const char *respondent, result_view_t *out, err_t *e);

#endif
