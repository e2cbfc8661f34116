/*
 * Model files: loads the YAML model format (docs/models.md) into the
 * canonical schema, turning column shorthands into table-level keys and
 * constraints, and validates models with "file:line:column: message"
 * errors (structure here, dialect limits in strata_model_validate).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "common.h"
#include "model_int.h"
#include "strata/model.h"

/* A foreign key whose target is resolved once every file is read. */
typedef struct {
	strata_fkey *fkey;
	strata_table *table;
	strata_loc loc;    /* the `references` node */
	int to_pk;         /* `references: table`: its primary key */
	char *what;        /* "column post.category_id", for messages */
} pending_ref;

typedef struct {
	strata_schema *schema;
	strata_yaml *y;      /* the document being read */
	const char *file;    /* its name, borrowed from schema->files */
	const char *text;    /* its source text, or NULL */
	size_t len;          /* bytes of text */
	strata_vec refs;     /* pending_ref * */
	int klass;           /* error class: MODEL, or SCRIPT for fragments */
	int fragment;        /* a part of a table in a revision script */
} loader;

/* A key of a mapping read by read_map: its key and value nodes. */
typedef struct {
	yaml_node_t *key;
	yaml_node_t *value;
} slot;

/* What the shorthand keys of one column asked for, kept until the
 * table's key and constraints are built. */
typedef struct {
	strata_column *col;
	yaml_node_t *pk;           /* `primary_key` key, when true */
	yaml_node_t *nullable;     /* `nullable` key, when true */
	int autoinc;               /* -1: not given, else 0 / 1 */
	yaml_node_t *unique;       /* `unique` key, when true */
	yaml_node_t *index;        /* `index` key, when true */
	yaml_node_t *ref;          /* `references` value */
	strata_fk_action on_delete;
	strata_fk_action on_update;
} colinfo;

static const char *const top_keys[] = { "tables", "version" };

static const char *const table_keys[] = { "comment", "columns",
	"primary_key", "indexes", "unique", "foreign_keys", "checks",
	"renamed_from", "options" };
enum { T_COMMENT, T_COLUMNS, T_PRIMARY_KEY, T_INDEXES, T_UNIQUE,
	T_FOREIGN_KEYS, T_CHECKS, T_RENAMED_FROM, T_OPTIONS, T__COUNT };

static const char *const column_keys[] = { "type", "nullable",
	"primary_key", "autoincrement", "default", "unique", "index",
	"references", "on_delete", "on_update", "comment", "renamed_from",
	"enum_name", "collation", "unsigned" };
enum { C_TYPE, C_NULLABLE, C_PRIMARY_KEY, C_AUTOINCREMENT, C_DEFAULT,
	C_UNIQUE, C_INDEX, C_REFERENCES, C_ON_DELETE, C_ON_UPDATE, C_COMMENT,
	C_RENAMED_FROM, C_ENUM_NAME, C_COLLATION, C_UNSIGNED, C__COUNT };

static const char *const pk_keys[] = { "columns", "name" };
static const char *const unique_keys[] = { "columns", "name" };
static const char *const index_keys[] = { "columns", "expr", "unique",
	"name", "where", "method", "prefix" };
enum { I_COLUMNS, I_EXPR, I_UNIQUE, I_NAME, I_WHERE, I_METHOD, I_PREFIX,
	I__COUNT };
static const char *const fkey_keys[] = { "columns", "references",
	"on_delete", "on_update", "name", "deferrable" };
enum { F_COLUMNS, F_REFERENCES, F_ON_DELETE, F_ON_UPDATE, F_NAME,
	F_DEFERRABLE, F__COUNT };
static const char *const ref_keys[] = { "table", "columns" };
static const char *const check_keys[] = { "name", "constraint_name",
	"expr", "columns" };
enum { K_NAME, K_CONSTRAINT_NAME, K_EXPR, K_COLUMNS, K__COUNT };
static const char *const default_keys[] = { "sql" };

/* ---- small helpers ------------------------------------------------ */

static int node_error(loader *ld, const yaml_node_t *node,
	const char *fmt, ...) STRATA_FORMAT(3, 4);

static int node_error(loader *ld, const yaml_node_t *node,
	const char *fmt, ...)
{
	strata_buf msg = STRATA_BUF_INIT;
	va_list ap;
	int error;

	va_start(ap, fmt);
	strata_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	error = strata_yaml__error(ld->y, node, ld->klass, "%s", msg.ptr);
	strata_buf_dispose(&msg);
	return error;
}

static int loc_error(const strata_loc *loc, const char *fmt, ...)
	STRATA_FORMAT(2, 3);

static int loc_error(const strata_loc *loc, const char *fmt, ...)
{
	strata_buf msg = STRATA_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strata_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (loc && loc->file)
		strata_error__set(STRATA_ERROR_MODEL, "%s:%u:%u: %s", loc->file,
			loc->line, loc->col, msg.ptr);
	else
		strata_error__set(STRATA_ERROR_MODEL, "%s", msg.ptr);
	strata_buf_dispose(&msg);
	return STRATA_EINVALID;
}

static void set_loc(loader *ld, strata_loc *loc, const yaml_node_t *node)
{
	loc->file = ld->file;
	loc->line = (unsigned int)node->start_mark.line + 1;
	loc->col = (unsigned int)node->start_mark.column + 1;
}

static const char *found(const yaml_node_t *node)
{
	if (!node)
		return "nothing";
	switch (node->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a list";
	default:
		return strata_yaml__is_null(node) ? "an empty value" :
			"a scalar";
	}
}

static int expect_map(loader *ld, const yaml_node_t *node,
	const char *what)
{
	if (node && node->type == YAML_MAPPING_NODE)
		return 0;
	return node_error(ld, node, "%s must be a mapping, found %s", what,
		found(node));
}

static int is_integer_kind(strata_type_kind k)
{
	return k == STRATA_TYPE_INTEGER || k == STRATA_TYPE_SMALLINT ||
		k == STRATA_TYPE_BIGINT;
}

static int is_numeric_kind(strata_type_kind k)
{
	return is_integer_kind(k) || k == STRATA_TYPE_FLOAT ||
		k == STRATA_TYPE_DOUBLE || k == STRATA_TYPE_NUMERIC;
}

/* Whether s is a decimal number: [+-] digits [. digits] [e [+-] digits];
 * `whole`: digits only after the sign. */
static int is_number(const char *s, int whole)
{
	const char *p = s;
	int digits = 0;

	if (*p == '+' || *p == '-')
		p++;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (whole)
		return digits && !*p;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
	}
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return !*p;
}

static void type_text(strata_buf *out, const strata_type *t)
{
	if (t->kind == STRATA_TYPE_NATIVE)
		strata_buf_printf(out, "native(%s)",
			t->native ? t->native : "");
	else
		strata_type_format(out, t);
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* ---- generic mapping reader --------------------------------------- */

static int paren_depth(const char *s)
{
	int depth = 0;

	for (; *s; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')')
			depth--;
	}
	return depth;
}

/* Byte offset of the chars-th character (libyaml counts characters). */
static size_t byte_offset(const char *text, size_t len, size_t chars)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (((unsigned char)text[i] & 0xC0) == 0x80)
			continue;
		if (n++ == chars)
			return i;
	}
	return len;
}

/*
 * In a flow mapping, a plain `type: enum(a, b)` is cut by YAML at the
 * comma into `type: enum(a` and a key `b)` without a value. Rejoins the
 * pieces from the source text while the parentheses stay open; *pp is
 * moved past the pairs used.
 */
static int rejoin_type(loader *ld, const yaml_node_t *map,
	yaml_node_pair_t **pp, const yaml_node_t *value, char **out)
{
	yaml_node_pair_t *p = *pp;
	const yaml_node_t *last = NULL;
	const char *first = strata_yaml__scalar(value);
	strata_buf b = STRATA_BUF_INIT, pieces = STRATA_BUF_INIT;
	int depth = paren_depth(first);
	size_t from, to, i, flen = strlen(first);

	strata_buf_puts(&pieces, first);
	while (depth > 0 && p + 1 < map->data.mapping.pairs.top) {
		yaml_node_t *k = strata_yaml__get(ld->y, p[1].key);
		yaml_node_t *v = strata_yaml__get(ld->y, p[1].value);
		if (!strata_yaml__is_plain(k) || !strata_yaml__is_plain(v) ||
		    *strata_yaml__scalar(v))
			break;
		depth += paren_depth(strata_yaml__scalar(k));
		strata_buf_printf(&pieces, ", %s", strata_yaml__scalar(k));
		last = k;
		p++;
	}
	*pp = p;
	if (!last) {
		strata_buf_dispose(&pieces);
		return 0;
	}
	from = ld->text ? byte_offset(ld->text, ld->len,
		value->start_mark.index) : 0;
	to = ld->text ? byte_offset(ld->text, ld->len,
		last->end_mark.index) : 0;
	if (ld->text && to > from && to - from >= flen &&
	    !memcmp(ld->text + from, first, flen)) {
		for (i = from; i < to; i++) {
			char c = ld->text[i];
			strata_buf_putc(&b, c == '\n' || c == '\r' ||
				c == '\t' ? ' ' : c);
		}
		strata_buf_dispose(&pieces);
		*out = strata_buf_detach(&b);
	} else {
		/* Source and marks disagree: join the pieces instead. */
		*out = strata_buf_detach(&pieces);
	}
	STRATA_ERROR_CHECK_ALLOC(*out);
	return 0;
}

static int in_list(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

/*
 * Reads a mapping whose keys must come from `keys`: rejects other keys,
 * non-scalar keys and duplicates, and fills slots[i] for keys[i]. Keys
 * whose bit is set in `disabled` are refused too; keys in `skip` (NULL
 * or NULL-terminated) are someone else's and left alone.
 * `type_key` (or -1) names the key whose plain value may need
 * rejoining (see rejoin_type); the rejoined text goes to *joined.
 */
static int read_map_ex(loader *ld, yaml_node_t *map, const char *what,
	const char *const *keys, size_t nkeys, unsigned long disabled,
	const char *const *skip, slot *slots, int type_key, char **joined)
{
	yaml_node_pair_t *p;
	size_t i;
	int error = 0;

	memset(slots, 0, nkeys * sizeof(*slots));
	if ((error = expect_map(ld, map, what)) < 0)
		return error;
	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = strata_yaml__get(ld->y, p->key);
		yaml_node_t *v = strata_yaml__get(ld->y, p->value);
		const char *name = strata_yaml__scalar(k);
		if (!name)
			return node_error(ld, k, "a key of %s must be a name, "
				"found %s", what, found(k));
		if (in_list(skip, name))
			continue;
		for (i = 0; i < nkeys; i++)
			if (!strcmp(keys[i], name) && !(disabled & (1UL << i)))
				break;
		if (i == nkeys) {
			strata_buf allowed = STRATA_BUF_INIT;
			size_t j;
			for (j = 0; j < nkeys; j++)
				if (!(disabled & (1UL << j)))
					strata_buf_printf(&allowed, "%s%s",
						allowed.size ? ", " : "",
						keys[j]);
			error = node_error(ld, k, "unknown key '%s' in %s "
				"(allowed: %s)%s", name, what, allowed.ptr,
				strchr(name, ')') ? "; inside {...} a value "
				"with ', ' must be quoted" : "");
			strata_buf_dispose(&allowed);
			return error;
		}
		if (slots[i].key)
			return node_error(ld, k, "duplicate key '%s' in %s",
				name, what);
		slots[i].key = k;
		slots[i].value = v;
		if ((int)i == type_key && joined && !*joined &&
		    map->data.mapping.style == YAML_FLOW_MAPPING_STYLE &&
		    strata_yaml__is_plain(v) &&
		    paren_depth(strata_yaml__scalar(v)) > 0 &&
		    (error = rejoin_type(ld, map, &p, v, joined)) < 0)
			return error;
	}
	return 0;
}

static int read_map(loader *ld, yaml_node_t *map, const char *what,
	const char *const *keys, size_t nkeys, slot *slots, int type_key,
	char **joined)
{
	return read_map_ex(ld, map, what, keys, nkeys, 0, NULL, slots,
		type_key, joined);
}

static int get_bool(loader *ld, const slot *s, const char *what,
	int *out)
{
	int b;

	if (!s->key)
		return 0;
	if ((b = strata_yaml__bool(s->value)) < 0) {
		const char *text = strata_yaml__scalar(s->value);
		if (text && *text)
			return node_error(ld, s->value, "'%s' of %s must be "
				"true or false, found '%s'",
				strata_yaml__scalar(s->key), what, text);
		return node_error(ld, s->value, "'%s' of %s must be true or "
			"false, found %s", strata_yaml__scalar(s->key), what,
			found(s->value));
	}
	*out = b;
	return 0;
}

/* A text value; a missing or null value leaves *out NULL. */
static int get_text(loader *ld, const slot *s, const char *what,
	int allow_empty, char **out)
{
	const char *text;

	*out = NULL;
	if (!s->key || strata_yaml__is_null(s->value))
		return 0;
	if (!(text = strata_yaml__scalar(s->value)))
		return node_error(ld, s->value, "'%s' of %s must be text, "
			"found %s", strata_yaml__scalar(s->key), what,
			found(s->value));
	if (!*text && !allow_empty)
		return node_error(ld, s->value, "'%s' of %s must not be empty",
			strata_yaml__scalar(s->key), what);
	*out = strata__strdup(text);
	STRATA_ERROR_CHECK_ALLOC(*out);
	return 0;
}

/*
 * A list of column names (a list, or one name): non-empty, no name
 * twice, and each a column of `table` when it is not NULL.
 */
static int get_names(loader *ld, yaml_node_t *node, const char *what,
	const strata_table *table, strata_strarray *out)
{
	yaml_node_item_t *it;
	yaml_node_t *one[1];
	yaml_node_t **items = one;
	size_t n = 0, i, j;
	int error = 0;

	if (node && node->type == YAML_SEQUENCE_NODE) {
		n = (size_t)(node->data.sequence.items.top -
			node->data.sequence.items.start);
		if (!n)
			return node_error(ld, node, "%s needs at least one "
				"column", what);
		items = strata__calloc(n, sizeof(*items));
		STRATA_ERROR_CHECK_ALLOC(items);
		for (i = 0, it = node->data.sequence.items.start;
		     it < node->data.sequence.items.top; it++, i++)
			items[i] = strata_yaml__get(ld->y, *it);
	} else if (node && node->type == YAML_SCALAR_NODE &&
		   !strata_yaml__is_null(node)) {
		one[0] = node;
		n = 1;
	} else {
		return node_error(ld, node, "%s needs a list of columns, "
			"found %s", what, found(node));
	}
	for (i = 0; i < n; i++) {
		const char *name = strata_yaml__scalar(items[i]);
		if (!name || !*name) {
			error = node_error(ld, items[i], "%s: a column name "
				"must be a non-empty name, found %s", what,
				found(items[i]));
			goto done;
		}
		for (j = 0; j < i; j++)
			if (!strcmp(strata_yaml__scalar(items[j]), name)) {
				error = node_error(ld, items[i], "column '%s' "
					"appears twice in %s", name, what);
				goto done;
			}
		if (table && !strata_table_column(table, name)) {
			error = node_error(ld, items[i], "unknown column '%s' "
				"in %s", name, what);
			goto done;
		}
		if ((error = strata_strarray_add(out, name)) < 0)
			goto done;
	}
done:
	if (items != one)
		strata__free(items);
	return error;
}

/* ---- columns ------------------------------------------------------ */

static int parse_default(loader *ld, strata_column *c, const slot *s,
	const char *what)
{
	yaml_node_t *v = s->value;
	strata_type_kind k = c->type.kind;
	const char *text;
	int b;

	if (v->type == YAML_MAPPING_NODE) {
		slot sql[1];
		int error;
		char *expr = NULL;
		strata_buf w = STRATA_BUF_INIT;
		strata_buf_printf(&w, "the default of %s", what);
		error = read_map(ld, v, w.ptr, default_keys, 1, sql, -1, NULL);
		if (!error && !sql[0].key)
			error = node_error(ld, v, "%s needs 'sql', e.g. "
				"{sql: now}", w.ptr);
		if (!error)
			error = get_text(ld, &sql[0], w.ptr, 0, &expr);
		if (!error && !expr)
			error = node_error(ld, sql[0].value, "'sql' of %s must "
				"not be empty", w.ptr);
		strata_buf_dispose(&w);
		if (error)
			return error;
		if (!strata__strcasecmp(expr, "now") ||
		    !strata__strcasecmp(expr, "now()") ||
		    !strata__strcasecmp(expr, "current_timestamp") ||
		    !strata__strcasecmp(expr, "current_timestamp()")) {
			c->def.kind = STRATA_DEFAULT_NOW;
			strata__free(expr);
		} else {
			c->def.kind = STRATA_DEFAULT_EXPR;
			c->def.value = expr;
		}
		return 0;
	}
	if (!(text = strata_yaml__scalar(v)))
		return node_error(ld, v, "the default of %s must be a value "
			"or {sql: expression}, found %s", what, found(v));
	if (strata_yaml__is_null(v)) {
		c->def.kind = STRATA_DEFAULT_NULL;
		return 0;
	}
	b = strata_yaml__bool(v);
	if (k == STRATA_TYPE_BOOLEAN) {
		if (b < 0 && (!strata__strcasecmp(text, "true") ||
		    !strcmp(text, "1")))
			b = 1;
		else if (b < 0 && (!strata__strcasecmp(text, "false") ||
		    !strcmp(text, "0")))
			b = 0;
		if (b < 0)
			return node_error(ld, v, "the default '%s' of boolean "
				"%s must be true or false", text, what);
		c->def.kind = STRATA_DEFAULT_BOOLEAN;
		c->def.value = strata__strdup(b ? "true" : "false");
		STRATA_ERROR_CHECK_ALLOC(c->def.value);
		return 0;
	}
	if (b >= 0 && k != STRATA_TYPE_NATIVE) {
		strata_buf t = STRATA_BUF_INIT;
		int error;
		type_text(&t, &c->type);
		error = node_error(ld, v, "the default %s of %s is a boolean "
			"but the column is %s (quote it to mean the text)",
			text, what, t.ptr);
		strata_buf_dispose(&t);
		return error;
	}
	if (b >= 0) {
		c->def.kind = STRATA_DEFAULT_BOOLEAN;
		c->def.value = strata__strdup(b ? "true" : "false");
		STRATA_ERROR_CHECK_ALLOC(c->def.value);
		return 0;
	}
	if (is_numeric_kind(k)) {
		if (!is_number(text, is_integer_kind(k)))
			return node_error(ld, v, "the default '%s' of %s is "
				"not %s", text, what, is_integer_kind(k) ?
				"a whole number" : "a number");
		c->def.kind = STRATA_DEFAULT_NUMBER;
	} else if (k == STRATA_TYPE_ENUM) {
		size_t i;
		for (i = 0; i < c->type.values.count; i++)
			if (!strcmp(c->type.values.strings[i], text))
				break;
		if (i == c->type.values.count) {
			strata_buf t = STRATA_BUF_INIT;
			int error;
			strata_type_format(&t, &c->type);
			error = node_error(ld, v, "the default '%s' of %s is "
				"not a value of %s", text, what, t.ptr);
			strata_buf_dispose(&t);
			return error;
		}
		c->def.kind = STRATA_DEFAULT_STRING;
	} else if (k == STRATA_TYPE_NATIVE && strata_yaml__is_plain(v) &&
		   is_number(text, 0)) {
		c->def.kind = STRATA_DEFAULT_NUMBER;
	} else {
		c->def.kind = STRATA_DEFAULT_STRING;
	}
	c->def.value = strata__strdup(text);
	STRATA_ERROR_CHECK_ALLOC(c->def.value);
	return 0;
}

static int parse_action(loader *ld, const slot *s, const char *what,
	strata_fk_action *out)
{
	const char *text = strata_yaml__scalar(s->value);

	*out = STRATA_FK_NO_ACTION;
	if (!s->key)
		return 0;
	if (!text || strata_fk_action_parse(out, text) < 0)
		return node_error(ld, s->value, "invalid %s '%s' of %s "
			"(expected cascade, restrict, set null, set default or "
			"no action)", strata_yaml__scalar(s->key),
			text ? text : "", what);
	return 0;
}

/* The column keys that make keys and constraints. */
#define SHORTHAND_KEYS ((1UL << C_PRIMARY_KEY) | (1UL << C_UNIQUE) | \
	(1UL << C_INDEX) | (1UL << C_REFERENCES) | (1UL << C_ON_DELETE) | \
	(1UL << C_ON_UPDATE))

/*
 * Reads column `name` of table t from `vnode`; `knode` is where it was
 * named (its location). Without `shorthands`, the keys that make keys
 * and constraints are refused.
 */
static int parse_column(loader *ld, strata_table *t, yaml_node_t *knode,
	const char *name, yaml_node_t *vnode, colinfo *ci, int shorthands)
{
	strata_buf what = STRATA_BUF_INIT, tt = STRATA_BUF_INIT;
	slot s[C__COUNT];
	char *joined = NULL;
	const char *type;
	strata_column *c;
	int b, error = 0;

	ci->autoinc = -1;
	if (!name || !*name)
		return node_error(ld, knode, "a column name of table %s must "
			"be a non-empty name, found %s", t->name,
			found(knode));
	if (strata_table_column(t, name))
		return node_error(ld, knode, "duplicate column '%s' in table "
			"%s", name, t->name);
	strata_buf_printf(&what, "column %s.%s", t->name, name);
	if ((error = read_map_ex(ld, vnode, what.ptr, column_keys, C__COUNT,
	    shorthands ? 0 : SHORTHAND_KEYS, NULL, s, C_TYPE,
	    &joined)) < 0)
		goto done;
	if ((error = strata_table_add_column(&c, t, name)) < 0)
		goto done;
	ci->col = c;
	set_loc(ld, &c->loc, knode);

	/* type, then what depends on it */
	type = joined ? joined : strata_yaml__scalar(s[C_TYPE].value);
	if (!s[C_TYPE].key || (!joined &&
	    strata_yaml__is_null(s[C_TYPE].value))) {
		error = node_error(ld, s[C_TYPE].key ? s[C_TYPE].value :
			knode, "%s has no type", what.ptr);
		goto done;
	}
	if (!type) {
		error = node_error(ld, s[C_TYPE].value, "'type' of %s must be "
			"text, found %s", what.ptr, found(s[C_TYPE].value));
		goto done;
	}
	if (strata_type_parse(&c->type, type) < 0) {
		strata_buf msg = STRATA_BUF_INIT;
		strata_buf_puts(&msg, strata_error_last()->message);
		error = node_error(ld, s[C_TYPE].value, "%s", msg.ptr);
		strata_buf_dispose(&msg);
		goto done;
	}
	type_text(&tt, &c->type);
	if ((error = get_text(ld, &s[C_ENUM_NAME], what.ptr, 0,
	    &c->type.enum_name)) < 0)
		goto done;
	if (c->type.enum_name && c->type.kind != STRATA_TYPE_ENUM) {
		error = node_error(ld, s[C_ENUM_NAME].key, "enum_name applies "
			"only to enum columns (%s is %s)", what.ptr, tt.ptr);
		goto done;
	}
	b = 0;
	if ((error = get_bool(ld, &s[C_UNSIGNED], what.ptr, &b)) < 0)
		goto done;
	if (b && !is_numeric_kind(c->type.kind)) {
		error = node_error(ld, s[C_UNSIGNED].key, "unsigned applies "
			"only to numeric columns (%s is %s)", what.ptr, tt.ptr);
		goto done;
	}
	c->type.is_unsigned = b;

	b = 1;
	if ((error = get_bool(ld, &s[C_NULLABLE], what.ptr, &b)) < 0)
		goto done;
	c->nullable = b;
	if (s[C_NULLABLE].key && b)
		ci->nullable = s[C_NULLABLE].key;
	b = 0;
	if ((error = get_bool(ld, &s[C_PRIMARY_KEY], what.ptr, &b)) < 0)
		goto done;
	if (b)
		ci->pk = s[C_PRIMARY_KEY].key;
	if (s[C_AUTOINCREMENT].key) {
		if ((error = get_bool(ld, &s[C_AUTOINCREMENT], what.ptr,
		    &ci->autoinc)) < 0)
			goto done;
		if (ci->autoinc && !is_integer_kind(c->type.kind)) {
			error = node_error(ld, s[C_AUTOINCREMENT].key,
				"autoincrement applies only to integer "
				"columns (%s is %s)", what.ptr, tt.ptr);
			goto done;
		}
	}
	if (s[C_DEFAULT].key &&
	    (error = parse_default(ld, c, &s[C_DEFAULT], what.ptr)) < 0)
		goto done;
	b = 0;
	if ((error = get_bool(ld, &s[C_UNIQUE], what.ptr, &b)) < 0)
		goto done;
	if (b)
		ci->unique = s[C_UNIQUE].key;
	b = 0;
	if ((error = get_bool(ld, &s[C_INDEX], what.ptr, &b)) < 0)
		goto done;
	if (b)
		ci->index = s[C_INDEX].key;
	if (s[C_REFERENCES].key) {
		const char *ref = strata_yaml__scalar(s[C_REFERENCES].value);
		if (!ref || !*ref) {
			error = node_error(ld, s[C_REFERENCES].value,
				"'references' of %s must be table.column or "
				"table, found %s", what.ptr,
				found(s[C_REFERENCES].value));
			goto done;
		}
		ci->ref = s[C_REFERENCES].value;
	}
	if ((error = parse_action(ld, &s[C_ON_DELETE], what.ptr,
	    &ci->on_delete)) < 0 ||
	    (error = parse_action(ld, &s[C_ON_UPDATE], what.ptr,
	    &ci->on_update)) < 0)
		goto done;
	if (!ci->ref && (s[C_ON_DELETE].key || s[C_ON_UPDATE].key)) {
		yaml_node_t *k = s[C_ON_DELETE].key ? s[C_ON_DELETE].key :
			s[C_ON_UPDATE].key;
		error = node_error(ld, k, "%s of %s needs 'references'",
			strata_yaml__scalar(k), what.ptr);
		goto done;
	}
	if ((error = get_text(ld, &s[C_COMMENT], what.ptr, 1,
	    &c->comment)) < 0 ||
	    (error = get_text(ld, &s[C_RENAMED_FROM], what.ptr, 0,
	    &c->renamed_from)) < 0 ||
	    (error = get_text(ld, &s[C_COLLATION], what.ptr, 0,
	    &c->collation)) < 0)
		goto done;
done:
	strata__free(joined);
	strata_buf_dispose(&what);
	strata_buf_dispose(&tt);
	return error;
}

/* ---- foreign keys ------------------------------------------------- */

static void free_pending(void *p)
{
	pending_ref *r = p;

	if (!r)
		return;
	strata__free(r->what);
	strata__free(r);
}

static int add_pending(loader *ld, strata_table *t, strata_fkey *f,
	const yaml_node_t *node, int to_pk, const char *what)
{
	pending_ref *r;

	if (ld->fragment)
		return 0; /* other tables are not known: nothing to check */
	r = strata__calloc(1, sizeof(*r));
	STRATA_ERROR_CHECK_ALLOC(r);
	r->fkey = f;
	r->table = t;
	r->to_pk = to_pk;
	set_loc(ld, &r->loc, node);
	if (!(r->what = strata__strdup(what)) ||
	    strata_vec_push(&ld->refs, r) < 0) {
		free_pending(r);
		strata_error__oom();
		return STRATA_ERROR;
	}
	return 0;
}

/* `table.column` (split at the last dot) or `table` (its key). */
static int parse_ref_text(loader *ld, const yaml_node_t *node,
	const char *what, strata_fkey *f, int *to_pk)
{
	const char *text = strata_yaml__scalar(node);
	const char *dot = text ? strrchr(text, '.') : NULL;

	if (!text || !*text || dot == text || (dot && !dot[1]))
		return node_error(ld, node, "'references' of %s must be "
			"table.column or table, found %s%s%s", what,
			text && *text ? "'" : "",
			text && *text ? text : found(node),
			text && *text ? "'" : "");
	if (!dot && ld->fragment)
		return node_error(ld, node, "'references' of %s must name the "
			"column in a revision script: %s.<column>", what, text);
	if (!dot) {
		*to_pk = 1;
		f->ref_table = strata__strdup(text);
		STRATA_ERROR_CHECK_ALLOC(f->ref_table);
		return 0;
	}
	*to_pk = 0;
	f->ref_table = strata__strndup(text, (size_t)(dot - text));
	STRATA_ERROR_CHECK_ALLOC(f->ref_table);
	return strata_strarray_add(&f->ref_columns, dot + 1);
}

static int type_family(const strata_type *t)
{
	switch (t->kind) {
	case STRATA_TYPE_INTEGER:
	case STRATA_TYPE_SMALLINT:
	case STRATA_TYPE_BIGINT:
		return 1;
	case STRATA_TYPE_FLOAT:
	case STRATA_TYPE_DOUBLE:
		return 2;
	case STRATA_TYPE_STRING:
	case STRATA_TYPE_CHAR:
	case STRATA_TYPE_TEXT:
		return 3;
	case STRATA_TYPE_NATIVE:
		return 0; /* unknown to strata: matches anything */
	default:
		return 100 + (int)t->kind;
	}
}

static int resolve_ref(const strata_schema *schema, pending_ref *r)
{
	strata_fkey *f = r->fkey;
	const strata_table *to = strata_schema_table(schema, f->ref_table);
	size_t i;

	if (!to)
		return loc_error(&r->loc, "%s references unknown table '%s'",
			r->what, f->ref_table);
	if (r->to_pk) {
		if (!to->pkey.h.columns.count)
			return loc_error(&r->loc, "%s references table '%s', "
				"which has no primary key (name the column: "
				"%s.<column>)", r->what, to->name, to->name);
		for (i = 0; i < to->pkey.h.columns.count; i++)
			if (strata_strarray_add(&f->ref_columns,
			    to->pkey.h.columns.strings[i]) < 0)
				return STRATA_ERROR;
	}
	for (i = 0; i < f->ref_columns.count; i++)
		if (!strata_table_column(to, f->ref_columns.strings[i]))
			return loc_error(&r->loc, "%s references unknown "
				"column '%s.%s'", r->what, to->name,
				f->ref_columns.strings[i]);
	if (f->ref_columns.count != f->h.columns.count)
		return loc_error(&r->loc, "%s has %zu column%s but references "
			"%zu (%s)", r->what, f->h.columns.count,
			plural(f->h.columns.count), f->ref_columns.count,
			to->name);
	for (i = 0; i < f->h.columns.count; i++) {
		const strata_column *a = strata_table_column(r->table,
			f->h.columns.strings[i]);
		const strata_column *b = strata_table_column(to,
			f->ref_columns.strings[i]);
		int fa = type_family(&a->type), fb = type_family(&b->type);
		if (fa && fb && fa != fb) {
			strata_buf ta = STRATA_BUF_INIT, tb = STRATA_BUF_INIT;
			int error;
			type_text(&ta, &a->type);
			type_text(&tb, &b->type);
			error = loc_error(&r->loc, "%s: type mismatch: %s.%s "
				"is %s but %s.%s is %s", r->what,
				r->table->name, a->name, ta.ptr, to->name,
				b->name, tb.ptr);
			strata_buf_dispose(&ta);
			strata_buf_dispose(&tb);
			return error;
		}
	}
	return 0;
}

/* ---- tables ------------------------------------------------------- */

/* The table whose columns constraint columns must name: none in a
 * fragment without columns (add_unique, create_index, ...). */
static const strata_table *known(const loader *ld, const strata_table *t)
{
	return ld->fragment && !t->column_count ? NULL : t;
}

static int parse_table_pk(loader *ld, strata_table *t, const slot *s)
{
	strata_buf what = STRATA_BUF_INIT;
	yaml_node_t *v = s->value;
	int error = 0;

	strata_buf_printf(&what, "primary key of table %s", t->name);
	set_loc(ld, &t->pkey.h.loc, v);
	if (v->type == YAML_MAPPING_NODE) {
		slot k[2];
		if ((error = read_map(ld, v, what.ptr, pk_keys, 2, k, -1,
		    NULL)) < 0)
			goto done;
		if (!k[0].key) {
			error = node_error(ld, v, "%s needs 'columns'",
				what.ptr);
			goto done;
		}
		if ((error = get_names(ld, k[0].value, what.ptr, known(ld, t),
		    &t->pkey.h.columns)) < 0 ||
		    (error = get_text(ld, &k[1], what.ptr, 0,
		    &t->pkey.h.name)) < 0)
			goto done;
	} else {
		error = get_names(ld, v, what.ptr, known(ld, t),
			&t->pkey.h.columns);
	}
done:
	strata_buf_dispose(&what);
	return error;
}

static yaml_node_item_t *seq_items(loader *ld, const slot *s,
	const char *what, size_t *n, int *error)
{
	*n = 0;
	*error = 0;
	if (!s->key || strata_yaml__is_null(s->value))
		return NULL;
	if (s->value->type != YAML_SEQUENCE_NODE) {
		*error = node_error(ld, s->value, "'%s' of %s must be a list, "
			"found %s", strata_yaml__scalar(s->key), what,
			found(s->value));
		return NULL;
	}
	*n = (size_t)(s->value->data.sequence.items.top -
		s->value->data.sequence.items.start);
	return s->value->data.sequence.items.start;
}

static int parse_indexes(loader *ld, strata_table *t, const slot *s,
	const char *twhat)
{
	strata_buf what = STRATA_BUF_INIT;
	yaml_node_item_t *items;
	size_t n, i;
	int error;

	items = seq_items(ld, s, twhat, &n, &error);
	strata_buf_printf(&what, "index of table %s", t->name);
	for (i = 0; !error && i < n; i++) {
		yaml_node_t *e = strata_yaml__get(ld->y, items[i]);
		strata_index *x;
		slot k[I__COUNT];
		int u = 0;
		if ((error = strata_table_add_index(&x, t)) < 0)
			break;
		set_loc(ld, &x->h.loc, e);
		if (e->type == YAML_SEQUENCE_NODE) {
			error = get_names(ld, e, what.ptr, known(ld, t),
				&x->h.columns);
			continue;
		}
		if ((error = read_map(ld, e, what.ptr, index_keys, I__COUNT,
		    k, -1, NULL)) < 0)
			break;
		if (!k[I_COLUMNS].key && !k[I_EXPR].key) {
			error = node_error(ld, e, "%s needs 'columns' or "
				"'expr'", what.ptr);
			break;
		}
		if ((k[I_COLUMNS].key && (error = get_names(ld,
		    k[I_COLUMNS].value, what.ptr, known(ld, t),
		    &x->h.columns)) < 0) ||
		    (error = get_text(ld, &k[I_EXPR], what.ptr, 0,
		    &x->expr)) < 0 ||
		    (error = get_bool(ld, &k[I_UNIQUE], what.ptr, &u)) < 0 ||
		    (error = get_text(ld, &k[I_NAME], what.ptr, 0,
		    &x->h.name)) < 0 ||
		    (error = get_text(ld, &k[I_WHERE], what.ptr, 0,
		    &x->where)) < 0 ||
		    (error = get_text(ld, &k[I_METHOD], what.ptr, 0,
		    &x->method)) < 0 ||
		    (error = get_text(ld, &k[I_PREFIX], what.ptr, 0,
		    &x->prefix)) < 0)
			break;
		x->unique = u;
	}
	strata_buf_dispose(&what);
	return error;
}

static int parse_uniques(loader *ld, strata_table *t, const slot *s,
	const char *twhat)
{
	strata_buf what = STRATA_BUF_INIT;
	yaml_node_item_t *items;
	size_t n, i;
	int error;

	items = seq_items(ld, s, twhat, &n, &error);
	strata_buf_printf(&what, "unique constraint of table %s", t->name);
	for (i = 0; !error && i < n; i++) {
		yaml_node_t *e = strata_yaml__get(ld->y, items[i]);
		strata_unique *u;
		slot k[2];
		if ((error = strata_table_add_unique(&u, t)) < 0)
			break;
		set_loc(ld, &u->h.loc, e);
		if (e->type != YAML_MAPPING_NODE) {
			error = get_names(ld, e, what.ptr, known(ld, t),
				&u->h.columns);
			continue;
		}
		if ((error = read_map(ld, e, what.ptr, unique_keys, 2, k, -1,
		    NULL)) < 0)
			break;
		if (!k[0].key) {
			error = node_error(ld, e, "%s needs 'columns'",
				what.ptr);
			break;
		}
		if ((error = get_names(ld, k[0].value, what.ptr, known(ld, t),
		    &u->h.columns)) < 0)
			break;
		error = get_text(ld, &k[1], what.ptr, 0, &u->h.name);
	}
	strata_buf_dispose(&what);
	return error;
}

static int parse_fkey_entry(loader *ld, strata_table *t, yaml_node_t *e,
	const char *what)
{
	slot k[F__COUNT], r[2];
	strata_fkey *f;
	int to_pk = 0, d = 0, error;

	if ((error = strata_table_add_fkey(&f, t)) < 0)
		return error;
	set_loc(ld, &f->h.loc, e);
	if ((error = read_map(ld, e, what, fkey_keys, F__COUNT, k, -1,
	    NULL)) < 0)
		return error;
	if (!k[F_COLUMNS].key)
		return node_error(ld, e, "%s needs 'columns'", what);
	if (!k[F_REFERENCES].key)
		return node_error(ld, e, "%s needs 'references'", what);
	if ((error = get_names(ld, k[F_COLUMNS].value, what, known(ld, t),
	    &f->h.columns)) < 0 ||
	    (error = parse_action(ld, &k[F_ON_DELETE], what,
	    &f->on_delete)) < 0 ||
	    (error = parse_action(ld, &k[F_ON_UPDATE], what,
	    &f->on_update)) < 0 ||
	    (error = get_text(ld, &k[F_NAME], what, 0, &f->h.name)) < 0 ||
	    (error = get_bool(ld, &k[F_DEFERRABLE], what, &d)) < 0)
		return error;
	f->deferrable = d;
	if (k[F_REFERENCES].value->type != YAML_MAPPING_NODE) {
		if ((error = parse_ref_text(ld, k[F_REFERENCES].value, what, f,
		    &to_pk)) < 0)
			return error;
	} else {
		strata_buf w = STRATA_BUF_INIT;
		strata_buf_printf(&w, "'references' of %s", what);
		if ((error = read_map(ld, k[F_REFERENCES].value, w.ptr,
		    ref_keys, 2, r, -1, NULL)) < 0 ||
		    (error = get_text(ld, &r[0], w.ptr, 0,
		    &f->ref_table)) < 0) {
			strata_buf_dispose(&w);
			return error;
		}
		if (!f->ref_table)
			error = node_error(ld, k[F_REFERENCES].value,
				"%s needs 'table'", w.ptr);
		else if (r[1].key)
			error = get_names(ld, r[1].value, w.ptr, NULL,
				&f->ref_columns);
		else if (ld->fragment)
			error = node_error(ld, k[F_REFERENCES].value,
				"%s needs 'columns' in a revision script",
				w.ptr);
		else
			to_pk = 1;
		strata_buf_dispose(&w);
		if (error)
			return error;
	}
	return add_pending(ld, t, f, k[F_REFERENCES].value, to_pk, what);
}

static int parse_fkeys(loader *ld, strata_table *t, const slot *s,
	const char *twhat)
{
	strata_buf what = STRATA_BUF_INIT;
	yaml_node_item_t *items;
	size_t n, i;
	int error;

	items = seq_items(ld, s, twhat, &n, &error);
	strata_buf_printf(&what, "foreign key of table %s", t->name);
	for (i = 0; !error && i < n; i++)
		error = parse_fkey_entry(ld, t,
			strata_yaml__get(ld->y, items[i]), what.ptr);
	strata_buf_dispose(&what);
	return error;
}

static int parse_checks(loader *ld, strata_table *t, const slot *s,
	const char *twhat)
{
	strata_buf what = STRATA_BUF_INIT;
	yaml_node_item_t *items;
	size_t n, i;
	int error;

	items = seq_items(ld, s, twhat, &n, &error);
	strata_buf_printf(&what, "check of table %s", t->name);
	for (i = 0; !error && i < n; i++) {
		yaml_node_t *e = strata_yaml__get(ld->y, items[i]);
		strata_check *c;
		slot k[K__COUNT];
		char *name = NULL;
		if ((error = strata_table_add_check(&c, t)) < 0)
			break;
		set_loc(ld, &c->h.loc, e);
		if ((error = read_map(ld, e, what.ptr, check_keys, K__COUNT, k,
		    -1, NULL)) < 0)
			break;
		if (k[K_NAME].key && k[K_CONSTRAINT_NAME].key) {
			error = node_error(ld, k[K_CONSTRAINT_NAME].key, "%s "
				"has both 'name' and 'constraint_name' (name "
				"is short for constraint_name: ck_%s_<name>)",
				what.ptr, t->name);
			break;
		}
		if ((error = get_text(ld, &k[K_EXPR], what.ptr, 0,
		    &c->expr)) < 0)
			break;
		if (!c->expr) {
			error = node_error(ld, k[K_EXPR].key ? k[K_EXPR].value :
				e, "%s needs 'expr'", what.ptr);
			break;
		}
		if ((error = get_text(ld, &k[K_CONSTRAINT_NAME], what.ptr, 0,
		    &c->h.name)) < 0 ||
		    (error = get_text(ld, &k[K_NAME], what.ptr, 0,
		    &name)) < 0)
			break;
		if (name) {
			strata_buf full = STRATA_BUF_INIT;
			strata_buf_printf(&full, "ck_%s_%s", t->name, name);
			strata__free(name);
			c->h.name = strata_buf_detach(&full);
			STRATA_ERROR_CHECK_ALLOC(c->h.name);
		}
		if (k[K_COLUMNS].key)
			error = get_names(ld, k[K_COLUMNS].value, what.ptr,
				known(ld, t), &c->h.columns);
	}
	strata_buf_dispose(&what);
	return error;
}

/* The key and the constraints the columns' shorthands ask for. */
static int build_from_columns(loader *ld, strata_table *t,
	colinfo *ci, size_t n, const slot *pk)
{
	strata_buf what = STRATA_BUF_INIT;
	size_t i;
	int error = 0;

	for (i = 0; i < n; i++) {
		if (!ci[i].pk)
			continue;
		if (pk->key) {
			error = node_error(ld, pk->key, "primary key of table "
				"%s declared twice: here and by primary_key: "
				"true on column %s", t->name, ci[i].col->name);
			goto done;
		}
		if (!t->pkey.h.columns.count)
			set_loc(ld, &t->pkey.h.loc, ci[i].pk);
		if ((error = strata_strarray_add(&t->pkey.h.columns,
		    ci[i].col->name)) < 0)
			goto done;
	}
	for (i = 0; i < n; i++) {
		strata_column *c = ci[i].col;
		int sole = t->pkey.h.columns.count == 1 &&
			strata_table_is_pk_column(t, c->name);
		if (strata_table_is_pk_column(t, c->name)) {
			if (ci[i].nullable) {
				error = node_error(ld, ci[i].nullable,
					"primary key column %s.%s cannot be "
					"nullable", t->name, c->name);
				goto done;
			}
			c->nullable = 0;
		}
		if (sole && is_integer_kind(c->type.kind))
			c->autoincrement = ci[i].autoinc != 0;
		else
			c->autoincrement = ci[i].autoinc == 1;
	}
	for (i = 0; i < n; i++) {
		strata_unique *u;
		if (!ci[i].unique)
			continue;
		if ((error = strata_table_add_unique(&u, t)) < 0 ||
		    (error = strata_strarray_add(&u->h.columns,
		    ci[i].col->name)) < 0)
			goto done;
		set_loc(ld, &u->h.loc, ci[i].unique);
	}
	for (i = 0; i < n; i++) {
		strata_index *x;
		if (!ci[i].index)
			continue;
		if ((error = strata_table_add_index(&x, t)) < 0 ||
		    (error = strata_strarray_add(&x->h.columns,
		    ci[i].col->name)) < 0)
			goto done;
		set_loc(ld, &x->h.loc, ci[i].index);
	}
	for (i = 0; i < n; i++) {
		strata_fkey *f;
		int to_pk = 0;
		if (!ci[i].ref)
			continue;
		strata_buf_clear(&what);
		strata_buf_printf(&what, "column %s.%s", t->name,
			ci[i].col->name);
		if ((error = strata_table_add_fkey(&f, t)) < 0 ||
		    (error = strata_strarray_add(&f->h.columns,
		    ci[i].col->name)) < 0)
			goto done;
		set_loc(ld, &f->h.loc, ci[i].ref);
		f->on_delete = ci[i].on_delete;
		f->on_update = ci[i].on_update;
		if ((error = parse_ref_text(ld, ci[i].ref, what.ptr, f,
		    &to_pk)) < 0 ||
		    (error = add_pending(ld, t, f, ci[i].ref, to_pk,
		    what.ptr)) < 0)
			goto done;
	}
done:
	strata_buf_dispose(&what);
	return error;
}

/*
 * Reads the keys of table t from the mapping `vnode` (`anchor`: where
 * the table was named). A fragment (revision scripts) may leave out
 * columns and ignores the keys in `skip`.
 */
static int parse_table_body(loader *ld, strata_table *t,
	yaml_node_t *anchor, yaml_node_t *vnode, const char *const *skip)
{
	strata_buf what = STRATA_BUF_INIT;
	slot s[T__COUNT];
	colinfo *ci = NULL;
	yaml_node_t *cols;
	yaml_node_pair_t *p;
	size_t n = 0, i;
	int error = 0;

	strata_buf_printf(&what, "table %s", t->name);
	if ((error = read_map_ex(ld, vnode, what.ptr, table_keys, T__COUNT,
	    0, skip, s, -1, NULL)) < 0)
		goto done;
	if ((error = get_text(ld, &s[T_COMMENT], what.ptr, 1,
	    &t->comment)) < 0 ||
	    (error = get_text(ld, &s[T_RENAMED_FROM], what.ptr, 0,
	    &t->renamed_from)) < 0 ||
	    (error = get_text(ld, &s[T_OPTIONS], what.ptr, 0,
	    &t->options)) < 0)
		goto done;

	cols = s[T_COLUMNS].value;
	if (!ld->fragment && (!cols || strata_yaml__is_null(cols))) {
		error = node_error(ld, cols ? cols : anchor, "table %s has no "
			"columns", t->name);
		goto done;
	}
	if (cols && !strata_yaml__is_null(cols)) {
		strata_buf_clear(&what);
		strata_buf_printf(&what, "'columns' of table %s", t->name);
		if ((error = expect_map(ld, cols, what.ptr)) < 0)
			goto done;
		n = (size_t)(cols->data.mapping.pairs.top -
			cols->data.mapping.pairs.start);
		if (!n && !ld->fragment) {
			error = node_error(ld, cols, "table %s has no columns",
				t->name);
			goto done;
		}
	}
	ci = strata__calloc(n + 1, sizeof(*ci));
	if (!ci) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	for (i = 0; i < n; i++) {
		yaml_node_t *k;
		p = cols->data.mapping.pairs.start + i;
		k = strata_yaml__get(ld->y, p->key);
		if ((error = parse_column(ld, t, k, strata_yaml__scalar(k),
		    strata_yaml__get(ld->y, p->value), &ci[i], 1)) < 0)
			goto done;
	}

	strata_buf_clear(&what);
	strata_buf_printf(&what, "table %s", t->name);
	if (s[T_PRIMARY_KEY].key) {
		for (i = 0; i < n; i++)
			if (ci[i].pk) {
				error = node_error(ld, s[T_PRIMARY_KEY].key,
					"primary key of table %s declared "
					"twice: here and by primary_key: true "
					"on column %s", t->name,
					ci[i].col->name);
				goto done;
			}
		if ((error = parse_table_pk(ld, t, &s[T_PRIMARY_KEY])) < 0)
			goto done;
	}
	if ((error = build_from_columns(ld, t, ci, n,
	    &s[T_PRIMARY_KEY])) < 0 ||
	    (error = parse_indexes(ld, t, &s[T_INDEXES], what.ptr)) < 0 ||
	    (error = parse_uniques(ld, t, &s[T_UNIQUE], what.ptr)) < 0 ||
	    (error = parse_fkeys(ld, t, &s[T_FOREIGN_KEYS], what.ptr)) < 0 ||
	    (error = parse_checks(ld, t, &s[T_CHECKS], what.ptr)) < 0)
		goto done;
done:
	strata__free(ci);
	strata_buf_dispose(&what);
	return error;
}

static int parse_table(loader *ld, yaml_node_t *knode, yaml_node_t *vnode)
{
	const char *name = strata_yaml__scalar(knode);
	strata_buf what = STRATA_BUF_INIT;
	strata_table *t, *old;
	int error;

	if (!name || !*name)
		return node_error(ld, knode, "a table name must be a "
			"non-empty name, found %s", found(knode));
	if ((old = strata_schema_table(ld->schema, name)) != NULL)
		return node_error(ld, knode, "duplicate table '%s' (first "
			"declared at %s:%u:%u)", name, old->loc.file,
			old->loc.line, old->loc.col);
	strata_buf_printf(&what, "table %s", name);
	error = expect_map(ld, vnode, what.ptr);
	strata_buf_dispose(&what);
	if (error < 0)
		return error;
	if ((error = strata_schema_add_table(&t, ld->schema, name)) < 0)
		return error;
	set_loc(ld, &t->loc, knode);
	return parse_table_body(ld, t, knode, vnode, NULL);
}

/* ---- files -------------------------------------------------------- */

static int parse_root(loader *ld)
{
	yaml_node_t *root = strata_yaml__root(ld->y);
	yaml_node_pair_t *p;
	slot s[2];
	int error;

	if (!root || strata_yaml__is_null(root))
		return 0;
	if (root->type != YAML_MAPPING_NODE)
		return node_error(ld, root, "a model file must be a mapping "
			"with a 'tables' key, found %s", found(root));
	if ((error = read_map(ld, root, "the model file", top_keys, 2, s, -1,
	    NULL)) < 0)
		return error;
	if (s[1].key) {
		const char *v = strata_yaml__scalar(s[1].value);
		if (!v || strcmp(v, "1"))
			return node_error(ld, s[1].value, "unsupported model "
				"format version '%s' (this strata reads "
				"version 1)", v ? v : "");
	}
	if (!s[0].key || strata_yaml__is_null(s[0].value))
		return 0;
	if ((error = expect_map(ld, s[0].value, "'tables'")) < 0)
		return error;
	for (p = s[0].value->data.mapping.pairs.start;
	     p < s[0].value->data.mapping.pairs.top; p++)
		if ((error = parse_table(ld, strata_yaml__get(ld->y, p->key),
		    strata_yaml__get(ld->y, p->value))) < 0)
			return error;
	return 0;
}

static int load_text(loader *ld, const char *name, const char *text,
	size_t len)
{
	strata_yaml y = STRATA_YAML_INIT;
	strata_strarray *files = &ld->schema->files;
	int error;

	if ((error = strata_strarray_add(files, name)) < 0)
		return error;
	ld->file = files->strings[files->count - 1];
	ld->text = text;
	ld->len = len;
	ld->y = &y;
	if ((error = strata_yaml__load_string(&y, name, text, len)) == 0)
		error = parse_root(ld);
	strata_yaml__dispose(&y);
	ld->y = NULL;
	ld->text = NULL;
	return error;
}

static int load_file(loader *ld, const char *path)
{
	strata_buf text = STRATA_BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *fp;
	int error = 0;

	if (!(fp = fopen(path, "rb"))) {
		int e = errno;
		strata_error__set(STRATA_ERROR_OS, "%s: cannot open: %s", path,
			strerror(e));
		return e == ENOENT ? STRATA_ENOTFOUND : STRATA_ERROR;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if ((error = strata_buf_put(&text, chunk, n)) < 0)
			break;
	if (!error && ferror(fp)) {
		strata_error__set(STRATA_ERROR_OS, "%s: cannot read: %s", path,
			strerror(errno));
		error = STRATA_ERROR;
	}
	fclose(fp);
	if (!error)
		error = load_text(ld, path, text.ptr, text.size);
	strata_buf_dispose(&text);
	return error;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && !strcmp(s + n - m, suffix);
}

static int load_dir(loader *ld, const char *path)
{
	strata_strarray names = { NULL, 0 };
	strata_buf file = STRATA_BUF_INIT;
	struct dirent *de;
	size_t len = strlen(path), i;
	DIR *dir;
	int error = 0;

	if (!(dir = opendir(path))) {
		strata_error__set(STRATA_ERROR_OS, "%s: cannot open: %s", path,
			strerror(errno));
		return STRATA_ERROR;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.' || (!has_suffix(de->d_name, ".yaml") &&
		    !has_suffix(de->d_name, ".yml")))
			continue;
		if ((error = strata_strarray_add(&names, de->d_name)) < 0)
			break;
	}
	closedir(dir);
	if (!error && names.count)
		qsort(names.strings, names.count, sizeof(char *), cmp_names);
	while (len > 1 && path[len - 1] == '/')
		len--;
	for (i = 0; !error && i < names.count; i++) {
		strata_buf_clear(&file);
		strata_buf_put(&file, path, len);
		strata_buf_printf(&file, "/%s", names.strings[i]);
		error = load_file(ld, file.ptr);
	}
	strata_buf_dispose(&file);
	strata_strarray_dispose(&names);
	return error;
}

static int finish(loader *ld)
{
	size_t i;
	int error;

	for (i = 0; i < ld->refs.count; i++)
		if ((error = resolve_ref(ld->schema, ld->refs.items[i])) < 0)
			return error;
	return 0;
}

static void loader_dispose(loader *ld)
{
	strata_vec_dispose_deep(&ld->refs, free_pending);
}

int strata_model_load(strata_schema **out, const char *path)
{
	loader ld;
	struct stat st;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	STRATA_ASSERT_ARG(path);
	memset(&ld, 0, sizeof(ld));
	ld.klass = STRATA_ERROR_MODEL;
	if (stat(path, &st) < 0) {
		int e = errno;
		strata_error__set(STRATA_ERROR_OS, "%s: %s", path,
			strerror(e));
		return e == ENOENT ? STRATA_ENOTFOUND : STRATA_ERROR;
	}
	if ((error = strata_schema_new(&ld.schema)) < 0)
		return error;
	if (S_ISDIR(st.st_mode))
		error = load_dir(&ld, path);
	else
		error = load_file(&ld, path);
	if (!error)
		error = finish(&ld);
	loader_dispose(&ld);
	if (error) {
		strata_schema_free(ld.schema);
		return error;
	}
	*out = ld.schema;
	return 0;
}

int strata_model_load_string(strata_schema **out, const char *name,
	const char *text)
{
	loader ld;
	int error;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	STRATA_ASSERT_ARG(text);
	memset(&ld, 0, sizeof(ld));
	ld.klass = STRATA_ERROR_MODEL;
	if ((error = strata_schema_new(&ld.schema)) < 0)
		return error;
	error = load_text(&ld, name ? name : "<string>", text, strlen(text));
	if (!error)
		error = finish(&ld);
	loader_dispose(&ld);
	if (error) {
		strata_schema_free(ld.schema);
		return error;
	}
	*out = ld.schema;
	return 0;
}

int strata_model_load_texts(strata_schema **out, const char *const *names,
	const char *const *texts, size_t count)
{
	loader ld;
	size_t i;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	STRATA_ASSERT_ARG(!count || (names && texts));
	memset(&ld, 0, sizeof(ld));
	ld.klass = STRATA_ERROR_MODEL;
	if ((error = strata_schema_new(&ld.schema)) < 0)
		return error;
	for (i = 0; !error && i < count; i++) {
		if (!texts[i]) {
			strata_error__set(STRATA_ERROR_INVALID, "model text "
				"%zu is NULL", i);
			error = STRATA_EINVALID;
			break;
		}
		error = load_text(&ld, names[i] ? names[i] : "<string>",
			texts[i], strlen(texts[i]));
	}
	if (!error)
		error = finish(&ld);
	loader_dispose(&ld);
	if (error) {
		strata_schema_free(ld.schema);
		return error;
	}
	*out = ld.schema;
	return 0;
}

/* ---- dialect validation ------------------------------------------- */

typedef struct {
	strata_dialect d;
	size_t max;
	strata_strarray *warnings;
} validator;

static int check_ident(const validator *v, const strata_loc *loc,
	const char *kind, const char *name)
{
	size_t len;

	if (!name || !v->max || (len = strlen(name)) <= v->max)
		return 0;
	return loc_error(loc, "%s '%s' is %zu bytes long; %s allows at "
		"most %zu", kind, name, len, strata_dialect_name(v->d),
		v->max);
}

static int check_reserved(const validator *v, const strata_loc *loc,
	const char *name)
{
	strata_buf w = STRATA_BUF_INIT;
	int error;

	if (!v->warnings || v->d == STRATA_DIALECT_NONE ||
	    !strata_dialect_is_reserved(v->d, name))
		return 0;
	if (loc && loc->file)
		strata_buf_printf(&w, "%s:%u:%u: ", loc->file, loc->line,
			loc->col);
	strata_buf_printf(&w, "'%s' is a reserved word in %s; strata quotes "
		"it, but hand-written SQL must too", name,
		strata_dialect_name(v->d));
	error = strata_strarray_add(v->warnings, w.ptr);
	strata_buf_dispose(&w);
	return error;
}

/* A check named by the convention (ck_<table>_...) is shortened like
 * every convention name; any other given name must fit. */
static int check_is_convention(const strata_table *t, const char *name)
{
	size_t n = strlen(t->name);

	return !strncmp(name, "ck_", 3) && !strncmp(name + 3, t->name, n) &&
		name[3 + n] == '_';
}

/* MySQL cannot key a TEXT / BLOB column without a prefix length (FULLTEXT
 * and SPATIAL indexes, which have a method, can). */
static int check_mysql_key(const strata_table *t,
	const strata_constraint_head *h, const char *kind, int has_prefix)
{
	size_t i;

	for (i = 0; !has_prefix && i < h->columns.count; i++) {
		const strata_column *c = strata_table_column(t,
			h->columns.strings[i]);
		if (c && (c->type.kind == STRATA_TYPE_TEXT ||
		    (c->type.kind == STRATA_TYPE_BINARY && !c->type.length)))
			return loc_error(&h->loc, "mysql cannot use column "
				"%s.%s (%s) in %s without a prefix length; "
				"use string(n) or binary(n)", t->name, c->name,
				c->type.kind == STRATA_TYPE_TEXT ? "text" :
				"binary", kind);
	}
	return 0;
}

static int validate_table(const validator *v, const strata_table *t)
{
	size_t i;
	int error;

	if ((error = check_ident(v, &t->loc, "table name", t->name)) < 0 ||
	    (error = check_reserved(v, &t->loc, t->name)) < 0 ||
	    (error = check_ident(v, &t->pkey.h.loc, "primary key name",
	    t->pkey.h.name)) < 0)
		return error;
	for (i = 0; i < t->column_count; i++) {
		const strata_column *c = t->columns[i];
		if ((error = check_ident(v, &c->loc, "column name",
		    c->name)) < 0 ||
		    (error = check_reserved(v, &c->loc, c->name)) < 0)
			return error;
		if (v->d == STRATA_DIALECT_MYSQL &&
		    c->type.kind == STRATA_TYPE_STRING && !c->type.length)
			return loc_error(&c->loc, "column %s.%s is a string "
				"without a length, which mysql cannot store "
				"(use string(n), e.g. string(255), or text)",
				t->name, c->name);
		if (c->type.kind == STRATA_TYPE_ENUM &&
		    v->d == STRATA_DIALECT_POSTGRES) {
			strata_buf name = STRATA_BUF_INIT;
			if (c->type.enum_name)
				strata_buf_puts(&name, c->type.enum_name);
			else
				strata_buf_printf(&name, "%s_%s", t->name,
					c->name);
			error = check_ident(v, &c->loc, "enum type name",
				name.ptr);
			strata_buf_dispose(&name);
			if (error)
				return error;
		}
	}
	if (v->d == STRATA_DIALECT_MYSQL &&
	    (error = check_mysql_key(t, &t->pkey.h, "a primary key", 0)) < 0)
		return error;
	for (i = 0; i < t->unique_count; i++)
		if ((error = check_ident(v, &t->uniques[i]->h.loc,
		    "unique constraint name", t->uniques[i]->h.name)) < 0 ||
		    (v->d == STRATA_DIALECT_MYSQL &&
		    (error = check_mysql_key(t, &t->uniques[i]->h,
		    "a unique constraint", 0)) < 0))
			return error;
	for (i = 0; i < t->index_count; i++)
		if ((error = check_ident(v, &t->indexes[i]->h.loc,
		    "index name", t->indexes[i]->h.name)) < 0 ||
		    (v->d == STRATA_DIALECT_MYSQL &&
		    (error = check_mysql_key(t, &t->indexes[i]->h, "an index",
		    t->indexes[i]->prefix != NULL ||
		    t->indexes[i]->method != NULL)) < 0))
			return error;
	for (i = 0; i < t->fkey_count; i++)
		if ((error = check_ident(v, &t->fkeys[i]->h.loc,
		    "foreign key name", t->fkeys[i]->h.name)) < 0)
			return error;
	for (i = 0; i < t->check_count; i++) {
		const char *name = t->checks[i]->h.name;
		if (name && !check_is_convention(t, name) &&
		    (error = check_ident(v, &t->checks[i]->h.loc,
		    "check name", name)) < 0)
			return error;
	}
	return 0;
}

/* MySQL wants the same integer type (and sign) on both sides. */
static int validate_mysql_fkeys(const strata_schema *s,
	const strata_table *t)
{
	size_t i, j;

	for (i = 0; i < t->fkey_count; i++) {
		const strata_fkey *f = t->fkeys[i];
		const strata_table *to = strata_schema_table(s, f->ref_table);
		for (j = 0; to && j < f->h.columns.count &&
		     j < f->ref_columns.count; j++) {
			const strata_column *a = strata_table_column(t,
				f->h.columns.strings[j]);
			const strata_column *b = strata_table_column(to,
				f->ref_columns.strings[j]);
			if (!a || !b || !is_integer_kind(a->type.kind) ||
			    !is_integer_kind(b->type.kind))
				continue;
			if (a->type.kind != b->type.kind ||
			    a->type.is_unsigned != b->type.is_unsigned) {
				strata_buf ta = STRATA_BUF_INIT;
				strata_buf tb = STRATA_BUF_INIT;
				int error;
				strata_type_format(&ta, &a->type);
				strata_type_format(&tb, &b->type);
				error = loc_error(&f->h.loc, "mysql needs the "
					"same integer type on both sides of a "
					"foreign key: %s.%s is %s%s but %s.%s "
					"is %s%s", t->name, a->name, ta.ptr,
					a->type.is_unsigned ? " unsigned" : "",
					to->name, b->name, tb.ptr,
					b->type.is_unsigned ? " unsigned" : "");
				strata_buf_dispose(&ta);
				strata_buf_dispose(&tb);
				return error;
			}
		}
	}
	return 0;
}

static int same_values(const strata_strarray *a, const strata_strarray *b)
{
	size_t i;

	if (a->count != b->count)
		return 0;
	for (i = 0; i < a->count; i++)
		if (strcmp(a->strings[i], b->strings[i]))
			return 0;
	return 1;
}

static int enum_conflict(const char *name, const strata_column *first,
	const strata_column *c)
{
	strata_buf a = STRATA_BUF_INIT, b = STRATA_BUF_INIT;
	int error;

	strata_type_format(&a, &first->type);
	strata_type_format(&b, &c->type);
	error = loc_error(&c->loc, "enum type '%s' is declared with "
		"different values: %s here but %s at %s:%u:%u", name, b.ptr,
		a.ptr, first->loc.file ? first->loc.file : "?",
		first->loc.line, first->loc.col);
	strata_buf_dispose(&a);
	strata_buf_dispose(&b);
	return error;
}

/* Columns that share an enum type name must list the same values. */
static int validate_enums(const strata_schema *s)
{
	strata_strarray names = { NULL, 0 };
	strata_vec cols = STRATA_VEC_INIT;
	strata_buf name = STRATA_BUF_INIT;
	size_t i, j, k;
	int error = 0;

	for (i = 0; !error && i < s->table_count; i++) {
		const strata_table *t = s->tables[i];
		for (j = 0; !error && j < t->column_count; j++) {
			strata_column *c = t->columns[j];
			if (c->type.kind != STRATA_TYPE_ENUM)
				continue;
			strata_buf_clear(&name);
			if (c->type.enum_name)
				strata_buf_puts(&name, c->type.enum_name);
			else
				strata_buf_printf(&name, "%s_%s", t->name,
					c->name);
			for (k = 0; k < names.count; k++)
				if (!strcmp(names.strings[k], name.ptr))
					break;
			if (k == names.count) {
				if ((error = strata_strarray_add(&names,
				    name.ptr)) == 0)
					error = strata_vec_push(&cols, c);
			} else if (!same_values(&((strata_column *)
			    cols.items[k])->type.values, &c->type.values)) {
				error = enum_conflict(name.ptr, cols.items[k],
					c);
			}
		}
	}
	strata_buf_dispose(&name);
	strata_strarray_dispose(&names);
	strata_vec_dispose(&cols);
	return error;
}

int strata_model_validate(const strata_schema *schema,
	strata_dialect dialect, strata_strarray *warnings)
{
	validator v;
	size_t i;
	int error;

	STRATA_ASSERT_ARG(schema);
	v.d = dialect;
	v.max = strata_dialect_max_ident(dialect);
	v.warnings = warnings;
	for (i = 0; i < schema->table_count; i++) {
		if ((error = validate_table(&v, schema->tables[i])) < 0)
			return error;
		if (dialect == STRATA_DIALECT_MYSQL &&
		    (error = validate_mysql_fkeys(schema,
		    schema->tables[i])) < 0)
			return error;
	}
	return validate_enums(schema);
}

/* ---- fragments of revision scripts (model_int.h) ------------------ */

static int fragment_loader(loader *ld, strata_schema *into, strata_yaml *y)
{
	const char *path = y->path ? y->path : "";
	size_t i;

	memset(ld, 0, sizeof(*ld));
	ld->schema = into;
	ld->y = y;
	ld->klass = STRATA_ERROR_SCRIPT;
	ld->fragment = 1;
	if (!into)
		return 0;
	for (i = 0; i < into->files.count; i++)
		if (!strcmp(into->files.strings[i], path))
			break;
	if (i == into->files.count &&
	    strata_strarray_add(&into->files, path) < 0)
		return STRATA_ERROR;
	ld->file = into->files.strings[i];
	return 0;
}

int strata_model__parse_fragment(strata_table **out, strata_schema *into,
	strata_yaml *y, const char *name, yaml_node_t *map,
	const char *const *skip)
{
	strata_buf what = STRATA_BUF_INIT;
	strata_table *t;
	loader ld;
	int error;

	if (out)
		*out = NULL;
	STRATA_ASSERT_ARG(into);
	STRATA_ASSERT_ARG(y);
	STRATA_ASSERT_ARG(name);
	if ((error = fragment_loader(&ld, into, y)) < 0)
		return error;
	strata_buf_printf(&what, "table %s", name);
	error = expect_map(&ld, map, what.ptr);
	strata_buf_dispose(&what);
	if (error < 0 ||
	    (error = strata_schema_add_table(&t, into, name)) < 0)
		return error;
	set_loc(&ld, &t->loc, map);
	error = parse_table_body(&ld, t, map, map, skip);
	loader_dispose(&ld);
	if (!error && out)
		*out = t;
	return error;
}

int strata_model__parse_column(strata_column **out, strata_table *t,
	strata_yaml *y, const char *name, yaml_node_t *map)
{
	colinfo ci;
	loader ld;
	int error;

	if (out)
		*out = NULL;
	STRATA_ASSERT_ARG(t);
	STRATA_ASSERT_ARG(y);
	if ((error = fragment_loader(&ld, NULL, y)) < 0)
		return error;
	memset(&ci, 0, sizeof(ci));
	if (!map)
		return node_error(&ld, map, "column %s.%s needs a definition",
			t->name, name ? name : "");
	if ((error = parse_column(&ld, t, map, name, map, &ci, 0)) < 0)
		return error;
	ci.col->autoincrement = ci.autoinc == 1;
	if (out)
		*out = ci.col;
	return 0;
}
