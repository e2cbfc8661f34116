/*
 * The thread-local last error: set where a failure happens, read by the
 * caller after a negative return.
 */
#include <stdio.h>
#include <stdlib.h>
#include "common.h"

static _Thread_local strata_error last_error;
static _Thread_local char *last_message;
static char oom_message[] = "out of memory";
static char empty_message[] = "";

static void reset(void)
{
	free(last_message);
	last_message = NULL;
	last_error.message = empty_message;
	last_error.klass = STRATA_ERROR_NONE;
	last_error.sqlstate[0] = '\0';
	last_error.native_code = 0;
}

void strata_error__vset(int klass, const char *fmt, va_list ap)
{
	char *msg = NULL;
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n >= 0 && (msg = malloc((size_t)n + 1)) != NULL)
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	reset();
	if (!msg) {
		last_error.message = oom_message;
		last_error.klass = STRATA_ERROR_NOMEMORY;
		return;
	}
	last_message = msg;
	last_error.message = msg;
	last_error.klass = klass;
}

void strata_error__set(int klass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strata_error__vset(klass, fmt, ap);
	va_end(ap);
}

void strata_error__set_native(const char *sqlstate, int native_code)
{
	if (sqlstate) {
		strncpy(last_error.sqlstate, sqlstate, 5);
		last_error.sqlstate[5] = '\0';
	}
	last_error.native_code = native_code;
}

void strata_error__oom(void)
{
	reset();
	last_error.message = oom_message;
	last_error.klass = STRATA_ERROR_NOMEMORY;
}

const strata_error *strata_error_last(void)
{
	if (!last_error.message)
		last_error.message = empty_message;
	return &last_error;
}

void strata_error_clear(void)
{
	reset();
}

const char *strata_strerror(int code)
{
	switch (code) {
	case STRATA_OK: return "success";
	case STRATA_ENOTFOUND: return "not found";
	case STRATA_EEXISTS: return "already exists";
	case STRATA_EAMBIGUOUS: return "ambiguous";
	case STRATA_EINVALID: return "invalid input";
	case STRATA_EUNSUPPORTED: return "not supported by this dialect";
	case STRATA_EMULTIHEADS: return "multiple heads";
	case STRATA_ECYCLE: return "cycle";
	case STRATA_ECONFLICT: return "conflict";
	case STRATA_EUSER: return "stopped by callback";
	case STRATA_ELOCKED: return "lock not acquired";
	case STRATA_ITEROVER: return "end of iteration";
	default: return "error";
	}
}
