# lib.sh — what the HTTP integration tests share: a free port, the server started on it (and
# stopped, with the temporary folder removed, on exit), the one place that knows how tests sign
# in, and curl wrappers that keep the status, headers and body for the assertions of
# tests/cli/lib.sh. Source it after that file, with BIN and TMP set.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The administrator every test server gets, created with the command line before it starts.
TEST_EMAIL=admin@example.test
TEST_PASSWORD='mamoru test passphrase 2026'

# add_user [mamoru options] EMAIL ROLE [--org ID] : a user with TEST_PASSWORD
add_user() {
	local opts=() email role
	while [ "${1#--}" != "$1" ] && [ "$1" != "--org" ]; do opts+=("$1" "$2"); shift 2; done
	email=$1 role=$2; shift 2
	printf '%s\n' "$TEST_PASSWORD" | "$BIN" "${opts[@]}" user add "$email" --name "試験 $role" --role "$role" --password-stdin "$@" >/dev/null
}

# start_server [mamoru options] : sets PORT, B (the base URL) and SERVER (the pid), signs the
# administrator in (session cookie in $TMP/cj) and keeps an API token of theirs in API_TOKEN
# A port that was free a moment ago can be taken meanwhile (another suite runs beside this one,
# tests/run-all.sh): a server that exits at once is started again on another port.
start_server() {
	add_user "$@" "$TEST_EMAIL" admin 2>/dev/null || true
	API_TOKEN=$("$BIN" "$@" token add "$TEST_EMAIL" --label tests | tail -1)
	trap 'stop_server; rm -rf "$TMP"' EXIT
	for _ in 1 2 3; do
		PORT=$(free_port)
		B=http://127.0.0.1:$PORT
		"$BIN" "$@" serve --listen "127.0.0.1:$PORT" 2>"$TMP/server.log" &
		SERVER=$!
		for _ in $(seq 1 100); do
			curl -s -o /dev/null "$B/healthz" && break
			kill -0 "$SERVER" 2>/dev/null || break
			sleep 0.1
		done
		kill -0 "$SERVER" 2>/dev/null && break
	done
	curl -s -o /dev/null "$B/healthz" || echo "FAIL: the server did not start: $(tail -3 "$TMP/server.log")"
	login "$TEST_EMAIL"
}

# stop_server : stops it as systemd would (SIGTERM, a clean exit) and shows what the sanitizer
# build reported on the way out — a leak is only found when the process ends, after the script's
# own checks, so tests/run-all.sh counts these lines as a failure of the script
stop_server() {
	kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
	grep -E -A40 'ERROR: [A-Za-z]+Sanitizer|runtime error' "$TMP/server.log" 2>/dev/null | head -60 >&2
}

# csrf_of FILE : the CSRF token of the first form in a saved page
csrf_of() { grep -o 'name="csrf" value="[0-9a-f]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }

# login EMAIL [JAR] : signs in through /login with TEST_PASSWORD; the session goes to JAR
# (default $TMP/cj, the jar get() uses). Returns 0 when the server answered with a redirect.
login() {
	local jar=${2:-$TMP/cj}
	curl -s -c "$jar" -b "$jar" -o "$TMP/login.html" "$B/login"
	local code
	code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' -X POST "$B/login" --data-urlencode "csrf=$(csrf_of "$TMP/login.html")" \
		--data-urlencode "email=$1" --data-urlencode "password=$TEST_PASSWORD")
	[ "$code" = 303 ]
}

# session_cookie : the session id in $TMP/cj, for a request that must not send the other cookies
session_cookie() { awk '$6 == "mamoru_session" {print $7}' "$TMP/cj"; }

# csrf_token : the signed-in session's CSRF token, as its forms carry it
csrf_token() { curl -s -b "$TMP/cj" -o "$TMP/account.html" "$B/account"; csrf_of "$TMP/account.html"; }

# get URL [curl args] : OUT = body, HDR = headers, CODE = status (cookies kept across calls)
get() { u=$1; shift; CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -b "$TMP/cj" -c "$TMP/cj" "$@" "$B$u"); OUT=$(cat "$TMP/body"); HDR=$(cat "$TMP/hdr"); }
# get_as JAR URL [curl args] : the same as the user whose session is in JAR (from login EMAIL JAR);
# the administrator's jar is left alone
get_as() { jar=$1 u=$2; shift 2; CODE=$(curl -s -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' -b "$jar" -c "$jar" "$@" "$B$u"); OUT=$(cat "$TMP/body"); HDR=$(cat "$TMP/hdr"); }
expect_code() { [ "$CODE" = "$1" ] && ok || bad "HTTP $CODE, expected $1: $(echo "$OUT" | head -c 300)"; }
expect_hdr() { echo "$HDR" | grep -qi "$1" && ok || bad "header lacks \"$1\""; }
# api METHOD URL [curl args] : a JSON request with the administrator's API token
api() { m=$1 u=$2; shift 2; get "$u" -X "$m" -H 'Content-Type: application/json' -H "Authorization: Bearer $API_TOKEN" "$@"; }
