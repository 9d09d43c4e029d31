#!/bin/bash
# startup.sh — start-up time of `mamoru serve` (issue 19): from exec to the first 200 of /healthz,
# N runs (default 9) on a small database of its own; prints the median, minimum and maximum of the
# wall time and of the server's CPU time until that answer (steadier on a busy machine).
#
#   bench/startup.sh [BINARY] [N]        BINARY defaults to ./mamoru; run from a checkout
set -eu
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-./mamoru}")
N=${2:-9}
export MAMORU_CONTENT=$PWD/content MAMORU_STATIC=$PWD/static
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
"$BIN" --db "$D/s.db" org add --name x >/dev/null
for _ in $(seq 1 "$N"); do
	python3 - "$BIN" "$D/s.db" <<'PY'
import http.client, os, socket, subprocess, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
t0 = time.monotonic()
p = subprocess.Popen([sys.argv[1], "--db", sys.argv[2], "serve", "--listen", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
while True:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1); c.request("GET", "/healthz")
        if c.getresponse().status == 200: break
    except OSError: time.sleep(0.001)
wall = (time.monotonic() - t0) * 1000
f = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
cpu = (int(f[11]) + int(f[12])) * 1000 / os.sysconf("SC_CLK_TCK")
print(f"{wall:.1f} {cpu:.0f}")
c.close()  # else the server waits for the kept-alive connection before it stops
p.terminate(); p.wait()
PY
done >"$D/out"
sort -n "$D/out" | awk '{a[NR]=$1} END {printf "wall to first response: median %.1f ms (min %.1f, max %.1f, %d runs)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
sort -n -k2 "$D/out" | awk '{a[NR]=$2} END {printf "server CPU until then: median %.0f ms (min %.0f, max %.0f; 10 ms ticks)\n", a[int((NR+1)/2)], a[1], a[NR]}'
