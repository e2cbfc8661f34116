/*
 * DDL generation: the canonical schema rendered as one dialect's SQL.
 * Statements come out one per string, without a trailing semicolon,
 * with every identifier and literal quoted by the dialect.
 */
#ifndef STRATA_DDL_H
#define STRATA_DDL_H

#include "common.h"
#include "buf.h"
#include "dialect.h"
#include "schema.h"
#include "ops.h"

STRATA_BEGIN_DECL

/** The dialect's column type for a canonical type ("VARCHAR(80)"). */
STRATA_EXTERN(int) strata_ddl_type(strata_buf *out, strata_dialect d,
	const strata_table *table, const strata_column *column);

/** The SQL text of a column's server default ("'draft'", "CURRENT_TIMESTAMP"),
 * empty when it has none. */
STRATA_EXTERN(int) strata_ddl_default(strata_buf *out, strata_dialect d,
	const strata_column *column);

/**
 * Statements creating the given tables of a schema (all when `tables` is
 * NULL), in dependency order: enum types, CREATE TABLE with keys, unique
 * and check constraints and the foreign keys that can be inline, indexes,
 * comments, then ALTER TABLE ADD CONSTRAINT for foreign keys in cycles.
 * @param stmts receives the statements (appended)
 * @param tables names of the tables to create, or NULL for every table
 * @return 0; STRATA_EUNSUPPORTED for a foreign-key cycle on SQLite that
 *         cannot be expressed, with a message naming the tables
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_ddl_create(strata_strarray *stmts,
	const strata_schema *schema, strata_dialect d,
	const strata_strarray *tables);

/**
 * Statements dropping the given tables (all when NULL) in reverse
 * dependency order, then enum types no longer used.
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_ddl_drop(strata_strarray *stmts,
	const strata_schema *schema, strata_dialect d,
	const strata_strarray *tables);

/** The full name a constraint or index gets in a dialect: its own name
 * shortened to the limit, or the naming convention's. kind is "pk",
 * "uq", "ix", "fk" or "ck"; obj points to the matching struct. */
STRATA_EXTERN(int) strata_ddl_constraint_name(strata_buf *out,
	strata_dialect d, const strata_table *table, const char *kind,
	const void *obj);

/* strata_ddl_op flags */
#define STRATA_DDL_REBUILDS_TABLE (1u << 0) /* a SQLite table rebuild */

/**
 * Statements performing one migration operation on a dialect.
 * @param current the schema before the operation: needed where the
 *        dialect rebuilds tables (SQLite); NULL elsewhere is fine
 * @param flags receives STRATA_DDL_* facts about the statements, or NULL
 * @return 0, or STRATA_EUNSUPPORTED naming what the dialect cannot do
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_ddl_op(strata_strarray *stmts, strata_dialect d,
	const strata_op *op, const strata_schema *current,
	unsigned int *flags);

STRATA_END_DECL

#endif
