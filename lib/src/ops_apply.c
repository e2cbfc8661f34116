/*
 * Applying operations to an in-memory schema: what a database would look
 * like after a revision. Used to render SQLite table rebuilds offline, to
 * check that downgrades revert exactly, and to follow a schema through a
 * chain of revisions without a database.
 */
#include "schema_int.h"
#include "strata/ops.h"
#include "ops_int.h"

static int apply_error(const strata_op *op, const char *what)
{
	strata_buf d = STRATA_BUF_INIT;

	strata_op_describe(&d, op);
	strata_error__set(STRATA_ERROR_SCRIPT, "cannot %s: %s", d.ptr, what);
	strata_buf_dispose(&d);
	return STRATA_EINVALID;
}

/* Whether a column's type is the named enum type: its enum_name, or by
 * default <table>_<column>. */
static int enum_named(const strata_table *t, const strata_column *c,
	const char *name)
{
	size_t n = strlen(t->name);

	if (c->type.kind != STRATA_TYPE_ENUM)
		return 0;
	if (c->type.enum_name)
		return !strcmp(c->type.enum_name, name);
	return !strncmp(name, t->name, n) && name[n] == '_' &&
		!strcmp(name + n + 1, c->name);
}

static int uses_enum(const strata_schema *s, const char *name)
{
	size_t i, j;

	for (i = 0; i < s->table_count; i++)
		for (j = 0; j < s->tables[i]->column_count; j++)
			if (enum_named(s->tables[i], s->tables[i]->columns[j],
				name))
				return 1;
	return 0;
}

static long table_index(const strata_schema *s, const char *name)
{
	size_t i;

	for (i = 0; name && i < s->table_count; i++)
		if (!strcmp(s->tables[i]->name, name))
			return (long)i;
	return -1;
}

static void free_column(strata_column *c)
{
	strata__free(c->name);
	strata_type_dispose(&c->type);
	strata__free(c->def.value);
	strata__free(c->comment);
	strata__free(c->renamed_from);
	strata__free(c->collation);
	strata__free(c);
}

static void free_head(strata_constraint_head *h)
{
	strata__free(h->name);
	strata_strarray_dispose(&h->columns);
	h->name = NULL;
}

static void remove_at(void **items, size_t *count, size_t i)
{
	memmove(&items[i], &items[i + 1], (*count - i - 1) * sizeof(void *));
	(*count)--;
}

static int has_column(const strata_strarray *a, const char *col)
{
	size_t i;

	for (i = 0; i < a->count; i++)
		if (!strcmp(a->strings[i], col))
			return 1;
	return 0;
}

static int rename_in(strata_strarray *a, const char *from, const char *to)
{
	size_t i;

	for (i = 0; i < a->count; i++)
		if (!strcmp(a->strings[i], from)) {
			char *n = strata__strdup(to);
			STRATA_ERROR_CHECK_ALLOC(n);
			strata__free(a->strings[i]);
			a->strings[i] = n;
		}
	return 0;
}

/* Same constraint: by name when both have one, else by columns. */
static int same_head(const strata_constraint_head *a,
	const strata_constraint_head *b)
{
	if (a->name && b->name)
		return !strcmp(a->name, b->name);
	return strata_strarray__equal(&a->columns, &b->columns);
}

void strata_ops__remove_index(strata_table *t, size_t i)
{
	strata_index *x = t->indexes[i];

	free_head(&x->h);
	strata__free(x->expr);
	strata__free(x->where);
	strata__free(x->method);
	strata__free(x->prefix);
	strata__free(x);
	remove_at((void **)t->indexes, &t->index_count, i);
}

static void remove_unique(strata_table *t, size_t i)
{
	free_head(&t->uniques[i]->h);
	strata__free(t->uniques[i]);
	remove_at((void **)t->uniques, &t->unique_count, i);
}

static void remove_check(strata_table *t, size_t i)
{
	free_head(&t->checks[i]->h);
	strata__free(t->checks[i]->expr);
	strata__free(t->checks[i]);
	remove_at((void **)t->checks, &t->check_count, i);
}

static void drop_column_at(strata_table *t, size_t ci)
{
	const char *name = t->columns[ci]->name;
	size_t i;

	/* Whatever covers the column goes with it, as in the database. */
	for (i = t->index_count; i > 0; i--)
		if (has_column(&t->indexes[i - 1]->h.columns, name))
			strata_ops__remove_index(t, i - 1);
	for (i = t->unique_count; i > 0; i--)
		if (has_column(&t->uniques[i - 1]->h.columns, name))
			remove_unique(t, i - 1);
	for (i = t->fkey_count; i > 0; i--)
		if (has_column(&t->fkeys[i - 1]->h.columns, name))
			strata_schema__remove_fkey(t, i - 1);
	free_column(t->columns[ci]);
	remove_at((void **)t->columns, &t->column_count, ci);
}

static const strata_table *payload(const strata_schema *s)
{
	return s && s->table_count ? s->tables[0] : NULL;
}

static void free_table_at(strata_schema *s, size_t i)
{
	strata_schema *one = NULL;

	/* Free through a one-table schema so every part goes. */
	if (strata_schema_new(&one) == 0) {
		one->tables = strata__malloc(sizeof(strata_table *));
		if (one->tables) {
			one->tables[0] = s->tables[i];
			one->table_count = 1;
		}
		strata_schema_free(one);
	}
	remove_at((void **)s->tables, &s->table_count, i);
}

int strata_ops__apply(strata_schema *s, const strata_op *op)
{
	const strata_table *pb = payload(op->before), *pa = payload(op->after);
	long ti = table_index(s, op->table);
	strata_table *t = ti >= 0 ? s->tables[ti] : NULL;
	size_t i, j;

	switch (op->kind) {
	case STRATA_OP_CREATE_TABLE:
		if (!pa)
			return apply_error(op, "no table definition");
		if (table_index(s, pa->name) >= 0)
			return apply_error(op, "the table exists already");
		return strata_schema__copy_table(NULL, s, pa);
	case STRATA_OP_DROP_TABLE:
		if (!t)
			return apply_error(op, "no such table");
		free_table_at(s, (size_t)ti);
		return 0;
	case STRATA_OP_RENAME_TABLE: {
		char *n;
		if (!t)
			return apply_error(op, "no such table");
		if (table_index(s, op->new_name) >= 0)
			return apply_error(op, "the new name is taken");
		n = strata__strdup(op->new_name);
		STRATA_ERROR_CHECK_ALLOC(n);
		for (i = 0; i < s->table_count; i++)
			for (j = 0; j < s->tables[i]->fkey_count; j++) {
				strata_fkey *fk = s->tables[i]->fkeys[j];
				if (!strcmp(fk->ref_table, t->name)) {
					char *r = strata__strdup(op->new_name);
					STRATA_ERROR_CHECK_ALLOC(r);
					strata__free(fk->ref_table);
					fk->ref_table = r;
				}
			}
		strata__free(t->name);
		t->name = n;
		return 0;
	}
	default:
		break;
	}
	if (op->kind == STRATA_OP_CREATE_ENUM || op->kind ==
	    STRATA_OP_DROP_ENUM || op->kind == STRATA_OP_ALTER_ENUM) {
		const strata_enum *e = NULL;
		for (i = 0; i < s->enum_count; i++)
			if (!strcmp(s->enums[i]->name, op->name))
				break;
		if (op->kind == STRATA_OP_CREATE_ENUM) {
			if (i < s->enum_count)
				return apply_error(op, "the type exists already");
			e = op->after && op->after->enum_count ?
				op->after->enums[0] : NULL;
			return e ? strata_schema__copy_enum(s, e) :
				apply_error(op, "no values");
		}
		if (i == s->enum_count) {
			/* A schema made from models lists no types: its
			 * columns name them (<table>_<column> by default),
			 * and a type no column uses is not there to drop. */
			if (op->kind == STRATA_OP_DROP_ENUM)
				return uses_enum(s, op->name) ?
					apply_error(op, "a column uses it") : 0;
			if (!uses_enum(s, op->name))
				return apply_error(op, "no such type");
		} else if (op->kind == STRATA_OP_DROP_ENUM) {
			strata__free(s->enums[i]->name);
			strata_strarray_dispose(&s->enums[i]->values);
			strata__free(s->enums[i]);
			remove_at((void **)s->enums, &s->enum_count, i);
			return 0;
		}
		e = op->after && op->after->enum_count ? op->after->enums[0] :
			NULL;
		if (!e)
			return apply_error(op, "no values");
		if (i < s->enum_count) {
			strata_strarray_dispose(&s->enums[i]->values);
			if (strata_strarray__copy(&s->enums[i]->values,
				&e->values) < 0)
				return STRATA_ERROR;
		}
		/* columns of that type follow */
		for (i = 0; i < s->table_count; i++)
			for (j = 0; j < s->tables[i]->column_count; j++) {
				strata_column *c = s->tables[i]->columns[j];
				if (enum_named(s->tables[i], c, op->name)) {
					strata_strarray_dispose(&c->type.values);
					if (strata_strarray__copy(&c->type.values,
						&e->values) < 0)
						return STRATA_ERROR;
				}
			}
		return 0;
	}
	if (op->kind == STRATA_OP_SQL)
		return 0;
	if (!t)
		return apply_error(op, "no such table");

	switch (op->kind) {
	case STRATA_OP_ADD_COLUMN:
		if (!pa || !pa->column_count)
			return apply_error(op, "no column definition");
		if (strata_table_column(t, pa->columns[0]->name))
			return apply_error(op, "the column exists already");
		return strata_schema__copy_column(NULL, t, pa->columns[0]);
	case STRATA_OP_DROP_COLUMN:
		for (i = 0; i < t->column_count; i++)
			if (!strcmp(t->columns[i]->name, op->name))
				break;
		if (i == t->column_count)
			return apply_error(op, "no such column");
		drop_column_at(t, i);
		return 0;
	case STRATA_OP_ALTER_COLUMN: {
		strata_column *c = strata_table_column(t, op->name);
		const strata_column *to;
		if (!c)
			return apply_error(op, "no such column");
		if (!pa || !pa->column_count)
			return apply_error(op, "no new definition");
		to = pa->columns[0];
		strata_type_dispose(&c->type);
		if (strata_type_copy(&c->type, &to->type) < 0)
			return STRATA_ERROR;
		c->nullable = to->nullable;
		c->autoincrement = to->autoincrement;
		strata__free(c->def.value);
		c->def.kind = to->def.kind;
		c->def.value = strata__strdup(to->def.value);
		strata__free(c->comment);
		c->comment = strata__strdup(to->comment);
		return 0;
	}
	case STRATA_OP_RENAME_COLUMN: {
		strata_column *c = strata_table_column(t, op->name);
		char *n;
		if (!c)
			return apply_error(op, "no such column");
		if (strata_table_column(t, op->new_name))
			return apply_error(op, "the new name is taken");
		n = strata__strdup(op->new_name);
		STRATA_ERROR_CHECK_ALLOC(n);
		if (rename_in(&t->pkey.h.columns, op->name, n) < 0)
			return STRATA_ERROR;
		for (i = 0; i < t->unique_count; i++)
			rename_in(&t->uniques[i]->h.columns, op->name, n);
		for (i = 0; i < t->index_count; i++)
			rename_in(&t->indexes[i]->h.columns, op->name, n);
		for (i = 0; i < t->fkey_count; i++)
			rename_in(&t->fkeys[i]->h.columns, op->name, n);
		for (i = 0; i < s->table_count; i++)
			for (j = 0; j < s->tables[i]->fkey_count; j++) {
				strata_fkey *fk = s->tables[i]->fkeys[j];
				if (!strcmp(fk->ref_table, t->name))
					rename_in(&fk->ref_columns, op->name, n);
			}
		strata__free(c->name);
		c->name = n;
		return 0;
	}
	case STRATA_OP_CREATE_INDEX:
		return pa && pa->index_count ?
			strata_schema__copy_index(t, pa->indexes[0]) :
			apply_error(op, "no index definition");
	case STRATA_OP_DROP_INDEX:
		for (i = 0; pb && pb->index_count && i < t->index_count; i++)
			if (same_head(&t->indexes[i]->h, &pb->indexes[0]->h)) {
				strata_ops__remove_index(t, i);
				return 0;
			}
		return apply_error(op, "no such index");
	case STRATA_OP_ADD_UNIQUE:
		return pa && pa->unique_count ?
			strata_schema__copy_unique(t, pa->uniques[0]) :
			apply_error(op, "no definition");
	case STRATA_OP_DROP_UNIQUE:
		for (i = 0; pb && pb->unique_count && i < t->unique_count; i++)
			if (same_head(&t->uniques[i]->h, &pb->uniques[0]->h)) {
				remove_unique(t, i);
				return 0;
			}
		return apply_error(op, "no such unique constraint");
	case STRATA_OP_ADD_FOREIGN_KEY:
		return pa && pa->fkey_count ?
			strata_schema__copy_fkey(t, pa->fkeys[0]) :
			apply_error(op, "no definition");
	case STRATA_OP_DROP_FOREIGN_KEY:
		for (i = 0; pb && pb->fkey_count && i < t->fkey_count; i++)
			if (same_head(&t->fkeys[i]->h, &pb->fkeys[0]->h) &&
			    !strcmp(t->fkeys[i]->ref_table,
				pb->fkeys[0]->ref_table)) {
				strata_schema__remove_fkey(t, i);
				return 0;
			}
		return apply_error(op, "no such foreign key");
	case STRATA_OP_ADD_CHECK:
		return pa && pa->check_count ?
			strata_schema__copy_check(t, pa->checks[0]) :
			apply_error(op, "no definition");
	case STRATA_OP_DROP_CHECK:
		for (i = 0; pb && pb->check_count && i < t->check_count; i++) {
			const strata_check *c = t->checks[i];
			const strata_check *d = pb->checks[0];
			if ((c->h.name && d->h.name && !strcmp(c->h.name,
				d->h.name)) || (!d->h.name && c->expr && d->expr &&
				!strcmp(c->expr, d->expr))) {
				remove_check(t, i);
				return 0;
			}
		}
		return apply_error(op, "no such check constraint");
	case STRATA_OP_ADD_PRIMARY_KEY:
		if (!pa)
			return apply_error(op, "no definition");
		free_head(&t->pkey.h);
		if (pa->pkey.h.name && !(t->pkey.h.name =
			strata__strdup(pa->pkey.h.name)))
			return STRATA_ERROR;
		return strata_strarray__copy(&t->pkey.h.columns,
			&pa->pkey.h.columns);
	case STRATA_OP_DROP_PRIMARY_KEY:
		free_head(&t->pkey.h);
		return 0;
	case STRATA_OP_ALTER_TABLE_COMMENT:
		strata__free(t->comment);
		t->comment = pa && pa->comment ? strata__strdup(pa->comment) :
			NULL;
		return 0;
	default:
		return apply_error(op, "unknown operation");
	}
}

int strata_ops__apply_all(strata_schema *s, const strata_oplist *ops)
{
	size_t i;
	int error;

	for (i = 0; ops && i < ops->count; i++)
		if ((error = strata_ops__apply(s, ops->ops[i])) < 0)
			return error;
	return 0;
}

int strata_op_apply(strata_schema *schema, const strata_op *op)
{
	STRATA_ASSERT_ARG(schema);
	STRATA_ASSERT_ARG(op);
	return strata_ops__apply(schema, op);
}
