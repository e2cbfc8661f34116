#!/usr/bin/env bash
# The main job end to end on one dialect: models -> revision
# --autogenerate -> upgrade -> check -> model change -> revision ->
# upgrade -> downgrade, with history/current/heads/status along the way.
. "$(dirname "$0")/lib.sh"
d=$1
fresh_db

mkdir -p models migrations/versions
cp "$STRATA_TEST_RESOURCES/models/blog.yaml" models/blog.yaml

run status
expect_rc 0
expect_out "0 pending revision(s)"

run check
expect_rc 2
contains "$out" "difference(s) between the models and the database"
contains "$out" "create_table post"

run revision --autogenerate -m "blog tables" --rev-id 20260101000000
expect_rc 0
contains "$out" "wrote migrations/versions/20260101000000_blog_tables.yaml"

run status
expect_rc 2
contains "$out" "20260101000000  blog tables"

run upgrade
expect_rc 0
contains "$out" "20260101000000  blog tables ("
contains "$out" "applied 1 revision(s) in"

run check
expect_rc 0
expect_out "ok: the database matches the models and has no pending revisions"

run check --json
expect_rc 0
expect_out '{"clean": true, "differences": [], "pending": []}'

run current
expect_out "20260101000000  blog tables"

# nothing new: autogenerate writes nothing
run revision --autogenerate -m "nothing"
expect_rc 0
expect_out "no changes: the database matches the models; nothing written"
[ "$(ls migrations/versions | wc -l)" -eq 1 ] || fail "a file was written"

# rows survive what follows
x "INSERT INTO category (id, name) VALUES (1, 'news')"
x "INSERT INTO book (id, title, author) VALUES (7, 'Dune', 'Herbert')"

# a model change: a column with a unique constraint
sed -i 's/      genre: {type: string(250)}/      genre: {type: string(250)}\n      isbn: {type: string(13), unique: true}/' models/blog.yaml
run check
expect_rc 2
contains "$out" "add_column book.isbn"

run check --json
expect_rc 2
contains "$out" '"operation": "add_column", "table": "book", "description": "add_column book.isbn", "destructive": false'

run revision --autogenerate -m "isbn" --rev-id 20260102000000
expect_rc 0
grep -q 'parents: \["20260101000000"\]' migrations/versions/20260102000000_isbn.yaml ||
	fail "parent not set"

run upgrade
expect_rc 0
run check
expect_rc 0
[ "$(q "SELECT id, title, isbn FROM book")" = "7|Dune|NULL" ] || fail "row lost"

run history
expect_rc 0
contains "$out" "20260101000000 -> 20260102000000  isbn"
contains "$out" "applied "

run downgrade -1
expect_rc 0
contains "$out" "downgrade 20260102000000  isbn"
run current
expect_out "20260101000000  blog tables"
[ "$(q "SELECT id, title FROM book")" = "7|Dune" ] || fail "row lost on downgrade"

run upgrade
expect_rc 0
run downgrade base
expect_rc 0
contains "$out" "reverted 2 revision(s)"
run current
expect_out "(base: no revision applied)"

# offline SQL needs no database
run --url "$(printf '%s' "$db_url" | sed 's/@[^/]*\//@nowhere.invalid:1\//')" upgrade --sql
expect_rc 0
contains "$out" "-- upgrade 20260101000000: blog tables"
contains "$out" "strata_history"
echo "1 passed, 0 failed"
