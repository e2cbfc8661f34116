/*
 * Common macros of the libstrata public API: export markers, C++ guards,
 * and the string array shared by many functions.
 * Ownership rule of the whole API: the caller owns what an `out` parameter
 * receives and frees it with the matching strata_*_free; pointers returned
 * as values are borrowed from their parent.
 */
#ifndef STRATA_COMMON_H
#define STRATA_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
#define STRATA_BEGIN_DECL extern "C" {
#define STRATA_END_DECL }
#else
#define STRATA_BEGIN_DECL
#define STRATA_END_DECL
#endif

#if defined(__GNUC__)
#define STRATA_EXTERN(type) extern __attribute__((visibility("default"))) type
#define STRATA_FORMAT(a, b) __attribute__((format(printf, a, b)))
#else
#define STRATA_EXTERN(type) extern type
#define STRATA_FORMAT(a, b)
#endif

STRATA_BEGIN_DECL

/** A list of owned strings. */
typedef struct {
	char **strings; /* the strings, each owned */
	size_t count;   /* how many */
} strata_strarray;

/** Frees the strings and the array, leaving it empty. @since 0.1.0 */
STRATA_EXTERN(void) strata_strarray_dispose(strata_strarray *arr);

STRATA_END_DECL

#endif
