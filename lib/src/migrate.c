/*
 * The migration runtime: plans the revisions between the recorded state
 * and a target, takes the run lock, verifies applied scripts, and runs
 * each revision with its history row in one transaction where the
 * dialect has transactional DDL (a savepoint inside the lock transaction
 * on SQLite), or statement by statement with recorded progress where it
 * has not (MySQL, `transactional: false`). Offline mode writes the same
 * statements as SQL text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include "schema_int.h"
#include "ops_int.h"
#include "history_int.h"
#include "strata/migrate.h"
#include "ddl/ddl_ops.h"

#define LOCK_NAME "strata_migrate"

typedef struct {
	strata_conn *conn;             /* NULL in offline mode */
	strata_dialect d;
	unsigned int caps;
	const strata_migrate_options *o;
	const char *table;
	strata_schema *shadow;         /* the schema as it is now, or NULL */
	int in_lock_txn;               /* SQLite: the lock transaction */
	int fk_off;                    /* SQLite: foreign keys turned off */
	strata_strarray tracking;      /* tables introspection leaves out */
	strata_strarray triggers;      /* SQLite: saved around a rebuild */
} run_ctx;

static const strata_migrate_options default_opts =
	STRATA_MIGRATE_OPTIONS_INIT;

static int migrate_error(int code, const char *fmt, ...) STRATA_FORMAT(2, 3);

static int migrate_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strata_error__vset(STRATA_ERROR_HISTORY, fmt, ap);
	va_end(ap);
	return code;
}

/* The table named in a rebuild marker (after its prefix). */
static char *marker_table(const char *sql, size_t prefix)
{
	strata_buf b = STRATA_BUF_INIT;
	const char *p = sql + prefix;

	if (*p == '"')
		p++;
	for (; *p; p++) {
		if (*p == '"' && p[1] == '"') {
			strata_buf_putc(&b, '"');
			p++;
			continue;
		}
		if (*p == '"')
			break;
		strata_buf_putc(&b, *p);
	}
	return strata_buf_detach(&b);
}

/* Saves the triggers of a table about to be rebuilt, or makes them
 * again after. */
static int trigger_marker(run_ctx *c, const char *sql, int save)
{
	char *table = marker_table(sql, strlen(save ? STRATA_DDL_MARK_SAVE :
		STRATA_DDL_MARK_RESTORE));
	strata_result *res = NULL;
	size_t i;
	int error = 0;

	STRATA_ERROR_CHECK_ALLOC(table);
	if (save) {
		const char *params[1] = { table };
		strata_strarray_dispose(&c->triggers);
		error = strata_conn_query(&res, c->conn, "SELECT sql FROM "
			"sqlite_schema WHERE type = 'trigger' AND tbl_name = ? "
			"AND sql IS NOT NULL ORDER BY name", 1, params);
		while (!error && (error = strata_result_next(res)) == 0)
			error = strata_strarray_add(&c->triggers,
				strata_result_text(res, 0));
		if (error == STRATA_ITEROVER)
			error = 0;
		strata_result_free(res);
	} else {
		for (i = 0; i < c->triggers.count && !error; i++)
			error = strata_conn_exec(c->conn, c->triggers.strings[i]);
		strata_strarray_dispose(&c->triggers);
	}
	strata__free(table);
	return error;
}

/* Runs (online) or writes (offline) one statement. */
static int emit(run_ctx *c, const char *sql)
{
	int save = !strncmp(sql, STRATA_DDL_MARK_SAVE,
		strlen(STRATA_DDL_MARK_SAVE));
	int restore = !strncmp(sql, STRATA_DDL_MARK_RESTORE,
		strlen(STRATA_DDL_MARK_RESTORE));

	if (!c->conn && (save || restore)) {
		/* a script cannot read the triggers it would save */
		char *table = marker_table(sql, strlen(save ?
			STRATA_DDL_MARK_SAVE : STRATA_DDL_MARK_RESTORE));
		STRATA_ERROR_CHECK_ALLOC(table);
		strata_buf_printf(c->o->sql_out, save ? "-- note: rebuilding "
			"%s drops its triggers: make them again below\n" :
			"-- note: make the triggers of %s again here\n", table);
		strata__free(table);
		return 0;
	}
	if (!c->conn) {
		strata_buf_puts(c->o->sql_out, sql);
		return strata_buf_puts(c->o->sql_out, ";\n");
	}
	if (save || restore)
		return trigger_marker(c, sql, save);
	return strata_conn_exec(c->conn, sql);
}

static int emit_comment(run_ctx *c, const char *fmt, ...)
	STRATA_FORMAT(2, 3);

static int emit_comment(run_ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->conn)
		return 0;
	if (c->o->sql_out->size)
		strata_buf_putc(c->o->sql_out, '\n');
	strata_buf_puts(c->o->sql_out, "-- ");
	va_start(ap, fmt);
	strata_buf_vprintf(c->o->sql_out, fmt, ap);
	va_end(ap);
	return strata_buf_putc(c->o->sql_out, '\n');
}

/* ---- the tracking table ------------------------------------------- */

/* The version the newest compiled-in step makes. */
static int newest_tracking_version(void)
{
	const strata_tracking_step *st;
	int v = 0;

	for (st = strata_history__steps; st->name; st++)
		if (strata_history__step_version(st) > v)
			v = strata_history__step_version(st);
	return v;
}

/* Brings the tracking table from version `from` (0: missing) to the
 * newest: the steps above `from`, each rendered against the table as the
 * steps before it left it, then the new version recorded. */
static int upgrade_tracking(run_ctx *c, int from)
{
	const strata_tracking_step *st;
	strata_schema *work = NULL;
	strata_strarray stmts = { NULL, 0 };
	strata_buf sql = STRATA_BUF_INIT;
	int error, newest = newest_tracking_version();

	if ((error = strata_schema_new(&work)) < 0)
		return error;
	if (from)
		emit_comment(c, "strata tracking table, version %d to %d", from,
			newest);
	else
		emit_comment(c, "strata tracking table, version %d", newest);
	for (st = strata_history__steps; st->name && !error; st++) {
		strata_script *s = NULL;
		int v = strata_history__step_version(st);
		size_t i, k;
		if ((error = strata_history__step_script(&s, st,
			c->table)) < 0)
			break;
		for (i = 0; s->upgrade && i < s->upgrade->count && !error; i++) {
			const strata_op *op = s->upgrade->ops[i];
			if (v > from) {
				strata_strarray_dispose(&stmts);
				error = strata_ddl_op(&stmts, c->d, op, work, NULL);
				for (k = 0; !error && k < stmts.count; k++)
					error = emit(c, stmts.strings[k]);
			}
			if (!error)
				error = strata_ops__apply(work, op);
		}
		strata_script_free(s);
	}
	if (!error) {
		strata_history__version_sql(&sql, c->d, c->table, newest,
			from == 0);
		error = emit(c, sql.ptr);
	}
	strata_strarray_dispose(&stmts);
	strata_buf_dispose(&sql);
	strata_schema_free(work);
	return error;
}

/* Creates the tracking table when missing (`create`), or upgrades it
 * when an older strata made it, in its own transaction where DDL is
 * transactional and no lock transaction is open. Offline, a table
 * assumed present is assumed current. */
static int ensure_tracking(run_ctx *c, const strata_history *h, int create)
{
	int error, own_txn, version = 0, newest = newest_tracking_version();

	if (h->exists && c->conn &&
	    (error = strata_history__version(&version, c->conn,
		c->table)) < 0)
		return error;
	if (h->exists && !c->conn)
		version = newest;
	if (version > newest)
		return migrate_error(STRATA_ECONFLICT, "the tracking table "
			"'%s' is at version %d, newer than this strata %s knows "
			"(%d): run a newer strata", c->table, version,
			STRATA_VERSION, newest);
	if (version == newest || (!version && !create))
		return 0;
	own_txn = c->conn && (c->caps & STRATA_CAP_TRANSACTIONAL_DDL) &&
		!c->in_lock_txn;
	if (own_txn && (error = strata_conn_begin(c->conn)) < 0)
		return error;
	error = upgrade_tracking(c, version);
	if (own_txn) {
		if (error < 0)
			strata_conn_rollback(c->conn);
		else
			error = strata_conn_commit(c->conn);
	}
	return error;
}

/* ---- checks before running ---------------------------------------- */

static int is_done_state(const char *state)
{
	return !strcmp(state, STRATA_STATE_APPLIED);
}

static int is_down_state(const char *state)
{
	return !strcmp(state, STRATA_STATE_REVERTING) ||
		!strcmp(state, STRATA_STATE_REVERT_FAILED);
}

/* Refuses to run past a revision that stopped part-way, saying where it
 * stopped and the two ways on. */
static int refuse_partial(const strata_history_entry *e,
	const strata_script *s)
{
	strata_buf b = STRATA_BUF_INIT;
	int down = is_down_state(e->state);
	int killed = !strcmp(e->state, STRATA_STATE_RUNNING) ||
		!strcmp(e->state, STRATA_STATE_REVERTING);
	int at = e->statements_done + 1, error;

	strata_buf_printf(&b, "revision '%s' (%s) %s at %sstatement %d of "
		"%d", e->revision, s->path, killed ? (down ? "was interrupted "
		"while being downgraded" : "was interrupted") : (down ?
		"failed while being downgraded" : "failed"), down ?
		"downgrade " : "", at, e->statements_total);
	if (killed)
		strata_buf_printf(&b, ": the run stopped (killed, or its "
			"connection lost) while statement %d ran: a data change "
			"in it is rolled back, a schema change may have been "
			"made", at);
	else
		strata_buf_printf(&b, ": %s\n  statement: %s", e->error ?
			e->error : "(no error recorded)", e->failed_statement ?
			e->failed_statement : "(unknown)");
	if (down)
		strata_buf_printf(&b, "\n%s 'strata downgrade --resume' to "
			"continue from downgrade statement %d, or redo by hand "
			"what its first %d downgrade statement(s) undid and run "
			"'strata repair' to mark it applied again", killed ?
			"Check the database, then run" : "Fix the script and run",
			at, e->statements_done);
	else
		strata_buf_printf(&b, "\n%s 'strata upgrade --resume' to "
			"continue from statement %d, or undo its first %d "
			"statement(s) by hand and run 'strata repair' to forget "
			"it", killed ? "Check the database, then run" :
			"Fix the script and run", at, e->statements_done);
	error = migrate_error(STRATA_ECONFLICT, "%s", b.ptr);
	strata_buf_dispose(&b);
	return error;
}

static int verify(run_ctx *c, const strata_revmap *map,
	const strata_history *h, int allow_failed)
{
	size_t i;

	for (i = 0; i < h->count; i++) {
		const strata_history_entry *e = &h->entries[i];
		const strata_script *s = strata_revmap_get(map, e->revision);
		if (!s)
			return migrate_error(STRATA_ECONFLICT, "revision '%s' "
				"is recorded in '%s' but no script in the "
				"migrations directory has that id (was it "
				"deleted, or is this the wrong directory?)",
				e->revision, c->table);
		if (!is_done_state(e->state)) {
			if (allow_failed)
				continue;
			return refuse_partial(e, s);
		}
		if (!c->o->ignore_checksums &&
		    strcmp(e->checksum, s->checksum))
			return migrate_error(STRATA_ECONFLICT, "%s was edited "
				"after revision '%s' was applied (recorded %s, "
				"file has %s): restore the file, or write a new "
				"revision; --ignore-checksums runs anyway",
				s->path, e->revision, e->checksum, s->checksum);
	}
	return 0;
}

static int applied_set(strata_strarray *out, const strata_history *h)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < h->count; i++)
		if (is_done_state(h->entries[i].state) &&
		    strata_strarray_add(out, h->entries[i].revision) < 0)
			return STRATA_ERROR;
	return 0;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The revisions of the map sorted by id, for finding their index. */
typedef struct {
	const char *id;
	size_t at;             /* index in the map's order */
} id_index;

static int by_id_index(const void *a, const void *b)
{
	return strcmp(((const id_index *)a)->id, ((const id_index *)b)->id);
}

static long index_lookup(const id_index *ix, size_t n, const char *id)
{
	id_index key, *hit;

	key.id = id;
	hit = bsearch(&key, ix, n, sizeof(*ix), by_id_index);
	return hit ? (long)hit->at : -1;
}

int strata_migrate_state(strata_strarray *current, strata_strarray *pending,
	const strata_revmap *map, const strata_history *h)
{
	strata_strarray applied = { NULL, 0 }, heads = { NULL, 0 };
	size_t n = strata_revmap_count(map), i, k;
	id_index *ix = NULL;
	char *mark = NULL;     /* 1 applied, 2 below an applied one */
	int error;

	if (current)
		memset(current, 0, sizeof(*current));
	if (pending)
		memset(pending, 0, sizeof(*pending));
	if ((error = applied_set(&applied, h)) < 0)
		return error;
	/* current: applied revisions no applied revision descends from;
	 * the map's order puts parents first, so one pass from the end
	 * marks every ancestor of an applied revision */
	if (current && applied.count) {
		ix = strata__calloc(n + 1, sizeof(*ix));
		mark = strata__calloc(n + 1, 1);
		if (!ix || !mark) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		for (i = 0; i < n; i++) {
			ix[i].id = strata_revmap_at(map, i)->revision;
			ix[i].at = i;
		}
		qsort(ix, n, sizeof(*ix), by_id_index);
		for (i = 0; i < applied.count; i++) {
			long at = index_lookup(ix, n, applied.strings[i]);
			if (at >= 0)
				mark[at] = 1;
		}
		for (i = n; i-- > 0; ) {
			const strata_script *s = strata_revmap_at(map, i);
			if (!mark[i])
				continue;
			for (k = 0; k < s->parents.count; k++) {
				long at = index_lookup(ix, n, s->parents.strings[k]);
				if (at >= 0)
					mark[at] = 2;
			}
		}
		for (i = 0; i < n && !error; i++)
			if (mark[i] == 1)
				error = strata_strarray_add(current,
					strata_revmap_at(map, i)->revision);
		if (error < 0)
			goto done;
		/* by id, as heads are */
		if (current->count > 1)
			qsort(current->strings, current->count, sizeof(char *),
				by_id);
	}
	if (pending) {
		if ((error = strata_revmap_heads(&heads, map)) < 0 ||
		    (error = strata_revmap_upgrade_path(pending, map, &applied,
			&heads)) < 0)
			goto done;
	}
done:
	strata__free(ix);
	strata__free(mark);
	strata_strarray_dispose(&applied);
	strata_strarray_dispose(&heads);
	return error;
}

/* ---- running one revision ----------------------------------------- */

static int op_may_rebuild(strata_op_kind k)
{
	switch (k) {
	case STRATA_OP_ADD_COLUMN: /* NOT NULL without default, ... */
	case STRATA_OP_ALTER_COLUMN:
	case STRATA_OP_DROP_COLUMN:
	case STRATA_OP_ADD_UNIQUE:
	case STRATA_OP_DROP_UNIQUE:
	case STRATA_OP_ADD_FOREIGN_KEY:
	case STRATA_OP_DROP_FOREIGN_KEY:
	case STRATA_OP_ADD_CHECK:
	case STRATA_OP_DROP_CHECK:
	case STRATA_OP_ADD_PRIMARY_KEY:
	case STRATA_OP_DROP_PRIMARY_KEY:
		return 1;
	default:
		return 0;
	}
}

/* Renders the statements of a revision's operations, following the
 * shadow schema through them. */
static int render(strata_strarray *stmts, run_ctx *c,
	const strata_oplist *ops, unsigned int *flags)
{
	size_t i;
	int error;

	*flags = 0;
	for (i = 0; ops && i < ops->count; i++) {
		unsigned int f = 0;
		if ((error = strata_ddl_op(stmts, c->d, ops->ops[i], c->shadow,
			&f)) < 0)
			return error;
		*flags |= f;
		if (c->shadow && strata_ops__apply(c->shadow, ops->ops[i]) < 0) {
			/* The shadow no longer matches (raw SQL changed things
			 * strata cannot follow): later rebuilds would guess. */
			strata_schema_free(c->shadow);
			c->shadow = NULL;
			strata_error_clear();
		}
	}
	return 0;
}

static void fill_entry(strata_history_entry *e, run_ctx *c,
	const strata_script *s, const char *state, char *now)
{
	memset(e, 0, sizeof(*e));
	e->revision = s->revision;
	e->message = s->message;
	e->checksum = (char *)s->checksum;
	e->state = (char *)state;
	now[0] = '\0';
	e->applied_at = NULL; /* the server's clock, at the time it runs */
	e->applied_by = (char *)c->o->applied_by;
	e->git_commit = (char *)c->o->git_commit;
	e->git_dirty = c->o->git_dirty;
	e->strata_version = (char *)STRATA_VERSION;
}

static int foreign_key_check(run_ctx *c, const strata_script *s)
{
	char *v = NULL;
	int error;

	if (!c->conn || !c->fk_off)
		return 0;
	if ((error = strata_conn_query_value(&v, c->conn,
		"SELECT \"table\" || ' row ' || rowid || ' references missing "
		"' || parent FROM pragma_foreign_key_check LIMIT 1", 0,
		NULL)) < 0)
		return error;
	if (v) {
		error = migrate_error(STRATA_ERROR, "revision '%s' leaves a "
			"broken foreign key: table %s", s->revision, v);
		strata__free(v);
	}
	return error;
}

static int statement_failed(run_ctx *c, const strata_script *s, size_t k,
	size_t n, const char *stmt, int rolled_back)
{
	strata_buf msg = STRATA_BUF_INIT;
	const char *err = strata_error_last()->message;
	int error;

	(void)stmt;
	strata_buf_printf(&msg, "revision '%s' (%s) failed at statement "
		"%zu of %zu: %s\n%s", s->revision, s->path ? s->path : "?",
		k + 1, n, err, rolled_back ? "The revision was rolled back: "
		"the database is as it was before it." : "The revision "
		"stopped part-way and is marked failed: see 'strata history'.");
	error = migrate_error(STRATA_ERROR, "%s", msg.ptr);
	strata_buf_dispose(&msg);
	STRATA_UNUSED(c);
	return error;
}

/* One revision in one transaction (with its history row). */
static int run_transactional(run_ctx *c, const strata_script *s,
	const strata_strarray *stmts, strata_migrate_direction dir,
	long long start)
{
	strata_buf rec = STRATA_BUF_INIT;
	strata_history_entry e;
	char now[40];
	size_t i;
	int error = 0;

	if (c->conn) {
		error = c->in_lock_txn ?
			strata_conn_exec(c->conn, "SAVEPOINT strata_revision") :
			strata_conn_begin(c->conn);
		if (error < 0)
			return error;
	} else {
		emit(c, "BEGIN");
	}
	for (i = 0; i < stmts->count; i++)
		if ((error = emit(c, stmts->strings[i])) < 0) {
			char *saved = strata__strdup(strata_error_last()->message);
			if (c->in_lock_txn) {
				strata_conn_exec(c->conn, "ROLLBACK TO SAVEPOINT "
					"strata_revision");
				strata_conn_exec(c->conn, "RELEASE SAVEPOINT "
					"strata_revision");
			} else {
				strata_conn_rollback(c->conn);
			}
			strata_error__set(STRATA_ERROR_DRIVER, "%s", saved ?
				saved : "statement failed");
			strata__free(saved);
			return statement_failed(c, s, i, stmts->count,
				stmts->strings[i], 1);
		}
	if (dir == STRATA_MIGRATE_UP) {
		fill_entry(&e, c, s, STRATA_STATE_APPLIED, now);
		e.execution_ms = c->conn ? strata__now_ms() - start : 0;
		e.statements_done = e.statements_total = (int)stmts->count;
		strata_history__insert_sql(&rec, c->d, c->table, &e);
	} else {
		strata_history__delete_sql(&rec, c->d, c->table, s->revision);
	}
	error = emit(c, rec.ptr);
	if (!error)
		error = foreign_key_check(c, s);
	if (c->conn) {
		if (error < 0) {
			char *saved = strata__strdup(strata_error_last()->message);
			if (c->in_lock_txn) {
				strata_conn_exec(c->conn, "ROLLBACK TO SAVEPOINT "
					"strata_revision");
				strata_conn_exec(c->conn, "RELEASE SAVEPOINT "
					"strata_revision");
			} else {
				strata_conn_rollback(c->conn);
			}
			strata_error__set(STRATA_ERROR_HISTORY, "%s", saved ?
				saved : "failed");
			strata__free(saved);
		} else {
			error = c->in_lock_txn ? strata_conn_exec(c->conn,
				"RELEASE SAVEPOINT strata_revision") :
				strata_conn_commit(c->conn);
		}
	} else {
		emit(c, "COMMIT");
	}
	strata_buf_dispose(&rec);
	return error;
}

/* The record that ends a stepwise revision: the row marked applied
 * (upgrade) or removed (downgrade). */
static void finish_sql(strata_buf *rec, run_ctx *c, strata_history_entry *e,
	const strata_script *s, strata_migrate_direction dir, size_t total,
	long long start)
{
	strata_buf_clear(rec);
	if (dir == STRATA_MIGRATE_UP) {
		e->state = STRATA_STATE_APPLIED;
		e->statements_done = (int)total;
		e->execution_ms = c->conn ? strata__now_ms() - start : 0;
		strata_history__update_sql(rec, c->d, c->table, e);
	} else {
		strata_history__delete_sql(rec, c->d, c->table, s->revision);
	}
}

/* Whether a statement commits on its own on MySQL (DDL): a transaction
 * around it would hold nothing. */
static int commits_itself(const char *sql)
{
	static const char *const words[] = { "CREATE", "ALTER", "DROP",
		"RENAME", "TRUNCATE", NULL };
	size_t i, n;

	while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '\r' ||
	       *sql == '(')
		sql++;
	for (i = 0; words[i]; i++) {
		n = strlen(words[i]);
		if (!strncasecmp(sql, words[i], n) && (sql[n] == ' ' ||
		    sql[n] == '\t' || sql[n] == '\n' || sql[n] == '\r'))
			return 1;
	}
	return 0;
}

/* One revision statement by statement, recording progress (no
 * transactional DDL, or `transactional: false`). `skip` statements are
 * already done (resume). Without transactional DDL (MySQL), each
 * statement and its progress record share a transaction: a data step
 * and the count of done statements commit together, so a run killed
 * during one leaves it undone and not counted (DDL commits on its own,
 * so it goes without; a `transactional: false` revision elsewhere runs
 * in autocommit, as CREATE INDEX CONCURRENTLY must). */
static int run_stepwise(run_ctx *c, const strata_script *s,
	const strata_strarray *stmts, strata_migrate_direction dir,
	long long start, size_t skip, int row_exists)
{
	strata_buf rec = STRATA_BUF_INIT;
	strata_history_entry e;
	char now[40];
	size_t i;
	int wrap = c->conn && !(c->caps & STRATA_CAP_TRANSACTIONAL_DDL);
	int error = 0;

	fill_entry(&e, c, s, dir == STRATA_MIGRATE_UP ? STRATA_STATE_RUNNING :
		STRATA_STATE_REVERTING, now);
	e.statements_done = (int)skip;
	e.statements_total = (int)stmts->count;
	if (row_exists)
		strata_history__update_sql(&rec, c->d, c->table, &e);
	else
		strata_history__insert_sql(&rec, c->d, c->table, &e);
	if ((error = emit(c, rec.ptr)) < 0)
		goto done;
	for (i = skip; i < stmts->count; i++) {
		int txn = wrap && !commits_itself(stmts->strings[i]);
		if (txn && (error = strata_conn_begin(c->conn)) < 0)
			goto done;
		if ((error = emit(c, stmts->strings[i])) < 0) {
			char *saved = strata__strdup(strata_error_last()->message);
			if (txn)
				strata_conn_rollback(c->conn);
			e.state = dir == STRATA_MIGRATE_UP ? STRATA_STATE_FAILED :
				STRATA_STATE_REVERT_FAILED;
			e.statements_done = (int)i;
			/* the first line: failed_statement holds the statement */
			e.error = saved ? strata__strndup(saved,
				strcspn(saved, "\n")) : NULL;
			e.failed_statement = stmts->strings[i];
			strata_buf_clear(&rec);
			strata_history__update_sql(&rec, c->d, c->table, &e);
			strata_conn_exec(c->conn, rec.ptr);
			strata__free(e.error);
			strata_error__set(STRATA_ERROR_DRIVER, "%s", saved ?
				saved : "statement failed");
			strata__free(saved);
			error = statement_failed(c, s, i, stmts->count,
				stmts->strings[i], 0);
			goto done;
		}
		if (!c->conn)
			continue;
		/* the progress; after the last statement, the end record */
		if (i + 1 == stmts->count) {
			finish_sql(&rec, c, &e, s, dir, stmts->count, start);
		} else {
			strata_buf_clear(&rec);
			strata_history__progress_sql(&rec, c->d, c->table,
				s->revision, (int)i + 1);
		}
		error = emit(c, rec.ptr);
		if (txn) {
			if (error < 0)
				strata_conn_rollback(c->conn);
			else
				error = strata_conn_commit(c->conn);
		}
		if (error < 0)
			goto done;
	}
	if (!c->conn || skip >= stmts->count) {
		finish_sql(&rec, c, &e, s, dir, stmts->count, start);
		error = emit(c, rec.ptr);
	}
done:
	strata_buf_dispose(&rec);
	return error;
}

static int run_revision(run_ctx *c, const strata_script *s,
	strata_migrate_direction dir, const strata_history_entry *partial)
{
	strata_strarray stmts = { NULL, 0 };
	strata_migrate_event ev;
	long long start = strata__now_ms();
	unsigned int flags = 0;
	int error;

	memset(&ev, 0, sizeof(ev));
	ev.direction = dir;
	ev.script = s;
	if (c->o->progress)
		c->o->progress(&ev, c->o->payload);
	if ((error = render(&stmts, c, dir == STRATA_MIGRATE_UP ? s->upgrade :
		s->downgrade, &flags)) < 0)
		goto done;
	if (partial && (int)stmts.count != partial->statements_total) {
		/* the count it stopped at would point elsewhere */
		error = migrate_error(STRATA_ECONFLICT, "revision '%s' now runs "
			"%zu statement(s), but %d when it stopped after %d: "
			"resuming would skip the wrong ones; finish it by hand and "
			"run 'strata repair'", s->revision, stmts.count,
			partial->statements_total, partial->statements_done);
		goto done;
	}
	if ((flags & STRATA_DDL_REBUILDS_TABLE) && c->conn && !c->fk_off) {
		error = migrate_error(STRATA_ERROR, "revision '%s' needs a "
			"table rebuild but foreign keys are on; run it again",
			s->revision);
		goto done;
	}
	emit_comment(c, "%s %s: %s", dir == STRATA_MIGRATE_UP ? "upgrade" :
		"downgrade", s->revision, s->message ? s->message : "");
	/* Offline, a script rebuilding tables turns foreign keys off around
	 * the revision's transaction, as a live run does around its own:
	 * with them on, dropping the old table would delete (or refuse for)
	 * the rows that refer to it. */
	if (!c->conn && (flags & STRATA_DDL_REBUILDS_TABLE))
		emit(c, "PRAGMA foreign_keys = OFF");
	if ((c->caps & STRATA_CAP_TRANSACTIONAL_DDL) &&
	    (s->transactional || c->in_lock_txn) && !partial)
		error = run_transactional(c, s, &stmts, dir, start);
	else
		error = run_stepwise(c, s, &stmts, dir, start, partial ?
			(size_t)partial->statements_done : 0,
			partial != NULL || dir == STRATA_MIGRATE_DOWN);
	if (!c->conn && (flags & STRATA_DDL_REBUILDS_TABLE))
		emit(c, "PRAGMA foreign_keys = ON");
	if (error < 0)
		goto done;
	ev.finished = 1;
	ev.elapsed_ms = strata__now_ms() - start;
	ev.statements = (int)stmts.count;
	if (c->o->progress)
		c->o->progress(&ev, c->o->payload);
done:
	strata_strarray_dispose(&stmts);
	return error;
}

/* ---- sessions: lock, history, shadow ------------------------------ */

static int session_open(run_ctx *c, strata_conn *conn,
	const strata_migrate_options *o, int may_rebuild)
{
	char meta[300];
	int error;

	memset(c, 0, sizeof(*c));
	c->o = o ? o : &default_opts;
	c->conn = conn;
	c->table = c->o->version_table ? c->o->version_table :
		"strata_history";
	c->d = conn ? strata_conn_dialect(conn) : c->o->dialect;
	c->caps = strata_dialect_caps(c->d);
	snprintf(meta, sizeof(meta), "%s_meta", c->table);
	if (strata_strarray_add(&c->tracking, c->table) < 0 ||
	    strata_strarray_add(&c->tracking, meta) < 0)
		return STRATA_ERROR;
	if (!conn) {
		if (!c->o->sql_out || c->d == STRATA_DIALECT_NONE)
			return migrate_error(STRATA_EINVALID, "offline mode "
				"needs an output buffer and a dialect");
		return 0;
	}
	if (may_rebuild && (c->caps & STRATA_CAP_LOCK_IS_TXN)) {
		if ((error = strata_conn_exec(conn,
			"PRAGMA foreign_keys = OFF")) < 0)
			return error;
		c->fk_off = 1;
	}
	error = strata_conn_lock(conn, LOCK_NAME, c->o->lock_timeout_ms > 0 ?
		c->o->lock_timeout_ms : 60000);
	if (error < 0)
		return error;
	c->in_lock_txn = (c->caps & STRATA_CAP_LOCK_IS_TXN) != 0;
	return 0;
}

static int session_close(run_ctx *c, int error)
{
	int e2 = 0;

	if (c->conn) {
		if (c->in_lock_txn || !(c->caps & STRATA_CAP_LOCK_IS_TXN)) {
			char *saved = error < 0 ?
				strata__strdup(strata_error_last()->message) : NULL;
			int klass = strata_error_last()->klass;
			e2 = strata_conn_unlock(c->conn, LOCK_NAME);
			if (saved) {
				strata_error__set(klass, "%s", saved);
				strata__free(saved);
			}
		}
		if (c->fk_off) {
			/* a rebuild that failed half-way may have left it on */
			strata_conn_exec(c->conn,
				"PRAGMA legacy_alter_table = OFF");
			strata_conn_exec(c->conn, "PRAGMA foreign_keys = ON");
		}
	}
	strata_schema_free(c->shadow);
	strata_strarray_dispose(&c->tracking);
	strata_strarray_dispose(&c->triggers);
	return error < 0 ? error : e2;
}

static int load_shadow(run_ctx *c, const strata_revmap *map,
	const strata_strarray *applied)
{
	strata_introspect_options io = STRATA_INTROSPECT_OPTIONS_INIT;
	size_t i;

	strata_schema_free(c->shadow);
	c->shadow = NULL;
	if (c->conn) {
		/* The live schema, followed through each revision: SQLite
		 * rebuilds need it, and so do PostgreSQL enum changes and
		 * MySQL index drops. Where it cannot be read, steps that need
		 * it say so when they are rendered. */
		io.exclude = &c->tracking;
		if (strata_introspect(&c->shadow, c->conn, &io) < 0) {
			c->shadow = NULL;
			strata_error_clear();
		}
		return 0;
	}
	/* Offline: follow the applied revisions from an empty schema. */
	if (strata_schema_new(&c->shadow) < 0)
		return STRATA_ERROR;
	for (i = 0; i < strata_revmap_count(map); i++) {
		const strata_script *s = strata_revmap_at(map, i);
		size_t k;
		for (k = 0; k < applied->count; k++)
			if (!strcmp(applied->strings[k], s->revision))
				break;
		if (k == applied->count)
			continue;
		if (strata_ops__apply_all(c->shadow, s->upgrade) < 0) {
			strata_schema_free(c->shadow);
			c->shadow = NULL;
			strata_error_clear();
			return 0;
		}
	}
	return 0;
}

static int upgrade_targets(strata_strarray *targets,
	const strata_revmap *map, const strata_strarray *applied,
	const char *target);

/* The recorded state: read under the lock online; offline, the
 * revisions opts->sql_from names (one, or several joined by ',') and
 * their ancestors. */
static int read_state(strata_history **out, run_ctx *c,
	const strata_revmap *map)
{
	strata_strarray from = { NULL, 0 };
	strata_history *h;
	const char *p;
	size_t i, k;
	int error = 0;

	if (c->conn)
		return strata_history_read(out, c->conn, c->table);
	h = strata__calloc(1, sizeof(*h));
	STRATA_ERROR_CHECK_ALLOC(h);
	*out = h;
	if (!c->o->sql_from || !strcmp(c->o->sql_from, "base"))
		return 0;
	h->exists = 1;
	for (p = c->o->sql_from; *p && !error; ) {
		size_t len = strcspn(p, ",");
		char *id = strata__strndup(p, len);
		const strata_script *s = NULL;
		if (!id) {
			strata_error__oom();
			error = STRATA_ERROR;
			break;
		}
		if (!strcmp(id, "head") || !strcmp(id, "heads")) {
			/* the heads (checked to be one for "head") */
			strata_strarray heads = { NULL, 0 };
			error = upgrade_targets(&heads, map, NULL, id);
			for (k = 0; !error && k < heads.count; k++)
				error = strata_strarray_add(&from,
					heads.strings[k]);
			strata_strarray_dispose(&heads);
		} else if ((error = strata_revmap_resolve(&s, map, id)) == 0)
			error = strata_strarray_add(&from, s->revision);
		strata__free(id);
		p += len;
		if (*p == ',')
			p++;
	}
	for (i = 0; i < strata_revmap_count(map) && !error; i++) {
		const strata_script *s = strata_revmap_at(map, i);
		strata_history_entry *e, *g;
		for (k = 0; k < from.count; k++)
			if (strata_revmap_is_ancestor(map, s->revision,
				from.strings[k]))
				break;
		if (k == from.count)
			continue;
		g = strata__realloc(h->entries, (h->count + 1) * sizeof(*g));
		if (!g) {
			strata_error__oom();
			error = STRATA_ERROR;
			break;
		}
		h->entries = g;
		e = &h->entries[h->count++];
		memset(e, 0, sizeof(*e));
		e->revision = strata__strdup(s->revision);
		e->state = strata__strdup(STRATA_STATE_APPLIED);
		e->checksum = strata__strdup(s->checksum);
		if (!e->revision || !e->state || !e->checksum) {
			strata_error__oom();
			error = STRATA_ERROR;
		}
	}
	strata_strarray_dispose(&from);
	return error;
}

static int plan_may_rebuild(const strata_revmap *map, int up)
{
	size_t i, k;

	for (i = 0; i < strata_revmap_count(map); i++) {
		const strata_script *s = strata_revmap_at(map, i);
		const strata_oplist *ops = up ? s->upgrade : s->downgrade;
		for (k = 0; ops && k < ops->count; k++)
			if (op_may_rebuild(ops->ops[k]->kind))
				return 1;
	}
	return 0;
}

/* ---- targets ------------------------------------------------------ */

static int parse_count(const char *s, long *out)
{
	char *end;

	*out = strtol(s + 1, &end, 10);
	return *end == '\0' && *out > 0;
}

static int upgrade_targets(strata_strarray *targets, const strata_revmap *map,
	const strata_strarray *applied, const char *target)
{
	strata_strarray heads = { NULL, 0 };
	int error = 0;
	long n;

	memset(targets, 0, sizeof(*targets));
	if ((error = strata_revmap_heads(&heads, map)) < 0)
		return error;
	if (!target || !strcmp(target, "head")) {
		if (heads.count > 1) {
			strata_buf b = STRATA_BUF_INIT;
			size_t i;
			for (i = 0; i < heads.count; i++)
				strata_buf_printf(&b, "%s%s", i ? ", " : "",
					heads.strings[i]);
			error = migrate_error(STRATA_EMULTIHEADS, "the migrations "
				"have %zu heads (%s): name one, use 'heads' for "
				"all, or join them with 'strata merge'",
				heads.count, b.ptr);
			strata_buf_dispose(&b);
		} else {
			error = strata_strarray__copy(targets, &heads);
		}
	} else if (!strcmp(target, "heads")) {
		error = strata_strarray__copy(targets, &heads);
	} else if (!strcmp(target, "current")) {
		error = 0;
	} else if (target[0] == '+') {
		strata_strarray path = { NULL, 0 };
		size_t i;
		if (!parse_count(target, &n)) {
			error = migrate_error(STRATA_EINVALID, "bad relative "
				"target '%s' (expected +N with N >= 1)", target);
			goto done;
		}
		if ((error = strata_revmap_upgrade_path(&path, map, applied,
			&heads)) < 0)
			goto done;
		if ((size_t)n > path.count)
			error = migrate_error(STRATA_EINVALID, "cannot upgrade "
				"%s: only %zu revision(s) are pending", target,
				path.count);
		for (i = 0; !error && i < (size_t)n; i++)
			error = strata_strarray_add(targets, path.strings[i]);
		strata_strarray_dispose(&path);
	} else {
		const strata_script *s = NULL;
		if ((error = strata_revmap_resolve(&s, map, target)) == 0)
			error = strata_strarray_add(targets, s->revision);
		else
			((strata_error *)strata_error_last())->klass =
				STRATA_ERROR_REVISION;
	}
done:
	strata_strarray_dispose(&heads);
	return error;
}

/* ---- public entry points ------------------------------------------ */

int strata_migrate_upgrade(size_t *count, strata_conn *conn,
	const strata_revmap *map, const char *target,
	const strata_migrate_options *opts)
{
	strata_strarray applied = { NULL, 0 }, targets = { NULL, 0 };
	strata_strarray path = { NULL, 0 };
	strata_history *h = NULL;
	run_ctx c;
	size_t i, n = 0;
	int error;

	STRATA_ASSERT_ARG(map);
	if (count)
		*count = 0;
	if ((error = session_open(&c, conn, opts, plan_may_rebuild(map, 1))) < 0)
		goto done;
	if ((error = read_state(&h, &c, map)) < 0 ||
	    (error = verify(&c, map, h, c.o->resume)) < 0 ||
	    (error = applied_set(&applied, h)) < 0 ||
	    (error = upgrade_targets(&targets, map, &applied, target)) < 0 ||
	    (error = strata_revmap_upgrade_path(&path, map, &applied,
		&targets)) < 0)
		goto done;
	if ((error = ensure_tracking(&c, h, 1)) < 0)
		goto done;
	/* A failed revision being resumed runs first, from where it
	 * stopped. */
	for (i = 0; c.o->resume && i < h->count; i++) {
		const strata_history_entry *e = &h->entries[i];
		const strata_script *s = strata_revmap_get(map, e->revision);
		if (is_done_state(e->state) || !s)
			continue;
		if (is_down_state(e->state)) {
			error = migrate_error(STRATA_ECONFLICT, "revision '%s' "
				"stopped while being downgraded: run 'strata "
				"downgrade --resume' to finish that", e->revision);
			goto done;
		}
		if ((error = load_shadow(&c, map, &applied)) < 0 ||
		    (error = run_revision(&c, s, STRATA_MIGRATE_UP, e)) < 0)
			goto done;
		n++;
	}
	if (path.count && (error = load_shadow(&c, map, &applied)) < 0)
		goto done;
	for (i = 0; i < path.count; i++) {
		const strata_script *s = strata_revmap_get(map, path.strings[i]);
		if (strata_history_get(h, s->revision))
			continue; /* resumed above */
		if ((error = run_revision(&c, s, STRATA_MIGRATE_UP, NULL)) < 0)
			goto done;
		n++;
	}
done:
	error = session_close(&c, error);
	if (count)
		*count = n;
	strata_history_free(h);
	strata_strarray_dispose(&applied);
	strata_strarray_dispose(&targets);
	strata_strarray_dispose(&path);
	return error;
}

int strata_migrate_downgrade(size_t *count, strata_conn *conn,
	const strata_revmap *map, const char *target,
	const strata_migrate_options *opts)
{
	strata_strarray applied = { NULL, 0 }, path = { NULL, 0 };
	strata_history *h = NULL;
	const char *keep = NULL;
	run_ctx c;
	size_t i, n = 0;
	long cnt = 0;
	int error;

	STRATA_ASSERT_ARG(map);
	if (count)
		*count = 0;
	if (!target) {
		strata_error__set(STRATA_ERROR_REVISION, "downgrade needs a "
			"target: -N, base, or a revision");
		return STRATA_EINVALID;
	}
	if ((error = session_open(&c, conn, opts, plan_may_rebuild(map, 0))) < 0)
		goto done;
	if ((error = read_state(&h, &c, map)) < 0 ||
	    (error = verify(&c, map, h, c.o->resume)) < 0 ||
	    (error = applied_set(&applied, h)) < 0 ||
	    (error = ensure_tracking(&c, h, 0)) < 0)
		goto done;
	/* A downgrade that stopped part-way finishes first, from where it
	 * stopped; it counts as one of -N. */
	for (i = 0; c.o->resume && i < h->count; i++) {
		const strata_history_entry *e = &h->entries[i];
		const strata_script *s = strata_revmap_get(map, e->revision);
		if (is_done_state(e->state) || !s)
			continue;
		if (!is_down_state(e->state)) {
			error = migrate_error(STRATA_ECONFLICT, "revision '%s' "
				"stopped while being upgraded: run 'strata upgrade "
				"--resume' to finish that, or 'strata repair'",
				e->revision);
			goto done;
		}
		if ((error = load_shadow(&c, map, &applied)) < 0 ||
		    (error = run_revision(&c, s, STRATA_MIGRATE_DOWN, e)) < 0)
			goto done;
		n++;
	}
	if (!strcmp(target, "base")) {
		keep = NULL;
	} else if (target[0] == '-') {
		if (!parse_count(target, &cnt)) {
			error = migrate_error(STRATA_EINVALID, "bad relative "
				"target '%s' (expected -N with N >= 1)", target);
			goto done;
		}
	} else {
		const strata_script *s = NULL;
		if ((error = strata_revmap_resolve(&s, map, target)) < 0)
			goto done;
		if (!strata_history_get(h, s->revision)) {
			error = migrate_error(STRATA_EINVALID, "revision '%s' is "
				"not applied, so the database cannot be "
				"downgraded to it", s->revision);
			goto done;
		}
		keep = s->revision;
	}
	if ((error = strata_revmap_downgrade_path(&path, map, &applied,
		keep)) < 0)
		goto done;
	if (keep) {
		/* only what descends from the target: other branches stay */
		size_t k = 0;
		for (i = 0; i < path.count; i++) {
			if (strata_revmap_is_ancestor(map, keep, path.strings[i]))
				path.strings[k++] = path.strings[i];
			else
				strata__free(path.strings[i]);
		}
		path.count = k;
	}
	if (cnt && (size_t)cnt <= n) {
		/* the resumed revisions were all that was asked */
		while (path.count)
			strata__free(path.strings[--path.count]);
	} else if (cnt) {
		cnt -= (long)n;
		if ((size_t)cnt > path.count) {
			error = migrate_error(STRATA_EINVALID, "cannot downgrade "
				"%s: only %zu revision(s) are applied", target,
				path.count);
			goto done;
		}
		while (path.count > (size_t)cnt)
			strata__free(path.strings[--path.count]);
	}
	if (path.count && (error = load_shadow(&c, map, &applied)) < 0)
		goto done;
	for (i = 0; i < path.count; i++) {
		const strata_script *s = strata_revmap_get(map, path.strings[i]);
		if (!s->downgrade || (!s->downgrade->count &&
		    s->upgrade && s->upgrade->count)) {
			error = migrate_error(STRATA_EUNSUPPORTED, "revision '%s' "
				"(%s) has no downgrade steps", s->revision,
				s->path ? s->path : "?");
			goto done;
		}
		if ((error = run_revision(&c, s, STRATA_MIGRATE_DOWN,
			NULL)) < 0)
			goto done;
		n++;
	}
done:
	error = session_close(&c, error);
	if (count)
		*count = n;
	strata_history_free(h);
	strata_strarray_dispose(&applied);
	strata_strarray_dispose(&path);
	return error;
}

int strata_migrate_stamp(strata_conn *conn, const strata_revmap *map,
	const char *target, const strata_migrate_options *opts)
{
	strata_strarray applied = { NULL, 0 }, targets = { NULL, 0 };
	strata_strarray want = { NULL, 0 };
	strata_history *h = NULL;
	run_ctx c;
	size_t i;
	int error;

	STRATA_ASSERT_ARG(map);
	if ((error = session_open(&c, conn, opts, 0)) < 0)
		goto done;
	if ((error = read_state(&h, &c, map)) < 0 ||
	    (error = verify(&c, map, h, 1)) < 0 ||
	    (error = applied_set(&applied, h)) < 0)
		goto done;
	if (target && strcmp(target, "base") &&
	    (error = upgrade_targets(&targets, map, &applied, target)) < 0)
		goto done;
	/* The wanted set: the targets and their ancestors. */
	{
		strata_strarray none = { NULL, 0 };
		if ((error = strata_revmap_upgrade_path(&want, map, &none,
			&targets)) < 0)
			goto done;
	}
	if ((error = ensure_tracking(&c, h, 1)) < 0)
		goto done;
	if (conn && !c.in_lock_txn && (c.caps & STRATA_CAP_TRANSACTIONAL_DDL) &&
	    (error = strata_conn_begin(conn)) < 0)
		goto done;
	for (i = 0; i < h->count && !error; i++) {
		const strata_history_entry *e = &h->entries[i];
		size_t k;
		for (k = 0; k < want.count; k++)
			if (!strcmp(want.strings[k], e->revision))
				break;
		if (k == want.count || !is_done_state(e->state)) {
			strata_buf sql = STRATA_BUF_INIT;
			strata_history__delete_sql(&sql, c.d, c.table,
				e->revision);
			error = emit(&c, sql.ptr);
			strata_buf_dispose(&sql);
		}
	}
	for (i = 0; i < want.count && !error; i++) {
		const strata_history_entry *e = strata_history_get(h,
			want.strings[i]);
		const strata_script *s = strata_revmap_get(map,
			want.strings[i]);
		strata_history_entry ne;
		strata_buf sql = STRATA_BUF_INIT;
		char now[40];
		if (e && is_done_state(e->state))
			continue;
		fill_entry(&ne, &c, s, STRATA_STATE_APPLIED, now);
		strata_history__insert_sql(&sql, c.d, c.table, &ne);
		error = emit(&c, sql.ptr);
		strata_buf_dispose(&sql);
	}
	if (conn && !c.in_lock_txn && (c.caps & STRATA_CAP_TRANSACTIONAL_DDL)) {
		if (error < 0)
			strata_conn_rollback(conn);
		else
			error = strata_conn_commit(conn);
	}
done:
	error = session_close(&c, error);
	strata_history_free(h);
	strata_strarray_dispose(&applied);
	strata_strarray_dispose(&targets);
	strata_strarray_dispose(&want);
	return error;
}

int strata_migrate_repair(size_t *count, strata_conn *conn,
	const strata_migrate_options *opts)
{
	strata_history *h = NULL;
	run_ctx c;
	size_t i, n = 0;
	int error;

	STRATA_ASSERT_ARG(conn);
	if ((error = session_open(&c, conn, opts, 0)) < 0)
		goto done;
	if ((error = strata_history_read(&h, conn, c.table)) < 0 ||
	    (error = ensure_tracking(&c, h, 0)) < 0)
		goto done;
	for (i = 0; i < h->count && !error; i++) {
		strata_buf sql = STRATA_BUF_INIT;
		if (is_done_state(h->entries[i].state))
			continue;
		if (!strcmp(h->entries[i].state, STRATA_STATE_REVERTING) ||
		    !strcmp(h->entries[i].state, STRATA_STATE_REVERT_FAILED)) {
			/* a half-done downgrade: the revision is still mostly
			 * applied; mark it applied again */
			strata_history_entry e = h->entries[i];
			e.state = (char *)STRATA_STATE_APPLIED;
			e.error = NULL;
			e.failed_statement = NULL;
			strata_history__update_sql(&sql, c.d, c.table, &e);
		} else {
			strata_history__delete_sql(&sql, c.d, c.table,
				h->entries[i].revision);
		}
		error = emit(&c, sql.ptr);
		strata_buf_dispose(&sql);
		n++;
	}
done:
	error = session_close(&c, error);
	if (count)
		*count = n;
	strata_history_free(h);
	return error;
}
