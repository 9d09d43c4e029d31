/*
 * test_incident.c — incident response (core/incident.h, content/incident.yaml): the handbook's
 * Mission 4 as loaded (levels with their responders, the contact tree, the procedures per type
 * and level, the reporting bodies, the intake sheet, the directory, the IT-BCP steps), the
 * level rule applied to the wizard's answers, the runbook each type and level calls for, how a
 * runbook changes with the level, the fields' checks (long texts refused, never cut), and
 * broken packs refused with file and line.
 */
#include "unit.h"

#include "core/incident.h"
#include "core/xalloc.h"
#include "input/incident_input.h"

static content_t C;
static const incident_content_t *I;

static int setup(void **state)
{
	(void)state;
	load_real(&C);
	I = C.incident;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	content_free(&C);
	return 0;
}

static const char *role_of_level(int level) { return I->roles[I->responder[level]].id; }

static void content_loaded(void **state)
{
	(void)state;
	assert_non_null(I);
	/* 4-1: nine items the manual must contain */
	assert_int_equal(I->ncontents, 9);
	assert_string_equal(I->contents[0].item.ja, "対応体制");
	assert_string_equal(I->contents[8].page, "P146");
	/* 4-2: the three roles with the handbook's holders, and the two the procedures name */
	assert_int_equal(I->nroles, 5);
	assert_string_equal(I->roles[0].name.ja, "最高責任者");
	assert_string_equal(I->roles[0].dflt.ja, "代表取締役");
	assert_string_equal(I->roles[1].dflt.ja, "サイバー攻撃対応責任者");
	assert_string_equal(I->roles[2].dflt.ja, "発見者または情報システム管理者");
	/* the levels' responders: 3 最高責任者, 2 対応責任者, 1 and 0 情報システム管理者 */
	assert_string_equal(role_of_level(3), "top");
	assert_string_equal(role_of_level(2), "manager");
	assert_string_equal(role_of_level(1), "sysadmin");
	assert_string_equal(role_of_level(0), "sysadmin");
	assert_int_equal(I->nscopes, 5);
	assert_string_equal(I->scopes[0].text.ja, "顧客、取引先、株主などに影響が及ぶとき");
	assert_string_equal(I->scopes[1].text.ja, "個人情報が漏えいしたとき");
	assert_int_equal(I->ntree, 3);
	assert_string_equal(I->tree[0].mail, "president@*****.co.jp");
	assert_string_equal(I->type_name[INC_TAMPER].ja, "改ざん・消失・破壊・サービス停止");
	/* 4-6, 6-1, 6-3, 4-7 */
	assert_int_equal(I->nreport_bodies, 2);
	assert_string_equal(I->report_bodies[1].entries[0].url, "https://www.ppc.go.jp/");
	assert_int_equal(I->nintake, 7);
	assert_string_equal(I->intake[6].text.ja, "他に相談した窓口や機関");
	assert_int_equal(I->ngroups, 6);
	int bodies = 0;
	for (int g = 0; g < I->ngroups; g++)
		bodies += I->groups[g].nbodies;
	assert_int_equal(bodies, 1 + 1 + 8 + 6 + 9 + 3);
	assert_string_equal(I->groups[0].bodies[0].tel, "03-5805-1731");
	assert_string_equal(I->groups[1].bodies[0].mail, "anshin＠ipa.go.jp");
	assert_int_equal(I->nbcp, 5);
	assert_string_equal(I->bcp[2].text.ja, "情報システムの復旧優先度を設定し、運用継続に必要なリソースを整理する。");
	/* users see the handbook's name and section, never line numbers */
	assert_non_null(strstr(I->playbooks[INC_MALWARE].cite.ja, "4-5"));
	assert_null(strstr(I->playbooks[INC_MALWARE].cite.ja, "L42"));
}

static void level_rule(void **state)
{
	(void)state;
	const char *bad;
	/* ransomware that stops the business: 2; that reaches customers or leaks personal data: 3 */
	assert_int_equal(inc_level_rule(I, "business", &bad), 2);
	assert_int_equal(inc_level_rule(I, "business,staff-work", &bad), 2);
	assert_int_equal(inc_level_rule(I, "business,customers", &bad), 3);
	assert_int_equal(inc_level_rule(I, "personal-data", &bad), 3);
	assert_int_equal(inc_level_rule(I, "staff-work", &bad), 1);
	assert_int_equal(inc_level_rule(I, "precursor", &bad), 0);
	assert_int_equal(inc_level_rule(I, "precursor,staff-work", &bad), 1); /* the highest line that holds */
	assert_null(bad);
	assert_int_equal(inc_level_rule(I, "", &bad), -1);                  /* nothing ticked: no level */
	assert_int_equal(inc_level_rule(I, "everything", &bad), -1);
	assert_string_equal(bad, "everything");
	assert_int_equal(inc_level_rule(I, "staff-work,nope", &bad), 1);
	assert_string_equal(bad, "nope");
}

/* The runbook's step ids and first actors, as one string "id:actor id:actor …". */
static void runbook_str(int type, int level, char *out, size_t size)
{
	const inc_step_t *rb[INC_RUNBOOK_MAX];
	int n = inc_runbook(I, type, level, rb, INC_RUNBOOK_MAX);
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s:%s", i ? " " : "", rb[i]->id, I->actors[rb[i]->actors[0]].id);
}

static void runbooks(void **state)
{
	(void)state;
	char s[1024];
	runbook_str(INC_MALWARE, 3, s, sizeof s);
	assert_string_equal(s, "contact-tree:finder malware-disconnect:staff malware-contact:staff malware-update:staff malware-scan:staff "
			       "malware-remove:staff malware-rescan:staff malware-report:staff malware-escalate:staff report-bodies:sysadmin");
	char s2[1024];
	runbook_str(INC_MALWARE, 2, s2, sizeof s2);
	assert_string_equal(s, s2); /* the handbook's malware steps do not depend on the level */
	runbook_str(INC_MALWARE, 0, s, sizeof s);
	assert_string_equal(s, "malware-disconnect:staff malware-contact:staff malware-update:staff malware-scan:staff "
			       "malware-remove:staff malware-rescan:staff malware-report:staff malware-escalate:staff");
	runbook_str(INC_LEAK, 3, s, sizeof s);
	assert_string_equal(s, "leak-report-top:finder leak-cause:manager leak-victims:manager leak-inquiries:manager leak-press:manager "
			       "leak-police:manager leak-authority:manager publish:top report-bodies:sysadmin");
	runbook_str(INC_LEAK, 1, s, sizeof s); /* no level-1 leak procedure: level 2's */
	assert_string_equal(s, "leak-report-admin:finder leak-trace:sysadmin leak-notice:sysadmin report-bodies:sysadmin");
	assert_non_null(inc_procedure(I, INC_LEAK, 1));
	assert_non_null(strstr(I->playbooks[INC_LEAK].levels[1].note.ja, "レベル2の手順"));
	runbook_str(INC_TAMPER, 2, s, sizeof s);
	assert_string_equal(s, "tamper-report-admin:finder tamper-cause:sysadmin tamper-notice:manager tamper-restore-data:sysadmin "
			       "tamper-restore-device:sysadmin tamper-restore-paper:infosec tamper-fix:sysadmin report-bodies:sysadmin");
	runbook_str(INC_TAMPER, 0, s, sizeof s);
	assert_string_equal(s, "precursor-report:finder");
	runbook_str(INC_OTHER, 2, s, sizeof s);
	assert_string_equal(s, "contact-tree:finder report-bodies:sysadmin");
	const inc_step_t *esc = inc_step_find(I, "malware-escalate");
	assert_non_null(esc);
	assert_int_equal(esc->ndetails, 3);
	assert_string_equal(esc->details[2].ja, "ファイルが改ざん・暗号化・削除されている");
	assert_null(inc_step_find(I, "nope"));
}

static void runbook_follows_the_level(void **state)
{
	(void)state;
	/* tampering at level 2, two steps done and one with a note; then decided to be level 3 */
	const inc_step_t *rb[INC_RUNBOOK_MAX];
	int n = inc_runbook(I, INC_TAMPER, 2, rb, INC_RUNBOOK_MAX);
	inc_step_rec_t old[INC_RUNBOOK_MAX + 1];
	for (int i = 0; i < n; i++) {
		inc_step_init(&old[i]);
		snprintf(old[i].key, sizeof old[i].key, "%s", rb[i]->id);
	}
	old[0].done = true;   /* tamper-report-admin: not in level 3's list, done: kept */
	old[1].done = true;   /* tamper-cause: in both */
	inc_set_text(&old[2].note, "総務に連絡済み"); /* tamper-notice */
	inc_step_init(&old[n]); /* the company's own step */
	snprintf(old[n].actor, sizeof old[n].actor, "総務部");
	inc_set_text(&old[n].text, "取引先への連絡");
	int nold = n + 1;
	const inc_step_t *rb3[INC_RUNBOOK_MAX];
	int n3 = inc_runbook(I, INC_TAMPER, 3, rb3, INC_RUNBOOK_MAX);
	inc_slot_t slots[INC_STEPS_MAX];
	bool keep[INC_RUNBOOK_MAX + 1];
	int k = inc_merge_steps(rb3, n3, old, nold, slots, INC_STEPS_MAX, keep);
	assert_int_equal(k, n3 + 2); /* level 3's steps, then the done step it lacks and the company's own */
	assert_string_equal(slots[0].step->id, "tamper-report-top");
	assert_int_equal(slots[0].old, -1);
	assert_string_equal(slots[1].step->id, "tamper-cause");
	assert_int_equal(slots[1].old, 1);       /* still done */
	assert_int_equal(slots[2].old, 2);       /* the note stays */
	assert_null(slots[n3].step);
	assert_int_equal(slots[n3].old, 0);
	assert_int_equal(slots[n3 + 1].old, n);
	for (int i = 0; i < nold; i++)
		assert_true(keep[i]);
	/* back to level 0: the undone steps go */
	const inc_step_t *rb0[INC_RUNBOOK_MAX];
	int n0 = inc_runbook(I, INC_TAMPER, 0, rb0, INC_RUNBOOK_MAX);
	k = inc_merge_steps(rb0, n0, old, nold, slots, INC_STEPS_MAX, keep);
	assert_int_equal(k, 1 + 4);  /* precursor-report; report-admin and cause (done), notice (note), own */
	assert_false(keep[3]);       /* tamper-restore-data: untouched, gone */
	for (int i = 0; i < nold; i++)
		inc_step_clear(&old[i]);
}

static void fields_checked(void **state)
{
	(void)state;
	err_t e;
	int t = -1, level = -1;
	assert_int_equal(inc_type_field(I, "malware", &t, &e), 0);
	assert_int_equal(t, INC_MALWARE);
	assert_int_equal(inc_type_field(I, "漏えい・流出", &t, &e), 0);
	assert_int_equal(t, INC_LEAK);
	assert_int_not_equal(inc_type_field(I, "fire", &t, &e), 0);
	assert_string_equal(e.field, "type");
	assert_int_equal(inc_level_field("3", &level, &e), 0);
	assert_int_equal(level, 3);
	assert_int_not_equal(inc_level_field("4", &level, &e), 0);
	assert_int_not_equal(inc_level_field("-1", &level, &e), 0);
	assert_string_equal(e.field, "level");
	char scopes[INC_IDS] = "";
	assert_int_equal(inc_scope_field(I, "business", scopes, &e), 0);
	assert_int_equal(inc_scope_field(I, "customers,business", scopes, &e), 0);
	assert_string_equal(scopes, "business,customers");
	assert_int_not_equal(inc_scope_field(I, "weather", scopes, &e), 0);
	assert_string_equal(e.field, "impact");
	/* a long narrative is kept whole up to its limit, and refused (not cut) beyond it */
	size_t max = INC_TEXT_CHARS;
	char *big = malloc(max * 3 + 2);
	for (size_t i = 0; i < max; i++)
		memcpy(big + 3 * i, "あ", 3);
	big[max * 3] = '\0';
	char *text = NULL;
	assert_int_equal(inc_text_field("description", big, max, true, &text, &e), 0);
	assert_int_equal(strlen(text), max * 3);
	memcpy(big + max * 3, "x", 2);
	assert_int_not_equal(inc_text_field("description", big, max, true, &text, &e), 0);
	assert_string_equal(e.field, "description");
	assert_non_null(strstr(e.ja, "20001 文字、上限 20000 文字"));
	assert_non_null(strstr(e.en, "nothing was cut"));
	assert_int_equal(strlen(text), max * 3); /* unchanged */
	assert_int_equal(inc_text_field("description", "一行目\r\n二行目\tタブ", max, true, &text, &e), 0);
	assert_string_equal(text, "一行目\n二行目\tタブ");
	assert_int_not_equal(inc_text_field("description", "bell\a", max, true, &text, &e), 0);
	assert_int_not_equal(inc_text_field("title", "二\n行", 200, false, &text, &e), 0);
	assert_int_not_equal(inc_text_field("title", "\xff\xfe", 200, false, &text, &e), 0);
	free(text);
	free(big);
	char when[INC_TIME];
	assert_int_equal(inc_time_field("detected", "2026-11-30T09:15", when, &e), 0);
	assert_string_equal(when, "2026-11-30 09:15");
	assert_int_equal(inc_time_field("detected", "2026-11-30 23:59:30", when, &e), 0);
	assert_string_equal(when, "2026-11-30 23:59");
	assert_int_not_equal(inc_time_field("detected", "2026-02-30 09:00", when, &e), 0);
	assert_int_not_equal(inc_time_field("detected", "2026-11-30 24:00", when, &e), 0);
	assert_int_not_equal(inc_time_field("detected", "yesterday", when, &e), 0);
	assert_string_equal(e.field, "detected");
	char assets[INC_IDS] = "";
	assert_int_equal(inc_asset_field("3, 7,3", assets, &e), 0);
	assert_string_equal(assets, "3,7");
	assert_int_not_equal(inc_asset_field("x", assets, &e), 0);
	assert_int_not_equal(inc_asset_field("0", assets, &e), 0);
	char *intake = xstrdup("");
	assert_int_equal(inc_intake_field(I, "device", "パソコン", &intake, &e), 0);
	assert_int_equal(inc_intake_field(I, "os", "Windows 10", &intake, &e), 0);
	assert_string_equal(intake, "{\"device\":\"パソコン\",\"os\":\"Windows 10\"}");
	assert_int_equal(inc_intake_field(I, "device", "", &intake, &e), 0);
	assert_string_equal(intake, "{\"os\":\"Windows 10\"}");
	assert_int_not_equal(inc_intake_field(I, "shoe-size", "42", &intake, &e), 0);
	free(intake);
	char *measures = NULL;
	assert_int_equal(inc_measures_field("  UTMを導入する \r\n\r\n　従業員教育を年2回行う\n", &measures, &e), 0);
	assert_string_equal(measures, "UTMを導入する\n従業員教育を年2回行う");
	char many[2048] = "";
	for (int i = 0; i <= INC_MEASURES_MAX; i++)
		strcat(many, "対策\n");
	assert_int_not_equal(inc_measures_field(many, &measures, &e), 0);
	assert_string_equal(e.field, "measures");
	assert_string_equal(measures, "UTMを導入する\n従業員教育を年2回行う");
	free(measures);
	inc_manual_t *m = calloc(1, sizeof *m);
	assert_int_equal(inc_person_field(I, m, "top", "name", "代表取締役 港 太郎", &e), 0);
	assert_int_equal(inc_person_field(I, m, "top", "phone", "090-1234-5678", &e), 0);
	assert_int_equal(inc_person_field(I, m, "top", "mail", "president@minato.example", &e), 0);
	assert_int_not_equal(inc_person_field(I, m, "top", "phone", "call me", &e), 0);
	assert_int_not_equal(inc_person_field(I, m, "top", "mail", "nobody", &e), 0);
	assert_string_equal(e.field, "top.mail");
	assert_int_not_equal(inc_person_field(I, m, "janitor", "name", "x", &e), 0);
	assert_int_equal(m->npeople, 1);
	assert_string_equal(inc_manual_person(m, "top")->phone, "090-1234-5678");
	free(m);
}

/* The line of the first occurrence of needle in the file, for "incident.yaml:LINE:". */
static int line_of(const char *path, const char *needle)
{
	FILE *f = fopen(path, "r");
	char buf[4096];
	int n = 0, found = 0;
	while (f && !found && fgets(buf, sizeof buf, f)) {
		n++;
		if (strstr(buf, needle))
			found = n;
	}
	if (f)
		fclose(f);
	return found;
}

static void broken_pack_refused(void **state)
{
	(void)state;
	char dir[] = "/tmp/mamoru-incident-XXXXXX", cmd[1024], path[128], where[64];
	assert_non_null(mkdtemp(dir));
	/* a level given twice, an unknown actor, a step id reused for another text, use pointing at
	 * a procedure without steps, a body's URL without a scheme */
	snprintf(cmd, sizeof cmd,
		 "cp -r '%s'/. '%s' && sed -i '0,/^    - level: 1$/s//    - level: 2/; "
		 "s/actors: \\[infosec\\]/actors: [janitor]/; "
		 "0,/id: leak-police/s//id: leak-press/; "
		 "s/use: {type: leak, level: 2}/use: {type: leak, level: 0}/; "
		 "s|url: \"https://www.antiphishing.jp/\"|url: \"www.antiphishing.jp\"|' '%s/incident.yaml'",
		 real_content_dir(), dir, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof path, "%s/incident.yaml", dir);
	content_t c;
	load_errors_t errs = { 0 };
	assert_true(content_load(dir, &c, &errs) > 0);
	dump_errors(&errs);
	char real[512];
	snprintf(real, sizeof real, "%s/incident.yaml", real_content_dir());
	snprintf(where, sizeof where, "incident.yaml:%d:", line_of(real, "    - level: 1"));
	assert_true(has_error(&errs, where, "level 2 is given twice"));
	assert_true(has_error(&errs, "incident.yaml:", "level 1 is missing"));
	snprintf(where, sizeof where, "incident.yaml:%d:", line_of(path, "[janitor]"));
	assert_true(has_error(&errs, where, "actor \"janitor\" is not in the actors list"));
	assert_true(has_error(&errs, "incident.yaml:", "step id \"leak-press\" is used for a different step"));
	snprintf(where, sizeof where, "incident.yaml:%d:", line_of(path, "use: {type: leak, level: 0}"));
	assert_true(has_error(&errs, where, "use must point at a level with its own steps (leak level 0)"));
	snprintf(where, sizeof where, "incident.yaml:%d:", line_of(path, "url: \"www.antiphishing.jp\""));
	assert_true(has_error(&errs, where, "url must start with http:// or https://"));
	load_errors_free(&errs);
	content_free(&c);
	/* a type missing and the Japanese of a body left out */
	snprintf(cmd, sizeof cmd,
		 "cp '%s/incident.yaml' '%s/incident.yaml' && sed -i 's/^  - id: other$/  - id: others/; "
		 "s/name: {ja: \"個人情報保護委員会\", en:/name: {en:/' '%s/incident.yaml'",
		 real_content_dir(), dir, dir);
	assert_int_equal(system(cmd), 0);
	errs = (load_errors_t){ 0 };
	assert_true(content_load(dir, &c, &errs) > 0);
	snprintf(where, sizeof where, "incident.yaml:%d:", line_of(path, "  - id: others"));
	assert_true(has_error(&errs, where, "type 4 must have id \"other\""));
	assert_true(has_error(&errs, "incident.yaml:", "\"name\" has no Japanese (ja) text"));
	load_errors_free(&errs);
	content_free(&c);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(content_loaded),
		cmocka_unit_test(level_rule),
		cmocka_unit_test(runbooks),
		cmocka_unit_test(runbook_follows_the_level),
		cmocka_unit_test(fields_checked),
		cmocka_unit_test(broken_pack_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
