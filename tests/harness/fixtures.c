/*
 * Test fixtures: fresh databases per test on each dialect's server,
 * temporary folders and file helpers.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check_strata.h"

static strata_dialect current = STRATA_DIALECT_SQLITE;
static int keep_sqlite_dir;
static unsigned int counter;
static char *sqlite_dir;

strata_dialect strata_test_dialect(void)
{
	return current;
}

void strata_test_set_dialect(strata_dialect d)
{
	current = d;
}

const char *strata_test_base_url(strata_dialect d)
{
	const char *v = NULL;

	switch (d) {
	case STRATA_DIALECT_SQLITE:
		return "sqlite://";
	case STRATA_DIALECT_POSTGRES:
		v = getenv("STRATA_TEST_PG_URL");
		break;
	case STRATA_DIALECT_MYSQL:
		v = getenv("STRATA_TEST_MYSQL_URL");
		break;
	default:
		break;
	}
	return v && *v ? v : NULL;
}

int strata_test_require_server(strata_dialect d)
{
	const char *url = strata_test_base_url(d);
	const char *ci = getenv("CI");
	int in_ci = ci && (!strcmp(ci, "true") || !strcmp(ci, "1"));
	strata_conn *conn = NULL;

	if (!url) {
		fprintf(stderr, "%s: %s is not set%s\n", in_ci ? "FAIL" :
			"SKIP", d == STRATA_DIALECT_POSTGRES ?
			"STRATA_TEST_PG_URL" : "STRATA_TEST_MYSQL_URL",
			in_ci ? " (CI=true: a test that cannot reach its "
			"database fails)" : "; run scripts/test.sh to start "
			"the servers");
		return in_ci ? 1 : 77;
	}
	if (strata_conn_open(&conn, url, NULL) < 0) {
		fprintf(stderr, "%s: cannot reach the %s test server: %s\n",
			in_ci ? "FAIL" : "SKIP", strata_dialect_name(d),
			strata_error_last()->message);
		return in_ci ? 1 : 77;
	}
	strata_conn_close(conn);
	return 0;
}

static void url_encode(strata_buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
			strata_buf_putc(out, (char)c);
		else
			strata_buf_printf(out, "%%%02X", c);
	}
}

/* The base URL with its database replaced by `db`. */
static char *with_database(const strata_url *u, const char *db)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	strata_buf_printf(&b, "%s://", u->scheme);
	if (u->user) {
		url_encode(&b, u->user);
		if (u->password) {
			strata_buf_putc(&b, ':');
			url_encode(&b, u->password);
		}
		strata_buf_putc(&b, '@');
	}
	if (u->host)
		strata_buf_printf(&b, strchr(u->host, ':') ? "[%s]" : "%s",
			u->host);
	if (u->port)
		strata_buf_printf(&b, ":%d", u->port);
	strata_buf_printf(&b, "/%s", db);
	for (i = 0; i < u->param_count; i++) {
		strata_buf_putc(&b, i ? '&' : '?');
		url_encode(&b, u->params[i].key);
		strata_buf_putc(&b, '=');
		url_encode(&b, u->params[i].value);
	}
	return strata_buf_detach(&b);
}

static int admin_exec(const char *base, const char *sql)
{
	strata_conn *conn = NULL;
	int error;

	if ((error = strata_conn_open(&conn, base, NULL)) < 0)
		return error;
	error = strata_conn_exec(conn, sql);
	strata_conn_close(conn);
	return error;
}

static void remove_sqlite_dir(void)
{
	strata_test_rm_rf(sqlite_dir);
	free(sqlite_dir);
	sqlite_dir = NULL;
}

char *strata_test_fresh_db(void)
{
	const char *base = strata_test_base_url(current);
	strata_buf name = STRATA_BUF_INIT, sql = STRATA_BUF_INIT;
	strata_url *u = NULL;
	char *url = NULL;

	if (current == STRATA_DIALECT_SQLITE) {
		if (!sqlite_dir) {
			sqlite_dir = strata_test_tmpdir();
			if (!keep_sqlite_dir)
				atexit(remove_sqlite_dir);
		}
		strata_buf_printf(&name, "sqlite:///%s/db%u.sqlite", sqlite_dir,
			++counter);
		return strata_buf_detach(&name);
	}
	if (!base || strata_url_parse(&u, base) < 0) {
		fprintf(stderr, "no test URL for %s: %s\n",
			strata_dialect_name(current),
			strata_error_last()->message);
		return NULL;
	}
	strata_buf_printf(&name, "strata_t_%ld_%u", (long)getpid(),
		++counter);
	strata_buf_puts(&sql, "DROP DATABASE IF EXISTS ");
	strata_dialect_quote_ident(&sql, current, name.ptr);
	admin_exec(base, sql.ptr);
	strata_buf_clear(&sql);
	strata_buf_puts(&sql, "CREATE DATABASE ");
	strata_dialect_quote_ident(&sql, current, name.ptr);
	if (current == STRATA_DIALECT_MYSQL)
		strata_buf_puts(&sql, " CHARACTER SET utf8mb4 COLLATE "
			"utf8mb4_unicode_ci");
	if (admin_exec(base, sql.ptr) < 0)
		fprintf(stderr, "cannot create test database: %s\n",
			strata_error_last()->message);
	else
		url = with_database(u, name.ptr);
	strata_url_free(u);
	strata_buf_dispose(&name);
	strata_buf_dispose(&sql);
	return url;
}

void strata_test_keep_files(void)
{
	keep_sqlite_dir = 1;
}

void strata_test_drop_db(char *url)
{
	strata_url *u = NULL;
	strata_buf sql = STRATA_BUF_INIT;

	if (!url)
		return;
	if (strata_url_parse(&u, url) == 0) {
		if (u->dialect == STRATA_DIALECT_SQLITE) {
			if (u->database && *u->database) {
				char *slash = strrchr(u->database, '/');
				unlink(u->database);
				/* a folder of strata_testdb's own goes too */
				if (keep_sqlite_dir && slash &&
				    strstr(u->database, "/strata-test-")) {
					*slash = '\0';
					rmdir(u->database);
				}
			}
		} else {
			const char *base = strata_test_base_url(u->dialect);
			strata_buf_puts(&sql, "DROP DATABASE IF EXISTS ");
			strata_dialect_quote_ident(&sql, u->dialect,
				u->database);
			if (u->dialect == STRATA_DIALECT_POSTGRES)
				strata_buf_puts(&sql, " WITH (FORCE)");
			if (base)
				admin_exec(base, sql.ptr);
		}
	}
	strata_url_free(u);
	strata_buf_dispose(&sql);
	free(url);
}

char *strata_test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	strata_buf b = STRATA_BUF_INIT;

	strata_buf_printf(&b, "%s/strata-test-XXXXXX", base && *base ? base :
		"/tmp");
	if (!mkdtemp(b.ptr)) {
		strata_buf_dispose(&b);
		return NULL;
	}
	return strata_buf_detach(&b);
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
	struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int strata_test_rm_rf(const char *path)
{
	if (!path)
		return 0;
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

char *strata_test_read_file(const char *path)
{
	strata_buf b = STRATA_BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		strata_buf_put(&b, chunk, n);
	fclose(fp);
	return strata_buf_detach(&b);
}

int strata_test_write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	if (!fp)
		return -1;
	fputs(text, fp);
	return fclose(fp);
}

char *strata_test_query_rows(strata_conn *conn, const char *sql)
{
	strata_result *res = NULL;
	strata_buf b = STRATA_BUF_INIT;
	int rc;

	if (strata_conn_query(&res, conn, sql, 0, NULL) < 0)
		return NULL;
	while ((rc = strata_result_next(res)) == 0) {
		size_t i;
		for (i = 0; i < strata_result_columns(res); i++) {
			const char *v = strata_result_text(res, i);
			if (i)
				strata_buf_putc(&b, '|');
			strata_buf_puts(&b, v ? v : "NULL");
		}
		strata_buf_putc(&b, '\n');
	}
	strata_result_free(res);
	return strata_buf_detach(&b);
}
