/*
 * Driver integration tests, run on each dialect's real server:
 * connect, execute, query with parameters, transactions, the run lock,
 * and the connection error messages.
 */
#include <stdio.h>
#include "check_strata.h"

static char *url;
static strata_conn *conn;

static void setup(void)
{
	url = strata_test_fresh_db();
	ck_assert_ptr_nonnull(url);
	ck_assert_strata_ok(strata_conn_open(&conn, url, NULL));
}

static void teardown(void)
{
	strata_conn_close(conn);
	conn = NULL;
	strata_test_drop_db(url);
	url = NULL;
}

START_TEST(test_driver__exec_and_query)
{
	const char *params[2] = { "it's", NULL };
	strata_result *res = NULL;
	char *rows;

	ck_assert_strata_ok(strata_conn_exec(conn,
		"CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20))"));
	ck_assert_strata_ok(strata_conn_execp(conn,
		"INSERT INTO t (id, name) VALUES (1, ?)", 1, params, NULL));
	ck_assert_strata_ok(strata_conn_execp(conn,
		"INSERT INTO t (id, name) VALUES (2, ?)", 1, params + 1, NULL));
	rows = strata_test_query_rows(conn, "SELECT id, name FROM t ORDER BY id");
	ck_assert_str_eq(rows, "1|it's\n2|NULL\n");
	free(rows);
	ck_assert_strata_ok(strata_conn_query(&res, conn,
		"SELECT name FROM t WHERE name = ? AND id = ?", 2,
		(const char *const[]){ "it's", "1" }));
	ck_assert_uint_eq(strata_result_columns(res), 1);
	ck_assert_str_eq(strata_result_column_name(res, 0), "name");
	ck_assert_int_eq(strata_result_next(res), 0);
	ck_assert_str_eq(strata_result_text(res, 0), "it's");
	ck_assert_int_eq(strata_result_next(res), STRATA_ITEROVER);
	strata_result_free(res);
}
END_TEST

START_TEST(test_driver__error_carries_statement_and_code)
{
	ck_assert_int_eq(strata_conn_exec(conn, "SELECT * FROM no_such_table"),
		STRATA_ERROR);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_DRIVER);
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"no_such_table"));
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"in statement: SELECT * FROM no_such_table"));
	if (strata_test_dialect() == STRATA_DIALECT_POSTGRES)
		ck_assert_str_eq(strata_error_last()->sqlstate, "42P01");
	if (strata_test_dialect() == STRATA_DIALECT_MYSQL) {
		ck_assert_str_eq(strata_error_last()->sqlstate, "42S02");
		ck_assert_int_eq(strata_error_last()->native_code, 1146);
	}
}
END_TEST

START_TEST(test_driver__rollback_really_rolls_back)
{
	char *rows;

	ck_assert_strata_ok(strata_conn_exec(conn,
		"CREATE TABLE t (id INTEGER PRIMARY KEY)"));
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO t VALUES (1)"));
	ck_assert_strata_ok(strata_conn_begin(conn));
	ck_assert_int_eq(strata_conn_in_transaction(conn), 1);
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO t VALUES (2)"));
	ck_assert_strata_ok(strata_conn_exec(conn, "DELETE FROM t WHERE id = 1"));
	ck_assert_strata_ok(strata_conn_rollback(conn));
	ck_assert_int_eq(strata_conn_in_transaction(conn), 0);
	rows = strata_test_query_rows(conn, "SELECT id FROM t ORDER BY id");
	ck_assert_str_eq(rows, "1\n");
	free(rows);
	ck_assert_strata_ok(strata_conn_begin(conn));
	ck_assert_strata_ok(strata_conn_exec(conn, "INSERT INTO t VALUES (3)"));
	ck_assert_strata_ok(strata_conn_commit(conn));
	rows = strata_test_query_rows(conn, "SELECT id FROM t ORDER BY id");
	ck_assert_str_eq(rows, "1\n3\n");
	free(rows);
}
END_TEST

START_TEST(test_driver__lock_excludes_second_connection)
{
	strata_conn *other = NULL;
	char expected[512];

	ck_assert_strata_ok(strata_conn_open(&other, url, NULL));
	ck_assert_strata_ok(strata_conn_lock(conn, "strata_run", 1000));
	ck_assert_int_eq(strata_conn_lock(other, "strata_run", 300),
		STRATA_ELOCKED);
	switch (strata_test_dialect()) {
	case STRATA_DIALECT_SQLITE:
		snprintf(expected, sizeof(expected), "sqlite: could not take "
			"the lock 'strata_run' on '%s' within 300 ms: another "
			"connection is writing to the database",
			strata_conn_database(conn));
		break;
	case STRATA_DIALECT_POSTGRES:
		ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
			"postgresql: could not take the lock 'strata_run'"));
		snprintf(expected, sizeof(expected), "%s",
			strata_error_last()->message);
		break;
	default:
		snprintf(expected, sizeof(expected), "mysql: could not take "
			"the lock 'strata_run' (GET_LOCK 'strata:%s:strata_run') "
			"within 300 ms: another strata run holds it",
			strata_conn_database(conn));
		break;
	}
	ck_assert_str_eq(strata_error_last()->message, expected);
	ck_assert_strata_ok(strata_conn_unlock(conn, "strata_run"));
	ck_assert_strata_ok(strata_conn_lock(other, "strata_run", 1000));
	ck_assert_strata_ok(strata_conn_unlock(other, "strata_run"));
	strata_conn_close(other);
}
END_TEST

START_TEST(test_driver__server_version)
{
	ck_assert_int_gt(strata_conn_server_version(conn), 30000);
	ck_assert_ptr_nonnull(strata_conn_server_info(conn));
	ck_assert_int_eq(strata_conn_dialect(conn), strata_test_dialect());
}
END_TEST

Suite *driver_itest(void)
{
	Suite *s = suite_create("driver");
	TCase *tc = tcase_create("driver");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_driver__exec_and_query);
	tcase_add_test(tc, test_driver__error_carries_statement_and_code);
	tcase_add_test(tc, test_driver__rollback_really_rolls_back);
	tcase_add_test(tc, test_driver__lock_excludes_second_connection);
	tcase_add_test(tc, test_driver__server_version);
	suite_add_tcase(s, tc);
	return s;
}
