/*
 * Thin layer over libyaml's document loader shared by the config, model
 * and migration-script readers: load a file, walk nodes, and report
 * errors as "file:line:column: message".
 */
#ifndef STRATA_YAML_UTIL_H
#define STRATA_YAML_UTIL_H

#include <yaml.h>
#include "common.h"

typedef struct {
	yaml_document_t doc; /* the parsed document */
	char *path;          /* file name used in messages */
	int loaded;          /* doc must be deleted */
} strata_yaml;

#define STRATA_YAML_INIT { .path = NULL }

/* Loads the first document of a file; an empty file gives a NULL root. */
int strata_yaml__load_file(strata_yaml *y, const char *path);
/* Loads from memory; `name` is used in messages. */
int strata_yaml__load_string(strata_yaml *y, const char *name,
	const char *text, size_t len);
void strata_yaml__dispose(strata_yaml *y);

yaml_node_t *strata_yaml__root(strata_yaml *y);
yaml_node_t *strata_yaml__get(strata_yaml *y, int id);
/* Sets "path:line:col: message" (at the node's start) and returns
 * STRATA_EINVALID. */
int strata_yaml__error(strata_yaml *y, const yaml_node_t *node, int klass,
	const char *fmt, ...) STRATA_FORMAT(4, 5);
/* The text of a scalar node, or NULL when it is not a scalar. */
const char *strata_yaml__scalar(const yaml_node_t *node);
/* Whether a scalar was written plain (unquoted). */
int strata_yaml__is_plain(const yaml_node_t *node);
/* Value node of `key` in a mapping, or NULL. */
yaml_node_t *strata_yaml__lookup(strata_yaml *y, const yaml_node_t *map,
	const char *key);
/* Whether a plain scalar is null (~, null, or empty). */
int strata_yaml__is_null(const yaml_node_t *node);
/* Parses a YAML boolean (true/false/yes/no/on/off); -1 when not one. */
int strata_yaml__bool(const yaml_node_t *node);

#define strata_yaml__line(n) ((unsigned long)(n)->start_mark.line + 1)
#define strata_yaml__col(n) ((unsigned long)(n)->start_mark.column + 1)

#endif
