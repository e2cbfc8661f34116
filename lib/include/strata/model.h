/*
 * Declared models: YAML files (docs/models.md) loaded into the canonical
 * schema, validated with file:line:column errors, and written back as
 * model YAML (what `strata inspect` prints). The caller owns the schema.
 */
#ifndef STRATA_MODEL_H
#define STRATA_MODEL_H

#include "common.h"
#include "buf.h"
#include "dialect.h"
#include "schema.h"

STRATA_BEGIN_DECL

/**
 * Loads models from a YAML file, or from every *.yaml / *.yml file of a
 * directory (sorted by name; tables may reference tables of other files).
 * Column shorthands are made canonical: `primary_key: true` fills the
 * table's key, `unique: true` adds a unique constraint, `index: true` an
 * index, `references:` a foreign key. Dialect-independent validation runs
 * here (types, duplicates, references, index columns).
 * @return 0; STRATA_ENOTFOUND when the path does not exist;
 *         STRATA_EINVALID with "file:line:column: message"
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_model_load(strata_schema **out, const char *path);

/** Like strata_model_load, from text in memory; `name` is used as the
 * file name in messages. */
STRATA_EXTERN(int) strata_model_load_string(strata_schema **out,
	const char *name, const char *text);

/**
 * Like strata_model_load on a directory, from texts in memory: `count`
 * model files, read in the order given (tables may reference tables of
 * other files); `names[i]` is used as the file name of `texts[i]` in
 * messages (e.g. "models/blog.yaml@origin/main").
 * @return 0; STRATA_EINVALID with "name:line:column: message"
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_model_load_texts(strata_schema **out,
	const char *const *names, const char *const *texts, size_t count);

/**
 * Checks a loaded schema against what a dialect accepts: identifier
 * lengths, types the dialect cannot store (e.g. string without a length
 * on MySQL). Reserved words are accepted (strata always quotes) but
 * reported as warnings in `warnings` when not NULL.
 * @return 0, or STRATA_EINVALID with "file:line:column: message"
 */
STRATA_EXTERN(int) strata_model_validate(const strata_schema *schema,
	strata_dialect dialect, strata_strarray *warnings);

/**
 * Writes a schema as model YAML: tables in the schema's order, columns in
 * order, keys left out when they hold their default, names written only
 * when they differ from the naming convention of `dialect`.
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_model_write(strata_buf *out,
	const strata_schema *schema, strata_dialect dialect);

STRATA_END_DECL

#endif
