#!/bin/bash
# test_contractor_cli.sh — the contractor requirements (questionnaire `contractor`, 67 items in 9
# sections) and the cloud-service checklist (`cloud`, 15 items) at the command line: listed,
# shown and answered like the other questionnaires, in Japanese and English.
# MAMORU_BIN picks the binary (e.g. the ASan build).
set -u
cd "$(dirname "$0")/../.."
BIN=${MAMORU_BIN:-./mamoru}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MAMORU_CONTENT="${MAMORU_CONTENT:-$PWD/content}"
. tests/cli/lib.sh
DB=$(test_db contractor)
m() { run "$BIN" --db "$DB" "$@"; }

CASE="questionnaires lists both, with their item counts"
m questionnaires
expect_rc 0
expect_out "contractor      委託先における情報セキュリティ対策事項（67 問, 30 分"
expect_out "cloud           クラウドサービス利用時の確認事項（15 問, 10 分"
m --lang en questionnaires
expect_out "Information-security requirements for contractors (67 questions"
expect_out "Checklist for using cloud services (15 questions"

CASE="show contractor --json: 67 items in 9 sections, the seed's texts"
m show contractor --json
expect_rc 0
expect_json "len(d['questions'])" "67"
expect_json "len(set(q['category'] for q in d['questions']))" "9"
expect_json "d['questions'][13]['text']" '"機密情報を扱う業務の担当を外れた従業者(管理責任者を含む)が保有していた機密情報の廃棄・消去を確認すること。"'
expect_json "[o['id'] for o in d['questions'][0]['options']]" '["yes", "partly", "no", "na"]'

CASE="show cloud lists the 15 checks under the three headings"
m show cloud
expect_rc 0
expect_out "【選択するときのポイント】"
expect_out "【運用するときのポイント】"
expect_out "【セキュリティ管理のポイント】"
expect_out "15. 【データ保存先の地理的所在地を確認する】データがどの国や地域に設置されたサーバーに保存されているか確認しましたか？"
m --lang en show cloud
expect_out "[Authenticate users strictly]"

CASE="diagnose contractor: every item done is 134 of 134, the top band"
m show contractor --json
{ echo "question,answer"; printf '%s' "$OUT" | python3 -c "import json,sys; [print(q['id']+',yes') for q in json.load(sys.stdin)['questions']]"; } >"$TMP/c-yes.csv"
m diagnose contractor --answers "$TMP/c-yes.csv" --json
expect_rc 0
expect_json "[d['total'], d['max'], d['band']['id']]" '[134, 134, "all"]'

CASE="diagnose contractor: 該当しない counts as full points, 実施していない as none"
python3 - "$TMP/c-yes.csv" "$TMP/c-mixed.csv" <<'PY'
import sys
rows = open(sys.argv[1]).read().splitlines()
out = [rows[0]]
for i, r in enumerate(rows[1:]):
    q = r.split(',')[0]
    out.append(q + ',' + ('該当しない' if q.startswith('1.2-') else '実施していない' if q.startswith('5.1-') else '一部実施している' if q == '2.1-1' else 'yes'))
open(sys.argv[2], 'w').write('\n'.join(out) + '\n')
PY
m diagnose contractor --answers "$TMP/c-mixed.csv" --json
expect_rc 0
expect_json "[d['total'], d['max']]" '[125, 134]'

CASE="diagnose cloud: an unknown option is refused, naming the question"
printf 'question,answer\n1,yes\n2,maybe\n' >"$TMP/k-bad.csv"
m diagnose cloud --answers "$TMP/k-bad.csv"
expect_rc 2
expect_err "maybe"

CASE="diagnose cloud: 12 of 15 checked is the second band"
{ echo "question,answer"; for i in $(seq 1 15); do if [ "$i" -le 12 ]; then echo "$i,確認済み"; else echo "$i,no"; fi; done; } >"$TMP/k.csv"
m diagnose cloud --answers "$TMP/k.csv" --json
expect_rc 0
expect_json "[d['total'], d['max'], d['band']['id']]" '[12, 15, "most"]'

# ---- the contractor register, requests and the clause builder ----

m org add --name "株式会社みなと製作所"
CASE="contractor add: a bad date is refused, naming the field, and nothing is stored"
m contractor add 1 --name "データ入力株式会社" --contract-end 2027-02-30
expect_rc 2
expect_err "contract_end"
m contractor list 1 --json
expect_json "len(d['contractors'])" "0"

CASE="contractor add: an end before the start is refused"
m contractor add 1 --name "データ入力株式会社" --contract-start 2027-04-01 --contract-end 2026-03-31
expect_rc 2
expect_err "契約終了日が開始日より前です"

CASE="contractor add: no name is refused"
m contractor add 1 --contact "佐藤"
expect_rc 2
expect_err "name"

CASE="contractor add and list, a past review date is due"
m contractor add 1 --name "データ入力株式会社" --contact "佐藤 03-1111-2222" --handles "顧客名簿の入力" \
	--contract-start 2026-04-01 --contract-end 2027-03-31 --review-due 2026-01-15 --note "年1回訪問"
expect_rc 0
expect_out "委託先を追加しました 1"
m contractor list 1 --json
expect_json "[(c['name'], c['contract_end'], c['review_is_due']) for c in d['contractors']]" '[["データ入力株式会社", "2027-03-31", true]]'
m --lang en contractor list 1
expect_out "Contractors"
expect_out "[review due]"

CASE="contractor edit moves the review date; bad input changes nothing"
m contractor edit 1 --review-due 2099-01-01
expect_rc 0
m contractor edit 1 --review-due soon --note "変えない"
expect_rc 2
expect_err "review_due"
m contractor show 1 --json
expect_json "[d['review_due'], d['review_is_due'], d['note']]" '["2099-01-01", false, "年1回訪問"]'

CASE="contractor send: an unknown item is refused, no link is made"
m contractor send 1 --items "1.1-1,9.9"
expect_rc 2
expect_err "9.9"
[ "$(sql "$DB" "select count(*) from respondent_links")" = 0 ] && ok || bad "a link was made"

CASE="contractor send: sections and items make one request and one link"
m contractor send 1 --items "1.1-1,1.2,5.1-3" --days 7
expect_rc 0
expect_out "（10 項目）"
TOKEN=$(echo "$OUT" | tail -1)
case "$TOKEN" in /r/*) ok ;; *) bad "no link: $OUT" ;; esac
[ "$(sql "$DB" "select scope || '|' || questionnaire from respondent_links")" = "データ入力株式会社|contractor" ] && ok || bad "link row"
m contractor show 1 --json
expect_json "[(r['status'], r['count'], r['items'][0]['id'], r['items'][-1]['id']) for r in d['requests']]" '[["sent", 10, "1.1-1", "5.1-3"]]'

CASE="contractor review before any answer is refused"
m contractor review 1 --note "確認"
expect_rc 2
expect_err "まだ回答していません"

CASE="contractor clause: the parties, dates and chosen clauses, verbatim"
m contractor clause 1 --date 2026-04-01 --report-by 2026-04-30 --years 3 --related damages,disputes
expect_rc 0
expect_out "甲：株式会社みなと製作所（委託元）"
expect_out "乙：データ入力株式会社（委託先）"
expect_out "締結日：2026年4月1日"
expect_out "第1条（機密保持）"
expect_out "1．乙は、本契約の履行にあたり、甲が機密である旨指定して開示する情報および本契約の履行により生じる情報（以下「機密情報」という）を機密として取扱い、甲の事前の書面による承諾なく第三者に開示してはならない。"
expect_out "(3) 機密情報の管理責任者名、機密情報を取り扱う従業員名及び機密情報の保管場所を、2026年4月30日までに甲に報告する。"
expect_out "第2条（再委託）"
expect_out "第1条（機密保持）第 3 項の具体的管理状況の報告時にあわせて甲に報告する。"
expect_out "第1条（機密保持）の規定は、業務委託期間終了又は本契約の解除後3年間有効とする。"
expect_out "第　条（損害賠償）、第　条（紛争の解決）の規定は"
expect_no_out "成果の帰属"

CASE="contractor clause: without 再委託 the survival article is 第2条; --json"
m contractor clause 1 --clauses survival --first-article 7 --client "甲社" --json
expect_rc 0
expect_json "[(a['id'], a['article']) for a in d['articles']]" '[["confidentiality", 7], ["survival", 8]]'
expect_json "'第7条（機密保持）' in d['text'] and '再委託' not in d['text'] and d['client'] == '甲社'" "true"

CASE="contractor clause: bad input is refused"
m contractor clause 1 --clauses nda
expect_rc 2
expect_err "nda"
m contractor clause 1 --years 0
expect_rc 2
expect_err "years"

CASE="contractor clause in English"
m --lang en contractor clause 1 --date 2026-04-01
expect_out "A: 株式会社みなと製作所 (client)"
expect_out "Article 1 (Confidentiality)"

# ---- cloud services ----

CASE="cloud add and check: the checklist saved with the service as scope"
m cloud add 1 --name "クラウド会計" --provider "会計サービス株式会社" --purpose "経理・給与"
expect_rc 0
m cloud list 1 --json
expect_json "[(c['name'], c['last_check'], c['review_is_due']) for c in d['cloud_services']]" '[["クラウド会計", null, true]]'
m cloud check 1 --answers "$TMP/k.csv" --respondent 山田 --json
expect_rc 0
expect_json "[d['total'], d['max'], d['band']]" '[12, 15, "most"]'
[ "$(sql "$DB" "select scope || '|' || questionnaire || '|' || total from diagnoses order by id desc limit 1")" = "クラウド会計|cloud|12" ] && ok || bad "diagnosis row"
m cloud show 1 --json
expect_json "[d['last_check']['total'], d['review_is_due'], len(d['review_due'])]" '[12, false, 10]'

CASE="cloud check: a bad answer file changes nothing"
m cloud check 1 --answers "$TMP/k-bad.csv"
expect_rc 2
printf 'question,answer\n1,yes\n2,no\n' >"$TMP/k-part.csv"   # a partial check: every item, or nothing
m cloud check 1 --answers "$TMP/k-part.csv"
expect_rc 2
expect_err "未回答"
[ "$(sql "$DB" "select count(*) from diagnoses where questionnaire = 'cloud'")" = 1 ] && ok || bad "a diagnosis was saved"

CASE="cloud and contractor delete need --yes; deleting the organisation takes them"
m cloud delete 1
expect_rc 2
m contractor delete 1
expect_rc 2
m org delete 1 --yes
expect_rc 0
[ "$(sql "$DB" "select (select count(*) from contractors) + (select count(*) from contractor_requests) + (select count(*) from cloud_services)")" = 0 ] && ok || bad "rows left"

CASE="an unknown id is not found"
m contractor show 99
expect_rc 2
expect_err "99"
m cloud show 99
expect_rc 2

echo "contractor-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
