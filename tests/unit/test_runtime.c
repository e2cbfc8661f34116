/*
 * Unit tests of pieces of the migration runtime that need no database:
 * splitting raw SQL steps into statements (quotes, comments, dollar
 * quotes, routine bodies) and the tracking table's compiled-in steps.
 */
#include <stdio.h>
#include "check_strata.h"
#include "history_int.h"
#include "ops_int.h"
#include "ddl/ddl_ops.h"

/* The statements of `sql`, each followed by "\n---\n". */
static char *split(const char *sql)
{
	strata_strarray out = { NULL, 0 };
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	ck_assert_strata_ok(strata_ddl__split_sql(&out, sql));
	for (i = 0; i < out.count; i++)
		strata_buf_printf(&b, "%s\n---\n", out.strings[i]);
	strata_strarray_dispose(&out);
	return strata_buf_detach(&b);
}

static void assert_split(const char *sql, const char *expected)
{
	char *got = split(sql);

	ck_assert_str_eq(got, expected);
	free(got);
}

START_TEST(test_runtime__split_plain)
{
	assert_split("", "");
	assert_split(" ; ;\n", "");
	assert_split("SELECT 1", "SELECT 1\n---\n");
	assert_split("  INSERT INTO t VALUES (1);\n  INSERT INTO t VALUES (2);  ",
		"INSERT INTO t VALUES (1)\n---\nINSERT INTO t VALUES (2)\n---\n");
	/* quotes, doubled quotes, comments */
	assert_split("INSERT INTO t VALUES ('a;b', 'it''s;'); SELECT \"x;y\" "
		"FROM `t;u`", "INSERT INTO t VALUES ('a;b', 'it''s;')\n---\n"
		"SELECT \"x;y\" FROM `t;u`\n---\n");
	assert_split("SELECT 1; -- a comment; with a semicolon\nSELECT 2 /* ; "
		"*/ + 3", "SELECT 1\n---\nSELECT 2  + 3\n---\n");
	/* a transaction's BEGIN is a statement like any other */
	assert_split("BEGIN; UPDATE t SET end = 1; COMMIT",
		"BEGIN\n---\nUPDATE t SET end = 1\n---\nCOMMIT\n---\n");
}
END_TEST

START_TEST(test_runtime__split_bodies)
{
	/* PostgreSQL dollar quotes */
	assert_split("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; "
		"END; $$ LANGUAGE plpgsql; SELECT f()",
		"CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ "
		"LANGUAGE plpgsql\n---\nSELECT f()\n---\n");
	assert_split("DO $body$ BEGIN PERFORM 1; END $body$; SELECT 2",
		"DO $body$ BEGIN PERFORM 1; END $body$\n---\nSELECT 2\n---\n");
	/* a SQLite trigger */
	assert_split("CREATE TRIGGER a_log AFTER INSERT ON a BEGIN\n"
		"  INSERT INTO log VALUES (NEW.id);\n"
		"  UPDATE n SET c = c + 1;\nEND;\nCREATE VIEW v AS SELECT 1;",
		"CREATE TRIGGER a_log AFTER INSERT ON a BEGIN\n"
		"  INSERT INTO log VALUES (NEW.id);\n"
		"  UPDATE n SET c = c + 1;\nEND\n---\n"
		"CREATE VIEW v AS SELECT 1\n---\n");
	assert_split("create temp trigger t before delete on a begin select "
		"raise(abort, 'no;'); end; select 1",
		"create temp trigger t before delete on a begin select "
		"raise(abort, 'no;'); end\n---\nselect 1\n---\n");
	/* MySQL: nested blocks, END IF, a column named begin */
	assert_split("CREATE PROCEDURE p() BEGIN\n  IF 1 THEN\n    BEGIN\n"
		"      SELECT NEW.begin;\n    END;\n  END IF;\nEND; CALL p()",
		"CREATE PROCEDURE p() BEGIN\n  IF 1 THEN\n    BEGIN\n"
		"      SELECT NEW.begin;\n    END;\n  END IF;\nEND\n---\n"
		"CALL p()\n---\n");
	/* a MySQL trigger without a block ends at its semicolon */
	assert_split("CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET "
		"NEW.x = 1; INSERT INTO a VALUES (2)",
		"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1"
		"\n---\nINSERT INTO a VALUES (2)\n---\n");
	/* PostgreSQL 14 SQL-standard bodies */
	assert_split("CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC "
		"SELECT 1; END; SELECT g()",
		"CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC "
		"SELECT 1; END\n---\nSELECT g()\n---\n");
	/* a table with a column named begin is no routine */
	assert_split("CREATE TABLE t (begin int); SELECT 1",
		"CREATE TABLE t (begin int)\n---\nSELECT 1\n---\n");
}
END_TEST

START_TEST(test_runtime__tracking_steps)
{
	const strata_tracking_step *st;
	strata_schema *s = NULL;
	int expect = 1;

	ck_assert_strata_ok(strata_schema_new(&s));
	for (st = strata_history__steps; st->name; st++) {
		strata_script *sc = NULL;
		/* numbered 1, 2, ... without gaps */
		ck_assert_int_eq(strata_history__step_version(st), expect++);
		ck_assert_uint_eq(strlen(st->text), st->len);
		ck_assert_strata_ok(strata_history__step_script(&sc, st,
			"my \"odd\" table"));
		ck_assert_ptr_nonnull(sc->upgrade);
		ck_assert_strata_ok(strata_ops__apply_all(s, sc->upgrade));
		strata_script_free(sc);
	}
	/* the newest step is the version this build writes */
	ck_assert_int_eq(expect - 1, STRATA_HISTORY_VERSION);
	/* version 1: the table and its meta table */
	ck_assert_uint_eq(s->table_count, 2);
	ck_assert_ptr_nonnull(strata_schema_table(s, "my \"odd\" table"));
	ck_assert_ptr_nonnull(strata_schema_table(s,
		"my \"odd\" table_meta"));
	ck_assert_uint_eq(strata_schema_table(s,
		"my \"odd\" table")->column_count, 14);
	strata_schema_free(s);
}
END_TEST

START_TEST(test_runtime__step_version)
{
	strata_tracking_step st = { "0001_x.yaml", "", 0 };

	ck_assert_int_eq(strata_history__step_version(&st), 1);
	st.name = "0012_more.yaml";
	ck_assert_int_eq(strata_history__step_version(&st), 12);
	st.name = "x_0001.yaml";
	ck_assert_int_eq(strata_history__step_version(&st), -1);
	st.name = "0003.yaml";
	ck_assert_int_eq(strata_history__step_version(&st), -1);
}
END_TEST

START_TEST(test_runtime__version_sql)
{
	strata_buf b = STRATA_BUF_INIT;

	strata_history__version_sql(&b, STRATA_DIALECT_MYSQL, "h", 1, 1);
	ck_assert_str_eq(b.ptr, "INSERT INTO `h_meta` (`key`, `value`) "
		"VALUES ('version', '1')");
	strata_buf_clear(&b);
	strata_history__version_sql(&b, STRATA_DIALECT_POSTGRES, "h", 2, 0);
	ck_assert_str_eq(b.ptr, "UPDATE \"h_meta\" SET \"value\" = '2' "
		"WHERE \"key\" = 'version'");
	strata_buf_dispose(&b);
}
END_TEST

Suite *runtime_suite(void)
{
	Suite *s = suite_create("runtime");
	TCase *tc = tcase_create("runtime");

	tcase_add_test(tc, test_runtime__split_plain);
	tcase_add_test(tc, test_runtime__split_bodies);
	tcase_add_test(tc, test_runtime__tracking_steps);
	tcase_add_test(tc, test_runtime__step_version);
	tcase_add_test(tc, test_runtime__version_sql);
	suite_add_tcase(s, tc);
	return s;
}
