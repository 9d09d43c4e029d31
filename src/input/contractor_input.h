/*
 * contractor_input.h — contractor, cloud-service and clause-builder fields from the command
 * line, a form or a JSON body, checked once at the edge: names required and at most 120 bytes
 * (a name becomes a diagnosis's scope), contact and purpose one line of at most 400 characters,
 * notes at most 2,000 characters with line breaks, dates real YYYY-MM-DD dates and an end no
 * earlier than its start. Each bad value gets a message naming the field, in both languages.
 */
#ifndef MAMORU_INPUT_CONTRACTOR_INPUT_H
#define MAMORU_INPUT_CONTRACTOR_INPUT_H

#include "core/contractor.h"
#include "core/err.h"

/* name, contact, handles, contract_start, contract_end, review_due, note */
int ct_set_field(contractor_t *c, const char *field, const char *value, err_t *err);
int ct_check(const contractor_t *c, err_t *err);
/* name, provider, purpose, review_due */
int cloud_set_field(cloud_service_t *c, const char *field, const char *value, err_t *err);
int cloud_check(const cloud_service_t *c, err_t *err);
/* A reviewer's note (at most 2,000 characters, line breaks allowed) into dst (CT_NOTE). */
int ct_note_field(const char *field, const char *value, char *dst, err_t *err);
/* client, contractor, date, report_by, years (1-99), first_article (1-999), clauses and related
 * (ids of content/contractor-clauses.yaml, comma-separated; "" none) */
int clause_set_field(const clause_content_t *cc, clause_opts_t *o, const char *field, const char *value, err_t *err);
/* The link's lifetime in days, 1 to max, from text. */
int ct_days_field(const char *value, int max, int *out, err_t *err);

#endif
