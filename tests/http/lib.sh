# lib.sh — what the HTTP integration tests share: a free port, the server started on it (and
# stopped, with the temporary folder removed, on exit), and curl wrappers that keep the status,
# headers and body for the assertions of tests/cli/lib.sh. Source it after that file, with BIN
# and TMP set.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server [mamoru options] : sets PORT, B (the base URL) and SERVER (the pid)
start_server() {
	PORT=$(free_port)
	B=http://127.0.0.1:$PORT
	"$BIN" "$@" serve --listen "127.0.0.1:$PORT" 2>"$TMP/server.log" &
	SERVER=$!
	trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
	for _ in $(seq 1 50); do curl -s -o /dev/null "$B/healthz" && break; sleep 0.1; done
}

# get URL [curl args] : OUT = body, HDR = headers, CODE = status (cookies kept across calls)
get() { u=$1; shift; CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -b "$TMP/cj" -c "$TMP/cj" "$@" "$B$u"); OUT=$(cat "$TMP/body"); HDR=$(cat "$TMP/hdr"); }
expect_code() { [ "$CODE" = "$1" ] && ok || bad "HTTP $CODE, expected $1: $(echo "$OUT" | head -c 300)"; }
expect_hdr() { echo "$HDR" | grep -qi "$1" && ok || bad "header lacks \"$1\""; }
# api METHOD URL [curl args] : a JSON request
api() { m=$1 u=$2; shift 2; get "$u" -X "$m" -H 'Content-Type: application/json' "$@"; }
