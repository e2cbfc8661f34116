/*
 * The one allocation layer of libstrata, so that out-of-memory is
 * handled (and can be tested) in one place.
 */
#include <stdlib.h>
#include "common.h"

void *strata__malloc(size_t n)
{
	return malloc(n ? n : 1);
}

void *strata__calloc(size_t n, size_t size)
{
	return calloc(n ? n : 1, size ? size : 1);
}

void *strata__realloc(void *p, size_t n)
{
	return realloc(p, n ? n : 1);
}

char *strata__strdup(const char *s)
{
	return s ? strata__strndup(s, strlen(s)) : NULL;
}

char *strata__strndup(const char *s, size_t n)
{
	char *r;

	if (!s)
		return NULL;
	r = malloc(n + 1);
	if (!r)
		return NULL;
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

void strata__free(void *p)
{
	free(p);
}

int strata_vec_push(strata_vec *v, void *item)
{
	if (v->count == v->alloc) {
		size_t n = v->alloc ? v->alloc * 2 : 8;
		void **items = strata__realloc(v->items, n * sizeof(*items));
		STRATA_ERROR_CHECK_ALLOC(items);
		v->items = items;
		v->alloc = n;
	}
	v->items[v->count++] = item;
	return 0;
}

void strata_vec_dispose(strata_vec *v)
{
	strata__free(v->items);
	v->items = NULL;
	v->count = v->alloc = 0;
}

void strata_vec_dispose_deep(strata_vec *v, void (*free_fn)(void *))
{
	size_t i;

	for (i = 0; i < v->count; i++)
		free_fn(v->items[i]);
	strata_vec_dispose(v);
}

int strata__strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb || !ca)
			return ca - cb;
	}
}

int strata__strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb || !ca)
			return ca - cb;
	}
	return 0;
}

void strata_strarray_dispose(strata_strarray *arr)
{
	size_t i;

	if (!arr)
		return;
	for (i = 0; i < arr->count; i++)
		strata__free(arr->strings[i]);
	strata__free(arr->strings);
	arr->strings = NULL;
	arr->count = 0;
}
