#!/usr/bin/env bash
# Connecting: success, and one clear line with exit 1 for an unreachable
# server, a wrong password and a missing database.
. "$(dirname "$0")/lib.sh"
d=$1
fresh_db

run ping
expect_rc 0
contains "$out" "database '"

if [ "$d" = sqlite ]; then
	run --url 'sqlite:////nonexistent-dir/x.db' ping
	expect_rc 1
	expect_err "strata: sqlite: cannot open database file '/nonexistent-dir/x.db': unable to open database file"
	echo "1 passed, 0 failed"
	exit 0
fi

# pieces of the URL
scheme=${db_url%%://*}
rest=${db_url#*://}
creds=${rest%%@*}
user=${creds%%:*}
hostport=${rest#*@}
hostport=${hostport%%/*}
host=${hostport%%:*}
port=${hostport##*:}

run --url "$scheme://$user:wrong-password@$hostport/strata_test" ping
expect_rc 1
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "more than one line: $err"
case "$err" in *wrong-password*) fail "password printed" ;; esac
if [ "$d" = postgres ]; then
	contains "$err" "password authentication failed for user \"$user\""
else
	contains "$err" "Access denied for user '$user'"
fi

run --url "$scheme://$creds@$hostport/no_such_database_x" ping
expect_rc 1
if [ "$d" = postgres ]; then
	contains "$err" "database \"no_such_database_x\" does not exist"
else
	contains "$err" "Unknown database 'no_such_database_x'"
fi

# a port nobody listens on
run --url "$scheme://$creds@$host:1/strata_test" ping
expect_rc 1
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "more than one line: $err"
contains "$err" "cannot connect to database 'strata_test' on $host"
echo "1 passed, 0 failed"
