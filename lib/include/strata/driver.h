/*
 * Database connections: one driver per dialect behind one interface.
 * A connection executes one statement per call; results are read as text.
 * Errors carry the server's message, SQLSTATE or error number, and the
 * statement. Connections and results are owned by the caller.
 */
#ifndef STRATA_DRIVER_H
#define STRATA_DRIVER_H

#include "common.h"
#include "dialect.h"

STRATA_BEGIN_DECL

typedef struct strata_conn strata_conn;
typedef struct strata_result strata_result;

/** Called with every statement a connection sends (for --verbose). */
typedef void (*strata_trace_cb)(const char *sql, void *payload);

typedef struct {
	unsigned int version;     /* STRATA_CONN_OPTIONS_VERSION */
	int connect_timeout;      /* seconds; 0 for the driver's default */
	strata_trace_cb trace;    /* optional */
	void *trace_payload;
} strata_conn_options;

#define STRATA_CONN_OPTIONS_VERSION 1
#define STRATA_CONN_OPTIONS_INIT { STRATA_CONN_OPTIONS_VERSION, 0, NULL, NULL }

/**
 * Connects to the database a URL names.
 * @param out receives the connection (NULL on failure)
 * @param url the database URL (see url.h)
 * @param opts options, or NULL for defaults
 * @return 0; STRATA_EINVALID for a bad URL; STRATA_ERROR when the server
 *         cannot be reached or refuses, with one clear line and no password
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_conn_open(strata_conn **out, const char *url,
	const strata_conn_options *opts);

/** Closes a connection; NULL is a no-op. @since 0.1.0 */
STRATA_EXTERN(void) strata_conn_close(strata_conn *conn);

STRATA_EXTERN(strata_dialect) strata_conn_dialect(const strata_conn *conn);
STRATA_EXTERN(unsigned int) strata_conn_caps(const strata_conn *conn);

/** Server version as an integer: 150004 for PostgreSQL 15.4, 101106 for
 * MariaDB 10.11.6, 3040001 for SQLite 3.40.1. @since 0.1.0 */
STRATA_EXTERN(int) strata_conn_server_version(const strata_conn *conn);

/** The server's product and version as text, e.g. "10.11.6-MariaDB".
 * Borrowed from the connection. */
STRATA_EXTERN(const char *) strata_conn_server_info(const strata_conn *conn);

/** The database (or SQLite file) the connection uses. Borrowed. */
STRATA_EXTERN(const char *) strata_conn_database(const strata_conn *conn);

/** Number of statements sent so far (queries and executes). */
STRATA_EXTERN(unsigned long) strata_conn_statement_count(
	const strata_conn *conn);

/**
 * Executes one statement that returns no rows.
 * @return 0, or STRATA_ERROR with the server's message, SQLSTATE and the
 *         statement in the last error
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_conn_exec(strata_conn *conn, const char *sql);

/**
 * Runs one query with optional parameters. Placeholders are written `?`
 * in every dialect (outside quotes); NULL entries in params bind NULL.
 * @param out receives the result, positioned before the first row
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_conn_query(strata_result **out, strata_conn *conn,
	const char *sql, size_t nparams, const char *const *params);

/** Like strata_conn_query for a statement without rows; the number of
 * rows changed goes to *affected when not NULL. */
STRATA_EXTERN(int) strata_conn_execp(strata_conn *conn, const char *sql,
	size_t nparams, const char *const *params, long long *affected);

/** Moves to the next row: 0 when there is one, STRATA_ITEROVER at the end.
 * @since 0.1.0 */
STRATA_EXTERN(int) strata_result_next(strata_result *res);
STRATA_EXTERN(size_t) strata_result_columns(const strata_result *res);
STRATA_EXTERN(const char *) strata_result_column_name(
	const strata_result *res, size_t col);
/** Text of a column of the current row; NULL for SQL NULL. Borrowed until
 * the next call of strata_result_next. */
STRATA_EXTERN(const char *) strata_result_text(const strata_result *res,
	size_t col);
STRATA_EXTERN(int) strata_result_isnull(const strata_result *res, size_t col);
/** Frees a result; NULL is a no-op. */
STRATA_EXTERN(void) strata_result_free(strata_result *res);

/**
 * Runs a query expected to give one value. *out receives a copy of the
 * first column of the first row (free() it), or NULL when there is no row
 * or it is NULL.
 */
STRATA_EXTERN(int) strata_conn_query_value(char **out, strata_conn *conn,
	const char *sql, size_t nparams, const char *const *params);

STRATA_EXTERN(int) strata_conn_begin(strata_conn *conn);
STRATA_EXTERN(int) strata_conn_commit(strata_conn *conn);
STRATA_EXTERN(int) strata_conn_rollback(strata_conn *conn);
/** Whether a transaction is open on the connection. */
STRATA_EXTERN(int) strata_conn_in_transaction(const strata_conn *conn);

/**
 * Takes the run lock `name`, waiting at most timeout_ms milliseconds
 * (pg_advisory_lock on PostgreSQL, GET_LOCK on MySQL, BEGIN IMMEDIATE on
 * SQLite, where the lock is the transaction: see STRATA_CAP_LOCK_IS_TXN).
 * @return 0, or STRATA_ELOCKED when another session holds it past the
 *         timeout, with a message naming the lock and the wait
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_conn_lock(strata_conn *conn, const char *name,
	int timeout_ms);

/**
 * Whether a table exists in the connection's database (PostgreSQL: in the
 * search path's first schema).
 * @return 1 or 0, or a negative error code
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_conn_table_exists(strata_conn *conn,
	const char *table);

/** Releases the run lock (on SQLite: commits). */
STRATA_EXTERN(int) strata_conn_unlock(strata_conn *conn, const char *name);

STRATA_END_DECL

#endif
