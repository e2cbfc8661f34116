/*
 * Lint of revision scripts against a base revision of the repository:
 * applied history must not change, new revisions must continue the base's
 * head(s), destructive steps are pointed out, and every script must be
 * committed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "common.h"
#include "diff/diff_int.h"
#include "strata/lint.h"
#include "strata/revision.h"

static int add(strata_lint_report *r, strata_lint_severity sev,
	const char *code, const char *path, const char *rev,
	const char *fmt, ...) STRATA_FORMAT(6, 7);

static int add(strata_lint_report *r, strata_lint_severity sev,
	const char *code, const char *path, const char *rev,
	const char *fmt, ...)
{
	strata_lint_finding *f;
	strata_buf b = STRATA_BUF_INIT;
	va_list ap;

	f = strata__realloc(r->findings, (r->count + 1) * sizeof(*f));
	STRATA_ERROR_CHECK_ALLOC(f);
	r->findings = f;
	f = &r->findings[r->count++];
	memset(f, 0, sizeof(*f));
	f->severity = sev;
	f->code = code;
	f->path = strata__strdup(path);
	f->revision = strata__strdup(rev);
	va_start(ap, fmt);
	strata_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	f->message = strata_buf_detach(&b);
	return 0;
}

void strata_lint_report_free(strata_lint_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->count; i++) {
		strata__free(r->findings[i].path);
		strata__free(r->findings[i].revision);
		strata__free(r->findings[i].message);
	}
	strata__free(r->findings);
	strata__free(r);
}

static int is_script(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 5 && !strcmp(name + n - 5, ".yaml")) ||
		(n > 4 && !strcmp(name + n - 4, ".yml")));
}

static void join_list(strata_buf *b, const strata_strarray *a)
{
	size_t i;

	strata_buf_putc(b, '[');
	for (i = 0; i < a->count; i++)
		strata_buf_printf(b, "%s%s", i ? ", " : "", a->strings[i]);
	strata_buf_putc(b, ']');
}

static int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static int names_parent(const strata_script *s, const char *rev)
{
	size_t k;

	for (k = 0; k < s->parents.count; k++)
		if (!strcmp(s->parents.strings[k], rev))
			return 1;
	return 0;
}

/* Whether `rev` is named as a parent by any revision of the work tree or
 * of the base (the graph after merging). */
static int has_child(const strata_revmap *work, const strata_revmap *base,
	const char *rev)
{
	size_t i;

	for (i = 0; i < strata_revmap_count(work); i++)
		if (names_parent(strata_revmap_at(work, i), rev))
			return 1;
	for (i = 0; i < strata_revmap_count(base); i++)
		if (names_parent(strata_revmap_at(base, i), rev))
			return 1;
	return 0;
}

/* The number of heads once the branch is merged into the base: the
 * revisions of both without a child in either. */
static size_t merged_heads(const strata_revmap *work,
	const strata_revmap *base)
{
	size_t i, n = 0;

	for (i = 0; i < strata_revmap_count(work); i++) {
		const char *rev = strata_revmap_at(work, i)->revision;
		n += !has_child(work, base, rev);
	}
	for (i = 0; i < strata_revmap_count(base); i++) {
		const char *rev = strata_revmap_at(base, i)->revision;
		if (!strata_revmap_get(work, rev))
			n += !has_child(work, base, rev);
	}
	return n;
}

/* Whether an operation of a new revision may lose data: it drops a table
 * or column (or an enum), narrows a column's type or an enum's values. */
static int destructive(const strata_op *op)
{
	size_t i, j;

	if (op->kind == STRATA_OP_DROP_TABLE ||
	    op->kind == STRATA_OP_DROP_COLUMN ||
	    op->kind == STRATA_OP_DROP_ENUM ||
	    (op->flags & STRATA_OP_DESTRUCTIVE))
		return 1;
	if (op->kind == STRATA_OP_ALTER_COLUMN && op->before && op->after &&
	    op->before->table_count && op->after->table_count &&
	    op->before->tables[0]->column_count &&
	    op->after->tables[0]->column_count)
		return strata_diff__narrowing(op->before->tables[0]->columns[0],
			op->after->tables[0]->columns[0]);
	if (op->kind == STRATA_OP_ALTER_ENUM && op->before && op->after &&
	    op->before->enum_count && op->after->enum_count) {
		const strata_strarray *a = &op->before->enums[0]->values;
		const strata_strarray *b = &op->after->enums[0]->values;
		for (i = 0; i < a->count; i++) {
			for (j = 0; j < b->count; j++)
				if (!strcmp(a->strings[i], b->strings[j]))
					break;
			if (j == b->count)
				return 1;
		}
	}
	return 0;
}

/* Scripts that exist at the base: each must be where it was, unchanged. */
static int check_base(strata_lint_report *r, const strata_revmap *work,
	strata_script *const *base, const strata_strarray *paths,
	const char *ref)
{
	size_t i;
	int error = 0;

	for (i = 0; !error && i < paths->count; i++) {
		const strata_script *b = base[i];
		const char *path = paths->strings[i];
		const char *rev = b->revision;
		const strata_script *w = strata_revmap_get(work, rev);
		if (!file_exists(path) && w)
			error = add(r, STRATA_LINT_ERROR, "renamed", path, rev,
				"%s: revision %s exists at %s and was renamed "
				"to %s: applied revisions must keep their file",
				path, rev, ref, w->path);
		else if (!file_exists(path))
			error = add(r, STRATA_LINT_ERROR, "deleted", path, rev,
				"%s: revision %s exists at %s and was deleted: "
				"applied revisions must stay", path, rev, ref);
		else if (!w || strcmp(w->path, path) ||
		    strcmp(w->checksum, b->checksum))
			/* changed, or the file holds another revision now */
			error = add(r, STRATA_LINT_ERROR, "modified", path, rev,
				"%s: revision %s exists at %s and was modified "
				"since: applied revisions must not change; write "
				"a new revision instead", path, rev, ref);
	}
	return error;
}

/* New revisions: they continue the base's head(s), and their destructive
 * steps are named. */
static int check_new(strata_lint_report *r, const strata_revmap *work,
	const strata_revmap *base_map, const char *ref)
{
	strata_strarray heads = { NULL, 0 };
	strata_buf hl = STRATA_BUF_INIT, pl = STRATA_BUF_INIT;
	strata_buf d = STRATA_BUF_INIT;
	size_t i, k, nheads;
	int forks, error;

	if ((error = strata_revmap_heads(&heads, base_map)) < 0)
		return error;
	join_list(&hl, &heads);
	/* a parent that is not a head at the base is only a problem when
	 * the merged graph has more heads than the base */
	nheads = merged_heads(work, base_map);
	forks = nheads > (heads.count ? heads.count : 1);
	for (i = 0; !error && i < strata_revmap_count(work); i++) {
		const strata_script *s = strata_revmap_at(work, i);
		if (strata_revmap_get(base_map, s->revision))
			continue;
		const char *path = s->path, *rev = s->revision;
		for (k = 0; forks && k < s->parents.count; k++) {
			const char *p = s->parents.strings[k];
			if (!strata_revmap_get(base_map, p) ||
			    !has_child(base_map, base_map, p))
				continue; /* new, or a head at the base */
			strata_buf_clear(&pl);
			join_list(&pl, &s->parents);
			error = add(r, STRATA_LINT_ERROR, "not-at-head", path,
				rev, "%s: revision %s has parents %s, but %s "
				"is not a head at %s (heads there: %s): after "
				"merging, the migrations would have %zu heads; "
				"run 'strata merge' or set its parents to %s",
				path, rev, pl.ptr, p, ref, hl.ptr, nheads,
				hl.ptr);
			break;
		}
		if (!error && forks && !s->parents.count && heads.count)
			error = add(r, STRATA_LINT_ERROR, "not-at-head", path,
				rev, "%s: revision %s has no parents, but %s "
				"has revisions (heads there: %s): after "
				"merging, the migrations would have %zu heads; "
				"run 'strata merge' or set its parents to %s",
				path, rev, ref, hl.ptr, nheads, hl.ptr);
		for (k = 0; !error && s->upgrade && k < s->upgrade->count;
		     k++) {
			const strata_op *op = s->upgrade->ops[k];
			if (!destructive(op))
				continue;
			strata_buf_clear(&d);
			if ((error = strata_op_describe(&d, op)) < 0)
				break;
			error = add(r, STRATA_LINT_WARNING, "destructive", path,
				rev, "%s: revision %s is destructive: %s",
				path, rev, d.ptr);
		}
	}
	strata_strarray_dispose(&heads);
	strata_buf_dispose(&hl);
	strata_buf_dispose(&pl);
	strata_buf_dispose(&d);
	return error;
}

/* Every script of the work tree is committed. */
static int check_committed(strata_lint_report *r, strata_repo *repo,
	const strata_revmap *work)
{
	size_t i;
	int error = 0;

	for (i = 0; !error && i < strata_revmap_count(work); i++) {
		const strata_script *s = strata_revmap_at(work, i);
		unsigned int st = 0;
		if ((error = strata_repo_file_status(&st, repo, s->path)) < 0)
			break;
		if (st)
			error = add(r, STRATA_LINT_ERROR, "uncommitted",
				s->path, s->revision, "%s: revision %s is not "
				"committed (%s)", s->path, s->revision,
				st & STRATA_GIT_UNTRACKED ? "untracked" :
				st & STRATA_GIT_ADDED ? "added, not committed" :
				"changed since the last commit");
	}
	return error;
}

int strata_lint(strata_lint_report **out, strata_repo *repo,
	const char *dir, const char *ref)
{
	strata_lint_report *r = NULL;
	strata_strarray names = { NULL, 0 }, paths = { NULL, 0 };
	strata_buf path = STRATA_BUF_INIT, label = STRATA_BUF_INIT;
	strata_buf text = STRATA_BUF_INIT;
	strata_script **base = NULL;
	strata_revmap *base_map = NULL, *work = NULL;
	size_t i, nbase = 0, len;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	STRATA_ASSERT_ARG(repo);
	STRATA_ASSERT_ARG(dir);
	STRATA_ASSERT_ARG(ref);
	r = strata__calloc(1, sizeof(*r));
	STRATA_ERROR_CHECK_ALLOC(r);
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if ((error = strata_repo_resolve(&text, repo, ref)) < 0 ||
	    (error = strata_repo_list_dir(&names, repo, ref, dir)) < 0)
		goto done;
	base = strata__calloc(names.count + 1, sizeof(*base));
	if (!base) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	/* the scripts at the base, named "<path>@<ref>" in parse errors */
	for (i = 0; i < names.count; i++) {
		if (!is_script(names.strings[i]))
			continue;
		strata_buf_clear(&path);
		strata_buf_clear(&label);
		strata_buf_clear(&text);
		strata_buf_put(&path, dir, len);
		strata_buf_printf(&path, "/%s", names.strings[i]);
		strata_buf_printf(&label, "%s@%s", path.ptr, ref);
		if ((error = strata_repo_read_file(&text, repo, ref,
			path.ptr)) < 0 ||
		    (error = strata_script_parse(&base[nbase], label.ptr,
			text.ptr, text.size)) < 0 ||
		    (error = strata_strarray_add(&paths, path.ptr)) < 0)
			goto done;
		nbase++;
	}
	if ((error = strata_revmap_load(&work, dir)) < 0 ||
	    (error = check_base(r, work, base, &paths, ref)) < 0)
		goto done;
	/* the map takes the scripts over */
	error = strata_revmap_build(&base_map, base, nbase);
	strata__free(base);
	base = NULL;
	if (error < 0 ||
	    (error = check_new(r, work, base_map, ref)) < 0 ||
	    (error = check_committed(r, repo, work)) < 0)
		goto done;
done:
	if (base) {
		for (i = 0; i < nbase; i++)
			strata_script_free(base[i]);
		strata__free(base);
	}
	strata_revmap_free(base_map);
	strata_revmap_free(work);
	strata_strarray_dispose(&names);
	strata_strarray_dispose(&paths);
	strata_buf_dispose(&path);
	strata_buf_dispose(&label);
	strata_buf_dispose(&text);
	if (error < 0) {
		strata_lint_report_free(r);
		return error;
	}
	*out = r;
	return 0;
}
