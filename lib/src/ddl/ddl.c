/*
 * DDL generation front end: dispatch to the dialect's vtable, the
 * standard-SQL pieces the dialects share, single-object statements for
 * migrations, and strata_ddl_create / strata_ddl_drop, which order whole
 * schemas (dependencies, enum types, foreign keys in cycles).
 */
#include <stdio.h>
#include "ddl_int.h"

#define TRY STRATA_DDL_TRY

static const strata_ddl_vtable *vtable_of(strata_dialect d)
{
	switch (d) {
	case STRATA_DIALECT_SQLITE: return &strata_ddl__sqlite;
	case STRATA_DIALECT_POSTGRES: return &strata_ddl__pg;
	case STRATA_DIALECT_MYSQL: return &strata_ddl__mysql;
	default: return NULL;
	}
}

const strata_ddl_vtable *strata_ddl__vtable(strata_dialect d)
{
	const strata_ddl_vtable *vt = vtable_of(d);

	if (!vt)
		strata_error__set(STRATA_ERROR_DDL, "no DDL generator for "
			"dialect '%s'", strata_dialect_name(d));
	return vt;
}

int strata_ddl__unsupported(const strata_ddl_vtable *vt, const char *fmt,
	...)
{
	strata_buf b = STRATA_BUF_INIT;
	va_list ap;

	strata_buf_printf(&b, "%s cannot ", vt->title);
	va_start(ap, fmt);
	strata_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	strata_error__set(STRATA_ERROR_DDL, "%s", b.ptr);
	strata_buf_dispose(&b);
	return STRATA_EUNSUPPORTED;
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

int strata_ddl__ident(strata_buf *out, const strata_ddl_vtable *vt,
	const char *name)
{
	return strata_dialect_quote_ident(out, vt->dialect, name);
}

int strata_ddl__literal(strata_buf *out, const strata_ddl_vtable *vt,
	const char *text)
{
	return strata_dialect_quote_literal(out, vt->dialect, text);
}

int strata_ddl__ident_list(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_strarray *names)
{
	size_t i;
	int error = 0;

	TRY(strata_buf_putc(out, '('));
	for (i = 0; i < names->count; i++) {
		if (i)
			TRY(strata_buf_puts(out, ", "));
		TRY(strata_ddl__ident(out, vt, names->strings[i]));
	}
	TRY(strata_buf_putc(out, ')'));
done:
	return error;
}

int strata_ddl__push(strata_strarray *stmts, strata_buf *b)
{
	int error = strata_strarray_add(stmts, b->ptr);

	strata_buf_clear(b);
	return error;
}

int strata_ddl__enum_name(strata_buf *out, strata_dialect d,
	const strata_table *t, const strata_column *c)
{
	strata_buf full = STRATA_BUF_INIT;
	int error = 0;

	if (c->type.enum_name && *c->type.enum_name)
		return strata_naming_shorten(out, d, c->type.enum_name);
	if (!t) {
		strata_error__set(STRATA_ERROR_INVALID, "the enum type of "
			"column '%s' is named after its table: the table is "
			"needed", c->name);
		return STRATA_EINVALID;
	}
	TRY(strata_buf_printf(&full, "%s_%s", t->name, c->name));
	TRY(strata_naming_shorten(out, d, full.ptr));
done:
	strata_buf_dispose(&full);
	return error;
}

int strata_ddl__is_sole_pk(const strata_table *t, const strata_column *c)
{
	return t && t->pkey.h.columns.count == 1 &&
		!strcmp(t->pkey.h.columns.strings[0], c->name);
}

int strata_ddl__numeric_args(strata_buf *out, const strata_type *type)
{
	if (type->precision >= 0 && type->scale >= 0)
		return strata_buf_printf(out, "(%d,%d)", type->precision,
			type->scale);
	if (type->precision >= 0)
		return strata_buf_printf(out, "(%d)", type->precision);
	return 0;
}

int strata_ddl__enum_width(const strata_type *type)
{
	size_t i;
	int max = 1;

	for (i = 0; i < type->values.count; i++) {
		const unsigned char *p =
			(const unsigned char *)type->values.strings[i];
		int n = 0;
		for (; *p; p++)
			if ((*p & 0xc0) != 0x80)
				n++;
		if (n > max)
			max = n;
	}
	return max;
}

const char *strata_ddl__fk_action_sql(strata_fk_action a)
{
	switch (a) {
	case STRATA_FK_RESTRICT: return "RESTRICT";
	case STRATA_FK_CASCADE: return "CASCADE";
	case STRATA_FK_SET_NULL: return "SET NULL";
	case STRATA_FK_SET_DEFAULT: return "SET DEFAULT";
	default: return NULL;
	}
}

/* ------------------------------------------------------------------ */
/* Standard pieces                                                     */

/* Whether text is a plain decimal number: [+-]digits[.digits][e[+-]n]. */
static int is_number(const char *s)
{
	int digits = 0;

	if (!s)
		return 0;
	if (*s == '+' || *s == '-')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static int bad_default(const strata_column *c, const char *why)
{
	strata_error__set(STRATA_ERROR_DDL, "invalid default of column '%s': "
		"%s", c->name, why);
	return STRATA_EINVALID;
}

int strata_ddl__std_default(strata_buf *out, strata_dialect d,
	const strata_column *c, const char *true_word,
	const char *false_word, int wrap_expr)
{
	const char *v = c->def.value;

	switch (c->def.kind) {
	case STRATA_DEFAULT_NONE:
		return 0;
	case STRATA_DEFAULT_STRING:
		return strata_dialect_quote_literal(out, d, v ? v : "");
	case STRATA_DEFAULT_NUMBER:
		if (!is_number(v))
			return bad_default(c, "not a number");
		return strata_buf_puts(out, v);
	case STRATA_DEFAULT_BOOLEAN:
		if (v && (!strata__strcasecmp(v, "true") || !strcmp(v, "1")))
			return strata_buf_puts(out, true_word);
		if (v && (!strata__strcasecmp(v, "false") || !strcmp(v, "0")))
			return strata_buf_puts(out, false_word);
		return bad_default(c, "not true or false");
	case STRATA_DEFAULT_NULL:
		return strata_buf_puts(out, "NULL");
	case STRATA_DEFAULT_NOW:
		return strata_buf_puts(out, "CURRENT_TIMESTAMP");
	case STRATA_DEFAULT_EXPR:
		if (!v || !*v)
			return bad_default(c, "empty SQL expression");
		return wrap_expr ? strata_buf_printf(out, "(%s)", v) :
			strata_buf_puts(out, v);
	}
	return bad_default(c, "unknown kind");
}

int strata_ddl__std_column_head(strata_buf *out,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_column *c, int explicit_null)
{
	int error = 0;

	TRY(strata_ddl__ident(out, vt, c->name));
	TRY(strata_buf_putc(out, ' '));
	TRY(vt->type(out, t, c));
	if (c->collation && *c->collation) {
		TRY(strata_buf_puts(out, " COLLATE "));
		TRY(strata_ddl__ident(out, vt, c->collation));
	}
	if (!c->nullable)
		TRY(strata_buf_puts(out, " NOT NULL"));
	else if (explicit_null)
		TRY(strata_buf_puts(out, " NULL"));
	if (c->def.kind != STRATA_DEFAULT_NONE) {
		TRY(strata_buf_puts(out, " DEFAULT "));
		TRY(vt->default_value(out, c));
	}
done:
	return error;
}

/* The constraint's name, or an empty buffer for a nameless check. */
static int constraint_name(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t, const char *kind, const void *obj)
{
	return strata_ddl_constraint_name(out, vt->dialect, t, kind, obj);
}

/* "CONSTRAINT <name> " when the object has a name. */
static int constraint_prefix(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t, const char *kind, const void *obj)
{
	strata_buf name = STRATA_BUF_INIT;
	int error = 0;

	TRY(constraint_name(&name, vt, t, kind, obj));
	if (name.size) {
		TRY(strata_buf_puts(out, "CONSTRAINT "));
		TRY(strata_ddl__ident(out, vt, name.ptr));
		TRY(strata_buf_putc(out, ' '));
	}
done:
	strata_buf_dispose(&name);
	return error;
}

int strata_ddl__std_pkey_item(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t)
{
	int error = 0;

	if (!vt->pkey_name)
		TRY(constraint_prefix(out, vt, t, "pk", &t->pkey));
	TRY(strata_buf_puts(out, "PRIMARY KEY "));
	TRY(strata_ddl__ident_list(out, vt, &t->pkey.h.columns));
done:
	return error;
}

int strata_ddl__std_unique_item(strata_buf *out,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_unique *u)
{
	int error = 0;

	TRY(constraint_prefix(out, vt, t, "uq", u));
	TRY(strata_buf_puts(out, "UNIQUE "));
	TRY(strata_ddl__ident_list(out, vt, &u->h.columns));
done:
	return error;
}

static int check_item(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t, const strata_check *ck)
{
	int error = 0;

	if (!ck->expr || !*ck->expr) {
		strata_error__set(STRATA_ERROR_DDL, "check constraint of "
			"table '%s' has no expression", t->name);
		return STRATA_EINVALID;
	}
	TRY(constraint_prefix(out, vt, t, "ck", ck));
	TRY(strata_buf_printf(out, "CHECK (%s)", ck->expr));
done:
	return error;
}

int strata_ddl__std_fkey_item(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t, const strata_fkey *fk, int deferrable)
{
	const char *action;
	int error = 0;

	TRY(constraint_prefix(out, vt, t, "fk", fk));
	TRY(strata_buf_puts(out, "FOREIGN KEY "));
	TRY(strata_ddl__ident_list(out, vt, &fk->h.columns));
	TRY(strata_buf_puts(out, " REFERENCES "));
	TRY(strata_ddl__ident(out, vt, fk->ref_table));
	if (fk->ref_columns.count) {
		TRY(strata_buf_putc(out, ' '));
		TRY(strata_ddl__ident_list(out, vt, &fk->ref_columns));
	}
	if ((action = strata_ddl__fk_action_sql(fk->on_delete)) != NULL)
		TRY(strata_buf_printf(out, " ON DELETE %s", action));
	if ((action = strata_ddl__fk_action_sql(fk->on_update)) != NULL)
		TRY(strata_buf_printf(out, " ON UPDATE %s", action));
	if (fk->deferrable && deferrable)
		TRY(strata_buf_puts(out, " DEFERRABLE INITIALLY DEFERRED"));
done:
	return error;
}

/* Whether s is a plain lower-case word (an index method name). */
static int is_word(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

int strata_ddl__std_create_index(strata_strarray *stmts,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_index *ix, int method_ok)
{
	strata_buf b = STRATA_BUF_INIT, name = STRATA_BUF_INIT;
	int error = 0;

	if (ix->method && *ix->method) {
		if (!method_ok) {
			error = strata_ddl__unsupported(vt, "use index method "
				"'%s' (index on table '%s')", ix->method,
				t->name);
			goto done;
		}
		if (!is_word(ix->method)) {
			strata_error__set(STRATA_ERROR_DDL, "invalid index "
				"method '%s'", ix->method);
			error = STRATA_EINVALID;
			goto done;
		}
	}
	if (!ix->h.columns.count && (!ix->expr || !*ix->expr)) {
		strata_error__set(STRATA_ERROR_DDL, "index on table '%s' has "
			"neither columns nor an expression", t->name);
		error = STRATA_EINVALID;
		goto done;
	}
	TRY(constraint_name(&name, vt, t, "ix", ix));
	TRY(strata_buf_puts(&b, ix->unique ? "CREATE UNIQUE INDEX " :
		"CREATE INDEX "));
	TRY(strata_ddl__ident(&b, vt, name.ptr));
	TRY(strata_buf_puts(&b, " ON "));
	TRY(strata_ddl__ident(&b, vt, t->name));
	if (ix->method && *ix->method)
		TRY(strata_buf_printf(&b, " USING %s", ix->method));
	TRY(strata_buf_putc(&b, ' '));
	if (ix->h.columns.count)
		TRY(strata_ddl__ident_list(&b, vt, &ix->h.columns));
	else
		TRY(strata_buf_printf(&b, "(%s)", ix->expr));
	if (ix->where && *ix->where)
		TRY(strata_buf_printf(&b, " WHERE %s", ix->where));
	TRY(strata_ddl__push(stmts, &b));
done:
	strata_buf_dispose(&b);
	strata_buf_dispose(&name);
	return error;
}

int strata_ddl__std_drop_index(strata_strarray *stmts,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_index *ix)
{
	strata_buf b = STRATA_BUF_INIT, name = STRATA_BUF_INIT;
	int error = 0;

	TRY(constraint_name(&name, vt, t, "ix", ix));
	TRY(strata_buf_puts(&b, "DROP INDEX "));
	TRY(strata_ddl__ident(&b, vt, name.ptr));
	TRY(strata_ddl__push(stmts, &b));
done:
	strata_buf_dispose(&b);
	strata_buf_dispose(&name);
	return error;
}

int strata_ddl__std_drop_constraint(strata_strarray *stmts,
	const strata_ddl_vtable *vt, const strata_table *t,
	const char *kind, const char *name)
{
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	STRATA_UNUSED(kind);
	TRY(strata_buf_puts(&b, "ALTER TABLE "));
	TRY(strata_ddl__ident(&b, vt, t->name));
	TRY(strata_buf_puts(&b, " DROP CONSTRAINT "));
	TRY(strata_ddl__ident(&b, vt, name));
	TRY(strata_ddl__push(stmts, &b));
done:
	strata_buf_dispose(&b);
	return error;
}

/* ------------------------------------------------------------------ */
/* Public fragments                                                    */

int strata_ddl_type(strata_buf *out, strata_dialect d,
	const strata_table *table, const strata_column *column)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(column);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	return vt->type(out, table, column);
}

int strata_ddl_default(strata_buf *out, strata_dialect d,
	const strata_column *column)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(column);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	return vt->default_value(out, column);
}

int strata_ddl_constraint_name(strata_buf *out, strata_dialect d,
	const strata_table *table, const char *kind, const void *obj)
{
	const strata_ddl_vtable *vt = vtable_of(d);
	const strata_constraint_head *h;
	const char *ref = NULL;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(table);
	STRATA_ASSERT_ARG(kind);
	if (!strcmp(kind, "pk")) {
		if (vt && vt->pkey_name)
			return strata_buf_puts(out, vt->pkey_name);
		h = obj ? &((const strata_pkey *)obj)->h : &table->pkey.h;
	} else if (!strcmp(kind, "uq")) {
		STRATA_ASSERT_ARG(obj);
		h = &((const strata_unique *)obj)->h;
	} else if (!strcmp(kind, "ix")) {
		STRATA_ASSERT_ARG(obj);
		h = &((const strata_index *)obj)->h;
	} else if (!strcmp(kind, "fk")) {
		STRATA_ASSERT_ARG(obj);
		h = &((const strata_fkey *)obj)->h;
		ref = ((const strata_fkey *)obj)->ref_table;
	} else if (!strcmp(kind, "ck")) {
		STRATA_ASSERT_ARG(obj);
		h = &((const strata_check *)obj)->h;
	} else {
		strata_error__set(STRATA_ERROR_INVALID, "unknown constraint "
			"kind '%s' (expected pk, uq, ix, fk or ck)", kind);
		return STRATA_EINVALID;
	}
	if (h->name && *h->name)
		return strata_naming_shorten(out, d, h->name);
	if (!strcmp(kind, "ck"))
		return 0; /* the database names it */
	/* pk_<table>; the others name their columns. */
	return strata_naming_convention(out, d, kind, table->name,
		strcmp(kind, "pk") ? &h->columns : NULL, ref);
}

/* ------------------------------------------------------------------ */
/* Single-object statements                                            */

int strata_ddl__column(strata_buf *out, strata_dialect d,
	const strata_table *t, const strata_column *c)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(c);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	return vt->column(out, t, c);
}

static int item(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t, const char *kind, const void *obj)
{
	if (!strcmp(kind, "pk"))
		return vt->pkey_item(out, t);
	if (!strcmp(kind, "uq"))
		return vt->unique_item(out, t, obj);
	if (!strcmp(kind, "fk"))
		return vt->fkey_item(out, t, obj);
	if (!strcmp(kind, "ck"))
		return check_item(out, vt, t, obj);
	if (!strcmp(kind, "ix") && vt->index_item)
		return vt->index_item(out, t, obj);
	strata_error__set(STRATA_ERROR_INVALID, "'%s' is not a table item "
		"of %s", kind, vt->title);
	return STRATA_EINVALID;
}

int strata_ddl__item(strata_buf *out, strata_dialect d,
	const strata_table *t, const char *kind, const void *obj)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(kind);
	STRATA_ASSERT_ARG(obj || !strcmp(kind, "pk"));
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	return item(out, vt, t, kind, obj);
}

/* Starts a body line of CREATE TABLE: ",\n  " after the first. */
static int body_line(strata_buf *b, int *first)
{
	int error = strata_buf_puts(b, *first ? "\n  " : ",\n  ");

	*first = 0;
	return error;
}

int strata_ddl__create_table(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const unsigned char *fk_inline)
{
	const strata_ddl_vtable *vt;
	strata_buf b = STRATA_BUF_INIT;
	int first = 1, error = 0;
	size_t i;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	for (i = 0; vt->column_prereqs && i < t->column_count; i++)
		TRY(vt->column_prereqs(stmts, t->columns[i]));
	TRY(strata_buf_puts(&b, "CREATE TABLE "));
	TRY(strata_ddl__ident(&b, vt, t->name));
	TRY(strata_buf_puts(&b, " ("));
	for (i = 0; i < t->column_count; i++) {
		TRY(body_line(&b, &first));
		TRY(vt->column(&b, t, t->columns[i]));
	}
	if (t->pkey.h.columns.count) {
		TRY(body_line(&b, &first));
		TRY(vt->pkey_item(&b, t));
	}
	for (i = 0; i < t->unique_count; i++) {
		TRY(body_line(&b, &first));
		TRY(vt->unique_item(&b, t, t->uniques[i]));
	}
	for (i = 0; vt->flags & STRATA_DDL_INLINE_INDEXES &&
	     i < t->index_count; i++) {
		TRY(body_line(&b, &first));
		TRY(vt->index_item(&b, t, t->indexes[i]));
	}
	for (i = 0; i < t->check_count; i++) {
		TRY(body_line(&b, &first));
		TRY(check_item(&b, vt, t, t->checks[i]));
	}
	for (i = 0; i < t->fkey_count; i++) {
		if (fk_inline && !fk_inline[i])
			continue;
		TRY(body_line(&b, &first));
		TRY(vt->fkey_item(&b, t, t->fkeys[i]));
	}
	TRY(strata_buf_puts(&b, "\n)"));
	if (vt->table_options)
		TRY(vt->table_options(&b, t));
	TRY(strata_ddl__push(stmts, &b));
	for (i = 0; !(vt->flags & STRATA_DDL_INLINE_INDEXES) &&
	     i < t->index_count; i++)
		TRY(vt->create_index(stmts, t, t->indexes[i]));
	if (!(vt->flags & STRATA_DDL_INLINE_COMMENTS)) {
		if (t->comment && vt->table_comment)
			TRY(vt->table_comment(stmts, t));
		for (i = 0; vt->column_comment && i < t->column_count; i++)
			if (t->columns[i]->comment)
				TRY(vt->column_comment(stmts, t,
					t->columns[i]));
	}
done:
	strata_buf_dispose(&b);
	return error;
}

/* ALTER TABLE "t" <rest...> as one statement. */
static int alter_table(strata_strarray *stmts, const strata_ddl_vtable *vt,
	const char *table, const char *fmt, ...) STRATA_FORMAT(4, 5);

static int alter_table(strata_strarray *stmts, const strata_ddl_vtable *vt,
	const char *table, const char *fmt, ...)
{
	strata_buf b = STRATA_BUF_INIT;
	va_list ap;
	int error = 0;

	TRY(strata_buf_puts(&b, "ALTER TABLE "));
	TRY(strata_ddl__ident(&b, vt, table));
	TRY(strata_buf_putc(&b, ' '));
	va_start(ap, fmt);
	error = strata_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (error < 0)
		goto done;
	TRY(strata_ddl__push(stmts, &b));
done:
	strata_buf_dispose(&b);
	return error;
}

int strata_ddl__drop_table(strata_strarray *stmts, strata_dialect d,
	const strata_table *t)
{
	const strata_ddl_vtable *vt;
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	TRY(strata_buf_puts(&b, "DROP TABLE "));
	TRY(strata_ddl__ident(&b, vt, t->name));
	TRY(strata_ddl__push(stmts, &b));
done:
	strata_buf_dispose(&b);
	return error;
}

int strata_ddl__rename_table(strata_strarray *stmts, strata_dialect d,
	const char *from, const char *to)
{
	const strata_ddl_vtable *vt;
	strata_buf q = STRATA_BUF_INIT;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(from);
	STRATA_ASSERT_ARG(to);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	TRY(strata_ddl__ident(&q, vt, to));
	TRY(alter_table(stmts, vt, from, "RENAME TO %s", q.ptr));
done:
	strata_buf_dispose(&q);
	return error;
}

int strata_ddl__add_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_column *c)
{
	const strata_ddl_vtable *vt;
	strata_buf col = STRATA_BUF_INIT;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(c);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	if (vt->column_prereqs)
		TRY(vt->column_prereqs(stmts, c));
	TRY(vt->column(&col, t, c));
	TRY(alter_table(stmts, vt, t->name, "ADD COLUMN %s", col.ptr));
	if (!(vt->flags & STRATA_DDL_INLINE_COMMENTS) && c->comment &&
	    vt->column_comment)
		TRY(vt->column_comment(stmts, t, c));
done:
	strata_buf_dispose(&col);
	return error;
}

int strata_ddl__drop_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *column)
{
	const strata_ddl_vtable *vt;
	strata_buf q = STRATA_BUF_INIT;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(column);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	if (!(strata_dialect_caps(d) & STRATA_CAP_DROP_COLUMN))
		return strata_ddl__unsupported(vt, "drop column '%s' of table "
			"'%s'", column, t->name);
	TRY(strata_ddl__ident(&q, vt, column));
	TRY(alter_table(stmts, vt, t->name, "DROP COLUMN %s", q.ptr));
done:
	strata_buf_dispose(&q);
	return error;
}

int strata_ddl__rename_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *from, const char *to)
{
	const strata_ddl_vtable *vt;
	strata_buf a = STRATA_BUF_INIT, b = STRATA_BUF_INIT;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(from);
	STRATA_ASSERT_ARG(to);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	TRY(strata_ddl__ident(&a, vt, from));
	TRY(strata_ddl__ident(&b, vt, to));
	TRY(alter_table(stmts, vt, t->name, "RENAME COLUMN %s TO %s", a.ptr,
		b.ptr));
done:
	strata_buf_dispose(&a);
	strata_buf_dispose(&b);
	return error;
}

int strata_ddl__alter_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_column *from,
	const strata_column *to, unsigned int changes)
{
	const strata_ddl_vtable *vt;
	int error;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(from);
	STRATA_ASSERT_ARG(to);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	if (!changes)
		return 0;
	if (changes == STRATA_DDL_ALTER_COMMENT &&
	    !(strata_dialect_caps(d) & STRATA_CAP_COMMENTS))
		return 0; /* comments are not kept: nothing to do */
	if (!vt->alter_column)
		return strata_ddl__unsupported(vt, "alter column '%s' of "
			"table '%s' in place", from->name, t->name);
	if ((changes & STRATA_DDL_ALTER_DEFAULT) && vt->column_prereqs &&
	    (error = vt->column_prereqs(stmts, to)) < 0)
		return error;
	return vt->alter_column(stmts, t, from, to, changes);
}

int strata_ddl__create_index(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_index *ix)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(ix);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	return vt->create_index(stmts, t, ix);
}

int strata_ddl__drop_index(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_index *ix)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(ix);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	return vt->drop_index(stmts, t, ix);
}

static const char *kind_word(const char *kind)
{
	if (!strcmp(kind, "pk"))
		return "primary key";
	if (!strcmp(kind, "uq"))
		return "unique constraint";
	if (!strcmp(kind, "fk"))
		return "foreign key";
	if (!strcmp(kind, "ck"))
		return "check constraint";
	return NULL;
}

/* The checks add_constraint and drop_constraint share; *vt receives the
 * dialect's vtable. */
static int constraint_args(const strata_ddl_vtable **vt,
	const strata_strarray *stmts, strata_dialect d, const strata_table *t,
	const char *kind, const void *obj)
{
	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(kind);
	STRATA_ASSERT_ARG(obj || !strcmp(kind, "pk"));
	if (!(*vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	if (!kind_word(kind)) {
		strata_error__set(STRATA_ERROR_INVALID, "unknown constraint "
			"kind '%s' (expected pk, uq, fk or ck)", kind);
		return STRATA_EINVALID;
	}
	return 0;
}

int strata_ddl__add_constraint(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *kind, const void *obj)
{
	const strata_ddl_vtable *vt;
	strata_buf it = STRATA_BUF_INIT;
	int error = 0;

	if ((error = constraint_args(&vt, stmts, d, t, kind, obj)) < 0)
		return error;
	if (!(strata_dialect_caps(d) & STRATA_CAP_ADD_CONSTRAINT))
		return strata_ddl__unsupported(vt, "add a %s to the existing "
			"table '%s'", kind_word(kind), t->name);
	TRY(item(&it, vt, t, kind, obj));
	TRY(alter_table(stmts, vt, t->name, "ADD %s", it.ptr));
done:
	strata_buf_dispose(&it);
	return error;
}

int strata_ddl__drop_constraint(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *kind, const void *obj)
{
	const strata_ddl_vtable *vt;
	strata_buf name = STRATA_BUF_INIT;
	int error = 0;

	if ((error = constraint_args(&vt, stmts, d, t, kind, obj)) < 0)
		return error;
	if (!vt->drop_constraint)
		return strata_ddl__unsupported(vt, "drop a %s of the existing "
			"table '%s'", kind_word(kind), t->name);
	TRY(constraint_name(&name, vt, t, kind, obj));
	if (!name.size) {
		strata_error__set(STRATA_ERROR_DDL, "a check constraint of "
			"table '%s' without a name cannot be dropped", t->name);
		error = STRATA_EINVALID;
		goto done;
	}
	TRY(vt->drop_constraint(stmts, t, kind, name.ptr));
done:
	strata_buf_dispose(&name);
	return error;
}

int strata_ddl__create_enum(strata_strarray *stmts, strata_dialect d,
	const char *name, const strata_strarray *values)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(name);
	STRATA_ASSERT_ARG(values);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	if (!vt->create_enum)
		return strata_ddl__unsupported(vt, "create the named enum "
			"type '%s'", name);
	return vt->create_enum(stmts, name, values);
}

int strata_ddl__drop_enum(strata_strarray *stmts, strata_dialect d,
	const char *name)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(name);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	if (!vt->drop_enum)
		return strata_ddl__unsupported(vt, "drop the named enum type "
			"'%s'", name);
	return vt->drop_enum(stmts, name);
}

int strata_ddl__add_enum_value(strata_strarray *stmts, strata_dialect d,
	const char *name, const char *value, const char *after)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(name);
	STRATA_ASSERT_ARG(value);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	if (!vt->add_enum_value)
		return strata_ddl__unsupported(vt, "alter the named enum type "
			"'%s'", name);
	return vt->add_enum_value(stmts, name, value, after);
}

int strata_ddl__table_comment(strata_strarray *stmts, strata_dialect d,
	const strata_table *t)
{
	const strata_ddl_vtable *vt;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(t);
	if (!(vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	return vt->table_comment ? vt->table_comment(stmts, t) : 0;
}

/* ------------------------------------------------------------------ */
/* Whole schemas                                                       */

/* The tables to create or drop, in dependency order. */
typedef struct {
	const strata_schema *schema;
	const strata_ddl_vtable *vt;
	unsigned char *selected; /* per schema table */
	size_t *seq;             /* selected tables in dependency order */
	size_t count;            /* entries in seq */
	size_t *pos;             /* per schema table: index in seq */
	int all;                 /* every table of the schema */
	strata_strarray enum_names; /* named enum types the tables own */
	strata_vec enum_values;  /* matching const strata_strarray * */
} plan;

static void plan_dispose(plan *p)
{
	strata__free(p->selected);
	strata__free(p->seq);
	strata__free(p->pos);
	strata_strarray_dispose(&p->enum_names);
	strata_vec_dispose(&p->enum_values);
}

static long find_table(const strata_schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->table_count; i++)
		if (!strcmp(s->tables[i]->name, name))
			return (long)i;
	return -1;
}

static long find_string(const strata_strarray *a, const char *s)
{
	size_t i;

	for (i = 0; i < a->count; i++)
		if (!strcmp(a->strings[i], s))
			return (long)i;
	return -1;
}

static int same_values(const strata_strarray *a, const strata_strarray *b)
{
	size_t i;

	if (a->count != b->count)
		return 0;
	for (i = 0; i < a->count; i++)
		if (strcmp(a->strings[i], b->strings[i]))
			return 0;
	return 1;
}

/* Whether a table outside the plan uses the named enum type. */
static int enum_used_outside(const plan *p, const char *name, int *used)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i, j;
	int error = 0;

	*used = 0;
	for (i = 0; i < p->schema->table_count && !*used; i++) {
		const strata_table *t = p->schema->tables[i];
		if (p->selected[i])
			continue;
		for (j = 0; j < t->column_count && !*used; j++) {
			if (t->columns[j]->type.kind != STRATA_TYPE_ENUM)
				continue;
			strata_buf_clear(&b);
			TRY(strata_ddl__enum_name(&b, p->vt->dialect, t,
				t->columns[j]));
			*used = !strcmp(b.ptr, name);
		}
	}
done:
	strata_buf_dispose(&b);
	return error;
}

/* Named enum types to create with the tables (or drop after them): each
 * once, in the order of first use; those a table outside the plan still
 * uses are left alone. */
static int plan_enums(plan *p)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_strarray names = { NULL, 0 }, owners = { NULL, 0 };
	strata_vec values = STRATA_VEC_INIT;
	size_t i, j;
	long k;
	int error = 0, used;

	if (!(strata_dialect_caps(p->vt->dialect) & STRATA_CAP_NAMED_ENUMS))
		return 0;
	for (i = 0; i < p->count; i++) {
		const strata_table *t = p->schema->tables[p->seq[i]];
		for (j = 0; j < t->column_count; j++) {
			const strata_column *c = t->columns[j];
			if (c->type.kind != STRATA_TYPE_ENUM)
				continue;
			strata_buf_clear(&b);
			TRY(strata_ddl__enum_name(&b, p->vt->dialect, t, c));
			if ((k = find_string(&names, b.ptr)) >= 0) {
				if (!same_values(values.items[k],
				    &c->type.values)) {
					strata_error__set(STRATA_ERROR_DDL,
						"enum type '%s' has different "
						"values in %s and %s.%s",
						b.ptr, owners.strings[k],
						t->name, c->name);
					error = STRATA_EINVALID;
					goto done;
				}
				continue;
			}
			TRY(strata_strarray_add(&names, b.ptr));
			strata_buf_clear(&b);
			TRY(strata_buf_printf(&b, "%s.%s", t->name, c->name));
			TRY(strata_strarray_add(&owners, b.ptr));
			TRY(strata_vec_push(&values,
				(void *)&c->type.values));
		}
	}
	for (i = 0; p->all && i < p->schema->enum_count; i++) {
		const strata_enum *e = p->schema->enums[i];
		if (find_string(&names, e->name) >= 0)
			continue;
		TRY(strata_strarray_add(&names, e->name));
		TRY(strata_strarray_add(&owners, e->name));
		TRY(strata_vec_push(&values, (void *)&e->values));
	}
	for (i = 0; i < names.count; i++) {
		TRY(enum_used_outside(p, names.strings[i], &used));
		if (used)
			continue;
		TRY(strata_strarray_add(&p->enum_names, names.strings[i]));
		TRY(strata_vec_push(&p->enum_values, values.items[i]));
	}
done:
	strata_buf_dispose(&b);
	strata_strarray_dispose(&names);
	strata_strarray_dispose(&owners);
	strata_vec_dispose(&values);
	return error;
}

static int plan_init(plan *p, const strata_schema *schema, strata_dialect d,
	const strata_strarray *tables)
{
	size_t n = schema->table_count, i, *order = NULL;
	int error = 0;

	memset(p, 0, sizeof(*p));
	p->schema = schema;
	if (!(p->vt = strata_ddl__vtable(d)))
		return STRATA_EINVALID;
	p->all = tables == NULL;
	p->selected = strata__calloc(n ? n : 1, 1);
	p->seq = strata__calloc(n ? n : 1, sizeof(size_t));
	p->pos = strata__calloc(n ? n : 1, sizeof(size_t));
	order = strata__calloc(n ? n : 1, sizeof(size_t));
	if (!p->selected || !p->seq || !p->pos || !order) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	for (i = 0; tables && i < tables->count; i++) {
		long k = find_table(schema, tables->strings[i]);
		if (k < 0) {
			strata_error__set(STRATA_ERROR_DDL, "table '%s' is not "
				"in the schema", tables->strings[i]);
			error = STRATA_ENOTFOUND;
			goto done;
		}
		p->selected[k] = 1;
	}
	if (!tables)
		memset(p->selected, 1, n);
	TRY(strata_schema_dependency_order(order, schema));
	for (i = 0; i < n; i++)
		if (p->selected[order[i]]) {
			p->pos[order[i]] = p->count;
			p->seq[p->count++] = order[i];
		}
	TRY(plan_enums(p));
done:
	strata__free(order);
	return error;
}

/* Whether a foreign key of schema table `ti` goes inside its CREATE
 * TABLE: always where constraints cannot be added later (SQLite checks
 * foreign keys only when rows change, so forward references are fine);
 * elsewhere when its target exists by then. */
static int fk_is_inline(const plan *p, size_t ti, const strata_fkey *fk)
{
	long r;

	if (!(strata_dialect_caps(p->vt->dialect) & STRATA_CAP_ADD_CONSTRAINT))
		return 1;
	r = find_table(p->schema, fk->ref_table);
	if (r < 0 || (size_t)r == ti || !p->selected[r])
		return 1;
	return p->pos[r] < p->pos[ti];
}

/* Moves every string of `from` to the end of `to`. */
static int move_all(strata_strarray *to, strata_strarray *from)
{
	char **n;

	if (!from->count)
		return 0;
	n = strata__realloc(to->strings,
		(to->count + from->count) * sizeof(char *));
	STRATA_ERROR_CHECK_ALLOC(n);
	memcpy(n + to->count, from->strings, from->count * sizeof(char *));
	to->strings = n;
	to->count += from->count;
	strata__free(from->strings);
	from->strings = NULL;
	from->count = 0;
	return 0;
}

int strata_ddl_create(strata_strarray *stmts, const strata_schema *schema,
	strata_dialect d, const strata_strarray *tables)
{
	strata_strarray out = { NULL, 0 };
	unsigned char *inl = NULL;
	plan p;
	size_t i, j;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(schema);
	TRY(plan_init(&p, schema, d, tables));
	for (i = 0; i < p.enum_names.count; i++)
		TRY(p.vt->create_enum(&out, p.enum_names.strings[i],
			p.enum_values.items[i]));
	for (i = 0; i < p.count; i++) {
		const strata_table *t = schema->tables[p.seq[i]];
		strata__free(inl);
		inl = strata__calloc(t->fkey_count ? t->fkey_count : 1, 1);
		if (!inl) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		for (j = 0; j < t->fkey_count; j++)
			inl[j] = (unsigned char)fk_is_inline(&p, p.seq[i],
				t->fkeys[j]);
		TRY(strata_ddl__create_table(&out, d, t, inl));
	}
	for (i = 0; i < p.count; i++) {
		const strata_table *t = schema->tables[p.seq[i]];
		for (j = 0; j < t->fkey_count; j++)
			if (!fk_is_inline(&p, p.seq[i], t->fkeys[j]))
				TRY(strata_ddl__add_constraint(&out, d, t, "fk",
					t->fkeys[j]));
	}
	TRY(move_all(stmts, &out));
done:
	strata__free(inl);
	strata_strarray_dispose(&out);
	plan_dispose(&p);
	return error;
}

int strata_ddl_drop(strata_strarray *stmts, const strata_schema *schema,
	strata_dialect d, const strata_strarray *tables)
{
	strata_strarray out = { NULL, 0 };
	plan p;
	size_t i, j;
	int error = 0;

	STRATA_ASSERT_ARG(stmts);
	STRATA_ASSERT_ARG(schema);
	TRY(plan_init(&p, schema, d, tables));
	/* Foreign keys pointing forward (cycles) would block the drops. */
	for (i = 0; i < p.count; i++) {
		const strata_table *t = schema->tables[p.seq[i]];
		for (j = 0; j < t->fkey_count; j++)
			if (!fk_is_inline(&p, p.seq[i], t->fkeys[j]))
				TRY(strata_ddl__drop_constraint(&out, d, t,
					"fk", t->fkeys[j]));
	}
	for (i = p.count; i-- > 0;)
		TRY(strata_ddl__drop_table(&out, d, schema->tables[p.seq[i]]));
	for (i = 0; i < p.enum_names.count; i++)
		TRY(p.vt->drop_enum(&out, p.enum_names.strings[i]));
	TRY(move_all(stmts, &out));
done:
	strata_strarray_dispose(&out);
	plan_dispose(&p);
	return error;
}
