/*
 * Deep copies of schema objects, used wherever an operation or a diff
 * must own its own copy of a definition.
 */
#include "schema_int.h"

int strata_strarray__copy(strata_strarray *dst, const strata_strarray *src)
{
	size_t i;

	for (i = 0; i < src->count; i++)
		if (strata_strarray_add(dst, src->strings[i]) < 0)
			return STRATA_ERROR;
	return 0;
}

int strata_strarray__equal(const strata_strarray *a,
	const strata_strarray *b)
{
	size_t i;

	if (a->count != b->count)
		return 0;
	for (i = 0; i < a->count; i++)
		if (strcmp(a->strings[i], b->strings[i]))
			return 0;
	return 1;
}

static int copy_str(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 0;
	*dst = strata__strdup(src);
	STRATA_ERROR_CHECK_ALLOC(*dst);
	return 0;
}

static int copy_head(strata_constraint_head *dst,
	const strata_constraint_head *src)
{
	dst->loc = src->loc;
	dst->loc.file = NULL; /* the source's file list is not copied */
	if (copy_str(&dst->name, src->name) < 0)
		return STRATA_ERROR;
	return strata_strarray__copy(&dst->columns, &src->columns);
}

int strata_schema__copy_column(strata_column **out, strata_table *dst,
	const strata_column *src)
{
	strata_column *c;

	if (strata_table_add_column(&c, dst, src->name) < 0)
		return STRATA_ERROR;
	strata_type_dispose(&c->type);
	if (strata_type_copy(&c->type, &src->type) < 0)
		return STRATA_ERROR;
	c->nullable = src->nullable;
	c->autoincrement = src->autoincrement;
	c->def.kind = src->def.kind;
	c->loc = src->loc;
	c->loc.file = NULL;
	if (copy_str(&c->def.value, src->def.value) < 0 ||
	    copy_str(&c->comment, src->comment) < 0 ||
	    copy_str(&c->renamed_from, src->renamed_from) < 0 ||
	    copy_str(&c->collation, src->collation) < 0)
		return STRATA_ERROR;
	if (out)
		*out = c;
	return 0;
}

int strata_schema__copy_index(strata_table *dst, const strata_index *src)
{
	strata_index *x;

	if (strata_table_add_index(&x, dst) < 0 ||
	    copy_head(&x->h, &src->h) < 0)
		return STRATA_ERROR;
	x->unique = src->unique;
	if (copy_str(&x->expr, src->expr) < 0 ||
	    copy_str(&x->where, src->where) < 0 ||
	    copy_str(&x->method, src->method) < 0 ||
	    copy_str(&x->prefix, src->prefix) < 0)
		return STRATA_ERROR;
	return 0;
}

int strata_schema__copy_unique(strata_table *dst, const strata_unique *src)
{
	strata_unique *u;

	if (strata_table_add_unique(&u, dst) < 0)
		return STRATA_ERROR;
	return copy_head(&u->h, &src->h);
}

int strata_schema__copy_fkey(strata_table *dst, const strata_fkey *src)
{
	strata_fkey *f;

	if (strata_table_add_fkey(&f, dst) < 0 ||
	    copy_head(&f->h, &src->h) < 0 ||
	    copy_str(&f->ref_table, src->ref_table) < 0 ||
	    strata_strarray__copy(&f->ref_columns, &src->ref_columns) < 0)
		return STRATA_ERROR;
	f->on_delete = src->on_delete;
	f->on_update = src->on_update;
	f->deferrable = src->deferrable;
	return 0;
}

int strata_schema__copy_check(strata_table *dst, const strata_check *src)
{
	strata_check *c;

	if (strata_table_add_check(&c, dst) < 0 ||
	    copy_head(&c->h, &src->h) < 0)
		return STRATA_ERROR;
	return copy_str(&c->expr, src->expr);
}

int strata_schema__copy_enum(strata_schema *dst, const strata_enum *src)
{
	strata_enum *e;

	if (strata_schema_add_enum(&e, dst, src->name) < 0)
		return STRATA_ERROR;
	return strata_strarray__copy(&e->values, &src->values);
}

int strata_schema__copy_table(strata_table **out, strata_schema *dst,
	const strata_table *src)
{
	strata_table *t;
	size_t i;

	if (strata_schema_add_table(&t, dst, src->name) < 0)
		return STRATA_ERROR;
	t->loc = src->loc;
	t->loc.file = NULL;
	if (copy_str(&t->comment, src->comment) < 0 ||
	    copy_str(&t->renamed_from, src->renamed_from) < 0 ||
	    copy_str(&t->options, src->options) < 0 ||
	    copy_head(&t->pkey.h, &src->pkey.h) < 0)
		return STRATA_ERROR;
	for (i = 0; i < src->column_count; i++)
		if (strata_schema__copy_column(NULL, t, src->columns[i]) < 0)
			return STRATA_ERROR;
	for (i = 0; i < src->unique_count; i++)
		if (strata_schema__copy_unique(t, src->uniques[i]) < 0)
			return STRATA_ERROR;
	for (i = 0; i < src->index_count; i++)
		if (strata_schema__copy_index(t, src->indexes[i]) < 0)
			return STRATA_ERROR;
	for (i = 0; i < src->fkey_count; i++)
		if (strata_schema__copy_fkey(t, src->fkeys[i]) < 0)
			return STRATA_ERROR;
	for (i = 0; i < src->check_count; i++)
		if (strata_schema__copy_check(t, src->checks[i]) < 0)
			return STRATA_ERROR;
	if (out)
		*out = t;
	return 0;
}

int strata_schema__copy(strata_schema **out, const strata_schema *src)
{
	strata_schema *s = NULL;
	size_t i;

	*out = NULL;
	if (strata_schema_new(&s) < 0)
		return STRATA_ERROR;
	s->dialect = src->dialect;
	for (i = 0; i < src->table_count; i++)
		if (strata_schema__copy_table(NULL, s, src->tables[i]) < 0)
			goto fail;
	for (i = 0; i < src->enum_count; i++)
		if (strata_schema__copy_enum(s, src->enums[i]) < 0)
			goto fail;
	if (strata_strarray__copy(&s->warnings, &src->warnings) < 0 ||
	    strata_strarray__copy(&s->files, &src->files) < 0)
		goto fail;
	*out = s;
	return 0;
fail:
	strata_schema_free(s);
	return STRATA_ERROR;
}

int strata_schema__shell(strata_schema **out, strata_table **table,
	const char *name)
{
	strata_schema *s = NULL;

	*out = NULL;
	if (strata_schema_new(&s) < 0)
		return STRATA_ERROR;
	if (strata_schema_add_table(table, s, name) < 0) {
		strata_schema_free(s);
		return STRATA_ERROR;
	}
	*out = s;
	return 0;
}

void strata_schema__remove_fkey(strata_table *t, size_t i)
{
	strata_fkey *fk;

	if (i >= t->fkey_count)
		return;
	fk = t->fkeys[i];
	strata__free(fk->h.name);
	strata_strarray_dispose(&fk->h.columns);
	strata__free(fk->ref_table);
	strata_strarray_dispose(&fk->ref_columns);
	strata__free(fk);
	memmove(&t->fkeys[i], &t->fkeys[i + 1],
		(t->fkey_count - i - 1) * sizeof(*t->fkeys));
	t->fkey_count--;
}

int strata_schema_copy(strata_schema **out, const strata_schema *schema)
{
	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(schema);
	return strata_schema__copy(out, schema);
}
