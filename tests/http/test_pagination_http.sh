#!/bin/bash
# test_pagination_http.sh — lists that grow are paged (issue 19, docs/web.md and docs/api.md):
# a history of 120 diagnoses shows the newest page first with links to older and newer pages;
# the API's `before` cursor walks the whole history exactly once (every id, no duplicates, in
# descending order) and each row's 前回比 is the site's previous result even across pages; bad
# ?limit= and ?before= (0, -1, abc, huge) answer 422 naming the parameter on the page and the
# API; the client list on "/" with more organisations than one page links to page 2, and the
# name search finds one of them; the incident register and the action plan page by 50, search
# results by 20. Runs on SQLite, and on PostgreSQL under MAMORU_TEST_PG.
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
CASE="an incident register longer than a page: 50 a page, links both ways, a bad page named"
for i in $(seq 1 55); do
	api POST /api/v1/organizations/1/incidents -d "{\"type\": \"malware\", \"level\": 1, \"title\": \"事案$(printf %03d "$i")\"}"
	[ "$CODE" = 201 ] || bad "incident $i: HTTP $CODE $(echo "$OUT" | head -c 200)"
done
get /organizations/1/incidents
expect_code 200
[ "$(printf '%s' "$OUT" | grep -o '<tr data-id=' | wc -l)" = 50 ] && ok || bad "rows on page 1: $(printf '%s' "$OUT" | grep -o '<tr data-id=' | wc -l)"
expect_out '<a rel="next" href="/organizations/1/incidents?page=2">'
get "/organizations/1/incidents?page=2"
expect_code 200
[ "$(printf '%s' "$OUT" | grep -o '<tr data-id=' | wc -l)" = 5 ] && ok || bad "rows on page 2"
expect_out '<a rel="prev" href="/organizations/1/incidents?page=1">'
expect_no_out 'rel="next"'
get "/organizations/1/incidents?page=abc"
expect_code 422
expect_out 'page'

# ---------------------------------------------------------------- the action plan
CASE="an action plan longer than a page: 50 rows on the organisation page, the rest on page 2"
added=0
for q in $(seq 1 25); do M plan add 1 --questionnaire jisha-shindan --question "$q" >/dev/null 2>&1 && added=$((added + 1)); done
for q in $(seq 1 25); do M plan add 1 --questionnaire benchmark --question "$q" >/dev/null 2>&1 && added=$((added + 1)); done
for q in 1-1 1-2 1-3 1-4 1-5; do M plan add 1 --questionnaire checklist --question "$q" >/dev/null 2>&1 && added=$((added + 1)); done
[ "$added" = 55 ] && ok || bad "plan items added: $added"
get /organizations/1
expect_code 200
[ "$(printf '%s' "$OUT" | grep -o 'name="status\.[0-9]*"' | wc -l)" = 50 ] && ok || bad "plan rows on page 1: $(printf '%s' "$OUT" | grep -o 'name="status\.[0-9]*"' | wc -l)"
expect_out '<a rel="next" href="/organizations/1?page=2#plan">'
get "/organizations/1?page=2"
expect_code 200
[ "$(printf '%s' "$OUT" | grep -o 'name="status\.[0-9]*"' | wc -l)" = 5 ] && ok || bad "plan rows on page 2"
expect_out '<a rel="prev" href="/organizations/1?page=1#plan">'
get "/organizations/1?page=0"
expect_code 422
expect_out 'page'

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
