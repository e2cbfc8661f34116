/*
 * The tracking table: reading it, and the statements that record,
 * update and remove revisions (as SQL text with quoted literals, so the
 * same statements run online and print in offline --sql mode).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/time.h>
#include "history_int.h"

static const char *const column_names[] = { "revision", "message",
	"checksum", "state", "applied_at", "execution_ms", "applied_by",
	"git_commit", "git_dirty", "strata_version", "statements_done",
	"statements_total", "error", "failed_statement" };

/* The column list, each name quoted by the dialect. */
static void put_columns(strata_buf *out, strata_dialect d)
{
	size_t i;

	for (i = 0; i < STRATA_ARRAY_SIZE(column_names); i++) {
		if (i)
			strata_buf_puts(out, ", ");
		strata_dialect_quote_ident(out, d, column_names[i]);
	}
}

/* "<quoted column> = " */
static void put_set(strata_buf *out, strata_dialect d, const char *col,
	int first)
{
	if (!first)
		strata_buf_puts(out, ", ");
	strata_dialect_quote_ident(out, d, col);
	strata_buf_puts(out, " = ");
}

static void entry_dispose(strata_history_entry *e)
{
	strata__free(e->revision);
	strata__free(e->message);
	strata__free(e->checksum);
	strata__free(e->state);
	strata__free(e->applied_at);
	strata__free(e->applied_by);
	strata__free(e->git_commit);
	strata__free(e->strata_version);
	strata__free(e->error);
	strata__free(e->failed_statement);
}

void strata_history_free(strata_history *h)
{
	size_t i;

	if (!h)
		return;
	for (i = 0; i < h->count; i++)
		entry_dispose(&h->entries[i]);
	strata__free(h->entries);
	strata__free(h);
}

const strata_history_entry *strata_history_get(const strata_history *h,
	const char *revision)
{
	size_t i;

	for (i = 0; h && revision && i < h->count; i++)
		if (!strcmp(h->entries[i].revision, revision))
			return &h->entries[i];
	return NULL;
}

int strata_history__quote_table(strata_buf *out, strata_dialect d,
	const char *table)
{
	return strata_dialect_quote_ident(out, d, table);
}

int strata_history_read(strata_history **out, strata_conn *conn,
	const char *table)
{
	strata_buf sql = STRATA_BUF_INIT;
	strata_result *res = NULL;
	strata_history *h;
	int error, exists;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(conn);
	*out = NULL;
	h = strata__calloc(1, sizeof(*h));
	STRATA_ERROR_CHECK_ALLOC(h);
	if ((exists = strata_conn_table_exists(conn, table)) < 0) {
		strata__free(h);
		return exists;
	}
	h->exists = exists;
	if (!exists) {
		*out = h;
		return 0;
	}
	strata_buf_puts(&sql, "SELECT ");
	put_columns(&sql, strata_conn_dialect(conn));
	strata_buf_puts(&sql, " FROM ");
	strata_history__quote_table(&sql, strata_conn_dialect(conn), table);
	strata_buf_puts(&sql, " ORDER BY ");
	strata_dialect_quote_ident(&sql, strata_conn_dialect(conn),
		"applied_at");
	strata_buf_puts(&sql, ", ");
	strata_dialect_quote_ident(&sql, strata_conn_dialect(conn),
		"revision");
	if ((error = strata_conn_query(&res, conn, sql.ptr, 0, NULL)) < 0)
		goto done;
	while ((error = strata_result_next(res)) == 0) {
		strata_history_entry *e, *grown;
		const char *v;
		grown = strata__realloc(h->entries, (h->count + 1) *
			sizeof(*grown));
		if (!grown) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		h->entries = grown;
		e = &h->entries[h->count++];
		memset(e, 0, sizeof(*e));
		e->revision = strata__strdup(strata_result_text(res, 0));
		e->message = strata__strdup(strata_result_text(res, 1));
		e->checksum = strata__strdup(strata_result_text(res, 2));
		e->state = strata__strdup(strata_result_text(res, 3));
		e->applied_at = strata__strdup(strata_result_text(res, 4));
		v = strata_result_text(res, 5);
		e->execution_ms = v ? atoll(v) : 0;
		e->applied_by = strata__strdup(strata_result_text(res, 6));
		e->git_commit = strata__strdup(strata_result_text(res, 7));
		v = strata_result_text(res, 8);
		e->git_dirty = !v ? -1 : (!strcmp(v, "1") || !strcmp(v, "t") ||
			!strcmp(v, "true"));
		e->strata_version = strata__strdup(strata_result_text(res, 9));
		v = strata_result_text(res, 10);
		e->statements_done = v ? atoi(v) : 0;
		v = strata_result_text(res, 11);
		e->statements_total = v ? atoi(v) : 0;
		e->error = strata__strdup(strata_result_text(res, 12));
		e->failed_statement = strata__strdup(strata_result_text(res,
			13));
		if (!e->revision || !e->state) {
			strata_error__set(STRATA_ERROR_HISTORY, "tracking table "
				"'%s' has a row without revision or state", table);
			error = STRATA_EINVALID;
			goto done;
		}
	}
	if (error == STRATA_ITEROVER)
		error = 0;
done:
	strata_result_free(res);
	strata_buf_dispose(&sql);
	if (error < 0) {
		strata_history_free(h);
		return error;
	}
	*out = h;
	return 0;
}

void strata_history__now(char *out, size_t size)
{
	struct timeval tv;
	struct tm tm;

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
		tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		tm.tm_min, tm.tm_sec, (int)(tv.tv_usec / 1000));
}

/* The server's current UTC time in the applied_at format. */
static const char *utc_now_sql(strata_dialect d)
{
	switch (d) {
	case STRATA_DIALECT_POSTGRES:
		return "to_char(now() AT TIME ZONE 'UTC', "
			"'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
	case STRATA_DIALECT_MYSQL:
		return "CONCAT(SUBSTRING(DATE_FORMAT(UTC_TIMESTAMP(3), "
			"'%Y-%m-%dT%H:%i:%s.%f'), 1, 23), 'Z')";
	default:
		return "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
	}
}

static void lit(strata_buf *b, strata_dialect d, const char *v)
{
	if (v)
		strata_dialect_quote_literal(b, d, v);
	else
		strata_buf_puts(b, "NULL");
}

int strata_history__insert_sql(strata_buf *out, strata_dialect d,
	const char *table, const strata_history_entry *e)
{
	strata_buf_puts(out, "INSERT INTO ");
	strata_history__quote_table(out, d, table);
	strata_buf_puts(out, " (");
	put_columns(out, d);
	strata_buf_puts(out, ") VALUES (");
	lit(out, d, e->revision);
	strata_buf_puts(out, ", ");
	lit(out, d, e->message);
	strata_buf_puts(out, ", ");
	lit(out, d, e->checksum);
	strata_buf_puts(out, ", ");
	lit(out, d, e->state);
	strata_buf_puts(out, ", ");
	if (e->applied_at)
		lit(out, d, e->applied_at);
	else
		strata_buf_puts(out, utc_now_sql(d));
	strata_buf_printf(out, ", %lld, ", e->execution_ms);
	lit(out, d, e->applied_by);
	strata_buf_puts(out, ", ");
	lit(out, d, e->git_commit);
	if (e->git_dirty < 0)
		strata_buf_puts(out, ", NULL, ");
	else
		strata_buf_printf(out, ", %s, ", d == STRATA_DIALECT_POSTGRES ?
			(e->git_dirty ? "true" : "false") :
			(e->git_dirty ? "1" : "0"));
	lit(out, d, e->strata_version);
	strata_buf_printf(out, ", %d, %d, ", e->statements_done,
		e->statements_total);
	lit(out, d, e->error);
	strata_buf_puts(out, ", ");
	lit(out, d, e->failed_statement);
	return strata_buf_putc(out, ')');
}

int strata_history__update_sql(strata_buf *out, strata_dialect d,
	const char *table, const strata_history_entry *e)
{
	strata_buf_puts(out, "UPDATE ");
	strata_history__quote_table(out, d, table);
	strata_buf_puts(out, " SET ");
	put_set(out, d, "state", 1);
	lit(out, d, e->state);
	put_set(out, d, "checksum", 0);
	lit(out, d, e->checksum);
	put_set(out, d, "message", 0);
	lit(out, d, e->message);
	put_set(out, d, "applied_at", 0);
	if (e->applied_at)
		lit(out, d, e->applied_at);
	else
		strata_buf_puts(out, utc_now_sql(d));
	put_set(out, d, "execution_ms", 0);
	strata_buf_printf(out, "%lld", e->execution_ms);
	put_set(out, d, "statements_done", 0);
	strata_buf_printf(out, "%d", e->statements_done);
	put_set(out, d, "statements_total", 0);
	strata_buf_printf(out, "%d", e->statements_total);
	put_set(out, d, "error", 0);
	lit(out, d, e->error);
	put_set(out, d, "failed_statement", 0);
	lit(out, d, e->failed_statement);
	strata_buf_puts(out, " WHERE ");
	strata_dialect_quote_ident(out, d, "revision");
	strata_buf_puts(out, " = ");
	lit(out, d, e->revision);
	return 0;
}

int strata_history__progress_sql(strata_buf *out, strata_dialect d,
	const char *table, const char *revision, int done)
{
	strata_buf_puts(out, "UPDATE ");
	strata_history__quote_table(out, d, table);
	strata_buf_puts(out, " SET ");
	put_set(out, d, "statements_done", 1);
	strata_buf_printf(out, "%d WHERE ", done);
	strata_dialect_quote_ident(out, d, "revision");
	strata_buf_puts(out, " = ");
	lit(out, d, revision);
	return 0;
}

int strata_history__delete_sql(strata_buf *out, strata_dialect d,
	const char *table, const char *revision)
{
	strata_buf_puts(out, "DELETE FROM ");
	strata_history__quote_table(out, d, table);
	strata_buf_puts(out, " WHERE ");
	strata_dialect_quote_ident(out, d, "revision");
	strata_buf_puts(out, " = ");
	lit(out, d, revision);
	return 0;
}

/* ---- the tracking table's own version ------------------------------ */

#define TABLE_PLACEHOLDER "{{table}}"

int strata_history__step_version(const strata_tracking_step *step)
{
	const char *p = step->name;
	int v = 0;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((v = v * 10 + (*p - '0')) > 100000)
			return -1;
	return *p == '_' ? v : -1;
}

int strata_history__step_script(strata_script **out,
	const strata_tracking_step *step, const char *table)
{
	strata_buf text = STRATA_BUF_INIT, name = STRATA_BUF_INIT;
	const char *p = step->text, *end = step->text + step->len, *at;
	size_t plen = strlen(TABLE_PLACEHOLDER);
	int error = 0;

	/* The placeholder stands inside double-quoted YAML scalars. */
	while (!error && (at = strstr(p, TABLE_PLACEHOLDER)) != NULL &&
	       at < end) {
		const char *t;
		error = strata_buf_put(&text, p, (size_t)(at - p));
		for (t = table; *t && !error; t++) {
			if (*t == '"' || *t == '\\')
				strata_buf_putc(&text, '\\');
			error = strata_buf_putc(&text, *t);
		}
		p = at + plen;
	}
	if (!error)
		error = strata_buf_put(&text, p, (size_t)(end - p));
	if (!error)
		error = strata_buf_printf(&name,
			"<built-in>/migrations/tracking/%s", step->name);
	if (!error)
		error = strata_script_parse(out, name.ptr, text.ptr, text.size);
	strata_buf_dispose(&text);
	strata_buf_dispose(&name);
	return error;
}

int strata_history__version(int *out, strata_conn *conn, const char *table)
{
	strata_dialect d = strata_conn_dialect(conn);
	strata_buf meta = STRATA_BUF_INIT, sql = STRATA_BUF_INIT;
	char *v = NULL, *end = NULL;
	int error, exists;
	long n;

	*out = 0;
	if ((exists = strata_conn_table_exists(conn, table)) <= 0)
		return exists;
	strata_buf_printf(&meta, "%s_meta", table);
	if ((exists = strata_conn_table_exists(conn, meta.ptr)) < 0) {
		error = exists;
		goto done;
	}
	if (exists) {
		strata_buf_puts(&sql, "SELECT ");
		strata_dialect_quote_ident(&sql, d, "value");
		strata_buf_puts(&sql, " FROM ");
		strata_dialect_quote_ident(&sql, d, meta.ptr);
		strata_buf_puts(&sql, " WHERE ");
		strata_dialect_quote_ident(&sql, d, "key");
		strata_buf_puts(&sql, " = 'version'");
		if ((error = strata_conn_query_value(&v, conn, sql.ptr, 0,
			NULL)) < 0)
			goto done;
	}
	n = v ? strtol(v, &end, 10) : 0;
	if (!v || *end || n < 1 || n > 100000) {
		strata_error__set(STRATA_ERROR_HISTORY, "the tracking table "
			"'%s' has no valid version in '%s' (was its creation "
			"interrupted?): when '%s' is empty, drop both tables and "
			"run again", table, meta.ptr, table);
		error = STRATA_EINVALID;
		goto done;
	}
	*out = (int)n;
	error = 0;
done:
	strata__free(v);
	strata_buf_dispose(&meta);
	strata_buf_dispose(&sql);
	return error;
}

int strata_history__version_sql(strata_buf *out, strata_dialect d,
	const char *table, int version, int first)
{
	strata_buf meta = STRATA_BUF_INIT;

	strata_buf_printf(&meta, "%s_meta", table);
	if (first) {
		strata_buf_puts(out, "INSERT INTO ");
		strata_dialect_quote_ident(out, d, meta.ptr);
		strata_buf_puts(out, " (");
		strata_dialect_quote_ident(out, d, "key");
		strata_buf_puts(out, ", ");
		strata_dialect_quote_ident(out, d, "value");
		strata_buf_printf(out, ") VALUES ('version', '%d')", version);
	} else {
		strata_buf_puts(out, "UPDATE ");
		strata_dialect_quote_ident(out, d, meta.ptr);
		strata_buf_puts(out, " SET ");
		strata_dialect_quote_ident(out, d, "value");
		strata_buf_printf(out, " = '%d' WHERE ", version);
		strata_dialect_quote_ident(out, d, "key");
		strata_buf_puts(out, " = 'version'");
	}
	strata_buf_dispose(&meta);
	return 0;
}
