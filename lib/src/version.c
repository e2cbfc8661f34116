/*
 * Run-time version and feature report.
 */
#include "common.h"

void strata_version(int *major, int *minor, int *rev)
{
	if (major)
		*major = STRATA_VERSION_MAJOR;
	if (minor)
		*minor = STRATA_VERSION_MINOR;
	if (rev)
		*rev = STRATA_VERSION_REVISION;
}

const char *strata_features(void)
{
	return "sqlite postgresql mysql git";
}
