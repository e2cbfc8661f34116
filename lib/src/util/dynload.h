/*
 * Loading the client libraries of optional backends (libpq, MariaDB
 * Connector/C, libgit2) at first use rather than at program start, so a
 * command that needs none of them (`strata --version`, SQLite work) does
 * not pay for loading them.
 */
#ifndef STRATA_DYNLOAD_H
#define STRATA_DYNLOAD_H

#include <stddef.h>

typedef struct {
	const char *name; /* symbol */
	void **slot;      /* where its address goes */
} strata_dynsym;

/*
 * Opens `soname` (once; later calls return at once) and resolves every
 * symbol. On failure sets an error naming `what` and the library, and
 * returns STRATA_EUNSUPPORTED.
 */
int strata__dynload(int *loaded, const char *soname, const char *what,
	const strata_dynsym *syms, size_t count);

#endif
