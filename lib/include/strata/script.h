/*
 * Revision scripts: migrations/versions/<revision>_<slug>.yaml files with
 * a header (revision, parents, message, created, author, transactional)
 * and upgrade/downgrade operation lists (docs/migrations.md). A loaded
 * script owns everything in it.
 */
#ifndef STRATA_SCRIPT_H
#define STRATA_SCRIPT_H

#include "common.h"
#include "buf.h"
#include "ops.h"

STRATA_BEGIN_DECL

typedef struct {
	char *path;           /* the file */
	char *revision;       /* its id */
	strata_strarray parents; /* parent ids; none for a root */
	char *message;
	char *created;        /* ISO 8601 UTC, as written */
	char *author;         /* or NULL */
	int transactional;    /* 1 unless `transactional: false` */
	strata_oplist *upgrade;
	strata_oplist *downgrade;
	char checksum[72];    /* "sha256:<64 hex>" of the normalized file */
} strata_script;

/**
 * Reads and validates a revision script.
 * @return 0; STRATA_ENOTFOUND; STRATA_EINVALID with
 *         "file:line:column: message" for anything malformed
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_script_load(strata_script **out, const char *path);

/** Parses a script from memory (`name` used in messages). */
STRATA_EXTERN(int) strata_script_parse(strata_script **out, const char *name,
	const char *text, size_t len);

STRATA_EXTERN(void) strata_script_free(strata_script *script);

/**
 * Renders a script as YAML through a template file (`template_path`, or
 * the built-in layout when NULL). Template placeholders: ${revision},
 * ${parents}, ${message}, ${created}, ${author}, ${transactional},
 * ${upgrade}, ${downgrade}.
 */
STRATA_EXTERN(int) strata_script_render(strata_buf *out,
	const strata_script *script, const char *template_path);

/** Writes the operations of a list as the YAML of a script section
 * (each a "  - kind: {...}" item), with `# DESTRUCTIVE` and rename-hint
 * comments. */
STRATA_EXTERN(int) strata_script_write_ops(strata_buf *out,
	const strata_oplist *ops);

/** "sha256:<hex>" of text with CRLF read as LF and trailing blanks of
 * each line ignored. out must hold 72 bytes. */
STRATA_EXTERN(void) strata_script_checksum(char *out, const char *text,
	size_t len);

STRATA_END_DECL

#endif
