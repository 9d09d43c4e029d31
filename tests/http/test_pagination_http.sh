#!/bin/bash
# test_pagination_http.sh — lists that grow are paged (issue 19, docs/web.md and docs/api.md):
# a history of 120 diagnoses shows the newest page first with links to older and newer pages;
# the API's `before` cursor walks the whole history exactly once (every id, no duplicates, in
# descending order) and each row's 前回比 is the site's previous result even across pages; bad
# ?limit= and ?before= (0, -1, abc, huge) answer 422 naming the parameter on the page and the
# API; the client list on "/" with more organisations than one page links to page 2, and the
# name search finds one of them; the incident register (newest first) and the action plan
# (oldest first) of 120 page by 50 — page 1 the first 50 with a link to page 2, page 3 the last
# 20, a page past the end the last, and walking the pages shows every row exactly once, in
# order; saving the plan's page 2 changes only its rows; search results page by 20. Runs on
# SQLite, and on PostgreSQL under MAMORU_TEST_PG.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="$ROOT/content" MAMORU_STATIC="$ROOT/static"
. tests/http/lib.sh
DB=$(test_db p)
M() { "$BIN" --db "$DB" "$@"; }
M org add --name 長い履歴株式会社 --industry E --employees 30 >/dev/null # organisation 1
start_server --db "$DB"

# ---------------------------------------------------------------- 120 diagnoses
CASE="120 diagnoses saved through the API, over two sites and twelve rounds"
python3 - "$TMP/bodies" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(120):
        # item 1..25: the first (i % 20) answered "no", so totals differ from save to save
        answers = {str(k): ("no" if k <= i % 20 else "yes") for k in range(1, 26)}
        body = {"questionnaire": "jisha-shindan", "organization_id": 1, "scope": "本社" if i % 3 else "工場",
                "respondent": "担当%d" % i, "round": "2025-%02d" % (i // 10 + 1), "answers": answers}
        f.write(json.dumps(body, ensure_ascii=False) + "\n")
PY
saved=0
while IFS= read -r body; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $API_TOKEN" \
		--data-binary "$body" "$B/api/v1/diagnoses")
	[ "$code" = 201 ] && saved=$((saved + 1))
done <"$TMP/bodies"
[ "$saved" = 120 ] && ok || bad "saved $saved of 120"
ALL=$(sql "$DB" "SELECT id FROM diagnoses WHERE organization_id = 1 ORDER BY id DESC" | tr '\n' ' ')
NEWEST=$(echo $ALL | cut -d' ' -f1)
FIFTIETH=$(echo $ALL | cut -d' ' -f50)
FIFTYFIRST=$(echo $ALL | cut -d' ' -f51)
OLDEST=$(echo $ALL | awk '{print $NF}')

CASE="the history page shows the newest 50 first and links to the older ones"
get /organizations/1/history
expect_code 200
rows=$(printf '%s' "$OUT" | grep -o '<tr id="d-[0-9]*"' | sed 's/[^0-9]//g' | tr '\n' ' ')
[ "$(echo $rows | wc -w)" = 50 ] && ok || bad "rows on the first page: $(echo $rows | wc -w)"
[ "$(echo $rows | cut -d' ' -f1)" = "$NEWEST" ] && ok || bad "the first row is not the newest ($NEWEST): $(echo $rows | cut -d' ' -f1)"
[ "$(echo $rows | awk '{print $NF}')" = "$FIFTIETH" ] && ok || bad "the last row is not the 50th newest"
expect_out "<a rel=\"next\" href=\"/organizations/1/history?before=$FIFTIETH\">古い診断</a>"
expect_no_out 'rel="prev"'
expect_out '<svg class="chart trend"'
CASE="the older page starts where the first ended and links back"
get "/organizations/1/history?before=$FIFTIETH"
expect_code 200
rows2=$(printf '%s' "$OUT" | grep -o '<tr id="d-[0-9]*"' | sed 's/[^0-9]//g' | tr '\n' ' ')
[ "$(echo $rows2 | cut -d' ' -f1)" = "$FIFTYFIRST" ] && ok || bad "page 2 starts at $(echo $rows2 | cut -d' ' -f1), not $FIFTYFIRST"
expect_out '<a rel="prev" href="/organizations/1/history">新しい診断</a>'
expect_out 'rel="next"'
CASE="the oldest page: 20 rows, no older link, the oldest row has no previous result"
get "/organizations/1/history?before=$(echo $ALL | cut -d' ' -f100)"
rows3=$(printf '%s' "$OUT" | grep -o '<tr id="d-[0-9]*"' | wc -l)
[ "$rows3" = 20 ] && ok || bad "rows on the last page: $rows3"
expect_no_out 'rel="next"'
row=$(printf '%s' "$OUT" | grep -o "<tr id=\"d-$OLDEST\">.*" | sed 's/<\/tr>.*//')
case "$row" in *'class="change">—'*) ok ;; *) bad "the oldest row shows a change: $(printf '%s' "$row" | tail -c 200)" ;; esac
CASE="?limit= sets the page size and the links keep it"
get "/organizations/1/history?limit=7&lang=en"
[ "$(printf '%s' "$OUT" | grep -o '<tr id="d-' | wc -l)" = 7 ] && ok || bad "limit=7"
expect_out "history?before=$(echo $ALL | cut -d' ' -f7)&amp;limit=7\">Older diagnoses</a>"
get "/?lang=ja"

CASE="bad ?limit= and ?before= on the page: 422 naming the parameter"
for v in 0 -1 abc 201 99999999999999999999 1.5; do
	get "/organizations/1/history?limit=$v"
	expect_code 422
	expect_out 'limit'
done
for v in 0 -1 abc 99999999999999999999 0x10; do
	get "/organizations/1/history?before=$v"
	expect_code 422
	expect_out 'before'
done

# ---------------------------------------------------------------- the API cursor
CASE="the API walks the whole history with its next cursor, exactly once"
cursor=""; pages=0; : >"$TMP/ids"
while :; do
	api GET "/api/v1/organizations/1/diagnoses?limit=17${cursor:+&before=$cursor}"
	[ "$CODE" = 200 ] || { bad "page $pages: HTTP $CODE"; break; }
	pages=$((pages + 1))
	printf '%s' "$OUT" >"$TMP/page-$pages.json"
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); [print(x['id']) for x in d['diagnoses']]" "$TMP/page-$pages.json" >>"$TMP/ids"
	cursor=$(python3 -c "import json,sys; n=json.load(open(sys.argv[1]))['next']; print('' if n is None else n)" "$TMP/page-$pages.json")
	[ -z "$cursor" ] && break
	[ "$pages" -gt 20 ] && { bad "more than 20 pages"; break; }
done
[ "$pages" = 8 ] && ok || bad "pages: $pages (120 / 17 is 8 pages)"
[ "$(wc -l <"$TMP/ids")" = 120 ] && ok || bad "ids seen: $(wc -l <"$TMP/ids")"
[ "$(sort -u "$TMP/ids" | wc -l)" = 120 ] && ok || bad "duplicates: $(sort "$TMP/ids" | uniq -d | head -3)"
[ "$(tr '\n' ' ' <"$TMP/ids" | sed 's/ $//')" = "$(echo $ALL)" ] && ok || bad "not every id, newest first"
CASE="the default page is 50; previous_id crosses pages (the site's previous result)"
api GET /api/v1/organizations/1/diagnoses
expect_code 200
expect_json "len(d['diagnoses'])" "50"
expect_json "d['limit']" "50"
expect_json "d['next']" "$FIFTIETH"
expect_json "d['before']" "null"
P=$(sql "$DB" "SELECT max(id) FROM diagnoses WHERE organization_id = 1 AND scope = (SELECT scope FROM diagnoses WHERE id = $FIFTIETH) AND id < $FIFTIETH")
expect_json "d['diagnoses'][49]['previous_id']" "$P"
expect_json "'answers' in d['diagnoses'][0]" "false"
api GET "/api/v1/organizations/1/diagnoses?before=$OLDEST"
expect_code 200
expect_json "[d['diagnoses'], d['next']]" "[[], null]"
CASE="bad ?limit= and ?before= on the API: 422 naming the parameter, in the JSON envelope"
for v in 0 -1 abc 201 99999999999999999999; do
	api GET "/api/v1/organizations/1/diagnoses?limit=$v"
	expect_code 422
	expect_json "d['error']['field']" '"limit"'
	api GET "/api/v1/organizations/1/diagnoses?before=$v"
	if [ "$v" = 201 ]; then expect_code 200; else expect_code 422; expect_json "d['error']['field']" '"before"'; fi
done
api GET "/api/v1/organizations/1/diagnoses?limit=200"
expect_code 200
expect_json "len(d['diagnoses'])" "120"

# ---------------------------------------------------------------- the client list
CASE="more organisations than one page: the client list links to page 2, the search finds one"
for i in $(seq 1 60); do
	api POST /api/v1/organizations -d "{\"name\": \"取引先$(printf %03d "$i")\", \"industry\": \"E\", \"employees\": 10}"
	[ "$CODE" = 201 ] || bad "organisation $i: HTTP $CODE"
done
get /
expect_code 200
expect_out 'rel="next" href="/?sort=name&amp;order=asc&amp;page=2#clients"'
[ "$(printf '%s' "$OUT" | grep -o '<th scope="row">' | wc -l)" = 50 ] && ok || bad "rows on page 1: $(printf '%s' "$OUT" | grep -o '<th scope="row">' | wc -l)"
expect_no_out '取引先059'
get "/?sort=name&order=asc&page=2"
expect_code 200
expect_out '取引先059'
get "/?q=%E5%8F%96%E5%BC%95%E5%85%88059"
expect_code 200
expect_out '>取引先059</a>'
[ "$(printf '%s' "$OUT" | grep -o '<th scope="row">' | wc -l)" = 1 ] && ok || bad "the search matched more than one"
get "/?page=0"
expect_code 400
expect_out 'page'

# ---------------------------------------------------------------- the incident register
# ids of the rows of the register in $OUT, in order
inc_rows() { printf '%s' "$OUT" | grep -o '<tr data-id="[0-9]*"' | sed 's/[^0-9]//g' | tr '\n' ' ' | sed 's/ $//'; }
# ids FROM TO of a space-separated list: its FROM-th to TO-th words
ids() { echo $1 | tr ' ' '\n' | sed -n "$2,$3p" | tr '\n' ' ' | sed 's/ $//'; }
CASE="an incident register of 120: the newest 50 on page 1 with a link to page 2"
made=0
for i in $(seq 1 120); do
	api POST /api/v1/organizations/1/incidents -d "{\"type\": \"$([ $((i % 2)) = 0 ] && echo malware || echo leak)\", \"level\": $((i % 4)), \"title\": \"事案$(printf %03d "$i")\"}"
	[ "$CODE" = 201 ] && made=$((made + 1)) || bad "incident $i: HTTP $CODE $(echo "$OUT" | head -c 200)"
done
[ "$made" = 120 ] && ok || bad "incidents made: $made"
INC=$(sql "$DB" "SELECT id FROM incidents WHERE organization_id = 1 ORDER BY id DESC" | tr '\n' ' ' | sed 's/ $//')
[ "$(echo $INC | wc -w)" = 120 ] && ok || bad "incidents stored: $(echo $INC | wc -w)"
get /organizations/1/incidents
expect_code 200
[ "$(inc_rows)" = "$(ids "$INC" 1 50)" ] && ok || bad "page 1 is not the newest 50: $(inc_rows | cut -c1-80)…"
NEWEST_INC=$(ids "$INC" 1 1)
expect_out "<tr data-id=\"$NEWEST_INC\"><td>$NEWEST_INC</td><td><a href=\"/organizations/1/incidents/$NEWEST_INC\">事案120</a></td><td>ウイルス感染</td><td><span class=\"level level-0\">被害レベル 0</span></td><td>対応中</td>"
expect_out '<a rel="next" href="/organizations/1/incidents?page=2">'
expect_out '<span>ページ 1 / 3</span>'
expect_no_out 'rel="prev"'
CASE="the register's page 2: the next 50, links both ways"
get "/organizations/1/incidents?page=2"
expect_code 200
[ "$(inc_rows)" = "$(ids "$INC" 51 100)" ] && ok || bad "page 2 is not the 51st to 100th newest"
expect_out '<a rel="prev" href="/organizations/1/incidents?page=1">'
expect_out '<a rel="next" href="/organizations/1/incidents?page=3">'
CASE="the register's page 3: the oldest 20, no next page"
get "/organizations/1/incidents?page=3&lang=en"
expect_code 200
[ "$(inc_rows | wc -w)" = 20 ] && ok || bad "rows on page 3: $(inc_rows | wc -w)"
[ "$(inc_rows)" = "$(ids "$INC" 101 120)" ] && ok || bad "page 3 is not the oldest 20"
expect_out '<span>Page 3 / 3</span>'
expect_out '<a rel="prev" href="/organizations/1/incidents?page=2">'
expect_no_out 'rel="next"'
get "/?lang=ja" # ?lang= is remembered: back to Japanese
CASE="walking the register's pages shows every incident exactly once, newest first"
walk=""
for pg in 1 2 3; do get "/organizations/1/incidents?page=$pg"; walk="$walk $(inc_rows)"; done
[ "$(echo $walk)" = "$INC" ] && ok || bad "the walk differs from the register"
[ "$(echo $walk | tr ' ' '\n' | sort -u | wc -l)" = 120 ] && ok || bad "the walk repeats or misses incidents"
CASE="a page past the register's last shows the last; a bad page is named"
for pg in 4 99999; do
	get "/organizations/1/incidents?page=$pg"
	expect_code 200
	[ "$(inc_rows)" = "$(ids "$INC" 101 120)" ] && ok || bad "page $pg is not the last page"
	expect_out '<span>ページ 3 / 3</span>'
done
get "/organizations/1/incidents?page=abc"
expect_code 422
expect_out 'page'
CASE="another organisation's register is empty and has no pages"
api POST /api/v1/organizations -d '{"name": "事案のない会社", "industry": "E", "employees": 10}'
EMPTY_ORG=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
get "/organizations/$EMPTY_ORG/incidents?page=2"
expect_code 200
expect_out 'id="no-incidents"'
expect_no_out '<nav class="pages"'

# ---------------------------------------------------------------- the action plan
# ids of the plan's rows in $OUT, in order
plan_rows() { printf '%s' "$OUT" | grep -o 'name="status\.[0-9]*"' | sed 's/[^0-9]//g' | tr '\n' ' ' | sed 's/ $//'; }
CASE="an action plan of 120: the oldest 50 on the organisation page, with a link to page 2"
added=0
plan_add() { M plan add 1 --questionnaire "$1" --question "$2" >/dev/null 2>&1 && added=$((added + 1)); }
for q in $(seq 1 25); do plan_add jisha-shindan "$q"; plan_add benchmark "$q"; done
for q in 1-1 1-2 1-3 1-4 1-5 1-6 1-7 2-1 2-2 2-3 3-1 3-2 3-3 3-4 3-5 4-1 4-2 4-3 4-4 4-5 5-1 5-2; do plan_add checklist "$q"; done
for q in $(seq 1 15); do plan_add cloud "$q"; done
for q in $(seq 1 22); do plan_add contractor "1.1-$q"; done
for q in 1 2 3 4 5 6 7 8; do plan_add contractor "1.2-$q"; done
for q in 1 2 3; do plan_add contractor "1.3-$q"; done
[ "$added" = 120 ] && ok || bad "plan items added: $added"
PLAN=$(sql "$DB" "SELECT id FROM plan_items WHERE organization_id = 1 ORDER BY id" | tr '\n' ' ' | sed 's/ $//')
[ "$(echo $PLAN | wc -w)" = 120 ] && ok || bad "plan items stored: $(echo $PLAN | wc -w)"
get /organizations/1
expect_code 200
[ "$(plan_rows)" = "$(ids "$PLAN" 1 50)" ] && ok || bad "page 1 is not the oldest 50: $(plan_rows | cut -c1-80)…"
expect_out '<a rel="next" href="/organizations/1?page=2#plan">'
expect_out '<span>ページ 1 / 3</span>'
expect_no_out 'rel="prev" href="/organizations/1?page'
CASE="the plan's page 2: the next 50, links both ways"
get "/organizations/1?page=2"
expect_code 200
[ "$(plan_rows)" = "$(ids "$PLAN" 51 100)" ] && ok || bad "page 2 is not the 51st to 100th"
expect_out '<a rel="prev" href="/organizations/1?page=1#plan">'
expect_out '<a rel="next" href="/organizations/1?page=3#plan">'
CASE="the plan's page 3: the newest 20, no next page"
get "/organizations/1?page=3&lang=en"
expect_code 200
[ "$(plan_rows | wc -w)" = 20 ] && ok || bad "plan rows on page 3: $(plan_rows | wc -w)"
[ "$(plan_rows)" = "$(ids "$PLAN" 101 120)" ] && ok || bad "page 3 is not the last 20"
expect_out '<span>Page 3 / 3</span>'
expect_no_out 'rel="next" href="/organizations/1?page'
get "/?lang=ja"
CASE="walking the plan's pages shows every item exactly once, oldest first"
walk=""
for pg in 1 2 3; do get "/organizations/1?page=$pg"; walk="$walk $(plan_rows)"; done
[ "$(echo $walk)" = "$PLAN" ] && ok || bad "the walk differs from the plan"
[ "$(echo $walk | tr ' ' '\n' | sort -u | wc -l)" = 120 ] && ok || bad "the walk repeats or misses items"
CASE="a page past the plan's last shows the last; a bad page is named"
get "/organizations/1?page=7"
expect_code 200
[ "$(plan_rows)" = "$(ids "$PLAN" 101 120)" ] && ok || bad "page 7 is not the last page"
get "/organizations/1?page=0"
expect_code 422
expect_out 'page'
CASE="saving page 2 changes its rows and leaves the others"
get "/organizations/1?page=2"
form=(--data-urlencode "csrf=$(csrf_of "$TMP/body")" -d go=save)
for id in $(plan_rows); do form+=(-d "status.$id=doing" -d "owner.$id=" -d "due.$id=" -d "note.$id="); done
get /organizations/1/plan/save -X POST "${form[@]}"
expect_code 303
[ "$(sql "$DB" "SELECT count(*) FROM plan_items WHERE organization_id = 1 AND status = 'doing'")" = 50 ] && ok || bad "rows set to doing: $(sql "$DB" "SELECT count(*) FROM plan_items WHERE organization_id = 1 AND status = 'doing'")"
doing=$(sql "$DB" "SELECT id FROM plan_items WHERE organization_id = 1 AND status = 'doing' ORDER BY id" | tr '\n' ' ' | sed 's/ $//')
[ "$doing" = "$(ids "$PLAN" 51 100)" ] && ok || bad "the rows changed are not page 2's: $doing"

# ---------------------------------------------------------------- search results
CASE="search results longer than a page: 20 hits a page, the count of all, links keeping the query"
get "/search?type=case"
expect_code 200
total=$(printf '%s' "$OUT" | sed -n 's/.*<h2>件数: \([0-9]*\)<\/h2>.*/\1/p')
[ "${total:-0}" -gt 40 ] && ok || bad "case hits: $total"
shown=$(printf '%s' "$OUT" | sed -n 's/.*<ul class="hits">\(.*\)<\/ul>.*/\1/p' | grep -o '<li>' | wc -l)
[ "$shown" = 20 ] && ok || bad "hits on page 1: $shown"
expect_out '<a rel="next" href="/search?type=case&amp;page=2">'
get "/search?type=case&page=3"
expect_code 200
shown=$(printf '%s' "$OUT" | sed -n 's/.*<ul class="hits">\(.*\)<\/ul>.*/\1/p' | grep -o '<li>' | wc -l)
[ "$shown" = "$((total > 60 ? 20 : total - 40))" ] && ok || bad "hits on page 3: $shown of $total"
expect_out '<a rel="prev" href="/search?type=case&amp;page=2">'
get "/search?type=case&page=x"
expect_code 400
expect_out 'page'

echo "pagination-http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
