#!/usr/bin/env bash
# The diff scenario table, on one dialect: for each kind of change, write
# the models, `revision --autogenerate`, `upgrade`, `check` must be clean,
# then `downgrade -1` must give back exactly the original schema (compared
# with `inspect`) and every row the change did not drop, and `upgrade`
# must work again.
. "$(dirname "$0")/lib.sh"
d=$1

# The base models. Each scenario edits a copy with sed.
base_models() {
	cat <<'YAML'
tables:
  author:
    columns:
      id: {type: integer, primary_key: true}
      name: {type: string(50), nullable: false}
  item:
    comment: Things
    columns:
      id: {type: integer, primary_key: true}
      author_id: {type: integer, references: author.id}
      title: {type: string(50), nullable: false}
      qty: {type: integer, nullable: false, default: 0}
      status: {type: enum(draft, live), nullable: false, default: draft}
      note: {type: string(100)}
      price: {type: numeric(10,2)}
    checks:
      - {name: qty_positive, expr: "qty >= 0"}
  legacy:
    columns:
      id: {type: integer, primary_key: true}
      label: {type: string(20)}
YAML
}

# by_table FILE: the lines of an inspect output, each prefixed with its
# table, sorted.
by_table() {
	awk '/^  [^ ]/ { t = $1 } { print t " " $0 }' "$1" | sort
}

# scenario NAME SED-EXPRESSION
# The sed expression turns the base models into the new ones.
passed=0
scenario() {
	local name=$1 expr=$2
	local v1=20260101000000 v2=20260102000000
	printf 'scenario: %s\n' "$name" >&2
	rm -rf models migrations before.yaml after.yaml
	mkdir -p models migrations/versions
	fresh_db
	base_models > models/m.yaml
	run revision --autogenerate -m base --rev-id $v1
	expect_rc 0
	run upgrade
	expect_rc 0
	x "INSERT INTO author (id, name) VALUES (1, 'ann')"
	x "INSERT INTO item (id, author_id, title, qty, status, note, price) VALUES (1, 1, 'one', 3, 'live', 'n1', 2.50)"
	x "INSERT INTO legacy (id, label) VALUES (1, 'old')"
	run inspect -o before.yaml
	expect_rc 0
	base_models | sed -e "$expr" > models/m.yaml
	cmp -s models/m.yaml <(base_models) && fail "$name: sed changed nothing"
	run revision --autogenerate -m "$name" --rev-id $v2
	expect_rc 0
	contains "$out" "wrote migrations/versions/$v2"
	run upgrade
	expect_rc 0
	run check
	[ "$rc" -eq 0 ] || fail "$name: check after upgrade: $out $err"
	run downgrade -1
	expect_rc 0
	run inspect -o after.yaml
	expect_rc 0
	# Column order is not part of a schema (PostgreSQL can only add a
	# column at the end), so compare each table's lines as a set.
	if ! diff -u <(by_table before.yaml) <(by_table after.yaml) >&2; then
		fail "$name: the downgrade did not restore the schema"
	fi
	# the rows the change did not drop are still there
	[ "$(q "SELECT id, name FROM author")" = "1|ann" ] ||
		fail "$name: author row lost"
	[ "$(q "SELECT id, title, qty FROM item")" = "1|one|3" ] ||
		fail "$name: item row lost"
	run upgrade
	expect_rc 0
	run check
	[ "$rc" -eq 0 ] || fail "$name: check after re-upgrade: $out"
	"$STRATA_TESTDB" drop "$db_url" >/dev/null 2>&1
	db_url=
	passed=$((passed + 1))
}

scenario "add table" '$a\  tag:\n    columns:\n      id: {type: integer, primary_key: true}\n      word: {type: string(30), nullable: false, unique: true}'
scenario "drop table" '/^  legacy:/,$d'
scenario "add nullable column" 's/^      note: {type: string(100)}/&\n      extra: {type: string(10)}/'
scenario "add not-null column with default" 's/^      note: {type: string(100)}/&\n      rank: {type: integer, nullable: false, default: 5}/'
scenario "drop column" '/^      note:/d'
scenario "widen type" 's/title: {type: string(50)/title: {type: string(200)/'
scenario "narrow type" 's/note: {type: string(100)}/note: {type: string(40)}/'
scenario "nullable to not null" 's/note: {type: string(100)}/note: {type: string(100), nullable: false, default: x}/'
scenario "not null to nullable" 's/title: {type: string(50), nullable: false}/title: {type: string(50)}/'
scenario "default change" 's/default: 0}/default: 7}/'
scenario "add index" 's/title: {type: string(50), nullable: false}/title: {type: string(50), nullable: false, index: true}/'
scenario "add unique" 's/name: {type: string(50), nullable: false}/name: {type: string(50), nullable: false, unique: true}/'
scenario "add multi-column index" 's/^    checks:/    indexes:\n      - {columns: [author_id, qty]}\n&/'
scenario "foreign key action" 's/references: author.id}/references: author.id, on_delete: cascade}/'
scenario "drop foreign key" 's/, references: author.id}/}/'
scenario "add check" 's/qty >= 0"}/&\n      - {name: title_set, expr: "length(title) > 0"}/'
scenario "drop check" '/qty_positive/d; /^    checks:/d'
# SQLite keeps no comments: nothing to migrate there
[ "$d" = sqlite ] ||
	scenario "comment" 's/comment: Things/comment: Things for sale/'
scenario "enum value added" 's/enum(draft, live)/enum(draft, live, gone)/'
scenario "rename column" 's/^      note: {type: string(100)}/      remark: {type: string(100), renamed_from: note}/'
scenario "rename table" 's/^  legacy:/  archive:\n    renamed_from: legacy/'
echo "$passed passed, 0 failed"
