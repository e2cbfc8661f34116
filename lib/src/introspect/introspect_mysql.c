/*
 * Introspection of MySQL and MariaDB databases from information_schema:
 * a fixed number of queries (one per object kind over the whole database),
 * with types, defaults, implicit indexes and MariaDB's JSON alias
 * normalized as docs/schema-mapping.md says, so that a database created
 * from models reads back as exactly those models.
 */
#include <stdio.h>
#include <stdlib.h>
#include "introspect_int.h"

typedef struct {
	strata_schema *schema;
	strata_conn *conn;
	const strata_introspect_options *opts;
	const char *db;            /* the database read */
	int mariadb;               /* MariaDB rather than Oracle MySQL */
	int quoted_defaults;       /* COLUMN_DEFAULT quotes literals
	                            * (MariaDB 10.2.7+) */
	int has_checks;            /* information_schema.CHECK_CONSTRAINTS */
	int has_expr_index;        /* STATISTICS.EXPRESSION (MySQL 8.0.13+) */
	char *db_collation;        /* the database's default collation */
	char *default_engine;      /* the server's default storage engine */
	strata_strarray collations; /* distinct table collations */
	size_t *table_collation;   /* per schema table: index in collations */
	const char *last_name;     /* table lookup cache: the name asked */
	strata_table *last_table;  /* ... and what it found (NULL: none) */
	size_t last_index;
} ctx;

/* The parts of an index while its rows are read. */
typedef struct {
	strata_table *table;
	strata_buf name;
	int non_unique;
	int has_prefix;
	int has_expr;
	strata_buf type;          /* INDEX_TYPE */
	strata_strarray columns;
	strata_buf prefix;        /* "10,0" */
	strata_buf expr;          /* key parts as text, for expressions */
} pending_index;

static int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Case-insensitive substring search. */
static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strata__strncasecmp(hay, needle, n))
			return hay;
	return NULL;
}

static int is_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_' || c == '$';
}

static int dup_field(char **dst, const char *src)
{
	if (!src || !*src) {
		*dst = NULL;
		return 0;
	}
	*dst = strata__strdup(src);
	STRATA_ERROR_CHECK_ALLOC(*dst);
	return 0;
}

/* --- lookups --------------------------------------------------------- */

/* The schema table named `name` (tables are added in byte order). */
static strata_table *find_table(ctx *c, const char *name, size_t *index)
{
	const strata_schema *s = c->schema;
	size_t lo = 0, hi = s->table_count;

	if (c->last_name && !strcmp(c->last_name, name)) {
		if (index)
			*index = c->last_index;
		return c->last_table;
	}
	c->last_name = NULL;
	c->last_table = NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(s->tables[mid]->name, name);
		if (!cmp) {
			c->last_table = s->tables[mid];
			c->last_index = mid;
			break;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* The cached name is the table's own (stable) copy, or nothing. */
	c->last_name = c->last_table ? c->last_table->name : NULL;
	if (index)
		*index = c->last_index;
	return c->last_table;
}

static int cmp_names(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/* qsort comparators of constraint lists, by name. */
#define CMP_BY_NAME(fn, type) \
static int fn(const void *a, const void *b) \
{ \
	return cmp_names((*(type *const *)a)->h.name, \
		(*(type *const *)b)->h.name); \
}
CMP_BY_NAME(cmp_uniques, strata_unique)
CMP_BY_NAME(cmp_indexes, strata_index)
CMP_BY_NAME(cmp_fkeys, strata_fkey)
CMP_BY_NAME(cmp_checks, strata_check)

/* qsort, which must not be given a NULL array even when it is empty. */
static void sort_items(void *items, size_t count, size_t size,
	int (*cmp)(const void *, const void *))
{
	if (count > 1)
		qsort(items, count, size, cmp);
}

/* --- text normalization ---------------------------------------------- */

/* Whether a backquoted name can be written bare. */
static int plain_ident(const char *s, size_t len)
{
	size_t i;
	int digits_only = 1;
	char word[65];

	if (!len || len >= sizeof(word))
		return 0;
	for (i = 0; i < len; i++) {
		if (!is_ident_char(s[i]) || s[i] == '$')
			return 0;
		if (s[i] < '0' || s[i] > '9')
			digits_only = 0;
	}
	if (digits_only || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	memcpy(word, s, len);
	word[len] = '\0';
	return !strata_dialect_is_reserved(STRATA_DIALECT_MYSQL, word);
}

/* Where the quoted literal starting at `in` ends. */
static const char *skip_literal(const char *in)
{
	char q = *in;
	const char *p = in + 1;

	while (*p) {
		if ((*p == '\\' && p[1]) || (*p == q && p[1] == q)) {
			p += 2;
			continue;
		}
		if (*p++ == q)
			break;
	}
	return p;
}

/* MariaDB prints some functions under another of their names. */
static const char *const renamed_functions[][2] = {
	{ "octet_length", "length" },
	{ "lcase", "lower" },
	{ "ucase", "upper" },
};

/*
 * An expression as the server prints it (a CHECK clause, a default) made
 * closer to how people write it: backquotes dropped around names that do
 * not need them, and MariaDB's aliases of length/lower/upper renamed
 * back. String literals are kept as they are.
 */
static int normalize_expr(strata_buf *out, const char *in)
{
	const char *p = in;

	while (*p) {
		if (*p == '\'') {
			/* \' is written '' as standard SQL has it */
			const char *e = skip_literal(p);
			for (; p < e; p++) {
				if (*p == '\\' && p + 1 < e) {
					strata_buf_put(out, p[1] == '\'' ?
						"'" : p, 1);
					strata_buf_putc(out, *++p);
				} else {
					strata_buf_putc(out, *p);
				}
			}
		} else if (*p == '"') {
			const char *s = p;
			p = skip_literal(p);
			strata_buf_put(out, s, (size_t)(p - s));
		} else if (*p == '`') {
			const char *s = ++p, *e;
			int doubled = 0;
			while (*p && !(*p == '`' && p[1] != '`')) {
				if (*p == '`') {
					doubled = 1;
					p++;
				}
				p++;
			}
			e = p;
			if (*p)
				p++;
			if (!doubled && plain_ident(s, (size_t)(e - s))) {
				strata_buf_put(out, s, (size_t)(e - s));
			} else {
				strata_buf_putc(out, '`');
				strata_buf_put(out, s, (size_t)(e - s));
				strata_buf_putc(out, '`');
			}
		} else if (is_ident_char(*p)) {
			const char *s = p;
			size_t i, len;
			while (is_ident_char(*p))
				p++;
			len = (size_t)(p - s);
			for (i = 0; i < STRATA_ARRAY_SIZE(renamed_functions);
			     i++) {
				const char *from = renamed_functions[i][0];
				if (strlen(from) == len && *p == '(' &&
				    !strata__strncasecmp(s, from, len))
					break;
			}
			if (i < STRATA_ARRAY_SIZE(renamed_functions))
				strata_buf_puts(out, renamed_functions[i][1]);
			else
				strata_buf_put(out, s, len);
		} else {
			strata_buf_putc(out, *p++);
		}
	}
	return 0;
}

/* The text of a quoted MySQL string literal ('it''s', 'a\\b'); `in`
 * starts at the opening quote. Returns where the literal ends. A `\0`
 * is kept as those two characters, or, with `nuls`, written as a zero
 * byte and counted there. */
static const char *unquote_literal(strata_buf *out, const char *in,
	size_t *nuls)
{
	char q = *in;
	const char *p = in + 1;

	while (*p) {
		if (*p == '\\' && p[1]) {
			switch (p[1]) {
			case 'n': strata_buf_putc(out, '\n'); break;
			case 'r': strata_buf_putc(out, '\r'); break;
			case 't': strata_buf_putc(out, '\t'); break;
			case 'Z': strata_buf_putc(out, '\032'); break;
			case '0':
				if (nuls) {
					strata_buf_putc(out, '\0');
					(*nuls)++;
				} else {
					strata_buf_puts(out, "\\0");
				}
				break;
			default: strata_buf_putc(out, p[1]); break;
			}
			p += 2;
			continue;
		}
		if (*p == q && p[1] == q) {
			strata_buf_putc(out, q);
			p += 2;
			continue;
		}
		if (*p == q)
			return p + 1;
		strata_buf_putc(out, *p++);
	}
	return p;
}

/* Whether text is a plain decimal number (-1, 4.99, 1e10). */
static int is_number(const char *s)
{
	int digits = 0;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (digits && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return digits && !*s;
}

/* A number without trailing fractional zeros: 0.00 -> 0, 4.50 -> 4.5. */
static int put_number(strata_buf *out, const char *s)
{
	size_t len = strlen(s);
	const char *dot = strchr(s, '.');

	if (dot && !strpbrk(s, "eE")) {
		while (len > (size_t)(dot - s) + 1 && s[len - 1] == '0')
			len--;
		if (len == (size_t)(dot - s) + 1)
			len--;
		if (len == 2 && s[0] == '-' && s[1] == '0')
			return strata_buf_putc(out, '0');
	}
	return strata_buf_put(out, s, len);
}

/* --- types ----------------------------------------------------------- */

static int set_native(strata_type *t, const char *text, size_t len)
{
	t->kind = STRATA_TYPE_NATIVE;
	t->native = strata__strndup(text, len);
	STRATA_ERROR_CHECK_ALLOC(t->native);
	return 0;
}

/* ENUM values from the text between the parentheses ('a','b''c'). */
static int parse_enum(strata_type *t, const char *p)
{
	strata_buf v = STRATA_BUF_INIT;
	int error = 0;

	t->kind = STRATA_TYPE_ENUM;
	while (*p == '\'') {
		strata_buf_clear(&v);
		p = unquote_literal(&v, p, NULL);
		if ((error = strata_strarray_add(&t->values, v.ptr)) < 0)
			break;
		if (*p != ',')
			break;
		p++;
	}
	strata_buf_dispose(&v);
	return error;
}

/*
 * A COLUMN_TYPE ("int(11) unsigned", "varchar(80)", "enum('a','b')")
 * as a canonical type; what has no canonical equivalent stays native.
 */
static int parse_type(strata_type *t, const char *text)
{
	char base[32];
	const char *p = text, *args = NULL, *attrs;
	size_t n = 0, args_len = 0;
	long a = -1, b = -1;
	int is_unsigned = 0, zerofill = 0;

	while (*p && *p != '(' && *p != ' ' && n < sizeof(base) - 1) {
		base[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
		p++;
	}
	base[n] = '\0';
	if (*p == '(') {
		const char *q = ++p;
		args = q;
		/* Quoted enum/set values may hold parentheses. */
		while (*q && *q != ')') {
			if (*q == '\'') {
				q = skip_literal(q);
				continue;
			}
			q++;
		}
		args_len = (size_t)(q - args);
		p = *q ? q + 1 : q;
		if (args[0] >= '0' && args[0] <= '9') {
			a = strtol(args, NULL, 10);
			if (memchr(args, ',', args_len))
				b = strtol(strchr(args, ',') + 1, NULL, 10);
		}
	}
	attrs = p;
	if (find_ci(attrs, "unsigned"))
		is_unsigned = 1;
	if (find_ci(attrs, "zerofill"))
		zerofill = 1;

	if (!strcmp(base, "enum"))
		return parse_enum(t, args ? args : "");
	if (zerofill)
		return set_native(t, text, strlen(text));
	if (!strcmp(base, "int") || !strcmp(base, "integer") ||
	    !strcmp(base, "smallint") || !strcmp(base, "bigint")) {
		t->kind = base[0] == 's' ? STRATA_TYPE_SMALLINT :
			base[0] == 'b' ? STRATA_TYPE_BIGINT :
			STRATA_TYPE_INTEGER;
		t->is_unsigned = is_unsigned;
		return 0;
	}
	if (!strcmp(base, "tinyint") && a == 1 && !is_unsigned) {
		t->kind = STRATA_TYPE_BOOLEAN;
		return 0;
	}
	if (!strcmp(base, "tinyint") || !strcmp(base, "mediumint")) {
		/* Display widths mean nothing: keep the name (and sign). */
		strata_buf nat = STRATA_BUF_INIT;
		int error;
		strata_buf_puts(&nat, base);
		if (is_unsigned)
			strata_buf_puts(&nat, " unsigned");
		error = set_native(t, nat.ptr, nat.size);
		strata_buf_dispose(&nat);
		return error;
	}
	if (is_unsigned)
		return set_native(t, text, strlen(text));
	if ((!strcmp(base, "decimal") || !strcmp(base, "numeric")) &&
	    args) {
		t->kind = STRATA_TYPE_NUMERIC;
		/* DECIMAL is DECIMAL(10,0): read it as the bare type. */
		if (!(a == 10 && b <= 0)) {
			t->precision = (int)a;
			t->scale = b < 0 ? 0 : (int)b;
		}
		return 0;
	}
	if (!args) {
		static const struct {
			const char *name;
			strata_type_kind kind;
		} plain[] = {
			{ "float", STRATA_TYPE_FLOAT },
			{ "double", STRATA_TYPE_DOUBLE },
			{ "real", STRATA_TYPE_DOUBLE },
			{ "text", STRATA_TYPE_TEXT },
			{ "date", STRATA_TYPE_DATE },
			{ "time", STRATA_TYPE_TIME },
			{ "datetime", STRATA_TYPE_DATETIME },
			{ "timestamp", STRATA_TYPE_TIMESTAMPTZ },
			{ "blob", STRATA_TYPE_BINARY },
			{ "json", STRATA_TYPE_JSON },
			{ "year", STRATA_TYPE_NATIVE },
		};
		size_t i;
		for (i = 0; i < STRATA_ARRAY_SIZE(plain); i++)
			if (!strcmp(base, plain[i].name) && !*attrs) {
				if (plain[i].kind == STRATA_TYPE_NATIVE)
					break;
				t->kind = plain[i].kind;
				return 0;
			}
		return set_native(t, text, strlen(text));
	}
	if (!strcmp(base, "varchar") && a > 0) {
		t->kind = STRATA_TYPE_STRING;
		t->length = (int)a;
		return 0;
	}
	if (!strcmp(base, "char") && a > 0) {
		/* uuid is stored as CHAR(36) (docs/schema-mapping.md). */
		t->kind = a == 36 ? STRATA_TYPE_UUID : STRATA_TYPE_CHAR;
		t->length = a == 36 ? 0 : (int)a;
		return 0;
	}
	if (!strcmp(base, "varbinary") && a > 0) {
		t->kind = STRATA_TYPE_BINARY;
		t->length = (int)a;
		return 0;
	}
	if (!strcmp(base, "year") && a == 4)
		return set_native(t, "year", 4);
	return set_native(t, text, strlen(text));
}

static int is_numeric_kind(const strata_type *t)
{
	switch (t->kind) {
	case STRATA_TYPE_INTEGER:
	case STRATA_TYPE_SMALLINT:
	case STRATA_TYPE_BIGINT:
	case STRATA_TYPE_FLOAT:
	case STRATA_TYPE_DOUBLE:
	case STRATA_TYPE_NUMERIC:
		return 1;
	case STRATA_TYPE_NATIVE:
		return t->native && (starts_with(t->native, "tinyint") ||
			starts_with(t->native, "mediumint") ||
			starts_with(t->native, "int") ||
			starts_with(t->native, "smallint") ||
			starts_with(t->native, "bigint") ||
			starts_with(t->native, "decimal") ||
			starts_with(t->native, "float") ||
			starts_with(t->native, "double"));
	default:
		return 0;
	}
}

static int set_default(strata_default *d, strata_default_kind kind,
	const char *value)
{
	d->kind = kind;
	if (!value)
		return 0;
	d->value = strata__strdup(value);
	STRATA_ERROR_CHECK_ALLOC(d->value);
	return 0;
}

static int is_now(const char *s)
{
	return !strata__strcasecmp(s, "current_timestamp()") ||
		!strata__strcasecmp(s, "current_timestamp") ||
		!strata__strcasecmp(s, "now()");
}

/* A number default: booleans become true/false, others lose trailing
 * fractional zeros. */
static int number_default(strata_column *col, const char *raw)
{
	strata_buf b = STRATA_BUF_INIT;
	int error;

	if (col->type.kind == STRATA_TYPE_BOOLEAN &&
	    (!strcmp(raw, "0") || !strcmp(raw, "1")))
		return set_default(&col->def, STRATA_DEFAULT_BOOLEAN,
			raw[0] == '1' ? "true" : "false");
	put_number(&b, raw);
	error = set_default(&col->def, STRATA_DEFAULT_NUMBER, b.ptr);
	strata_buf_dispose(&b);
	return error;
}

/* Whether a type is MySQL's fixed-length BINARY(n). */
static int is_fixed_binary(const strata_type *t)
{
	return t->kind == STRATA_TYPE_NATIVE && t->native &&
		!strata__strncasecmp(t->native, "binary(", 7);
}

/*
 * COLUMN_DEFAULT in the model's form. MariaDB 10.2.7+ quotes literals
 * ('draft'), writes numbers bare, expressions as SQL, and NULL (the
 * text) for a nullable column without a default or with DEFAULT NULL:
 * both read as no default. MySQL writes literals unquoted and marks
 * expressions with DEFAULT_GENERATED in EXTRA.
 */
static int parse_default(ctx *c, strata_column *col, const char *raw,
	const char *extra)
{
	strata_buf b = STRATA_BUF_INIT;
	int error = 0;

	if (!raw)
		return 0;
	if (c->quoted_defaults) {
		if (!strcmp(raw, "NULL"))
			return 0;
		if (raw[0] == '\'') {
			size_t nuls = 0;
			const char *end = unquote_literal(&b, raw, &nuls);
			/* BINARY(n) pads its default with zero bytes:
			 * DEFAULT '' reads back as '\0\0...'. */
			while (nuls && b.size && !b.ptr[b.size - 1] &&
			       is_fixed_binary(&col->type)) {
				b.ptr[--b.size] = '\0';
				nuls--;
			}
			/* Other zero bytes: the literal, verbatim. */
			if (*end || nuls) {
				strata_buf_clear(&b);
				normalize_expr(&b, raw);
				error = set_default(&col->def,
					STRATA_DEFAULT_EXPR, b.ptr);
			} else if (is_numeric_kind(&col->type) &&
				   is_number(b.ptr)) {
				error = number_default(col, b.ptr);
			} else {
				error = set_default(&col->def,
					STRATA_DEFAULT_STRING, b.ptr);
			}
		} else if (is_number(raw)) {
			error = number_default(col, raw);
		} else if (is_now(raw)) {
			error = set_default(&col->def, STRATA_DEFAULT_NOW,
				NULL);
		} else {
			normalize_expr(&b, raw);
			error = set_default(&col->def, STRATA_DEFAULT_EXPR,
				b.ptr);
		}
		strata_buf_dispose(&b);
		return error;
	}
	if (find_ci(extra, "DEFAULT_GENERATED") ||
	    ((col->type.kind == STRATA_TYPE_DATETIME ||
	      col->type.kind == STRATA_TYPE_TIMESTAMPTZ ||
	      col->type.kind == STRATA_TYPE_NATIVE) &&
	     (is_now(raw) || starts_with(raw, "CURRENT_TIMESTAMP(")))) {
		if (is_now(raw))
			return set_default(&col->def, STRATA_DEFAULT_NOW, NULL);
		normalize_expr(&b, raw);
		error = set_default(&col->def, STRATA_DEFAULT_EXPR, b.ptr);
		strata_buf_dispose(&b);
		return error;
	}
	if (is_numeric_kind(&col->type) && is_number(raw))
		return number_default(col, raw);
	if (col->type.kind == STRATA_TYPE_BOOLEAN && is_number(raw))
		return number_default(col, raw);
	return set_default(&col->def, STRATA_DEFAULT_STRING, raw);
}

/* --- queries --------------------------------------------------------- */

/*
 * Runs a catalog query whose every `?` is the database's name, written
 * into the text as a literal (not bound), so that the statement a trace
 * shows is the one the server ran and can be replayed as it is.
 */
static int query(strata_result **res, ctx *c, const char *sql)
{
	strata_buf b = STRATA_BUF_INIT;
	const char *p;
	int error = 0;

	for (p = sql; *p && !error; p++)
		error = *p == '?' ? strata_dialect_quote_literal(&b,
			STRATA_DIALECT_MYSQL, c->db) : strata_buf_putc(&b, *p);
	if (!error)
		error = strata_conn_query(res, c->conn, b.ptr, 0, NULL);
	strata_buf_dispose(&b);
	return error;
}

static const char *text(strata_result *res, size_t col)
{
	return strata_result_text(res, col);
}

static int read_server(ctx *c)
{
	strata_result *res = NULL;
	const char *info = strata_conn_server_info(c->conn);
	int version = strata_conn_server_version(c->conn);
	int error;

	c->mariadb = info && find_ci(info, "mariadb") != NULL;
	c->quoted_defaults = c->mariadb && version >= 100207;
	c->has_checks = c->mariadb ? version >= 100201 : version >= 80016;
	c->has_expr_index = !c->mariadb && version >= 80013;
	if ((error = strata_conn_query(&res, c->conn, "SELECT "
		"@@collation_database, @@default_storage_engine", 0,
		NULL)) < 0)
		return error;
	if ((error = strata_result_next(res)) == 0) {
		if ((error = dup_field(&c->db_collation, text(res, 0))) == 0)
			error = dup_field(&c->default_engine, text(res, 1));
	} else if (error == STRATA_ITEROVER) {
		error = 0;
	}
	strata_result_free(res);
	return error;
}

static int table_options(ctx *c, strata_table *t, const char *engine,
	const char *collation, const char *create_options)
{
	strata_buf b = STRATA_BUF_INIT;
	const char *p;
	int error = 0;

	if (engine && *engine && (!c->default_engine ||
	    strata__strcasecmp(engine, c->default_engine)))
		strata_buf_printf(&b, "ENGINE=%s", engine);
	if (collation && *collation && (!c->db_collation ||
	    strcmp(collation, c->db_collation)))
		strata_buf_printf(&b, "%sCOLLATE=%s", b.size ? " " : "",
			collation);
	/* CREATE_OPTIONS: space-separated, e.g. "row_format=COMPRESSED
	 * partitioned"; partitioning is reported, not kept. */
	for (p = create_options ? create_options : ""; *p;) {
		const char *s;
		while (*p == ' ')
			p++;
		s = p;
		while (*p && *p != ' ')
			p++;
		if (p > s && !((size_t)(p - s) == 11 &&
		    !strncmp(s, "partitioned", 11)))
			strata_buf_printf(&b, "%s%.*s", b.size ? " " : "",
				(int)(p - s), s);
	}
	if (b.size) {
		t->options = strata_buf_detach(&b);
		STRATA_ERROR_CHECK_ALLOC(t->options);
	}
	strata_buf_dispose(&b);
	return error;
}

static int intern_collation(ctx *c, const char *collation, size_t *out)
{
	size_t i;
	int error;

	for (i = 0; i < c->collations.count; i++)
		if (!strcmp(c->collations.strings[i], collation)) {
			*out = i;
			return 0;
		}
	if ((error = strata_strarray_add(&c->collations, collation)) < 0)
		return error;
	*out = c->collations.count - 1;
	return 0;
}

typedef struct {
	strata_table *table;
	size_t collation;
} table_slot;

static int cmp_slots(const void *a, const void *b)
{
	return strcmp(((const table_slot *)a)->table->name,
		((const table_slot *)b)->table->name);
}

/* Puts the tables in byte order of their names, should the server's
 * binary order not already be it; keeps the collations aligned. */
static int sort_tables(ctx *c)
{
	size_t i, n = c->schema->table_count;
	table_slot *slots = strata__malloc((n ? n : 1) * sizeof(*slots));

	STRATA_ERROR_CHECK_ALLOC(slots);
	for (i = 0; i < n; i++) {
		slots[i].table = c->schema->tables[i];
		slots[i].collation = c->table_collation[i];
	}
	sort_items(slots, n, sizeof(*slots), cmp_slots);
	for (i = 0; i < n; i++) {
		c->schema->tables[i] = slots[i].table;
		c->table_collation[i] = slots[i].collation;
	}
	strata__free(slots);
	return 0;
}

static int add_table(ctx *c, strata_result *res, size_t *alloc)
{
	const char *name = text(res, 0), *type = text(res, 1);
	const char *options = text(res, 4);
	size_t n = c->schema->table_count;
	strata_table *t = NULL;
	int error;

	if (n >= *alloc) {
		size_t *nc;
		*alloc = *alloc ? *alloc * 2 : 64;
		nc = strata__realloc(c->table_collation,
			*alloc * sizeof(*nc));
		STRATA_ERROR_CHECK_ALLOC(nc);
		c->table_collation = nc;
	}
	if ((error = strata_schema_add_table(&t, c->schema, name)) < 0)
		return error;
	c->table_collation[n] = (size_t)-1;
	if (text(res, 3) && (error = intern_collation(c, text(res, 3),
		&c->table_collation[n])) < 0)
		return error;
	if ((error = dup_field(&t->comment, text(res, 5))) < 0 ||
	    (error = table_options(c, t, text(res, 2), text(res, 3),
		options)) < 0)
		return error;
	if (options && strstr(options, "partitioned") &&
	    (error = strata_schema_add_warning(c->schema, "partitioning of "
		"table '%s' is not modelled", name)) < 0)
		return error;
	if (!strcmp(type, "SYSTEM VERSIONED"))
		error = strata_schema_add_warning(c->schema, "system "
			"versioning of table '%s' is not modelled", name);
	return error;
}

static int read_tables(ctx *c)
{
	strata_result *res = NULL;
	size_t alloc = 0, n;
	int error, sorted = 1;

	if ((error = query(&res, c, "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, "
		"TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT FROM "
		"information_schema.TABLES WHERE TABLE_SCHEMA = ? "
		"ORDER BY BINARY TABLE_NAME")) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *name = text(res, 0), *type = text(res, 1);

		if (!name || !type)
			continue;
		if (!strcmp(type, "VIEW")) {
			error = strata_schema_add_warning(c->schema,
				"view '%s' is not modelled", name);
		} else if (!strcmp(type, "SEQUENCE")) {
			error = strata_schema_add_warning(c->schema,
				"sequence '%s' is not modelled", name);
		} else if ((!strcmp(type, "BASE TABLE") ||
			    !strcmp(type, "SYSTEM VERSIONED")) &&
			   !strata_introspect__excluded(c->opts, name)) {
			n = c->schema->table_count;
			if (n && strcmp(c->schema->tables[n - 1]->name,
				name) >= 0)
				sorted = 0;
			error = add_table(c, res, &alloc);
		}
		if (error < 0)
			break;
	}
	if (error == STRATA_ITEROVER)
		error = 0;
	strata_result_free(res);
	if (!error && !sorted)
		error = sort_tables(c);
	return error;
}

/* --- columns --------------------------------------------------------- */

static int column_notes(ctx *c, const strata_table *t,
	const strata_column *col, const char *extra)
{
	const char *p;
	int error = 0;

	if ((p = find_ci(extra, "on update ")) != NULL)
		error = strata_schema_add_warning(c->schema, "ON UPDATE %s of "
			"column '%s.%s' is not modelled", p + 10, t->name,
			col->name);
	if (!error && (find_ci(extra, "VIRTUAL GENERATED") ||
	    find_ci(extra, "STORED GENERATED") ||
	    find_ci(extra, "PERSISTENT GENERATED")))
		error = strata_schema_add_warning(c->schema, "generated "
			"column '%s.%s' is not modelled", t->name, col->name);
	if (!error && find_ci(extra, "INVISIBLE"))
		error = strata_schema_add_warning(c->schema, "INVISIBLE of "
			"column '%s.%s' is not modelled", t->name, col->name);
	return error;
}

static int add_column(ctx *c, strata_table *t, size_t ti,
	strata_result *res)
{
	const char *type = text(res, 2), *extra = text(res, 5);
	const char *collation = text(res, 7);
	strata_column *col = NULL;
	int error;

	if (!extra)
		extra = "";
	if ((error = strata_table_add_column(&col, t, text(res, 1))) < 0)
		return error;
	if ((error = parse_type(&col->type, type ? type : "")) < 0)
		return error;
	col->nullable = text(res, 3) && !strcmp(text(res, 3), "YES");
	col->autoincrement = find_ci(extra, "auto_increment") != NULL;
	if ((error = parse_default(c, col, text(res, 4), extra)) < 0 ||
	    (error = dup_field(&col->comment, text(res, 6))) < 0)
		return error;
	/* A collation is kept only when it is not the table's. */
	if (collation && *collation && (c->table_collation[ti] ==
	    (size_t)-1 || strcmp(collation,
	    c->collations.strings[c->table_collation[ti]])) &&
	    (error = dup_field(&col->collation, collation)) < 0)
		return error;
	return column_notes(c, t, col, extra);
}

static int read_columns(ctx *c)
{
	strata_result *res = NULL;
	int error;

	if ((error = query(&res, c, "SELECT TABLE_NAME, COLUMN_NAME, "
		"COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
		"COLUMN_COMMENT, COLLATION_NAME "
		"FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
		"ORDER BY BINARY TABLE_NAME, ORDINAL_POSITION")) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		size_t ti;
		strata_table *t;

		if (!text(res, 0) || !text(res, 1))
			continue;
		if (!(t = find_table(c, text(res, 0), &ti)))
			continue;
		if ((error = add_column(c, t, ti, res)) < 0)
			break;
	}
	if (error == STRATA_ITEROVER)
		error = 0;
	strata_result_free(res);
	return error;
}

/* --- check constraints ----------------------------------------------- */

/* MariaDB's JSON is LONGTEXT with the column check json_valid(`col`)
 * (and utf8mb4_bin): read the pair back as the json type. */
static int json_alias(strata_table *t, const char *name, const char *level,
	const char *clause)
{
	strata_column *col;
	size_t n = strlen(name);

	if (!level || strcmp(level, "Column"))
		return 0;
	if (strncmp(clause, "json_valid(`", 12) ||
	    strncmp(clause + 12, name, n) || strcmp(clause + 12 + n, "`)"))
		return 0;
	col = strata_table_column(t, name);
	if (!col || col->type.kind != STRATA_TYPE_NATIVE ||
	    strcmp(col->type.native, "longtext"))
		return 0;
	strata_type_dispose(&col->type);
	col->type.kind = STRATA_TYPE_JSON;
	if (col->collation && !strcmp(col->collation, "utf8mb4_bin")) {
		strata__free(col->collation);
		col->collation = NULL;
	}
	return 1;
}

/* MySQL wraps a CHECK clause in parentheses; drop one pair that wraps
 * the whole of it. */
static size_t strip_outer_parens(const char **s)
{
	const char *p = *s;
	size_t len = strlen(p), i;
	int depth = 0;

	if (len < 2 || p[0] != '(' || p[len - 1] != ')')
		return len;
	for (i = 0; i < len; i++) {
		if (p[i] == '(')
			depth++;
		else if (p[i] == ')' && --depth == 0 && i != len - 1)
			return len;
	}
	*s = p + 1;
	return len - 2;
}

static int read_checks(ctx *c)
{
	strata_result *res = NULL;
	strata_buf clause = STRATA_BUF_INIT, expr = STRATA_BUF_INIT;
	int error;

	if (!c->has_checks)
		return 0;
	error = query(&res, c, c->mariadb ?
		"SELECT TABLE_NAME, CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE "
		"FROM information_schema.CHECK_CONSTRAINTS "
		"WHERE CONSTRAINT_SCHEMA = ?" :
		"SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, 'Table', "
		"cc.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS cc "
		"JOIN information_schema.TABLE_CONSTRAINTS tc "
		"ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA "
		"AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME "
		"AND tc.CONSTRAINT_TYPE = 'CHECK' "
		"WHERE cc.CONSTRAINT_SCHEMA = ? AND tc.TABLE_SCHEMA = ?");
	if (error < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *name = text(res, 1), *body = text(res, 3);
		strata_table *t;
		strata_check *ck = NULL;
		size_t len;

		if (!text(res, 0) || !name || !body)
			continue;
		if (!(t = find_table(c, text(res, 0), NULL)))
			continue;
		if (json_alias(t, name, text(res, 2), body))
			continue;
		len = strip_outer_parens(&body);
		strata_buf_clear(&clause);
		strata_buf_clear(&expr);
		strata_buf_put(&clause, body, len);
		normalize_expr(&expr, clause.ptr);
		if ((error = strata_table_add_check(&ck, t)) < 0 ||
		    (error = dup_field(&ck->h.name, name)) < 0 ||
		    (error = dup_field(&ck->expr, expr.ptr)) < 0)
			break;
	}
	if (error == STRATA_ITEROVER)
		error = 0;
	strata_result_free(res);
	strata_buf_dispose(&clause);
	strata_buf_dispose(&expr);
	return error;
}

/* --- foreign keys ---------------------------------------------------- */

static strata_fk_action fk_action(const char *rule)
{
	strata_fk_action a = STRATA_FK_NO_ACTION;

	/* InnoDB's RESTRICT and NO ACTION are one behaviour, and RESTRICT
	 * is what it reports when no action was written: both read as the
	 * model's default, no action. */
	if (rule && strcmp(rule, "RESTRICT") &&
	    strata_fk_action_parse(&a, rule) < 0)
		a = STRATA_FK_NO_ACTION;
	return a;
}

/*
 * Foreign keys in two queries joined here: information_schema joins
 * of REFERENTIAL_CONSTRAINTS with KEY_COLUMN_USAGE make MariaDB scan
 * every database (three times slower at 1000 tables).
 */
static int read_fkey_rules(ctx *c)
{
	strata_result *res = NULL;
	int error;

	if ((error = query(&res, c, "SELECT TABLE_NAME, CONSTRAINT_NAME, "
		"UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME, "
		"UPDATE_RULE, DELETE_RULE "
		"FROM information_schema.REFERENTIAL_CONSTRAINTS "
		"WHERE CONSTRAINT_SCHEMA = ?")) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *name = text(res, 1), *ref_schema = text(res, 2);
		const char *ref = text(res, 3);
		strata_table *t;
		strata_fkey *fk = NULL;

		if (!text(res, 0) || !name || !ref)
			continue;
		if (!(t = find_table(c, text(res, 0), NULL)))
			continue;
		if ((error = strata_table_add_fkey(&fk, t)) < 0 ||
		    (error = dup_field(&fk->h.name, name)) < 0)
			break;
		if (ref_schema && strcmp(ref_schema, c->db)) {
			strata_buf b = STRATA_BUF_INIT;
			strata_buf_printf(&b, "%s.%s", ref_schema, ref);
			fk->ref_table = strata_buf_detach(&b);
		} else {
			fk->ref_table = strata__strdup(ref);
		}
		if (!fk->ref_table) {
			strata_error__oom();
			error = STRATA_ERROR;
			break;
		}
		fk->on_update = fk_action(text(res, 4));
		fk->on_delete = fk_action(text(res, 5));
	}
	if (error == STRATA_ITEROVER)
		error = 0;
	strata_result_free(res);
	return error;
}

static strata_fkey *find_fkey(const strata_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->fkey_count; i++)
		if (!strcmp(t->fkeys[i]->h.name, name))
			return t->fkeys[i];
	return NULL;
}

static int read_fkeys(ctx *c)
{
	strata_result *res = NULL;
	strata_fkey *fk = NULL;
	strata_table *fk_table = NULL;
	int error;

	if ((error = read_fkey_rules(c)) < 0)
		return error;
	if ((error = query(&res, c, "SELECT TABLE_NAME, CONSTRAINT_NAME, "
		"COLUMN_NAME, REFERENCED_COLUMN_NAME "
		"FROM information_schema.KEY_COLUMN_USAGE "
		"WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL "
		"ORDER BY BINARY TABLE_NAME, CONSTRAINT_NAME, "
		"ORDINAL_POSITION")) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *name = text(res, 1);
		strata_table *t;

		if (!text(res, 0) || !name || !text(res, 2) || !text(res, 3))
			continue;
		if (!(t = find_table(c, text(res, 0), NULL)))
			continue;
		if (!fk || fk_table != t || strcmp(fk->h.name, name)) {
			fk_table = t;
			if (!(fk = find_fkey(t, name)))
				continue;
		}
		if ((error = strata_strarray_add(&fk->h.columns,
			text(res, 2))) < 0 ||
		    (error = strata_strarray_add(&fk->ref_columns,
			text(res, 3))) < 0)
			break;
	}
	if (error == STRATA_ITEROVER)
		error = 0;
	strata_result_free(res);
	return error;
}

/* --- indexes --------------------------------------------------------- */

static int same_columns(const strata_strarray *a, const strata_strarray *b)
{
	size_t i;

	if (a->count != b->count)
		return 0;
	for (i = 0; i < a->count; i++)
		if (strcmp(a->strings[i], b->strings[i]))
			return 0;
	return 1;
}

/* Whether name is "<base>" or "<base>_<digits>". */
static int is_name_or_numbered(const char *name, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(name, base, n))
		return 0;
	if (!name[n])
		return 1;
	if (name[n] != '_' || !name[n + 1])
		return 0;
	for (name += n + 1; *name; name++)
		if (*name < '0' || *name > '9')
			return 0;
	return 1;
}

/* Whether a foreign key's name is one InnoDB made: <table>_ibfk_<n>. */
static int generated_fk_name(const char *name, const char *table)
{
	size_t n = strlen(table);
	const char *p;

	if (strncmp(name, table, n) || strncmp(name + n, "_ibfk_", 6) ||
	    !name[n + 6])
		return 0;
	for (p = name + n + 6; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

/*
 * Whether an index is the one InnoDB made for a foreign key that had none
 * to use: the key's columns, named like the constraint (or, for a key
 * with a generated <table>_ibfk_<n> name, like its first column).
 */
static int implicit_fk_index(const strata_table *t, const pending_index *x)
{
	size_t i;

	for (i = 0; i < t->fkey_count; i++) {
		const strata_fkey *f = t->fkeys[i];
		if (!same_columns(&f->h.columns, &x->columns))
			continue;
		if (!strcmp(f->h.name, x->name.ptr))
			return 1;
		if (generated_fk_name(f->h.name, t->name) &&
		    is_name_or_numbered(x->name.ptr, x->columns.strings[0]))
			return 1;
	}
	return 0;
}

static void reset_index(pending_index *x)
{
	x->table = NULL;
	strata_buf_clear(&x->name);
	strata_buf_clear(&x->type);
	strata_buf_clear(&x->prefix);
	strata_buf_clear(&x->expr);
	strata_strarray_dispose(&x->columns);
	x->non_unique = x->has_prefix = x->has_expr = 0;
}

static int lower_dup(char **out, const char *s)
{
	char *p;

	if ((*out = strata__strdup(s)) == NULL) {
		strata_error__oom();
		return STRATA_ERROR;
	}
	for (p = *out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return 0;
}

static int flush_index(ctx *c, pending_index *x)
{
	strata_table *t = x->table;
	strata_index *idx = NULL;
	const char *type = x->type.ptr;
	int btree = !strcmp(type, "BTREE"), hash = !strcmp(type, "HASH");
	int error = 0;

	STRATA_UNUSED(c);
	if (!t)
		return 0;
	if (!strcmp(x->name.ptr, "PRIMARY")) {
		strata__free(t->pkey.h.name);
		t->pkey.h.name = NULL;
		if ((error = dup_field(&t->pkey.h.name, "PRIMARY")) < 0)
			goto done;
		strata_strarray_dispose(&t->pkey.h.columns);
		t->pkey.h.columns = x->columns;
		memset(&x->columns, 0, sizeof(x->columns));
		goto done;
	}
	/* A UNIQUE constraint and a unique index are one object in MySQL:
	 * report it once, as a constraint, unless its name says it was
	 * made as an index (ix_...) or it has parts a constraint cannot
	 * hold (prefixes, expressions). */
	if (!x->non_unique && !x->has_prefix && !x->has_expr &&
	    (btree || hash) && !starts_with(x->name.ptr, "ix_")) {
		strata_unique *u = NULL;
		if ((error = strata_table_add_unique(&u, t)) < 0 ||
		    (error = dup_field(&u->h.name, x->name.ptr)) < 0)
			goto done;
		u->h.columns = x->columns;
		memset(&x->columns, 0, sizeof(x->columns));
		goto done;
	}
	if (x->non_unique && btree && !x->has_prefix && !x->has_expr &&
	    implicit_fk_index(t, x))
		goto done;
	if ((error = strata_table_add_index(&idx, t)) < 0 ||
	    (error = dup_field(&idx->h.name, x->name.ptr)) < 0)
		goto done;
	idx->unique = !x->non_unique;
	if (!btree && !(hash && idx->unique) &&
	    (error = lower_dup(&idx->method, type)) < 0)
		goto done;
	if (x->has_prefix && (error = dup_field(&idx->prefix,
		x->prefix.ptr)) < 0)
		goto done;
	if (x->has_expr) {
		error = dup_field(&idx->expr, x->expr.ptr);
		goto done;
	}
	idx->h.columns = x->columns;
	memset(&x->columns, 0, sizeof(x->columns));
done:
	reset_index(x);
	return error;
}

static int index_row(ctx *c, pending_index *x, strata_result *res)
{
	const char *column = text(res, 3), *sub = text(res, 4);
	const char *expression = c->has_expr_index ? text(res, 6) : NULL;
	int error;

	if (x->columns.count || x->expr.size) {
		strata_buf_putc(&x->prefix, ',');
		strata_buf_puts(&x->expr, ", ");
	}
	/* SPATIAL keys report an implicit SUB_PART: not a prefix. */
	if (sub && (!strcmp(x->type.ptr, "SPATIAL") ||
	    !strcmp(x->type.ptr, "FULLTEXT")))
		sub = NULL;
	strata_buf_puts(&x->prefix, sub ? sub : "0");
	if (sub)
		x->has_prefix = 1;
	if (!column && expression) {
		/* A functional key part (MySQL 8). */
		x->has_expr = 1;
		strata_buf_putc(&x->expr, '(');
		normalize_expr(&x->expr, expression);
		strata_buf_putc(&x->expr, ')');
		return 0;
	}
	if (!column)
		return 0;
	if (!plain_ident(column, strlen(column)))
		strata_dialect_quote_ident(&x->expr, STRATA_DIALECT_MYSQL,
			column);
	else
		strata_buf_puts(&x->expr, column);
	if ((error = strata_strarray_add(&x->columns, column)) < 0)
		return error;
	return 0;
}

static int read_indexes(ctx *c)
{
	strata_result *res = NULL;
	pending_index x;
	int error;

	memset(&x, 0, sizeof(x));
	x.name = x.type = x.prefix = x.expr =
		(strata_buf)STRATA_BUF_INIT;
	if ((error = query(&res, c, c->has_expr_index ?
		"SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, "
		"SUB_PART, INDEX_TYPE, EXPRESSION "
		"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
		"ORDER BY BINARY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX" :
		"SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, "
		"SUB_PART, INDEX_TYPE "
		"FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
		"ORDER BY BINARY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *name = text(res, 1);
		strata_table *t;

		if (!text(res, 0) || !name)
			continue;
		if (!(t = find_table(c, text(res, 0), NULL)))
			continue;
		if (x.table != t || strcmp(x.name.ptr, name)) {
			if ((error = flush_index(c, &x)) < 0)
				break;
			x.table = t;
			strata_buf_puts(&x.name, name);
			strata_buf_puts(&x.type, text(res, 5) ?
				text(res, 5) : "BTREE");
			x.non_unique = text(res, 2) && strcmp(text(res, 2),
				"0");
		}
		if ((error = index_row(c, &x, res)) < 0)
			break;
	}
	if (error == STRATA_ITEROVER)
		error = flush_index(c, &x);
	strata_result_free(res);
	reset_index(&x);
	strata_buf_dispose(&x.name);
	strata_buf_dispose(&x.type);
	strata_buf_dispose(&x.prefix);
	strata_buf_dispose(&x.expr);
	return error;
}

/* --- objects strata does not model ----------------------------------- */

static int read_objects(ctx *c)
{
	strata_result *res = NULL;
	int error;

	if ((error = query(&res, c, "SELECT 1 AS k, TRIGGER_NAME AS n, "
		"EVENT_OBJECT_TABLE AS x FROM information_schema.TRIGGERS "
		"WHERE TRIGGER_SCHEMA = ? "
		"UNION ALL SELECT 2, ROUTINE_NAME, ROUTINE_TYPE "
		"FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? "
		"UNION ALL SELECT 3, EVENT_NAME, NULL "
		"FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? "
		"ORDER BY k, BINARY n")) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *kind = text(res, 0), *name = text(res, 1);
		const char *x = text(res, 2);

		if (!kind || !name)
			continue;
		if (kind[0] == '1') {
			if (x && strata_introspect__excluded(c->opts, x))
				continue;
			error = strata_schema_add_warning(c->schema, "trigger "
				"'%s' on table '%s' is not modelled", name,
				x ? x : "");
		} else if (kind[0] == '2') {
			char *lower = NULL;
			if ((error = lower_dup(&lower, x ? x : "routine")) < 0)
				break;
			error = strata_schema_add_warning(c->schema, "%s '%s' "
				"is not modelled", lower, name);
			strata__free(lower);
		} else {
			error = strata_schema_add_warning(c->schema, "event "
				"'%s' is not modelled", name);
		}
		if (error < 0)
			break;
	}
	if (error == STRATA_ITEROVER)
		error = 0;
	strata_result_free(res);
	return error;
}

/* --- entry point ----------------------------------------------------- */

static void sort_lists(strata_schema *s)
{
	size_t i;

	for (i = 0; i < s->table_count; i++) {
		strata_table *t = s->tables[i];
		sort_items(t->uniques, t->unique_count, sizeof(*t->uniques),
			cmp_uniques);
		sort_items(t->indexes, t->index_count, sizeof(*t->indexes),
			cmp_indexes);
		sort_items(t->fkeys, t->fkey_count, sizeof(*t->fkeys),
			cmp_fkeys);
		sort_items(t->checks, t->check_count, sizeof(*t->checks),
			cmp_checks);
	}
}

int strata_introspect__mysql(strata_schema *schema, strata_conn *conn,
	const strata_introspect_options *opts)
{
	ctx c;
	int error;

	memset(&c, 0, sizeof(c));
	c.schema = schema;
	c.conn = conn;
	c.opts = opts;
	c.db = strata_conn_database(conn);
	if (!c.db || !*c.db) {
		strata_error__set(STRATA_ERROR_INTROSPECT, "mysql: the "
			"connection has no database to read (put one in the "
			"URL: mysql://user@host/database)");
		return STRATA_EINVALID;
	}
	if ((error = read_server(&c)) < 0 ||
	    (error = read_tables(&c)) < 0 ||
	    (error = read_columns(&c)) < 0 ||
	    (error = read_checks(&c)) < 0 ||
	    (error = read_fkeys(&c)) < 0 ||
	    (error = read_indexes(&c)) < 0 ||
	    (error = read_objects(&c)) < 0)
		goto done;
	sort_lists(schema);
done:
	strata__free(c.db_collation);
	strata__free(c.default_engine);
	strata_strarray_dispose(&c.collations);
	strata__free(c.table_collation);
	return error;
}
