#!/bin/bash
# test_polish_http.sh — issue 17's everyday polish as a person meets it in the browser (HTTP):
# the organisation and profile forms keep what was typed and name every problem by its field,
# numbers as people write them (２０人, 1,000万円), times in Japan's local time and style,
# the diagnosis flow (Enter never goes back, attaching a result, an unknown organisation,
# starting from the last answers), the site roll-up and history, the action plan, search and
# the knowledge pages.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db polish)
"$BIN" --db "$DB" org add --name "株式会社みなと製作所" --industry E --employees 45 >/dev/null
add_user --db "$DB" viewer@example.test viewer
start_server --db "$DB"
TOKEN=$(csrf_token)
# post URL FIELD=VALUE... : a form post with the session's CSRF token
post() { u=$1; shift; local a=(); for kv in "$@"; do a+=(--data-urlencode "$kv"); done; get "$u" -X POST --data-urlencode "csrf=$TOKEN" "${a[@]}"; }
backdate() { backdate_diag "$DB" "$@"; } # ID ISO: as if the clock had said so
# org_field ID FIELD : the organisation as the API gives it
org_field() { "$BIN" --db "$DB" org show "$1" --json | python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$2"; }

# ---------------------------------------------------------------- organisation form
CASE="a refused organisation form keeps every value and names every problem at its field"
post /organizations name="株式会社テスト" industry=E employees="二十人" capital="たくさん" prefecture="東京" sites="0"
expect_code 422
expect_out 'id="form-errors"'
expect_out '<li><a href="#f-employees">従業員数</a>: 「二十人」を人数として読めません'
expect_out '<li><a href="#f-capital">資本金</a>: 「たくさん」を金額として読めません'
expect_out '<li><a href="#f-prefecture">都道府県</a>: 都道府県名'
expect_out '<li><a href="#f-sites">拠点数</a>:'
expect_out 'name="name" value="株式会社テスト"'
expect_out 'name="employees" value="二十人" aria-invalid="true"'
expect_out 'name="capital" value="たくさん" aria-invalid="true"'
expect_out 'name="prefecture" value="東京" aria-invalid="true"'
expect_out 'name="sites" value="0" aria-invalid="true"'
expect_out '<option value="E" selected>'
expect_out '<span class="error" id="e-employees">「二十人」を人数として読めません'
expect_no_out 'employees:'
expect_no_out 'capital:'
[ "$(sql "$DB" "SELECT count(*) FROM organizations")" = 1 ] && ok || bad "a refused form stored a row"

CASE="numbers as people write them: ２０人, 1,000万円, 1億2,000万円, ３拠点; the unit is shown"
post /organizations name="株式会社かな" employees="２０人" capital="1,000万円" sites="３拠点"
expect_code 303
[ "$(org_field 2 employees)|$(org_field 2 capital)|$(org_field 2 sites)" = "20|10000000|3" ] && ok || bad "stored $(org_field 2 employees)|$(org_field 2 capital)|$(org_field 2 sites)"
get /organizations/2
expect_out '<dd id="capital">10,000,000円</dd>'
expect_out '20人'
expect_out 'name="capital" value="10,000,000" aria-describedby="h-capital" inputmode="numeric" class="num"><span class="unit">円</span>'
post /organizations/2 name="株式会社かな" employees="1,200名" capital="1億2,000万円" sites="3"
expect_code 303
expect_hdr 'location: /organizations/2?saved=1'
[ "$(org_field 2 employees)|$(org_field 2 capital)" = "1200|120000000" ] && ok || bad "stored $(org_field 2 employees)|$(org_field 2 capital)"
get /organizations/2?saved=1
expect_out 'id="saved">保存しました。'
expect_out '120,000,000円'
expect_out '1,200人'
get "/organizations/2?lang=en"
expect_out '120,000,000 yen'
expect_out '1,200 people'
expect_out '<span class="unit">yen</span>'
get "/?lang=ja"
post /organizations/2 name="株式会社かな" capital="1.5億円"
expect_code 303
[ "$(org_field 2 capital)" = 150000000 ] && ok || bad "1.5億円 stored as $(org_field 2 capital)"
post /organizations/2 name="" capital="2000万1億"
expect_code 422
expect_out '<li><a href="#f-name">会社名</a>: 会社名を入れてください'
expect_out '<li><a href="#f-capital">資本金</a>:'
[ "$(org_field 2 name)" = "株式会社かな" ] && ok || bad "a refused edit changed the name"

CASE="the profile form names every unanswered question at the question, never by its id, and keeps the choices"
post /organizations/1/profile sales=lt1b personal_info=ge10k
expect_code 422
expect_out 'id="form-errors"'
expect_out '<li><a href="#p-secrets">営業秘密・技術情報など、漏れると事業に響く重要な情報</a>: 選んでください（未回答です）</li>'
expect_out '<li><a href="#p-incidents">'
expect_out '<fieldset class="q" id="p-secrets" aria-invalid="true" aria-describedby="pe-secrets">'
expect_out '<span class="error" id="pe-secrets">選んでください（未回答です）</span>'
expect_out 'name="sales" value="lt1b" checked'
expect_out 'name="personal_info" value="ge10k" checked'
expect_no_out 'secrets:'
expect_no_out ': secrets'
n=$(printf '%s' "$OUT" | grep -o 'aria-invalid="true"' | wc -l)
[ "$n" -ge 10 ] && ok || bad "only $n questions marked"
[ "$(sql "$DB" "SELECT count(*) FROM org_profiles")" = 0 ] && ok || bad "a refused profile was stored"

# ---------------------------------------------------------------- dates
CASE="times are stored in UTC and shown in Japan time, Japanese style: 23:10 UTC is 08:10 the next morning"
"$BIN" --db "$DB" diagnose jisha-shindan --answers examples/jisha-shindan.csv --save --org 1 --scope 本社 --respondent 山田 --role executive >/dev/null
backdate 1 2026-11-29T23:10:00Z
[ "$(sql "$DB" "SELECT created_at FROM diagnoses WHERE id = 1")" = "2026-11-29T23:10:00Z" ] && ok || bad "not stored in UTC"
get /organizations/1/history
expect_out '2026年11月30日 08:10'
expect_no_out '2026-11-29T23:10:00Z'
get /diagnoses/1
expect_out '2026年11月30日 08:10'
expect_no_out 'T23:10:00Z'
get "/diagnoses/1?lang=en"
expect_out '30 Nov 2026, 08:10'
get "/?lang=ja"
get /
expect_out '2026年11月30日'

# ---------------------------------------------------------------- the diagnosis flow
draft_of() { printf '%s' "$OUT" | grep -o 'data-draft="[0-9a-f]*"' | head -1 | sed 's/.*="//; s/"$//'; }
CASE="Enter on the last step goes forward: the finish button is the form's first, and a post without a button finishes"
get /diagnose/jisha-shindan
expect_code 200
D=$(draft_of)
post /diagnose/jisha-shindan draft="$D" step=0 go=next a.1=yes a.2=no
expect_code 303
get "/diagnose/jisha-shindan?draft=$D&step=1"
expect_out '<span id="answered">2</span> / 25'
buttons=$(printf '%s' "$OUT" | grep -o '<button type="submit" name="go" value="[a-z_]*"' | sed 's/.*value="//; s/"$//' | tr '\n' ' ')
[ "$buttons" = "finish back " ] && ok || bad "buttons in form order: $buttons"
expect_out '<label class="check"><input type="checkbox" name="pool" value="1">'
# what a browser sends for Enter in 回答者 when no button is named: the answers, never a step back
post /diagnose/jisha-shindan draft="$D" step=1 scope=本社 respondent=佐藤
expect_code 200
expect_out 'id="open-questions"'
expect_out 'value="finish_gaps"' # the finish, asking about the open questions: not a step back
post /diagnose/jisha-shindan draft="$D" step=1 scope=本社 respondent=佐藤 go=finish_gaps
expect_code 303
ANON=$(printf '%s' "$HDR" | grep -i '^location:' | grep -o '/diagnoses/[0-9]*' | grep -o '[0-9]*$')
[ "$(sql "$DB" "SELECT coalesce(organization_id, 0) || '|' || respondent FROM diagnoses WHERE id = $ANON")" = "0|佐藤" ] && ok || bad "the anonymous result $ANON was not stored as typed"

CASE="an unknown organisation in ?org= is refused with a clear message, not turned into an anonymous diagnosis"
get "/diagnose/jisha-shindan?org=999"
expect_code 404
expect_out '組織「999」はありません'
expect_no_out 'data-draft='
get "/diagnose/jisha-shindan?org=abc"
expect_code 400

CASE="an anonymous result is given to an organisation afterwards"
get /diagnoses/$ANON
expect_out '<section class="noprint" id="attach"><h2>この結果を組織に登録する</h2>'
expect_out '<option value="1">株式会社みなと製作所</option>'
post /diagnoses/$ANON/attach org=1
expect_code 303
NEW=$(printf '%s' "$HDR" | grep -i '^location:' | grep -o '/diagnoses/[0-9]*' | grep -o '[0-9]*$')
expect_hdr "location: /diagnoses/$NEW?attached=1"
[ "$(sql "$DB" "SELECT organization_id || '|' || respondent || '|' || scope FROM diagnoses WHERE id = $NEW")" = "1|佐藤|本社" ] && ok || bad "not attached"
[ "$(sql "$DB" "SELECT count(*) FROM diagnoses WHERE organization_id IS NULL")" = 0 ] && ok || bad "the anonymous copy stayed"
get "/diagnoses/$NEW?attached=1"
expect_out 'id="attached">この結果を組織に登録しました。'
expect_out '<a href="/organizations/1">株式会社みなと製作所</a>'
expect_no_out 'id="attach"'
post /diagnoses/$NEW/attach org=2
expect_code 409
post /diagnoses/$NEW/attach org=999
[ "$CODE" = 409 ] || [ "$CODE" = 422 ] && ok || bad "HTTP $CODE"
[ "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'diagnosis.attach'")" = 1 ] && ok || bad "no audit entry"

CASE="a second round starts from the last answers (前回の回答から始める)"
get "/diagnose/jisha-shindan?org=1"
expect_out 'id="from-last"'
expect_out '前回の回答から始める'
FROM=$(printf '%s' "$OUT" | grep -o 'name="from" value="[0-9]*"' | sed 's/.*value="//; s/"$//')
[ "$FROM" = "$NEW" ] && ok || bad "offered diagnosis $FROM, the latest is $NEW"
[ "$(printf '%s' "$OUT" | grep -c 'name="draft"')" = 1 ] && ok || bad "the offer carries a second draft field"
get "/diagnose/jisha-shindan?org=1&lang=en"
expect_out 'already chosen and change only what has changed ('
expect_out ': 4 / 100)</p>'
expect_no_out '、4 / 100'
expect_out 'id="who">admin@example.test</a> (administrator) <form'
expect_no_out '（administrator）'
get "/?lang=ja"
expect_out 'id="who">admin@example.test</a>（管理者） <form'
post /diagnose/jisha-shindan org=1 from="$FROM" go=prefill
expect_code 303
D=$(printf '%s' "$HDR" | grep -i '^location:' | grep -o 'draft=[0-9a-f]*' | sed 's/draft=//')
expect_hdr "location: /diagnose/jisha-shindan?draft=$D&step=0&prefilled=1"
get "/diagnose/jisha-shindan?draft=$D&step=0&prefilled=1"
expect_out 'id="prefilled"'
expect_out '<span id="answered">2</span> / 25'
expect_out 'name="a.1" value="yes" checked'
expect_out 'name="a.2" value="no" checked'
post /diagnose/jisha-shindan org=1 from=1 go=prefill
expect_code 409
post /diagnose/jisha-shindan org=999 from="$FROM" go=prefill
expect_code 409

# ---------------------------------------------------------------- site roll-up and history
CASE="the roll-up uses each site's latest sheet, whoever answered it, and says which it used"
"$BIN" --db "$DB" org add --name "医療法人みなと" --industry P --employees 40 >/dev/null # organisation 3
all() { python3 -c "import json,sys; print(json.dumps({'answers': {str(i): sys.argv[1] for i in range(1, 26)}}))" "$2" >"$TMP/$1.json"; }
all yes yes; all no no
save3() { "$BIN" --db "$DB" diagnose jisha-shindan --answers "$TMP/$1.json" --save --org 3 --round 2026-10 --scope "$2" --respondent "$3" --role "$4" >/dev/null; }
save3 no 本院 佐藤 staff
H1=$(sql "$DB" "SELECT max(id) FROM diagnoses")
save3 yes 本院 鈴木 manager
H2=$(sql "$DB" "SELECT max(id) FROM diagnoses")
save3 yes 分院 田中 staff
"$BIN" --db "$DB" diagnose jisha-shindan --answers "$TMP/no.json" --save --org 3 --round 2026-11 --scope 本院 --respondent 鈴木 --role manager >/dev/null
echo '{"answers": {"1-1": "yes"}}' >"$TMP/cl.json"
"$BIN" --db "$DB" diagnose checklist --answers "$TMP/cl.json" --save --org 3 --scope 本院 >/dev/null 2>&1 # a second questionnaire: a second chart
[ "$(sql "$DB" "SELECT count(DISTINCT questionnaire) FROM diagnoses WHERE organization_id = 3")" = 2 ] && ok || bad "the checklist was not saved"
get /organizations/3/history
expect_code 200
expect_out '<strong class="rollup-total">100 / 100</strong>'
expect_out '<h3>集計に使ったシート（各拠点の最新の回答）</h3>'
expect_out "<li><a href=\"/diagnoses/$H2\">本院 鈴木（管理者）"
expect_out "<li><a href=\"/diagnoses/$H1\">本院 佐藤（従業員）"
expect_out '置き換えたシート: 鈴木'
rollup_used=$(printf '%s' "$OUT" | sed -n 's/.*<ul class="rollup-used">\(.*\)<\/ul>.*/\1/p' | grep -o '<li>' | wc -l)
[ "$rollup_used" -ge 2 ] && ok || bad "sheets used: $rollup_used"
CASE="前回比 per site: the redo by another role compares with the site's last result"
row=$(printf '%s' "$OUT" | grep -o "<tr id=\"d-$H2\">.*" | sed 's/<\/tr>.*//')
case "$row" in *'<td data-label="前回比" class="change"><strong>+100</strong>'*) ok ;; *) bad "row $H2: $(printf '%s' "$row" | tail -c 300)" ;; esac
CASE="one trend line per site and the company's, x labels as months, the last one inside the chart, no duplicate ids"
printf '%s' "$OUT" | grep -q '>会社全体（拠点別の集計）</text>' && ok || bad "no company line in the legend"
printf '%s' "$OUT" | grep -q '>本院</text>' && printf '%s' "$OUT" | grep -q '>分院</text>' && ok || bad "no line per site"
printf '%s' "$OUT" | grep -q 'text-anchor="end">2026年11月</text>' && ok || bad "the last month label is not anchored at its end"
dups=$(printf '%s' "$OUT" | grep -o ' id="[^"]*"' | sort | uniq -d)
[ -z "$dups" ] && ok || bad "duplicate ids: $dups"
printf '%s' "$OUT" | grep -q 'id="tt"' && bad "id=tt is back" || ok
"$BIN" --db "$DB" history 3 >"$TMP/h3.txt"
grep -q "集計に使っていないシート" "$TMP/h3.txt" && grep -q "ID $H1 → ID $H2" "$TMP/h3.txt" && ok || bad "the CLI roll-up does not name the sheet left out: $(cat "$TMP/h3.txt" | head -40)"
"$BIN" --db "$DB" history 3 --json >"$TMP/h3.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=[x for x in d['rollups'] if x['round']=='2026-10'][0]; assert r['total']==100 and r['left_out'][0]['diagnosis_id']==int(sys.argv[2]) and r['left_out'][0]['replaced_by']==int(sys.argv[3])" "$TMP/h3.json" "$H1" "$H2" && ok || bad "history --json: $(head -c 400 "$TMP/h3.json")"

# ---------------------------------------------------------------- action plan
CASE="adding to the plan says so, and adding the same question twice says it is there already"
post /organizations/1/plan questionnaire=jisha-shindan question=1 owner=山田
expect_code 303
P1=$(sql "$DB" "SELECT id FROM plan_items WHERE organization_id = 1 AND question = '1'")
expect_hdr "location: /organizations/1?plan=added&item=$P1#plan"
post /organizations/1/plan questionnaire=jisha-shindan question=1 owner=別人
expect_code 303
expect_hdr "location: /organizations/1?plan=exists&item=$P1#plan"
[ "$(sql "$DB" "SELECT count(*) || min(owner) FROM plan_items WHERE organization_id = 1 AND question = '1'")" = "1山田" ] && ok || bad "the second add changed the plan"
get "/organizations/1?plan=exists&item=$P1"
expect_out 'id="plan-notice">この設問はすでに計画にあります。新しく追加はしていません。 <a href="#p-'"$P1"'">その項目を見る</a>'
post /organizations/1/plan questionnaire=jisha-shindan question=14 note="見積を依頼する"
P2=$(sql "$DB" "SELECT id FROM plan_items WHERE organization_id = 1 AND question = '14'")
[ "$(sql "$DB" "SELECT note FROM plan_items WHERE id = $P2")" = "見積を依頼する" ] && ok || bad "the note of a new item was not kept"

CASE="the plan is one form: edits in every row are saved together, with a message"
get /organizations/1
expect_out '<form method="post" action="/organizations/1/plan/save" class="plan-form" id="plan-form">'
first=$(printf '%s' "$OUT" | sed 's/.*id="plan-form">//' | grep -o '<button type="submit" name="[a-z]*" value="[a-z0-9]*"' | head -1)
[ "$first" = '<button type="submit" name="go" value="save"' ] && ok || bad "the plan form's first button is $first (Enter would press it)"
post /organizations/1/plan/save "status.$P1=doing" "owner.$P1=佐藤" "due.$P1=" "note.$P1=" "status.$P2=todo" "owner.$P2=鈴木" "due.$P2=2030-01-31" "note.$P2=業者に相談
来週に決める" go=save
expect_code 303
expect_hdr "location: /organizations/1?plan=saved&n=2#plan"
[ "$(sql "$DB" "SELECT status || owner FROM plan_items WHERE id = $P1")|$(sql "$DB" "SELECT owner || due FROM plan_items WHERE id = $P2")" = "doing佐藤|鈴木2030-01-31" ] && ok || bad "not both rows saved"
[ "$(sql "$DB" "SELECT note FROM plan_items WHERE id = $P2")" = "業者に相談
来週に決める" ] && ok || bad "the note lost its line break"
get "/organizations/1?plan=saved&n=2"
expect_out 'id="plan-notice">計画を保存しました。変更した項目（2）</p>'
expect_out '業者に相談'

CASE="a refused row keeps every row's typing and saves nothing"
post /organizations/1/plan/save "status.$P1=done" "owner.$P1=高橋" "due.$P1=" "note.$P1=" "status.$P2=todo" "owner.$P2=鈴木" "due.$P2=2030-13-45" "note.$P2=x" go=save
expect_code 422
expect_out 'value="高橋"'
expect_out 'value="2030-13-45" aria-invalid="true"><span class="error">期限は YYYY-MM-DD の形の日付にしてください</span>'
[ "$(sql "$DB" "SELECT status || owner FROM plan_items WHERE id = $P1")" = "doing佐藤" ] && ok || bad "a refused save changed row 1"

CASE="deleting a row saves the edits of the others"
post /organizations/1/plan/save "status.$P1=doing" "owner.$P1=伊藤" "due.$P1=2020-04-01" "note.$P1=" "status.$P2=todo" "owner.$P2=鈴木" "due.$P2=2030-01-31" "note.$P2=x" remove=$P2
expect_code 303
expect_hdr "location: /organizations/1?plan=deleted"
[ "$(sql "$DB" "SELECT count(*) FROM plan_items WHERE id = $P2")|$(sql "$DB" "SELECT owner FROM plan_items WHERE id = $P1")" = "0|伊藤" ] && ok || bad "delete lost the other row's edit"

CASE="an overdue item stands out; an item at full marks suggests completing it"
get /organizations/1
expect_out "<tr id=\"p-$P1\" class=\"overdue\">"
expect_out '<strong class="badge overdue">期限切れ（2020年4月1日）</strong>'
expect_out "id=\"suggest-$P1\">最新の診断でこの設問は満点です。完了にしませんか。 <button type=\"submit\" name=\"complete\" value=\"$P1\""
post /organizations/1/plan/save "status.$P1=doing" "owner.$P1=伊藤" "due.$P1=2020-04-01" "note.$P1=" complete=$P1
expect_code 303
expect_hdr "location: /organizations/1?plan=completed"
[ "$(sql "$DB" "SELECT status FROM plan_items WHERE id = $P1")" = done ] && ok || bad "not completed"
get /organizations/1
expect_no_out "<tr id=\"p-$P1\" class=\"overdue\">"
expect_no_out "id=\"suggest-$P1\""
"$BIN" --db "$DB" plan add 1 --questionnaire jisha-shindan --question 2 --due 2020-01-01 --note "メモ" >/dev/null
"$BIN" --db "$DB" plan 1 >"$TMP/plan.txt"
grep -q '（期限切れ）' "$TMP/plan.txt" && grep -q 'メモ: メモ' "$TMP/plan.txt" && ok || bad "the CLI plan: $(cat "$TMP/plan.txt")"

CASE="a viewer reads the plan without a form; another organisation's item is refused"
login viewer@example.test "$TMP/vj"
get_as "$TMP/vj" /organizations/1
expect_no_out 'id="plan-form"'
expect_out '伊藤'
post /organizations/2/plan/save "status.$P1=todo" "owner.$P1=x" "due.$P1=" "note.$P1="
expect_code 404
[ "$(sql "$DB" "SELECT status FROM plan_items WHERE id = $P1")" = done ] && ok || bad "another organisation's form changed the item"

# ---------------------------------------------------------------- search and navigation
hits() { printf '%s' "$OUT" | sed -n 's/.*<h2>件数: \([0-9]*\)<\/h2>.*/\1/p'; }
CASE="spelling variants find the same texts: 漏洩/漏えい, ウィルス/ウイルス, テレワーク/リモートワーク, width and kana"
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("情報漏えい"))')"; a=$(hits)
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("情報漏洩"))')"; b=$(hits)
[ "$a" -gt 20 ] && [ "$a" = "$b" ] && ok || bad "情報漏えい $a, 情報漏洩 $b"
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("ウイルス"))')"; a=$(hits)
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("ウィルス"))')"; b=$(hits)
[ "$a" -gt 30 ] && [ "$a" = "$b" ] && ok || bad "ウイルス $a, ウィルス $b"
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("テレワーク"))')"; a=$(hits)
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("リモートワーク"))')"; b=$(hits)
[ "$a" -gt 0 ] && [ "$a" = "$b" ] && ok || bad "テレワーク $a, リモートワーク $b"
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("ﾊﾟｿｺﾝ"))')"; a=$(hits)
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("PC"))')"; b=$(hits)
[ "$a" -gt 0 ] && [ "$a" = "$b" ] && ok || bad "ﾊﾟｿｺﾝ $a, PC $b"
CASE="hits show a highlighted snippet and no internal slugs; title matches first"
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("情報漏洩"))')"
expect_out '<p class="snippet">'
expect_out '<mark>情報漏えい</mark>'
expect_no_out '>targeted-attack '
expect_no_out '> ransomware '
get "/search?q=ransomware&lang=en"
first=$(printf '%s' "$OUT" | grep -o '<ul class="hits"><li>.*' | sed 's/<\/li>.*//')
case "$first" in *'<a href="/threats/ransomware">Fraud and extortion with ransomware</a>'*) ok ;; *) bad "first hit: $(printf '%s' "$first" | head -c 300)" ;; esac
expect_no_out '>ransomware Fraud'
get "/?lang=ja"
api GET "/api/v1/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("情報漏洩"))')"
expect_json "d['count'] > 20 and all(r['snippet'] for r in d['results'])" "true"
expect_json "d['results'][0]['highlight']" '"情報漏えい"'
CASE="the cases are found by their prefecture in English"
get "/search?q=Okinawa&type=case&lang=en"
[ "$(hits)" != 0 ] || printf '%s' "$OUT" | grep -q '<h2>Results: [1-9]' && ok || bad "Okinawa finds no case"
get "/?lang=ja"

CASE="the Tokyo threats and the 5か条 have pages and menu entries, each item with its citation"
get /
expect_out '<a href="/threats">脅威</a><a href="/five-rules">5か条</a>' # short, so the header fits one line
get /threats
expect_code 200
expect_out '<a href="/threats/ransomware">'
get /threats/ransomware
expect_code 200
expect_out '<p class="muted cite">出典: 東京都『中小企業向けサイバーセキュリティ対策の極意』Ver 2.2 (2021)'
expect_out 'href="/measures/'
get /threats/nothing
expect_code 404
get /five-rules
expect_code 200
[ "$(printf '%s' "$OUT" | grep -o '<p class="muted cite">出典: ' | wc -l)" = 5 ] && ok || bad "not five citations on the 5か条 page"
expect_out '<li id="rule-1"><h2>OSやソフトウェアは常に最新の状態にしよう！</h2>'
get "/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("共有設定"))')&type=rule"
expect_out '<a href="/five-rules#rule-4">'

CASE="a measure page links the questions that lead there, the scenarios, the cases, the cost and effort"
get /measures/4.3.2
expect_code 200
expect_out '<section id="questions"><h2>この対策につながる設問</h2>'
expect_out 'href="/diagnose/jisha-shindan">設問 '
expect_out '<section id="scenarios"><h2>この対策で防げる脅威シナリオ</h2><ul><li><a href="/scenarios/'
expect_out '<section id="cases"><h2>関連する中小企業の事例</h2><ul><li><a href="/cases/'
expect_out '<span class="label cost-'
expect_out '<span class="label effort-'
expect_out 'id="rule" class="notice">情報セキュリティ5か条: <a href="/five-rules#rule-2">'

echo "polish-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
