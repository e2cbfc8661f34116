/*
 * The public connection API: picks the driver from the URL's dialect and
 * forwards to its vtable; transactions and error formatting are shared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "driver_int.h"

static const strata_driver *const drivers[] = {
#ifdef STRATA_WITH_SQLITE
	&strata_driver_sqlite,
#endif
#ifdef STRATA_WITH_POSTGRES
	&strata_driver_pg,
#endif
#ifdef STRATA_WITH_MARIADB
	&strata_driver_mysql,
#endif
};

long long strata__now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void strata__sleep_ms(int ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
}

void strata_driver__error(const strata_conn *conn, const char *sqlstate,
	int native_code, const char *message, const char *sql)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t len = message ? strlen(message) : 0;

	/* Servers end messages with newlines; one line reads better. */
	while (len && (message[len - 1] == '\n' || message[len - 1] == ' '))
		len--;
	strata_buf_printf(&b, "%s: %.*s", conn ? strata_dialect_name(
		conn->dialect) : "database", (int)len,
		message ? message : "unknown error");
	if (sqlstate && *sqlstate && native_code)
		strata_buf_printf(&b, " [SQLSTATE %s, error %d]", sqlstate,
			native_code);
	else if (sqlstate && *sqlstate)
		strata_buf_printf(&b, " [SQLSTATE %s]", sqlstate);
	else if (native_code)
		strata_buf_printf(&b, " [error %d]", native_code);
	if (sql) {
		size_t n = strlen(sql);
		strata_buf_printf(&b, "\n  in statement: %.*s%s",
			(int)(n > 2000 ? 2000 : n), sql, n > 2000 ? "..." : "");
	}
	strata_error__set(STRATA_ERROR_DRIVER, "%s", b.ptr);
	strata_error__set_native(sqlstate, native_code);
	strata_buf_dispose(&b);
}

void strata_driver__sent(strata_conn *conn, const char *sql)
{
	conn->statements++;
	if (conn->trace)
		conn->trace(sql, conn->trace_payload);
}

int strata_driver__init_head(strata_conn *conn, const strata_driver *drv,
	const strata_url *url, const strata_conn_options *opts)
{
	conn->driver = drv;
	conn->dialect = drv->dialect;
	conn->caps = strata_dialect_caps(drv->dialect);
	conn->database = strata__strdup(url->database ? url->database : "");
	if (opts) {
		conn->trace = opts->trace;
		conn->trace_payload = opts->trace_payload;
	}
	STRATA_ERROR_CHECK_ALLOC(conn->database);
	return 0;
}

void strata_driver__free_head(strata_conn *conn)
{
	strata__free(conn->server_info);
	strata__free(conn->database);
	strata__free(conn->masked_url);
}

int strata_conn_open(strata_conn **out, const char *text,
	const strata_conn_options *opts)
{
	strata_url *url = NULL;
	strata_buf masked = STRATA_BUF_INIT;
	size_t i;
	int error;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(text);
	*out = NULL;
	if ((error = strata_url_parse(&url, text)) < 0)
		return error;
	error = STRATA_EUNSUPPORTED;
	strata_error__set(STRATA_ERROR_DRIVER, "no driver for dialect %s in "
		"this build", strata_dialect_name(url->dialect));
	for (i = 0; i < STRATA_ARRAY_SIZE(drivers); i++) {
		if (drivers[i]->dialect != url->dialect)
			continue;
		error = drivers[i]->open(out, url, opts);
		break;
	}
	if (error == 0) {
		strata_url_mask(&masked, text);
		(*out)->masked_url = strata_buf_detach(&masked);
	}
	strata_buf_dispose(&masked);
	strata_url_free(url);
	return error;
}

void strata_conn_close(strata_conn *conn)
{
	if (conn)
		conn->driver->close(conn);
}

strata_dialect strata_conn_dialect(const strata_conn *conn)
{
	return conn ? conn->dialect : STRATA_DIALECT_NONE;
}

unsigned int strata_conn_caps(const strata_conn *conn)
{
	return conn ? conn->caps : 0;
}

int strata_conn_server_version(const strata_conn *conn)
{
	return conn ? conn->server_version : 0;
}

const char *strata_conn_server_info(const strata_conn *conn)
{
	return conn && conn->server_info ? conn->server_info : "";
}

const char *strata_conn_database(const strata_conn *conn)
{
	return conn && conn->database ? conn->database : "";
}

unsigned long strata_conn_statement_count(const strata_conn *conn)
{
	return conn ? conn->statements : 0;
}

int strata_conn_exec(strata_conn *conn, const char *sql)
{
	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(sql);
	return conn->driver->execp(conn, sql, 0, NULL, NULL);
}

int strata_conn_execp(strata_conn *conn, const char *sql, size_t nparams,
	const char *const *params, long long *affected)
{
	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(sql);
	return conn->driver->execp(conn, sql, nparams, params, affected);
}

int strata_conn_query(strata_result **out, strata_conn *conn,
	const char *sql, size_t nparams, const char *const *params)
{
	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(sql);
	*out = NULL;
	return conn->driver->query(out, conn, sql, nparams, params);
}

int strata_conn_query_value(char **out, strata_conn *conn, const char *sql,
	size_t nparams, const char *const *params)
{
	strata_result *res = NULL;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if ((error = strata_conn_query(&res, conn, sql, nparams, params)) < 0)
		return error;
	if ((error = strata_result_next(res)) == 0) {
		const char *v = strata_result_text(res, 0);
		if (v && !(*out = strata__strdup(v))) {
			strata_error__oom();
			error = STRATA_ERROR;
		}
	} else if (error == STRATA_ITEROVER) {
		error = 0;
	}
	strata_result_free(res);
	return error;
}

int strata_result_next(strata_result *res)
{
	STRATA_ASSERT_ARG(res);
	return res->driver->next(res);
}

size_t strata_result_columns(const strata_result *res)
{
	return res ? res->ncols : 0;
}

const char *strata_result_column_name(const strata_result *res, size_t col)
{
	if (!res || col >= res->ncols)
		return NULL;
	return res->driver->column_name(res, col);
}

const char *strata_result_text(const strata_result *res, size_t col)
{
	if (!res || col >= res->ncols)
		return NULL;
	return res->driver->text(res, col);
}

int strata_result_isnull(const strata_result *res, size_t col)
{
	return strata_result_text(res, col) == NULL;
}

void strata_result_free(strata_result *res)
{
	if (res)
		res->driver->result_free(res);
}

int strata_conn_begin(strata_conn *conn)
{
	int error;

	STRATA_ASSERT_ARG(conn);
	if (conn->in_txn) {
		strata_error__set(STRATA_ERROR_DRIVER, "a transaction is "
			"already open on this connection");
		return STRATA_ECONFLICT;
	}
	error = strata_conn_exec(conn, conn->dialect == STRATA_DIALECT_MYSQL ?
		"START TRANSACTION" : "BEGIN");
	if (!error)
		conn->in_txn = 1;
	return error;
}

int strata_conn_commit(strata_conn *conn)
{
	int error;

	STRATA_ASSERT_ARG(conn);
	error = strata_conn_exec(conn, "COMMIT");
	conn->in_txn = 0;
	return error;
}

int strata_conn_rollback(strata_conn *conn)
{
	int error;

	STRATA_ASSERT_ARG(conn);
	error = strata_conn_exec(conn, "ROLLBACK");
	conn->in_txn = 0;
	return error;
}

int strata_conn_in_transaction(const strata_conn *conn)
{
	return conn ? conn->in_txn : 0;
}

int strata_conn_lock(strata_conn *conn, const char *name, int timeout_ms)
{
	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(name);
	return conn->driver->lock(conn, name, timeout_ms < 0 ? 0 : timeout_ms);
}

int strata_conn_unlock(strata_conn *conn, const char *name)
{
	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(name);
	return conn->driver->unlock(conn, name);
}

int strata_conn_table_exists(strata_conn *conn, const char *table)
{
	static const char *const sql[] = {
		/* SQLite */
		"SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
		/* PostgreSQL */
		"SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace"
		" n ON n.oid = c.relnamespace WHERE c.relname = ? AND"
		" c.relkind IN ('r', 'p') AND n.nspname = current_schema()",
		/* MySQL */
		"SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
		" DATABASE() AND TABLE_NAME = ?"
	};
	char *v = NULL;
	int error;

	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(table);
	if (conn->dialect < STRATA_DIALECT_SQLITE ||
	    conn->dialect > STRATA_DIALECT_MYSQL)
		return STRATA_EUNSUPPORTED;
	error = strata_conn_query_value(&v, conn,
		sql[conn->dialect - STRATA_DIALECT_SQLITE], 1, &table);
	if (error < 0)
		return error;
	error = v != NULL;
	strata__free(v);
	return error;
}
