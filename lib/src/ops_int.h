/*
 * Internals of the operations module shared with migrate and the tests:
 * applying operations to an in-memory schema.
 */
#ifndef STRATA_OPS_INT_H
#define STRATA_OPS_INT_H

#include "common.h"
#include "strata/ops.h"

/* Changes `schema` as the operation would change a database. */
int strata_ops__apply(strata_schema *schema, const strata_op *op);
int strata_ops__apply_all(strata_schema *schema, const strata_oplist *ops);
void strata_ops__remove_index(strata_table *t, size_t i);

#endif
