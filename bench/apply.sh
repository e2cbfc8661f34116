#!/usr/bin/env bash
# apply.sh [COUNT]: writes COUNT (default 500) small revisions (each adds
# a table or an index), applies them with `strata upgrade` on each
# dialect, and prints the time per revision next to the time of the same
# SQL as one plain script through the database's client (from
# `strata upgrade --sql`; on SQLite in one transaction, as strata runs
# it). Run under scripts/test.sh --servers-only for PostgreSQL and
# MariaDB.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
strata=${STRATA_BIN:-$root/build/cmd/strata}
testdb=${STRATA_TESTDB:-$root/build/tests/strata_testdb}
count=${1:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/migrations/versions"
prev=
for ((i = 1; i <= count; i++)); do
	id=$(printf '%08d' "$i")
	{
		echo "revision: '$id'"
		if [ -n "$prev" ]; then echo "parents: ['$prev']"; else echo "parents: []"; fi
		echo "message: step $i"
		echo "upgrade:"
		if ((i % 2)); then
			echo "  - create_table:"
			echo "      table: t$i"
			echo "      columns:"
			echo "        id: {type: integer, primary_key: true}"
			echo "        v: {type: string(20)}"
		else
			echo "  - create_index:"
			echo "      table: t$((i - 1))"
			echo "      indexes:"
			echo "        - {columns: [v]}"
		fi
		echo "downgrade: []"
	} > "$work/migrations/versions/${id}_step.yaml"
	prev=$id
done
now_ms() { date +%s%3N; }
printf '%-9s %6s %10s %10s %12s %12s\n' dialect revs strata_ms plain_ms ms_per_rev overhead_ms
for d in sqlite postgres mysql; do
	case $d in
	sqlite) url="sqlite:///$work/apply.db"; rm -f "$work/apply.db" "$work/plain.db" ;;
	postgres) [ -n "${STRATA_TEST_PG_URL:-}" ] || continue
		url=$("$testdb" create postgres) ;;
	mysql) [ -n "${STRATA_TEST_MYSQL_URL:-}" ] || continue
		url=$("$testdb" create mysql) ;;
	esac
	"$strata" --url "$url" --migrations "$work/migrations" upgrade --sql \
		> "$work/plain.sql"
	t0=$(now_ms)
	"$strata" --url "$url" --migrations "$work/migrations" -q upgrade
	t1=$(now_ms)
	s_ms=$((t1 - t0))
	case $d in
	sqlite) plain=(sqlite3 "$work/plain.db")
		# strata runs a SQLite upgrade in one transaction (its lock):
		# so does the plain script, or it would time 500 fsyncs
		{ echo "BEGIN;"; grep -v -e '^BEGIN;$' -e '^COMMIT;$' "$work/plain.sql"
		  echo "COMMIT;"; } > "$work/plain1.sql"
		mv "$work/plain1.sql" "$work/plain.sql" ;;
	postgres) purl=$("$testdb" create postgres); plain=(psql -X -q -o /dev/null "$purl") ;;
	mysql) purl=$("$testdb" create mysql)
		rest=${purl#*://}; creds=${rest%%@*}; rest=${rest#*@}
		host=${rest%%/*}; db=${rest#*/}
		plain=(mariadb -h "${host%%:*}" -P "${host##*:}" -u "${creds%%:*}" "-p${creds#*:}" "$db") ;;
	esac
	t0=$(now_ms)
	"${plain[@]}" < "$work/plain.sql" > /dev/null
	t1=$(now_ms)
	p_ms=$((t1 - t0))
	awk -v d="$d" -v n="$count" -v s="$s_ms" -v p="$p_ms" 'BEGIN {
		printf "%-9s %6d %10d %10d %12.3f %12.3f\n", d, n, s, p, s / n, (s - p) / n }'
	[ "$d" = sqlite ] || { "$testdb" drop "$url"; "$testdb" drop "$purl"; } >/dev/null 2>&1
done
