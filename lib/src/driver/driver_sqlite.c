/*
 * SQLite driver (sqlite3). The run lock is a BEGIN IMMEDIATE transaction
 * (STRATA_CAP_LOCK_IS_TXN); foreign keys are enforced on every connection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include "driver_int.h"

#define DEFAULT_BUSY_MS 5000

typedef struct {
	strata_conn head;
	sqlite3 *db;
	int busy_ms;
} sqlite_conn;

typedef struct {
	strata_result head;
	sqlite_conn *conn;
	sqlite3_stmt *stmt;
	char *sql;
	int done;
} sqlite_result;

static void set_error(sqlite_conn *c, const char *sql)
{
	strata_driver__error(&c->head, NULL, sqlite3_extended_errcode(c->db),
		sqlite3_errmsg(c->db), sql);
}

static int sqlite_open(strata_conn **out, const strata_url *url,
	const strata_conn_options *opts)
{
	sqlite_conn *c;
	const char *path = url->database && *url->database ? url->database :
		":memory:";
	const char *mode = strata_url_param_get(url, "mode");
	const char *timeout = strata_url_param_get(url, "timeout");
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	char buf[64];
	int rc;

	if (mode && !strcmp(mode, "ro"))
		flags = SQLITE_OPEN_READONLY;
	else if (mode && !strcmp(mode, "rw"))
		flags = SQLITE_OPEN_READWRITE;
	else if (mode && strcmp(mode, "rwc")) {
		strata_error__set(STRATA_ERROR_URL, "invalid database URL: "
			"SQLite mode '%s' (expected ro, rw or rwc)", mode);
		return STRATA_EINVALID;
	}
	c = strata__calloc(1, sizeof(*c));
	STRATA_ERROR_CHECK_ALLOC(c);
	if (strata_driver__init_head(&c->head, &strata_driver_sqlite, url,
		opts) < 0) {
		strata__free(c);
		return STRATA_ERROR;
	}
	c->busy_ms = timeout ? atoi(timeout) : DEFAULT_BUSY_MS;
	rc = sqlite3_open_v2(path, &c->db, flags, NULL);
	if (rc != SQLITE_OK) {
		strata_error__set(STRATA_ERROR_DRIVER, "sqlite: cannot open "
			"database file '%s': %s", path, c->db ?
			sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		sqlite3_close(c->db);
		strata_driver__free_head(&c->head);
		strata__free(c);
		return STRATA_ERROR;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, c->busy_ms);
	c->head.server_version = sqlite3_libversion_number();
	snprintf(buf, sizeof(buf), "SQLite %s", sqlite3_libversion());
	c->head.server_info = strata__strdup(buf);
	*out = &c->head;
	/* Reads the file header, so a non-database file fails here. */
	if (strata_conn_exec(*out, "PRAGMA foreign_keys = ON") < 0) {
		strata_error__set(STRATA_ERROR_DRIVER, "sqlite: cannot use "
			"'%s': %s", path, sqlite3_errmsg(c->db));
		strata_conn_close(*out);
		*out = NULL;
		return STRATA_ERROR;
	}
	return 0;
}

static void sqlite_close(strata_conn *conn)
{
	sqlite_conn *c = (sqlite_conn *)conn;

	sqlite3_close_v2(c->db);
	strata_driver__free_head(conn);
	strata__free(c);
}

static int prepare(sqlite3_stmt **out, sqlite_conn *c, const char *sql,
	size_t nparams, const char *const *params)
{
	const char *tail = NULL;
	size_t i;
	int rc;

	strata_driver__sent(&c->head, sql);
	rc = sqlite3_prepare_v2(c->db, sql, -1, out, &tail);
	if (rc != SQLITE_OK) {
		set_error(c, sql);
		return STRATA_ERROR;
	}
	if (!*out) {
		strata_error__set(STRATA_ERROR_DRIVER, "sqlite: empty "
			"statement");
		return STRATA_EINVALID;
	}
	while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' ||
		*tail == '\r' || *tail == ';'))
		tail++;
	if (tail && *tail) {
		sqlite3_stmt *extra = NULL;
		sqlite3_prepare_v2(c->db, tail, -1, &extra, NULL);
		if (extra) {
			sqlite3_finalize(extra);
			sqlite3_finalize(*out);
			*out = NULL;
			strata_driver__error(&c->head, NULL, 0, "more than one "
				"statement in one call", sql);
			return STRATA_EINVALID;
		}
	}
	if ((size_t)sqlite3_bind_parameter_count(*out) != nparams) {
		strata_error__set(STRATA_ERROR_DRIVER, "sqlite: statement "
			"takes %d parameters, %zu given",
			sqlite3_bind_parameter_count(*out), nparams);
		sqlite3_finalize(*out);
		*out = NULL;
		return STRATA_EINVALID;
	}
	for (i = 0; i < nparams; i++) {
		rc = params[i] ? sqlite3_bind_text(*out, (int)i + 1, params[i],
			-1, SQLITE_TRANSIENT) : sqlite3_bind_null(*out, (int)i + 1);
		if (rc != SQLITE_OK) {
			set_error(c, sql);
			sqlite3_finalize(*out);
			*out = NULL;
			return STRATA_ERROR;
		}
	}
	return 0;
}

static int sqlite_execp(strata_conn *conn, const char *sql, size_t nparams,
	const char *const *params, long long *affected)
{
	sqlite_conn *c = (sqlite_conn *)conn;
	sqlite3_stmt *stmt = NULL;
	int rc, error;

	if ((error = prepare(&stmt, c, sql, nparams, params)) < 0)
		return error;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		set_error(c, sql);
		sqlite3_finalize(stmt);
		return STRATA_ERROR;
	}
	sqlite3_finalize(stmt);
	if (affected)
		*affected = sqlite3_changes64(c->db);
	return 0;
}

static int sqlite_query(strata_result **out, strata_conn *conn,
	const char *sql, size_t nparams, const char *const *params)
{
	sqlite_conn *c = (sqlite_conn *)conn;
	sqlite_result *r;
	int error;

	r = strata__calloc(1, sizeof(*r));
	STRATA_ERROR_CHECK_ALLOC(r);
	if ((error = prepare(&r->stmt, c, sql, nparams, params)) < 0) {
		strata__free(r);
		return error;
	}
	r->head.driver = &strata_driver_sqlite;
	r->head.ncols = (size_t)sqlite3_column_count(r->stmt);
	r->conn = c;
	r->sql = strata__strdup(sql);
	*out = &r->head;
	return 0;
}

static int sqlite_next(strata_result *res)
{
	sqlite_result *r = (sqlite_result *)res;
	int rc;

	if (r->done)
		return STRATA_ITEROVER;
	rc = sqlite3_step(r->stmt);
	if (rc == SQLITE_ROW)
		return 0;
	r->done = 1;
	if (rc == SQLITE_DONE)
		return STRATA_ITEROVER;
	set_error(r->conn, r->sql);
	return STRATA_ERROR;
}

static const char *sqlite_text(const strata_result *res, size_t col)
{
	const sqlite_result *r = (const sqlite_result *)res;

	if (r->done || sqlite3_column_type(r->stmt, (int)col) == SQLITE_NULL)
		return NULL;
	return (const char *)sqlite3_column_text(r->stmt, (int)col);
}

static const char *sqlite_column_name(const strata_result *res, size_t col)
{
	return sqlite3_column_name(((const sqlite_result *)res)->stmt,
		(int)col);
}

static void sqlite_result_free(strata_result *res)
{
	sqlite_result *r = (sqlite_result *)res;

	sqlite3_finalize(r->stmt);
	strata__free(r->sql);
	strata__free(r);
}

static int sqlite_lock(strata_conn *conn, const char *name, int timeout_ms)
{
	sqlite_conn *c = (sqlite_conn *)conn;
	int error;

	if (conn->in_txn) {
		strata_error__set(STRATA_ERROR_DRIVER, "sqlite: cannot take "
			"the lock '%s' inside a transaction", name);
		return STRATA_ECONFLICT;
	}
	sqlite3_busy_timeout(c->db, timeout_ms);
	error = strata_conn_exec(conn, "BEGIN IMMEDIATE");
	sqlite3_busy_timeout(c->db, c->busy_ms);
	if (error < 0) {
		int code = sqlite3_extended_errcode(c->db) & 0xff;
		if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
			strata_error__set(STRATA_ERROR_DRIVER, "sqlite: could "
				"not take the lock '%s' on '%s' within %d ms: "
				"another connection is writing to the database",
				name, conn->database, timeout_ms);
			return STRATA_ELOCKED;
		}
		return error;
	}
	conn->in_txn = 1;
	return 0;
}

static int sqlite_unlock(strata_conn *conn, const char *name)
{
	STRATA_UNUSED(name);
	if (!conn->in_txn)
		return 0;
	return strata_conn_commit(conn);
}

const strata_driver strata_driver_sqlite = {
	STRATA_DRIVER_VERSION,
	STRATA_DIALECT_SQLITE,
	sqlite_open,
	sqlite_close,
	sqlite_query,
	sqlite_execp,
	sqlite_next,
	sqlite_text,
	sqlite_column_name,
	sqlite_result_free,
	sqlite_lock,
	sqlite_unlock,
};
