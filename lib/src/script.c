/*
 * Revision scripts: parsing the YAML (header and operations, with
 * file:line:column errors), writing operations back, rendering a new
 * script through its template, and the checksum of a script's text.
 * Operation payloads use the model format (model_int.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "model_int.h"
#include "schema_int.h"
#include "util/sha256.h"
#include "strata/script.h"

typedef struct {
	strata_yaml *y;
	strata_script *s;
} parser;

static int perr(parser *p, const yaml_node_t *n, const char *fmt, ...)
	STRATA_FORMAT(3, 4);

static int perr(parser *p, const yaml_node_t *n, const char *fmt, ...)
{
	strata_buf b = STRATA_BUF_INIT;
	va_list ap;
	int error;

	va_start(ap, fmt);
	strata_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	error = strata_yaml__error(p->y, n, STRATA_ERROR_SCRIPT, "%s", b.ptr);
	strata_buf_dispose(&b);
	return error;
}

void strata_script_free(strata_script *s)
{
	if (!s)
		return;
	strata__free(s->path);
	strata__free(s->revision);
	strata_strarray_dispose(&s->parents);
	strata__free(s->message);
	strata__free(s->created);
	strata__free(s->author);
	strata_oplist_free(s->upgrade);
	strata_oplist_free(s->downgrade);
	strata__free(s);
}

void strata_script_checksum(char *out, const char *text, size_t len)
{
	strata_sha256 c;
	size_t i = 0;

	strata_sha256_init(&c);
	while (i < len) {
		size_t start = i, end;
		while (i < len && text[i] != '\n')
			i++;
		end = i;
		if (end > start && text[end - 1] == '\r')
			end--;
		while (end > start && (text[end - 1] == ' ' ||
			text[end - 1] == '\t'))
			end--;
		strata_sha256_update(&c, text + start, end - start);
		strata_sha256_update(&c, "\n", 1);
		if (i < len)
			i++;
	}
	memcpy(out, "sha256:", 7);
	strata_sha256_hex(&c, out + 7);
}

/* ---- operations --------------------------------------------------- */

static const char *scalar(const yaml_node_t *n)
{
	return strata_yaml__scalar(n);
}

static yaml_node_t *get(parser *p, yaml_node_t *map, const char *key)
{
	return strata_yaml__lookup(p->y, map, key);
}

/* A required scalar key. */
static int req_text(parser *p, yaml_node_t *map, const char *key,
	const char *op, const char **out)
{
	yaml_node_t *n = get(p, map, key);

	*out = scalar(n);
	if (!n)
		return perr(p, map, "%s needs '%s'", op, key);
	if (!*out || !**out)
		return perr(p, n, "'%s' of %s must be a name", key, op);
	return 0;
}

/* Checks that a mapping uses only allowed keys. */
static int only_keys(parser *p, yaml_node_t *map, const char *op,
	const char *const *allowed)
{
	yaml_node_pair_t *pr;

	if (!map || map->type != YAML_MAPPING_NODE)
		return perr(p, map, "%s takes a mapping", op);
	for (pr = map->data.mapping.pairs.start;
	     pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = strata_yaml__get(p->y, pr->key);
		const char *name = scalar(k);
		size_t i;
		strata_buf list = STRATA_BUF_INIT;
		for (i = 0; allowed[i]; i++)
			if (name && !strcmp(name, allowed[i]))
				break;
		if (allowed[i])
			continue;
		for (i = 0; allowed[i]; i++)
			strata_buf_printf(&list, "%s%s", i ? ", " : "",
				allowed[i]);
		perr(p, k, "unknown key '%s' in %s (expected %s)",
			name ? name : "?", op, list.ptr);
		strata_buf_dispose(&list);
		return STRATA_EINVALID;
	}
	return 0;
}

static int set_str(char **dst, const char *src)
{
	*dst = strata__strdup(src);
	STRATA_ERROR_CHECK_ALLOC(*dst);
	return 0;
}

static const char *const table_ops_keys[] = { "table", "comment",
	"columns", "primary_key", "indexes", "unique", "foreign_keys",
	"checks", "renamed_from", "options", NULL };
static const char *const skip_table[] = { "table", NULL };

/* create_table / drop_table: the whole table in the model format. */
static int parse_table_op(parser *p, strata_oplist *list,
	strata_op_kind kind, const char *opname, yaml_node_t *v)
{
	strata_op *op;
	strata_table *t;
	const char *name;
	int error;

	if (kind == STRATA_OP_DROP_TABLE && scalar(v)) {
		/* `drop_table: name`: no definition, so no reverse */
		if (!*scalar(v))
			return perr(p, v, "drop_table needs a table name");
		return strata_oplist_add(&op, list, kind, scalar(v));
	}
	if ((error = only_keys(p, v, opname, table_ops_keys)) < 0 ||
	    (error = req_text(p, v, "table", opname, &name)) < 0)
		return error;
	if ((error = strata_oplist_add(&op, list, kind, name)) < 0)
		return error;
	if ((error = strata_schema_new(kind == STRATA_OP_CREATE_TABLE ?
		&op->after : &op->before)) < 0)
		return error;
	return strata_model__parse_fragment(&t, kind == STRATA_OP_CREATE_TABLE ?
		op->after : op->before, p->y, name, v, skip_table);
}

/* Ops acting on parts of a table: one op per part listed. */
static int parse_part_op(parser *p, strata_oplist *list,
	strata_op_kind kind, const char *opname, const char *part_key,
	yaml_node_t *v, int creating)
{
	static const char *const allowed[] = { "table", "columns",
		"indexes", "unique", "foreign_keys", "checks", "primary_key",
		"name", "column", NULL };
	strata_schema *frag = NULL;
	strata_table *t = NULL;
	const char *table;
	yaml_node_t *part;
	size_t i, n;
	int error;

	if ((error = only_keys(p, v, opname, allowed)) < 0 ||
	    (error = req_text(p, v, "table", opname, &table)) < 0)
		return error;
	part = get(p, v, part_key);
	if (!part) {
		/* drop by name only: `name:` (index/constraint) or `column:` */
		const char *nm = scalar(get(p, v, kind ==
			STRATA_OP_DROP_COLUMN ? "column" : "name"));
		strata_op *op;
		if (creating || !nm)
			return perr(p, v, "%s needs '%s'", opname, part_key);
		if ((error = strata_oplist_add(&op, list, kind, table)) < 0)
			return error;
		return set_str(&op->name, nm);
	}
	if ((error = strata_schema_new(&frag)) < 0)
		return error;
	{
		static const char *const skip[] = { "table", "name", "column",
			NULL };
		if ((error = strata_model__parse_fragment(&t, frag, p->y, table,
			v, skip)) < 0)
			goto done;
	}
	n = kind == STRATA_OP_ADD_COLUMN || kind == STRATA_OP_DROP_COLUMN ?
		t->column_count : kind == STRATA_OP_CREATE_INDEX ||
		kind == STRATA_OP_DROP_INDEX ? t->index_count :
		kind == STRATA_OP_ADD_UNIQUE || kind == STRATA_OP_DROP_UNIQUE ?
		t->unique_count : kind == STRATA_OP_ADD_FOREIGN_KEY ||
		kind == STRATA_OP_DROP_FOREIGN_KEY ? t->fkey_count :
		kind == STRATA_OP_ADD_CHECK || kind == STRATA_OP_DROP_CHECK ?
		t->check_count : (t->pkey.h.columns.count ? 1 : 0);
	if (!n) {
		error = perr(p, part, "%s lists nothing under '%s'", opname,
			part_key);
		goto done;
	}
	for (i = 0; i < n; i++) {
		strata_op *op;
		strata_table *sh;
		strata_schema **dst;
		if ((error = strata_oplist_add(&op, list, kind, table)) < 0)
			goto done;
		dst = creating ? &op->after : &op->before;
		if ((error = strata_schema__shell(dst, &sh, table)) < 0)
			goto done;
		switch (kind) {
		case STRATA_OP_ADD_COLUMN:
		case STRATA_OP_DROP_COLUMN: {
			size_t k;
			error = strata_schema__copy_column(NULL, sh,
				t->columns[i]);
			if (!error)
				error = set_str(&op->name, t->columns[i]->name);
			/* constraints given with a new column come with it */
			for (k = 0; !error && creating && k < t->unique_count;
			     k++)
				if (t->uniques[k]->h.columns.count == 1 &&
				    !strcmp(t->uniques[k]->h.columns.strings[0],
					t->columns[i]->name))
					error = strata_schema__copy_unique(sh,
						t->uniques[k]);
			for (k = 0; !error && creating && k < t->index_count;
			     k++)
				if (t->indexes[k]->h.columns.count == 1 &&
				    !strcmp(t->indexes[k]->h.columns.strings[0],
					t->columns[i]->name))
					error = strata_schema__copy_index(sh,
						t->indexes[k]);
			for (k = 0; !error && creating && k < t->fkey_count;
			     k++)
				if (t->fkeys[k]->h.columns.count == 1 &&
				    !strcmp(t->fkeys[k]->h.columns.strings[0],
					t->columns[i]->name))
					error = strata_schema__copy_fkey(sh,
						t->fkeys[k]);
			break;
		}
		case STRATA_OP_CREATE_INDEX:
		case STRATA_OP_DROP_INDEX:
			error = strata_schema__copy_index(sh, t->indexes[i]);
			if (!error && t->indexes[i]->h.name)
				error = set_str(&op->name, t->indexes[i]->h.name);
			break;
		case STRATA_OP_ADD_UNIQUE:
		case STRATA_OP_DROP_UNIQUE:
			error = strata_schema__copy_unique(sh, t->uniques[i]);
			if (!error && t->uniques[i]->h.name)
				error = set_str(&op->name, t->uniques[i]->h.name);
			break;
		case STRATA_OP_ADD_FOREIGN_KEY:
		case STRATA_OP_DROP_FOREIGN_KEY:
			error = strata_schema__copy_fkey(sh, t->fkeys[i]);
			if (!error && t->fkeys[i]->h.name)
				error = set_str(&op->name, t->fkeys[i]->h.name);
			break;
		case STRATA_OP_ADD_CHECK:
		case STRATA_OP_DROP_CHECK:
			error = strata_schema__copy_check(sh, t->checks[i]);
			if (!error && t->checks[i]->h.name)
				error = set_str(&op->name, t->checks[i]->h.name);
			break;
		default: /* primary key */
			error = strata_strarray__copy(&sh->pkey.h.columns,
				&t->pkey.h.columns);
			if (!error && t->pkey.h.name) {
				error = set_str(&sh->pkey.h.name,
					t->pkey.h.name);
				if (!error)
					error = set_str(&op->name, t->pkey.h.name);
			}
			/* the key's columns, for rebuilds and messages */
			break;
		}
		if (error < 0)
			goto done;
		if (kind == STRATA_OP_DROP_COLUMN)
			op->flags |= STRATA_OP_DESTRUCTIVE;
	}
done:
	strata_schema_free(frag);
	return error;
}

static int parse_alter_column(parser *p, strata_oplist *list,
	yaml_node_t *v)
{
	static const char *const allowed[] = { "table", "column", "from",
		"to", NULL };
	const char *table, *column;
	yaml_node_t *from, *to;
	strata_table *b, *a;
	strata_op *op;
	int error;

	if ((error = only_keys(p, v, "alter_column", allowed)) < 0 ||
	    (error = req_text(p, v, "table", "alter_column", &table)) < 0 ||
	    (error = req_text(p, v, "column", "alter_column", &column)) < 0)
		return error;
	from = get(p, v, "from");
	to = get(p, v, "to");
	if (!to)
		return perr(p, v, "alter_column needs 'to' (the new definition)");
	if ((error = strata_oplist_add(&op, list, STRATA_OP_ALTER_COLUMN,
		table)) < 0 || (error = set_str(&op->name, column)) < 0 ||
	    (error = strata_schema__shell(&op->after, &a, table)) < 0 ||
	    (error = strata_model__parse_column(NULL, a, p->y, column, to)) < 0)
		return error;
	if (from && ((error = strata_schema__shell(&op->before, &b, table)) < 0 ||
	    (error = strata_model__parse_column(NULL, b, p->y, column,
		from)) < 0))
		return error;
	return 0;
}

static int parse_rename(parser *p, strata_oplist *list,
	strata_op_kind kind, const char *opname, yaml_node_t *v)
{
	static const char *const tkeys[] = { "from", "to", NULL };
	static const char *const ckeys[] = { "table", "from", "to", NULL };
	const char *table = NULL, *from, *to;
	strata_op *op;
	int error;

	if ((error = only_keys(p, v, opname, kind == STRATA_OP_RENAME_TABLE ?
		tkeys : ckeys)) < 0 ||
	    (error = req_text(p, v, "from", opname, &from)) < 0 ||
	    (error = req_text(p, v, "to", opname, &to)) < 0)
		return error;
	if (kind == STRATA_OP_RENAME_COLUMN &&
	    (error = req_text(p, v, "table", opname, &table)) < 0)
		return error;
	if (kind == STRATA_OP_RENAME_TABLE) {
		if ((error = strata_oplist_add(&op, list, kind, from)) < 0)
			return error;
	} else {
		if ((error = strata_oplist_add(&op, list, kind, table)) < 0 ||
		    (error = set_str(&op->name, from)) < 0)
			return error;
	}
	return set_str(&op->new_name, to);
}

static int parse_values(parser *p, yaml_node_t *n, const char *what,
	strata_strarray *out)
{
	yaml_node_item_t *it;

	if (!n || n->type != YAML_SEQUENCE_NODE)
		return perr(p, n, "'%s' must be a list of values", what);
	for (it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		yaml_node_t *v = strata_yaml__get(p->y, *it);
		if (!scalar(v))
			return perr(p, v, "enum values must be plain text");
		if (strata_strarray_add(out, scalar(v)) < 0)
			return STRATA_ERROR;
	}
	if (!out->count)
		return perr(p, n, "'%s' lists no values", what);
	return 0;
}

static int parse_enum_op(parser *p, strata_oplist *list,
	strata_op_kind kind, const char *opname, yaml_node_t *v)
{
	static const char *const ekeys[] = { "name", "values", NULL };
	static const char *const akeys[] = { "name", "from", "to", NULL };
	const char *name;
	strata_enum *e;
	strata_op *op;
	int error;

	if ((error = only_keys(p, v, opname, kind == STRATA_OP_ALTER_ENUM ?
		akeys : ekeys)) < 0 ||
	    (error = req_text(p, v, "name", opname, &name)) < 0)
		return error;
	if ((error = strata_oplist_add(&op, list, kind, NULL)) < 0 ||
	    (error = set_str(&op->name, name)) < 0)
		return error;
	if (kind == STRATA_OP_ALTER_ENUM) {
		if ((error = strata_schema_new(&op->before)) < 0 ||
		    (error = strata_schema_add_enum(&e, op->before, name)) < 0 ||
		    (error = parse_values(p, get(p, v, "from") ? get(p, v,
			"from") : v, "from", &e->values)) < 0 ||
		    (error = strata_schema_new(&op->after)) < 0 ||
		    (error = strata_schema_add_enum(&e, op->after, name)) < 0)
			return error;
		return parse_values(p, get(p, v, "to") ? get(p, v, "to") : v,
			"to", &e->values);
	}
	if ((error = strata_schema_new(kind == STRATA_OP_CREATE_ENUM ?
		&op->after : &op->before)) < 0 ||
	    (error = strata_schema_add_enum(&e, kind == STRATA_OP_CREATE_ENUM ?
		op->after : op->before, name)) < 0)
		return error;
	return parse_values(p, get(p, v, "values") ? get(p, v, "values") : v,
		"values", &e->values);
}

static int parse_comment_op(parser *p, strata_oplist *list, yaml_node_t *v)
{
	static const char *const allowed[] = { "table", "from", "to", NULL };
	const char *table;
	strata_table *b, *a;
	strata_op *op;
	int error;

	if ((error = only_keys(p, v, "alter_table_comment", allowed)) < 0 ||
	    (error = req_text(p, v, "table", "alter_table_comment",
		&table)) < 0)
		return error;
	if ((error = strata_oplist_add(&op, list,
		STRATA_OP_ALTER_TABLE_COMMENT, table)) < 0 ||
	    (error = strata_schema__shell(&op->before, &b, table)) < 0 ||
	    (error = strata_schema__shell(&op->after, &a, table)) < 0)
		return error;
	if (scalar(get(p, v, "from")) && !strata_yaml__is_null(get(p, v,
		"from")) && (error = set_str(&b->comment, scalar(get(p, v,
		"from")))) < 0)
		return error;
	if (scalar(get(p, v, "to")) && !strata_yaml__is_null(get(p, v, "to")) &&
	    (error = set_str(&a->comment, scalar(get(p, v, "to")))) < 0)
		return error;
	return 0;
}

static int parse_sql_op(parser *p, strata_oplist *list, yaml_node_t *v)
{
	static const char *const dialects[] = { "postgresql", "mysql",
		"sqlite", "default", NULL };
	yaml_node_pair_t *pr;
	strata_op *op;
	int error;

	if ((error = strata_oplist_add(&op, list, STRATA_OP_SQL, NULL)) < 0)
		return error;
	if (scalar(v)) {
		if (!*scalar(v))
			return perr(p, v, "empty sql step");
		if ((error = strata_strarray_add(&op->sql_dialects,
			"default")) < 0)
			return error;
		return strata_strarray_add(&op->sql_texts, scalar(v));
	}
	if ((error = only_keys(p, v, "sql", dialects)) < 0)
		return error;
	for (pr = v->data.mapping.pairs.start;
	     pr < v->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = strata_yaml__get(p->y, pr->key);
		yaml_node_t *t = strata_yaml__get(p->y, pr->value);
		if (!scalar(t))
			return perr(p, t, "the SQL for %s must be text",
				scalar(k));
		if ((error = strata_strarray_add(&op->sql_dialects,
			scalar(k))) < 0 ||
		    (error = strata_strarray_add(&op->sql_texts,
			scalar(t))) < 0)
			return error;
	}
	if (!op->sql_dialects.count)
		return perr(p, v, "sql step without any SQL");
	return 0;
}

static int parse_op(parser *p, strata_oplist *list, yaml_node_t *item)
{
	yaml_node_pair_t *pr;
	yaml_node_t *k, *v;
	const char *kind;

	if (item->type != YAML_MAPPING_NODE ||
	    item->data.mapping.pairs.top - item->data.mapping.pairs.start != 1)
		return perr(p, item, "each step is a mapping with one "
			"operation, e.g. '- add_column: {...}'");
	pr = item->data.mapping.pairs.start;
	k = strata_yaml__get(p->y, pr->key);
	v = strata_yaml__get(p->y, pr->value);
	kind = scalar(k);
	if (!kind)
		return perr(p, k, "the operation must be a name");
	if (!strcmp(kind, "create_table"))
		return parse_table_op(p, list, STRATA_OP_CREATE_TABLE, kind, v);
	if (!strcmp(kind, "drop_table"))
		return parse_table_op(p, list, STRATA_OP_DROP_TABLE, kind, v);
	if (!strcmp(kind, "rename_table"))
		return parse_rename(p, list, STRATA_OP_RENAME_TABLE, kind, v);
	if (!strcmp(kind, "add_column"))
		return parse_part_op(p, list, STRATA_OP_ADD_COLUMN, kind,
			"columns", v, 1);
	if (!strcmp(kind, "drop_column"))
		return parse_part_op(p, list, STRATA_OP_DROP_COLUMN, kind,
			"columns", v, 0);
	if (!strcmp(kind, "alter_column"))
		return parse_alter_column(p, list, v);
	if (!strcmp(kind, "rename_column"))
		return parse_rename(p, list, STRATA_OP_RENAME_COLUMN, kind, v);
	if (!strcmp(kind, "create_index"))
		return parse_part_op(p, list, STRATA_OP_CREATE_INDEX, kind,
			"indexes", v, 1);
	if (!strcmp(kind, "drop_index"))
		return parse_part_op(p, list, STRATA_OP_DROP_INDEX, kind,
			"indexes", v, 0);
	if (!strcmp(kind, "add_unique"))
		return parse_part_op(p, list, STRATA_OP_ADD_UNIQUE, kind,
			"unique", v, 1);
	if (!strcmp(kind, "drop_unique"))
		return parse_part_op(p, list, STRATA_OP_DROP_UNIQUE, kind,
			"unique", v, 0);
	if (!strcmp(kind, "add_foreign_key"))
		return parse_part_op(p, list, STRATA_OP_ADD_FOREIGN_KEY, kind,
			"foreign_keys", v, 1);
	if (!strcmp(kind, "drop_foreign_key"))
		return parse_part_op(p, list, STRATA_OP_DROP_FOREIGN_KEY, kind,
			"foreign_keys", v, 0);
	if (!strcmp(kind, "add_check"))
		return parse_part_op(p, list, STRATA_OP_ADD_CHECK, kind,
			"checks", v, 1);
	if (!strcmp(kind, "drop_check"))
		return parse_part_op(p, list, STRATA_OP_DROP_CHECK, kind,
			"checks", v, 0);
	if (!strcmp(kind, "add_primary_key"))
		return parse_part_op(p, list, STRATA_OP_ADD_PRIMARY_KEY, kind,
			"primary_key", v, 1);
	if (!strcmp(kind, "drop_primary_key"))
		return parse_part_op(p, list, STRATA_OP_DROP_PRIMARY_KEY, kind,
			"primary_key", v, 0);
	if (!strcmp(kind, "create_enum"))
		return parse_enum_op(p, list, STRATA_OP_CREATE_ENUM, kind, v);
	if (!strcmp(kind, "drop_enum"))
		return parse_enum_op(p, list, STRATA_OP_DROP_ENUM, kind, v);
	if (!strcmp(kind, "alter_enum"))
		return parse_enum_op(p, list, STRATA_OP_ALTER_ENUM, kind, v);
	if (!strcmp(kind, "alter_table_comment"))
		return parse_comment_op(p, list, v);
	if (!strcmp(kind, "sql"))
		return parse_sql_op(p, list, v);
	return perr(p, k, "unknown operation '%s' (expected create_table, "
		"drop_table, rename_table, add_column, drop_column, "
		"alter_column, rename_column, create_index, drop_index, "
		"add_unique, drop_unique, add_foreign_key, drop_foreign_key, "
		"add_check, drop_check, add_primary_key, drop_primary_key, "
		"create_enum, drop_enum, alter_enum, alter_table_comment or "
		"sql)", kind);
}

static int parse_ops(parser *p, yaml_node_t *n, strata_oplist **out)
{
	yaml_node_item_t *it;
	int error;

	if ((error = strata_oplist_new(out)) < 0)
		return error;
	if (!n || strata_yaml__is_null(n))
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return perr(p, n, "expected a list of steps");
	for (it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++)
		if ((error = parse_op(p, *out, strata_yaml__get(p->y, *it))) < 0)
			return error;
	return 0;
}

/* ---- header ------------------------------------------------------- */

static int valid_id(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

static int parse_root(parser *p, yaml_node_t *root)
{
	static const char *const keys[] = { "revision", "parents", "message",
		"created", "author", "transactional", "upgrade", "downgrade",
		NULL };
	strata_script *s = p->s;
	yaml_node_t *n;
	int error;

	if (!root || root->type != YAML_MAPPING_NODE)
		return perr(p, root, "a revision script is a mapping with "
			"revision, parents, message, upgrade and downgrade");
	if ((error = only_keys(p, root, "a revision script", keys)) < 0)
		return error;
	n = get(p, root, "revision");
	if (!n)
		return perr(p, root, "missing 'revision' (the revision id)");
	if (!valid_id(scalar(n)))
		return perr(p, n, "revision id must be letters, digits, '_' "
			"or '-'");
	if ((error = set_str(&s->revision, scalar(n))) < 0)
		return error;
	n = get(p, root, "parents");
	if (n && !strata_yaml__is_null(n)) {
		if (scalar(n)) {
			if (!valid_id(scalar(n)))
				return perr(p, n, "parent must be a revision id");
			if ((error = strata_strarray_add(&s->parents,
				scalar(n))) < 0)
				return error;
		} else if (n->type == YAML_SEQUENCE_NODE) {
			yaml_node_item_t *it;
			for (it = n->data.sequence.items.start;
			     it < n->data.sequence.items.top; it++) {
				yaml_node_t *e = strata_yaml__get(p->y, *it);
				size_t k;
				if (!valid_id(scalar(e)))
					return perr(p, e, "parent must be a "
						"revision id");
				for (k = 0; k < s->parents.count; k++)
					if (!strcmp(s->parents.strings[k],
						scalar(e)))
						return perr(p, e, "parent '%s' is "
							"listed twice", scalar(e));
				if ((error = strata_strarray_add(&s->parents,
					scalar(e))) < 0)
					return error;
			}
		} else {
			return perr(p, n, "parents must be a list of revision "
				"ids");
		}
	}
	n = get(p, root, "message");
	if (n && scalar(n) && !strata_yaml__is_null(n) &&
	    (error = set_str(&s->message, scalar(n))) < 0)
		return error;
	n = get(p, root, "created");
	if (n && scalar(n) && !strata_yaml__is_null(n) &&
	    (error = set_str(&s->created, scalar(n))) < 0)
		return error;
	n = get(p, root, "author");
	if (n && scalar(n) && !strata_yaml__is_null(n) &&
	    (error = set_str(&s->author, scalar(n))) < 0)
		return error;
	s->transactional = 1;
	n = get(p, root, "transactional");
	if (n) {
		int b = strata_yaml__bool(n);
		if (b < 0)
			return perr(p, n, "transactional must be true or false");
		s->transactional = b;
	}
	if ((error = parse_ops(p, get(p, root, "upgrade"), &s->upgrade)) < 0 ||
	    (error = parse_ops(p, get(p, root, "downgrade"),
		&s->downgrade)) < 0)
		return error;
	return 0;
}

int strata_script_parse(strata_script **out, const char *name,
	const char *text, size_t len)
{
	strata_yaml y = STRATA_YAML_INIT;
	strata_script *s;
	parser p;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	s = strata__calloc(1, sizeof(*s));
	STRATA_ERROR_CHECK_ALLOC(s);
	if ((error = set_str(&s->path, name)) < 0)
		goto done;
	strata_script_checksum(s->checksum, text, len);
	if ((error = strata_yaml__load_string(&y, name, text, len)) < 0) {
		((strata_error *)strata_error_last())->klass =
			STRATA_ERROR_SCRIPT;
		goto done;
	}
	p.y = &y;
	p.s = s;
	error = parse_root(&p, strata_yaml__root(&y));
done:
	strata_yaml__dispose(&y);
	if (error < 0) {
		strata_script_free(s);
		return error;
	}
	*out = s;
	return 0;
}

int strata_script_load(strata_script **out, const char *path)
{
	strata_buf text = STRATA_BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *fp;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	fp = fopen(path, "rb");
	if (!fp) {
		int e = errno;
		strata_error__set(STRATA_ERROR_SCRIPT, "%s: cannot read: %s",
			path, strerror(e));
		return e == ENOENT ? STRATA_ENOTFOUND : STRATA_ERROR;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (strata_buf_put(&text, chunk, n) < 0) {
			fclose(fp);
			strata_buf_dispose(&text);
			return STRATA_ERROR;
		}
	if (ferror(fp)) {
		fclose(fp);
		strata_buf_dispose(&text);
		strata_error__set(STRATA_ERROR_SCRIPT, "%s: cannot read",
			path);
		return STRATA_ERROR;
	}
	fclose(fp);
	error = strata_script_parse(out, path, text.ptr, text.size);
	strata_buf_dispose(&text);
	return error;
}

/* ---- writing ------------------------------------------------------ */

static const strata_table *payload_table(const strata_op *op)
{
	const strata_schema *s = op->after ? op->after : op->before;

	return s && s->table_count ? s->tables[0] : NULL;
}

static void put_name_list(strata_buf *out, const strata_strarray *a)
{
	size_t i;

	strata_buf_putc(out, '[');
	for (i = 0; i < a->count; i++) {
		if (i)
			strata_buf_puts(out, ", ");
		strata_model__write_scalar(out, a->strings[i]);
	}
	strata_buf_putc(out, ']');
}

static int write_op(strata_buf *out, const strata_op *op)
{
	const strata_table *t = payload_table(op);
	const char *kind = strata_op_kind_name(op->kind);

	if (op->flags & STRATA_OP_DESTRUCTIVE) {
		strata_buf d = STRATA_BUF_INIT;
		strata_op_describe(&d, op);
		strata_buf_printf(out, "  # DESTRUCTIVE: %s\n", d.ptr);
		strata_buf_dispose(&d);
	}
	if (op->comment)
		strata_buf_printf(out, "  # note: %s\n", op->comment);
	strata_buf_printf(out, "  - %s:\n", kind);
	switch (op->kind) {
	case STRATA_OP_RENAME_TABLE:
		strata_buf_puts(out, "      from: ");
		strata_model__write_scalar(out, op->table);
		strata_buf_puts(out, "\n      to: ");
		strata_model__write_scalar(out, op->new_name);
		return strata_buf_putc(out, '\n');
	case STRATA_OP_RENAME_COLUMN:
		strata_buf_puts(out, "      table: ");
		strata_model__write_scalar(out, op->table);
		strata_buf_puts(out, "\n      from: ");
		strata_model__write_scalar(out, op->name);
		strata_buf_puts(out, "\n      to: ");
		strata_model__write_scalar(out, op->new_name);
		return strata_buf_putc(out, '\n');
	case STRATA_OP_ALTER_COLUMN: {
		const strata_table *b = op->before && op->before->table_count ?
			op->before->tables[0] : NULL;
		const strata_table *a = op->after && op->after->table_count ?
			op->after->tables[0] : NULL;
		strata_buf_puts(out, "      table: ");
		strata_model__write_scalar(out, op->table);
		strata_buf_puts(out, "\n      column: ");
		strata_model__write_scalar(out, op->name);
		strata_buf_putc(out, '\n');
		if (b && b->column_count) {
			strata_buf_puts(out, "      from: ");
			strata_model__write_column(out, b, b->columns[0],
				STRATA_DIALECT_NONE);
			strata_buf_putc(out, '\n');
		}
		if (a && a->column_count) {
			strata_buf_puts(out, "      to: ");
			strata_model__write_column(out, a, a->columns[0],
				STRATA_DIALECT_NONE);
			strata_buf_putc(out, '\n');
		}
		return 0;
	}
	case STRATA_OP_CREATE_ENUM:
	case STRATA_OP_DROP_ENUM:
	case STRATA_OP_ALTER_ENUM: {
		const strata_schema *b = op->before, *a = op->after;
		strata_buf_puts(out, "      name: ");
		strata_model__write_scalar(out, op->name);
		strata_buf_putc(out, '\n');
		if (op->kind == STRATA_OP_ALTER_ENUM) {
			if (b && b->enum_count) {
				strata_buf_puts(out, "      from: ");
				put_name_list(out, &b->enums[0]->values);
				strata_buf_putc(out, '\n');
			}
			if (a && a->enum_count) {
				strata_buf_puts(out, "      to: ");
				put_name_list(out, &a->enums[0]->values);
				strata_buf_putc(out, '\n');
			}
			return 0;
		}
		b = a ? a : b;
		if (b && b->enum_count) {
			strata_buf_puts(out, "      values: ");
			put_name_list(out, &b->enums[0]->values);
			strata_buf_putc(out, '\n');
		}
		return 0;
	}
	case STRATA_OP_ALTER_TABLE_COMMENT: {
		const strata_table *b = op->before && op->before->table_count ?
			op->before->tables[0] : NULL;
		const strata_table *a = op->after && op->after->table_count ?
			op->after->tables[0] : NULL;
		strata_buf_puts(out, "      table: ");
		strata_model__write_scalar(out, op->table);
		strata_buf_puts(out, "\n      from: ");
		if (b && b->comment)
			strata_model__write_scalar(out, b->comment);
		else
			strata_buf_puts(out, "null");
		strata_buf_puts(out, "\n      to: ");
		if (a && a->comment)
			strata_model__write_scalar(out, a->comment);
		else
			strata_buf_puts(out, "null");
		return strata_buf_putc(out, '\n');
	}
	case STRATA_OP_SQL: {
		size_t i;
		for (i = 0; i < op->sql_dialects.count; i++) {
			strata_buf_printf(out, "      %s: ",
				op->sql_dialects.strings[i]);
			strata_model__write_scalar(out, op->sql_texts.strings[i]);
			strata_buf_putc(out, '\n');
		}
		return 0;
	}
	default:
		break;
	}
	strata_buf_puts(out, "      table: ");
	strata_model__write_scalar(out, op->table);
	strata_buf_putc(out, '\n');
	if (!t) {
		/* dropped by name only */
		if (op->name) {
			strata_buf_printf(out, "      %s: ", op->kind ==
				STRATA_OP_DROP_COLUMN ? "column" : "name");
			strata_model__write_scalar(out, op->name);
			strata_buf_putc(out, '\n');
		}
		return 0;
	}
	return strata_model__write_table_body(out, t, STRATA_DIALECT_NONE, 6);
}

int strata_script_write_ops(strata_buf *out, const strata_oplist *ops)
{
	size_t i;
	int error;

	for (i = 0; ops && i < ops->count; i++)
		if ((error = write_op(out, ops->ops[i])) < 0)
			return error;
	return 0;
}

static const char default_template[] =
	"revision: ${revision}\n"
	"parents: ${parents}\n"
	"message: ${message}\n"
	"created: ${created}\n"
	"author: ${author}\n"
	"transactional: ${transactional}\n"
	"upgrade:${upgrade}\n"
	"downgrade:${downgrade}\n";

static int section(strata_buf *out, const strata_oplist *ops)
{
	if (!ops || !ops->count)
		return strata_buf_puts(out, " []");
	strata_buf_putc(out, '\n');
	strata_script_write_ops(out, ops);
	/* the template adds the newline after the placeholder */
	if (out->size && out->ptr[out->size - 1] == '\n')
		strata_buf_truncate(out, out->size - 1);
	return 0;
}

int strata_script_render(strata_buf *out, const strata_script *s,
	const char *template_path)
{
	strata_buf tmpl = STRATA_BUF_INIT;
	const char *p;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	STRATA_ASSERT_ARG(s);
	if (template_path) {
		FILE *fp = fopen(template_path, "rb");
		char chunk[4096];
		size_t n;
		if (!fp) {
			strata_error__set(STRATA_ERROR_SCRIPT, "cannot read the "
				"revision template '%s': %s", template_path,
				strerror(errno));
			return STRATA_ENOTFOUND;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			strata_buf_put(&tmpl, chunk, n);
		fclose(fp);
	} else {
		strata_buf_puts(&tmpl, default_template);
	}
	for (p = tmpl.ptr; *p;) {
		const char *close;
		size_t len;
		if (p[0] != '$' || p[1] != '{' ||
		    !(close = strchr(p + 2, '}'))) {
			strata_buf_putc(out, *p++);
			continue;
		}
		len = (size_t)(close - p - 2);
#define IS(name) (len == strlen(name) && !strncmp(p + 2, name, len))
		if (IS("revision")) {
			strata_model__write_scalar(out, s->revision);
		} else if (IS("parents")) {
			put_name_list(out, &s->parents);
		} else if (IS("message")) {
			strata_model__write_scalar(out, s->message ? s->message :
				"");
		} else if (IS("created")) {
			strata_model__write_scalar(out, s->created ? s->created :
				"");
		} else if (IS("author")) {
			if (s->author)
				strata_model__write_scalar(out, s->author);
			else
				strata_buf_puts(out, "null");
		} else if (IS("transactional")) {
			strata_buf_puts(out, s->transactional ? "true" :
				"false");
		} else if (IS("upgrade")) {
			section(out, s->upgrade);
		} else if (IS("downgrade")) {
			section(out, s->downgrade);
		} else {
			strata_error__set(STRATA_ERROR_SCRIPT, "%s: unknown "
				"placeholder '%.*s' in the revision template",
				template_path ? template_path : "template",
				(int)(close - p + 1), p);
			error = STRATA_EINVALID;
			break;
		}
#undef IS
		p = close + 1;
	}
	strata_buf_dispose(&tmpl);
	return error;
}
