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

/**
 * The dialect's column type for a canonical type ("VARCHAR(80)").
 * @param table the column's table: it names PostgreSQL enum types
 *        (<table>_<column>) and SQLite keys; may be NULL otherwise
 * @return 0; STRATA_EINVALID for a type the dialect cannot store (a
 *         string without a length on MySQL) or for dialect NONE
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_ddl_type(strata_buf *out, strata_dialect d,
	const strata_table *table, const strata_column *column);

/**
 * The SQL text of a column's server default ("'draft'",
 * "CURRENT_TIMESTAMP"), appended; nothing when it has none.
 * @return 0; STRATA_EINVALID for a NUMBER default that is not a number,
 *         a BOOLEAN one that is not true/false, or an empty EXPR
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_ddl_default(strata_buf *out, strata_dialect d,
	const strata_column *column);

/**
 * Statements creating the given tables of a schema (all when `tables` is
 * NULL), in dependency order: enum types, CREATE TABLE with keys, unique
 * and check constraints and the foreign keys that can be inline, indexes,
 * comments, then ALTER TABLE ADD CONSTRAINT for foreign keys in cycles.
 * A foreign key goes inline when its target is the table itself, is
 * created before it, or is not being created (it exists); on SQLite,
 * which cannot add constraints later, always (SQLite resolves them when
 * rows change, so cycles are fine). Named enum types used by a table
 * outside `tables` are taken to exist and are not created.
 * On failure `stmts` is left as it was.
 * @param stmts receives the statements (appended)
 * @param tables names of the tables to create, or NULL for every table
 *        (and every enum type of schema->enums)
 * @return 0; STRATA_ENOTFOUND for a name in `tables` the schema lacks;
 *         STRATA_EINVALID / STRATA_EUNSUPPORTED for an object the
 *         dialect cannot render, with a message naming it
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_ddl_create(strata_strarray *stmts,
	const strata_schema *schema, strata_dialect d,
	const strata_strarray *tables);

/**
 * Statements dropping the given tables (all when NULL) in reverse
 * dependency order, then enum types no longer used. Where constraints
 * can be dropped, the foreign keys strata_ddl_create added after the
 * tables (cycles) are dropped first.
 * @return 0; STRATA_ENOTFOUND as strata_ddl_create
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_ddl_drop(strata_strarray *stmts,
	const strata_schema *schema, strata_dialect d,
	const strata_strarray *tables);

/**
 * The full name a constraint or index gets in a dialect: its own name
 * shortened to the limit, or the naming convention's. kind is "pk",
 * "uq", "ix", "fk" or "ck"; obj points to the matching struct (for "pk"
 * it may be NULL). MySQL's primary key is always "PRIMARY". A check
 * without a name gets none (the database names it): nothing is appended.
 * @return 0; STRATA_EINVALID for an unknown kind
 * @since 0.1.0
 */
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
