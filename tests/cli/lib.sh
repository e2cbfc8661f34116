# Helpers sourced by the CLI tests (tests/cli/*.sh). Each test runs the
# built strata binary in a temporary project folder.
#   STRATA_BIN      the strata binary
#   STRATA_TESTDB   the strata_testdb helper (fresh databases, queries)
#   STRATA_TEST_DIALECT  sqlite | postgres | mysql (db_*.sh tests)
set -u

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# run CMD...: runs strata, keeping stdout in $out, stderr in $err and the
# exit code in $rc.
run() {
	out=$("$STRATA_BIN" "$@" 2>"$tmp/stderr") && rc=0 || rc=$?
	err=$(cat "$tmp/stderr")
}

expect_rc() {
	[ "$rc" -eq "$1" ] || fail "strata exited $rc, expected $1
stdout: $out
stderr: $err"
}

expect_out() {
	[ "$out" = "$1" ] || fail "unexpected output:
--- got
$out
--- expected
$1"
}

expect_err() {
	[ "$err" = "$1" ] || fail "unexpected error output:
--- got
$err
--- expected
$1"
}

contains() {
	case "$1" in *"$2"*) return 0 ;; esac
	fail "output does not contain '$2':
$1"
}

# q SQL: query the test database, rows as a|b lines.
q() {
	"$STRATA_TESTDB" query "$db_url" "$1" || fail "query failed: $1"
}

x() {
	"$STRATA_TESTDB" exec "$db_url" "$1" || fail "statement failed: $1"
}

tmp=$(mktemp -d)
db_url=
cleanup() {
	[ -n "$db_url" ] && "$STRATA_TESTDB" drop "$db_url" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 1

# fresh_db: a new database of the dialect under test in $db_url; exits
# 77 (skip) or 1 (CI) when its server is not available.
fresh_db() {
	local rc_db=0
	db_url=$("$STRATA_TESTDB" create "$STRATA_TEST_DIALECT") || rc_db=$?
	if [ $rc_db -ne 0 ]; then
		db_url=
		exit $rc_db
	fi
	export STRATA_DATABASE_URL="$db_url"
}
