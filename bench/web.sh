#!/bin/bash
# web.sh — the web benchmark: mamoru's result pages and POST /api/v1/diagnoses against nginx
# serving the same bytes as static files, in the same run, signed in as the tests sign in (an
# API token of an administrator made with `mamoru token add`).
#
# It is built so that it cannot report a wrong figure without failing:
#  - nginx serves files under this bench's own folder (755 folders, 644 files, `user root;` when
#    run as root, so its workers can read them) with sendfile set explicitly;
#  - before timing, every page is fetched from both sides: status 200 and the same byte count,
#    or the bench stops;
#  - any non-2xx answer or socket error during a wrk run stops the bench;
#  - A (mamoru) and B (nginx) run interleaved in ROUNDS rounds; each ratio is per round, and the
#    minimum, median and maximum of those are printed.
# The floor: bench/web_floor.c, libmicrohttpd alone with mamoru's settings answering the cached
# page's bytes from memory (against nginx, interleaved like the rest): what the server library
# costs, so that the rest of mamoru's ratio is its own work per request.
# Three page cases: the cached result page (the same id every time), an uncached result page
# (the same id with a query parameter, which the page cache never keeps), and random result pages
# over N saved diagnoses that have organisations (a wrk Lua script picks the id; the cache keeps
# 256 pages, so most are misses; nginx serves the same N pages, picked at random the same way).
#
#   bench/web.sh                        ROUNDS=3 DUR=5s CONN=32 N=1000 by default
# Loopback only; each run is bounded by wrk's duration; the folder is removed on exit.
set -eu
cd "$(dirname "$0")/.."
make -s build/bench/web_floor >&2
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
BIN=${MAMORU_BIN:-./mamoru}
ROUNDS=${ROUNDS:-3} DUR=${DUR:-5s} CONN=${CONN:-32} N=${N:-1000}
mkdir -p bench/tmp
T=$(mktemp -d "$PWD/bench/tmp/web.XXXXXX")
chmod 755 "$PWD/bench/tmp" "$T"
. bench/lib.sh
P1=$(free_port) P2=$(free_port) P3=$(free_port)
M="" F=""
trap '[ -n "$M" ] && kill $M 2>/dev/null; [ -n "$F" ] && kill $F 2>/dev/null; [ -f "$T/nginx.pid" ] && kill "$(cat "$T/nginx.pid")" 2>/dev/null; rm -rf "$T"' EXIT

printf '%s\n' 'bench passphrase 2026 web' | "$BIN" --db "$T/w.db" user add bench@example.test --name bench --role admin --password-stdin >/dev/null
TOKEN=$("$BIN" --db "$T/w.db" token add bench@example.test --label bench | tail -1)
"$BIN" --db "$T/w.db" serve --listen "127.0.0.1:$P1" --max-per-client 0 2>"$T/server.log" &
M=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$P1/healthz" && break; sleep 0.05; done

# 40 organisations and N self-diagnoses spread over them (answers and notes of varied length),
# through the API over one kept-alive connection; then every result page saved for nginx
mkdir -p "$T/www/diagnoses" "$T/www/uncached"
python3 bench/seed.py "$P1" "$TOKEN" "$N"
python3 - "$P1" "$TOKEN" "$N" "$T/www" <<'PY'
import http.client, sys
port, token, n, www = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
c = http.client.HTTPConnection("127.0.0.1", port)
def get(url):
    c.request("GET", url, headers={"Authorization": "Bearer " + token})
    r = c.getresponse(); data = r.read()
    if r.status != 200:
        sys.exit(f"GET {url}: {r.status} {data[:200]!r}")
    return data
for i in range(1, n + 1):
    open(f"{www}/diagnoses/{i}.html", "wb").write(get(f"/diagnoses/{i}"))
open(f"{www}/uncached/1.html", "wb").write(get("/diagnoses/1?from=bench"))
PY
find "$T/www" -type d -exec chmod 755 {} + && find "$T/www" -type f -exec chmod 644 {} +
grep -q 'id="total">' "$T/www/diagnoses/1.html" || { echo "result page not as expected" >&2; exit 1; }
grep -q 'href="/organizations/' "$T/www/diagnoses/1.html" || { echo "diagnosis 1 has no organisation" >&2; exit 1; }

cat >"$T/nginx.conf" <<NGINX
$([ "$(id -u)" = 0 ] && echo 'user root;')
worker_processes 2;
pid $T/nginx.pid;
error_log $T/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type text/html;
  server {
    listen 127.0.0.1:$P2;
    root $T/www;
    location /diagnoses/ { try_files \$uri.html =404; }
    location /uncached/ { try_files \$uri.html =404; }
  }
}
NGINX
nginx -c "$T/nginx.conf" -p "$T"
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$P2/diagnoses/1" && break; sleep 0.05; done
build/bench/web_floor "$T/www/diagnoses/1.html" "$P3" &
F=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$P3/" && break; sleep 0.05; done
[ "$(curl -s -w '%{http_code}' -o "$T/floor.html" "http://127.0.0.1:$P3/diagnoses/1")" = 200 ] && cmp -s "$T/floor.html" "$T/www/diagnoses/1.html" ||
	{ echo "the floor does not answer the page's bytes" >&2; exit 1; }

# both sides answer every page with 200 and the same number of bytes
python3 - "$P1" "$P2" "$TOKEN" "$N" <<'PY'
import http.client, sys
p1, p2, token, n = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
a, b = http.client.HTTPConnection("127.0.0.1", p1), http.client.HTTPConnection("127.0.0.1", p2)
def size(c, url, auth):
    c.request("GET", url, headers={"Authorization": "Bearer " + token} if auth else {})
    r = c.getresponse(); data = r.read()
    if r.status != 200:
        sys.exit(f"GET {url} on port {c.port}: {r.status}")
    return len(data)
pairs = [(f"/diagnoses/{i}", f"/diagnoses/{i}") for i in range(1, n + 1)] + [("/diagnoses/1?from=bench", "/uncached/1")]
sizes = []
for ua, ub in pairs:
    sa, sb = size(a, ua, True), size(b, ub, False)
    if sa != sb:
        sys.exit(f"{ua}: mamoru {sa} bytes, nginx {sb} bytes")
    sizes.append(sa)
print(f"checked {len(pairs)} pages on both sides: 200 and the same bytes ({min(sizes)}–{max(sizes)} bytes; diagnosis 1: {sizes[0]})")
PY

cat >"$T/random.lua" <<LUA
local n = $N
local thread_no = 0
setup = function(thread) thread_no = thread_no + 1; thread:set("seed", thread_no) end
init = function() math.randomseed(os.time() * 100 + seed) end
request = function() return wrk.format("GET", "/diagnoses/" .. math.random(1, n)) end
LUA
body=$(python3 -c 'import json; print(json.dumps({"questionnaire": "jisha-shindan", "organization_id": 3, "answers": {str(i): "partly" if i <= 20 else "yes" for i in range(1, 26)}}))')
cat >"$T/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$body'
LUA
cat >"$T/post-minimal.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Prefer"] = "return=minimal"
wrk.body = '$body'
LUA

# run NAME URL [wrk args]: wrk into $T/NAME.txt; any non-2xx or socket error stops the bench
run() {
	local name=$1 url=$2
	shift 2
	wrk -t2 -c"$CONN" -d"$DUR" --latency "$@" "$url" >"$T/$name.txt"
	if grep -E 'Non-2xx|Socket errors' "$T/$name.txt" >&2; then
		echo "$name: errors during the run (above); figures discarded" >&2
		exit 1
	fi
}
rps() { awk '/Requests\/sec/ {print $2}' "$T/$1.txt"; }
lat() { awk -v p="$2%" '$1 == p {print $2}' "$T/$1.txt"; }
AUTH="Authorization: Bearer $TOKEN"
A=http://127.0.0.1:$P1 B=http://127.0.0.1:$P2 C=http://127.0.0.1:$P3
echo "== $ROUNDS rounds; wrk -t2 -c$CONN -d$DUR; wrk, mamoru and nginx share the machine's cores"
for r in $(seq 1 "$ROUNDS"); do
	run "cached.A.$r" "$A/diagnoses/1" -H "$AUTH"
	run "cached.B.$r" "$B/diagnoses/1"
	run "uncached.A.$r" "$A/diagnoses/1?from=bench" -H "$AUTH"
	run "uncached.B.$r" "$B/uncached/1"
	run "random.A.$r" "$A/" -H "$AUTH" -s "$T/random.lua"
	run "random.B.$r" "$B/" -s "$T/random.lua"
	run "floor.A.$r" "$C/diagnoses/1"
	run "floor.B.$r" "$B/diagnoses/1"
	for c in cached uncached random floor; do
		printf 'round %d %-9s %-6s %9s req/s  nginx %9s req/s\n' "$r" "$c" "$([ "$c" = floor ] && echo floor || echo mamoru)" \
			"$(rps "$c.A.$r")" "$(rps "$c.B.$r")"
	done
done
ratio() { # case: min / median / max of the per-round mamoru ÷ nginx
	for r in $(seq 1 "$ROUNDS"); do echo "$(rps "$1.A.$r") $(rps "$1.B.$r")"; done |
		awk '{print $1 / $2}' | sort -n | awk '{a[NR]=$1} END {printf "median %.2f (min %.2f, max %.2f)", a[int((NR+1)/2)], a[1], a[NR]}'
}
echo "mamoru ÷ nginx, cached result page (same id):   $(ratio cached)"
echo "mamoru ÷ nginx, uncached result page:           $(ratio uncached)"
echo "mamoru ÷ nginx, random result pages ($N, with organisations): $(ratio random)"
echo "the floor: libmicrohttpd alone (the cached page's bytes from memory) ÷ nginx: $(ratio floor)"

before=$(sqlite3 "$T/w.db" 'SELECT count(*) FROM diagnoses')
run post "$A/api/v1/diagnoses" -H "$AUTH" -s "$T/post.lua"
echo "POST /api/v1/diagnoses (full reply):           $(rps post) req/s  p50 $(lat post 50)  p99 $(lat post 99)"
if curl -s -o /dev/null -D "$T/pm.hdr" -X POST -H "$AUTH" -H 'Content-Type: application/json' -H 'Prefer: return=minimal' -d "$body" "$A/api/v1/diagnoses" &&
	grep -qi '^Preference-Applied: return=minimal' "$T/pm.hdr"; then
	run post-minimal "$A/api/v1/diagnoses" -H "$AUTH" -s "$T/post-minimal.lua"
	echo "POST /api/v1/diagnoses (Prefer: return=minimal): $(rps post-minimal) req/s  p50 $(lat post-minimal 50)  p99 $(lat post-minimal 99)"
fi
after=$(sqlite3 "$T/w.db" 'SELECT count(*) FROM diagnoses')
echo "diagnoses stored by the POST runs: $((after - before))"
# the log must stay bounded under a steady stream of saves (src/store/sqlite.c: WAL_LIMIT_FRAMES)
wal=$(($(stat -c %s "$T/w.db-wal" 2>/dev/null || echo 0) / 1048576))
echo "write-ahead log after the POST runs: $wal MB"
[ "$wal" -le 512 ] || { echo "the write-ahead log grew past 512 MB" >&2; exit 1; }
