/*
 * MySQL / MariaDB DDL: canonical types, AUTO_INCREMENT, inline ENUM,
 * keys and indexes as items of CREATE TABLE (so InnoDB never invents an
 * index for a foreign key that has one), inline comments, table options
 * (the database's defaults unless the model gives some), and MODIFY
 * COLUMN for every column change.
 */
#include <stdlib.h>
#include "ddl_int.h"

#define TRY STRATA_DDL_TRY

static int int_type(strata_buf *out, const strata_type *ty, const char *word)
{
	if (strata_buf_puts(out, word) < 0)
		return STRATA_ERROR;
	return ty->is_unsigned ? strata_buf_puts(out, " UNSIGNED") : 0;
}

static int mysql_type(strata_buf *out, const strata_table *t,
	const strata_column *c)
{
	const strata_type *ty = &c->type;
	size_t i;

	switch (ty->kind) {
	case STRATA_TYPE_INTEGER: return int_type(out, ty, "INT");
	case STRATA_TYPE_SMALLINT: return int_type(out, ty, "SMALLINT");
	case STRATA_TYPE_BIGINT: return int_type(out, ty, "BIGINT");
	case STRATA_TYPE_BOOLEAN: return strata_buf_puts(out, "TINYINT(1)");
	case STRATA_TYPE_FLOAT: return strata_buf_puts(out, "FLOAT");
	case STRATA_TYPE_DOUBLE: return strata_buf_puts(out, "DOUBLE");
	case STRATA_TYPE_NUMERIC:
		if (strata_buf_puts(out, "DECIMAL") < 0)
			return STRATA_ERROR;
		return strata_ddl__numeric_args(out, ty);
	case STRATA_TYPE_STRING:
		if (ty->length <= 0) {
			strata_error__set(STRATA_ERROR_DDL, "column '%s%s%s': "
				"MySQL needs a length for string columns, "
				"e.g. string(255)", t ? t->name : "",
				t ? "." : "", c->name);
			return STRATA_EINVALID;
		}
		return strata_buf_printf(out, "VARCHAR(%d)", ty->length);
	case STRATA_TYPE_CHAR:
		return ty->length > 0 ?
			strata_buf_printf(out, "CHAR(%d)", ty->length) :
			strata_buf_puts(out, "CHAR");
	case STRATA_TYPE_TEXT: return strata_buf_puts(out, "TEXT");
	case STRATA_TYPE_DATE: return strata_buf_puts(out, "DATE");
	case STRATA_TYPE_TIME: return strata_buf_puts(out, "TIME");
	case STRATA_TYPE_DATETIME: return strata_buf_puts(out, "DATETIME");
	case STRATA_TYPE_TIMESTAMPTZ:
		return strata_buf_puts(out, "TIMESTAMP");
	case STRATA_TYPE_BINARY:
		return ty->length > 0 ?
			strata_buf_printf(out, "VARBINARY(%d)", ty->length) :
			strata_buf_puts(out, "BLOB");
	case STRATA_TYPE_JSON: return strata_buf_puts(out, "JSON");
	case STRATA_TYPE_UUID: return strata_buf_puts(out, "CHAR(36)");
	case STRATA_TYPE_ENUM:
		if (strata_buf_puts(out, "ENUM(") < 0)
			return STRATA_ERROR;
		for (i = 0; i < ty->values.count; i++) {
			if (i && strata_buf_putc(out, ',') < 0)
				return STRATA_ERROR;
			if (strata_ddl__literal(out, &strata_ddl__mysql,
			    ty->values.strings[i]) < 0)
				return STRATA_ERROR;
		}
		return strata_buf_putc(out, ')');
	case STRATA_TYPE_NATIVE:
		return strata_buf_puts(out, ty->native ? ty->native : "");
	}
	strata_error__set(STRATA_ERROR_DDL, "column '%s' has an unknown type",
		c->name);
	return STRATA_EINVALID;
}

static int mysql_default(strata_buf *out, const strata_column *c)
{
	/* MySQL 8 takes expression defaults only in parentheses; MariaDB
	 * takes both forms. */
	return strata_ddl__std_default(out, STRATA_DIALECT_MYSQL, c, "1", "0",
		1);
}

static int mysql_column(strata_buf *out, const strata_table *t,
	const strata_column *c)
{
	int error = 0;

	/* A TIMESTAMP is NOT NULL unless told otherwise when
	 * explicit_defaults_for_timestamp is off: say NULL. */
	TRY(strata_ddl__std_column_head(out, &strata_ddl__mysql, t, c,
		c->type.kind == STRATA_TYPE_TIMESTAMPTZ));
	if (c->autoincrement)
		TRY(strata_buf_puts(out, " AUTO_INCREMENT"));
	if (c->comment) {
		TRY(strata_buf_puts(out, " COMMENT "));
		TRY(strata_ddl__literal(out, &strata_ddl__mysql, c->comment));
	}
done:
	return error;
}

static int mysql_pkey_item(strata_buf *out, const strata_table *t)
{
	return strata_ddl__std_pkey_item(out, &strata_ddl__mysql, t);
}

/* `<word> `name` (cols)` for keys. */
static int key_item(strata_buf *out, const strata_table *t,
	const char *word, const char *kind, const void *obj,
	const strata_strarray *columns)
{
	strata_buf name = STRATA_BUF_INIT;
	int error = 0;

	TRY(strata_ddl_constraint_name(&name, STRATA_DIALECT_MYSQL, t, kind,
		obj));
	TRY(strata_buf_printf(out, "%s ", word));
	TRY(strata_ddl__ident(out, &strata_ddl__mysql, name.ptr));
	if (columns) {
		TRY(strata_buf_putc(out, ' '));
		TRY(strata_ddl__ident_list(out, &strata_ddl__mysql, columns));
	}
done:
	strata_buf_dispose(&name);
	return error;
}

static int mysql_unique_item(strata_buf *out, const strata_table *t,
	const strata_unique *u)
{
	return key_item(out, t, "UNIQUE KEY", "uq", u, &u->h.columns);
}

static int mysql_fkey_item(strata_buf *out, const strata_table *t,
	const strata_fkey *fk)
{
	/* InnoDB has no deferred constraints. */
	return strata_ddl__std_fkey_item(out, &strata_ddl__mysql, t, fk, 0);
}

/* The key parts with prefix lengths: (`a`(10), `b`). */
static int key_parts(strata_buf *out, const strata_index *ix)
{
	const char *p = ix->prefix;
	size_t i;
	int error = 0;

	TRY(strata_buf_putc(out, '('));
	for (i = 0; i < ix->h.columns.count; i++) {
		long len = 0;
		if (i)
			TRY(strata_buf_puts(out, ", "));
		TRY(strata_ddl__ident(out, &strata_ddl__mysql,
			ix->h.columns.strings[i]));
		if (p && *p) {
			char *end;
			len = strtol(p, &end, 10);
			p = *end == ',' ? end + 1 : end;
		}
		if (len > 0)
			TRY(strata_buf_printf(out, "(%ld)", len));
	}
	TRY(strata_buf_putc(out, ')'));
done:
	return error;
}

static int mysql_index_item(strata_buf *out, const strata_table *t,
	const strata_index *ix)
{
	const char *word = ix->unique ? "UNIQUE KEY" : "KEY";
	const char *using = NULL;
	int error = 0;

	if (ix->where && *ix->where)
		return strata_ddl__unsupported(&strata_ddl__mysql, "create "
			"a partial index (index on table '%s' with WHERE %s)",
			t->name, ix->where);
	if (ix->method && *ix->method) {
		if (!strata__strcasecmp(ix->method, "fulltext"))
			word = "FULLTEXT KEY";
		else if (!strata__strcasecmp(ix->method, "spatial"))
			word = "SPATIAL KEY";
		else if (!strata__strcasecmp(ix->method, "btree"))
			using = "BTREE";
		else if (!strata__strcasecmp(ix->method, "hash"))
			using = "HASH";
		else
			return strata_ddl__unsupported(&strata_ddl__mysql,
				"use index method '%s' (index on table '%s')",
				ix->method, t->name);
	}
	if (!ix->h.columns.count && (!ix->expr || !*ix->expr)) {
		strata_error__set(STRATA_ERROR_DDL, "index on table '%s' has "
			"neither columns nor an expression", t->name);
		return STRATA_EINVALID;
	}
	TRY(key_item(out, t, word, "ix", ix, NULL));
	TRY(strata_buf_putc(out, ' '));
	if (ix->h.columns.count)
		TRY(key_parts(out, ix));
	else
		TRY(strata_buf_printf(out, "((%s))", ix->expr));
	if (using)
		TRY(strata_buf_printf(out, " USING %s", using));
done:
	return error;
}

/* The table's options verbatim; without any, none: the table takes the
 * database's default engine, character set and collation, so that it
 * reads back without options (introspection keeps only what differs
 * from those defaults). */
static int mysql_table_options(strata_buf *out, const strata_table *t)
{
	int error = 0;

	if (t->options && *t->options) {
		TRY(strata_buf_putc(out, ' '));
		TRY(strata_buf_puts(out, t->options));
	}
	if (t->comment) {
		TRY(strata_buf_puts(out, " COMMENT="));
		TRY(strata_ddl__literal(out, &strata_ddl__mysql, t->comment));
	}
done:
	return error;
}

/* ALTER TABLE `t` <text> */
static int alter(strata_strarray *stmts, const strata_table *t,
	const char *text)
{
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	TRY(strata_buf_puts(&b, "ALTER TABLE "));
	TRY(strata_ddl__ident(&b, &strata_ddl__mysql, t->name));
	TRY(strata_buf_putc(&b, ' '));
	TRY(strata_buf_puts(&b, text));
	TRY(strata_ddl__push(stmts, &b));
done:
	strata_buf_dispose(&b);
	return error;
}

static int mysql_create_index(strata_strarray *stmts, const strata_table *t,
	const strata_index *ix)
{
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	TRY(strata_buf_puts(&b, "ADD "));
	TRY(mysql_index_item(&b, t, ix));
	TRY(alter(stmts, t, b.ptr));
done:
	strata_buf_dispose(&b);
	return error;
}

static int mysql_drop_index(strata_strarray *stmts, const strata_table *t,
	const strata_index *ix)
{
	strata_buf b = STRATA_BUF_INIT, name = STRATA_BUF_INIT;
	int error = 0;

	TRY(strata_ddl_constraint_name(&name, STRATA_DIALECT_MYSQL, t, "ix",
		ix));
	TRY(strata_buf_puts(&b, "DROP INDEX "));
	TRY(strata_ddl__ident(&b, &strata_ddl__mysql, name.ptr));
	TRY(strata_buf_puts(&b, " ON "));
	TRY(strata_ddl__ident(&b, &strata_ddl__mysql, t->name));
	TRY(strata_ddl__push(stmts, &b));
done:
	strata_buf_dispose(&b);
	strata_buf_dispose(&name);
	return error;
}

static int mysql_drop_constraint(strata_strarray *stmts,
	const strata_table *t, const char *kind, const char *name)
{
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	if (!strcmp(kind, "pk")) {
		TRY(alter(stmts, t, "DROP PRIMARY KEY"));
		goto done;
	}
	if (!strcmp(kind, "uq"))
		TRY(strata_buf_puts(&b, "DROP INDEX "));
	else if (!strcmp(kind, "fk"))
		TRY(strata_buf_puts(&b, "DROP FOREIGN KEY "));
	else
		TRY(strata_buf_puts(&b, "DROP CONSTRAINT "));
	TRY(strata_ddl__ident(&b, &strata_ddl__mysql, name));
	TRY(alter(stmts, t, b.ptr));
done:
	strata_buf_dispose(&b);
	return error;
}

static int mysql_alter_column(strata_strarray *stmts, const strata_table *t,
	const strata_column *from, const strata_column *to,
	unsigned int changes)
{
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	STRATA_UNUSED(from);
	STRATA_UNUSED(changes);
	/* MODIFY restates the whole column, comment included. */
	TRY(strata_buf_puts(&b, "MODIFY COLUMN "));
	TRY(mysql_column(&b, t, to));
	TRY(alter(stmts, t, b.ptr));
done:
	strata_buf_dispose(&b);
	return error;
}

static int mysql_table_comment(strata_strarray *stmts, const strata_table *t)
{
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	TRY(strata_buf_puts(&b, "COMMENT="));
	TRY(strata_ddl__literal(&b, &strata_ddl__mysql,
		t->comment ? t->comment : ""));
	TRY(alter(stmts, t, b.ptr));
done:
	strata_buf_dispose(&b);
	return error;
}

const strata_ddl_vtable strata_ddl__mysql = {
	STRATA_DIALECT_MYSQL,
	"MySQL",
	STRATA_DDL_INLINE_INDEXES | STRATA_DDL_INLINE_COMMENTS,
	"PRIMARY",
	mysql_type,
	mysql_default,
	mysql_column,
	mysql_pkey_item,
	mysql_unique_item,
	mysql_fkey_item,
	mysql_index_item,
	mysql_table_options,
	mysql_create_index,
	mysql_drop_index,
	mysql_drop_constraint,
	mysql_alter_column,
	NULL,                 /* create_enum: ENUM(...) is inline */
	NULL,                 /* drop_enum */
	NULL,                 /* add_enum_value */
	mysql_table_comment,
	NULL,                 /* column_comment: MODIFY COLUMN */
	NULL                  /* column_prereqs */
};
