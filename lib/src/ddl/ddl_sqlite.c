/*
 * SQLite DDL: declared types, rowid-alias keys for autoincrement, enums
 * as VARCHAR with a named CHECK, all foreign keys inside CREATE TABLE
 * (SQLite cannot add constraints later), no comments.
 */
#include "ddl_int.h"

#define TRY STRATA_DDL_TRY

static int sqlite_type(strata_buf *out, const strata_table *t,
	const strata_column *c)
{
	const strata_type *ty = &c->type;

	switch (ty->kind) {
	case STRATA_TYPE_INTEGER:
		/* Exactly INTEGER makes a sole key column an alias of the
		 * rowid, which numbers new rows; a key that must not
		 * autoincrement is declared INT to stay an ordinary
		 * column. */
		if (!c->autoincrement && strata_ddl__is_sole_pk(t, c))
			return strata_buf_puts(out, "INT");
		return strata_buf_puts(out, "INTEGER");
	case STRATA_TYPE_SMALLINT: return strata_buf_puts(out, "SMALLINT");
	case STRATA_TYPE_BIGINT: return strata_buf_puts(out, "BIGINT");
	case STRATA_TYPE_BOOLEAN: return strata_buf_puts(out, "BOOLEAN");
	case STRATA_TYPE_FLOAT: return strata_buf_puts(out, "FLOAT");
	case STRATA_TYPE_DOUBLE: return strata_buf_puts(out, "DOUBLE");
	case STRATA_TYPE_NUMERIC:
		if (strata_buf_puts(out, "NUMERIC") < 0)
			return STRATA_ERROR;
		return strata_ddl__numeric_args(out, ty);
	case STRATA_TYPE_STRING:
		return ty->length > 0 ?
			strata_buf_printf(out, "VARCHAR(%d)", ty->length) :
			strata_buf_puts(out, "VARCHAR");
	case STRATA_TYPE_CHAR:
		return ty->length > 0 ?
			strata_buf_printf(out, "CHAR(%d)", ty->length) :
			strata_buf_puts(out, "CHAR");
	case STRATA_TYPE_TEXT: return strata_buf_puts(out, "TEXT");
	case STRATA_TYPE_DATE: return strata_buf_puts(out, "DATE");
	case STRATA_TYPE_TIME: return strata_buf_puts(out, "TIME");
	case STRATA_TYPE_DATETIME: return strata_buf_puts(out, "DATETIME");
	case STRATA_TYPE_TIMESTAMPTZ:
		return strata_buf_puts(out, "TIMESTAMPTZ");
	case STRATA_TYPE_BINARY:
		return ty->length > 0 ?
			strata_buf_printf(out, "VARBINARY(%d)", ty->length) :
			strata_buf_puts(out, "BLOB");
	case STRATA_TYPE_JSON: return strata_buf_puts(out, "JSON");
	case STRATA_TYPE_UUID: return strata_buf_puts(out, "UUID");
	case STRATA_TYPE_ENUM:
		return strata_buf_printf(out, "VARCHAR(%d)",
			strata_ddl__enum_width(ty));
	case STRATA_TYPE_NATIVE:
		return strata_buf_puts(out, ty->native ? ty->native : "");
	}
	strata_error__set(STRATA_ERROR_DDL, "column '%s' has an unknown type",
		c->name);
	return STRATA_EINVALID;
}

static int sqlite_default(strata_buf *out, const strata_column *c)
{
	return strata_ddl__std_default(out, STRATA_DIALECT_SQLITE, c, "1", "0",
		1);
}

/* `CONSTRAINT "ck_<table>_<column>_enum" CHECK ("c" IN ('a','b'))` */
static int enum_check(strata_buf *out, const strata_table *t,
	const strata_column *c)
{
	strata_buf name = STRATA_BUF_INIT;
	strata_strarray parts = { NULL, 0 };
	size_t i;
	int error = 0;

	TRY(strata_strarray_add(&parts, c->name));
	TRY(strata_strarray_add(&parts, "enum"));
	TRY(strata_naming_convention(&name, STRATA_DIALECT_SQLITE, "ck",
		t ? t->name : "", &parts, NULL));
	TRY(strata_buf_puts(out, " CONSTRAINT "));
	TRY(strata_ddl__ident(out, &strata_ddl__sqlite, name.ptr));
	TRY(strata_buf_puts(out, " CHECK ("));
	TRY(strata_ddl__ident(out, &strata_ddl__sqlite, c->name));
	TRY(strata_buf_puts(out, " IN ("));
	for (i = 0; i < c->type.values.count; i++) {
		if (i)
			TRY(strata_buf_putc(out, ','));
		TRY(strata_ddl__literal(out, &strata_ddl__sqlite,
			c->type.values.strings[i]));
	}
	TRY(strata_buf_puts(out, "))"));
done:
	strata_buf_dispose(&name);
	strata_strarray_dispose(&parts);
	return error;
}

static int sqlite_column(strata_buf *out, const strata_table *t,
	const strata_column *c)
{
	int error = 0;

	TRY(strata_ddl__std_column_head(out, &strata_ddl__sqlite, t, c, 0));
	if (c->type.kind == STRATA_TYPE_ENUM)
		TRY(enum_check(out, t, c));
done:
	return error;
}

static int sqlite_pkey_item(strata_buf *out, const strata_table *t)
{
	return strata_ddl__std_pkey_item(out, &strata_ddl__sqlite, t);
}

static int sqlite_unique_item(strata_buf *out, const strata_table *t,
	const strata_unique *u)
{
	return strata_ddl__std_unique_item(out, &strata_ddl__sqlite, t, u);
}

static int sqlite_fkey_item(strata_buf *out, const strata_table *t,
	const strata_fkey *fk)
{
	return strata_ddl__std_fkey_item(out, &strata_ddl__sqlite, t, fk, 1);
}

static int sqlite_create_index(strata_strarray *stmts, const strata_table *t,
	const strata_index *ix)
{
	return strata_ddl__std_create_index(stmts, &strata_ddl__sqlite, t, ix,
		0);
}

static int sqlite_drop_index(strata_strarray *stmts, const strata_table *t,
	const strata_index *ix)
{
	return strata_ddl__std_drop_index(stmts, &strata_ddl__sqlite, t, ix);
}

/* The table's options (WITHOUT ROWID, STRICT) as introspection read
 * them from the CREATE TABLE text, verbatim. */
static int sqlite_table_options(strata_buf *out, const strata_table *t)
{
	if (!t->options || !*t->options)
		return 0;
	if (strata_buf_putc(out, ' ') < 0)
		return STRATA_ERROR;
	return strata_buf_puts(out, t->options);
}

const strata_ddl_vtable strata_ddl__sqlite = {
	STRATA_DIALECT_SQLITE,
	"SQLite",
	0,
	NULL,
	sqlite_type,
	sqlite_default,
	sqlite_column,
	sqlite_pkey_item,
	sqlite_unique_item,
	sqlite_fkey_item,
	NULL,                 /* index_item: CREATE INDEX */
	sqlite_table_options,
	sqlite_create_index,
	sqlite_drop_index,
	NULL,                 /* drop_constraint: table rebuild */
	NULL,                 /* alter_column: table rebuild */
	NULL,                 /* create_enum */
	NULL,                 /* drop_enum */
	NULL,                 /* add_enum_value */
	NULL,                 /* table_comment: not kept */
	NULL,                 /* column_comment: not kept */
	NULL                  /* column_prereqs */
};
