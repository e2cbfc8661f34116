/*
 * dlopen/dlsym behind strata__dynload, serialized by one mutex so that
 * threads using the library concurrently load each backend once.
 */
#include <dlfcn.h>
#include <pthread.h>
#include "common.h"
#include "dynload.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int strata__dynload(int *loaded, const char *soname, const char *what,
	const strata_dynsym *syms, size_t count)
{
	void *handle;
	size_t i;
	int error = 0;

	pthread_mutex_lock(&lock);
	if (*loaded) {
		pthread_mutex_unlock(&lock);
		return 0;
	}
	handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		const char *why = dlerror();
		strata_error__set(STRATA_ERROR_DRIVER, "%s needs the shared "
			"library %s, which cannot be loaded: %s", what, soname,
			why ? why : "unknown error");
		error = STRATA_EUNSUPPORTED;
		goto done;
	}
	for (i = 0; i < count; i++) {
		void *sym = dlsym(handle, syms[i].name);
		if (!sym) {
			strata_error__set(STRATA_ERROR_DRIVER, "%s: %s has no "
				"symbol %s (too old a version?)", what, soname,
				syms[i].name);
			dlclose(handle);
			error = STRATA_EUNSUPPORTED;
			goto done;
		}
		*syms[i].slot = sym;
	}
	*loaded = 1;
done:
	pthread_mutex_unlock(&lock);
	return error;
}
