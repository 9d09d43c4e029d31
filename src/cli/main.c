/*
 * main.c — `mamoru [--db PATH] [--lang ja|en] COMMAND ...`: global options, content loading
 * (a broken pack stops here with every problem listed), and dispatch to src/cli/cmd_*.c.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/org.h"
#include "cli/cli.h"
#include "content/loader.h"
#include "core/datetime.h"

int cli_error(const cli_t *cli, int code, const char *ja, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	fputs("mamoru: ", stderr);
	vfprintf(stderr, cli->lang == LANG_EN ? en : ja, ap);
	fputc('\n', stderr);
	va_end(ap);
	return code;
}

const questionnaire_t *cli_questionnaire(const cli_t *cli, const char *id)
{
	const questionnaire_t *q = content_questionnaire(&cli->content, id);
	if (q)
		return q;
	cli_error(cli, EXIT_USAGE, "診断「%s」はありません", "no questionnaire \"%s\"", id);
	fputs(cli->lang == LANG_EN ? "  available:" : "  使える診断:", stderr);
	for (int i = 0; i < cli->content.nqs; i++)
		fprintf(stderr, " %s", cli->content.qs[i]->id);
	fputc('\n', stderr);
	return NULL;
}

const char *cli_db_path(const cli_t *cli)
{
	if (cli->db)
		return cli->db;
	const char *env = getenv("MAMORU_DB");
	return env && *env ? env : "var/mamoru.db";
}

/* Opens the database: only `mamoru migrate` changes the schema of an existing one (fail-closed
 * upgrades, as for the server); a new, empty database is created at the current version. */
static store_t *open_store(cli_t *cli, bool migrate)
{
	if (cli->store)
		return cli->store;
	err_t e;
	if ((migrate ? store_open : store_open_current)(cli_db_path(cli), &cli->store, &e) != STORE_OK) {
		/* both languages: whoever reads a server's or a script's log may not read the one set */
		fprintf(stderr, "mamoru: %s / %s\n", e.ja, e.en);
		return NULL;
	}
	app_init(&cli->app, &cli->content, cli->store, &cli->app.who);
	return cli->store;
}

store_t *cli_store(cli_t *cli) { return open_store(cli, false); }
store_t *cli_store_migrating(cli_t *cli) { return open_store(cli, true); }

int64_t cli_id(const cli_t *cli, const char *what, const char *arg)
{
	char *end;
	errno = 0;
	long long v = arg ? strtoll(arg, &end, 10) : 0;
	if (!arg || !*arg || *end || errno || v <= 0) {
		cli_error(cli, EXIT_USAGE, "%s は正の整数の ID で指定してください（「%s」）", "%s must be a positive id (got \"%s\")",
			  what, arg ? arg : "");
		return -1;
	}
	return v;
}

int cli_fail(const cli_t *cli, const err_t *e)
{
	return cli_error(cli, err_exit_code(e->code), "%s%.0s", "%.0s%s", e->ja, e->en);
}

int cli_org(cli_t *cli, const char *arg, org_t *out)
{
	int64_t id = cli_id(cli, "ORG_ID", arg);
	if (id < 0)
		return EXIT_USAGE;
	if (!cli_store(cli))
		return EXIT_RUNTIME;
	err_t e;
	return app_org_get(&cli->app, id, out, &e) == 0 ? EXIT_OK : cli_fail(cli, &e);
}

int cli_org_history(cli_t *cli, const char *arg, org_t *out, stored_diag_t ***list, int *n)
{
	int rc = cli_org(cli, arg, out);
	if (rc != EXIT_OK)
		return rc;
	err_t e;
	return app_org_history(&cli->app, out->id, list, n, &e) == 0 ? EXIT_OK : cli_fail(cli, &e);
}

void cli_print_json(FILE *f, json_t *j)
{
	json_dumpf(j, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	fputc('\n', f);
	json_decref(j);
}

static void usage(FILE *out, lang_t lang)
{
	if (lang == LANG_EN)
		fputs("usage: mamoru [--db PATH] [--lang ja|en] [--tz ZONE] [--workspace ID] COMMAND\n\n"
		      "  questionnaires                 list the questionnaires\n"
		      "  show QID                       print a questionnaire\n"
		      "  diagnose QID [--answers FILE] [--json] [--strict]\n"
		      "                                 score an answer file (CSV or JSON), or ask\n"
		      "                                 each question when run on a terminal\n"
		      "      [--org ID]                 rank and compare for that organisation\n"
		      "      [--save --scope TEXT --respondent NAME --role executive|manager|staff\n"
		      "       --round LABEL --pool]     and store it as an immutable snapshot\n"
		      "  org add --name NAME [--industry A-T] [--employees N] [--capital YEN]\n"
		      "          [--prefecture NAME] [--sites N]\n"
		      "  org edit ID [same fields]      change an organisation's profile\n"
		      "  org list | org show ID [--json]\n"
		      "  org archive ID | org restore ID | org delete ID --yes   set aside, or delete with all its data\n"
		      "  history ORG_ID [--json]        every diagnosis, changes, site roll-up, respondent gaps\n"
		      "  diagnosis delete ID            delete a saved diagnosis (and its place in the pool)\n"
		      "  export ORG_ID --format json|csv [--output FILE]\n"
		      "  report [compare] DIAGNOSIS_ID --format pdf|xlsx --output FILE [--comment TEXT] [--prepared-by NAME]\n"
		      "  report history|plan|risk|incidents ORG_ID | report incident INCIDENT_ID  (--format pdf|xlsx --output FILE)\n"
		      "  report manual ORG_ID | report clause CONTRACTOR_ID  (--format pdf --output FILE)   emergency manual, NDA clauses\n"
		      "  backup FILE | restore FILE     online backup; restore checks the file first (SQLite)\n"
		      "  migrate                        bring the database's schema up to this program's version\n"
		      "  copy --from SRC --to DST       copy a whole database (file or postgres:// URL) and verify it\n"
		      "  serve [--listen HOST:PORT]     web application and JSON API (default 127.0.0.1:8080)\n"
		      "      [--allowed-host NAME] [--max-per-client N]   host names answered, connections per client\n"
		      "      [--max-heavy N]            reports and exports at once (default: half the threads, at least 2)\n"
		      "  search QUERY [--type measure|scenario|case|threat] [--industry A-T] [--size s5..s301]\n"
		      "         [--case-type ransomware|...] [--json]   search the guideline, cases and threats\n"
		      "  plan ORG_ID [--json] | plan add ORG_ID --questionnaire Q --question N [--owner NAME]\n"
		      "       [--due YYYY-MM-DD] | plan set ITEM_ID [--owner] [--due] [--status todo|doing|done]\n"
		      "       | plan delete ITEM_ID\n"
		      "  profile ORG_ID [ITEM=OPTION ...] [--json]   company profile and risk index (GI/GII/GIII)\n"
		      "  pool stats [--json] | pool export FILE | pool import FILE   the benchmark's peer pool\n"
		      "  pool withdraw ORG_ID           take a company's contributions out of the pool\n"
		      "  user add EMAIL --name NAME --role admin|consultant|member|viewer [--org ID] [--password-stdin]\n"
		      "  user list [--json] | user disable|enable EMAIL | user reset-password EMAIL [--password-stdin]\n"
		      "  user assign|unassign EMAIL ORG_ID   a consultant's organisations\n"
		      "  token add EMAIL [--label TEXT] | token list [EMAIL] [--json] | token revoke ID   API tokens\n"
		      "  audit [--org ID] [--json]      who changed what, when and from where\n"
		      "  workspace add NAME | workspace list [--json]   workspaces (use --workspace ID with the rest)\n"
		      "  routes [--json]                the web server's routes and who may call them\n"
		      "  link add ORG_ID --questionnaire QID --role executive|manager|staff [--scope TEXT] [--days N]\n"
		      "                                 a link to answer once without an account (/r/TOKEN)\n"
		      "  asset add ORG --name NAME --c 1-3 --i 1-3 --a 1-3 [--COLUMN VALUE ...] [--json]\n"
		      "  asset list ORG [--json] [--q TEXT] [--importance high|medium|low] [--flag overdue|expired]\n"
		      "  asset show|edit|delete ID      the information-asset ledger (docs/risk.md)\n"
		      "  asset import ORG FILE          CSV (UTF-8, BOM, CP932) or .xlsx; all or nothing\n"
		      "  asset export ORG --format csv|xlsx --output FILE | asset starter [ORG LIST]\n"
		      "  risk add ORG --asset ID --threat TEXT|scenario:N|threat:ID --source external|internal\n"
		      "       --frequency monthly|yearly|rare --impact fatal|stop|slow\n"
		      "       [--treatment reduce|avoid|transfer|accept --reason TEXT] [--measure 4.x.x] [--json]\n"
		      "  risk list ORG [--json] | risk show|edit|delete ID   the risk register; reduce adds plan items\n"
		      "  risk matrix ORG [FREQ:IMPACT=TREATMENT ...] [--reset] [--json]   the suggested treatments\n"
		      "  contractor add|list|show|edit|delete|send|review|clause …   contractors (docs/contractors.md)\n"
		      "  cloud add|list|show|edit|delete|check …   cloud services and their checklist\n"
		      "  incident add ORG --type leak|tamper|malware|other --title TEXT [--level 0-3 | --impact ID,...] [--json]\n"
		      "  incident list ORG | show|edit|level|step|step-add|log|close|reopen ID   incidents and their runbooks\n"
		      "  manual show|set ORG [ROLE.name=TEXT ...]   the emergency manual | bcp show|set ORG   IT-BCP\n\n"
		      "The database is --db, else $MAMORU_DB, else ./var/mamoru.db.\n"
		      "Times are shown in --tz, else $MAMORU_TZ, else Asia/Tokyo (stored in UTC).\n"
		      "Content is read from $MAMORU_CONTENT, else the content/ folder beside the program.\n",
		      out);
	else
		fputs("使い方: mamoru [--db パス] [--lang ja|en] [--tz 時間帯] [--workspace ID] コマンド\n\n"
		      "  questionnaires                 診断の一覧\n"
		      "  show 診断ID                    設問を表示\n"
		      "  diagnose 診断ID [--answers ファイル] [--json] [--strict]\n"
		      "                                 回答ファイル（CSV または JSON）を採点します。\n"
		      "                                 端末で --answers なしに実行すると1問ずつ質問します\n"
		      "      [--org ID]                 その組織として順位付け・比較\n"
		      "      [--save --scope 範囲 --respondent 氏名 --role executive|manager|staff\n"
		      "       --round 回 --pool]        結果を変更不能な記録として保存\n"
		      "  org add --name 会社名 [--industry A～T] [--employees 人数] [--capital 資本金(円)]\n"
		      "          [--prefecture 都道府県] [--sites 拠点数]\n"
		      "  org edit ID [同じ項目]         組織の情報を変更\n"
		      "  org list | org show ID [--json]\n"
		      "  org archive ID | org restore ID | org delete ID --yes   しまっておく、またはデータごと削除\n"
		      "  history 組織ID [--json]        診断の履歴、前回比、拠点別集計、回答者による違い\n"
		      "  diagnosis delete 診断結果ID    保存した診断を削除（プールへの寄与も取り消し）\n"
		      "  export 組織ID --format json|csv [--output ファイル]\n"
		      "  report [compare] 診断結果ID --format pdf|xlsx --output ファイル [--comment 所見] [--prepared-by 作成者]\n"
		      "  report history|plan|risk|incidents 組織ID | report incident インシデントID  （--format pdf|xlsx --output ファイル）\n"
		      "  report manual 組織ID | report clause 委託先ID  （--format pdf --output ファイル）   もしもマニュアル・機密保持条項\n"
		      "  backup ファイル | restore ファイル  バックアップと復元（復元前に検査します。SQLite）\n"
		      "  migrate                        データベースの版をこのプログラムに合わせて更新\n"
		      "  copy --from 元 --to 先         データベース全体をコピーして確認（ファイルまたは postgres:// の URL）\n"
		      "  serve [--listen ホスト:ポート]  Web 画面と JSON API（既定 127.0.0.1:8080）\n"
		      "      [--allowed-host 名前] [--max-per-client 数]   受け付けるホスト名、1クライアントの接続数\n"
		      "      [--max-heavy 数]           同時に作る報告書・出力・比較の数（既定はスレッド数の半分）\n"
		      "  search 検索語 [--type measure|scenario|case|threat] [--industry A～T] [--size s5～s301]\n"
		      "         [--case-type ransomware など] [--json]   対策・シナリオ・事例・脅威を検索\n"
		      "  plan 組織ID [--json] | plan add 組織ID --questionnaire 診断ID --question 設問 [--owner 担当者]\n"
		      "       [--due YYYY-MM-DD] | plan set 項目ID [--owner] [--due] [--status todo|doing|done]  対策の計画\n"
		      "       | plan delete 項目ID\n"
		      "  contractor add|list|show|edit|delete|send|review|clause …   委託先・対策事項の確認・機密保持条項\n"
		      "  cloud add|list|show|edit|delete|check …   利用しているクラウドサービスと確認事項\n"
		      "  profile 組織ID [設問=選択肢 ...] [--json]   企業プロフィールとリスク指標（GI/GII/GIII）\n"
		      "  pool stats [--json] | pool export ファイル | pool import ファイル   ベンチマークの比較母集団\n"
		      "  pool withdraw 組織ID           その会社の寄与をプールから取り除く\n"
		      "  user add メール --name 名前 --role admin|consultant|member|viewer [--org ID] [--password-stdin]\n"
		      "  user list [--json] | user disable|enable メール | user reset-password メール [--password-stdin]\n"
		      "  user assign|unassign メール 組織ID   支援担当が受け持つ組織\n"
		      "  token add メール [--label 名前] | token list [メール] [--json] | token revoke ID   API トークン\n"
		      "  audit [--org ID] [--json]      だれが・いつ・何を・どこから変更したか\n"
		      "  workspace add 名前 | workspace list [--json]   ワークスペース（ほかのコマンドは --workspace ID で）\n"
		      "  routes [--json]                Web サーバーのルートと、呼び出せる人\n"
		      "  link add 組織ID --questionnaire 診断ID --role executive|manager|staff [--scope 範囲] [--days 日数]\n"
		      "                                 アカウントなしで1回だけ回答できるリンク（/r/トークン）\n"
		      "  asset add 組織ID --name 名前 --c 1-3 --i 1-3 --a 1-3 [--列 値 ...] [--json]\n"
		      "  asset list 組織ID [--json] [--q 語] [--importance high|medium|low] [--flag overdue|expired]\n"
		      "  asset show|edit|delete ID      情報資産管理台帳（docs/risk.md）\n"
		      "  asset import 組織ID ファイル   CSV（UTF-8・BOM・CP932）か .xlsx。すべて取り込むか何もしない\n"
		      "  asset export 組織ID --format csv|xlsx --output ファイル | asset starter [組織ID 一覧ID]\n"
		      "  risk add 組織ID --asset ID --threat 脅威|scenario:番号|threat:ID --source external|internal\n"
		      "       --frequency monthly|yearly|rare --impact fatal|stop|slow\n"
		      "       [--treatment reduce|avoid|transfer|accept --reason 理由] [--measure 4.x.x] [--json]\n"
		      "  risk list 組織ID [--json] | risk show|edit|delete ID   リスク対応表（低減は対策の計画に追加）\n"
		      "  risk matrix 組織ID [頻度:影響=対応 ...] [--reset] [--json]   推奨する対応方針のマトリクス\n"
		      "  incident add 組織ID --type leak|tamper|malware|other --title 件名 [--level 0-3 | --impact ID,...] [--json]\n"
		      "  incident list 組織ID | show|edit|level|step|step-add|log|close|reopen ID   インシデントと対応手順\n"
		      "  manual show|set 組織ID [役割.name=名前 ...]   もしもマニュアル | bcp show|set 組織ID   IT-BCP\n\n"
		      "データベースは --db、なければ $MAMORU_DB、なければ ./var/mamoru.db です。\n"
		      "日時は --tz、なければ $MAMORU_TZ、なければ Asia/Tokyo（日本時間）で表示します（保存は UTC）。\n"
		      "設問などは $MAMORU_CONTENT、なければプログラムと同じ場所の content/ から読みます。\n",
		      out);
}

/* $MAMORU_CONTENT, else <dir of the executable>/content. */
static void content_dir(char *buf, int size)
{
	const char *env = getenv("MAMORU_CONTENT");
	if (env && *env) {
		snprintf(buf, size, "%s", env);
		return;
	}
	char exe[PATH_MAX - 16];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		snprintf(buf, size, "%s/content", exe);
	} else {
		snprintf(buf, size, "content");
	}
}

static bool parse_lang(const char *s, lang_t *out)
{
	if (!strcmp(s, "ja"))
		*out = LANG_JA;
	else if (!strcmp(s, "en"))
		*out = LANG_EN;
	else
		return false;
	return true;
}

int main(int argc, char **argv)
{
	cli_t cli = { .lang = LANG_JA };
	int64_t workspace = 1;
	const char *zone = getenv("MAMORU_TZ"); /* local times: core/datetime.h, docs/deploy.md */
	const char *env_lang = getenv("MAMORU_LANG");
	if (env_lang)
		parse_lang(env_lang, &cli.lang);
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
			if (!parse_lang(argv[++i], &cli.lang))
				return cli_error(&cli, EXIT_USAGE, "--lang は ja か en です（「%s」）",
						 "--lang must be ja or en (got \"%s\")", argv[i]);
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cli.db = argv[++i];
		} else if (!strcmp(argv[i], "--tz") && i + 1 < argc) {
			zone = argv[++i];
		} else if (!strcmp(argv[i], "--workspace") && i + 1 < argc) {
			if ((workspace = cli_id(&cli, "--workspace", argv[++i])) < 0)
				return EXIT_USAGE;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout, cli.lang);
			return EXIT_OK;
		} else {
			cli_error(&cli, EXIT_USAGE, "不明なオプション「%s」", "unknown option \"%s\"", argv[i]);
			usage(stderr, cli.lang);
			return EXIT_USAGE;
		}
	}
	err_t zerr;
	if (app_zone_set(zone && *zone ? zone : DT_DEFAULT_ZONE, &zerr) != 0)
		return cli_fail(&cli, &zerr);
	if (i >= argc) {
		usage(stderr, cli.lang);
		return EXIT_USAGE;
	}
	const char *cmd = argv[i];
	static const struct {
		const char *name;
		int (*fn)(cli_t *, int, char **);
	} cmds[] = {
		{ "questionnaires", cmd_questionnaires },
		{ "show", cmd_show },
		{ "diagnose", cmd_diagnose },
		{ "org", cmd_org },
		{ "history", cmd_history },
		{ "export", cmd_export },
		{ "backup", cmd_backup },
		{ "restore", cmd_restore },
		{ "serve", cmd_serve },
		{ "search", cmd_search },
		{ "plan", cmd_plan },
		{ "profile", cmd_profile },
		{ "pool", cmd_pool },
		{ "user", cmd_user },
		{ "token", cmd_token },
		{ "audit", cmd_audit },
		{ "workspace", cmd_workspace },
		{ "routes", cmd_routes },
		{ "link", cmd_link },
		{ "diagnosis", cmd_diagnosis },
		{ "migrate", cmd_migrate },
		{ "copy", cmd_copy },
		{ "asset", cmd_asset },
		{ "risk", cmd_risk },
		{ "report", cmd_report },
		{ "contractor", cmd_contractor },
		{ "cloud", cmd_cloud },
		{ "incident", cmd_incident },
		{ "manual", cmd_manual },
		{ "bcp", cmd_bcp },
	};
	int (*fn)(cli_t *, int, char **) = NULL;
	for (size_t k = 0; k < sizeof cmds / sizeof cmds[0]; k++)
		if (!strcmp(cmds[k].name, cmd))
			fn = cmds[k].fn;
	if (!strcmp(cmd, "help")) {
		usage(stdout, cli.lang);
		return EXIT_OK;
	}
	if (!fn) {
		cli_error(&cli, EXIT_USAGE, "不明なコマンド「%s」", "unknown command \"%s\"", cmd);
		usage(stderr, cli.lang);
		return EXIT_USAGE;
	}

	char dir[PATH_MAX];
	content_dir(dir, sizeof dir);
	load_errors_t errs = { 0 };
	if (content_load(dir, &cli.content, &errs) != 0) {
		for (int k = 0; k < errs.n; k++)
			load_error_print(stderr, dir, &errs.e[k]);
		cli_error(&cli, EXIT_RUNTIME, "設問などの定義（%s）に %d 件の問題があるため停止します",
			  "stopping: the content in %s has %d problem(s)", dir, errs.n);
		load_errors_free(&errs);
		content_free(&cli.content);
		return EXIT_RUNTIME;
	}
	actor_t who = app_cli_actor(workspace);
	app_init(&cli.app, &cli.content, NULL, &who);
	int rc = fn(&cli, argc - i, argv + i);
	store_close(cli.store);
	content_free(&cli.content);
	return rc;
}
