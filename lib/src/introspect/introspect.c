/*
 * Introspection front end: picks the dialect's reader and runs it.
 */
#include "introspect_int.h"

int strata_introspect__excluded(const strata_introspect_options *opts,
	const char *table)
{
	size_t i;

	if (!opts || !opts->exclude)
		return 0;
	for (i = 0; i < opts->exclude->count; i++)
		if (!strcmp(opts->exclude->strings[i], table))
			return 1;
	return 0;
}

int strata_introspect(strata_schema **out, strata_conn *conn,
	const strata_introspect_options *opts)
{
	strata_introspect_options defaults = STRATA_INTROSPECT_OPTIONS_INIT;
	strata_schema *schema = NULL;
	int error;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(conn);
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if ((error = strata_schema_new(&schema)) < 0)
		return error;
	schema->dialect = strata_conn_dialect(conn);
	switch (schema->dialect) {
	case STRATA_DIALECT_SQLITE:
		error = strata_introspect__sqlite(schema, conn, opts);
		break;
	case STRATA_DIALECT_POSTGRES:
		error = strata_introspect__pg(schema, conn, opts);
		break;
	case STRATA_DIALECT_MYSQL:
		error = strata_introspect__mysql(schema, conn, opts);
		break;
	default:
		strata_error__set(STRATA_ERROR_INTROSPECT, "no introspection "
			"for this dialect");
		error = STRATA_EUNSUPPORTED;
	}
	if (error < 0) {
		strata_schema_free(schema);
		return error;
	}
	*out = schema;
	return 0;
}
