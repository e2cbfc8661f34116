/*
 * Introspection: a live database read into the canonical schema, with
 * types, defaults and names normalized so that a database created from
 * models reads back as exactly those models. The caller owns the schema.
 */
#ifndef STRATA_INTROSPECT_H
#define STRATA_INTROSPECT_H

#include "common.h"
#include "driver.h"
#include "schema.h"

STRATA_BEGIN_DECL

typedef struct {
	unsigned int version;      /* STRATA_INTROSPECT_OPTIONS_VERSION */
	const char *schema;        /* PostgreSQL schema; NULL = "public" */
	const strata_strarray *exclude; /* tables to leave out (the tracking
	                            * table), or NULL */
} strata_introspect_options;

#define STRATA_INTROSPECT_OPTIONS_VERSION 1
#define STRATA_INTROSPECT_OPTIONS_INIT \
	{ STRATA_INTROSPECT_OPTIONS_VERSION, NULL, NULL }

/**
 * Reads every table of the connection's database (or PostgreSQL schema)
 * with a fixed number of catalog queries, whatever the number of tables.
 * Objects strata does not model (views, triggers, sequences not owned by
 * a column, functions) are named in the schema's warnings.
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_introspect(strata_schema **out, strata_conn *conn,
	const strata_introspect_options *opts);

STRATA_END_DECL

#endif
