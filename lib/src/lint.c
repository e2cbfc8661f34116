/*
 * Lint of revision scripts against a base revision of the repository:
 * applied history must not change, new revisions must continue the base's
 * head(s), destructive steps are pointed out, and every script must be
 * committed.
 */
#include <stdio.h>
#include <stdlib.h>
#include "common.h"
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

int strata_lint(strata_lint_report **out, strata_repo *repo,
	const char *dir, const char *ref)
{
	strata_lint_report *r = NULL;
	strata_strarray names = { NULL, 0 }, base_heads = { NULL, 0 };
	strata_script **base = NULL;
	strata_revmap *base_map = NULL, *work = NULL;
	size_t i, k, nbase = 0;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	r = strata__calloc(1, sizeof(*r));
	STRATA_ERROR_CHECK_ALLOC(r);
	if ((error = strata_repo_is_dir(repo, ref, ".")) < 0)
		goto done;
	if ((error = strata_repo_list_dir(&names, repo, ref, dir)) < 0)
		goto done;
	base = strata__calloc(names.count + 1, sizeof(*base));
	if (!base) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	for (i = 0; i < names.count; i++) {
		strata_buf path = STRATA_BUF_INIT, text = STRATA_BUF_INIT;
		strata_buf label = STRATA_BUF_INIT;
		if (!is_script(names.strings[i]))
			continue;
		strata_buf_printf(&path, "%s/%s", dir, names.strings[i]);
		strata_buf_printf(&label, "%s@%s", path.ptr, ref);
		error = strata_repo_read_file(&text, repo, ref, path.ptr);
		if (!error)
			error = strata_script_parse(&base[nbase], path.ptr,
				text.ptr, text.size);
		strata_buf_dispose(&path);
		strata_buf_dispose(&text);
		strata_buf_dispose(&label);
		if (error < 0)
			goto done;
		nbase++;
	}
	/* the base graph takes the scripts over; keep copies of what we
	 * need first */
	if ((error = strata_revmap_load(&work, dir)) < 0)
		goto done;
	for (i = 0; i < nbase; i++) {
		const strata_script *b = base[i];
		const strata_script *w = strata_revmap_get(work, b->revision);
		FILE *fp = fopen(b->path, "rb");
		if (fp) {
			fclose(fp);
			if (!w || strcmp(w->path, b->path)) {
				/* the file holds another revision now */
				add(r, STRATA_LINT_ERROR, "modified", b->path,
					b->revision, "%s: revision %s exists at %s "
					"and was modified since: applied revisions "
					"must not change; write a new revision "
					"instead", b->path, b->revision, ref);
			} else if (strcmp(w->checksum, b->checksum)) {
				add(r, STRATA_LINT_ERROR, "modified", b->path,
					b->revision, "%s: revision %s exists at %s "
					"and was modified since: applied revisions "
					"must not change; write a new revision "
					"instead", b->path, b->revision, ref);
			}
		} else if (w) {
			add(r, STRATA_LINT_ERROR, "renamed", b->path,
				b->revision, "%s: revision %s exists at %s and "
				"was renamed to %s", b->path, b->revision, ref,
				w->path);
		} else {
			add(r, STRATA_LINT_ERROR, "deleted", b->path,
				b->revision, "%s: revision %s exists at %s and "
				"was deleted", b->path, b->revision, ref);
		}
	}
	if ((error = strata_revmap_build(&base_map, base, nbase)) < 0) {
		base = NULL;
		goto done;
	}
	strata__free(base);
	base = NULL;
	if ((error = strata_revmap_heads(&base_heads, base_map)) < 0)
		goto done;
	for (i = 0; i < strata_revmap_count(work); i++) {
		const strata_script *s = strata_revmap_at(work, i);
		unsigned int st = 0;
		if (strata_revmap_get(base_map, s->revision))
			continue;
		/* a new revision */
		for (k = 0; k < s->parents.count; k++) {
			const char *p = s->parents.strings[k];
			size_t h;
			int ok = strata_revmap_get(base_map, p) == NULL;
			for (h = 0; !ok && h < base_heads.count; h++)
				if (!strcmp(base_heads.strings[h], p))
					ok = 1;
			if (!ok) {
				strata_buf heads = STRATA_BUF_INIT;
				strata_buf parents = STRATA_BUF_INIT;
				join_list(&heads, &base_heads);
				join_list(&parents, &s->parents);
				add(r, STRATA_LINT_ERROR, "not-at-head", s->path,
					s->revision, "%s: revision %s has parents "
					"%s, but %s is not a head at %s (heads "
					"there: %s): after merging, the migrations "
					"would have two heads; run 'strata merge' "
					"or set its parents to %s", s->path,
					s->revision, parents.ptr, p, ref, heads.ptr,
					heads.ptr);
				strata_buf_dispose(&heads);
				strata_buf_dispose(&parents);
				break;
			}
		}
		if (!s->parents.count && base_heads.count) {
			strata_buf heads = STRATA_BUF_INIT;
			join_list(&heads, &base_heads);
			add(r, STRATA_LINT_ERROR, "not-at-head", s->path,
				s->revision, "%s: revision %s has no parents, but "
				"%s has revisions (heads there: %s): after "
				"merging, the migrations would have two roots; "
				"set its parents to %s", s->path, s->revision,
				ref, heads.ptr, heads.ptr);
			strata_buf_dispose(&heads);
		}
		for (k = 0; s->upgrade && k < s->upgrade->count; k++) {
			const strata_op *op = s->upgrade->ops[k];
			int destructive = op->kind == STRATA_OP_DROP_TABLE ||
				op->kind == STRATA_OP_DROP_COLUMN ||
				(op->flags & STRATA_OP_DESTRUCTIVE);
			if (op->kind == STRATA_OP_ALTER_COLUMN &&
			    op->before && op->after &&
			    op->before->table_count && op->after->table_count) {
				const strata_column *a =
					op->before->tables[0]->column_count ?
					op->before->tables[0]->columns[0] : NULL;
				const strata_column *b =
					op->after->tables[0]->column_count ?
					op->after->tables[0]->columns[0] : NULL;
				if (a && b && a->type.kind == b->type.kind &&
				    b->type.length && (!a->type.length ||
				    b->type.length < a->type.length))
					destructive = 1;
			}
			if (destructive) {
				strata_buf d = STRATA_BUF_INIT;
				strata_op_describe(&d, op);
				add(r, STRATA_LINT_WARNING, "destructive", s->path,
					s->revision, "%s: revision %s is "
					"destructive: %s", s->path, s->revision,
					d.ptr);
				strata_buf_dispose(&d);
			}
		}
		(void)st;
	}
	for (i = 0; i < strata_revmap_count(work); i++) {
		const strata_script *s = strata_revmap_at(work, i);
		unsigned int st = 0;
		if ((error = strata_repo_file_status(&st, repo, s->path)) < 0)
			goto done;
		if (st)
			add(r, STRATA_LINT_ERROR, "uncommitted", s->path,
				s->revision, "%s: revision %s is not committed%s",
				s->path, s->revision, st & STRATA_GIT_UNTRACKED ?
				" (untracked)" : " (changed since the last "
				"commit)");
	}
	error = 0;
done:
	if (base) {
		for (i = 0; i < nbase; i++)
			strata_script_free(base[i]);
		strata__free(base);
	}
	strata_revmap_free(base_map);
	strata_revmap_free(work);
	strata_strarray_dispose(&names);
	strata_strarray_dispose(&base_heads);
	if (error < 0) {
		strata_lint_report_free(r);
		return error;
	}
	*out = r;
	return 0;
}
