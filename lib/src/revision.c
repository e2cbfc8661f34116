/*
 * The revision graph: loading a versions directory, validating ids,
 * parents and cycles, heads, ancestry and the paths between states.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include "schema_int.h"
#include "strata/revision.h"

struct strata_revmap {
	strata_script **scripts; /* topological order, parents first */
	size_t count;
	size_t **parents;        /* parent indexes of scripts[i] */
	size_t *nparents;
	strata_script **byid;    /* the scripts sorted by id */
	long *byid_at;           /* index in scripts of byid[i] */
};

void strata_revmap_free(strata_revmap *map)
{
	size_t i;

	if (!map)
		return;
	for (i = 0; i < map->count; i++) {
		strata_script_free(map->scripts[i]);
		if (map->parents)
			strata__free(map->parents[i]);
	}
	strata__free(map->scripts);
	strata__free(map->parents);
	strata__free(map->nparents);
	strata__free(map->byid);
	strata__free(map->byid_at);
	strata__free(map);
}

static int by_revision(const void *a, const void *b)
{
	const strata_script *x = *(strata_script *const *)a;
	const strata_script *y = *(strata_script *const *)b;

	return strcmp(x->revision, y->revision);
}

static long find(strata_script **s, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s[mid]->revision, id);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int revision_error(const char *fmt, ...) STRATA_FORMAT(1, 2);

static int revision_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strata_error__vset(STRATA_ERROR_REVISION, fmt, ap);
	va_end(ap);
	return STRATA_EINVALID;
}

/* Finds a cycle among the not-yet-placed scripts and describes it. */
static int report_cycle(strata_script **s, size_t n, const char *placed)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t start, cur, steps;
	long p = -1;
	int error;

	for (start = 0; start < n && placed[start]; start++)
		;
	/* Walk parents among unplaced scripts; after n steps we are on the
	 * cycle. */
	cur = start;
	for (steps = 0; steps < n; steps++) {
		size_t k;
		for (k = 0; k < s[cur]->parents.count; k++) {
			p = find(s, n, s[cur]->parents.strings[k]);
			if (p >= 0 && !placed[p])
				break;
		}
		cur = (size_t)p;
	}
	/* Start the description at the smallest id on the cycle. */
	start = cur;
	{
		size_t best = cur;
		do {
			size_t k;
			for (k = 0; k < s[cur]->parents.count; k++) {
				p = find(s, n, s[cur]->parents.strings[k]);
				if (p >= 0 && !placed[p])
					break;
			}
			cur = (size_t)p;
			if (strcmp(s[cur]->revision, s[best]->revision) < 0)
				best = cur;
		} while (cur != start);
		start = cur = best;
	}
	strata_buf_printf(&b, "revision cycle: %s", s[start]->revision);
	do {
		size_t k;
		for (k = 0; k < s[cur]->parents.count; k++) {
			p = find(s, n, s[cur]->parents.strings[k]);
			if (p >= 0 && !placed[p])
				break;
		}
		cur = (size_t)p;
		strata_buf_printf(&b, " -> %s", s[cur]->revision);
	} while (cur != start);
	strata_buf_puts(&b, " (files:");
	cur = start;
	do {
		size_t k;
		strata_buf_printf(&b, " %s", s[cur]->path ? s[cur]->path : "?");
		for (k = 0; k < s[cur]->parents.count; k++) {
			p = find(s, n, s[cur]->parents.strings[k]);
			if (p >= 0 && !placed[p])
				break;
		}
		cur = (size_t)p;
	} while (cur != start);
	strata_buf_putc(&b, ')');
	error = revision_error("%s", b.ptr);
	strata_buf_dispose(&b);
	return error;
}

int strata_revmap_build(strata_revmap **out, strata_script **scripts,
	size_t count)
{
	strata_revmap *map = NULL;
	strata_script **sorted = NULL;
	char *placed = NULL;
	size_t i, k, done = 0;
	long *newpos = NULL;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	map = strata__calloc(1, sizeof(*map));
	sorted = strata__calloc(count + 1, sizeof(*sorted));
	placed = strata__calloc(count + 1, 1);
	newpos = strata__calloc(count + 1, sizeof(*newpos));
	if (!map || !sorted || !placed || !newpos) {
		strata__free(map);
		map = NULL;
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	map->scripts = strata__calloc(count + 1, sizeof(*map->scripts));
	if (!map->scripts) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	if (count) {
		memcpy(sorted, scripts, count * sizeof(*sorted));
		qsort(sorted, count, sizeof(*sorted), by_revision);
	}
	for (i = 1; i < count; i++)
		if (!strcmp(sorted[i - 1]->revision, sorted[i]->revision)) {
			error = revision_error("duplicate revision id '%s' in "
				"%s and %s", sorted[i]->revision,
				sorted[i - 1]->path ? sorted[i - 1]->path : "?",
				sorted[i]->path ? sorted[i]->path : "?");
			goto done;
		}
	for (i = 0; i < count; i++)
		for (k = 0; k < sorted[i]->parents.count; k++) {
			const char *p = sorted[i]->parents.strings[k];
			if (find(sorted, count, p) < 0) {
				error = revision_error("%s: parent revision '%s' "
					"of revision '%s' does not exist",
					sorted[i]->path ? sorted[i]->path : "?",
					p, sorted[i]->revision);
				goto done;
			}
			if (!strcmp(p, sorted[i]->revision)) {
				error = revision_error("%s: revision '%s' names "
					"itself as its parent", sorted[i]->path ?
					sorted[i]->path : "?", p);
				goto done;
			}
		}
	/* Kahn's algorithm; among ready scripts the smallest id first. */
	while (done < count) {
		int progress = 0;
		for (i = 0; i < count; i++) {
			int ready = !placed[i];
			for (k = 0; ready && k < sorted[i]->parents.count; k++)
				if (!placed[find(sorted, count,
					sorted[i]->parents.strings[k])])
					ready = 0;
			if (ready) {
				placed[i] = 1;
				newpos[i] = (long)done;
				map->scripts[done++] = sorted[i];
				progress = 1;
				break;
			}
		}
		if (!progress) {
			error = report_cycle(sorted, count, placed);
			goto done;
		}
	}
	map->count = count;
	map->parents = strata__calloc(count + 1, sizeof(*map->parents));
	map->nparents = strata__calloc(count + 1, sizeof(*map->nparents));
	if (!map->parents || !map->nparents) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	for (i = 0; i < count; i++) {
		const strata_script *s = map->scripts[i];
		map->nparents[i] = s->parents.count;
		map->parents[i] = strata__calloc(s->parents.count + 1,
			sizeof(size_t));
		if (!map->parents[i]) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		for (k = 0; k < s->parents.count; k++)
			map->parents[i][k] = (size_t)newpos[find(sorted, count,
				s->parents.strings[k])];
	}
	/* lookups by id: binary search */
	map->byid = sorted;
	map->byid_at = newpos;
	sorted = NULL;
	newpos = NULL;
done:
	if (error < 0) {
		/* The map takes the scripts over even on failure. */
		for (i = 0; i < count; i++)
			strata_script_free(scripts[i]);
		if (map) {
			map->count = 0;
			strata_revmap_free(map);
		}
	} else {
		*out = map;
	}
	strata__free(sorted);
	strata__free(placed);
	strata__free(newpos);
	return error;
}

static int is_script_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.')
		return 0;
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
		(n > 4 && !strcmp(name + n - 4, ".yml"));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int strata_revmap_load(strata_revmap **out, const char *dir)
{
	strata_script **scripts = NULL;
	strata_strarray names = { NULL, 0 };
	struct dirent *de;
	size_t i, n = 0;
	DIR *d;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	d = opendir(dir);
	if (!d)
		return strata_revmap_build(out, NULL, 0);
	while ((de = readdir(d)) != NULL)
		if (is_script_name(de->d_name) &&
		    strata_strarray_add(&names, de->d_name) < 0) {
			closedir(d);
			strata_strarray_dispose(&names);
			return STRATA_ERROR;
		}
	closedir(d);
	if (names.count)
		qsort(names.strings, names.count, sizeof(char *), by_name);
	scripts = strata__calloc(names.count + 1, sizeof(*scripts));
	if (!scripts) {
		strata_strarray_dispose(&names);
		strata_error__oom();
		return STRATA_ERROR;
	}
	for (i = 0; i < names.count; i++) {
		strata_buf path = STRATA_BUF_INIT;
		strata_buf_printf(&path, "%s/%s", dir, names.strings[i]);
		error = strata_script_load(&scripts[n], path.ptr);
		strata_buf_dispose(&path);
		if (error < 0)
			break;
		n++;
	}
	strata_strarray_dispose(&names);
	if (error < 0) {
		for (i = 0; i < n; i++)
			strata_script_free(scripts[i]);
		strata__free(scripts);
		return error;
	}
	error = strata_revmap_build(out, scripts, n);
	strata__free(scripts);
	return error;
}

size_t strata_revmap_count(const strata_revmap *map)
{
	return map ? map->count : 0;
}

const strata_script *strata_revmap_at(const strata_revmap *map, size_t i)
{
	return map && i < map->count ? map->scripts[i] : NULL;
}

static long index_of(const strata_revmap *map, const char *id)
{
	long k = id && map->count ? find(map->byid, map->count, id) : -1;

	return k >= 0 ? map->byid_at[k] : -1;
}

const strata_script *strata_revmap_get(const strata_revmap *map,
	const char *id)
{
	long i = map ? index_of(map, id) : -1;

	return i >= 0 ? map->scripts[i] : NULL;
}

static size_t *child_counts(const strata_revmap *map)
{
	size_t *c = strata__calloc(map->count + 1, sizeof(size_t));
	size_t i, k;

	if (!c)
		return NULL;
	for (i = 0; i < map->count; i++)
		for (k = 0; k < map->nparents[i]; k++)
			c[map->parents[i][k]]++;
	return c;
}

int strata_revmap_heads(strata_strarray *out, const strata_revmap *map)
{
	size_t *c, i;
	strata_strarray tmp = { NULL, 0 };

	STRATA_ASSERT_ARG(out);
	c = child_counts(map);
	STRATA_ERROR_CHECK_ALLOC(c);
	for (i = 0; i < map->count; i++)
		if (!c[i] && strata_strarray_add(&tmp,
			map->scripts[i]->revision) < 0) {
			strata__free(c);
			strata_strarray_dispose(&tmp);
			return STRATA_ERROR;
		}
	strata__free(c);
	if (tmp.count)
		qsort(tmp.strings, tmp.count, sizeof(char *), by_name);
	*out = tmp;
	return 0;
}

int strata_revmap_branchpoints(strata_strarray *out,
	const strata_revmap *map)
{
	size_t *c, i;

	STRATA_ASSERT_ARG(out);
	memset(out, 0, sizeof(*out));
	c = child_counts(map);
	STRATA_ERROR_CHECK_ALLOC(c);
	for (i = 0; i < map->count; i++)
		if (c[i] > 1 && strata_strarray_add(out,
			map->scripts[i]->revision) < 0) {
			strata__free(c);
			return STRATA_ERROR;
		}
	strata__free(c);
	return 0;
}

int strata_revmap_resolve(const strata_script **out,
	const strata_revmap *map, const char *id)
{
	strata_buf cands = STRATA_BUF_INIT;
	const strata_script *found = NULL;
	size_t i, n = 0, len;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if (!id || !*id) {
		strata_error__set(STRATA_ERROR_REVISION, "empty revision id");
		return STRATA_EINVALID;
	}
	if ((found = strata_revmap_get(map, id)) != NULL) {
		*out = found;
		return 0;
	}
	len = strlen(id);
	for (i = 0; i < map->count; i++)
		if (!strncmp(map->scripts[i]->revision, id, len)) {
			found = map->scripts[i];
			strata_buf_printf(&cands, "%s%s", n ? ", " : "",
				found->revision);
			n++;
		}
	if (n == 1) {
		*out = found;
		strata_buf_dispose(&cands);
		return 0;
	}
	if (!n)
		strata_error__set(STRATA_ERROR_REVISION, "no revision '%s' in "
			"the migrations directory", id);
	else
		strata_error__set(STRATA_ERROR_REVISION, "revision prefix '%s' "
			"is ambiguous: %s", id, cands.ptr);
	strata_buf_dispose(&cands);
	return n ? STRATA_EAMBIGUOUS : STRATA_ENOTFOUND;
}

/* Marks i and all its ancestors in `mark`. */
static void mark_ancestors(const strata_revmap *map, size_t i, char *mark)
{
	size_t k;

	if (mark[i])
		return;
	mark[i] = 1;
	for (k = 0; k < map->nparents[i]; k++)
		mark_ancestors(map, map->parents[i][k], mark);
}

int strata_revmap_is_ancestor(const strata_revmap *map, const char *anc,
	const char *rev)
{
	long a = index_of(map, anc), r = index_of(map, rev);
	char *mark;
	int result;

	if (a < 0 || r < 0)
		return 0;
	mark = strata__calloc(map->count + 1, 1);
	if (!mark)
		return 0;
	mark_ancestors(map, (size_t)r, mark);
	result = mark[a];
	strata__free(mark);
	return result;
}

int strata_revmap_upgrade_path(strata_strarray *out,
	const strata_revmap *map, const strata_strarray *current,
	const strata_strarray *targets)
{
	char *want, *have;
	size_t i;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	memset(out, 0, sizeof(*out));
	want = strata__calloc(map->count + 1, 1);
	have = strata__calloc(map->count + 1, 1);
	if (!want || !have) {
		strata__free(want);
		strata__free(have);
		strata_error__oom();
		return STRATA_ERROR;
	}
	for (i = 0; i < targets->count; i++) {
		long t = index_of(map, targets->strings[i]);
		if (t >= 0)
			mark_ancestors(map, (size_t)t, want);
	}
	for (i = 0; current && i < current->count; i++) {
		long c = index_of(map, current->strings[i]);
		if (c >= 0)
			have[c] = 1;
	}
	for (i = 0; i < map->count && !error; i++)
		if (want[i] && !have[i])
			error = strata_strarray_add(out,
				map->scripts[i]->revision);
	strata__free(want);
	strata__free(have);
	return error;
}

int strata_revmap_downgrade_path(strata_strarray *out,
	const strata_revmap *map, const strata_strarray *current,
	const char *target)
{
	char *keep, *have;
	size_t i;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	memset(out, 0, sizeof(*out));
	keep = strata__calloc(map->count + 1, 1);
	have = strata__calloc(map->count + 1, 1);
	if (!keep || !have) {
		strata__free(keep);
		strata__free(have);
		strata_error__oom();
		return STRATA_ERROR;
	}
	if (target) {
		long t = index_of(map, target);
		if (t >= 0)
			mark_ancestors(map, (size_t)t, keep);
	}
	for (i = 0; current && i < current->count; i++) {
		long c = index_of(map, current->strings[i]);
		if (c >= 0)
			have[c] = 1;
	}
	for (i = map->count; i > 0 && !error; i--)
		if (have[i - 1] && !keep[i - 1])
			error = strata_strarray_add(out,
				map->scripts[i - 1]->revision);
	strata__free(keep);
	strata__free(have);
	return error;
}
