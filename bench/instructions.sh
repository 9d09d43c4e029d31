#!/bin/bash
# instructions.sh — instructions the server executes per result page (valgrind's callgrind), for
# comparing builds on a busy machine: unlike req/s or CPU time, the count does not move with what
# else runs on the cores. It counts instructions, not time: a memset or memcpy weighs more here
# than on the CPU, and the kernel's share (sending 50 KB) is not counted at all, so the figures
# rank changes; bench/web.sh says what they are worth against nginx.
#
#   bench/instructions.sh ./mamoru [OTHER_BINARY …]      N=200 requests of each page
#
# One database per binary, made by it (its own schema) through the API as bench/web.sh makes
# them, the same for each (40 organisations, 50 self-diagnoses with notes), copied for every run. Each binary serves it under callgrind with one
# thread; a client makes 20 requests, or 20 + N, of one URL over a kept-alive connection (each
# must answer 200 with the same bytes); the difference of the two runs' totals divided by N is
# the count per request, start-up and the first requests left out. Pages: the uncached result
# page (a query parameter the page cache never keeps) and the cached one.
set -eu
cd "$(dirname "$0")/.."
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
[ $# -ge 1 ] || { echo "usage: bench/instructions.sh BINARY [BINARY …]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 3; }
N=${N:-200}
mkdir -p bench/tmp
T=$(mktemp -d "$PWD/bench/tmp/instructions.XXXXXX")
. bench/lib.sh
trap '[ -f "$T/pids" ] && kill $(cat "$T/pids") 2>/dev/null; rm -rf "$T"' EXIT

# make_db BIN DB: the database, made by that binary (its own schema) through the API (bench/seed.py)
make_db() {
	local BIN=$1 db=$2 token P
	printf '%s\n' 'bench passphrase 2026 instructions' | "$BIN" --db "$db" user add bench@example.test --name bench --role admin --password-stdin >/dev/null
	token=$("$BIN" --db "$db" token add bench@example.test --label bench | tail -1)
	P=$(serve_on "$db")
	python3 bench/seed.py "$P" "$token" 50
	kill "$(cat "$T/pids")" && wait 2>/dev/null || true
	rm -f "$T/pids"
	sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	echo "$token" >"$db.token"
}

# total BIN DB URL K: the instructions of a server run on a copy of DB that answered K requests of URL
total() {
	local bin=$1 db=$2 url=$3 k=$4 port
	cp "$db" "$T/run.db"
	port=$(free_port)
	valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$bin" --db "$T/run.db" serve --listen "127.0.0.1:$port" \
		--max-per-client 0 --threads 1 2>"$T/valgrind.log" &
	local pid=$!
	for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
	python3 - "$port" "$(cat "$db.token")" "$k" "$url" <<'PY'
import http.client, sys
port, token, k, url = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
c = http.client.HTTPConnection("127.0.0.1", port)
size = None
for _ in range(k):
    c.request("GET", url, headers={"Authorization": "Bearer " + token}); r = c.getresponse(); data = r.read()
    if r.status != 200 or (size is not None and len(data) != size):
        sys.exit(f"GET {url}: {r.status}, {len(data)} bytes (expected 200, {size})")
    size = len(data)
PY
	kill -INT "$pid"
	wait "$pid" 2>/dev/null || true
	awk '/^(summary|totals):/ {print $2; exit}' "$T/cg.out"
}

i=0
for bin in "$@"; do
	i=$((i + 1))
	make_db "$bin" "$T/w$i.db"
	for url in "/diagnoses/1?from=bench" "/diagnoses/1"; do
		a=$(total "$bin" "$T/w$i.db" "$url" 20)
		b=$(total "$bin" "$T/w$i.db" "$url" $((20 + N)))
		printf '%-40s %-26s %9d instructions per request\n' "$bin" "$url" $(((b - a) / N))
	done
done
