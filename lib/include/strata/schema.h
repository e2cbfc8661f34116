/*
 * The canonical schema: what models declare and what introspection reads,
 * in one dialect-neutral shape, so the two can be compared.
 * A schema owns every object and string in it; strata_schema_free frees
 * all. The structs are plain data: read them directly, build them with
 * the strata_schema_add_* functions (which copy their string arguments).
 */
#ifndef STRATA_SCHEMA_H
#define STRATA_SCHEMA_H

#include "common.h"
#include "dialect.h"

STRATA_BEGIN_DECL

/** Canonical column types (docs/models.md has the per-dialect mapping). */
typedef enum {
	STRATA_TYPE_INTEGER = 0,
	STRATA_TYPE_SMALLINT,
	STRATA_TYPE_BIGINT,
	STRATA_TYPE_BOOLEAN,
	STRATA_TYPE_FLOAT,
	STRATA_TYPE_DOUBLE,
	STRATA_TYPE_NUMERIC,     /* precision, scale (-1: not given) */
	STRATA_TYPE_STRING,      /* length (0: not given) */
	STRATA_TYPE_CHAR,        /* length */
	STRATA_TYPE_TEXT,
	STRATA_TYPE_DATE,
	STRATA_TYPE_TIME,
	STRATA_TYPE_DATETIME,    /* timestamp without time zone */
	STRATA_TYPE_TIMESTAMPTZ, /* timestamp with time zone */
	STRATA_TYPE_BINARY,      /* length (0: unbounded blob) */
	STRATA_TYPE_JSON,
	STRATA_TYPE_UUID,
	STRATA_TYPE_ENUM,        /* values, enum_name */
	STRATA_TYPE_NATIVE       /* a dialect type strata does not map:
	                          * `native` holds its text verbatim */
} strata_type_kind;

typedef struct {
	strata_type_kind kind;
	int length;          /* string/char/binary length, 0 when absent */
	int precision;       /* numeric precision, -1 when absent */
	int scale;           /* numeric scale, -1 when absent */
	strata_strarray values; /* enum values in order */
	char *enum_name;     /* named enum type (PostgreSQL), or NULL */
	char *native;        /* STRATA_TYPE_NATIVE: the type as written */
	int is_unsigned;     /* MySQL UNSIGNED integers */
} strata_type;

typedef enum {
	STRATA_DEFAULT_NONE = 0, /* no server default */
	STRATA_DEFAULT_STRING,   /* value: the text, unquoted */
	STRATA_DEFAULT_NUMBER,   /* value: the number as written */
	STRATA_DEFAULT_BOOLEAN,  /* value: "true" or "false" */
	STRATA_DEFAULT_NULL,     /* DEFAULT NULL written out */
	STRATA_DEFAULT_NOW,      /* the current timestamp, portable */
	STRATA_DEFAULT_EXPR      /* value: an SQL expression, verbatim */
} strata_default_kind;

typedef struct {
	strata_default_kind kind;
	char *value;
} strata_default;

/** Where a model object was declared; file NULL when not from a file. */
typedef struct {
	const char *file;   /* borrowed from the schema's file list */
	unsigned int line;  /* 1-based */
	unsigned int col;   /* 1-based */
} strata_loc;

typedef enum {
	STRATA_FK_NO_ACTION = 0, /* the default */
	STRATA_FK_RESTRICT,
	STRATA_FK_CASCADE,
	STRATA_FK_SET_NULL,
	STRATA_FK_SET_DEFAULT
} strata_fk_action;

typedef struct {
	char *name;
	strata_type type;
	int nullable;        /* 1 unless NOT NULL */
	int autoincrement;   /* identity / AUTO_INCREMENT / rowid alias */
	strata_default def;  /* server default */
	char *comment;       /* or NULL */
	char *renamed_from;  /* model hint for the diff, or NULL */
	char *collation;     /* or NULL (dialect default) */
	strata_loc loc;
} strata_column;

/* Keys, indexes and constraints share this head: a name, whether the
 * name was given (model) or is the one the naming convention makes,
 * and the columns in order. */
typedef struct {
	char *name;            /* NULL: the naming convention decides */
	strata_strarray columns;
	strata_loc loc;
} strata_constraint_head;

typedef struct {
	strata_constraint_head h; /* no columns: the table has no key */
} strata_pkey;

typedef struct {
	strata_constraint_head h;
} strata_unique;

typedef struct {
	strata_constraint_head h; /* columns empty for expression indexes */
	int unique;
	char *expr;       /* expression index text as the database gives it,
	                   * or NULL */
	char *where;      /* partial index predicate, or NULL */
	char *method;     /* index method other than the default (gin, ...)
	                   * or NULL */
	char *prefix;     /* MySQL prefix lengths "10,0" per column, or NULL */
} strata_index;

typedef struct {
	strata_constraint_head h;
	char *ref_table;
	strata_strarray ref_columns;
	strata_fk_action on_delete;
	strata_fk_action on_update;
	int deferrable;   /* DEFERRABLE INITIALLY DEFERRED */
} strata_fkey;

typedef struct {
	strata_constraint_head h; /* h.name: the full constraint name
	                           * (a model's `name: x` is stored as
	                           * ck_<table>_x); NULL: unnamed */
	char *expr;
} strata_check;

typedef struct {
	char *name;
	char *comment;
	char *renamed_from;
	strata_column **columns;
	size_t column_count;
	strata_pkey pkey;
	strata_unique **uniques;
	size_t unique_count;
	strata_index **indexes;
	size_t index_count;
	strata_fkey **fkeys;
	size_t fkey_count;
	strata_check **checks;
	size_t check_count;
	char *options;    /* dialect table options (MySQL ENGINE...), or NULL */
	strata_loc loc;
} strata_table;

typedef struct {
	char *name;
	strata_strarray values;
} strata_enum;

typedef struct {
	strata_table **tables;   /* in declaration / catalog order */
	size_t table_count;
	strata_enum **enums;     /* named enum types (PostgreSQL) */
	size_t enum_count;
	strata_strarray warnings; /* objects read but not modelled */
	strata_strarray files;    /* files the model came from (for locs) */
	strata_dialect dialect;   /* the dialect it was read from, or NONE */
} strata_schema;

/** A new empty schema. @since 0.1.0 */
STRATA_EXTERN(int) strata_schema_new(strata_schema **out);
/** A deep copy of a schema. @since 0.1.0 */
STRATA_EXTERN(int) strata_schema_copy(strata_schema **out,
	const strata_schema *schema);

/** Frees a schema and all it holds; NULL is a no-op. */
STRATA_EXTERN(void) strata_schema_free(strata_schema *schema);

STRATA_EXTERN(int) strata_schema_add_table(strata_table **out,
	strata_schema *schema, const char *name);
STRATA_EXTERN(int) strata_table_add_column(strata_column **out,
	strata_table *table, const char *name);
STRATA_EXTERN(int) strata_table_add_unique(strata_unique **out,
	strata_table *table);
STRATA_EXTERN(int) strata_table_add_index(strata_index **out,
	strata_table *table);
STRATA_EXTERN(int) strata_table_add_fkey(strata_fkey **out,
	strata_table *table);
STRATA_EXTERN(int) strata_table_add_check(strata_check **out,
	strata_table *table);
STRATA_EXTERN(int) strata_schema_add_enum(strata_enum **out,
	strata_schema *schema, const char *name);
STRATA_EXTERN(int) strata_schema_add_warning(strata_schema *schema,
	const char *fmt, ...) STRATA_FORMAT(2, 3);

/** Appends a copy of s to arr. */
STRATA_EXTERN(int) strata_strarray_add(strata_strarray *arr, const char *s);

/** Lookups (NULL when absent); names compare exactly. */
STRATA_EXTERN(strata_table *) strata_schema_table(const strata_schema *s,
	const char *name);
STRATA_EXTERN(strata_column *) strata_table_column(const strata_table *t,
	const char *name);
STRATA_EXTERN(strata_enum *) strata_schema_enum(const strata_schema *s,
	const char *name);

/** Whether the column is (part of) the primary key. */
STRATA_EXTERN(int) strata_table_is_pk_column(const strata_table *t,
	const char *column);

/** Deep copy of a type / column into the storage of another table. */
STRATA_EXTERN(int) strata_type_copy(strata_type *dst, const strata_type *src);
STRATA_EXTERN(void) strata_type_dispose(strata_type *t);

/** The canonical text of a type: "string(80)", "numeric(10,2)",
 * "enum(a, b)", or the native text. */
STRATA_EXTERN(int) strata_type_format(strata_buf *out, const strata_type *t);

/**
 * Parses canonical type text ("integer", "string(80)", "numeric(10, 2)",
 * "enum(draft, published)").
 * @return 0, or STRATA_EINVALID with a message naming the problem
 *         (no location: the caller adds it)
 */
STRATA_EXTERN(int) strata_type_parse(strata_type *out, const char *text);

/** "cascade", "set null", ... ; and back (STRATA_EINVALID if unknown). */
STRATA_EXTERN(const char *) strata_fk_action_name(strata_fk_action a);
STRATA_EXTERN(int) strata_fk_action_parse(strata_fk_action *out,
	const char *text);

/**
 * The name the naming convention gives a constraint or index, for a
 * dialect's identifier limit (shortened with a stable hash past it):
 * kind is "pk", "uq", "ix", "fk" or "ck"; for "ck" `columns` holds the
 * check's short name; for "fk" `ref_table` is the referenced table.
 */
STRATA_EXTERN(int) strata_naming_convention(strata_buf *out,
	strata_dialect dialect, const char *kind, const char *table,
	const strata_strarray *columns, const char *ref_table);

/** Shortens `name` to the dialect's limit with a stable hash suffix
 * (unchanged when it fits). */
STRATA_EXTERN(int) strata_naming_shorten(strata_buf *out,
	strata_dialect dialect, const char *name);

/** Sorts tables so that referenced tables come first (cycles keep their
 * order); `order` receives table_count indexes. @since 0.1.0 */
STRATA_EXTERN(int) strata_schema_dependency_order(size_t *order,
	const strata_schema *schema);

STRATA_END_DECL

#endif
