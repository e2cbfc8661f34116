/*
 * PostgreSQL driver (libpq). URL query parameters are passed to libpq as
 * connection keywords (sslmode, connect_timeout, host=/socket/dir, ...).
 * The run lock is a session advisory lock keyed by a hash of its name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <libpq-fe.h>
#include "driver_int.h"
#include "placeholders.h"
#include "util/dynload.h"

/* The client library is loaded at first use (util/dynload.h): each
 * function is called through a pointer of its own type. */
static __typeof__(&PQclear) p_PQclear;
static __typeof__(&PQcmdTuples) p_PQcmdTuples;
static __typeof__(&PQconnectdbParams) p_PQconnectdbParams;
static __typeof__(&PQdb) p_PQdb;
static __typeof__(&PQerrorMessage) p_PQerrorMessage;
static __typeof__(&PQexec) p_PQexec;
static __typeof__(&PQexecParams) p_PQexecParams;
static __typeof__(&PQfinish) p_PQfinish;
static __typeof__(&PQfname) p_PQfname;
static __typeof__(&PQgetisnull) p_PQgetisnull;
static __typeof__(&PQgetvalue) p_PQgetvalue;
static __typeof__(&PQnfields) p_PQnfields;
static __typeof__(&PQntuples) p_PQntuples;
static __typeof__(&PQparameterStatus) p_PQparameterStatus;
static __typeof__(&PQresultErrorField) p_PQresultErrorField;
static __typeof__(&PQresultStatus) p_PQresultStatus;
static __typeof__(&PQserverVersion) p_PQserverVersion;
static __typeof__(&PQsetNoticeProcessor) p_PQsetNoticeProcessor;
static __typeof__(&PQstatus) p_PQstatus;
static int api_loaded;

static int load_libpq(void)
{
	static const strata_dynsym syms[] = {
		{ "PQclear", (void **)&p_PQclear },
		{ "PQcmdTuples", (void **)&p_PQcmdTuples },
		{ "PQconnectdbParams", (void **)&p_PQconnectdbParams },
		{ "PQdb", (void **)&p_PQdb },
		{ "PQerrorMessage", (void **)&p_PQerrorMessage },
		{ "PQexec", (void **)&p_PQexec },
		{ "PQexecParams", (void **)&p_PQexecParams },
		{ "PQfinish", (void **)&p_PQfinish },
		{ "PQfname", (void **)&p_PQfname },
		{ "PQgetisnull", (void **)&p_PQgetisnull },
		{ "PQgetvalue", (void **)&p_PQgetvalue },
		{ "PQnfields", (void **)&p_PQnfields },
		{ "PQntuples", (void **)&p_PQntuples },
		{ "PQparameterStatus", (void **)&p_PQparameterStatus },
		{ "PQresultErrorField", (void **)&p_PQresultErrorField },
		{ "PQresultStatus", (void **)&p_PQresultStatus },
		{ "PQserverVersion", (void **)&p_PQserverVersion },
		{ "PQsetNoticeProcessor", (void **)&p_PQsetNoticeProcessor },
		{ "PQstatus", (void **)&p_PQstatus },
	};

	return strata__dynload(&api_loaded, STRATA_LIBPQ_SONAME, "PostgreSQL support", syms,
		STRATA_ARRAY_SIZE(syms));
}

#define PQclear p_PQclear
#define PQcmdTuples p_PQcmdTuples
#define PQconnectdbParams p_PQconnectdbParams
#define PQdb p_PQdb
#define PQerrorMessage p_PQerrorMessage
#define PQexec p_PQexec
#define PQexecParams p_PQexecParams
#define PQfinish p_PQfinish
#define PQfname p_PQfname
#define PQgetisnull p_PQgetisnull
#define PQgetvalue p_PQgetvalue
#define PQnfields p_PQnfields
#define PQntuples p_PQntuples
#define PQparameterStatus p_PQparameterStatus
#define PQresultErrorField p_PQresultErrorField
#define PQresultStatus p_PQresultStatus
#define PQserverVersion p_PQserverVersion
#define PQsetNoticeProcessor p_PQsetNoticeProcessor
#define PQstatus p_PQstatus

typedef struct {
	strata_conn head;
	PGconn *pg;
} pg_conn;

typedef struct {
	strata_result head;
	PGresult *res;
	int row;   /* current row, -1 before the first */
	int nrows;
} pg_result;

static void quiet_notices(void *arg, const char *message)
{
	STRATA_UNUSED(arg);
	STRATA_UNUSED(message);
}

/* First line of a libpq message, without the "FATAL:  " style prefix. */
static void first_line(strata_buf *out, const char *msg)
{
	const char *nl;
	const char *p = msg ? msg : "unknown error";

	if (!strncmp(p, "connection to server", 20)) {
		/* "connection to server at ... failed: REASON" */
		const char *f = strstr(p, "failed: ");
		const char *end = strchr(p, '\n');
		if (f && (!end || f < end)) {
			strata_buf_put(out, p, (size_t)(f - p + 8));
			p = f + 8;
			if (!strncmp(p, "FATAL:  ", 8))
				p += 8;
		}
	}
	nl = strchr(p, '\n');
	strata_buf_put(out, p, nl ? (size_t)(nl - p) : strlen(p));
}

static int pg_open(strata_conn **out, const strata_url *url,
	const strata_conn_options *opts)
{
	const char *keys[64], *vals[64];
	char port[16], timeout[16];
	strata_buf msg = STRATA_BUF_INIT;
	pg_conn *c;
	size_t n = 0, i;
	const char *sv;

	if (load_libpq() < 0)
		return STRATA_EUNSUPPORTED;
	if (url->host) {
		keys[n] = "host"; vals[n++] = url->host;
	}
	if (url->port) {
		snprintf(port, sizeof(port), "%d", url->port);
		keys[n] = "port"; vals[n++] = port;
	}
	if (url->user) {
		keys[n] = "user"; vals[n++] = url->user;
	}
	if (url->password) {
		keys[n] = "password"; vals[n++] = url->password;
	}
	if (url->database) {
		keys[n] = "dbname"; vals[n++] = url->database;
	}
	keys[n] = "application_name"; vals[n++] = "strata";
	if (opts && opts->connect_timeout > 0 &&
	    !strata_url_param_get(url, "connect_timeout")) {
		snprintf(timeout, sizeof(timeout), "%d", opts->connect_timeout);
		keys[n] = "connect_timeout"; vals[n++] = timeout;
	}
	for (i = 0; i < url->param_count && n < 62; i++) {
		if (!strcmp(url->params[i].key, "dbname") ||
		    !strcmp(url->params[i].key, "replication")) {
			strata_error__set(STRATA_ERROR_URL, "invalid database "
				"URL: parameter '%s' is not allowed here",
				url->params[i].key);
			return STRATA_EINVALID;
		}
		keys[n] = url->params[i].key;
		vals[n++] = url->params[i].value;
	}
	keys[n] = NULL;
	vals[n] = NULL;

	c = strata__calloc(1, sizeof(*c));
	STRATA_ERROR_CHECK_ALLOC(c);
	if (strata_driver__init_head(&c->head, &strata_driver_pg, url,
		opts) < 0) {
		strata__free(c);
		return STRATA_ERROR;
	}
	c->pg = PQconnectdbParams(keys, vals, 0);
	if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
		first_line(&msg, c->pg ? PQerrorMessage(c->pg) : "out of memory");
		strata_error__set(STRATA_ERROR_DRIVER, "postgresql: cannot "
			"connect to database '%s' on %s: %s",
			url->database ? url->database : (url->user ? url->user :
			"(default)"), url->host ? url->host : "local socket",
			msg.ptr);
		strata_buf_dispose(&msg);
		PQfinish(c->pg);
		strata_driver__free_head(&c->head);
		strata__free(c);
		return STRATA_ERROR;
	}
	PQsetNoticeProcessor(c->pg, quiet_notices, NULL);
	c->head.server_version = PQserverVersion(c->pg);
	sv = PQparameterStatus(c->pg, "server_version");
	strata_buf_printf(&msg, "PostgreSQL %s", sv ? sv : "?");
	c->head.server_info = strata_buf_detach(&msg);
	if (!*c->head.database) {
		strata__free(c->head.database);
		c->head.database = strata__strdup(PQdb(c->pg));
	}
	*out = &c->head;
	/* When strata dies mid-statement (killed), its backend notices
	 * within a second and rolls back, instead of running the statement
	 * to its end while holding the run lock (PostgreSQL 14+). */
	if (c->head.server_version >= 140000 && strata_conn_exec(*out,
		"SET client_connection_check_interval = 1000") < 0) {
		strata_conn_close(*out);
		*out = NULL;
		return STRATA_ERROR;
	}
	return 0;
}

static void pg_close(strata_conn *conn)
{
	pg_conn *c = (pg_conn *)conn;

	PQfinish(c->pg);
	strata_driver__free_head(conn);
	strata__free(c);
}

static void set_result_error(pg_conn *c, PGresult *res, const char *sql)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) :
		NULL;
	const char *msg = res ? PQresultErrorField(res,
		PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res,
		PG_DIAG_MESSAGE_DETAIL) : NULL;
	strata_buf b = STRATA_BUF_INIT;

	if (!msg) {
		first_line(&b, PQerrorMessage(c->pg));
	} else {
		strata_buf_puts(&b, msg);
		if (detail)
			strata_buf_printf(&b, " (%s)", detail);
	}
	strata_driver__error(&c->head, state, 0, b.ptr, sql);
	strata_buf_dispose(&b);
}

static PGresult *run(pg_conn *c, const char *sql, size_t nparams,
	const char *const *params)
{
	strata_buf numbered = STRATA_BUF_INIT;
	PGresult *res;
	size_t found = 0;

	strata_driver__sent(&c->head, sql);
	if (!nparams)
		return PQexec(c->pg, sql);
	if (strata_driver__number_placeholders(&numbered, sql, &found) < 0)
		return NULL;
	if (found != nparams) {
		strata_buf_dispose(&numbered);
		strata_error__set(STRATA_ERROR_DRIVER, "postgresql: statement "
			"takes %zu parameters, %zu given", found, nparams);
		return NULL;
	}
	res = PQexecParams(c->pg, numbered.ptr, (int)nparams, NULL,
		(const char *const *)params, NULL, NULL, 0);
	strata_buf_dispose(&numbered);
	return res;
}

static int pg_execp(strata_conn *conn, const char *sql, size_t nparams,
	const char *const *params, long long *affected)
{
	pg_conn *c = (pg_conn *)conn;
	PGresult *res;
	ExecStatusType st;

	strata_error_clear();
	res = run(c, sql, nparams, params);
	if (!res) {
		if (!strata_error_last()->message[0])
			set_result_error(c, NULL, sql);
		return STRATA_ERROR;
	}
	st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
	    st != PGRES_EMPTY_QUERY) {
		set_result_error(c, res, sql);
		PQclear(res);
		return STRATA_ERROR;
	}
	if (affected) {
		const char *t = PQcmdTuples(res);
		*affected = t && *t ? atoll(t) : 0;
	}
	PQclear(res);
	return 0;
}

static int pg_query(strata_result **out, strata_conn *conn, const char *sql,
	size_t nparams, const char *const *params)
{
	pg_conn *c = (pg_conn *)conn;
	PGresult *res;
	pg_result *r;

	strata_error_clear();
	res = run(c, sql, nparams, params);
	if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
		if (res || !strata_error_last()->message[0])
			set_result_error(c, res, sql);
		PQclear(res);
		return STRATA_ERROR;
	}
	r = strata__calloc(1, sizeof(*r));
	if (!r) {
		PQclear(res);
		strata_error__oom();
		return STRATA_ERROR;
	}
	r->head.driver = &strata_driver_pg;
	r->head.ncols = (size_t)PQnfields(res);
	r->res = res;
	r->row = -1;
	r->nrows = PQntuples(res);
	*out = &r->head;
	return 0;
}

static int pg_next(strata_result *res)
{
	pg_result *r = (pg_result *)res;

	if (r->row + 1 >= r->nrows) {
		r->row = r->nrows;
		return STRATA_ITEROVER;
	}
	r->row++;
	return 0;
}

static const char *pg_text(const strata_result *res, size_t col)
{
	const pg_result *r = (const pg_result *)res;

	if (r->row < 0 || r->row >= r->nrows ||
	    PQgetisnull(r->res, r->row, (int)col))
		return NULL;
	return PQgetvalue(r->res, r->row, (int)col);
}

static const char *pg_column_name(const strata_result *res, size_t col)
{
	return PQfname(((const pg_result *)res)->res, (int)col);
}

static void pg_result_free(strata_result *res)
{
	pg_result *r = (pg_result *)res;

	PQclear(r->res);
	strata__free(r);
}

/* FNV-1a, folded to a signed 63-bit key for pg_advisory_lock. */
static long long lock_key(const char *name)
{
	unsigned long long h = 1469598103934665603ULL;

	for (; *name; name++) {
		h ^= (unsigned char)*name;
		h *= 1099511628211ULL;
	}
	return (long long)(h & 0x7fffffffffffffffULL);
}

static int pg_lock(strata_conn *conn, const char *name, int timeout_ms)
{
	char key[32], *got = NULL;
	const char *params[1];
	long long start = strata__now_ms();
	int error, delay = 20;

	snprintf(key, sizeof(key), "%lld", lock_key(name));
	params[0] = key;
	for (;;) {
		if ((error = strata_conn_query_value(&got, conn,
			"SELECT pg_try_advisory_lock(?::bigint)", 1,
			params)) < 0)
			return error;
		if (got && !strcmp(got, "t")) {
			strata__free(got);
			return 0;
		}
		strata__free(got);
		got = NULL;
		if (strata__now_ms() - start >= timeout_ms) {
			strata_error__set(STRATA_ERROR_DRIVER, "postgresql: could "
				"not take the lock '%s' (advisory lock %s) on "
				"database '%s' within %d ms: another strata run "
				"holds it", name, key, conn->database,
				timeout_ms);
			return STRATA_ELOCKED;
		}
		strata__sleep_ms(delay);
		if (delay < 200)
			delay *= 2;
	}
}

static int pg_unlock(strata_conn *conn, const char *name)
{
	char key[32];
	const char *params[1];

	snprintf(key, sizeof(key), "%lld", lock_key(name));
	params[0] = key;
	return strata_conn_execp(conn, "SELECT pg_advisory_unlock(?::bigint)",
		1, params, NULL);
}

const strata_driver strata_driver_pg = {
	STRATA_DRIVER_VERSION,
	STRATA_DIALECT_POSTGRES,
	pg_open,
	pg_close,
	pg_query,
	pg_execp,
	pg_next,
	pg_text,
	pg_column_name,
	pg_result_free,
	pg_lock,
	pg_unlock,
};
