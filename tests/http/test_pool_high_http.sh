#!/bin/bash
# test_pool_high_http.sh — the comparison's "share answering 4 or 5" (issue 18) over HTTP. 25
# companies of one size band and industry answer the benchmark so that every question has each
# level five times: exactly 40 % answer 4 or 5 and 20 % answer 5. The comparison page shows both
# columns, labelled for what they count, from the pool's protected release (within the stated
# margin and the rounding of the count, never the exact 10 of 25 as a count); the peers API gives
# "high_share" beside "full_share"; the self-diagnosis, whose scale has no step one point below
# full marks, shows neither the column nor the field; `pool export` carries the protected counts.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${MAMORU_BIN:-./mamoru}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
TMP=$(mktemp -d)
. tests/cli/lib.sh
export MAMORU_CONTENT="${MAMORU_CONTENT:-$ROOT/content}" MAMORU_STATIC="$ROOT/static" MAMORU_DB=$(test_db high)
unset MAMORU_POOL_MIN
N=25
for k in $(seq 0 $((N - 1))); do
	"$BIN" org add --name "会社$k" --industry E --employees 30 --sites 1 >/dev/null
	python3 -c "import json,sys; k=int(sys.argv[1]); print(json.dumps({'answers': {str(i + 1): str(1 + (i + k) % 5) for i in range(25)}}))" "$k" >"$TMP/a.json"
	"$BIN" diagnose benchmark --answers "$TMP/a.json" --save --org $((k + 1)) --pool >/dev/null
	"$BIN" diagnose jisha-shindan --answers examples/jisha-shindan.csv --save --org $((k + 1)) --pool >/dev/null
done
"$BIN" pool release >/dev/null 2>&1   # a release of all 25 (the automatic one was made at the fifth)
# diagnosis 1 is company 0's benchmark (levels 1 2 3 4 5 1 …), diagnosis 2 its self-diagnosis
. tests/http/lib.sh
start_server
peers_py() { printf '%s' "$OUT" | python3 -c "$1"; }

CASE="the comparison page: the share answering 4 or 5 beside the share answering 5, protected"
get /diagnoses/1/compare
expect_code 200
expect_out 'id="like-mine"'
expect_out '<th scope="col" id="share-high">「4」か「5」と答えた割合（±'
expect_out '<th scope="col" id="share-full">「5 全社で実施し、定期的に見直して改善している」と答えた割合（±'
printf '%s' "$OUT" | python3 -c "
import re, sys
html = sys.stdin.read()
sec = html[html.index('id=\"like-mine\"'):]
sec = sec[:sec.index('</table>')]
n = int(re.search(r'（(\d+) 社）', html[html.index('id=\"like-mine\"') - 200:]).group(1))
margin = int(re.search(r'id=\"share-high\">[^<]*（±(\d+)%）', sec).group(1))
rows = re.findall(r'<tr><td>(\d+) [^<]*</td><td>([^<]*)</td><td>(\d+)%</td><td>(\d+)%</td></tr>', sec)
assert len(rows) == 25, len(rows)
slack = margin + 100 * 2.5 / n + 1   # the noise's 95 % range, the count rounded to fives, whole percents
outside = 0
for q, own, high, full in rows:
    high, full = int(high), int(full)
    assert full <= high, (q, full, high)           # the 5s are among the 4s and 5s
    outside += abs(high - 40) > slack
    assert own == str(1 + (int(q) - 1) % 5), (q, own)   # company 0's own level
assert outside <= 5, outside                       # about 5 % may fall outside a 95 % range
highs = [int(r[2]) for r in rows]
assert len(set(highs)) > 1                         # noise, not the exact 40 everywhere
" && ok || bad "the like-mine table's shares are not the protected 40 %"
get "/diagnoses/1/compare?lang=en"
expect_out 'id="share-high">Share answering &quot;4&quot; or &quot;5&quot;'
get "/diagnoses/1/compare?lang=ja"

CASE="the peers API gives high_share beside full_share, under the same rules"
api GET /api/v1/diagnoses/1/peers
expect_code 200
peers_py "
import json, sys
d = json.load(sys.stdin)
like = [p for p in d['peers'] if p['dimension'] == 'size_industry'][0]
assert like['shown'] and like['items_shown'] and like['n'] % 5 == 0
m = like['share_margin'] + 2.5 / like['n'] + 0.01
items = like['items']
assert len(items) == 25
assert all(0 <= i['full_share'] <= i['high_share'] <= 1 for i in items)
assert sum(abs(i['high_share'] - 0.4) > m for i in items) <= 5
assert len({i['high_share'] for i in items}) > 1
" && ok || bad "peers API high_share: $(echo "$OUT" | head -c 300)"

CASE="the self-diagnosis (4 / 2 / 0 / −1) has no such column or field"
get /diagnoses/2/compare
expect_code 200
expect_out 'id="like-mine"'
expect_no_out 'id="share-high"'
expect_out 'id="share-full">「実施している」または「該当なし」と答えた割合'
api GET /api/v1/diagnoses/2/peers
peers_py "
import json, sys
d = json.load(sys.stdin)
like = [p for p in d['peers'] if p['dimension'] == 'size_industry'][0]
assert like['items_shown'] and all('high_share' not in i and 'full_share' in i for i in like['items'])
" && ok || bad "the self-diagnosis has high_share"

CASE="the comparison workbook has the column too, from the same release (not for the self-diagnosis)"
for d in 1 2; do
	curl -s -o "$TMP/c$d.xlsx" -b "$TMP/cj" "$B/diagnoses/$d/compare.xlsx?lang=ja"
	/usr/bin/python3 tests/cli/xlsx_cells.py "$TMP/c$d.xlsx" >"$TMP/c$d.json" || bad "workbook $d unreadable"
done
python3 - "$TMP/c1.json" "$TMP/c2.json" <<'PY' && ok || bad "the workbook's share answering 4 or 5"
import json, sys
b, j = (json.load(open(f)) for f in sys.argv[1:3])
rows = next(b[s] for s in b['sheets'] if b[s] and '同じような会社で「4」か「5」の割合' in b[s][0])
head = rows[0]
hi, full = head.index('同じような会社で「4」か「5」の割合'), head.index('同じような会社で満点の割合')
vals = [(r[hi], r[full]) for r in rows[1:] if r and r[hi] is not None]
assert len(vals) == 25 and all(0 <= f <= h <= 1 for h, f in vals), vals[:3]
assert all('同じような会社で「4」か「5」の割合' not in (j[s][0] if j[s] else []) for s in j['sheets'])
PY

CASE="the export carries the protected counts of 4 or 5"
run "$BIN" pool export "$TMP/pool.json"
expect_rc 0
python3 - "$TMP/pool.json" <<'PY' && ok || bad "the export lacks protected item_high"
import json, sys
d = json.load(open(sys.argv[1]))
assert d['format_version'] == 3
bench = [a for a in d['aggregates'] if a['questionnaire'] == 'benchmark' and a['dimension'] == 'all']
assert bench, 'no benchmark aggregate'
for a in bench:
    assert len(a['item_high']) == 25
    assert all(f <= h <= a['n'] for f, h in zip(a['item_full'], a['item_high']))
    assert any(h != 10 for h in a['item_high']) or a['n'] != 25   # noisy, not the exact 10 of 25
PY

echo "test_pool_high_http: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
