#!/usr/bin/env bash
# introspect.sh [N...]: for each N (default 100 1000) and each dialect
# with a server URL (STRATA_TEST_PG_URL, STRATA_TEST_MYSQL_URL; SQLite
# always), builds an N-table schema with `strata create-all`, then prints
# the time of `strata inspect` next to the time the database's own client
# (sqlite3, psql, mariadb) needs to run the same catalog queries (taken
# from `strata -v inspect`): the floor strata cannot beat. Also prints
# strata's peak memory. Run it under scripts/test.sh --servers-only to
# get the servers:
#   scripts/test.sh --servers-only bench/introspect.sh 100 1000 5000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
strata=${STRATA_BIN:-$root/build/cmd/strata}
testdb=${STRATA_TESTDB:-$root/build/tests/strata_testdb}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
reps=${BENCH_REPS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# best of $reps runs of a command, in ms
best() {
	local best_ms=999999999 i t0 t1
	for ((i = 0; i < reps; i++)); do
		t0=$(now_ms)
		"$@" >/dev/null 2>&1
		t1=$(now_ms)
		((t1 - t0 < best_ms)) && best_ms=$((t1 - t0))
	done
	echo "$best_ms"
}

client_cmd() { # dialect url queries-file
	local d=$1 url=$2 f=$3
	case $d in
	sqlite) echo sqlite3 "${url#sqlite:///}" ;;
	postgres) echo psql -X -q -o /dev/null "$url" -f "$f" ;;
	mysql)
		local rest=${url#*://} creds host db
		creds=${rest%%@*}; rest=${rest#*@}
		host=${rest%%/*}; db=${rest#*/}
		echo mariadb -h "${host%%:*}" -P "${host##*:}" -u "${creds%%:*}" \
			"-p${creds#*:}" "$db" ;;
	esac
}

printf '%-9s %6s %12s %12s %7s %10s\n' dialect tables strata_ms client_ms ratio peak_MiB
for n in "${sizes[@]}"; do
	"$here/gen_models.sh" "$n" > "$work/models.yaml"
	for d in ${BENCH_DIALECTS:-sqlite postgres mysql}; do
		case $d in
		sqlite) url="sqlite:///$work/bench-$n.db" ;;
		postgres) [ -n "${STRATA_TEST_PG_URL:-}" ] || continue
			url=$("$testdb" create postgres) ;;
		mysql) [ -n "${STRATA_TEST_MYSQL_URL:-}" ] || continue
			url=$("$testdb" create mysql) ;;
		esac
		"$strata" --url "$url" --models "$work/models.yaml" -q create-all
		# the catalog queries strata sends
		# (the trace shows statements before their parameters are bound:
		# the PostgreSQL reader's one parameter is the schema)
		"$strata" --url "$url" -v inspect -o /dev/null 2>&1 >/dev/null |
			sed -n 's/^-- //p' | grep -v '^SET SESSION' |
			sed "s/= ?/= 'public'/g; s/\$/;/" > "$work/queries.sql"
		s_ms=$(best "$strata" --url "$url" inspect -o /dev/null)
		read -r -a cmd <<< "$(client_cmd "$d" "$url" "$work/queries.sql")"
		if [ "$d" = postgres ]; then
			c_ms=$(best "${cmd[@]}")
		else
			c_ms=$(best sh -c '"$@" < "$0" > /dev/null' "$work/queries.sql" "${cmd[@]}")
		fi
		peak=$( { /usr/bin/time -f '%M' "$strata" --url "$url" inspect \
			-o /dev/null; } 2>&1 >/dev/null | tail -1)
		ratio=$(awk -v a="$s_ms" -v b="$c_ms" 'BEGIN { printf "%.2f", b ? a / b : 0 }')
		printf '%-9s %6s %12s %12s %7s %10.1f\n' "$d" "$n" "$s_ms" "$c_ms" \
			"$ratio" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
		[ "$d" = sqlite ] || "$testdb" drop "$url" >/dev/null 2>&1
	done
done
