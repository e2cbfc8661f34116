/*
 * Error codes and the thread-local "last error" of libstrata.
 * Every fallible function returns 0 on success or a negative
 * strata_error_code, and sets the last error with a message.
 */
#ifndef STRATA_ERRORS_H
#define STRATA_ERRORS_H

#include "common.h"

STRATA_BEGIN_DECL

typedef enum {
	STRATA_OK = 0,
	STRATA_ERROR = -1,        /* generic failure */
	STRATA_ENOTFOUND = -3,    /* object not found */
	STRATA_EEXISTS = -4,      /* object already exists */
	STRATA_EAMBIGUOUS = -5,   /* prefix matches several objects */
	STRATA_EINVALID = -6,     /* invalid input (file, URL, argument) */
	STRATA_EUNSUPPORTED = -7, /* the dialect cannot do this */
	STRATA_EMULTIHEADS = -8,  /* several heads where one was needed */
	STRATA_ECYCLE = -9,       /* cycle in a graph */
	STRATA_ECONFLICT = -10,   /* state conflicts with the request */
	STRATA_EUSER = -11,       /* a callback asked to stop */
	STRATA_ELOCKED = -12,     /* a lock could not be had in time */
	STRATA_ITEROVER = -31     /* iteration is over */
} strata_error_code;

typedef enum {
	STRATA_ERROR_NONE = 0,
	STRATA_ERROR_NOMEMORY,
	STRATA_ERROR_OS,
	STRATA_ERROR_INVALID,
	STRATA_ERROR_URL,
	STRATA_ERROR_CONFIG,
	STRATA_ERROR_MODEL,
	STRATA_ERROR_DRIVER,
	STRATA_ERROR_INTROSPECT,
	STRATA_ERROR_DIFF,
	STRATA_ERROR_DDL,
	STRATA_ERROR_SCRIPT,
	STRATA_ERROR_REVISION,
	STRATA_ERROR_HISTORY,
	STRATA_ERROR_GIT
} strata_error_class;

/** The last error of this thread. */
typedef struct {
	char *message;     /* what went wrong, with context */
	int klass;         /* a strata_error_class */
	char sqlstate[6];  /* the server's SQLSTATE, or "" */
	int native_code;   /* the server's error number, or 0 */
} strata_error;

/**
 * The last error set on this thread; never NULL (the message is "" when
 * there is none). Valid until the next libstrata call on this thread.
 * @since 0.1.0
 */
STRATA_EXTERN(const strata_error *) strata_error_last(void);

/** Forgets the last error. @since 0.1.0 */
STRATA_EXTERN(void) strata_error_clear(void);

/** A short text for a strata_error_code. @since 0.1.0 */
STRATA_EXTERN(const char *) strata_strerror(int code);

STRATA_END_DECL

#endif
