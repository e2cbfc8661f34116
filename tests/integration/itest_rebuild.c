/*
 * The SQLite table rebuild under load: 10,000 child rows (NULLs, unicode,
 * quotes, blobs) under a parent with ON DELETE CASCADE, an index, a
 * unique constraint, a trigger on the rebuilt table and a view over it.
 * Each revision forces a rebuild; after each, every row is compared, and
 * the indexes, the trigger, the view and foreign key enforcement are
 * checked. Rebuilds that would break a row or a reference fail and leave
 * everything as it was. Other dialects alter in place: the suite is
 * empty there.
 */
#include <stdio.h>
#include "check_strata.h"

#define ROWS 10000
#define PARENTS 100

static char *url;
static strata_conn *conn;
static char *dir;
static strata_revmap *map;
static int dropped_tag;  /* child.tag is gone */

static void write_script(const char *name, const char *text)
{
	strata_buf p = STRATA_BUF_INIT;

	strata_buf_printf(&p, "%s/%s", dir, name);
	ck_assert_int_eq(strata_test_write_file(p.ptr, text), 0);
	strata_buf_dispose(&p);
}

static void remove_script(const char *name)
{
	strata_buf p = STRATA_BUF_INIT;

	strata_buf_printf(&p, "%s/%s", dir, name);
	ck_assert_int_eq(remove(p.ptr), 0);
	strata_buf_dispose(&p);
}

static void reload(void)
{
	strata_revmap_free(map);
	map = NULL;
	ck_assert_strata_ok(strata_revmap_load(&map, dir));
}

static char *rows(const char *sql)
{
	char *r = strata_test_query_rows(conn, sql);

	ck_assert_msg(r != NULL, "query failed: %s: %s", sql,
		strata_error_last()->message);
	return r;
}

static void assert_rows(const char *sql, const char *expected)
{
	char *r = rows(sql);

	ck_assert_str_eq(r, expected);
	free(r);
}

/* Compares two dumps line by line, naming the first row that differs. */
static void assert_same_rows(const char *what, const char *got,
	const char *expected)
{
	size_t line = 1;
	const char *g = got, *e = expected;

	while (*g && *e && *g == *e) {
		if (*g == '\n')
			line++;
		g++;
		e++;
	}
	if (*g || *e) {
		const char *gl = got, *el = expected;
		size_t k;
		for (k = 1; k < line; k++) {
			gl = strchr(gl, '\n') + 1;
			el = strchr(el, '\n') + 1;
		}
		ck_abort_msg("%s: row %zu differs:\n got      %.*s\n expected "
			"%.*s", what, line, (int)strcspn(gl, "\n"), gl,
			(int)strcspn(el, "\n"), el);
	}
}

/* ---- the data ----------------------------------------------------- */

/* Row `id` of child: as an SQL tuple (sql), or as its line of
 * CHILD_DUMP. */
static void child_row(strata_buf *out, int id, int sql)
{
	const char *sep = sql ? ", " : "|";

	strata_buf_printf(out, "%s%d%s%d%s", sql ? "(" : "", id, sep,
		id % PARENTS + 1, sep);
	strata_buf_printf(out, sql ? "'ü-%d-✓ \"q\" ''a'''" :
		"ü-%d-✓ \"q\" 'a'", id);
	strata_buf_puts(out, sep);
	if (id % 7 == 0)
		strata_buf_puts(out, "NULL");
	else
		strata_buf_printf(out, "%d", id * 3 - 5000);
	strata_buf_puts(out, sep);
	if (id % 5 == 0)
		strata_buf_puts(out, "NULL");
	else
		strata_buf_printf(out, "X'%02X%02X00FF'",
			id % 256, id * 7 % 256);
	strata_buf_printf(out, sql ? "%s'note %d'%s" : "%snote %d%s", sep,
		id, sep);
	if (id % 3 == 0)
		strata_buf_puts(out, "NULL");
	else
		strata_buf_printf(out, "%d", id % 50 + 1);
	if (sql)
		strata_buf_printf(out, ", 't%d')", id % 13);
	else
		strata_buf_putc(out, '\n');
}

#define CHILD_DUMP "SELECT id, parent_id, label, qty, quote(data), note, " \
	"other_id FROM child ORDER BY id"

static char *expected_children(void)
{
	strata_buf b = STRATA_BUF_INIT;
	int id;

	for (id = 1; id <= ROWS; id++)
		child_row(&b, id, 0);
	return strata_buf_detach(&b);
}

static char *expected_parents(void)
{
	strata_buf b = STRATA_BUF_INIT;
	int id;

	for (id = 1; id <= PARENTS; id++)
		strata_buf_printf(&b, "%d|parent ü %d|c%d\n", id, id, id);
	return strata_buf_detach(&b);
}

static void load_rows(void)
{
	strata_buf sql = STRATA_BUF_INIT;
	int id;

	ck_assert_strata_ok(strata_conn_begin(conn));
	for (id = 1; id <= PARENTS; id++) {
		strata_buf_clear(&sql);
		strata_buf_printf(&sql, "INSERT INTO parent (id, name, code) "
			"VALUES (%d, 'parent ü %d', 'c%d')", id, id, id);
		ck_assert_strata_ok(strata_conn_exec(conn, sql.ptr));
	}
	for (id = 1; id <= ROWS; id++) {
		strata_buf_clear(&sql);
		strata_buf_puts(&sql, "INSERT INTO child (id, parent_id, label, "
			"qty, data, note, other_id, tag) VALUES ");
		child_row(&sql, id, 1);
		ck_assert_strata_ok(strata_conn_exec(conn, sql.ptr));
	}
	ck_assert_strata_ok(strata_conn_commit(conn));
	strata_buf_dispose(&sql);
	/* the trigger logged every insert */
	assert_rows("SELECT COUNT(*) FROM audit", "10000\n");
}

/* ---- what must hold after every run ------------------------------- */

static int audit_count(void)
{
	char *v = NULL;
	int n;

	ck_assert_strata_ok(strata_conn_query_value(&v, conn,
		"SELECT COUNT(*) FROM audit", 0, NULL));
	n = atoi(v);
	free(v);
	return n;
}

static void assert_intact(const char *indexes)
{
	char *got, *want;
	int before;

	/* every row, as it was */
	got = rows(CHILD_DUMP);
	want = expected_children();
	assert_same_rows("child", got, want);
	free(got);
	free(want);
	got = rows("SELECT id, name, code FROM parent ORDER BY id");
	want = expected_parents();
	assert_same_rows("parent", got, want);
	free(got);
	free(want);
	if (!dropped_tag)
		assert_rows("SELECT COUNT(*), SUM(tag = 't' || (id % 13)) FROM "
			"child", "10000|10000\n");
	/* the indexes, by name */
	assert_rows("SELECT name FROM pragma_index_list('child') ORDER BY "
		"name", indexes);
	assert_rows("SELECT name FROM pragma_index_list('parent') ORDER BY "
		"name", "sqlite_autoindex_parent_1\n");
	/* the view reads the rebuilt tables */
	assert_rows("SELECT COUNT(*), MIN(parent_name) FROM child_view",
		"10000|parent ü 1\n");
	/* the run put its connection settings back */
	assert_rows("PRAGMA foreign_keys", "1\n");
	assert_rows("PRAGMA legacy_alter_table", "0\n");
	assert_rows("SELECT COUNT(*) FROM pragma_foreign_key_check", "0\n");
	assert_rows("SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE "
		"'\\_strata\\_new\\_%' ESCAPE '\\'", "0\n");
	/* the trigger fires */
	before = audit_count();
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO parent (id, "
		"name, code) VALUES (500, 'temp', 'tmp')"));
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO child (id, "
		"parent_id, label, note) VALUES (20001, 500, 'x', 'n'), "
		"(20002, 500, 'y', 'n')"));
	ck_assert_int_eq(audit_count(), before + 2);
	/* foreign keys are enforced: an orphan is refused... */
	ck_assert_int_eq(strata_conn_exec(conn, "INSERT INTO child (id, "
		"parent_id, label, note) VALUES (20003, 999, 'z', 'n')"),
		STRATA_ERROR);
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"FOREIGN KEY constraint failed"));
	/* ...and deleting a parent deletes its children */
	ck_assert_strata_ok(strata_conn_exec(conn,
		"DELETE FROM parent WHERE id = 500"));
	assert_rows("SELECT COUNT(*) FROM child WHERE id > 20000", "0\n");
	ck_assert_strata_ok(strata_conn_exec(conn,
		"DELETE FROM audit WHERE child_id BETWEEN 20001 AND 20003"));
	ck_assert_int_eq(audit_count(), before);
}

/* ---- the revisions ------------------------------------------------ */

static const char base_script[] =
	"revision: '1000'\nparents: []\nmessage: base\nupgrade:\n"
	"  - create_table:\n      table: parent\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"        name: {type: string(40), nullable: false, unique: true}\n"
	"        code: {type: string(10)}\n"
	"  - create_table:\n      table: child\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"        parent_id: {type: integer, nullable: false, references: "
	"parent.id, on_delete: cascade}\n"
	"        label: {type: text, nullable: false}\n"
	"        qty: {type: integer}\n"
	"        data: {type: binary}\n"
	"        note: {type: string(50)}\n"
	"        other_id: {type: integer}\n"
	"        tag: {type: string(20), index: true}\n"
	"      indexes:\n        - {columns: [parent_id, qty]}\n"
	"  - create_table:\n      table: audit\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"        child_id: {type: integer}\n"
	"  - sql:\n      sqlite: >-\n"
	"        CREATE TRIGGER child_audit AFTER INSERT ON child BEGIN\n"
	"        INSERT INTO audit (child_id) VALUES (NEW.id); END;\n"
	"        CREATE VIEW child_view AS SELECT c.id, p.name AS parent_name\n"
	"        FROM child c JOIN parent p ON p.id = c.parent_id\n"
	"downgrade: []\n";

typedef struct {
	const char *id;
	const char *what;      /* message and upgrade steps */
} step;

static const step steps[] = {
	{ "1001", "message: label type\nupgrade:\n  - alter_column:\n"
	  "      table: child\n      column: label\n"
	  "      from: {type: text, nullable: false}\n"
	  "      to: {type: string(200), nullable: false}\n" },
	{ "1002", "message: note not null\nupgrade:\n  - alter_column:\n"
	  "      table: child\n      column: note\n"
	  "      from: {type: string(50)}\n"
	  "      to: {type: string(50), nullable: false}\n" },
	{ "1003", "message: qty default\nupgrade:\n  - alter_column:\n"
	  "      table: child\n      column: qty\n"
	  "      from: {type: integer}\n"
	  "      to: {type: integer, default: 0}\n" },
	{ "1004", "message: check\nupgrade:\n  - add_check:\n"
	  "      table: child\n"
	  "      checks:\n        - {name: qty_range, expr: \"qty IS NULL "
	  "OR qty > -100000\"}\n" },
	{ "1005", "message: unique\nupgrade:\n  - add_unique:\n"
	  "      table: child\n      unique:\n        - [parent_id, label]\n" },
	{ "1006", "message: drop indexed column\nupgrade:\n"
	  "  - drop_column:\n      table: child\n      columns:\n"
	  "        tag: {type: string(20), index: true}\n" },
	{ "1007", "message: foreign key\nupgrade:\n  - add_foreign_key:\n"
	  "      table: child\n      foreign_keys:\n"
	  "        - {columns: [other_id], references: {table: parent, "
	  "columns: [id]}}\n" },
	{ "1008", "message: parent code\nupgrade:\n  - alter_column:\n"
	  "      table: parent\n      column: code\n"
	  "      from: {type: string(10)}\n"
	  "      to: {type: string(20)}\n" },
};

/* The indexes of child after each step. */
static const char *const child_indexes[] = {
	/* 1000..1004 */
	"ix_child_parent_id_qty\nix_child_tag\n",
	/* 1005: the unique constraint */
	"ix_child_parent_id_qty\nix_child_tag\n"
	"sqlite_autoindex_child_1\n",
	/* 1006..: the tag index went with its column */
	"ix_child_parent_id_qty\nsqlite_autoindex_child_1\n",
};

static void write_step(size_t i)
{
	strata_buf name = STRATA_BUF_INIT, text = STRATA_BUF_INIT;

	strata_buf_printf(&name, "%s_step.yaml", steps[i].id);
	strata_buf_printf(&text, "revision: '%s'\nparents: ['%s']\n%s"
		"downgrade: []\n", steps[i].id, i ? steps[i - 1].id : "1000",
		steps[i].what);
	write_script(name.ptr, text.ptr);
	strata_buf_dispose(&name);
	strata_buf_dispose(&text);
}

static void setup(void)
{
	url = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
	dir = strata_test_tmpdir();
	dropped_tag = 0;
}

static void teardown(void)
{
	strata_revmap_free(map);
	map = NULL;
	strata_conn_close(conn);
	conn = NULL;
	strata_test_drop_db(url);
	url = NULL;
	strata_test_rm_rf(dir);
	free(dir);
	dir = NULL;
}

static void upgrade_to(const char *target, size_t expected)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	size_t n = 0;

	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, target,
		&mo));
	ck_assert_uint_eq(n, expected);
}

START_TEST(test_rebuild__keeps_everything)
{
	size_t i;

	write_script("1000_base.yaml", base_script);
	reload();
	upgrade_to("1000", 1);
	load_rows();
	assert_intact(child_indexes[0]);
	for (i = 0; i < STRATA_ARRAY_SIZE(steps); i++) {
		write_step(i);
		reload();
		upgrade_to(steps[i].id, 1);
		if (!strcmp(steps[i].id, "1006"))
			dropped_tag = 1;
		assert_intact(child_indexes[i < 4 ? 0 : i == 4 ? 1 : 2]);
	}
	/* the table as the steps made it */
	assert_rows("SELECT sql FROM sqlite_schema WHERE name = 'child'",
		"CREATE TABLE \"child\" (\n"
		"  \"id\" INTEGER NOT NULL,\n"
		"  \"parent_id\" INTEGER NOT NULL,\n"
		"  \"label\" VARCHAR(200) NOT NULL,\n"
		"  \"qty\" INTEGER DEFAULT 0,\n"
		"  \"data\" BLOB,\n"
		"  \"note\" VARCHAR(50) NOT NULL,\n"
		"  \"other_id\" INTEGER,\n"
		"  CONSTRAINT \"pk_child\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"uq_child_parent_id_label\" UNIQUE "
		"(\"parent_id\", \"label\"),\n"
		"  CONSTRAINT \"ck_child_qty_range\" CHECK (qty IS NULL OR "
		"qty > -100000),\n"
		"  CONSTRAINT \"fk_child_parent_id_parent\" FOREIGN KEY "
		"(\"parent_id\") REFERENCES \"parent\" (\"id\") ON DELETE "
		"CASCADE,\n"
		"  CONSTRAINT \"fk_child_other_id_parent\" FOREIGN KEY "
		"(\"other_id\") REFERENCES \"parent\" (\"id\")\n)\n");
	assert_rows("SELECT revision, state FROM strata_history ORDER BY "
		"revision", "1000|applied\n1001|applied\n1002|applied\n"
		"1003|applied\n1004|applied\n1005|applied\n1006|applied\n"
		"1007|applied\n1008|applied\n");
}
END_TEST

/* A revision that fails part-way through a rebuild: everything stays. */
static void assert_refused(const char *what, const char *message)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_buf text = STRATA_BUF_INIT;
	char *schema_before, *schema_after;
	size_t n = 5;

	strata_buf_printf(&text, "revision: '2000'\nparents: ['1008']\n%s"
		"downgrade: []\n", what);
	write_script("2000_bad.yaml", text.ptr);
	strata_buf_dispose(&text);
	reload();
	schema_before = rows("SELECT type, name, sql FROM sqlite_schema "
		"ORDER BY name");
	ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, NULL, &mo),
		STRATA_ERROR);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(strata_error_last()->message, message);
	schema_after = rows("SELECT type, name, sql FROM sqlite_schema "
		"ORDER BY name");
	ck_assert_str_eq(schema_after, schema_before);
	free(schema_before);
	free(schema_after);
	assert_rows("SELECT MAX(revision), COUNT(*) FROM strata_history",
		"1008|9\n");
	assert_intact(child_indexes[2]);
	remove_script("2000_bad.yaml");
}

START_TEST(test_rebuild__failures_roll_back)
{
	strata_buf expected = STRATA_BUF_INIT;
	size_t i;

	write_script("1000_base.yaml", base_script);
	for (i = 0; i < STRATA_ARRAY_SIZE(steps); i++)
		write_step(i);
	reload();
	upgrade_to("1000", 1);
	load_rows();
	upgrade_to(NULL, 8);
	dropped_tag = 1;
	assert_intact(child_indexes[2]);
	/* an orphan in audit: the new foreign key would dangle */
	ck_assert_strata_ok(strata_conn_exec(conn,
		"INSERT INTO audit (child_id) VALUES (424242)"));
	assert_refused("message: audit fk\nupgrade:\n  - add_foreign_key:\n"
		"      table: audit\n      foreign_keys:\n"
		"        - {columns: [child_id], references: {table: child, "
		"columns: [id]}}\n", "revision '2000' leaves a broken foreign "
		"key: table audit row 10001 references missing child");
	ck_assert_strata_ok(strata_conn_exec(conn,
		"DELETE FROM audit WHERE child_id = 424242"));
	/* NULLs cannot be copied into a NOT NULL column */
	strata_buf_printf(&expected, "revision '2000' (%s/2000_bad.yaml) "
		"failed at statement 3 of 9: sqlite: NOT NULL constraint failed: "
		"_strata_new_child.qty [error 1299]\n  in statement: INSERT INTO "
		"\"_strata_new_child\" (\"id\", \"parent_id\", \"label\", "
		"\"qty\", \"data\", \"note\", \"other_id\") SELECT \"id\", "
		"\"parent_id\", \"label\", \"qty\", \"data\", \"note\", "
		"\"other_id\" FROM \"child\"\nThe revision was rolled back: "
		"the database is as it was before it.", dir);
	assert_refused("message: qty not null\nupgrade:\n  - alter_column:\n"
		"      table: child\n      column: qty\n"
		"      from: {type: integer, default: 0}\n"
		"      to: {type: integer, nullable: false, default: 0}\n",
		expected.ptr);
	strata_buf_dispose(&expected);
}
END_TEST

/* Offline, a rebuild turns foreign keys off around its transaction and
 * says what becomes of the triggers. */
START_TEST(test_rebuild__offline_sql)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_buf out = STRATA_BUF_INIT;
	const char *at;
	size_t i, n = 0;

	write_script("1000_base.yaml", base_script);
	for (i = 0; i < STRATA_ARRAY_SIZE(steps); i++)
		write_step(i);
	reload();
	mo.sql_out = &out;
	mo.dialect = STRATA_DIALECT_SQLITE;
	mo.sql_from = "1007";
	ck_assert_strata_ok(strata_migrate_upgrade(&n, NULL, map, "1008",
		&mo));
	ck_assert_uint_eq(n, 1);
	at = strstr(out.ptr, "INSERT INTO \"strata_history\"");
	ck_assert_ptr_nonnull(at);
	ck_assert_str_eq(strstr(at, ";\n") + 2,
		"COMMIT;\nPRAGMA foreign_keys = ON;\n");
	strata_buf_truncate(&out, (size_t)(at - out.ptr));
	ck_assert_str_eq(out.ptr,
		"-- upgrade 1008: parent code\n"
		"PRAGMA foreign_keys = OFF;\n"
		"BEGIN;\n"
		"-- note: rebuilding parent drops its triggers: make them again "
		"below\n"
		"CREATE TABLE \"_strata_new_parent\" (\n"
		"  \"id\" INTEGER NOT NULL,\n"
		"  \"name\" VARCHAR(40) NOT NULL,\n"
		"  \"code\" VARCHAR(20),\n"
		"  CONSTRAINT \"pk_parent\" PRIMARY KEY (\"id\"),\n"
		"  CONSTRAINT \"uq_parent_name\" UNIQUE (\"name\")\n"
		");\n"
		"INSERT INTO \"_strata_new_parent\" (\"id\", \"name\", "
		"\"code\") SELECT \"id\", \"name\", \"code\" FROM "
		"\"parent\";\n"
		"DROP TABLE \"parent\";\n"
		"PRAGMA legacy_alter_table = ON;\n"
		"ALTER TABLE \"_strata_new_parent\" RENAME TO \"parent\";\n"
		"PRAGMA legacy_alter_table = OFF;\n"
		"-- note: make the triggers of parent again here\n");
	strata_buf_dispose(&out);
}
END_TEST

Suite *rebuild_itest(void)
{
	Suite *s = suite_create("rebuild");
	TCase *tc;

	if (strata_test_dialect() != STRATA_DIALECT_SQLITE)
		return s;
	tc = tcase_create("rebuild");
	tcase_set_timeout(tc, 300);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_rebuild__keeps_everything);
	tcase_add_test(tc, test_rebuild__failures_roll_back);
	tcase_add_test(tc, test_rebuild__offline_sql);
	suite_add_tcase(s, tc);
	return s;
}
