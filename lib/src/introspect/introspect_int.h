/*
 * What each dialect's introspector provides to introspect.c, and helpers
 * they share. One file per dialect: introspect_sqlite.c, introspect_pg.c,
 * introspect_mysql.c.
 */
#ifndef STRATA_INTROSPECT_INT_H
#define STRATA_INTROSPECT_INT_H

#include "common.h"

/* Each reads the whole database into `schema` (already allocated, with
 * schema->dialect set) using a fixed number of queries. */
int strata_introspect__sqlite(strata_schema *schema, strata_conn *conn,
	const strata_introspect_options *opts);
int strata_introspect__pg(strata_schema *schema, strata_conn *conn,
	const strata_introspect_options *opts);
int strata_introspect__mysql(strata_schema *schema, strata_conn *conn,
	const strata_introspect_options *opts);

/* Whether `table` is in the exclude list. */
int strata_introspect__excluded(const strata_introspect_options *opts,
	const char *table);

#endif
