/*
 * Model internals shared with revision scripts: operations carry parts of
 * tables written in the model format (a `table:` name plus the model's
 * table keys), so scripts parse and write them with the model code.
 */
#ifndef STRATA_MODEL_INT_H
#define STRATA_MODEL_INT_H

#include "common.h"
#include "yaml_util.h"

/*
 * Parses the table keys of `map` (columns, primary_key, indexes, unique,
 * foreign_keys, checks, comment, renamed_from, options), ignoring the
 * keys listed in `skip` (NULL-terminated), into a new table `name` of
 * `into`. A fragment stands alone: foreign keys are not checked against
 * other tables, and `references:` must name the column (table.column).
 * Errors are "file:line:column: message" from the YAML's marks.
 */
int strata_model__parse_fragment(strata_table **out, strata_schema *into,
	strata_yaml *y, const char *name, yaml_node_t *map,
	const char *const *skip);

/* Parses one column mapping ({type: ..., nullable: ...}) named `name`
 * into table t (no primary-key or constraint shorthands allowed). */
int strata_model__parse_column(strata_column **out, strata_table *t,
	strata_yaml *y, const char *name, yaml_node_t *map);

/* Writes the table keys of t (columns:, primary_key:, indexes:, ...) as
 * block YAML indented by `indent` spaces, as strata_model_write does
 * for a table's body. */
int strata_model__write_table_body(strata_buf *out, const strata_table *t,
	strata_dialect d, int indent);

/* Writes a column as a flow mapping "{type: string(80), nullable: false}"
 * (without primary-key/unique/index/references shorthands). */
int strata_model__write_column(strata_buf *out, const strata_table *t,
	const strata_column *c, strata_dialect d);

/* Writes a scalar, quoted when YAML needs it. */
int strata_model__write_scalar(strata_buf *out, const char *s);

#endif
