/*
 * pages.h — every page and API handler (one file per page or area) and the layout helpers
 * they share (page.c).
 */
#ifndef MAMORU_WEB_PAGES_H
#define MAMORU_WEB_PAGES_H

#include <jansson.h>

#include "core/org.h"
#include "input/answerfile.h"
#include "web/html.h"
#include "web/web.h"

/* layout (page.c) */
const char *T(const req_t *r, const char *key);           /* UI string in the request's language */
void page_begin(req_t *r, resp_t *w, const char *title);   /* <html> … <main> */
void page_end(req_t *r, resp_t *w);                        /* </main> … </html> */
void page_error(req_t *r, resp_t *w, int status, const char *message_key);
void page_csrf_field(const req_t *r, buf_t *b);
/* A measure as a link to its page followed by its points (used beside questions and in
 * recommendations). */
void page_measure_summary(const req_t *r, buf_t *b, const measure_t *m, const char *link_class);
/* Loads the organisation named by a path segment; false after answering 404. */
bool page_load_org(req_t *r, resp_t *w, const char *arg, org_t *o);
/* Parses a positive decimal id; -1 when malformed. */
long long parse_id(const char *s);

/* page_home.c */
void page_home(req_t *r, resp_t *w, const char *const *args);
/* page_org.c */
void page_org_new(req_t *r, resp_t *w, const char *const *args);
void page_org_create(req_t *r, resp_t *w, const char *const *args);
void page_org_show(req_t *r, resp_t *w, const char *const *args);
void page_org_update(req_t *r, resp_t *w, const char *const *args);
/* page_diagnose.c */
void page_diagnose(req_t *r, resp_t *w, const char *const *args);
void page_diagnose_post(req_t *r, resp_t *w, const char *const *args);
/* page_result.c */
void page_result(req_t *r, resp_t *w, const char *const *args);
void page_result_cache_free(void);   /* at shutdown */
/* page_history.c */
void page_history(req_t *r, resp_t *w, const char *const *args);
/* page_measures.c */
void page_measures(req_t *r, resp_t *w, const char *const *args);
void page_measure(req_t *r, resp_t *w, const char *const *args);
/* page_plan.c */
void page_plan_section(req_t *r, buf_t *b, const org_t *o);
void page_plan_new(req_t *r, resp_t *w, const char *const *args);
void page_plan_create(req_t *r, resp_t *w, const char *const *args);
void page_plan_update(req_t *r, resp_t *w, const char *const *args);
/* page_knowledge.c */
void page_search(req_t *r, resp_t *w, const char *const *args);
void page_scenarios(req_t *r, resp_t *w, const char *const *args);
void page_scenario(req_t *r, resp_t *w, const char *const *args);
void page_cases(req_t *r, resp_t *w, const char *const *args);
void page_case(req_t *r, resp_t *w, const char *const *args);
void api_search(req_t *r, resp_t *w, const char *const *args);
/* page_benchmark.c */
void page_profile(req_t *r, resp_t *w, const char *const *args);
void page_profile_post(req_t *r, resp_t *w, const char *const *args);
void page_compare(req_t *r, resp_t *w, const char *const *args);
void page_profile_section(req_t *r, buf_t *b, const org_t *o);
void api_profile_get(req_t *r, resp_t *w, const char *const *args);
void api_profile_put(req_t *r, resp_t *w, const char *const *args);
void api_peers(req_t *r, resp_t *w, const char *const *args);
/* api.c, and the JSON helpers the other API handlers share */
void resp_json(resp_t *w, int status, json_t *j);                 /* sends and releases j */
json_t *json_body(req_t *r, resp_t *w);                           /* NULL after answering 415 or 400 */
bool unknown_keys(resp_t *w, json_t *j, const char *const *allowed); /* true after answering 422 */
bool find_org(req_t *r, resp_t *w, const char *arg, org_t *o);     /* false after answering 404 */
void input_error(req_t *r, resp_t *w, const err_t *e);       /* 422 naming the field */
void api_healthz(req_t *r, resp_t *w, const char *const *args);
void api_questionnaires(req_t *r, resp_t *w, const char *const *args);
void api_questionnaire(req_t *r, resp_t *w, const char *const *args);
void api_org_create(req_t *r, resp_t *w, const char *const *args);
void api_org_get(req_t *r, resp_t *w, const char *const *args);
void api_org_diagnoses(req_t *r, resp_t *w, const char *const *args);
void api_diagnosis_create(req_t *r, resp_t *w, const char *const *args);
void api_diagnosis_get(req_t *r, resp_t *w, const char *const *args);

#endif
