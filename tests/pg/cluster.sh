#!/bin/bash
# cluster.sh — a throwaway PostgreSQL cluster for the tests, started and stopped by the test
# runner itself (no service that must already be running): initdb into a temporary folder,
# listening only on a Unix socket in that folder, trust authentication, the C locale.
#
#   eval "$(tests/pg/cluster.sh start)"   # sets MAMORU_PG_DIR and MAMORU_PG_ADMIN (a URL)
#   tests/pg/cluster.sh fresh NAME         # prints the URL of a new, empty database NAME
#   tests/pg/cluster.sh stop               # stops it and removes the folder
#
# PostgreSQL refuses to run as root: as root the cluster runs as Debian's postgres user
# (created by the postgresql package) through runuser, in a folder that user owns.
set -eu

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "cluster.sh: PostgreSQL server programs not found (install the postgresql package)" >&2; exit 3; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
url() { printf 'postgresql:///%s?host=%s&user=mamoru' "$1" "$MAMORU_PG_DIR"; }

case "${1:-}" in
start)
	dir=$(mktemp -d /tmp/mamoru-pg.XXXXXX)
	chmod 755 "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U mamoru --auth=trust --locale=C -E UTF8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=300" start >/dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	MAMORU_PG_DIR=$dir
	echo "export MAMORU_PG_DIR='$dir' MAMORU_PG_ADMIN='$(url postgres)'"
	;;
fresh)
	: "${MAMORU_PG_DIR:?start the cluster first}"
	name=${2:?usage: cluster.sh fresh NAME}
	PGOPTIONS="--client-min-messages=warning" psql -q -X -v ON_ERROR_STOP=1 "$(url postgres)" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" -c "CREATE DATABASE \"$name\"" >/dev/null
	url "$name"
	;;
stop)
	: "${MAMORU_PG_DIR:?nothing to stop}"
	as_owner "$bin/pg_ctl" -D "$MAMORU_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$MAMORU_PG_DIR"
	;;
*)
	echo "usage: $0 start|fresh NAME|stop" >&2
	exit 2
	;;
esac
