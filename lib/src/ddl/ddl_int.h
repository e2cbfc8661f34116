/*
 * Private interface of the DDL generators: the per-dialect vtable that
 * ddl.c dispatches to (ddl_sqlite.c, ddl_pg.c, ddl_mysql.c fill one
 * each), the standard-SQL pieces they share, and the single-object
 * statements (add column, create index, ...) migrations are built from.
 */
#ifndef STRATA_DDL_INT_H
#define STRATA_DDL_INT_H

#include "common.h"

/* Runs one step of a renderer: `int error` and a `done:` label needed. */
#define STRATA_DDL_TRY(expr) do { \
	if ((error = (expr)) < 0) \
		goto done; \
} while (0)

/* What strata_ddl__alter_column changes (bits). */
#define STRATA_DDL_ALTER_TYPE          (1u << 0)
#define STRATA_DDL_ALTER_NULL          (1u << 1)
#define STRATA_DDL_ALTER_DEFAULT       (1u << 2)
#define STRATA_DDL_ALTER_COMMENT       (1u << 3)
#define STRATA_DDL_ALTER_AUTOINCREMENT (1u << 4)

/* Properties of a dialect's DDL (strata_ddl_vtable.flags). */
#define STRATA_DDL_INLINE_INDEXES  (1u << 0) /* indexes are KEY items of
                                              * CREATE TABLE / ADD */
#define STRATA_DDL_INLINE_COMMENTS (1u << 1) /* comments are part of the
                                              * column and table text */

/*
 * One dialect's DDL. Fragment slots append SQL text to `out`; statement
 * slots append whole statements to `stmts`. A NULL statement slot means
 * the dialect cannot do it (ddl.c reports STRATA_EUNSUPPORTED, or skips
 * comments). Dialects build their slots from the standard-SQL
 * strata_ddl__std_* pieces below and override only what differs.
 * A new operation is added as a slot here, a strata_ddl__<verb> entry
 * point in ddl.c (checking capability bits) and one function per dialect.
 */
typedef struct strata_ddl_vtable {
	strata_dialect dialect;
	const char *title;        /* "PostgreSQL", for messages */
	unsigned int flags;       /* STRATA_DDL_* */
	const char *pkey_name;    /* fixed primary key name (MySQL
	                           * "PRIMARY"), or NULL */

	/* Fragments (all required except index_item / table_options). */
	int (*type)(strata_buf *out, const strata_table *t,
		const strata_column *c);
	int (*default_value)(strata_buf *out, const strata_column *c);
	int (*column)(strata_buf *out, const strata_table *t,
		const strata_column *c);
	int (*pkey_item)(strata_buf *out, const strata_table *t);
	int (*unique_item)(strata_buf *out, const strata_table *t,
		const strata_unique *u);
	int (*fkey_item)(strata_buf *out, const strata_table *t,
		const strata_fkey *fk);
	/* An index as a CREATE TABLE item (STRATA_DDL_INLINE_INDEXES), or
	 * NULL. */
	int (*index_item)(strata_buf *out, const strata_table *t,
		const strata_index *ix);
	/* Text after the closing parenthesis of CREATE TABLE, or NULL. */
	int (*table_options)(strata_buf *out, const strata_table *t);

	/* Statements. */
	int (*create_index)(strata_strarray *stmts, const strata_table *t,
		const strata_index *ix);
	int (*drop_index)(strata_strarray *stmts, const strata_table *t,
		const strata_index *ix);
	/* kind "pk", "uq", "fk" or "ck"; NULL: no ALTER TABLE ... DROP */
	int (*drop_constraint)(strata_strarray *stmts, const strata_table *t,
		const char *kind, const char *name);
	/* NULL: columns cannot be altered (SQLite: table rebuild) */
	int (*alter_column)(strata_strarray *stmts, const strata_table *t,
		const strata_column *from, const strata_column *to,
		unsigned int changes);
	/* Named enum types; NULL without STRATA_CAP_NAMED_ENUMS. */
	int (*create_enum)(strata_strarray *stmts, const char *name,
		const strata_strarray *values);
	int (*drop_enum)(strata_strarray *stmts, const char *name);
	int (*add_enum_value)(strata_strarray *stmts, const char *name,
		const char *value, const char *after);
	/* Comments as statements; NULL: not kept, or inline only. */
	int (*table_comment)(strata_strarray *stmts, const strata_table *t);
	int (*column_comment)(strata_strarray *stmts, const strata_table *t,
		const strata_column *c);
	/* Statements creating what a column's default needs, run before
	 * the column is created or given the default (PostgreSQL: the
	 * sequences its nextval() calls name); each appended once. NULL:
	 * nothing. */
	int (*column_prereqs)(strata_strarray *stmts, const strata_column *c);
} strata_ddl_vtable;

extern const strata_ddl_vtable strata_ddl__sqlite;
extern const strata_ddl_vtable strata_ddl__pg;
extern const strata_ddl_vtable strata_ddl__mysql;

/* The vtable of a dialect; NULL (with the error set) when it has none. */
const strata_ddl_vtable *strata_ddl__vtable(strata_dialect d);

/* ---- helpers shared by the dialect files ---- */

/* Quoted identifier / literal of the vtable's dialect. */
int strata_ddl__ident(strata_buf *out, const strata_ddl_vtable *vt,
	const char *name);
int strata_ddl__literal(strata_buf *out, const strata_ddl_vtable *vt,
	const char *text);
/* "(\"a\", \"b\")": a parenthesized list of quoted column names. */
int strata_ddl__ident_list(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_strarray *names);
/* Moves `b` into stmts as one statement (b is left empty). */
int strata_ddl__push(strata_strarray *stmts, strata_buf *b);
/* The name of a column's enum type: type.enum_name or <table>_<column>,
 * shortened to the dialect's limit. */
int strata_ddl__enum_name(strata_buf *out, strata_dialect d,
	const strata_table *t, const strata_column *c);
/* Whether c is the table's only primary key column. */
int strata_ddl__is_sole_pk(const strata_table *t, const strata_column *c);
/* Default text for the kinds every dialect writes alike; BOOLEAN uses
 * the given words and EXPR is wrapped in parentheses when `wrap_expr`. */
int strata_ddl__std_default(strata_buf *out, strata_dialect d,
	const strata_column *c, const char *true_word,
	const char *false_word, int wrap_expr);
/* `"name" type [COLLATE x] [NULL|NOT NULL] [DEFAULT x]`; NULL is written
 * only for a nullable column with `explicit_null`. */
int strata_ddl__std_column_head(strata_buf *out,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_column *c, int explicit_null);
/* "(p,s)", "(p)" or nothing, for a numeric type. */
int strata_ddl__numeric_args(strata_buf *out, const strata_type *type);
/* Length in characters of the longest enum value (UTF-8). */
int strata_ddl__enum_width(const strata_type *type);
/* "RESTRICT", "CASCADE", ... ; NULL for NO ACTION. */
const char *strata_ddl__fk_action_sql(strata_fk_action a);
/* An error for something the dialect cannot express. */
int strata_ddl__unsupported(const strata_ddl_vtable *vt, const char *fmt,
	...) STRATA_FORMAT(2, 3);
/* `[CONSTRAINT "pk_t"] PRIMARY KEY ("a", "b")` and the like. */
int strata_ddl__std_pkey_item(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t);
int strata_ddl__std_unique_item(strata_buf *out,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_unique *u);
/* A foreign key; DEFERRABLE INITIALLY DEFERRED only with `deferrable`. */
int strata_ddl__std_fkey_item(strata_buf *out, const strata_ddl_vtable *vt,
	const strata_table *t, const strata_fkey *fk, int deferrable);
/* `CREATE [UNIQUE] INDEX "ix" ON "t" [USING m] (cols) [WHERE p]`;
 * with `method_ok` 0 an index method is refused. */
int strata_ddl__std_create_index(strata_strarray *stmts,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_index *ix, int method_ok);
/* `DROP INDEX "ix"` */
int strata_ddl__std_drop_index(strata_strarray *stmts,
	const strata_ddl_vtable *vt, const strata_table *t,
	const strata_index *ix);
/* `ALTER TABLE "t" DROP CONSTRAINT "name"` */
int strata_ddl__std_drop_constraint(strata_strarray *stmts,
	const strata_ddl_vtable *vt, const strata_table *t,
	const char *kind, const char *name);

/* ---- single-object statements (for create/drop and migrations) ---- */

/* One column definition as in CREATE TABLE / ADD COLUMN. */
int strata_ddl__column(strata_buf *out, strata_dialect d,
	const strata_table *t, const strata_column *c);
/* One CREATE TABLE body item: kind "pk" (obj ignored), "uq", "fk", "ck",
 * or "ix" (only where indexes are inline). */
int strata_ddl__item(strata_buf *out, strata_dialect d,
	const strata_table *t, const char *kind, const void *obj);

/*
 * A table: CREATE TABLE with its keys, unique and check constraints and
 * the foreign keys whose fk_inline entry is non-zero (all when fk_inline
 * is NULL), then its indexes and comments.
 */
int strata_ddl__create_table(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const unsigned char *fk_inline);
int strata_ddl__drop_table(strata_strarray *stmts, strata_dialect d,
	const strata_table *t);
int strata_ddl__rename_table(strata_strarray *stmts, strata_dialect d,
	const char *from, const char *to);
/* t is the table the column belongs to (it names the enum type). */
int strata_ddl__add_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_column *c);
int strata_ddl__drop_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *column);
int strata_ddl__rename_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *from, const char *to);
/* changes: STRATA_DDL_ALTER_* bits; STRATA_EUNSUPPORTED where columns
 * cannot be altered in place. */
int strata_ddl__alter_column(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_column *from,
	const strata_column *to, unsigned int changes);
int strata_ddl__create_index(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_index *ix);
int strata_ddl__drop_index(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const strata_index *ix);
/* ALTER TABLE ADD / DROP of a "pk", "uq", "fk" or "ck" (obj as in
 * strata_ddl_constraint_name); STRATA_EUNSUPPORTED without
 * STRATA_CAP_ADD_CONSTRAINT. */
int strata_ddl__add_constraint(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *kind, const void *obj);
int strata_ddl__drop_constraint(strata_strarray *stmts, strata_dialect d,
	const strata_table *t, const char *kind, const void *obj);
int strata_ddl__create_enum(strata_strarray *stmts, strata_dialect d,
	const char *name, const strata_strarray *values);
int strata_ddl__drop_enum(strata_strarray *stmts, strata_dialect d,
	const char *name);
/* ALTER TYPE ... ADD VALUE; after NULL appends at the end. */
int strata_ddl__add_enum_value(strata_strarray *stmts, strata_dialect d,
	const char *name, const char *value, const char *after);
/* The table's comment (its column comments are not included); nothing
 * where comments are not kept. */
int strata_ddl__table_comment(strata_strarray *stmts, strata_dialect d,
	const strata_table *t);

#endif
