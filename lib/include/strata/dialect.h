/*
 * The SQL dialects strata speaks, their capability bits, and quoting of
 * identifiers and literals, which always belongs to the dialect.
 */
#ifndef STRATA_DIALECT_H
#define STRATA_DIALECT_H

#include "common.h"
#include "buf.h"

STRATA_BEGIN_DECL

typedef enum {
	STRATA_DIALECT_NONE = 0,
	STRATA_DIALECT_SQLITE,
	STRATA_DIALECT_POSTGRES,
	STRATA_DIALECT_MYSQL
} strata_dialect;

/* Capability bits: code branches on these, never on the dialect's name. */
#define STRATA_CAP_TRANSACTIONAL_DDL (1u << 0) /* DDL rolls back */
#define STRATA_CAP_ALTER_COLUMN      (1u << 1) /* ALTER COLUMN type/null */
#define STRATA_CAP_DROP_COLUMN       (1u << 2) /* ALTER TABLE DROP COLUMN */
#define STRATA_CAP_NAMED_ENUMS       (1u << 3) /* CREATE TYPE ... AS ENUM */
#define STRATA_CAP_INLINE_ENUMS      (1u << 4) /* ENUM('a','b') column type */
#define STRATA_CAP_SCHEMAS           (1u << 5) /* namespaces in a database */
#define STRATA_CAP_ADD_CONSTRAINT    (1u << 6) /* ALTER TABLE ADD CONSTRAINT */
#define STRATA_CAP_COMMENTS          (1u << 7) /* table/column comments */
#define STRATA_CAP_LOCK_IS_TXN       (1u << 8) /* the run lock is a txn */
#define STRATA_CAP_IDENTITY          (1u << 9) /* GENERATED ... AS IDENTITY */
#define STRATA_CAP_AUTOINC_ANY_INT   (1u << 10) /* smallint/bigint keys can
                                                * autoincrement too */
#define STRATA_CAP_FK_NEEDS_INDEX    (1u << 11) /* a foreign key needs an
                                                * index on its columns */
#define STRATA_CAP_FK_RESTRICT_IS_NO_ACTION (1u << 12) /* foreign-key
                                                * RESTRICT and NO ACTION
                                                * are one rule */
#define STRATA_CAP_DEFERRABLE_FK     (1u << 13) /* DEFERRABLE foreign keys */

/** "sqlite", "postgresql", "mysql", or "none". @since 0.1.0 */
STRATA_EXTERN(const char *) strata_dialect_name(strata_dialect d);

/** Parses a dialect name ("sqlite", "postgresql"/"postgres",
 * "mysql"/"mariadb"); STRATA_DIALECT_NONE when unknown. @since 0.1.0 */
STRATA_EXTERN(strata_dialect) strata_dialect_from_name(const char *name);

/** The capability bits of a dialect. @since 0.1.0 */
STRATA_EXTERN(unsigned int) strata_dialect_caps(strata_dialect d);

/** Longest identifier the dialect accepts, in bytes (0: no limit). */
STRATA_EXTERN(size_t) strata_dialect_max_ident(strata_dialect d);

/**
 * Appends `name` quoted as an identifier of the dialect ("x" or `x`),
 * doubling embedded quote characters.
 * @return 0, or STRATA_EINVALID for a name with a NUL-free but empty text
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_dialect_quote_ident(strata_buf *out,
	strata_dialect d, const char *name);

/**
 * Appends `text` quoted as a string literal of the dialect ('x'), doubling
 * quotes, and on MySQL escaping backslashes too.
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_dialect_quote_literal(strata_buf *out,
	strata_dialect d, const char *text);

/** Whether `word` is a reserved word of the dialect (case-insensitive). */
STRATA_EXTERN(int) strata_dialect_is_reserved(strata_dialect d,
	const char *word);

STRATA_END_DECL

#endif
