/*
 * Internal umbrella header of libstrata: allocation, error setting and
 * argument checks used by every module. Never included by cmd/.
 */
#ifndef STRATA_SRC_COMMON_H
#define STRATA_SRC_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "strata.h"
#include "strata_features.h"

#define STRATA_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define STRATA_UNUSED(x) ((void)(x))

/* Allocation: every byte of the library goes through these. */
void *strata__malloc(size_t n);
void *strata__calloc(size_t n, size_t size);
void *strata__realloc(void *p, size_t n);
char *strata__strdup(const char *s);
char *strata__strndup(const char *s, size_t n);
void strata__free(void *p);

/* Sets the thread's last error. */
void strata_error__set(int klass, const char *fmt, ...) STRATA_FORMAT(2, 3);
void strata_error__vset(int klass, const char *fmt, va_list ap);
/* Sets the SQLSTATE and native code of the last error. */
void strata_error__set_native(const char *sqlstate, int native_code);
/* Records the static out-of-memory message. */
void strata_error__oom(void);

#define STRATA_ERROR_CHECK_ALLOC(p) do { \
	if ((p) == NULL) { strata_error__oom(); return STRATA_ERROR; } \
} while (0)

#define STRATA_ASSERT_ARG(x) do { \
	if (!(x)) { \
		strata_error__set(STRATA_ERROR_INVALID, \
			"invalid argument: '%s' (%s)", #x, __func__); \
		return STRATA_EINVALID; \
	} \
} while (0)

/* A growable array of pointers. */
typedef struct {
	void **items;
	size_t count;
	size_t alloc;
} strata_vec;

#define STRATA_VEC_INIT { NULL, 0, 0 }
int strata_vec_push(strata_vec *v, void *item);
void strata_vec_dispose(strata_vec *v);
/* Frees every item with free_fn, then the array. */
void strata_vec_dispose_deep(strata_vec *v, void (*free_fn)(void *));

/* Milliseconds of a monotonic clock; sleeping. */
long long strata__now_ms(void);
void strata__sleep_ms(int ms);

/* Case-insensitive ASCII comparison. */
int strata__strcasecmp(const char *a, const char *b);
int strata__strncasecmp(const char *a, const char *b, size_t n);

#endif
