/*
 * access.h — what the caller may do (docs/security.md). Every use case asks here before it
 * reads or changes anything; the route table asks the same for a whole route. What the caller
 * may not see answers "not found" (ERR_NOT_FOUND), so another workspace's or another client's
 * records do not even show that they exist; what they may see but not change answers
 * ERR_FORBIDDEN.
 */
#ifndef MAMORU_APP_ACCESS_H
#define MAMORU_APP_ACCESS_H

#include "app/app.h"

typedef enum {
	NEED_SIGNED_IN = 0,   /* any role */
	NEED_WRITE,           /* any role but viewer: answer, plan, edit what they may see */
	NEED_ORG_CREATE,      /* administrators and consultants add (and archive, delete) organisations */
	NEED_ADMIN,           /* users, tokens, the audit log, the pool */
} need_t;

/* ERR_UNAUTHENTICATED for nobody, ERR_FORBIDDEN for a role without the need. */
int app_need(const app_t *a, need_t need, err_t *e);
/* May the caller see (write = false) or change (true) this organisation? */
int app_org_access(app_t *a, int64_t org_id, bool write, err_t *e);
/* May the caller archive or delete this organisation and its diagnoses? Write access and the
 * role of an administrator or (for their clients) a consultant. */
int app_org_manage(app_t *a, int64_t org_id, err_t *e);
/* Whether the caller sees every organisation of the workspace (administrators, viewers, the
 * command line) rather than their own or assigned ones. */
bool app_sees_all_orgs(const app_t *a);

#endif
