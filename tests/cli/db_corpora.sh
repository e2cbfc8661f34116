#!/usr/bin/env bash
# Real schemas nobody here wrote, through the binary: load each corpus of
# ../shared/corpora (or $STRATA_CORPORA_DIR) with its own DDL, `inspect
# -o a.yaml`, `create-all` from a.yaml into a fresh database, `inspect -o
# b.yaml`: the two files are identical, and `check` of a.yaml finds
# nothing on either database. The warnings of the original are counted
# (tests/integration/itest_corpora.c asserts their text).
. "$(dirname "$0")/lib.sh"
d=$1

corpora=${STRATA_CORPORA_DIR:-$STRATA_SOURCE_DIR/../shared/corpora}
if [ ! -f "$corpora/load.sh" ]; then
	case "${CI:-}" in
	true|1) fail "no corpora at $corpora (CI=true: not skipped)" ;;
	esac
	echo "SKIP: no corpora at $corpora (set STRATA_CORPORA_DIR)" >&2
	exit 77
fi

# The original and the copy of each corpus, dropped at exit.
dbs=()
drop_all() {
	local u
	for u in "${dbs[@]}"; do
		"$STRATA_TESTDB" drop "$u" >/dev/null 2>&1
	done
	cleanup
}
trap drop_all EXIT

# new_db: a fresh database of the dialect in $new_url.
new_db() {
	local rc_db=0
	new_url=$("$STRATA_TESTDB" create "$d") || rc_db=$?
	[ $rc_db -eq 0 ] || exit $rc_db
	dbs+=("$new_url")
}

passed=0

# corpus TABLES WARNINGS: the round trip of one corpus.
corpus() {
	local name=$1 tables=$2 warnings=$3 orig copy load_url n u
	new_db
	orig=$new_url
	new_db
	copy=$new_url
	load_url=$orig
	# sakila's PostgreSQL file says OWNER TO postgres: load it as that
	# role (the test server gives it the test user's password)
	if [ "$d" = postgres ] && [ "$name" = sakila ]; then
		load_url=$(printf '%s' "$orig" | sed 's#://[^:@/]*#://postgres#')
	fi
	bash "$corpora/load.sh" -q "$name" "$load_url" ||
		fail "$name: load.sh failed"

	run --url "$orig" inspect -o "$name.a.yaml"
	expect_rc 0
	n=$(printf '%s\n' "$err" | grep -c '^strata: warning: ' || true)
	[ "$n" -eq "$warnings" ] ||
		fail "$name: $n warning(s), expected $warnings:
$err"
	contains "$err" "wrote $tables tables to $name.a.yaml"

	run --url "$copy" --models "$name.a.yaml" create-all
	expect_rc 0
	n=$(printf '%s\n' "$out" | grep -c '^created ' || true)
	[ "$n" -eq "$tables" ] || fail "$name: created $n tables:
$out"

	run --url "$copy" inspect -o "$name.b.yaml"
	expect_rc 0
	expect_err "wrote $tables tables to $name.b.yaml"
	cmp -s "$name.a.yaml" "$name.b.yaml" ||
		fail "$name: the copy inspects differently:
$(diff "$name.a.yaml" "$name.b.yaml" | head -40)"

	# no migrations folder: no pending revisions, only the schema
	for u in "$orig" "$copy"; do
		run --url "$u" --models "$name.a.yaml" check
		expect_rc 0
		expect_out "ok: the database matches the models and has no pending revisions"
		run --url "$u" --models "$name.a.yaml" diff --sql
		expect_rc 0
		contains "$out" "no differences"
	done
	passed=$((passed + 1))
}

case "$d" in
sqlite)
	corpus chinook 11 0
	corpus sakila 16 35
	corpus powerdns 7 0
	corpus mediawiki 62 0
	;;
postgres)
	corpus chinook 11 0
	corpus sakila 21 58
	corpus powerdns 7 0
	corpus mediawiki 62 0
	;;
mysql)
	corpus chinook 11 0
	corpus sakila 16 31
	corpus powerdns 7 0
	corpus mediawiki 62 0
	;;
esac
echo "$passed passed, 0 failed"
