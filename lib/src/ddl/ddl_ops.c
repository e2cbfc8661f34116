/*
 * Migration operations rendered as DDL. Where the dialect cannot alter a
 * table in place (SQLite: column types, nullability, defaults,
 * constraints), the table is rebuilt following SQLite's documented
 * procedure: create the new table under a temporary name, copy every
 * row, drop the old table, rename, recreate indexes and triggers. The
 * caller runs it with foreign keys off and checks them before commit.
 */
#include <stdio.h>
#include "ddl_int.h"
#include "ddl_ops.h"
#include "schema_int.h"
#include "ops_int.h"
#include "strata/ops.h"

#define TMP_PREFIX "_strata_new_"

#define MARK_SAVE STRATA_DDL_MARK_SAVE
#define MARK_RESTORE STRATA_DDL_MARK_RESTORE

static const strata_table *payload(const strata_schema *s)
{
	return s && s->table_count ? s->tables[0] : NULL;
}

static const strata_table *current_table(const strata_schema *cur,
	const char *name)
{
	return cur ? strata_schema_table(cur, name) : NULL;
}

static int push_text(strata_strarray *stmts, const char *text)
{
	return strata_strarray_add(stmts, text);
}

/* Gives every constraint left open a name from the convention of its
 * real table, so a rebuilt table keeps the names the original had. */
static int freeze_names(strata_table *t, strata_dialect d, const char *real)
{
	strata_buf b = STRATA_BUF_INIT;
	char *saved = t->name;
	size_t i;
	int error = 0;

	t->name = (char *)real;
#define FREEZE(head, kind, obj) do { \
	if (!(head).name && !error) { \
		strata_buf_clear(&b); \
		error = strata_ddl_constraint_name(&b, d, t, kind, obj); \
		if (!error && b.size && \
		    !((head).name = strata__strdup(b.ptr))) \
			error = STRATA_ERROR; \
	} \
} while (0)
	if (t->pkey.h.columns.count)
		FREEZE(t->pkey.h, "pk", &t->pkey);
	for (i = 0; i < t->unique_count; i++)
		FREEZE(t->uniques[i]->h, "uq", t->uniques[i]);
	for (i = 0; i < t->index_count; i++)
		FREEZE(t->indexes[i]->h, "ix", t->indexes[i]);
	for (i = 0; i < t->fkey_count; i++)
		FREEZE(t->fkeys[i]->h, "fk", t->fkeys[i]);
#undef FREEZE
	t->name = saved;
	strata_buf_dispose(&b);
	return error;
}

/* CREATE TABLE for `t` under another name, everything in it named as
 * for `t` (SQLite's enum checks take the table's name). */
static int create_under(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *name)
{
	strata_strarray made = { NULL, 0 };
	strata_buf head = STRATA_BUF_INIT, b = STRATA_BUF_INIT;
	size_t i;
	int error;

	strata_buf_puts(&head, "CREATE TABLE ");
	strata_dialect_quote_ident(&head, d, t->name);
	if ((error = strata_ddl__create_table(&made, d, t, NULL)) < 0)
		goto done;
	for (i = 0; i < made.count; i++) {
		const char *s = made.strings[i];
		if (!strncmp(s, head.ptr, head.size)) {
			strata_buf_puts(&b, "CREATE TABLE ");
			strata_dialect_quote_ident(&b, d, name);
			strata_buf_puts(&b, s + head.size);
			s = b.ptr;
		}
		if ((error = strata_strarray_add(stmts, s)) < 0)
			goto done;
		strata_buf_clear(&b);
	}
done:
	strata_strarray_dispose(&made);
	strata_buf_dispose(&head);
	strata_buf_dispose(&b);
	return error;
}

/* The 12-step rebuild of table `cur_t` into the result of applying `op`
 * to it. */
static int rebuild(strata_strarray *stmts, strata_dialect d,
	const strata_table *cur_t, const strata_op *op, unsigned int *flags)
{
	strata_schema *work = NULL;
	strata_table *nt, *tmp;
	strata_buf b = STRATA_BUF_INIT, tmpname = STRATA_BUF_INIT;
	strata_index **indexes = NULL;
	size_t nindexes, i, k;
	int error;

	if ((error = strata_schema_new(&work)) < 0 ||
	    (error = strata_schema__copy_table(&nt, work, cur_t)) < 0 ||
	    (error = freeze_names(nt, d, cur_t->name)) < 0 ||
	    (error = strata_ops__apply(work, op)) < 0)
		goto done;
	nt = work->tables[0];
	if ((error = freeze_names(nt, d, nt->name)) < 0)
		goto done;
	/* Indexes go with the old table; they are made again after the
	 * rename, so take them out of the temporary table. */
	nindexes = nt->index_count;
	indexes = nt->indexes;
	nt->indexes = NULL;
	nt->index_count = 0;
	strata_buf_printf(&tmpname, TMP_PREFIX "%s", nt->name);
	if ((error = strata_schema__copy_table(&tmp, work, nt)) < 0)
		goto done;
	strata__free(tmp->name);
	tmp->name = strata__strdup(tmpname.ptr);
	if (!tmp->name) {
		error = STRATA_ERROR;
		goto done;
	}
	strata_buf_printf(&b, MARK_SAVE);
	strata_dialect_quote_ident(&b, d, cur_t->name);
	strata_buf_puts(&b, " */");
	if ((error = strata_ddl__push(stmts, &b)) < 0)
		goto done;
	if ((error = create_under(stmts, d, nt, tmp->name)) < 0)
		goto done;
	/* Copy the columns both tables have. */
	strata_buf_puts(&b, "INSERT INTO ");
	strata_dialect_quote_ident(&b, d, tmp->name);
	strata_buf_puts(&b, " (");
	for (i = 0, k = 0; i < nt->column_count; i++) {
		if (!strata_table_column(cur_t, nt->columns[i]->name))
			continue;
		strata_buf_puts(&b, k++ ? ", " : "");
		strata_dialect_quote_ident(&b, d, nt->columns[i]->name);
	}
	strata_buf_puts(&b, ") SELECT ");
	for (i = 0, k = 0; i < nt->column_count; i++) {
		if (!strata_table_column(cur_t, nt->columns[i]->name))
			continue;
		strata_buf_puts(&b, k++ ? ", " : "");
		strata_dialect_quote_ident(&b, d, nt->columns[i]->name);
	}
	strata_buf_puts(&b, " FROM ");
	strata_dialect_quote_ident(&b, d, cur_t->name);
	if (k && (error = strata_ddl__push(stmts, &b)) < 0)
		goto done;
	strata_buf_clear(&b);
	strata_buf_puts(&b, "DROP TABLE ");
	strata_dialect_quote_ident(&b, d, cur_t->name);
	if ((error = strata_ddl__push(stmts, &b)) < 0)
		goto done;
	if ((error = push_text(stmts, "PRAGMA legacy_alter_table = ON")) < 0)
		goto done;
	strata_buf_puts(&b, "ALTER TABLE ");
	strata_dialect_quote_ident(&b, d, tmp->name);
	strata_buf_puts(&b, " RENAME TO ");
	strata_dialect_quote_ident(&b, d, nt->name);
	if ((error = strata_ddl__push(stmts, &b)) < 0 ||
	    (error = push_text(stmts, "PRAGMA legacy_alter_table = OFF")) < 0)
		goto done;
	for (i = 0; i < nindexes; i++)
		if ((error = strata_ddl__create_index(stmts, d, nt,
			indexes[i])) < 0)
			goto done;
	strata_buf_printf(&b, MARK_RESTORE);
	strata_dialect_quote_ident(&b, d, nt->name);
	strata_buf_puts(&b, " */");
	error = strata_ddl__push(stmts, &b);
	if (flags)
		*flags |= STRATA_DDL_REBUILDS_TABLE;
done:
	if (indexes) {
		/* hand them back so the table frees them */
		nt->indexes = indexes;
		nt->index_count = nindexes;
	}
	strata_schema_free(work);
	strata_buf_dispose(&b);
	strata_buf_dispose(&tmpname);
	return error;
}

static int need_current(const strata_op *op, const strata_table *t)
{
	strata_buf d = STRATA_BUF_INIT;
	int error;

	if (t)
		return 0;
	strata_op_describe(&d, op);
	strata_error__set(STRATA_ERROR_DDL, "cannot render '%s' on sqlite: "
		"the table must be rebuilt and its current definition is not "
		"known (table '%s' not found)", d.ptr, op->table ? op->table :
		"?");
	error = STRATA_EUNSUPPORTED;
	strata_buf_dispose(&d);
	return error;
}

static int names_column(const strata_strarray *a, const char *column)
{
	size_t i;

	for (i = 0; i < a->count; i++)
		if (!strcmp(a->strings[i], column))
			return 1;
	return 0;
}

/* Whether anything of the table refers to a column (so SQLite cannot
 * drop it in place). */
static int column_referenced(const strata_table *t, const char *column)
{
	size_t i;

	if (names_column(&t->pkey.h.columns, column) || t->check_count)
		return 1;
	for (i = 0; i < t->unique_count; i++)
		if (names_column(&t->uniques[i]->h.columns, column))
			return 1;
	for (i = 0; i < t->index_count; i++)
		if (names_column(&t->indexes[i]->h.columns, column) ||
		    t->indexes[i]->expr || t->indexes[i]->where)
			return 1;
	for (i = 0; i < t->fkey_count; i++)
		if (names_column(&t->fkeys[i]->h.columns, column))
			return 1;
	return 0;
}

/* Whether SQLite can ADD COLUMN this column in place. */
static int sqlite_can_add(const strata_table *pt, const strata_column *c)
{
	if (pt->unique_count || pt->index_count > 0)
		return c->nullable || c->def.kind == STRATA_DEFAULT_STRING ||
			c->def.kind == STRATA_DEFAULT_NUMBER ||
			c->def.kind == STRATA_DEFAULT_BOOLEAN;
	if (!c->nullable && (c->def.kind == STRATA_DEFAULT_NONE ||
		c->def.kind == STRATA_DEFAULT_NULL))
		return 0;
	return c->def.kind != STRATA_DEFAULT_NOW &&
		c->def.kind != STRATA_DEFAULT_EXPR && !c->autoincrement &&
		!pt->unique_count;
}

static unsigned int column_changes(const strata_column *a,
	const strata_column *b)
{
	strata_buf x = STRATA_BUF_INIT, y = STRATA_BUF_INIT;
	unsigned int ch = 0;

	strata_type_format(&x, &a->type);
	strata_type_format(&y, &b->type);
	if (strcmp(x.ptr, y.ptr) || a->type.is_unsigned !=
	    b->type.is_unsigned)
		ch |= STRATA_DDL_ALTER_TYPE;
	if (a->nullable != b->nullable)
		ch |= STRATA_DDL_ALTER_NULL;
	if (a->def.kind != b->def.kind || strcmp(a->def.value ?
		a->def.value : "", b->def.value ? b->def.value : ""))
		ch |= STRATA_DDL_ALTER_DEFAULT;
	if (strcmp(a->comment ? a->comment : "", b->comment ? b->comment :
		""))
		ch |= STRATA_DDL_ALTER_COMMENT;
	if (a->autoincrement != b->autoincrement)
		ch |= STRATA_DDL_ALTER_AUTOINCREMENT;
	strata_buf_dispose(&x);
	strata_buf_dispose(&y);
	return ch;
}

/* The text of a raw SQL step for a dialect: its own entry, else the
 * default; NULL when the step is for other dialects only. */
static const char *sql_for(const strata_op *op, strata_dialect d)
{
	const char *def = NULL;
	size_t i;

	for (i = 0; i < op->sql_dialects.count; i++) {
		const char *n = op->sql_dialects.strings[i];
		if (!strcmp(n, "default"))
			def = op->sql_texts.strings[i];
		else if (strata_dialect_from_name(n) == d)
			return op->sql_texts.strings[i];
	}
	return def;
}

/* Adds the text of `cur` without surrounding blanks to `out`, unless it
 * is empty. */
static int push_trimmed(strata_strarray *out, const strata_buf *cur)
{
	size_t a = 0, z = cur->size;
	char *s;
	int error;

	while (a < z && (cur->ptr[a] == ' ' || cur->ptr[a] == '\n' ||
		cur->ptr[a] == '\t' || cur->ptr[a] == '\r'))
		a++;
	while (z > a && (cur->ptr[z - 1] == ' ' || cur->ptr[z - 1] == '\n' ||
		cur->ptr[z - 1] == '\t' || cur->ptr[z - 1] == '\r'))
		z--;
	if (z == a)
		return 0;
	if (!(s = strata__strndup(cur->ptr + a, z - a)))
		return STRATA_ERROR;
	error = strata_strarray_add(out, s);
	strata__free(s);
	return error;
}

static int is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_';
}

static int word_is(const char *w, size_t len, const char *upper)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!upper[i] || (w[i] & ~0x20) != upper[i])
			return 0;
	return upper[len] == '\0';
}

/* Splits at semicolons outside quotes, comments and dollar quotes. A
 * routine body (CREATE TRIGGER, PROCEDURE, FUNCTION or EVENT with
 * BEGIN ... END, as SQLite, MySQL and PostgreSQL's BEGIN ATOMIC write
 * them) holds semicolons: there a semicolon ends the statement only
 * after the END closing its outermost BEGIN (an expression's CASE ...
 * END just before a semicolon is mistaken for it, as sqlite3_complete
 * does). */
int strata_ddl__split_sql(strata_strarray *out, const char *sql)
{
	strata_buf cur = STRATA_BUF_INIT;
	const char *p = sql;
	int error = 0, words = 0, create = 0, routine = 0, depth = 0;
	int after_end = 0;

	while (*p && !error) {
		char c = *p;
		if (c == '\'' || c == '"' || c == '`') {
			const char *s = p++;
			while (*p && !(*p == c && p[1] != c)) {
				if (*p == c)
					p++;
				p++;
			}
			if (*p)
				p++;
			strata_buf_put(&cur, s, (size_t)(p - s));
			after_end = 0;
			words++;
			continue;
		}
		if (c == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (c == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			p = e ? e + 2 : p + strlen(p);
			continue;
		}
		if (c == '$') {
			const char *tag_end = p + 1;
			while ((*tag_end >= 'a' && *tag_end <= 'z') ||
			       (*tag_end >= 'A' && *tag_end <= 'Z') ||
			       *tag_end == '_')
				tag_end++;
			if (*tag_end == '$') {
				size_t tl = (size_t)(tag_end - p + 1);
				const char *e = p + tl;
				while (*e && strncmp(e, p, tl))
					e++;
				e = *e ? e + tl : e;
				strata_buf_put(&cur, p, (size_t)(e - p));
				p = e;
				after_end = 0;
				continue;
			}
		}
		if (is_word_char(c) && (p == sql || !is_word_char(p[-1]))) {
			const char *w = p;
			size_t len;
			while (is_word_char(*p))
				p++;
			len = (size_t)(p - w);
			strata_buf_put(&cur, w, len);
			/* a column named like a keyword: t.begin */
			if (w > sql && w[-1] == '.') {
				after_end = 0;
				continue;
			}
			if (!words++)
				create = word_is(w, len, "CREATE");
			else if (create && !routine)
				routine = word_is(w, len, "TRIGGER") ||
					word_is(w, len, "PROCEDURE") ||
					word_is(w, len, "FUNCTION") ||
					word_is(w, len, "EVENT");
			if (routine && word_is(w, len, "BEGIN"))
				depth++;
			after_end = depth && word_is(w, len, "END");
			continue;
		}
		if (c == ';') {
			if (depth && after_end)
				depth--;
			if (depth) {
				strata_buf_putc(&cur, c);
				after_end = 0;
				p++;
				continue;
			}
			error = push_trimmed(out, &cur);
			strata_buf_clear(&cur);
			words = create = routine = after_end = 0;
			p++;
			continue;
		}
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			after_end = 0;
		strata_buf_putc(&cur, c);
		p++;
	}
	if (!error)
		error = push_trimmed(out, &cur);
	strata_buf_dispose(&cur);
	return error;
}

/* Whether `cols` begins with every column of `prefix`, in order. */
static int starts_with(const strata_strarray *cols,
	const strata_strarray *prefix)
{
	size_t i;

	if (!prefix->count || prefix->count > cols->count)
		return 0;
	for (i = 0; i < prefix->count; i++)
		if (strcmp(cols->strings[i], prefix->strings[i]))
			return 0;
	return 1;
}

/* Where a foreign key needs an index (MySQL), dropping the index that
 * serves it first makes one named after the foreign key, as the server
 * would have. */
static int keep_fk_index(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_index *dropped)
{
	size_t i, j;
	int error = 0;

	for (i = 0; t && i < t->fkey_count && !error; i++) {
		const strata_fkey *fk = t->fkeys[i];
		int served = 0;
		if (!starts_with(&dropped->h.columns, &fk->h.columns))
			continue;
		for (j = 0; j < t->index_count && !served; j++) {
			const strata_index *x = t->indexes[j];
			/* the index being dropped does not count */
			int same = dropped->h.name && x->h.name ?
				!strcmp(x->h.name, dropped->h.name) :
				strata_strarray__equal(&x->h.columns,
				&dropped->h.columns) && x->unique ==
				dropped->unique;
			if (!same && starts_with(&x->h.columns, &fk->h.columns))
				served = 1;
		}
		for (j = 0; j < t->unique_count && !served; j++)
			if (starts_with(&t->uniques[j]->h.columns,
				&fk->h.columns))
				served = 1;
		if (starts_with(&t->pkey.h.columns, &fk->h.columns))
			served = 1;
		if (!served) {
			strata_index ix;
			strata_buf name = STRATA_BUF_INIT;
			memset(&ix, 0, sizeof(ix));
			strata_ddl_constraint_name(&name, d, t, "fk", fk);
			ix.h.name = name.ptr;
			ix.h.columns = fk->h.columns;
			error = strata_ddl__create_index(stmts, d, t, &ix);
			strata_buf_dispose(&name);
		}
	}
	return error;
}

/* Whether an index or unique constraint of `t` has this name. */
static int index_name_taken(const strata_table *t, const char *name)
{
	size_t j;

	for (j = 0; j < t->index_count; j++)
		if (t->indexes[j]->h.name && !strcmp(t->indexes[j]->h.name,
			name))
			return 1;
	for (j = 0; j < t->unique_count; j++)
		if (t->uniques[j]->h.name && !strcmp(t->uniques[j]->h.name,
			name))
			return 1;
	return 0;
}

/* Whether a foreign key name is one InnoDB generated: <table>_ibfk_<n>. */
static int generated_fk_name(const strata_table *t, const char *name)
{
	size_t n = strlen(t->name);

	if (!name || strncmp(name, t->name, n) || strncmp(name + n, "_ibfk_",
		6) || !name[n + 6])
		return 0;
	for (name += n + 6; *name; name++)
		if (*name < '0' || *name > '9')
			return 0;
	return 1;
}

/* Where a foreign key needs an index (MySQL), the server made one when no
 * other index served it: named after the key, or, for a key the server
 * named itself, after its first column (col, col_2, ... when taken). It
 * stays when the key is dropped, so it goes with it. */
static int drop_fk_index(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_fkey *fk)
{
	strata_buf name = STRATA_BUF_INIT;
	strata_index ix;
	size_t j;
	int error;

	if (starts_with(&t->pkey.h.columns, &fk->h.columns))
		return 0;
	for (j = 0; j < t->index_count; j++)
		if (starts_with(&t->indexes[j]->h.columns, &fk->h.columns))
			return 0;
	for (j = 0; j < t->unique_count; j++)
		if (starts_with(&t->uniques[j]->h.columns, &fk->h.columns))
			return 0;
	memset(&ix, 0, sizeof(ix));
	if (generated_fk_name(t, fk->h.name)) {
		unsigned int n = 2;
		strata_buf_puts(&name, fk->h.columns.strings[0]);
		while (index_name_taken(t, name.ptr)) {
			strata_buf_clear(&name);
			strata_buf_printf(&name, "%s_%u",
				fk->h.columns.strings[0], n++);
		}
	} else if ((error = strata_ddl_constraint_name(&name, d, t, "fk",
		fk)) < 0) {
		return error;
	}
	ix.h.name = name.ptr;
	ix.h.columns = fk->h.columns;
	error = strata_ddl__drop_index(stmts, d, t, &ix);
	strata_buf_dispose(&name);
	return error;
}

/* PostgreSQL cannot drop enum values: the type is made again and the
 * columns using it are converted through text. */
static int recreate_enum(strata_strarray *stmts, strata_dialect d,
	const strata_op *op, const strata_schema *cur)
{
	const strata_enum *to = op->after && op->after->enum_count ?
		op->after->enums[0] : NULL;
	strata_buf b = STRATA_BUF_INIT, old = STRATA_BUF_INIT;
	size_t i, j;
	int error;

	if (!to)
		return strata_ddl__unsupported(strata_ddl__vtable(d), "alter_enum "
			"%s has no new values", op->name);
	strata_buf_printf(&old, "%s_old", op->name);
	strata_buf_puts(&b, "ALTER TYPE ");
	strata_dialect_quote_ident(&b, d, op->name);
	strata_buf_puts(&b, " RENAME TO ");
	strata_dialect_quote_ident(&b, d, old.ptr);
	if ((error = strata_ddl__push(stmts, &b)) < 0 ||
	    (error = strata_ddl__create_enum(stmts, d, op->name,
		&to->values)) < 0)
		goto done;
	for (i = 0; cur && i < cur->table_count; i++) {
		const strata_table *t = cur->tables[i];
		for (j = 0; j < t->column_count; j++) {
			const strata_column *c = t->columns[j];
			strata_buf en = STRATA_BUF_INIT;
			if (c->type.kind != STRATA_TYPE_ENUM)
				continue;
			strata_ddl__enum_name(&en, d, t, c);
			if (strcmp(en.ptr, op->name)) {
				strata_buf_dispose(&en);
				continue;
			}
			strata_buf_dispose(&en);
			if (c->def.kind != STRATA_DEFAULT_NONE) {
				strata_buf_puts(&b, "ALTER TABLE ");
				strata_dialect_quote_ident(&b, d, t->name);
				strata_buf_puts(&b, " ALTER COLUMN ");
				strata_dialect_quote_ident(&b, d, c->name);
				strata_buf_puts(&b, " DROP DEFAULT");
				if ((error = strata_ddl__push(stmts, &b)) < 0)
					goto done;
			}
			strata_buf_puts(&b, "ALTER TABLE ");
			strata_dialect_quote_ident(&b, d, t->name);
			strata_buf_puts(&b, " ALTER COLUMN ");
			strata_dialect_quote_ident(&b, d, c->name);
			strata_buf_puts(&b, " TYPE ");
			strata_dialect_quote_ident(&b, d, op->name);
			strata_buf_puts(&b, " USING ");
			strata_dialect_quote_ident(&b, d, c->name);
			strata_buf_puts(&b, "::text::");
			strata_dialect_quote_ident(&b, d, op->name);
			if ((error = strata_ddl__push(stmts, &b)) < 0)
				goto done;
			if (c->def.kind != STRATA_DEFAULT_NONE) {
				strata_buf_puts(&b, "ALTER TABLE ");
				strata_dialect_quote_ident(&b, d, t->name);
				strata_buf_puts(&b, " ALTER COLUMN ");
				strata_dialect_quote_ident(&b, d, c->name);
				strata_buf_puts(&b, " SET DEFAULT ");
				strata_ddl_default(&b, d, c);
				if ((error = strata_ddl__push(stmts, &b)) < 0)
					goto done;
			}
		}
	}
	error = strata_ddl__drop_enum(stmts, d, old.ptr);
done:
	strata_buf_dispose(&b);
	strata_buf_dispose(&old);
	return error;
}

static int alter_enum(strata_strarray *stmts, strata_dialect d,
	const strata_op *op, const strata_schema *cur)
{
	const strata_enum *from = op->before && op->before->enum_count ?
		op->before->enums[0] : NULL;
	const strata_enum *to = op->after && op->after->enum_count ?
		op->after->enums[0] : NULL;
	size_t i, j, k = 0;

	if (!from || !to)
		return recreate_enum(stmts, d, op, cur);
	/* Only additions, old values in their order: ADD VALUE works. */
	for (i = 0; i < to->values.count && k < from->values.count; i++)
		if (!strcmp(to->values.strings[i], from->values.strings[k]))
			k++;
	if (k < from->values.count)
		return recreate_enum(stmts, d, op, cur);
	for (i = 0, k = 0; i < to->values.count; i++) {
		int error;
		if (k < from->values.count &&
		    !strcmp(to->values.strings[i], from->values.strings[k])) {
			k++;
			continue;
		}
		/* a new value: after the previous one, or before the next */
		for (j = 0; j < from->values.count; j++)
			if (!strcmp(from->values.strings[j],
				to->values.strings[i]))
				break;
		error = strata_ddl__add_enum_value(stmts, d, op->name,
			to->values.strings[i], i ? to->values.strings[i - 1] :
			NULL);
		if (error < 0)
			return error;
	}
	return 0;
}

int strata_ddl_op(strata_strarray *stmts, strata_dialect d,
	const strata_op *op, const strata_schema *current,
	unsigned int *flags)
{
	unsigned int caps = strata_dialect_caps(d);
	const strata_table *pt = payload(op->after ? op->after : op->before);
	const strata_table *ct = current_table(current, op->table);
	const strata_table *t = ct ? ct : pt;
	strata_schema *shell = NULL;
	strata_table *st = NULL;
	size_t i;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(op);
	if (flags)
		*flags = 0;
	if (!strata_ddl__vtable(d))
		return STRATA_EUNSUPPORTED;
	if (!t && op->table) {
		/* a name-only step: a shell table carries the name */
		if ((error = strata_schema__shell(&shell, &st, op->table)) < 0)
			return error;
		t = st;
	}

	switch (op->kind) {
	case STRATA_OP_CREATE_TABLE:
		if (!pt)
			error = strata_ddl__unsupported(strata_ddl__vtable(d),
				"create_table %s has no definition", op->table);
		else
			error = strata_ddl__create_table(stmts, d, pt, NULL);
		break;
	case STRATA_OP_DROP_TABLE:
		error = strata_ddl__drop_table(stmts, d, t);
		break;
	case STRATA_OP_RENAME_TABLE:
		error = strata_ddl__rename_table(stmts, d, op->table,
			op->new_name);
		break;
	case STRATA_OP_ADD_COLUMN:
		if (!pt || !pt->column_count) {
			error = strata_ddl__unsupported(strata_ddl__vtable(d),
				"add_column on %s has no column", op->table);
			break;
		}
		if (!(caps & STRATA_CAP_ADD_CONSTRAINT) &&
		    !sqlite_can_add(pt, pt->columns[0])) {
			if (!(error = need_current(op, ct)))
				error = rebuild(stmts, d, ct, op, flags);
			break;
		}
		if ((error = strata_ddl__add_column(stmts, d, t,
			pt->columns[0])) < 0)
			break;
		for (i = 0; !error && i < pt->unique_count; i++)
			error = (caps & STRATA_CAP_ADD_CONSTRAINT) ?
				strata_ddl__add_constraint(stmts, d, t, "uq",
				pt->uniques[i]) : 0;
		for (i = 0; !error && i < pt->index_count; i++)
			error = strata_ddl__create_index(stmts, d, t,
				pt->indexes[i]);
		for (i = 0; !error && i < pt->fkey_count; i++)
			error = (caps & STRATA_CAP_ADD_CONSTRAINT) ?
				strata_ddl__add_constraint(stmts, d, t, "fk",
				pt->fkeys[i]) : 0;
		break;
	case STRATA_OP_DROP_COLUMN:
		if (!(caps & STRATA_CAP_ADD_CONSTRAINT)) {
			/* SQLite drops a column in place only when nothing
			 * refers to it */
			int used = ct && column_referenced(ct, op->name);
			if (used) {
				error = rebuild(stmts, d, ct, op, flags);
				break;
			}
		}
		error = strata_ddl__drop_column(stmts, d, t, op->name);
		break;
	case STRATA_OP_ALTER_COLUMN: {
		const strata_table *bt = payload(op->before);
		const strata_column *from = bt && bt->column_count ?
			bt->columns[0] : (ct ? strata_table_column(ct, op->name) :
			NULL);
		const strata_column *to = pt && pt->column_count ?
			pt->columns[0] : NULL;
		unsigned int ch;
		if (!to) {
			error = strata_ddl__unsupported(strata_ddl__vtable(d),
				"alter_column %s.%s has no new definition",
				op->table, op->name);
			break;
		}
		if (!from) {
			error = strata_ddl__unsupported(strata_ddl__vtable(d),
				"alter_column %s.%s: the current definition is "
				"not known (give 'from:')", op->table, op->name);
			break;
		}
		ch = column_changes(from, to);
		if (!ch)
			break;
		if (!(caps & STRATA_CAP_ALTER_COLUMN) &&
		    ch != STRATA_DDL_ALTER_COMMENT) {
			if (!(error = need_current(op, ct)))
				error = rebuild(stmts, d, ct, op, flags);
			break;
		}
		error = strata_ddl__alter_column(stmts, d, t, from, to, ch);
		break;
	}
	case STRATA_OP_RENAME_COLUMN:
		error = strata_ddl__rename_column(stmts, d, t, op->name,
			op->new_name);
		break;
	case STRATA_OP_CREATE_INDEX:
	case STRATA_OP_DROP_INDEX:
		if (!pt || !pt->index_count) {
			/* drop by name */
			strata_index ix;
			memset(&ix, 0, sizeof(ix));
			ix.h.name = op->name;
			if (op->kind == STRATA_OP_CREATE_INDEX || !op->name) {
				error = strata_ddl__unsupported(
					strata_ddl__vtable(d), "%s on %s has no "
					"index", strata_op_kind_name(op->kind),
					op->table);
				break;
			}
			error = strata_ddl__drop_index(stmts, d, t, &ix);
			break;
		}
		if (op->kind == STRATA_OP_DROP_INDEX &&
		    (caps & STRATA_CAP_FK_NEEDS_INDEX) && ct &&
		    (error = keep_fk_index(stmts, d, ct, pt->indexes[0])) < 0)
			break;
		error = op->kind == STRATA_OP_CREATE_INDEX ?
			strata_ddl__create_index(stmts, d, t, pt->indexes[0]) :
			strata_ddl__drop_index(stmts, d, t, pt->indexes[0]);
		break;
	case STRATA_OP_ADD_UNIQUE:
	case STRATA_OP_DROP_UNIQUE:
	case STRATA_OP_ADD_FOREIGN_KEY:
	case STRATA_OP_DROP_FOREIGN_KEY:
	case STRATA_OP_ADD_CHECK:
	case STRATA_OP_DROP_CHECK:
	case STRATA_OP_ADD_PRIMARY_KEY:
	case STRATA_OP_DROP_PRIMARY_KEY: {
		const char *kind = "uq";
		const void *obj = NULL;
		int adding = op->kind == STRATA_OP_ADD_UNIQUE ||
			op->kind == STRATA_OP_ADD_FOREIGN_KEY ||
			op->kind == STRATA_OP_ADD_CHECK ||
			op->kind == STRATA_OP_ADD_PRIMARY_KEY;
		if (!(caps & STRATA_CAP_ADD_CONSTRAINT)) {
			if (!(error = need_current(op, ct)))
				error = rebuild(stmts, d, ct, op, flags);
			break;
		}
		if (op->kind == STRATA_OP_ADD_FOREIGN_KEY ||
		    op->kind == STRATA_OP_DROP_FOREIGN_KEY) {
			kind = "fk";
			obj = pt && pt->fkey_count ? pt->fkeys[0] : NULL;
		} else if (op->kind == STRATA_OP_ADD_CHECK ||
			   op->kind == STRATA_OP_DROP_CHECK) {
			kind = "ck";
			obj = pt && pt->check_count ? pt->checks[0] : NULL;
		} else if (op->kind == STRATA_OP_ADD_PRIMARY_KEY ||
			   op->kind == STRATA_OP_DROP_PRIMARY_KEY) {
			kind = "pk";
			obj = pt ? &pt->pkey : NULL;
		} else {
			obj = pt && pt->unique_count ? pt->uniques[0] : NULL;
		}
		if (!obj && !op->name) {
			error = strata_ddl__unsupported(strata_ddl__vtable(d),
				"%s on %s names nothing",
				strata_op_kind_name(op->kind), op->table);
			break;
		}
		if (!obj) {
			/* dropping by name only */
			strata_check byname;
			memset(&byname, 0, sizeof(byname));
			byname.h.name = op->name;
			obj = &byname;
			error = adding ? STRATA_EUNSUPPORTED :
				strata_ddl__drop_constraint(stmts, d, t, kind,
				obj);
			break;
		}
		error = adding ? strata_ddl__add_constraint(stmts, d, t, kind,
			obj) : strata_ddl__drop_constraint(stmts, d, t, kind, obj);
		if (!error && op->kind == STRATA_OP_DROP_FOREIGN_KEY &&
		    (caps & STRATA_CAP_FK_NEEDS_INDEX) && ct)
			error = drop_fk_index(stmts, d, ct, obj);
		break;
	}
	case STRATA_OP_CREATE_ENUM:
	case STRATA_OP_DROP_ENUM:
	case STRATA_OP_ALTER_ENUM: {
		const strata_schema *s = op->after ? op->after : op->before;
		if (!(caps & STRATA_CAP_NAMED_ENUMS))
			break; /* enum values live in the column types */
		if (op->kind == STRATA_OP_CREATE_ENUM)
			error = s && s->enum_count ? strata_ddl__create_enum(
				stmts, d, op->name, &s->enums[0]->values) :
				STRATA_EINVALID;
		else if (op->kind == STRATA_OP_DROP_ENUM)
			error = strata_ddl__drop_enum(stmts, d, op->name);
		else
			error = alter_enum(stmts, d, op, current);
		break;
	}
	case STRATA_OP_ALTER_TABLE_COMMENT: {
		strata_schema *c = NULL;
		strata_table *ctab;
		if (!(caps & STRATA_CAP_COMMENTS))
			break;
		if ((error = strata_schema__shell(&c, &ctab, op->table)) < 0)
			break;
		if (pt && pt->comment && !(ctab->comment =
			strata__strdup(pt->comment)))
			error = STRATA_ERROR;
		if (!error)
			error = strata_ddl__table_comment(stmts, d, ctab);
		strata_schema_free(c);
		break;
	}
	case STRATA_OP_SQL: {
		const char *text = sql_for(op, d);
		if (text)
			error = strata_ddl__split_sql(stmts, text);
		break;
	}
	default:
		error = strata_ddl__unsupported(strata_ddl__vtable(d),
			"unknown operation");
	}
	strata_schema_free(shell);
	return error;
}
