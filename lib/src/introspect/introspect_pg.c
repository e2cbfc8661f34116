/*
 * Introspection of pg databases (placeholder until implemented).
 */
#include "introspect_int.h"

int strata_introspect__pg(strata_schema *schema, strata_conn *conn,
	const strata_introspect_options *opts)
{
	STRATA_UNUSED(schema);
	STRATA_UNUSED(conn);
	STRATA_UNUSED(opts);
	strata_error__set(STRATA_ERROR_INTROSPECT, "introspection of pg is "
		"not implemented yet");
	return STRATA_EUNSUPPORTED;
}
