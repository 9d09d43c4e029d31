/*
 * audit.h — the audit log: every change made through mamoru (who, when, what, from where),
 * appended by the use cases and never changed afterwards (the store refuses it).
 */
#ifndef MAMORU_APP_AUDIT_H
#define MAMORU_APP_AUDIT_H

#include "app/app.h"

/* Appends an entry for the caller: action ("org.create"), object ("organization 3") and a
 * short detail. Called inside the use case's transaction where there is one. */
int app_audit(app_t *a, const char *action, const char *object, const char *detail, err_t *e);
/* The workspace's entries, newest first (free()); of one organisation when org > 0.
 * Administrators only. */
int app_audit_list(app_t *a, int64_t org, int max, audit_t **out, int *n, err_t *e);

#endif
