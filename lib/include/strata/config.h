/*
 * The project configuration, strata.yaml: database URL, models and
 * migrations locations, tracking-table name and named environments, with
 * ${VAR} and ${VAR:-default} interpolation. A loaded config owns its strings.
 */
#ifndef STRATA_CONFIG_H
#define STRATA_CONFIG_H

#include "common.h"

STRATA_BEGIN_DECL

/** Looks up an environment variable; returns NULL when unset. */
typedef const char *(*strata_getenv_cb)(const char *name, void *payload);

typedef struct {
	char *path;          /* the file read, or NULL when none was */
	char *environment;   /* the environment chosen, or NULL */
	char *database_url;  /* URL from the file (interpolated), or NULL */
	char *models;        /* models file or directory */
	char *migrations;    /* migrations directory */
	char *version_table; /* tracking table name */
	char *templates;     /* template directory override, or NULL */
	char *schema;        /* PostgreSQL schema, or NULL (public) */
} strata_config;

/**
 * Loads a config file. Relative paths in it are taken relative to the
 * directory of the file.
 * @param out receives the config
 * @param path the file; NULL gives the defaults without reading anything
 * @param environment an entry of `environments:` to apply, or NULL
 * @param getenv_cb looks up ${VAR}; NULL means no variable is set
 * @return 0; STRATA_ENOTFOUND when the file does not exist; STRATA_EINVALID
 *         for bad YAML, unknown keys, an unknown environment or an unset
 *         ${VAR} without default, with "file:line:column: message"
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_config_load(strata_config **out, const char *path,
	const char *environment, strata_getenv_cb getenv_cb, void *payload);

/**
 * Picks the database URL by precedence: `cli_url` when not NULL, else
 * STRATA_DATABASE_URL, DATABASE_URL, SQLALCHEMY_DATABASE_URI, else the
 * config's database_url.
 * @param out receives a copy of the URL (free() it)
 * @param source receives where it came from ("--url", a variable name,
 *        or the config path); may be NULL
 * @return 0, or STRATA_ENOTFOUND when no source gives one
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_config_resolve_url(char **out, const char **source,
	const strata_config *cfg, const char *cli_url,
	strata_getenv_cb getenv_cb, void *payload);

/** Frees a config; NULL is a no-op. @since 0.1.0 */
STRATA_EXTERN(void) strata_config_free(strata_config *cfg);

STRATA_END_DECL

#endif
