/*
 * Migration runtime on each real database: upgrade and downgrade through
 * every target form, stamp, history, branches and merges, a failing
 * statement (rolled back, or marked failed and resumed on MySQL), edited
 * applied scripts, and the SQLite table rebuild keeping every row.
 */
#include <stdio.h>
#include "check_strata.h"

static char *url;
static strata_conn *conn;
static char *dir;        /* the versions folder */

static void setup(void)
{
	url = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
	dir = strata_test_tmpdir();
}

static void teardown(void)
{
	strata_conn_close(conn);
	conn = NULL;
	strata_test_drop_db(url);
	url = NULL;
	strata_test_rm_rf(dir);
	free(dir);
	dir = NULL;
}

static void write_script(const char *name, const char *text)
{
	strata_buf p = STRATA_BUF_INIT;

	strata_buf_printf(&p, "%s/%s", dir, name);
	ck_assert_int_eq(strata_test_write_file(p.ptr, text), 0);
	strata_buf_dispose(&p);
}

static strata_revmap *load(void)
{
	strata_revmap *map = NULL;

	ck_assert_strata_ok(strata_revmap_load(&map, dir));
	return map;
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

static int exists(const char *table)
{
	int e = strata_conn_table_exists(conn, table);

	ck_assert_int_ge(e, 0);
	return e;
}

static const char *const chain[] = {
	"1000_users.yaml",
	"revision: '1000'\nparents: []\nmessage: users\nupgrade:\n"
	"  - create_table:\n      table: users\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"        name: {type: string(40), nullable: false}\n"
	"downgrade:\n  - drop_table:\n      table: users\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"        name: {type: string(40), nullable: false}\n",
	"1001_email.yaml",
	"revision: '1001'\nparents: ['1000']\nmessage: email\nupgrade:\n"
	"  - add_column:\n      table: users\n      columns:\n"
	"        email: {type: string(120)}\n"
	"downgrade:\n  - drop_column:\n      table: users\n      columns:\n"
	"        email: {type: string(120)}\n",
	"1002_posts.yaml",
	"revision: '1002'\nparents: ['1001']\nmessage: posts\nupgrade:\n"
	"  - create_table:\n      table: posts\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"        user_id: {type: integer, nullable: false, references: "
	"users.id, on_delete: cascade}\n"
	"        title: {type: string(80), nullable: false, index: true}\n"
	"downgrade:\n  - drop_table:\n      table: posts\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"        user_id: {type: integer, nullable: false, references: "
	"users.id, on_delete: cascade}\n"
	"        title: {type: string(80), nullable: false, index: true}\n",
};

static void write_chain(void)
{
	size_t i;

	for (i = 0; i < 6; i += 2)
		write_script(chain[i], chain[i + 1]);
}

static char *current(strata_revmap *map)
{
	strata_history *h = NULL;
	strata_strarray cur = { NULL, 0 };
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	ck_assert_strata_ok(strata_history_read(&h, conn, "strata_history"));
	ck_assert_strata_ok(strata_migrate_state(&cur, NULL, map, h));
	for (i = 0; i < cur.count; i++)
		strata_buf_printf(&b, "%s%s", i ? " " : "", cur.strings[i]);
	strata_strarray_dispose(&cur);
	strata_history_free(h);
	return strata_buf_detach(&b);
}

static void assert_current(strata_revmap *map, const char *expected)
{
	char *c = current(map);

	ck_assert_str_eq(c, expected);
	free(c);
}

START_TEST(test_migrate__targets)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_revmap *map;
	size_t n = 0;

	write_chain();
	map = load();
	mo.applied_by = "tester@host";
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "+1", &mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "1000");
	ck_assert_int_eq(exists("users"), 1);
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL, &mo));
	ck_assert_uint_eq(n, 2);
	assert_current(map, "1002");
	ck_assert_int_eq(exists("posts"), 1);
	/* MySQL creates the index inside CREATE TABLE */
	assert_rows("SELECT revision, state, applied_by, statements_done, "
		"statements_total FROM strata_history ORDER BY revision",
		strata_test_dialect() == STRATA_DIALECT_MYSQL ?
		"1000|applied|tester@host|1|1\n"
		"1001|applied|tester@host|1|1\n"
		"1002|applied|tester@host|1|1\n" :
		"1000|applied|tester@host|1|1\n"
		"1001|applied|tester@host|1|1\n"
		"1002|applied|tester@host|2|2\n");
	/* nothing to do */
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "head", &mo));
	ck_assert_uint_eq(n, 0);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "-1", &mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "1001");
	ck_assert_int_eq(exists("posts"), 0);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "100",
		&mo) == STRATA_EAMBIGUOUS ? 0 : -1);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "1000",
		&mo));
	assert_current(map, "1000");
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "1002", &mo));
	ck_assert_uint_eq(n, 2);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "base",
		&mo));
	ck_assert_uint_eq(n, 3);
	assert_current(map, "");
	ck_assert_int_eq(exists("users"), 0);
	ck_assert_int_eq(exists("strata_history"), 1);
	ck_assert_int_eq(strata_migrate_downgrade(&n, conn, map, "-1", &mo),
		STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "cannot downgrade -1: "
		"only 0 revision(s) are applied");
	ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, "+4", &mo),
		STRATA_EINVALID);
	ck_assert_str_eq(strata_error_last()->message, "cannot upgrade +4: "
		"only 3 revision(s) are pending");
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_migrate__stamp)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_revmap *map;

	write_chain();
	map = load();
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "1001", &mo));
	assert_current(map, "1001");
	ck_assert_int_eq(exists("users"), 0);
	assert_rows("SELECT revision FROM strata_history ORDER BY revision",
		"1000\n1001\n");
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "1000", &mo));
	assert_rows("SELECT revision FROM strata_history ORDER BY revision",
		"1000\n");
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "base", &mo));
	assert_rows("SELECT COUNT(*) FROM strata_history", "0\n");
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_migrate__branches_and_merge)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_revmap *map;
	size_t n;

	write_script("1000_a.yaml", "revision: '1000'\nparents: []\n"
		"message: a\nupgrade:\n  - sql: CREATE TABLE a (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE a\n");
	write_script("1001_b.yaml", "revision: '1001'\nparents: ['1000']\n"
		"message: b\nupgrade:\n  - sql: CREATE TABLE b (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE b\n");
	write_script("1002_c.yaml", "revision: '1002'\nparents: ['1000']\n"
		"message: c\nupgrade:\n  - sql: CREATE TABLE c (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE c\n");
	map = load();
	ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, NULL, &mo),
		STRATA_EMULTIHEADS);
	ck_assert_str_eq(strata_error_last()->message, "the migrations have 2 "
		"heads (1001, 1002): name one, use 'heads' for all, or join "
		"them with 'strata merge'");
	ck_assert_int_eq(exists("a"), 0);
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "1001", &mo));
	assert_current(map, "1001");
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "heads", &mo));
	assert_current(map, "1001 1002");
	strata_revmap_free(map);
	write_script("1003_merge.yaml", "revision: '1003'\n"
		"parents: ['1001', '1002']\nmessage: merge\nupgrade: []\n"
		"downgrade: []\n");
	map = load();
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL, &mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "1003");
	/* back to 1001: the merge goes; the other branch stays */
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "1001",
		&mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "1001 1002");
	ck_assert_int_eq(exists("c"), 1);
	ck_assert_int_eq(exists("b"), 1);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "1000",
		&mo));
	ck_assert_uint_eq(n, 2);
	assert_current(map, "1000");
	ck_assert_int_eq(exists("c"), 0);
	ck_assert_int_eq(exists("b"), 0);
	strata_revmap_free(map);
}
END_TEST

/* 1000 -> 2001 -> 2002, 1000 -> 3001: every target form. */
START_TEST(test_migrate__target_forms)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_revmap *map;
	size_t n;

	write_script("1000_a.yaml", "revision: '1000'\nparents: []\n"
		"message: a\nupgrade:\n  - sql: CREATE TABLE a (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE a\n");
	write_script("2001_b.yaml", "revision: '2001'\nparents: ['1000']\n"
		"message: b\nupgrade:\n  - sql: CREATE TABLE b (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE b\n");
	write_script("2002_c.yaml", "revision: '2002'\nparents: ['2001']\n"
		"message: c\nupgrade:\n  - sql: CREATE TABLE c (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE c\n");
	write_script("3001_d.yaml", "revision: '3001'\nparents: ['1000']\n"
		"message: d\nupgrade:\n  - sql: CREATE TABLE d (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE d\n");
	map = load();
	/* unknown and ambiguous ids change nothing */
	ck_assert_strata_fails(strata_migrate_upgrade(&n, conn, map, "9", &mo),
		STRATA_ENOTFOUND, "no revision '9' in the migrations directory");
	ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, "20", &mo),
		STRATA_EAMBIGUOUS);
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message, "2001"));
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message, "2002"));
	ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, "head", &mo),
		STRATA_EMULTIHEADS);
	ck_assert_int_eq(exists("a"), 0);
	/* a full id brings its ancestors */
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "2001", &mo));
	ck_assert_uint_eq(n, 2);
	assert_current(map, "2001");
	/* a unique prefix, on the other branch */
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "30", &mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "2001 3001");
	/* an applied target: nothing to do */
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "1000", &mo));
	ck_assert_uint_eq(n, 0);
	/* +N: the next pending revisions */
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "+1", &mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "2002 3001");
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "heads", &mo));
	ck_assert_uint_eq(n, 0);
	/* downgrade by prefix keeps the revision and its ancestors, and
	 * other branches */
	ck_assert_int_eq(strata_migrate_downgrade(&n, conn, map, "200", &mo),
		STRATA_EAMBIGUOUS);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "2001",
		&mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "2001 3001");
	ck_assert_int_eq(exists("c"), 0);
	ck_assert_strata_fails(strata_migrate_downgrade(&n, conn, map, "2002",
		&mo), STRATA_EINVALID, "revision '2002' is not applied, so the "
		"database cannot be downgraded to it");
	ck_assert_strata_fails(strata_migrate_downgrade(&n, conn, map, "-4",
		&mo), STRATA_EINVALID, "cannot downgrade -4: only 3 "
		"revision(s) are applied");
	/* -1 undoes the newest head */
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "-1",
		&mo));
	ck_assert_uint_eq(n, 1);
	assert_current(map, "2001");
	ck_assert_int_eq(exists("d"), 0);
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "3001",
		&mo));
	/* a revision's descendants go, on every branch below it */
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "1", &mo));
	ck_assert_uint_eq(n, 2);
	assert_current(map, "1000");
	ck_assert_int_eq(exists("b"), 0);
	ck_assert_int_eq(exists("d"), 0);
	ck_assert_int_eq(exists("a"), 1);
	/* stamp: heads, a prefix, base; head is ambiguous here */
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "heads", &mo));
	assert_current(map, "2002 3001");
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "300", &mo));
	assert_current(map, "3001");
	assert_rows("SELECT revision FROM strata_history ORDER BY revision",
		"1000\n3001\n");
	ck_assert_int_eq(strata_migrate_stamp(conn, map, "head", &mo),
		STRATA_EMULTIHEADS);
	assert_current(map, "3001");
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "base", &mo));
	assert_current(map, "");
	ck_assert_int_eq(exists("a"), 1);
	strata_revmap_free(map);
}
END_TEST

static const char *const failing =
	"revision: '1001'\nparents: ['1000']\nmessage: breaks\nupgrade:\n"
	"  - create_table:\n      table: extra\n      columns:\n"
	"        id: {type: integer, primary_key: true}\n"
	"  - sql: INSERT INTO users (id, name) VALUES (2, 'bob')\n"
	"  - sql: INSERT INTO no_such_table VALUES (1)\n"
	"  - add_column:\n      table: users\n      columns:\n"
	"        age: {type: integer}\n"
	"downgrade:\n  - drop_column:\n      table: users\n      column: age\n"
	"  - sql: DELETE FROM users WHERE id = 2\n"
	"  - drop_table: extra\n";

START_TEST(test_migrate__failure_midway)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_revmap *map;
	size_t n;
	int rc;

	write_script(chain[0], chain[1]);
	map = load();
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL, &mo));
	ck_assert_strata_ok(strata_conn_exec(conn,
		"INSERT INTO users (id, name) VALUES (1, 'ann')"));
	strata_revmap_free(map);
	write_script("1001_breaks.yaml", failing);
	map = load();
	rc = strata_migrate_upgrade(&n, conn, map, NULL, &mo);
	ck_assert_int_eq(rc, STRATA_ERROR);
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"revision '1001' ("));
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"failed at statement 3 of 4"));
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"no_such_table"));
	if (strata_test_dialect() != STRATA_DIALECT_MYSQL) {
		/* exactly as before the revision */
		ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
			"The revision was rolled back"));
		ck_assert_int_eq(exists("extra"), 0);
		assert_rows("SELECT id, name FROM users ORDER BY id", "1|ann\n");
		assert_rows("SELECT revision, state FROM strata_history "
			"ORDER BY revision", "1000|applied\n");
		assert_current(map, "1000");
	} else {
		/* MySQL: DDL is not transactional: the failed mark tells where */
		ck_assert_int_eq(exists("extra"), 1);
		assert_rows("SELECT revision, state, statements_done, "
			"statements_total, failed_statement FROM strata_history "
			"ORDER BY revision", "1000|applied|1|1|NULL\n"
			"1001|failed|2|4|INSERT INTO no_such_table VALUES (1)\n");
		/* the next run refuses and says how to go on */
		ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, NULL,
			&mo), STRATA_ECONFLICT);
		ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
			"strata upgrade --resume"));
		/* fix the script; resume continues at the failed statement */
		strata_revmap_free(map);
		{
			strata_buf fixed = STRATA_BUF_INIT;
			const char *bad = "no_such_table VALUES (1)";
			const char *at = strstr(failing, bad);
			strata_buf_put(&fixed, failing, (size_t)(at - failing));
			strata_buf_puts(&fixed, "users (id, name) VALUES (3, 'cy')");
			strata_buf_puts(&fixed, at + strlen(bad));
			write_script("1001_breaks.yaml", fixed.ptr);
			strata_buf_dispose(&fixed);
		}
		map = load();
		mo.resume = 1;
		ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL,
			&mo));
		ck_assert_uint_eq(n, 1);
		assert_rows("SELECT id, name FROM users ORDER BY id",
			"1|ann\n2|bob\n3|cy\n");
		assert_rows("SELECT revision, state, statements_done FROM "
			"strata_history ORDER BY revision",
			"1000|applied|1\n1001|applied|4\n");
		ck_assert_int_eq(exists("extra"), 1);
	}
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_migrate__edited_script_refused)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_revmap *map;
	strata_buf expected = STRATA_BUF_INIT;
	size_t n;

	write_chain();
	map = load();
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "1001", &mo));
	strata_revmap_free(map);
	/* whitespace at line ends and CRLF do not count as edits */
	write_script(chain[0], "revision: '1000'   \r\nparents: []\r\n"
		"message: users\nupgrade:\n"
		"  - create_table:\n      table: users\n      columns:\n"
		"        id: {type: integer, primary_key: true}\n"
		"        name: {type: string(40), nullable: false}\n"
		"downgrade:\n  - drop_table:\n      table: users\n      columns:\n"
		"        id: {type: integer, primary_key: true}\n"
		"        name: {type: string(40), nullable: false}\n");
	map = load();
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "1001", &mo));
	strata_revmap_free(map);
	write_script(chain[0], "revision: '1000'\nparents: []\n"
		"message: users, edited\nupgrade: []\ndowngrade: []\n");
	map = load();
	ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, NULL, &mo),
		STRATA_ECONFLICT);
	strata_buf_printf(&expected, "%s/1000_users.yaml was edited after "
		"revision '1000' was applied", dir);
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		expected.ptr));
	ck_assert_int_eq(exists("posts"), 0);
	mo.ignore_checksums = 1;
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL, &mo));
	ck_assert_int_eq(exists("posts"), 1);
	strata_buf_dispose(&expected);
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_migrate__offline_sql)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_buf out = STRATA_BUF_INIT, path = STRATA_BUF_INIT;
	strata_revmap *map;
	char *expected;

	write_chain();
	map = load();
	mo.sql_out = &out;
	mo.dialect = strata_test_dialect();
	ck_assert_strata_ok(strata_migrate_upgrade(NULL, NULL, map, NULL, &mo));
	strata_buf_printf(&path, "%s/expected/upgrade_chain.%s.sql",
		STRATA_TEST_RESOURCES, strata_dialect_name(mo.dialect));
	if (getenv("STRATA_UPDATE_GOLDEN"))
		strata_test_write_file(path.ptr, out.ptr);
	expected = strata_test_read_file(path.ptr);
	ck_assert_msg(expected != NULL, "missing %s", path.ptr);
	ck_assert_str_eq(out.ptr, expected);
	free(expected);
	strata_buf_dispose(&out);
	strata_buf_dispose(&path);
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_migrate__offline_downgrade_sql)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_buf out = STRATA_BUF_INIT, path = STRATA_BUF_INIT;
	strata_revmap *map;
	char *expected;
	size_t n = 9;

	write_chain();
	map = load();
	mo.sql_out = &out;
	mo.dialect = strata_test_dialect();
	mo.sql_from = "1002";
	ck_assert_strata_ok(strata_migrate_downgrade(&n, NULL, map, "base",
		&mo));
	ck_assert_uint_eq(n, 3);
	strata_buf_printf(&path, "%s/expected/downgrade_chain.%s.sql",
		STRATA_TEST_RESOURCES, strata_dialect_name(mo.dialect));
	if (getenv("STRATA_UPDATE_GOLDEN"))
		strata_test_write_file(path.ptr, out.ptr);
	expected = strata_test_read_file(path.ptr);
	ck_assert_msg(expected != NULL, "missing %s", path.ptr);
	ck_assert_str_eq(out.ptr, expected);
	free(expected);
	/* a range: 1002 down to 1000 is the first two of the same */
	strata_buf_clear(&out);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, NULL, map, "1000",
		&mo));
	ck_assert_uint_eq(n, 2);
	ck_assert_ptr_null(strstr(out.ptr, "-- downgrade 1000"));
	ck_assert_ptr_nonnull(strstr(out.ptr, "-- downgrade 1001"));
	/* upgrade FROM:TO starts from FROM: no tracking table, no 1000 */
	strata_buf_clear(&out);
	mo.sql_from = "1000";
	ck_assert_strata_ok(strata_migrate_upgrade(&n, NULL, map, "1001",
		&mo));
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_null(strstr(out.ptr, "tracking table"));
	ck_assert_ptr_null(strstr(out.ptr, "-- upgrade 1000"));
	ck_assert_ptr_nonnull(strstr(out.ptr, "-- upgrade 1001: email\n"));
	ck_assert_ptr_null(strstr(out.ptr, "-- upgrade 1002"));
	strata_buf_dispose(&out);
	strata_buf_dispose(&path);
	strata_revmap_free(map);
}
END_TEST

/* SELECT "value" FROM "strata_history_meta" ORDER BY "key", quoted for
 * the dialect; `what` is "key", "value", or both joined. */
static char *meta_rows(void)
{
	strata_dialect d = strata_test_dialect();
	strata_buf sql = STRATA_BUF_INIT;
	char *r;

	strata_buf_puts(&sql, "SELECT ");
	strata_dialect_quote_ident(&sql, d, "key");
	strata_buf_puts(&sql, ", ");
	strata_dialect_quote_ident(&sql, d, "value");
	strata_buf_puts(&sql, " FROM strata_history_meta ORDER BY ");
	strata_dialect_quote_ident(&sql, d, "key");
	r = rows(sql.ptr);
	strata_buf_dispose(&sql);
	return r;
}

static void assert_meta(const char *expected)
{
	char *r = meta_rows();

	ck_assert_str_eq(r, expected);
	free(r);
}

START_TEST(test_migrate__tracking_version)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_dialect d = strata_test_dialect();
	strata_buf sql = STRATA_BUF_INIT;
	strata_revmap *map;
	size_t n;

	write_chain();
	map = load();
	/* missing: created, at version 1 */
	ck_assert_int_eq(exists("strata_history"), 0);
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, "1000", &mo));
	ck_assert_int_eq(exists("strata_history"), 1);
	assert_meta("version|1\n");
	/* a version-1 table is left alone (a row of its own stays too) */
	strata_buf_puts(&sql, "INSERT INTO strata_history_meta (");
	strata_dialect_quote_ident(&sql, d, "key");
	strata_buf_puts(&sql, ", ");
	strata_dialect_quote_ident(&sql, d, "value");
	strata_buf_puts(&sql, ") VALUES ('note', 'mine')");
	ck_assert_strata_ok(strata_conn_exec(conn, sql.ptr));
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL, &mo));
	ck_assert_uint_eq(n, 2);
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "-1", &mo));
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "head", &mo));
	assert_meta("note|mine\nversion|1\n");
	assert_rows("SELECT COUNT(*) FROM strata_history", "3\n");
	/* a newer strata made it: refused, nothing runs */
	strata_buf_clear(&sql);
	strata_buf_puts(&sql, "UPDATE strata_history_meta SET ");
	strata_dialect_quote_ident(&sql, d, "value");
	strata_buf_puts(&sql, " = '2' WHERE ");
	strata_dialect_quote_ident(&sql, d, "key");
	strata_buf_puts(&sql, " = 'version'");
	ck_assert_strata_ok(strata_conn_exec(conn, sql.ptr));
	ck_assert_strata_fails(strata_migrate_downgrade(&n, conn, map, "-1",
		&mo), STRATA_ECONFLICT, "the tracking table 'strata_history' is "
		"at version 2, newer than this strata " STRATA_VERSION " knows "
		"(1): run a newer strata");
	assert_rows("SELECT COUNT(*) FROM strata_history", "3\n");
	/* no version at all: refused, saying what to do */
	ck_assert_strata_ok(strata_conn_exec(conn,
		"DROP TABLE strata_history_meta"));
	ck_assert_strata_fails(strata_migrate_upgrade(&n, conn, map, NULL,
		&mo), STRATA_EINVALID, "the tracking table 'strata_history' has "
		"no valid version in 'strata_history_meta' (was its creation "
		"interrupted?): when 'strata_history' is empty, drop both tables "
		"and run again");
	/* another table name: its own pair */
	mo.version_table = "my_versions";
	ck_assert_strata_ok(strata_migrate_stamp(conn, map, "1000", &mo));
	ck_assert_int_eq(exists("my_versions"), 1);
	ck_assert_int_eq(exists("my_versions_meta"), 1);
	assert_rows("SELECT revision, state FROM my_versions", "1000|applied\n");
	strata_buf_dispose(&sql);
	strata_revmap_free(map);
}
END_TEST

/* A downgrade that fails part-way (statement by statement: MySQL, and
 * `transactional: false` on PostgreSQL) is refused until resumed. */
START_TEST(test_migrate__downgrade_resume)
{
	strata_migrate_options mo = STRATA_MIGRATE_OPTIONS_INIT;
	strata_buf expected = STRATA_BUF_INIT;
	strata_revmap *map;
	size_t n;
	const char *script_fmt = "revision: '1001'\nparents: ['1000']\n"
		"message: two tables\ntransactional: false\nupgrade:\n"
		"  - sql: CREATE TABLE t1 (x INTEGER)\n"
		"  - sql: CREATE TABLE t2 (x INTEGER)\n"
		"downgrade:\n  - sql: DROP TABLE t2\n  - sql: DROP TABLE %s\n";
	char script[512];

	if (strata_test_dialect() == STRATA_DIALECT_SQLITE)
		return; /* always one transaction per revision there */
	write_script(chain[0], chain[1]);
	snprintf(script, sizeof(script), script_fmt, "t9");
	write_script("1001_two.yaml", script);
	map = load();
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL, &mo));
	ck_assert_int_eq(strata_migrate_downgrade(&n, conn, map, "-1", &mo),
		STRATA_ERROR);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(exists("t2"), 0);
	ck_assert_int_eq(exists("t1"), 1);
	assert_rows("SELECT revision, state, statements_done, "
		"statements_total, failed_statement FROM strata_history ORDER BY "
		"revision", "1000|applied|1|1|NULL\n"
		"1001|revert_failed|1|2|DROP TABLE t9\n");
	/* upgrade, stamp and plain downgrade refuse, saying how to go on */
	ck_assert_int_eq(strata_migrate_upgrade(&n, conn, map, NULL, &mo),
		STRATA_ECONFLICT);
	strata_buf_printf(&expected, "revision '1001' (%s/1001_two.yaml) "
		"failed while being downgraded at downgrade statement 2 of 2: ",
		dir);
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		expected.ptr));
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"\n  statement: DROP TABLE t9\nFix the script and run 'strata "
		"downgrade --resume' to continue from downgrade statement 2, or "
		"redo by hand what its first 1 downgrade statement(s) undid and "
		"run 'strata repair' to mark it applied again"));
	mo.resume = 1;
	ck_assert_strata_fails(strata_migrate_upgrade(&n, conn, map, NULL,
		&mo), STRATA_ECONFLICT, "revision '1001' stopped while being "
		"downgraded: run 'strata downgrade --resume' to finish that");
	mo.resume = 0;
	ck_assert_int_eq(strata_migrate_downgrade(&n, conn, map, "base", &mo),
		STRATA_ECONFLICT);
	/* a fix that changes how many statements there are is refused */
	strata_revmap_free(map);
	snprintf(script, sizeof(script), script_fmt,
		"t1\n  - sql: SELECT 1");
	write_script("1001_two.yaml", script);
	map = load();
	mo.resume = 1;
	ck_assert_strata_fails(strata_migrate_downgrade(&n, conn, map, "-1",
		&mo), STRATA_ECONFLICT, "revision '1001' now runs 3 statement(s), "
		"but 2 when it stopped after 1: resuming would skip the wrong "
		"ones; finish it by hand and run 'strata repair'");
	mo.resume = 0;
	/* fixed and resumed: it finishes, and counts as the -1 asked */
	strata_revmap_free(map);
	snprintf(script, sizeof(script), script_fmt, "t1");
	write_script("1001_two.yaml", script);
	map = load();
	mo.resume = 1;
	ck_assert_strata_ok(strata_migrate_downgrade(&n, conn, map, "-1", &mo));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(exists("t1"), 0);
	assert_rows("SELECT revision, state FROM strata_history",
		"1000|applied\n");
	assert_current(map, "1000");
	/* again, and this time repaired: marked applied again */
	mo.resume = 0;
	ck_assert_strata_ok(strata_migrate_upgrade(&n, conn, map, NULL, &mo));
	strata_revmap_free(map);
	snprintf(script, sizeof(script), script_fmt, "t9");
	write_script("1001_two.yaml", script);
	map = load();
	mo.ignore_checksums = 1;
	ck_assert_int_eq(strata_migrate_downgrade(&n, conn, map, "-1", &mo),
		STRATA_ERROR);
	ck_assert_strata_ok(strata_conn_exec(conn,
		"CREATE TABLE t2 (x INTEGER)"));
	ck_assert_strata_ok(strata_migrate_repair(&n, conn, &mo));
	ck_assert_uint_eq(n, 1);
	assert_rows("SELECT revision, state, statements_done, error FROM "
		"strata_history ORDER BY revision", "1000|applied|1|NULL\n"
		"1001|applied|1|NULL\n");
	strata_buf_dispose(&expected);
	strata_revmap_free(map);
}
END_TEST

Suite *migrate_itest(void)
{
	Suite *s = suite_create("migrate");
	TCase *tc = tcase_create("migrate");

	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_migrate__targets);
	tcase_add_test(tc, test_migrate__stamp);
	tcase_add_test(tc, test_migrate__target_forms);
	tcase_add_test(tc, test_migrate__branches_and_merge);
	tcase_add_test(tc, test_migrate__failure_midway);
	tcase_add_test(tc, test_migrate__edited_script_refused);
	tcase_add_test(tc, test_migrate__offline_sql);
	tcase_add_test(tc, test_migrate__offline_downgrade_sql);
	tcase_add_test(tc, test_migrate__tracking_version);
	tcase_add_test(tc, test_migrate__downgrade_resume);
	suite_add_tcase(s, tc);
	return s;
}
