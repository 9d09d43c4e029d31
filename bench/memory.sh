#!/bin/bash
# memory.sh — the resident memory of `mamoru serve` during a minute of mixed load (issue 19;
# goal: under 50 MB), on a database of 10,000 organisations and 100,000 self-diagnoses.
#
# The database is made in seconds: mamoru itself makes one organisation and five real
# self-diagnoses with notes (the CLI, as users do), then SQL copies them — organisation 1 as
# organisations 2…ORGS, and diagnosis (i mod 5) + 1 with all its answer and category rows as
# diagnosis i, for organisation (i mod ORGS) + 1, dated one minute apart — so every row is the
# size of a real one and each organisation has a history of DIAGS / ORGS diagnoses.
#
# The load: wrk (2 threads, CONN connections, DUR seconds) with a Lua script that mixes (MIX), per 10
# requests, 4 result pages of random diagnoses (uncached), 2 history pages of random
# organisations, 2 home pages, 1 organisation page and 1 POST /api/v1/diagnoses, all with an API
# token. Every kind is first checked (status and size); the run fails on any status other than
# 200/201 or any timeout. RSS is read from /proc every second: peak (VmHWM) and steady (the
# median of the second half).
#
#   ORGS=10000 DIAGS=100000 DUR=60 CONN=256 MIX=4,2,2,1,1 bench/memory.sh [BINARY]
set -eu -o pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-./mamoru}")
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
ORGS=${ORGS:-10000} DIAGS=${DIAGS:-100000} DUR=${DUR:-60} CONN=${CONN:-256}
# requests per turn of: result pages, history pages, home pages, organisation pages, POSTs
MIX=${MIX:-4,2,2,1,1}
T=$(mktemp -d)
SERVER=""
SAMPLER=""
trap 'kill $SERVER $SAMPLER 2>/dev/null; rm -rf "$T"' EXIT
DB=$T/m.db
M() { "$BIN" --db "$DB" "$@"; }

echo "== database: $ORGS organisations, $DIAGS self-diagnoses"
t0=$(date +%s.%N)
M org add --name "株式会社みなと製作所" --industry E --employees 20 >/dev/null
python3 - "$T" <<'PY'
import json, random, sys
random.seed(7)
opts = ["yes", "partly", "no", "unknown"]
for k in range(5):
    ans = {str(i): {"answer": random.choice(opts) if i <= 20 else random.choice(["yes", "no"]),
                    "note": "担当者に確認済み。" * random.randint(0, 6)} for i in range(1, 26)}
    json.dump({"answers": ans}, open(f"{sys.argv[1]}/a{k}.json", "w"), ensure_ascii=False)
PY
for k in 0 1 2 3 4; do M diagnose jisha-shindan --answers "$T/a$k.json" --save --org 1 >/dev/null; done
python3 - "$DB" "$ORGS" "$DIAGS" <<'PY'
import sqlite3, sys
db, orgs, diags = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = sqlite3.connect(db, isolation_level=None)
cols = lambda t: [r[1] for r in c.execute(f"PRAGMA table_info({t})")]
c.execute("BEGIN")
# organisations 2..ORGS: organisation 1 with its own name
oc = [x for x in cols("organizations") if x not in ("id", "name")]
c.execute(f"""WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < {orgs})
              INSERT INTO organizations (id, name, {", ".join(oc)})
              SELECT n.i, '株式会社サンプル' || n.i, {", ".join("o." + x for x in oc)} FROM n, organizations o WHERE o.id = 1""")
# diagnoses 6..DIAGS: a copy of diagnosis (i mod 5) + 1, for organisation (i mod ORGS) + 1
dc = [x for x in cols("diagnoses") if x not in ("id", "organization_id", "created_at", "round")]
c.execute(f"""WITH RECURSIVE n(i) AS (SELECT 6 UNION ALL SELECT i + 1 FROM n WHERE i < {diags})
              INSERT INTO diagnoses (id, organization_id, created_at, round, {", ".join(dc)})
              SELECT n.i, n.i % {orgs} + 1,
                     strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-30', '-' || ({diags} - n.i) || ' minutes'),
                     strftime('%Y-%m', '2026-11-30', '-' || ({diags} - n.i) || ' minutes'),
                     {", ".join("t." + x for x in dc)}
              FROM n JOIN diagnoses t ON t.id = n.i % 5 + 1""")
for child in ("diagnosis_answers", "diagnosis_categories"):
    cc = [x for x in cols(child) if x != "diagnosis_id"]
    c.execute(f"""INSERT INTO {child} (diagnosis_id, {", ".join(cc)})
                  SELECT d.id, {", ".join("a." + x for x in cc)} FROM diagnoses d JOIN {child} a ON a.diagnosis_id = d.id % 5 + 1
                  WHERE d.id > 5 ORDER BY d.id, a.position""")
c.execute("COMMIT")
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
for t in ("organizations", "diagnoses", "diagnosis_answers", "diagnosis_categories"):
    print(f"  {t}: {c.execute(f'SELECT count(*) FROM {t}').fetchone()[0]} rows")
PY
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v s="$(stat -c %s "$DB")" 'BEGIN {printf "  made in %.1f s; %.0f MB\n", b - a, s / 1e6}'

printf '%s\n' 'memory bench passphrase 2026' | M user add bench@example.test --name bench --role admin --password-stdin >/dev/null
TOKEN=$(M token add bench@example.test --label bench | tail -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
U=http://127.0.0.1:$PORT
"$BIN" --db "$DB" serve --listen "127.0.0.1:$PORT" --max-per-client 0 2>"$T/server.log" &
SERVER=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$U/healthz" && break; sleep 0.1; done
rss() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$SERVER/status"; }
echo "== server: pid $SERVER, RSS after start-up $(($(rss VmRSS) / 1024)) MB"

BODY=$(python3 -c 'import json; print(json.dumps({"questionnaire": "jisha-shindan", "organization_id": 3, "answers": {str(i): "partly" if i <= 20 else "yes" for i in range(1, 26)}}))')
check() { # METHOD PATH EXPECTED_STATUS MIN_BYTES
	local code size
	read -r code size < <(curl -s -o "$T/check" -w '%{http_code} %{size_download}\n' -X "$1" -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' ${5:+--data "$5"} "$U$2")
	[ "$code" = "$3" ] && [ "$size" -ge "$4" ] || { echo "FAIL: $1 $2: HTTP $code, $size bytes (expected $3, at least $4)" >&2; exit 1; }
	echo "  $1 $2: $code, $size bytes"
}
check GET "/diagnoses/$((DIAGS / 2 + 7))" 200 20000
check GET "/organizations/$((ORGS / 2 + 3))/history" 200 3000
check GET / 200 2000
check GET "/organizations/$((ORGS - 1))" 200 2000
check POST /api/v1/diagnoses 201 100 "$BODY"

cat >"$T/mix.lua" <<LUA
local orgs, diags = $ORGS, $DIAGS
local auth = "Bearer $TOKEN"
local body = '$BODY'
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) math.randomseed(os.time() + math.random(1, 100000)); n = 0; bad = 0; badcode = 0 end
local w = { $MIX }
local total = 0
for i = 1, 5 do total = total + w[i] end
request = function()
	n = n + 1
	local k, h = n % total, { ["Authorization"] = auth }
	if k < w[1] then return wrk.format("GET", "/diagnoses/" .. math.random(1, diags), h) end
	k = k - w[1]
	if k < w[2] then return wrk.format("GET", "/organizations/" .. math.random(1, orgs) .. "/history", h) end
	k = k - w[2]
	if k < w[3] then return wrk.format("GET", "/", h) end
	k = k - w[3]
	if k < w[4] then return wrk.format("GET", "/organizations/" .. math.random(1, orgs), h) end
	h["Content-Type"] = "application/json"
	return wrk.format("POST", "/api/v1/diagnoses", h, body)
end
response = function(status) if status ~= 200 and status ~= 201 then bad = bad + 1; badcode = status end end
done = function(summary, latency, requests)
	local b = 0
	for _, t in ipairs(threads) do
		b = b + t:get("bad")
		if t:get("badcode") ~= 0 then io.write("a status seen: ", t:get("badcode"), "\n") end
	end
	io.write(string.format("BAD %d TIMEOUT %d CONNECT %d READ %d WRITE %d\n", b, summary.errors.timeout,
		summary.errors.connect, summary.errors.read, summary.errors.write))
end
LUA

echo "== load: ${DUR} s, $CONN connections, mixed $MIX (result pages, histories, home pages, organisation pages, POSTs)"
: >"$T/rss"
( while kill -0 "$SERVER" 2>/dev/null; do rss VmRSS >>"$T/rss"; sleep 1; done ) &
SAMPLER=$!
wrk -t2 -c"$CONN" -d"${DUR}s" --timeout 10s -s "$T/mix.lua" "$U/" >"$T/wrk.out" || true
kill "$SAMPLER" 2>/dev/null || true
cat "$T/wrk.out" | grep -E "Requests/sec|Latency|requests in|BAD|status seen|Socket errors" | sed 's/^/  /'
peak=$(rss VmHWM)
steady=$(tail -n "$(($(wc -l <"$T/rss") / 2))" "$T/rss" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
max_sample=$(sort -n "$T/rss" | tail -1)
echo "== RSS of mamoru serve: peak $((peak / 1024)) MB (VmHWM), largest sample $((max_sample / 1024)) MB, steady $((steady / 1024)) MB (median of the second half; goal under 50 MB)"
read -r bad timeouts < <(awk '/^BAD/ {print $2, $4}' "$T/wrk.out")
if [ "${bad:-x}" != 0 ] || [ "${timeouts:-x}" != 0 ]; then
	echo "FAIL: $bad responses with a status other than 200/201, $timeouts time-outs" >&2
	exit 1
fi
