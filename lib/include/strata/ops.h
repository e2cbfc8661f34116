/*
 * Migration operations: the dialect-neutral steps a revision script holds
 * and the diff engine produces. Every drop carries the full definition of
 * what it drops, so any list of operations can be reversed exactly.
 * An oplist owns its operations and everything in them.
 */
#ifndef STRATA_OPS_H
#define STRATA_OPS_H

#include "common.h"
#include "buf.h"
#include "dialect.h"
#include "schema.h"

STRATA_BEGIN_DECL

typedef enum {
	STRATA_OP_CREATE_TABLE = 0, /* after: the table */
	STRATA_OP_DROP_TABLE,       /* before: the table */
	STRATA_OP_RENAME_TABLE,     /* table -> new_name */
	STRATA_OP_ADD_COLUMN,       /* after: the column */
	STRATA_OP_DROP_COLUMN,      /* before: the column */
	STRATA_OP_ALTER_COLUMN,     /* before -> after column */
	STRATA_OP_RENAME_COLUMN,    /* name -> new_name */
	STRATA_OP_CREATE_INDEX,     /* after: the index */
	STRATA_OP_DROP_INDEX,       /* before: the index */
	STRATA_OP_ADD_UNIQUE,
	STRATA_OP_DROP_UNIQUE,
	STRATA_OP_ADD_FOREIGN_KEY,
	STRATA_OP_DROP_FOREIGN_KEY,
	STRATA_OP_ADD_CHECK,
	STRATA_OP_DROP_CHECK,
	STRATA_OP_ADD_PRIMARY_KEY,
	STRATA_OP_DROP_PRIMARY_KEY,
	STRATA_OP_CREATE_ENUM,      /* after: enum */
	STRATA_OP_DROP_ENUM,        /* before: enum */
	STRATA_OP_ALTER_ENUM,       /* before -> after enum values */
	STRATA_OP_ALTER_TABLE_COMMENT, /* before -> after table comment */
	STRATA_OP_SQL               /* raw SQL, per dialect */
} strata_op_kind;

/* Flags on an operation. */
#define STRATA_OP_DESTRUCTIVE   (1u << 0) /* may lose data */
#define STRATA_OP_RENAME_HINT   (1u << 1) /* drop+add that may be a rename */

/*
 * One operation. `before` and `after` are one-table schemas holding the
 * object as it was and as it becomes (a table, or a table with just the
 * one column/index/constraint), or the enum in schema->enums.
 */
typedef struct {
	strata_op_kind kind;
	unsigned int flags;
	char *table;           /* the table acted on (old name for renames) */
	char *name;            /* column/index/constraint/enum acted on */
	char *new_name;        /* renames */
	strata_schema *before; /* what is dropped/changed, or NULL */
	strata_schema *after;  /* what is created/becomes, or NULL */
	strata_strarray sql_dialects; /* STRATA_OP_SQL: "postgresql",
	                               * "mysql", "sqlite" or "default" */
	strata_strarray sql_texts;    /* the SQL for each, same order */
	char *comment;         /* reviewer note (rename hints, warnings) */
} strata_op;

typedef struct {
	strata_op **ops;
	size_t count;
} strata_oplist;

STRATA_EXTERN(int) strata_oplist_new(strata_oplist **out);
STRATA_EXTERN(void) strata_oplist_free(strata_oplist *list);
/** Appends a new empty operation of a kind; *out is borrowed. */
STRATA_EXTERN(int) strata_oplist_add(strata_op **out, strata_oplist *list,
	strata_op_kind kind, const char *table);

/** The reverse of a list: each operation inverted, in reverse order.
 * @return STRATA_EUNSUPPORTED for a raw SQL step (it has no inverse) */
STRATA_EXTERN(int) strata_oplist_reverse(strata_oplist **out,
	const strata_oplist *list);

/** The YAML name of an operation kind ("create_table", ...). */
STRATA_EXTERN(const char *) strata_op_kind_name(strata_op_kind kind);

/** A one-line human description: "drop column post.slug". */
STRATA_EXTERN(int) strata_op_describe(strata_buf *out, const strata_op *op);

/**
 * Changes a schema as the operation would change a database (a raw SQL
 * step changes nothing). Used to follow a schema through operations
 * without a database.
 * @return 0, or STRATA_EINVALID when the operation does not fit the
 *         schema (a missing table or column, a name taken)
 */
STRATA_EXTERN(int) strata_op_apply(strata_schema *schema,
	const strata_op *op);

STRATA_END_DECL

#endif
