#!/bin/bash
# test_delete_cli.sh — deleting and leaving through the command line: a diagnosis deleted with
# its pool contribution, a company withdrawing from the pool, an organisation archived and
# restored, an organisation deleted with everything of it (its rows gone from the tables, the
# database file and the exports; its member accounts disabled; the other companies untouched),
# plan items deleted; unknown ids and a delete without --yes change nothing. MAMORU_BIN picks
# the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
unset MAMORU_POOL_MIN   # pool stats counts the exact members for an administrator, whatever the threshold
. tests/cli/lib.sh
export MAMORU_DB; MAMORU_DB=$(test_db m)
m() { run "$BIN" "$@"; }
rows() { sql "$MAMORU_DB" "$1"; }
level_file() {
	python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, 26)}}))" "$1" >"$TMP/l$1.json"
	echo "$TMP/l$1.json"
}
pool_n() { rows "SELECT coalesce(sum(n), 0) FROM (SELECT 1 AS n FROM pool_members) AS m"; }
all_n() { m pool stats --json; python3 -c "import json,sys; d=json.load(sys.stdin); print(sum(a['n'] for a in d['aggregates'] if a['dimension'] == 'all'))" <<<"$OUT"; }

m org add --name "消える商事" --industry E --employees 30
m org add --name "残る工業" --industry E --employees 30
for k in 1 2; do m diagnose benchmark --answers "$(level_file $((k * 2)))" --save --org $k --pool; done
m plan add 1 --questionnaire benchmark --question 7 --owner "総務 佐藤"
m plan add 1 --questionnaire benchmark --question 8
echo "mamoru test passphrase 2026" | m user add member@example.test --name 担当 --role member --org 1 --password-stdin

CASE="deleting a diagnosis takes its contribution out of the pool; its plan items stay"
[ "$(all_n)" = 2 ] && ok || bad "pool before: $(all_n)"
D1=$(rows "SELECT id FROM diagnoses WHERE organization_id = 1 AND questionnaire = 'benchmark'")
rows "UPDATE plan_items SET diagnosis_id = $D1 WHERE id = 1"
m diagnosis delete "$D1"
expect_rc 0; expect_out "診断結果を削除しました"
[ "$(all_n)" = 1 ] && ok || bad "the pool still counts the deleted diagnosis: $(all_n)"
[ "$(rows "SELECT count(*) FROM diagnoses WHERE id = $D1") $(rows "SELECT count(*) FROM diagnosis_answers WHERE diagnosis_id = $D1")" = "0 0" ] && ok || bad "rows of the diagnosis are left"
[ "$(rows "SELECT count(*) || '/' || coalesce(CAST(max(diagnosis_id) AS TEXT), 'none') FROM plan_items WHERE organization_id = 1")" = "2/none" ] && ok || bad "plan items: $(rows "SELECT * FROM plan_items")"
m history 1 --json
expect_json "[x['id'] for x in d['diagnoses']].count($D1)" "0"
m diagnosis delete "$D1"
expect_rc 2; expect_err "診断結果 $D1 はありません"
m diagnosis delete abc
expect_rc 2
m audit --json
expect_json "any(a['action'] == 'diagnosis.delete' and a['object'] == 'diagnosis $D1' for a in d)" "true"

CASE="a company withdraws from the pool"
m diagnose benchmark --answers "$(level_file 5)" --save --org 1 --pool
[ "$(all_n)" = 2 ] && ok || bad "re-joined: $(all_n)"
m pool withdraw 1
expect_rc 0; expect_out "消える商事 はプールから抜けました"
[ "$(all_n)" = 1 ] && ok || bad "after withdrawing: $(all_n)"
[ "$(rows "SELECT count(*) FROM pool_members WHERE organization_id = 1")" = 0 ] && ok || bad "still a member"
[ "$(rows "SELECT count(*) FROM diagnoses WHERE organization_id = 1")" -ge 1 ] && ok || bad "withdrawing deleted the diagnoses"
m pool withdraw 1
expect_rc 2; expect_err "組織 1 は比較母集団に入っていません"
m pool withdraw 99
expect_rc 2
m --lang en pool withdraw
expect_rc 2; expect_err "usage: mamoru pool withdraw ORG_ID"

CASE="archiving keeps everything and marks the organisation; restoring brings it back"
m org archive 1
expect_rc 0; expect_out "組織をアーカイブしました"
m org show 1 --json
expect_json "d['archived'][:4]" '"20'"$(date -u +%y)"'"'
m org list
expect_out "アーカイブ済み"
m org restore 1
m org show 1 --json
expect_json "d['archived']" "null"
m org archive 99
expect_rc 2

CASE="a plan item is deleted by id"
m plan delete 2
expect_rc 0; expect_out "計画から削除しました"
[ "$(rows "SELECT id FROM plan_items ORDER BY id" | paste -sd ,)" = 1 ] && ok || bad "plan: $(rows "SELECT id FROM plan_items ORDER BY id" | paste -sd ,)"
m plan delete 2
expect_rc 2
m plan delete
expect_rc 2

CASE="deleting an organisation needs --yes and an existing id; refusals change nothing"
BEFORE=$(rows "SELECT (SELECT count(*) FROM organizations) || '/' || (SELECT count(*) FROM diagnoses) || '/' || (SELECT count(*) FROM plan_items)")
m org delete 1
expect_rc 2; expect_err "--yes"
m org delete 99 --yes
expect_rc 2; expect_err "組織 ID 99"
m org delete 1 --force
expect_rc 2
[ "$(rows "SELECT (SELECT count(*) FROM organizations) || '/' || (SELECT count(*) FROM diagnoses) || '/' || (SELECT count(*) FROM plan_items)")" = "$BEFORE" ] && ok || bad "a refused delete changed something"

CASE="a deleted organisation is gone: rows, pool, exports, the file; its member is disabled"
m diagnose benchmark --answers "$(level_file 4)" --save --org 1 --pool --respondent "山田花子"
m profile 1 sales=lt1b
[ "$(all_n)" = 2 ] && ok || bad "before deleting: $(all_n)"
m org delete 1 --yes
expect_rc 0; expect_out "組織とそのデータをすべて削除しました: 1 消える商事"
for t in organizations:id diagnoses:organization_id plan_items:organization_id org_profiles:organization_id drafts:organization_id pool_members:organization_id respondent_links:organization_id user_orgs:organization_id; do
	[ "$(rows "SELECT count(*) FROM ${t%%:*} WHERE ${t#*:} = 1")" = 0 ] && ok || bad "rows left in ${t%%:*}"
done
[ "$(rows "SELECT count(*) FROM diagnosis_answers WHERE diagnosis_id NOT IN (SELECT id FROM diagnoses)")" = 0 ] && ok || bad "orphan answers"
[ "$(all_n)" = 1 ] && ok || bad "the pool still counts the deleted company: $(all_n)"
[ "$(rows "SELECT disabled || coalesce(CAST(organization_id AS TEXT), 'none') FROM users WHERE email = 'member@example.test'")" = "1none" ] && ok || bad "the member account: $(rows "SELECT * FROM users")"
m export 1 --format json
expect_rc 2
# one company is left: too few to publish, so there is no file at all (and a file never names anyone)
m pool export "$TMP/pool.json"
expect_rc 2; expect_err "書き出すものがありません"
[ ! -e "$TMP/pool.json" ] || ! grep -q "消える商事\|山田花子" "$TMP/pool.json" && ok || bad "the pool file names the company"
case "$MAMORU_DB" in
postgres*) # PostgreSQL keeps a deleted row's bytes until VACUUM reuses them: ask the database itself
	dump "$MAMORU_DB" >"$TMP/dump.sql"
	grep -q "残る工業" "$TMP/dump.sql" && ! grep -q "山田花子" "$TMP/dump.sql" && ok || bad "the respondent's name is still in the database (or the dump is empty)" ;;
*)	sqlite3 "$MAMORU_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	grep -c "山田花子" "$MAMORU_DB" >/dev/null && bad "the respondent's name is still in the database file" || ok ;;
esac
m org show 2
expect_rc 0; expect_out "残る工業"
[ "$(rows "SELECT count(*) FROM diagnoses WHERE organization_id = 2")" = 1 ] && ok || bad "the other company lost its diagnosis"
m audit --json
expect_json "any(a['action'] == 'org.delete' and a['object'] == 'organization 1' for a in d)" "true"
case "$MAMORU_DB" in postgres*) ok ;; *) [ "$(rows "PRAGMA foreign_key_check")" = "" ] && ok || bad "foreign keys broken" ;; esac # PostgreSQL enforces them always

echo "delete-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
