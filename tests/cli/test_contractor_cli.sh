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
export MAMORU_CONTENT="$PWD/content"
. tests/cli/lib.sh
DB=$(test_db contractor)
m() { run "$BIN" --db "$DB" "$@"; }

CASE="questionnaires lists both, with their item counts"
m questionnaires
expect_rc 0
expect_out "contractor      委託先における情報セキュリティ対策事項（67 問, 30 分"
expect_out "cloud           クラウドサービス利用時の確認事項（15 問, 10 分"
m --lang en questionnaires
expect_out "Information-security requirements for contractors（67 questions"
expect_out "Checklist for using cloud services（15 questions"

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

echo "contractor-cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
