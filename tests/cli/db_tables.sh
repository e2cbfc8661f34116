#!/usr/bin/env bash
# create-all / drop-all on one dialect: creates the declared tables, is a
# no-op the second time, leaves existing tables alone, --sql prints DDL
# without connecting, an invalid model changes nothing (exit 65 with
# file:line:column), drop-all --yes leaves no declared table.
. "$(dirname "$0")/lib.sh"
d=$1
fresh_db
mkdir models
cp "$STRATA_TEST_RESOURCES/models/blog.yaml" models/blog.yaml

# an invalid model: exit 65, exact location, nothing created
printf 'tables:\n  t:\n    columns:\n      id: {type: integr, primary_key: true}\n' > bad.yaml
run --models bad.yaml create-all
expect_rc 65
expect_err "strata: bad.yaml:4:18: invalid type 'integr': unknown type (expected integer, smallint, bigint, boolean, float, double, numeric(p,s), string(n), char(n), text, date, time, datetime, timestamptz, binary, json, uuid or enum(...))"
run inspect
expect_rc 0
expect_out "tables: {}"

# create-all
run create-all
expect_rc 0
expect_out "created user
created category
created post
created book
created accounts"
run create-all
expect_rc 0
expect_out "exists  user
exists  category
exists  post
exists  book
exists  accounts
nothing to create: all 5 declared tables exist"
run create-all --json
expect_rc 0
expect_out '{"created": [], "existing": ["user", "category", "post", "book", "accounts"]}'

# a new model table is created, the others left alone; rows kept
x "INSERT INTO category (id, name) VALUES (1, 'news')"
printf '  tag:\n    columns:\n      id: {type: integer, primary_key: true}\n' >> models/blog.yaml
run create-all
expect_rc 0
contains "$out" "created tag"
contains "$out" "exists  category"
[ "$(q "SELECT id, name FROM category")" = "1|news" ] || fail "row lost"

# the database matches the models now
run check
expect_rc 0

# --sql needs no connection
run --url "$(printf '%s' "$db_url" | sed 's#@[^/]*/#@nowhere.invalid:1/#')" create-all --sql
expect_rc 0
contains "$out" "CREATE TABLE"
run --url "$(printf '%s' "$db_url" | sed 's#@[^/]*/#@nowhere.invalid:1/#')" drop-all --sql
expect_rc 0
contains "$out" "DROP TABLE"

# drop-all
run drop-all
expect_rc 64
run drop-all --yes
expect_rc 0
contains "$out" "dropped tag"
contains "$out" "dropped user"
run inspect
expect_out "tables: {}"
run drop-all --yes
expect_rc 0
expect_out "nothing to drop"
echo "1 passed, 0 failed"
