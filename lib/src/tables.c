/*
 * create-all and drop-all: the declared tables against what exists,
 * run as one transaction where DDL is transactional.
 */
#include <stdio.h>
#include "schema_int.h"
#include "strata/tables.h"

static int run_all(strata_conn *conn, const strata_strarray *stmts)
{
	int txn = (strata_conn_caps(conn) & STRATA_CAP_TRANSACTIONAL_DDL) != 0;
	size_t i;
	int error = 0;

	if (txn && (error = strata_conn_begin(conn)) < 0)
		return error;
	for (i = 0; i < stmts->count && !error; i++)
		error = strata_conn_exec(conn, stmts->strings[i]);
	if (txn) {
		if (error < 0) {
			char *saved = strata__strdup(strata_error_last()->message);
			strata_conn_rollback(conn);
			strata_error__set(STRATA_ERROR_DRIVER, "%s (nothing was "
				"changed: the transaction was rolled back)",
				saved ? saved : "failed");
			strata__free(saved);
		} else {
			error = strata_conn_commit(conn);
		}
	}
	return error;
}

int strata_tables_create_all(strata_strarray *created,
	strata_strarray *existing, strata_conn *conn,
	const strata_schema *models)
{
	strata_strarray missing = { NULL, 0 }, stmts = { NULL, 0 };
	size_t i;
	int error = 0;

	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(models);
	if (created)
		memset(created, 0, sizeof(*created));
	if (existing)
		memset(existing, 0, sizeof(*existing));
	for (i = 0; i < models->table_count; i++) {
		const char *name = models->tables[i]->name;
		int exists = strata_conn_table_exists(conn, name);
		if (exists < 0) {
			error = exists;
			goto done;
		}
		if (exists && !existing)
			continue;
		if ((error = strata_strarray_add(exists ? existing : &missing,
			name)) < 0)
			goto done;
	}
	if (!missing.count)
		goto done;
	if ((error = strata_ddl_create(&stmts, models, strata_conn_dialect(conn),
		&missing)) < 0)
		goto done;
	if ((error = run_all(conn, &stmts)) < 0)
		goto done;
	if (created) {
		*created = missing;
		memset(&missing, 0, sizeof(missing));
	}
done:
	strata_strarray_dispose(&missing);
	strata_strarray_dispose(&stmts);
	return error;
}

int strata_tables_drop_all(strata_strarray *dropped, strata_conn *conn,
	const strata_schema *models, const char *tracking_table)
{
	strata_strarray present = { NULL, 0 }, stmts = { NULL, 0 };
	strata_dialect d = strata_conn_dialect(conn);
	size_t i;
	int error = 0;

	STRATA_ASSERT_ARG(conn);
	STRATA_ASSERT_ARG(models);
	if (dropped)
		memset(dropped, 0, sizeof(*dropped));
	for (i = 0; i < models->table_count; i++) {
		int exists = strata_conn_table_exists(conn,
			models->tables[i]->name);
		if (exists < 0) {
			error = exists;
			goto done;
		}
		if (exists && (error = strata_strarray_add(&present,
			models->tables[i]->name)) < 0)
			goto done;
	}
	if (present.count &&
	    (error = strata_ddl_drop(&stmts, models, d, &present)) < 0)
		goto done;
	if (tracking_table) {
		char meta[300];
		const char *names[2];
		snprintf(meta, sizeof(meta), "%s_meta", tracking_table);
		names[0] = tracking_table;
		names[1] = meta;
		for (i = 0; i < 2; i++) {
			int exists = strata_conn_table_exists(conn, names[i]);
			strata_buf b = STRATA_BUF_INIT;
			if (exists < 0) {
				error = exists;
				goto done;
			}
			if (!exists)
				continue;
			strata_buf_puts(&b, "DROP TABLE ");
			strata_dialect_quote_ident(&b, d, names[i]);
			error = strata_strarray_add(&stmts, b.ptr);
			if (!error)
				error = strata_strarray_add(&present, names[i]);
			strata_buf_dispose(&b);
			if (error < 0)
				goto done;
		}
	}
	if (stmts.count && (error = run_all(conn, &stmts)) < 0)
		goto done;
	if (dropped) {
		*dropped = present;
		memset(&present, 0, sizeof(present));
	}
done:
	strata_strarray_dispose(&present);
	strata_strarray_dispose(&stmts);
	return error;
}
