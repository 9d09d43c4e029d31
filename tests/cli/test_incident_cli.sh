#!/bin/bash
# test_incident_cli.sh — incident response through the command line (docs/incidents.md): a
# ransomware infection recorded with `mamoru incident add`, its level from the wizard's answers
# (the business affected: 2; customers too: 3), the malware runbook with its actors in the JSON
# other tools rely on ("level", "steps" with "actor", "text", "done"), steps ticked with who and
# when, the level decided again (done steps stay), a timeline entry, closing with the cause and
# measures that appear in the action plan; the emergency manual's role holders shown in the
# runbook; the IT-BCP checklist; long narratives kept whole and refused (not cut) over the
# limit; bad input changing nothing; deleting the organisation deleting its incidents; every
# change in the audit log. MAMORU_BIN picks the binary.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}"
. tests/cli/lib.sh
export MAMORU_DB; MAMORU_DB=$(test_db m)
m() { run "$BIN" "$@" </dev/null; }
rows() { sql "$MAMORU_DB" "$1"; }
# counts of what a refused command must not have changed
state() { rows "SELECT (SELECT count(*) FROM incidents) || '/' || (SELECT count(*) FROM incident_steps) || '/' || (SELECT count(*) FROM incident_events) || '/' || (SELECT count(*) FROM plan_items) || '/' || (SELECT coalesce(sum(done), 0) FROM incident_steps) || '/' || (SELECT coalesce($(agg "$MAMORU_DB" "level || status" , id), '') FROM incidents)"; }

m org add --name "株式会社みなと製作所" --industry E --employees 40
m org add --name "ほかの商事" --industry I --employees 10

CASE="ransomware stopping the business: the wizard's answers give level 2 and the malware runbook"
m incident add 1 --type malware --title "ランサムウェア感染（経理PC）" --impact business,staff-work --detected "2026-11-30 09:15" --reporter "経理 佐藤" --json
expect_rc 0
expect_json "d['level']" "2"
expect_json "d['type']" '"malware"'
expect_json "d['responder']['role_name']" '"対応責任者"'
expect_json "len(d['steps'])" "10"
expect_json "all({'actor', 'text', 'done'} <= set(s) for s in d['steps'])" "true"
expect_json "[s['actor'] for s in d['steps']]" '["発見者", "従業員", "従業員", "従業員", "従業員", "従業員", "従業員", "従業員", "従業員", "システム管理者"]'
expect_json "d['steps'][1]['text']" '"ネットワークからコンピューターを切断します。"'
expect_json "d['steps'][1]['number']" '"STEP1"'
expect_json "d['steps'][8]['details'][2]" '"ファイルが改ざん・暗号化・削除されている"'
expect_json "any(s['done'] for s in d['steps'])" "false"
expect_json "d['timeline'][0]['kind']" '"opened"'
expect_json "d['timeline'][0]['at']" '"2026-11-30 09:15"'
[ "$(rows "SELECT type || ' ' || level || ' ' || status FROM incidents WHERE id = 1")" = "malware 2 open" ] && ok || bad "stored row"

CASE="ransomware that reaches customers: level 3, 最高責任者"
m incident add 1 --type malware --title "取引先にも感染メール" --impact business,customers --json
expect_rc 0
expect_json "d['level']" "3"
expect_json "d['responder']['role']" '"top"'
m incident add 1 --type malware --title "個人情報が暗号化・流出" --impact personal-data --json
expect_json "d['level']" "3"

CASE="the level given directly, and in English"
m --lang en incident add 1 --type leak --title "USB stick lost" --level 2 --json
expect_rc 0
expect_json "d['level']" "2"
expect_json "d['type_name']" '"Leak or exfiltration"'
expect_json "d['steps'][0]['actor']" '"Discoverer"'
expect_json "d['steps'][1]['text']" '"The system administrator finds out where the information leaked to and reports to the response manager."'

CASE="no level and no terminal: level 1, and stderr says how to decide it"
m incident add 2 --type other --title "不審なメール" --json
expect_rc 0
expect_json "d['level']" "1"
expect_err "incident level"

CASE="the emergency manual names who responds; the runbook shows them"
m manual set 1 top.name="代表取締役 港 太郎" top.phone=090-1111-2222 manager.name="総務部長 山田" manager.mail=incident@minato.example sysadmin.name="情シス 鈴木" reviewed=2026-11-30 --json
expect_rc 0
expect_json "[r['name'] for r in d['manual']['roles'] if r['role'] == 'top'][0]" '"代表取締役 港 太郎"'
expect_json "[l['responder'] for l in d['manual']['levels']]" '["top", "manager", "sysadmin", "sysadmin"]'
m incident show 2 --json
expect_json "d['responder']['name']" '"代表取締役 港 太郎"'
expect_json "d['steps'][9]['holders'][0]['name']" '"情シス 鈴木"'
m manual show 1
expect_out "対応責任者: 総務部長 山田"
expect_out "被害レベル 3: 顧客、取引先、株主などに影響が及ぶとき / 個人情報が漏えいしたとき → 最高責任者"
expect_out "https://www.ppc.go.jp/"

CASE="steps ticked with who and when; the timeline says so"
m incident step 1 2 --by "経理 佐藤" --at "2026-11-30 09:20" --note "LANケーブルを抜いた" --json
expect_rc 0
expect_json "d['steps'][1]['done']" "true"
expect_json "d['steps'][1]['done_by']" '"経理 佐藤"'
expect_json "d['steps'][1]['done_at']" '"2026-11-30 09:20"'
expect_json "d['steps'][1]['note']" '"LANケーブルを抜いた"'
expect_json "d['steps_done']" "1"
expect_json "[e['kind'] for e in d['timeline']]" '["opened", "step"]'
m incident step 1 3 --json
expect_json "d['steps'][2]['done_by']" '"cli"'
expect_json "len(d['steps'][2]['done_at'])" "16"
m incident step 1 3 --undo --json
expect_json "d['steps'][2]['done']" "false"
expect_json "d['steps'][2]['done_at']" "null"
m incident log 1 "警視庁 サイバー犯罪対策課に電話で相談" --at "2026-11-30 10:00" --json
expect_json "[e['text'] for e in d['timeline'] if e['kind'] == 'note']" '["警視庁 サイバー犯罪対策課に電話で相談"]'

CASE="the level decided again: the done step stays done, the timeline records it"
m incident level 1 --impact customers --json
expect_rc 0
expect_json "d['level']" "3"
expect_json "[s['key'] for s in d['steps'] if s['done']]" '["malware-disconnect"]'
expect_json "len(d['steps'])" "10"
expect_json "[e['text'] for e in d['timeline'] if e['kind'] == 'level']" '["2>3"]'

CASE="a step of the company's own"
m incident step-add 1 --actor "総務部" --text "取引先に感染メールへの注意を連絡する" --json
expect_json "d['steps'][-1]['actor']" '"総務部"'
expect_json "d['steps'][-1]['own']" "true"
expect_json "d['steps'][-1]['position']" "11"

CASE="a long narrative is kept whole; one over the limit is refused, nothing cut or changed"
python3 -c "print('あ' * 20000, end='')" >"$TMP/long.txt"
m incident edit 1 --description-file "$TMP/long.txt" --json
expect_rc 0
expect_json "len(d['description'])" "20000"
[ "$(rows "SELECT length(description) FROM incidents WHERE id = 1")" = 20000 ] && ok || bad "stored length"
python3 -c "print('あ' * 20001, end='')" >"$TMP/longer.txt"
before=$(state)
m incident edit 1 --description-file "$TMP/longer.txt"
expect_rc 2
expect_err "20001 文字、上限 20000 文字"
[ "$(rows "SELECT length(description) FROM incidents WHERE id = 1")" = 20000 ] && ok || bad "description changed"

CASE="bad input changes nothing"
m incident add 1 --type fire --title "火災"
expect_rc 2; expect_err "type"
m incident add 1 --type leak --title "x" --level 4
expect_rc 2; expect_err "level"
m incident add 1 --type leak --title "x" --impact weather
expect_rc 2; expect_err "impact"
m incident add 1 --type leak --title "x" --level 2 --impact business
expect_rc 2
m incident add 1 --type leak --title "x" --level 2 --asset 99
expect_rc 2; expect_err "asset"
m incident add 1 --type leak --title "x" --level 2 --detected "yesterday"
expect_rc 2; expect_err "detected"
m incident add 9 --type leak --title "x" --level 2
expect_rc 2
m incident step 1 99
expect_rc 2; expect_err "step"
m incident step 1 2 --at "2026-13-01 00:00"
expect_rc 2
m incident close 1 --measure "UTMを導入する"
expect_rc 2; expect_err "cause"
m incident close 1 --cause "x" --due 2027-02-30
expect_rc 2; expect_err "due"
[ "$(state)" = "$before" ] && ok || bad "state changed: $before -> $(state)"

CASE="closing: cause and measures, each measure an action-plan item"
m incident close 1 --cause "ウイルス定義ファイルが古く、添付ファイルを開いた" --measure "UTMを導入する" --measure "従業員教育を年2回行う" --owner "総務部長 山田" --due 2027-03-31 --json
expect_rc 0
expect_json "d['status']" '"closed"'
expect_json "d['measures']" '["UTMを導入する", "従業員教育を年2回行う"]'
expect_json "d['cause']" '"ウイルス定義ファイルが古く、添付ファイルを開いた"'
m plan 1 --json
expect_json "[p['text'] for p in d]" '["UTMを導入する", "従業員教育を年2回行う"]'
expect_json "[p['owner'] for p in d]" '["総務部長 山田", "総務部長 山田"]'
expect_json "[p['due'] for p in d]" '["2027-03-31", "2027-03-31"]'
[ "$(rows "SELECT count(*) FROM plan_items WHERE questionnaire = 'incident' AND organization_id = 1")" = 2 ] && ok || bad "plan rows"
m plan 1
expect_out "UTMを導入する"
m incident close 1 --cause "again"
expect_rc 2
m incident step 1 4
expect_rc 2; expect_err "再開"
m incident reopen 1 --json
expect_json "d['status']" '"open"'
m incident close 1 --cause "同じ" --measure "UTMを導入する" --json
expect_rc 0
[ "$(rows "SELECT count(*) FROM plan_items WHERE questionnaire = 'incident' AND organization_id = 1")" = 2 ] && ok || bad "planned twice"

CASE="the list, newest first"
m incident list 1 --json
expect_json "[x['id'] for x in d['incidents']]" "[4, 3, 2, 1]"
expect_json "d['incidents'][3]['status']" '"closed"'
m incident list 1
expect_out "#1 [完了]"

CASE="the IT-BCP checklist with owners"
m bcp set 1 step1 --owner "総務部長 山田" --done --on 2026-11-30 --note "基本方針を決めた" --json
expect_rc 0
expect_json "[s['done'] for s in d['bcp']]" "[true, false, false, false, false]"
expect_json "d['bcp'][0]['owner']" '"総務部長 山田"'
expect_json "d['bcp'][2]['name']" '"分析、課題の抽出"'
m bcp set 1 step9 --done
expect_rc 2
m bcp show 1
expect_out "[x] STEP1 環境整備"

CASE="every change is in the audit log"
m audit --org 1 --json
for a in incident.add incident.step incident.level incident.note incident.update incident.close incident.reopen manual.update bcp.update plan.add; do
	case "$OUT" in *"\"$a\""*) ok ;; *) bad "no $a in the audit log" ;; esac
done

CASE="deleting the organisation deletes its incidents, steps, timeline, manual and checklist"
m org delete 1 --yes
expect_rc 0
[ "$(rows "SELECT (SELECT count(*) FROM incidents WHERE organization_id = 1) + (SELECT count(*) FROM incident_steps WHERE incident_id <= 4) + (SELECT count(*) FROM incident_events WHERE incident_id <= 4) + (SELECT count(*) FROM emergency_roles) + (SELECT count(*) FROM emergency_manuals) + (SELECT count(*) FROM bcp_steps)")" = 0 ] && ok || bad "rows left"
[ "$(rows "SELECT count(*) FROM incidents WHERE organization_id = 2")" = 1 ] && ok || bad "the other organisation's incident"
m incident show 1
expect_rc 2

echo "incident-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
