/*
 * MySQL/MariaDB driver (MariaDB Connector/C, libmysqlclient API).
 * Parameters are bound client-side as escaped literals; the run lock is
 * GET_LOCK on a name scoped to the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <mysql.h>
#include <errmsg.h>
#include "driver_int.h"
#include "placeholders.h"
#include "util/dynload.h"

/* The client library is loaded at first use (util/dynload.h): each
 * function is called through a pointer of its own type. */
static __typeof__(&mysql_affected_rows) p_mysql_affected_rows;
static __typeof__(&mysql_close) p_mysql_close;
static __typeof__(&mysql_errno) p_mysql_errno;
static __typeof__(&mysql_error) p_mysql_error;
static __typeof__(&mysql_fetch_fields) p_mysql_fetch_fields;
static __typeof__(&mysql_fetch_lengths) p_mysql_fetch_lengths;
static __typeof__(&mysql_fetch_row) p_mysql_fetch_row;
static __typeof__(&mysql_field_count) p_mysql_field_count;
static __typeof__(&mysql_free_result) p_mysql_free_result;
static __typeof__(&mysql_get_server_info) p_mysql_get_server_info;
static __typeof__(&mysql_get_server_version) p_mysql_get_server_version;
static __typeof__(&mysql_init) p_mysql_init;
static __typeof__(&mysql_num_fields) p_mysql_num_fields;
static __typeof__(&mysql_optionsv) p_mysql_optionsv;
static __typeof__(&mysql_real_connect) p_mysql_real_connect;
static __typeof__(&mysql_real_escape_string) p_mysql_real_escape_string;
static __typeof__(&mysql_real_query) p_mysql_real_query;
static __typeof__(&mysql_sqlstate) p_mysql_sqlstate;
static __typeof__(&mysql_store_result) p_mysql_store_result;
static int api_loaded;

static int load_libmariadb(void)
{
	static const strata_dynsym syms[] = {
		{ "mysql_affected_rows", (void **)&p_mysql_affected_rows },
		{ "mysql_close", (void **)&p_mysql_close },
		{ "mysql_errno", (void **)&p_mysql_errno },
		{ "mysql_error", (void **)&p_mysql_error },
		{ "mysql_fetch_fields", (void **)&p_mysql_fetch_fields },
		{ "mysql_fetch_lengths", (void **)&p_mysql_fetch_lengths },
		{ "mysql_fetch_row", (void **)&p_mysql_fetch_row },
		{ "mysql_field_count", (void **)&p_mysql_field_count },
		{ "mysql_free_result", (void **)&p_mysql_free_result },
		{ "mysql_get_server_info", (void **)&p_mysql_get_server_info },
		{ "mysql_get_server_version", (void **)&p_mysql_get_server_version },
		{ "mysql_init", (void **)&p_mysql_init },
		{ "mysql_num_fields", (void **)&p_mysql_num_fields },
		{ "mysql_optionsv", (void **)&p_mysql_optionsv },
		{ "mysql_real_connect", (void **)&p_mysql_real_connect },
		{ "mysql_real_escape_string", (void **)&p_mysql_real_escape_string },
		{ "mysql_real_query", (void **)&p_mysql_real_query },
		{ "mysql_sqlstate", (void **)&p_mysql_sqlstate },
		{ "mysql_store_result", (void **)&p_mysql_store_result },
	};

	return strata__dynload(&api_loaded, STRATA_LIBMARIADB_SONAME, "MySQL/MariaDB support", syms,
		STRATA_ARRAY_SIZE(syms));
}

#define mysql_affected_rows p_mysql_affected_rows
#define mysql_close p_mysql_close
#define mysql_errno p_mysql_errno
#define mysql_error p_mysql_error
#define mysql_fetch_fields p_mysql_fetch_fields
#define mysql_fetch_lengths p_mysql_fetch_lengths
#define mysql_fetch_row p_mysql_fetch_row
#define mysql_field_count p_mysql_field_count
#define mysql_free_result p_mysql_free_result
#define mysql_get_server_info p_mysql_get_server_info
#define mysql_get_server_version p_mysql_get_server_version
#define mysql_init p_mysql_init
#define mysql_num_fields p_mysql_num_fields
#define mysql_optionsv p_mysql_optionsv
#define mysql_real_connect p_mysql_real_connect
#define mysql_real_escape_string p_mysql_real_escape_string
#define mysql_real_query p_mysql_real_query
#define mysql_sqlstate p_mysql_sqlstate
#define mysql_store_result p_mysql_store_result

typedef struct {
	strata_conn head;
	MYSQL *my;
} my_conn;

typedef struct {
	strata_result head;
	MYSQL_RES *res;
	MYSQL_ROW row;
	MYSQL_FIELD *fields;
	unsigned long *lengths;
} my_result;

static const char *const known_params[] = { "unix_socket",
	"connect_timeout", "charset", "ssl_mode", "ssl_ca", "ssl_cert",
	"ssl_key", "read_timeout", "write_timeout" };

static void set_error(my_conn *c, const char *sql)
{
	strata_driver__error(&c->head, mysql_sqlstate(c->my),
		(int)mysql_errno(c->my), mysql_error(c->my), sql);
}

static int check_params(const strata_url *url)
{
	size_t i, j;

	for (i = 0; i < url->param_count; i++) {
		for (j = 0; j < STRATA_ARRAY_SIZE(known_params); j++)
			if (!strcmp(url->params[i].key, known_params[j]))
				break;
		if (j == STRATA_ARRAY_SIZE(known_params)) {
			strata_error__set(STRATA_ERROR_URL, "invalid database "
				"URL: unknown MySQL parameter '%s' (known: "
				"unix_socket, connect_timeout, charset, ssl_mode, "
				"ssl_ca, ssl_cert, ssl_key, read_timeout, "
				"write_timeout)", url->params[i].key);
			return STRATA_EINVALID;
		}
	}
	return 0;
}

static int set_options(MYSQL *my, const strata_url *url,
	const strata_conn_options *opts)
{
	const char *v;
	unsigned int timeout = 10;

	if (opts && opts->connect_timeout > 0)
		timeout = (unsigned int)opts->connect_timeout;
	if ((v = strata_url_param_get(url, "connect_timeout")) != NULL)
		timeout = (unsigned int)atoi(v);
	mysql_optionsv(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	if ((v = strata_url_param_get(url, "read_timeout")) != NULL) {
		unsigned int t = (unsigned int)atoi(v);
		mysql_optionsv(my, MYSQL_OPT_READ_TIMEOUT, &t);
	}
	if ((v = strata_url_param_get(url, "write_timeout")) != NULL) {
		unsigned int t = (unsigned int)atoi(v);
		mysql_optionsv(my, MYSQL_OPT_WRITE_TIMEOUT, &t);
	}
	v = strata_url_param_get(url, "charset");
	mysql_optionsv(my, MYSQL_SET_CHARSET_NAME, v ? v : "utf8mb4");
	if ((v = strata_url_param_get(url, "ssl_mode")) != NULL) {
		my_bool on = 1, off = 0;
		if (!strata__strcasecmp(v, "disabled")) {
			mysql_optionsv(my, MYSQL_OPT_SSL_ENFORCE, &off);
		} else if (!strata__strcasecmp(v, "required") ||
			   !strata__strcasecmp(v, "preferred")) {
			mysql_optionsv(my, MYSQL_OPT_SSL_ENFORCE, &on);
		} else if (!strata__strcasecmp(v, "verify_ca") ||
			   !strata__strcasecmp(v, "verify_identity")) {
			mysql_optionsv(my, MYSQL_OPT_SSL_ENFORCE, &on);
			mysql_optionsv(my, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on);
		} else {
			strata_error__set(STRATA_ERROR_URL, "invalid database "
				"URL: ssl_mode '%s' (expected disabled, "
				"preferred, required, verify_ca or "
				"verify_identity)", v);
			return STRATA_EINVALID;
		}
	}
	if ((v = strata_url_param_get(url, "ssl_ca")) != NULL)
		mysql_optionsv(my, MYSQL_OPT_SSL_CA, v);
	if ((v = strata_url_param_get(url, "ssl_cert")) != NULL)
		mysql_optionsv(my, MYSQL_OPT_SSL_CERT, v);
	if ((v = strata_url_param_get(url, "ssl_key")) != NULL)
		mysql_optionsv(my, MYSQL_OPT_SSL_KEY, v);
	return 0;
}

static int my_open(strata_conn **out, const strata_url *url,
	const strata_conn_options *opts)
{
	my_conn *c;
	const char *sock = strata_url_param_get(url, "unix_socket");
	int error;

	if ((error = check_params(url)) < 0)
		return error;
	if ((error = load_libmariadb()) < 0)
		return error;
	c = strata__calloc(1, sizeof(*c));
	STRATA_ERROR_CHECK_ALLOC(c);
	if (strata_driver__init_head(&c->head, &strata_driver_mysql, url,
		opts) < 0) {
		strata__free(c);
		return STRATA_ERROR;
	}
	c->my = mysql_init(NULL);
	if (!c->my) {
		strata_driver__free_head(&c->head);
		strata__free(c);
		strata_error__oom();
		return STRATA_ERROR;
	}
	if ((error = set_options(c->my, url, opts)) < 0)
		goto fail;
	if (!mysql_real_connect(c->my, sock ? NULL : url->host, url->user,
		url->password ? url->password : NULL, url->database,
		(unsigned int)url->port, sock, CLIENT_FOUND_ROWS)) {
		strata_error__set(STRATA_ERROR_DRIVER, "mysql: cannot connect "
			"to database '%s' on %s: %s [error %u]",
			url->database, sock ? sock : (url->host ? url->host :
			"localhost"), mysql_error(c->my), mysql_errno(c->my));
		strata_error__set_native(mysql_sqlstate(c->my),
			(int)mysql_errno(c->my));
		error = STRATA_ERROR;
		goto fail;
	}
	c->head.server_version = (int)mysql_get_server_version(c->my);
	c->head.server_info = strata__strdup(mysql_get_server_info(c->my));
	*out = &c->head;
	/* Literals are quoted with backslash escapes, so that mode must be
	 * off for this session. */
	if ((error = strata_conn_exec(*out, "SET SESSION sql_mode = TRIM(BOTH "
		"',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), "
		"',NO_BACKSLASH_ESCAPES,', ','))")) < 0) {
		strata_conn_close(*out);
		*out = NULL;
		return error;
	}
	return 0;
fail:
	mysql_close(c->my);
	strata_driver__free_head(&c->head);
	strata__free(c);
	return error;
}

static void my_close(strata_conn *conn)
{
	my_conn *c = (my_conn *)conn;

	mysql_close(c->my);
	strata_driver__free_head(conn);
	strata__free(c);
}

typedef struct {
	my_conn *conn;
	size_t nparams;
	const char *const *params;
} bind_ctx;

static int bind_literal(strata_buf *out, size_t index, void *payload)
{
	bind_ctx *ctx = payload;
	const char *v;
	size_t len;
	char *tmp;

	if (index >= ctx->nparams)
		return strata_buf_putc(out, '?');
	v = ctx->params[index];
	if (!v)
		return strata_buf_puts(out, "NULL");
	len = strlen(v);
	tmp = strata__malloc(len * 2 + 1);
	STRATA_ERROR_CHECK_ALLOC(tmp);
	mysql_real_escape_string(ctx->conn->my, tmp, v, (unsigned long)len);
	strata_buf_putc(out, '\'');
	strata_buf_puts(out, tmp);
	strata__free(tmp);
	return strata_buf_putc(out, '\'');
}

/* Sends one statement; the caller owns any result. */
static int send(my_conn *c, const char *sql, size_t nparams,
	const char *const *params)
{
	strata_buf expanded = STRATA_BUF_INIT;
	const char *text = sql;
	size_t found = 0;
	int rc;

	strata_driver__sent(&c->head, sql);
	if (nparams) {
		bind_ctx ctx = { c, nparams, params };
		if (strata_driver__expand_placeholders(&expanded, sql,
			bind_literal, &ctx, &found) < 0)
			return STRATA_ERROR;
		if (found != nparams) {
			strata_buf_dispose(&expanded);
			strata_error__set(STRATA_ERROR_DRIVER, "mysql: statement "
				"takes %zu parameters, %zu given", found, nparams);
			return STRATA_EINVALID;
		}
		text = expanded.ptr;
	}
	rc = mysql_real_query(c->my, text, (unsigned long)strlen(text));
	strata_buf_dispose(&expanded);
	if (rc) {
		set_error(c, sql);
		return STRATA_ERROR;
	}
	return 0;
}

static int my_execp(strata_conn *conn, const char *sql, size_t nparams,
	const char *const *params, long long *affected)
{
	my_conn *c = (my_conn *)conn;
	int error;

	if ((error = send(c, sql, nparams, params)) < 0)
		return error;
	if (mysql_field_count(c->my) > 0) {
		MYSQL_RES *res = mysql_store_result(c->my);
		mysql_free_result(res);
	}
	if (affected)
		*affected = (long long)mysql_affected_rows(c->my);
	return 0;
}

static int my_query(strata_result **out, strata_conn *conn, const char *sql,
	size_t nparams, const char *const *params)
{
	my_conn *c = (my_conn *)conn;
	my_result *r;
	MYSQL_RES *res;
	int error;

	if ((error = send(c, sql, nparams, params)) < 0)
		return error;
	res = mysql_store_result(c->my);
	if (!res) {
		if (mysql_errno(c->my))
			set_error(c, sql);
		else
			strata_driver__error(conn, NULL, 0, "the statement "
				"returned no result set", sql);
		return STRATA_ERROR;
	}
	r = strata__calloc(1, sizeof(*r));
	if (!r) {
		mysql_free_result(res);
		strata_error__oom();
		return STRATA_ERROR;
	}
	r->head.driver = &strata_driver_mysql;
	r->head.ncols = mysql_num_fields(res);
	r->res = res;
	r->fields = mysql_fetch_fields(res);
	*out = &r->head;
	return 0;
}

static int my_next(strata_result *res)
{
	my_result *r = (my_result *)res;

	r->row = mysql_fetch_row(r->res);
	if (!r->row)
		return STRATA_ITEROVER;
	r->lengths = mysql_fetch_lengths(r->res);
	return 0;
}

static const char *my_text(const strata_result *res, size_t col)
{
	const my_result *r = (const my_result *)res;

	return r->row ? r->row[col] : NULL;
}

static const char *my_column_name(const strata_result *res, size_t col)
{
	return ((const my_result *)res)->fields[col].name;
}

static void my_result_free(strata_result *res)
{
	my_result *r = (my_result *)res;

	mysql_free_result(r->res);
	strata__free(r);
}

/* GET_LOCK names are server-wide and at most 64 characters. */
static void lock_name(strata_buf *out, const strata_conn *conn,
	const char *name)
{
	strata_buf_printf(out, "strata:%s:%s", conn->database, name);
	if (out->size > 64) {
		unsigned long long h = 1469598103934665603ULL;
		const char *p;
		for (p = out->ptr; *p; p++) {
			h ^= (unsigned char)*p;
			h *= 1099511628211ULL;
		}
		strata_buf_truncate(out, 47);
		strata_buf_printf(out, ":%016llx", h);
	}
}

static int my_lock(strata_conn *conn, const char *name, int timeout_ms)
{
	strata_buf key = STRATA_BUF_INIT;
	char secs[32], *got = NULL;
	const char *params[2];
	int error;

	lock_name(&key, conn, name);
	snprintf(secs, sizeof(secs), "%d.%03d", timeout_ms / 1000,
		timeout_ms % 1000);
	params[0] = key.ptr;
	params[1] = secs;
	error = strata_conn_query_value(&got, conn, "SELECT GET_LOCK(?, ?)", 2,
		params);
	if (!error && (!got || strcmp(got, "1"))) {
		strata_error__set(STRATA_ERROR_DRIVER, "mysql: could not take "
			"the lock '%s' (GET_LOCK '%s') within %d ms: another "
			"strata run holds it", name, key.ptr, timeout_ms);
		error = STRATA_ELOCKED;
	}
	strata__free(got);
	strata_buf_dispose(&key);
	return error;
}

static int my_unlock(strata_conn *conn, const char *name)
{
	strata_buf key = STRATA_BUF_INIT;
	const char *params[1];
	int error;

	lock_name(&key, conn, name);
	params[0] = key.ptr;
	error = strata_conn_execp(conn, "SELECT RELEASE_LOCK(?)", 1, params,
		NULL);
	strata_buf_dispose(&key);
	return error;
}

const strata_driver strata_driver_mysql = {
	STRATA_DRIVER_VERSION,
	STRATA_DIALECT_MYSQL,
	my_open,
	my_close,
	my_query,
	my_execp,
	my_next,
	my_text,
	my_column_name,
	my_result_free,
	my_lock,
	my_unlock,
};
