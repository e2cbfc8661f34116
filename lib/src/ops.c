/*
 * Migration operations: construction, reversal (for downgrades) and
 * one-line descriptions.
 */
#include "schema_int.h"
#include "diff/diff_int.h"
#include "strata/ops.h"

static const char *const kind_names[] = {
	"create_table", "drop_table", "rename_table", "add_column",
	"drop_column", "alter_column", "rename_column", "create_index",
	"drop_index", "add_unique", "drop_unique", "add_foreign_key",
	"drop_foreign_key", "add_check", "drop_check", "add_primary_key",
	"drop_primary_key", "create_enum", "drop_enum", "alter_enum",
	"alter_table_comment", "sql"
};

const char *strata_op_kind_name(strata_op_kind kind)
{
	return (size_t)kind < STRATA_ARRAY_SIZE(kind_names) ?
		kind_names[kind] : "?";
}

int strata_oplist_new(strata_oplist **out)
{
	STRATA_ASSERT_ARG(out);
	*out = strata__calloc(1, sizeof(strata_oplist));
	STRATA_ERROR_CHECK_ALLOC(*out);
	return 0;
}

static void op_free(strata_op *op)
{
	if (!op)
		return;
	strata__free(op->table);
	strata__free(op->name);
	strata__free(op->new_name);
	strata__free(op->comment);
	strata_schema_free(op->before);
	strata_schema_free(op->after);
	strata_strarray_dispose(&op->sql_dialects);
	strata_strarray_dispose(&op->sql_texts);
	strata__free(op);
}

void strata_oplist_free(strata_oplist *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->count; i++)
		op_free(list->ops[i]);
	strata__free(list->ops);
	strata__free(list);
}

int strata_oplist_add(strata_op **out, strata_oplist *list,
	strata_op_kind kind, const char *table)
{
	strata_op *op, **ops;

	STRATA_ASSERT_ARG(list);
	op = strata__calloc(1, sizeof(*op));
	STRATA_ERROR_CHECK_ALLOC(op);
	op->kind = kind;
	if (table && !(op->table = strata__strdup(table))) {
		strata__free(op);
		strata_error__oom();
		return STRATA_ERROR;
	}
	ops = strata__realloc(list->ops, (list->count + 1) * sizeof(*ops));
	if (!ops) {
		op_free(op);
		strata_error__oom();
		return STRATA_ERROR;
	}
	ops[list->count++] = op;
	list->ops = ops;
	if (out)
		*out = op;
	return 0;
}

static strata_op_kind inverse_kind(strata_op_kind k)
{
	switch (k) {
	case STRATA_OP_CREATE_TABLE: return STRATA_OP_DROP_TABLE;
	case STRATA_OP_DROP_TABLE: return STRATA_OP_CREATE_TABLE;
	case STRATA_OP_ADD_COLUMN: return STRATA_OP_DROP_COLUMN;
	case STRATA_OP_DROP_COLUMN: return STRATA_OP_ADD_COLUMN;
	case STRATA_OP_CREATE_INDEX: return STRATA_OP_DROP_INDEX;
	case STRATA_OP_DROP_INDEX: return STRATA_OP_CREATE_INDEX;
	case STRATA_OP_ADD_UNIQUE: return STRATA_OP_DROP_UNIQUE;
	case STRATA_OP_DROP_UNIQUE: return STRATA_OP_ADD_UNIQUE;
	case STRATA_OP_ADD_FOREIGN_KEY: return STRATA_OP_DROP_FOREIGN_KEY;
	case STRATA_OP_DROP_FOREIGN_KEY: return STRATA_OP_ADD_FOREIGN_KEY;
	case STRATA_OP_ADD_CHECK: return STRATA_OP_DROP_CHECK;
	case STRATA_OP_DROP_CHECK: return STRATA_OP_ADD_CHECK;
	case STRATA_OP_ADD_PRIMARY_KEY: return STRATA_OP_DROP_PRIMARY_KEY;
	case STRATA_OP_DROP_PRIMARY_KEY: return STRATA_OP_ADD_PRIMARY_KEY;
	case STRATA_OP_CREATE_ENUM: return STRATA_OP_DROP_ENUM;
	case STRATA_OP_DROP_ENUM: return STRATA_OP_CREATE_ENUM;
	default: return k; /* renames and alters invert in place */
	}
}

static int dup_str(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 0;
	*dst = strata__strdup(src);
	STRATA_ERROR_CHECK_ALLOC(*dst);
	return 0;
}

static const strata_column *only_column(const strata_schema *s)
{
	return s && s->table_count && s->tables[0]->column_count ?
		s->tables[0]->columns[0] : NULL;
}

/* Whether a reversed operation may lose data, as the diff engine marks
 * the operations it makes. */
static int reverse_loses_data(const strata_op *r)
{
	const strata_column *a, *b;
	size_t i, j;

	switch (r->kind) {
	case STRATA_OP_DROP_TABLE:
	case STRATA_OP_DROP_COLUMN:
	case STRATA_OP_DROP_ENUM:
		return 1;
	case STRATA_OP_ALTER_COLUMN:
		a = only_column(r->before);
		b = only_column(r->after);
		return a && b && strata_diff__narrowing(a, b);
	case STRATA_OP_ALTER_ENUM:
		if (!r->before || !r->before->enum_count || !r->after ||
		    !r->after->enum_count)
			return 0;
		/* a value that goes */
		for (i = 0; i < r->before->enums[0]->values.count; i++) {
			const strata_strarray *to = &r->after->enums[0]->values;
			for (j = 0; j < to->count; j++)
				if (!strcmp(to->strings[j],
					r->before->enums[0]->values.strings[i]))
					break;
			if (j == to->count)
				return 1;
		}
		return 0;
	default:
		return 0;
	}
}

int strata_oplist_reverse(strata_oplist **out, const strata_oplist *list)
{
	strata_oplist *rev = NULL;
	size_t i;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if ((error = strata_oplist_new(&rev)) < 0)
		return error;
	for (i = list->count; i > 0; i--) {
		const strata_op *op = list->ops[i - 1];
		strata_op *r = NULL;
		if (op->kind == STRATA_OP_SQL) {
			strata_error__set(STRATA_ERROR_DIFF, "a raw sql step "
				"has no automatic reverse: write the downgrade "
				"by hand");
			error = STRATA_EUNSUPPORTED;
			goto done;
		}
		if ((error = strata_oplist_add(&r, rev, inverse_kind(op->kind),
			NULL)) < 0)
			goto done;
		r->flags = 0;
		if (op->kind == STRATA_OP_RENAME_TABLE) {
			error = dup_str(&r->table, op->new_name);
			if (!error)
				error = dup_str(&r->new_name, op->table);
		} else if (op->kind == STRATA_OP_RENAME_COLUMN) {
			error = dup_str(&r->table, op->table);
			if (!error)
				error = dup_str(&r->name, op->new_name);
			if (!error)
				error = dup_str(&r->new_name, op->name);
		} else {
			error = dup_str(&r->table, op->table);
			if (!error)
				error = dup_str(&r->name, op->name);
		}
		if (error < 0)
			goto done;
		if ((op->after && (error = strata_schema__copy(&r->before,
			op->after)) < 0) ||
		    (op->before && (error = strata_schema__copy(&r->after,
			op->before)) < 0))
			goto done;
		/* Undoing a creation drops what it created; undoing a
		 * widening narrows. */
		if (reverse_loses_data(r))
			r->flags |= STRATA_OP_DESTRUCTIVE;
	}
done:
	if (error < 0) {
		strata_oplist_free(rev);
		return error;
	}
	*out = rev;
	return 0;
}

static const char *first_table_name(const strata_schema *s)
{
	return s && s->table_count ? s->tables[0]->name : NULL;
}

int strata_op_describe(strata_buf *out, const strata_op *op)
{
	const char *kind = strata_op_kind_name(op->kind);
	const char *what = op->name ? op->name : "";

	switch (op->kind) {
	case STRATA_OP_CREATE_TABLE:
	case STRATA_OP_DROP_TABLE:
		return strata_buf_printf(out, "%s %s", kind, op->table ?
			op->table : first_table_name(op->after ? op->after :
			op->before));
	case STRATA_OP_RENAME_TABLE:
		return strata_buf_printf(out, "rename table %s to %s",
			op->table, op->new_name);
	case STRATA_OP_RENAME_COLUMN:
		return strata_buf_printf(out, "rename column %s.%s to %s",
			op->table, op->name, op->new_name);
	case STRATA_OP_CREATE_ENUM:
	case STRATA_OP_DROP_ENUM:
	case STRATA_OP_ALTER_ENUM:
		return strata_buf_printf(out, "%s %s", kind, what);
	case STRATA_OP_SQL:
		return strata_buf_puts(out, "sql");
	case STRATA_OP_ALTER_TABLE_COMMENT:
		return strata_buf_printf(out, "%s %s", kind, op->table);
	default:
		break;
	}
	if (!op->name) {
		/* a constraint or index left unnamed: show its columns */
		const strata_schema *s = op->after ? op->after : op->before;
		const strata_table *t = s && s->table_count ? s->tables[0] : NULL;
		const strata_strarray *cols = NULL;
		size_t i;
		if (t && t->index_count)
			cols = &t->indexes[0]->h.columns;
		else if (t && t->unique_count)
			cols = &t->uniques[0]->h.columns;
		else if (t && t->fkey_count)
			cols = &t->fkeys[0]->h.columns;
		else if (t && t->check_count)
			return strata_buf_printf(out, "%s %s (%s)", kind,
				op->table, t->checks[0]->expr ?
				t->checks[0]->expr : "");
		else if (t && t->pkey.h.columns.count)
			cols = &t->pkey.h.columns;
		if (cols) {
			strata_buf_printf(out, "%s %s(", kind, op->table);
			for (i = 0; i < cols->count; i++)
				strata_buf_printf(out, "%s%s", i ? ", " : "",
					cols->strings[i]);
			return strata_buf_putc(out, ')');
		}
	}
	return strata_buf_printf(out, "%s %s.%s", kind, op->table, what);
}
