/*
 * Version of libstrata, at compile time and at run time.
 */
#ifndef STRATA_VERSION_H
#define STRATA_VERSION_H

#include "common.h"

#define STRATA_VERSION "0.1.0"
#define STRATA_VERSION_MAJOR 0
#define STRATA_VERSION_MINOR 1
#define STRATA_VERSION_REVISION 0
#define STRATA_VERSION_NUM 0x000100
#define STRATA_AT_LEAST_VERSION(x, y, z) \
	(STRATA_VERSION_NUM >= (((x) << 16) | ((y) << 8) | (z)))

STRATA_BEGIN_DECL

/** The version of the linked library. @since 0.1.0 */
STRATA_EXTERN(void) strata_version(int *major, int *minor, int *rev);

/** "sqlite postgresql mysql git": what this build supports. @since 0.1.0 */
STRATA_EXTERN(const char *) strata_features(void);

STRATA_END_DECL

#endif
