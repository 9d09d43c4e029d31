#!/bin/bash
# test_clients_http.sh — the consultant's views (docs/web.md#client-list): the client list on
# "/" with each organisation's latest score, band, trend and overdue plan items; sorting by the
# column headers, filtering by name, industry and band, pages of 50; a 400 naming every bad
# parameter; the side-by-side comparison /clients/compare with its per-category table and radar
# chart; a consultant who sees only their assigned clients (404 for any other in the
# comparison); Japanese and English.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db w)
M() { "$BIN" --db "$DB" "$@"; }

# jisha N : an answer file of the 5-minute self-diagnosis with the first N items "no" (100 - 4N points)
jisha() {
	local f="$TMP/jisha-$1.csv"
	{ echo "question,answer"; for i in $(seq 1 25); do [ "$i" -le "$1" ] && echo "$i,no" || echo "$i,yes"; done; } >"$f"
	echo "$f"
}
# checklist N : the checklist with the first N of its 22 items "no" (22 - N points)
checklist() {
	local f="$TMP/checklist-$1.csv" i=0
	echo "question,answer" >"$f"
	for q in 1-1 1-2 1-3 1-4 1-5 1-6 1-7 2-1 2-2 2-3 3-1 3-2 3-3 3-4 3-5 4-1 4-2 4-3 4-4 4-5 5-1 5-2; do
		i=$((i + 1)); [ "$i" -le "$1" ] && echo "$q,no" >>"$f" || echo "$q,yes" >>"$f"
	done
	echo "$f"
}
save() { M diagnose "$1" --answers "$2" --save --org "$3" >/dev/null || echo "FAIL: saving $1 for $3"; }

# five clients: scores, trends and plans chosen so that every sort gives a different order
start_server --db "$DB"
M org add --name "Alpha 製作所" --industry E --employees 30 >/dev/null        # 1
M org add --name "ベータ商事" --industry I --employees 8 >/dev/null           # 2
M org add --name "Gamma 運輸" --industry H --employees 120 >/dev/null         # 3
M org add --name "デルタ建設" --industry D >/dev/null                         # 4: never diagnosed
M org add --name "イプシロン" --industry E --employees 12 >/dev/null          # 5
save jisha-shindan "$(jisha 5)" 1                                               # Alpha 80
save jisha-shindan "$(jisha 1)" 2                                               # Beta 96
save jisha-shindan "$(jisha 7)" 5                                               # Epsilon 72
save jisha-shindan "$(jisha 10)" 3                                              # Gamma 60 (only one)
sleep 1.1
save jisha-shindan "$(jisha 4)" 2                                               # Beta 84: −12
sleep 1.1
save jisha-shindan "$(jisha 2)" 1                                               # Alpha 92: +12
sleep 1.1
save checklist "$(checklist 11)" 5                                              # Epsilon 11/22: another questionnaire, no trend
M plan add 1 --questionnaire jisha-shindan --question 1 --due 2020-01-01 >/dev/null    # overdue
M plan add 1 --questionnaire jisha-shindan --question 2 --due 2099-12-31 >/dev/null    # not yet due
M plan add 1 --questionnaire jisha-shindan --question 3 --due 2020-01-02 >/dev/null    # done below
M plan set 3 --status done >/dev/null
M plan add 2 --questionnaire jisha-shindan --question 1 --due 2020-03-01 >/dev/null    # overdue
M plan add 2 --questionnaire jisha-shindan --question 2 --due 2021-03-01 >/dev/null    # overdue, in progress
M plan set 5 --status doing >/dev/null
M plan add 3 --questionnaire jisha-shindan --question 1 >/dev/null                     # no due date

# row NAME : the list row of that organisation as its cells' text joined by "|"
row() { printf '%s' "$OUT" | python3 -c '
import re, sys
html = sys.stdin.read()
for tr in re.findall(r"<tr>(.*?)</tr>", html):
    if ">" + sys.argv[1] + "</a></th>" in tr:
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr)
        print("|".join(re.sub(r"<[^>]+>", "", c) for c in cells))' "$1"; }
# names : the organisations of the list in their order, joined by ","
names() { printf '%s' "$OUT" | python3 -c '
import re, sys
print(",".join(re.findall(r"<th scope=\"row\"><a href=\"/organizations/\d+\">(.*?)</a></th>", sys.stdin.read())))'; }
expect_row() { got=$(row "$1"); case "$got" in *"$2"*) ok ;; *) bad "row of $1 is \"$got\", expected \"$2\"" ;; esac; }
expect_names() { got=$(names); [ "$got" = "$1" ] && ok || bad "order \"$got\", expected \"$1\""; }

CASE="the home page keeps the questionnaires and lists every client with its latest result"
get "/?lang=ja"
expect_code 200
expect_out "5分でできる自社診断"
expect_out '<ul class="cards">'
expect_out '<h2 id="clients">登録している組織</h2>'
expect_row "Alpha 製作所" "|Alpha 製作所|製造業|21～50名|5分でできる自社診断|92 / 100|70～99点：合格レベル（一部に不備あり）|"
expect_row "Alpha 製作所" "|+12|1"
expect_row "ベータ商事" "|84 / 100|"
expect_row "ベータ商事" "|−12|2"
expect_row "Gamma 運輸" "|60 / 100|50～69点：不備が目立つ|"
expect_row "Gamma 運輸" "|—|0"
expect_row "イプシロン" "|情報セキュリティ対策チェックリスト|11 / 22|一部実施|"
expect_row "イプシロン" "|—|0"
expect_row "デルタ建設" "|未診断|—|0"
expect_out "条件に合う組織: 5 / 5"
expect_out 'href="/organizations/1#plan">1</a>'
expect_out "$(TZ=Asia/Tokyo date +%Y年%-m月%-d日)"
expect_out '<form method="get" action="/clients/compare"'
expect_out '<input type="checkbox" name="org" value="2" aria-label="ベータ商事">'
expect_out '<option value="jisha-shindan" selected>'
expect_no_out 'rel="next"'
if echo "$OUT" | grep -q 'style="\|<script>\|onclick='; then bad "inline style or script"; else ok; fi

CASE="sorting by each column, both ways, with the missing values last"
expect_names "Alpha 製作所,Gamma 運輸,イプシロン,デルタ建設,ベータ商事"
expect_out '<th scope="col" aria-sort="ascending"><a href="/?sort=name&amp;order=desc#clients">会社名 ▲</a></th>'
expect_out 'href="/?sort=score&amp;order=asc#clients"'
expect_out 'href="/?sort=overdue&amp;order=desc#clients"'
get "/?sort=name&order=desc"
expect_names "ベータ商事,デルタ建設,イプシロン,Gamma 運輸,Alpha 製作所"
get "/?sort=score&order=desc"
expect_code 200
expect_names "Alpha 製作所,ベータ商事,Gamma 運輸,イプシロン,デルタ建設"
expect_out '<th scope="col" aria-sort="descending"><a href="/?sort=score&amp;order=asc#clients">点数 ▼</a></th>'
get "/?sort=score"
expect_names "イプシロン,Gamma 運輸,ベータ商事,Alpha 製作所,デルタ建設"
get "/?sort=trend"
expect_names "ベータ商事,Alpha 製作所,Gamma 運輸,イプシロン,デルタ建設"
get "/?sort=trend&order=desc"
expect_names "Alpha 製作所,ベータ商事,Gamma 運輸,イプシロン,デルタ建設"
get "/?sort=overdue"
expect_names "ベータ商事,Alpha 製作所,Gamma 運輸,イプシロン,デルタ建設"
get "/?sort=overdue&order=asc"
expect_names "Gamma 運輸,イプシロン,デルタ建設,Alpha 製作所,ベータ商事"
get "/?sort=date"
expect_names "イプシロン,Alpha 製作所,ベータ商事,Gamma 運輸,デルタ建設"
get "/?sort=date&order=asc"
expect_names "Gamma 運輸,ベータ商事,Alpha 製作所,イプシロン,デルタ建設"

CASE="filtering by name, industry and band; the filters stay in the sort links"
get "/?q=ALPHA"
expect_names "Alpha 製作所"
expect_out "条件に合う組織: 1 / 5"
expect_out 'value="ALPHA"'
expect_out 'href="/?q=ALPHA&amp;sort=score&amp;order=asc#clients"'
get "/?q=%E5%95%86%E4%BA%8B"
expect_names "ベータ商事"
get "/?industry=E&sort=score&order=desc"
expect_names "Alpha 製作所,イプシロン"
expect_out '<option value="E" selected>'
expect_out '<input type="hidden" name="sort" value="score">'
get "/?band=pass"
expect_names "Alpha 製作所,ベータ商事"
expect_out '<option value="pass" selected>'
get "/?band=some"
expect_names "イプシロン"
get "/?band=danger&industry=E"
expect_out "条件に合う組織はありません。"
expect_out "条件に合う組織: 0 / 5"
get "/?q=&industry=&band=&sort=&order=&page="
expect_code 200
expect_names "Alpha 製作所,Gamma 運輸,イプシロン,デルタ建設,ベータ商事"
get "/?foo=bar&lang=ja"
expect_code 200

CASE="a bad parameter is a 400 page naming it"
for bad in "sort=best:sort" "order=up:order" "page=0:page" "page=x:page" "page=100001:page" "industry=Z:industry" \
	"industry=EE:industry" "band=nope:band"; do
	get "/?${bad%%:*}"
	expect_code 400
	expect_out "絞り込みの値が正しくありません: ${bad##*:}"
done
get "/?q=$(printf 'a%.0s' $(seq 201))"
expect_code 400; expect_out "q（会社名の検索）は 200 バイトまでです"
get "/?q=%FF"
expect_code 400; expect_out "UTF-8"
get "/?sort=best&lang=en"
expect_code 400; expect_out "Invalid filter value: sort must be one of name, score, trend, overdue, date"

CASE="comparison of clients side by side"
get "/clients/compare?org=1&org=2&org=4&lang=ja"
expect_code 200
expect_out "<h1>組織の比較</h1>"
expect_out '<th scope="col"><a href="/organizations/1">Alpha 製作所</a></th><th scope="col"><a href="/organizations/2">ベータ商事</a></th><th scope="col"><a href="/organizations/4">デルタ建設</a></th>'
expect_out '<strong>92 / 100</strong>'
expect_out '<strong>84 / 100</strong>'
expect_out "この診断の結果はまだありません"
expect_out '<th scope="row">1 保管について</th>'
expect_out '<svg class="chart radar"'
expect_out '<polygon class="series s0"'
expect_out '<polygon class="series s1"'
expect_no_out '<polygon class="series s2"'
expect_out '>Alpha 製作所</text>'
expect_out '<option value="jisha-shindan" selected>'
expect_out '<input type="hidden" name="org" value="4">'
if echo "$OUT" | grep -q 'style="\|<script>\|onclick='; then bad "inline style or script"; else ok; fi
# Alpha's latest jisha-shindan: items 1 and 2 "no", both in the first category (storage)
python3 - "$OUT" <<'PY' && ok || bad "category cells"
import re, sys
rows = {re.sub(r"<[^>]+>", "", m[0]): re.findall(r"<td[^>]*>(.*?)</td>", m[1]) for m in re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", sys.argv[1])}
sys.exit(0 if rows["合計点"][0].endswith("92 / 100</strong></a>") and rows["1 保管について"][2] == "—" and "%" in rows["1 保管について"][0] else 1)
PY
get "/clients/compare?org=5&org=3&questionnaire=checklist"
expect_code 200
expect_out '<strong>11 / 22</strong>'
expect_out '<option value="checklist" selected>'
expect_out "この診断の結果はまだありません"
get "/clients/compare?org=1&org=1&org=2"
expect_code 200
get "/clients/compare?org=1&org=2&lang=en"
expect_code 200
expect_out "<h1>Client comparison</h1>"
expect_out "Share of the maximum per topic"
expect_out "70–99: pass level, with some gaps"
get "/clients/compare?lang=ja"

CASE="the comparison refuses bad parameters (400) and unknown organisations (404)"
for bad in "org=1" "org=1&org=1" "org=abc&org=2" "org=0&org=1" "org=1&org=2&org=3&org=4&org=5&org=6" ""; do
	get "/clients/compare?$bad"
	expect_code 400
	expect_out "絞り込みの値が正しくありません"
done
get "/clients/compare?org=1&org=2&questionnaire=nope"
expect_code 400; expect_out "questionnaire"
get "/clients/compare?org=1&org=999"
expect_code 404
get "/clients/compare?org=1&org=2" -X POST
expect_code 405

CASE="English"
get "/?lang=en"
expect_out '<html lang="en">'
expect_out "Overdue plan items"
expect_out "Matching organisations: 5 / 5"
expect_out "not diagnosed yet"
expect_out "Compare the selected (2 to 5)"
expect_row "Alpha 製作所" "|Manufacturing|"
expect_row "Alpha 製作所" "|5-minute self-diagnosis|92 / 100|70–99: pass level, with some gaps|"
get "/?lang=ja"

CASE="a consultant sees only their assigned clients"
add_user --db "$DB" consultant@example.test consultant
M user assign consultant@example.test 1 >/dev/null
M user assign consultant@example.test 2 >/dev/null
CJ=$TMP/consultant.jar
login consultant@example.test "$CJ" && ok || bad "the consultant cannot sign in"
get "/?sort=overdue" -b "$CJ" -c "$CJ"
expect_code 200
expect_names "ベータ商事,Alpha 製作所"
expect_out "条件に合う組織: 2 / 2"
expect_no_out "Gamma 運輸"
expect_no_out "デルタ建設"
get "/clients/compare?org=1&org=2" -b "$CJ" -c "$CJ"
expect_code 200
expect_out '<strong>84 / 100</strong>'
get "/clients/compare?org=1&org=3" -b "$CJ" -c "$CJ"
expect_code 404
expect_no_out "Gamma"
get "/clients/compare?org=3&org=4" -b "$CJ" -c "$CJ"
expect_code 404

CASE="a company member sees their own organisation only"
add_user --db "$DB" member@example.test member --org 3
MJ=$TMP/member.jar
login member@example.test "$MJ" && ok || bad "the member cannot sign in"
get / -b "$MJ" -c "$MJ"
expect_names "Gamma 運輸"
expect_no_out 'href="/organizations/new"'
get "/clients/compare?org=3&org=1" -b "$MJ" -c "$MJ"
expect_code 404

CASE="the orders by score, change and date and the band filter follow every save and delete"
save jisha-shindan "$(jisha 0)" 4                                               # デルタ建設 100: diagnosis 8
get "/?sort=score&order=desc"
expect_names "デルタ建設,Alpha 製作所,ベータ商事,Gamma 運輸,イプシロン"
get "/?sort=date"
expect_names "デルタ建設,イプシロン,Alpha 製作所,ベータ商事,Gamma 運輸"
get "/?band=perfect&sort=score"
expect_names "デルタ建設"
curl -s -b "$TMP/cj" -o "$TMP/h.html" "$B/organizations/4/history"
get /diagnoses/8/delete -X POST --data-urlencode "csrf=$(csrf_of "$TMP/h.html")" -d confirm=yes
expect_code 303
get "/?sort=score&order=desc"
expect_names "Alpha 製作所,ベータ商事,Gamma 運輸,イプシロン,デルタ建設"
get "/?band=perfect"
expect_out "条件に合う組織: 0 / 5"
M diagnosis delete 6 >/dev/null                                                 # Alpha's 92: its 80 is the latest again, without a trend
get "/?sort=trend&order=desc"
expect_names "ベータ商事,Alpha 製作所,Gamma 運輸,イプシロン,デルタ建設"
get "/?sort=score&order=desc&band=pass"
expect_names "ベータ商事,Alpha 製作所"
expect_row "Alpha 製作所" "|80 / 100|"
get "/?sort=score&order=desc" -b "$CJ" -c "$CJ"
expect_names "ベータ商事,Alpha 製作所"

CASE="pages of 50 instead of a silent cut"
for i in $(seq -w 1 55); do M org add --name "Z社 $i" >/dev/null; done
get /
expect_out "条件に合う組織: 60 / 60"
[ "$(names | tr ',' '\n' | wc -l)" = 50 ] && ok || bad "page 1 has $(names | tr ',' '\n' | wc -l) rows"
expect_out "ページ 1 / 2"
expect_out '<a rel="next" href="/?sort=name&amp;order=asc&amp;page=2#clients">次のページ</a>'
expect_no_out 'rel="prev"'
get "/?page=2"
[ "$(names | tr ',' '\n' | wc -l)" = 10 ] && ok || bad "page 2 has $(names | tr ',' '\n' | wc -l) rows"
expect_out "ページ 2 / 2"
expect_out '<a rel="prev" href="/?sort=name&amp;order=asc#clients">前のページ</a>'
expect_out ">デルタ建設</a>"
get "/?page=99"
expect_code 200
expect_out "ページ 2 / 2"
get "/?q=Z%E7%A4%BE&page=2"
expect_out "条件に合う組織: 55 / 60"
[ "$(names | tr ',' '\n' | wc -l)" = 5 ] && ok || bad "filtered page 2 has $(names | tr ',' '\n' | wc -l) rows"
expect_out 'href="/?q=Z%E7%A4%BE&amp;sort=name&amp;order=asc#clients"'

grep -E "runtime error|Sanitizer" "$TMP/server.log" && bad "sanitizer report in the server log" || ok
echo
echo "clients-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
