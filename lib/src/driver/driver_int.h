/*
 * The driver vtable: what each dialect's connection implementation
 * provides to driver.c. One file per dialect: driver_sqlite.c,
 * driver_pg.c, driver_mysql.c.
 */
#ifndef STRATA_DRIVER_INT_H
#define STRATA_DRIVER_INT_H

#include "common.h"

#define STRATA_DRIVER_VERSION 1

typedef struct strata_driver strata_driver;

/* Common head of every connection; drivers embed it first. */
struct strata_conn {
	const strata_driver *driver;
	strata_dialect dialect;
	unsigned int caps;
	int server_version;
	char *server_info;
	char *database;
	char *masked_url;          /* for messages */
	int in_txn;
	unsigned long statements;
	strata_trace_cb trace;
	void *trace_payload;
};

/* Common head of every result. */
struct strata_result {
	const strata_driver *driver;
	size_t ncols;
};

struct strata_driver {
	unsigned int version;
	strata_dialect dialect;
	int (*open)(strata_conn **out, const strata_url *url,
		const strata_conn_options *opts);
	void (*close)(strata_conn *conn);
	/* nparams may be 0; the SQL uses `?` placeholders */
	int (*query)(strata_result **out, strata_conn *conn, const char *sql,
		size_t nparams, const char *const *params);
	int (*execp)(strata_conn *conn, const char *sql, size_t nparams,
		const char *const *params, long long *affected);
	int (*next)(strata_result *res);
	const char *(*text)(const strata_result *res, size_t col);
	const char *(*column_name)(const strata_result *res, size_t col);
	void (*result_free)(strata_result *res);
	int (*lock)(strata_conn *conn, const char *name, int timeout_ms);
	int (*unlock)(strata_conn *conn, const char *name);
};

extern const strata_driver strata_driver_sqlite;
extern const strata_driver strata_driver_pg;
extern const strata_driver strata_driver_mysql;

/* Sets a driver error: "<message>" plus, when given, the SQLSTATE, the
 * native code and the statement. */
void strata_driver__error(const strata_conn *conn, const char *sqlstate,
	int native_code, const char *message, const char *sql);

/* Counts and traces a statement about to be sent. */
void strata_driver__sent(strata_conn *conn, const char *sql);

/* Fills the common head after a driver made its connection. */
int strata_driver__init_head(strata_conn *conn, const strata_driver *drv,
	const strata_url *url, const strata_conn_options *opts);
void strata_driver__free_head(strata_conn *conn);


#endif
