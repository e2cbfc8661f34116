#!/usr/bin/env bash
# The command line itself: version, help, exit codes 64 and 65, masked
# passwords, bad config files, init.
. "$(dirname "$0")/lib.sh"
unset STRATA_DATABASE_URL DATABASE_URL SQLALCHEMY_DATABASE_URI

run --version
expect_rc 0
expect_out "strata 0.1.0"

run help
expect_rc 0
contains "$out" "upgrade"
contains "$out" "Exit codes: 0 success, 1 runtime failure, 2 differences"

run upgrade --help
expect_rc 0
contains "$out" "usage: strata upgrade [TARGET] [--sql]"

run upgarde
expect_rc 64
expect_err "strata: unknown command 'upgarde'
Did you mean 'strata upgrade'?
Run 'strata help' for the list of commands."

run upgrade --frobnicate
expect_rc 64
expect_err "strata: unknown option '--frobnicate'
Run 'strata upgrade --help' for usage."

run upgrade --lock-timeout soon
expect_rc 64
expect_err "strata: option --lock-timeout expects a whole number, not 'soon'
Run 'strata upgrade --help' for usage."

run
expect_rc 64

# no URL anywhere
run current
expect_rc 64
contains "$err" "strata: no database URL"

# a malformed URL: exit 65, password masked
run --url 'postgresql://app:hunter2@db:54x32/app' current
expect_rc 65
expect_err "strata: invalid database URL 'postgresql://app:***@db:54x32/app': the port is not a number"
case "$err" in *hunter2*) fail "password printed" ;; esac

# the password never shows in --verbose either
run -v --url 'sqlite:///v.db' ping
expect_rc 0

# a missing config file named with -c
run -c nope.yaml current
expect_rc 65
expect_err "strata: config file 'nope.yaml' not found"

# bad YAML in the config: file:line:column, exit 65
printf 'database_url: sqlite:///x.db\nmodels: [unclosed\n' > strata.yaml
run current
expect_rc 65
contains "$err" "strata: strata.yaml:"
printf 'database_url: sqlite:///x.db\nmodles: models/\n' > strata.yaml
run current
expect_rc 65
expect_err "strata: strata.yaml:2:1: unknown key 'modles' (expected database_url, models, migrations, version_table, templates, schema or environments)"
rm strata.yaml

# init scaffolds once and refuses to overwrite
run init proj
expect_rc 0
[ -f proj/strata.yaml ] || fail "no strata.yaml"
[ -f proj/models/models.yaml ] || fail "no models"
[ -d proj/migrations/versions ] || fail "no versions folder"
run init proj
expect_rc 1
contains "$err" "strata: 'proj/strata.yaml' exists already"
contains "$err" "refusing to overwrite: nothing was created"

# drop-all without --yes refuses and says what it would drop
cd proj
run drop-all
expect_rc 64
contains "$err" "run it again with --yes to drop:"
contains "$err" "  users"
echo "1 passed, 0 failed"
