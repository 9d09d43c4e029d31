/*
 * report_manual.c — two PDFs to hand over of issue 15 (report.h, docs/incidents.md,
 * docs/contractors.md), laid out with src/report/pdf.h like the other reports:
 *   - the company's emergency manual (もしもマニュアル): who holds each response role and how to
 *     reach them, the damage levels with who responds, the contact tree, what to do per kind of
 *     damage and level, where to report, the company's other contacts and the directory of
 *     bodies — the same parts, in the same order, as the print view (page_manual.c), so the
 *     paper copy and the PDF say the same;
 *   - the confidentiality clauses (機密保持条項) built for one contractor (core/contractor.h
 *     clause_build): the text the page and the CLI show, verbatim, with its articles as
 *     headings, the 各号 indented as in the text.
 * Access is the use cases': the organisation's or contractor's reader may make them; another
 * workspace's or client's record is "not found".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/contractor.h"
#include "app/incident.h"
#include "app/org.h"
#include "core/xalloc.h"
#include "report/pdf.h"
#include "web/report_int.h"

static const char *S(app_t *a, const report_req_t *q, const char *key) { return report_ui(a, q, key); }

static pdf_t *doc_new(app_t *a, const report_req_t *q, const char *title, const char *company, const report_meta_t *m)
{
	char footer[600];
	report_footer(a, q, m, footer, sizeof footer);
	pdf_meta_t pm = { .title = title, .head = company, .footer = footer, .author = report_preparer(q, m), .lang = q->lang };
	pdf_t *p = pdf_new(&pm);
	pdf_heading(p, PDF_H1, title, 20);
	return p;
}

/* "name ☎ phone ✉ mail", or 「未設定」 when the role has nobody yet. */
static void person(app_t *a, const report_req_t *q, const inc_person_t *p, char *out, size_t size)
{
	if (!p || (!p->name[0] && !p->phone[0] && !p->mail[0])) {
		snprintf(out, size, "%s", S(a, q, "inc_unnamed"));
		return;
	}
	snprintf(out, size, "%s%s%s%s%s", p->name, p->phone[0] ? " ☎ " : "", p->phone, p->mail[0] ? " ✉ " : "", p->mail);
}

static void cite(app_t *a, const report_req_t *q, pdf_t *p, const mtext_t *c)
{
	char line[600];
	snprintf(line, sizeof line, "%s: %s", S(a, q, "source"), tx(c, q->lang));
	pdf_text(p, PDF_MUTED, line);
}

int report_pdf_manual(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	const incident_content_t *c = a->content->incident;
	if (!c)
		return err_set(e, ERR_NOT_FOUND, "manual", "インシデント対応の内容がありません", "there is no incident-response content");
	org_t o;
	report_meta_t m;
	inc_manual_t *man = xcalloc(1, sizeof *man);
	if (app_org_get(a, q->id, &o, e) != 0 || app_manual_get(a, q->id, man, e) != 0 || app_report_meta(a, &m, e) != 0) {
		free(man);
		return -1;
	}
	lang_t L = q->lang;
	const char *sep = L == LANG_EN ? ", " : "、";
	pdf_t *p = doc_new(a, q, S(a, q, "inc_manual"), o.name, &m);
	char when[64] = "—", reviewed[64] = "—", line[1200];
	if (man->updated[0])
		report_when(man->updated, L, when, sizeof when);
	if (man->reviewed[0])
		report_when(man->reviewed, L, reviewed, sizeof reviewed);
	pdf_table_t facts = { .ncols = 2, .width = { 0.24, 0.76 }, .style = PDF_SMALL, .shade_first = true };
	pdf_table_begin(p, &facts);
	pdf_table_row(p, (const char *const[]){ S(a, q, "report_company"), o.name });
	pdf_table_row(p, (const char *const[]){ S(a, q, "inc_updated_at"), when });
	pdf_table_row(p, (const char *const[]){ S(a, q, "inc_reviewed"), reviewed });
	pdf_table_end(p);
	for (int i = 0; i < c->nmanual_intro; i++)
		pdf_text(p, PDF_SMALL, tx(&c->manual_intro[i], L));

	/* 4-1: the response roles and who holds them */
	pdf_heading(p, PDF_H2, tx(&c->roles_title, L), 30);
	pdf_text(p, PDF_SMALL, tx(&c->roles_intro, L));
	pdf_table_t roles = { .ncols = 4, .width = { 0.28, 0.24, 0.2, 0.28 }, .style = PDF_SMALL, .shade_first = true,
			      .header = { S(a, q, "inc_role"), S(a, q, "inc_person"), S(a, q, "inc_phone"), S(a, q, "inc_mail") } };
	pdf_table_begin(p, &roles);
	for (int i = 0; i < c->nroles; i++) {
		const inc_person_t *pp = inc_manual_person(man, c->roles[i].id);
		pdf_table_row(p, (const char *const[]){ tx(&c->roles[i].name, L), pp && pp->name[0] ? pp->name : S(a, q, "inc_unnamed"),
							pp && pp->phone[0] ? pp->phone : "—", pp && pp->mail[0] ? pp->mail : "—" });
	}
	pdf_table_end(p);
	cite(a, q, p, &c->roles_cite);

	/* the damage levels with who responds at each */
	pdf_heading(p, PDF_H2, tx(&c->levels_title, L), 30);
	pdf_text(p, PDF_SMALL, tx(&c->levels_intro, L));
	pdf_table_t levels = { .ncols = 3, .width = { 0.1, 0.5, 0.4 }, .style = PDF_SMALL,
			       .header = { S(a, q, "inc_level"), S(a, q, "inc_scope"), S(a, q, "inc_responder") } };
	pdf_table_begin(p, &levels);
	for (int l = INC_LEVELS - 1; l >= 0; l--) {
		int ri = c->responder[l];
		char lv[16], scope[1200] = "", who[800] = "", pers[600];
		snprintf(lv, sizeof lv, "%d", l);
		for (int k = 0; k < c->nscopes; k++)
			if (c->scopes[k].level == l)
				snprintf(scope + strlen(scope), sizeof scope - strlen(scope), "%s%s", scope[0] ? "\n" : "", tx(&c->scopes[k].text, L));
		if (ri >= 0) {
			person(a, q, inc_manual_person(man, c->roles[ri].id), pers, sizeof pers);
			snprintf(who, sizeof who, "%s\n%s", tx(&c->roles[ri].name, L), pers);
		}
		pdf_table_row(p, (const char *const[]){ lv, scope, who });
	}
	pdf_table_end(p);
	cite(a, q, p, &c->levels_cite);

	/* the contact tree */
	pdf_heading(p, PDF_H2, tx(&c->contacts_title, L), 30);
	pdf_text(p, PDF_SMALL, tx(&c->contacts_intro, L));
	pdf_text(p, PDF_BOLD, tx(&c->contacts_rule, L));
	pdf_table_t tree = { .ncols = 4, .width = { 0.1, 0.36, 0.22, 0.32 }, .style = PDF_SMALL,
			     .header = { S(a, q, "inc_level"), S(a, q, "inc_final_responder"), S(a, q, "inc_phone"), S(a, q, "inc_mail") } };
	pdf_table_begin(p, &tree);
	for (int i = 0; i < c->ntree; i++) {
		int ri = c->tree[i].role;
		const inc_person_t *pp = ri >= 0 ? inc_manual_person(man, c->roles[ri].id) : NULL;
		char lv[16], who[400];
		snprintf(lv, sizeof lv, "%d", c->tree[i].level);
		snprintf(who, sizeof who, "%s %s", ri >= 0 ? tx(&c->roles[ri].name, L) : "", pp ? pp->name : "");
		pdf_table_row(p, (const char *const[]){ lv, who, pp && pp->phone[0] ? pp->phone : "—", pp && pp->mail[0] ? pp->mail : "—" });
	}
	pdf_table_end(p);
	cite(a, q, p, &c->contacts_cite);

	/* what to do, per kind of damage and level: the handbook's procedures */
	pdf_heading(p, PDF_H2, tx(&c->types_title, L), 30);
	pdf_text(p, PDF_SMALL, tx(&c->types_intro, L));
	for (int t = 0; t < INC_TYPES; t++) {
		const inc_playbook_t *pb = &c->playbooks[t];
		pdf_heading(p, PDF_H3, tx(&pb->title, L), 25);
		if (c->type_situation[t].ja)
			pdf_text(p, PDF_MUTED, tx(&c->type_situation[t], L));
		for (int l = INC_LEVELS - 1; l >= 0; l--) {
			const inc_step_t *rb[INC_RUNBOOK_MAX];
			int n = inc_runbook(c, t, l, rb, INC_RUNBOOK_MAX);
			if (t == INC_MALWARE && l < INC_LEVELS - 1)
				break; /* the same steps at every level: once */
			if (n == 0)
				continue;
			if (t == INC_MALWARE)
				snprintf(line, sizeof line, "%s", S(a, q, "inc_all_levels"));
			else
				snprintf(line, sizeof line, "%s %d", S(a, q, "inc_level"), l);
			pdf_heading(p, PDF_BOLD, line, 15);
			pdf_table_t steps = { .ncols = 3, .width = { 0.08, 0.22, 0.7 }, .style = PDF_TINY,
					      .header = { "No.", S(a, q, "inc_actor"), S(a, q, "inc_runbook") } };
			pdf_table_begin(p, &steps);
			for (int k = 0; k < n; k++) {
				char actor[400] = "", no[16];
				snprintf(no, sizeof no, "%s", rb[k]->number ? rb[k]->number : "");
				for (int j = 0; j < rb[k]->nactors; j++)
					snprintf(actor + strlen(actor), sizeof actor - strlen(actor), "%s%s", j ? sep : "",
						 tx(&c->actors[rb[k]->actors[j]].label, L));
				pdf_table_row(p, (const char *const[]){ no, actor, tx(&rb[k]->text, L) });
			}
			pdf_table_end(p);
		}
	}

	/* reporting, the company's other contacts, the directory */
	pdf_heading(p, PDF_H2, tx(&c->reporting_title, L), 30);
	pdf_text(p, PDF_SMALL, tx(&c->report_step.text, L));
	pdf_heading(p, PDF_H3, tx(&c->reporting_heading, L), 15);
	for (int k = 0; k < c->nreport_bodies; k++) {
		const inc_body_t *bd = &c->report_bodies[k];
		pdf_text(p, PDF_BOLD, tx(&bd->name, L));
		for (int j = 0; j < bd->nentries; j++) {
			snprintf(line, sizeof line, "%s %s", tx(&bd->entries[j].text, L), bd->entries[j].url ? bd->entries[j].url : "");
			pdf_text_indent(p, PDF_SMALL, 4, line);
		}
	}
	cite(a, q, p, &c->reporting_cite);
	if (man->contacts[0]) {
		pdf_heading(p, PDF_H3, S(a, q, "inc_other_contacts"), 15);
		pdf_text(p, PDF_BODY, man->contacts);
	}
	pdf_heading(p, PDF_H3, S(a, q, "inc_directory"), 20);
	for (int g = 0; g < c->ngroups; g++) {
		const inc_group_t *gr = &c->groups[g];
		pdf_heading(p, PDF_BOLD, tx(&gr->title, L), 12);
		for (int k = 0; k < gr->nbodies; k++) {
			const inc_body_t *bd = &gr->bodies[k];
			snprintf(line, sizeof line, "%s%s%s%s%s", tx(&bd->name, L), bd->tel ? " TEL " : "", bd->tel ? bd->tel : "", bd->url ? " " : "",
				 bd->url ? bd->url : "");
			pdf_text_indent(p, PDF_SMALL, 4, line);
		}
	}
	pdf_space(p, 3);
	pdf_text(p, PDF_MUTED, tx(&c->document, L));
	free(man);
	return pdf_finish(p, &out->data, &out->pages, e);
}

/* ---- the confidentiality clauses ---- */

/* Leading full-width spaces (Japanese) or pairs of spaces (English): the 各号's depth. */
static int depth(const char **s)
{
	int d = 0;
	for (;;) {
		if (!strncmp(*s, "\xe3\x80\x80", 3))
			*s += 3, d++;
		else if ((*s)[0] == ' ' && (*s)[1] == ' ')
			*s += 2, d++;
		else
			return d;
	}
}

int report_pdf_clause(app_t *a, const report_req_t *q, report_out_t *out, err_t *e)
{
	const clause_content_t *cc = a->content->clauses;
	if (!cc)
		return err_set(e, ERR_NOT_FOUND, "clause", "条項の例がありません", "the example clauses are missing");
	contractor_t *ct = xmalloc(sizeof *ct);
	org_t o;
	report_meta_t m;
	if (app_contractor_get(a, q->org_id, q->id, ct, e) != 0 || app_org_get(a, ct->org_id, &o, e) != 0 || app_report_meta(a, &m, e) != 0) {
		free(ct);
		return -1;
	}
	clause_opts_t opts = { .first_article = 1, .clauses = ~0u, .related = ~0u };
	if (q->clause) {
		opts = *q->clause;
	} else {
		snprintf(opts.client, sizeof opts.client, "%.120s", o.name);
		snprintf(opts.contractor, sizeof opts.contractor, "%s", ct->name);
	}
	free(ct);
	buf_t text = { 0 };
	clause_build(cc, &opts, q->lang, &text);
	/* the text's first line is its title; an article's heading (第N条（…）, "Article N (…)") is
	 * a short line after a blank one; the 各号 keep their depth */
	char *s = text.data ? text.data : "";
	char *nl = strchr(s, '\n');
	if (nl)
		*nl = '\0';
	pdf_t *p = doc_new(a, q, s[0] ? s : S(a, q, "ct_clause_title"), o.name, &m);
	s = nl ? nl + 1 : s + strlen(s);
	bool after_blank = true;
	while (*s) {
		nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		char *next = nl ? nl + 1 : s + strlen(s);
		const char *line = s;
		int d = depth(&line);
		if (!line[0]) {
			pdf_space(p, 2.5);
			after_blank = true;
		} else {
			bool article = (!strncmp(line, "第", 3) && strstr(line, "条（")) || !strncmp(line, "Article ", 8);
			bool heading = article && after_blank && d == 0 && strlen(line) < 90;
			if (heading)
				pdf_heading(p, PDF_H3, line, 15);
			else
				pdf_text_indent(p, PDF_BODY, 5.0 * d, line);
			after_blank = false;
		}
		s = next;
	}
	buf_free(&text);
	pdf_space(p, 4);
	pdf_text(p, PDF_MUTED, tx(&cc->document, q->lang));
	return pdf_finish(p, &out->data, &out->pages, e);
}
