/*
 * Database URLs in the SQLAlchemy form: sqlite:///rel.db, sqlite:////abs.db,
 * sqlite://, postgresql://user:pass@host:port/db?param=value, mysql://...,
 * with an optional +driver suffix on the scheme that is ignored.
 * A parsed URL owns all its strings; free it with strata_url_free.
 */
#ifndef STRATA_URL_H
#define STRATA_URL_H

#include "common.h"
#include "buf.h"
#include "dialect.h"

STRATA_BEGIN_DECL

typedef struct {
	char *key;   /* decoded parameter name */
	char *value; /* decoded value ("" when absent) */
} strata_url_param;

typedef struct {
	strata_dialect dialect; /* from the scheme */
	char *scheme;           /* as written, without +driver */
	char *driver;           /* the +driver suffix, or NULL */
	char *user;             /* decoded, or NULL */
	char *password;         /* decoded, or NULL */
	char *host;             /* decoded, brackets of IPv6 removed, or NULL */
	int port;               /* 0 when absent */
	char *database;         /* decoded database name, or NULL;
	                         * for SQLite the file path ("" is memory) */
	strata_url_param *params; /* query parameters in order */
	size_t param_count;       /* how many */
} strata_url;

/**
 * Parses a database URL.
 * @param out receives the URL (NULL on failure)
 * @param text the URL
 * @return 0, or STRATA_EINVALID with a message saying what is wrong;
 *         the message never contains the password
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_url_parse(strata_url **out, const char *text);

/** Frees a URL; NULL is a no-op. @since 0.1.0 */
STRATA_EXTERN(void) strata_url_free(strata_url *url);

/** The value of a query parameter, or NULL. Borrowed. @since 0.1.0 */
STRATA_EXTERN(const char *) strata_url_param_get(const strata_url *url,
	const char *key);

/**
 * Appends `text` with any password replaced by "***". Works on text that
 * does not parse as a URL too, so it is safe for every message.
 * @since 0.1.0
 */
STRATA_EXTERN(int) strata_url_mask(strata_buf *out, const char *text);

STRATA_END_DECL

#endif
