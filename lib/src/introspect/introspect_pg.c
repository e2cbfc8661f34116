/*
 * Introspection of PostgreSQL: a fixed number of pg_catalog queries, one
 * per object kind over every table of the schema (tables, enums, columns,
 * constraints, indexes, other objects), normalized to the canonical schema
 * as docs/schema-mapping.md describes.
 */
#include <stdio.h>
#include <stdlib.h>
#include "introspect_int.h"

/* A table read from pg_class, found again by oid in the later queries. */
typedef struct {
	unsigned long oid;     /* pg_class.oid */
	strata_table *table;   /* the schema's table */
	size_t att_first;      /* its first column's slot in ctx.attnums */
} pg_rel;

typedef struct {
	strata_schema *schema;
	strata_conn *conn;
	const strata_introspect_options *opts;
	const char *nsp;       /* the schema (namespace) read */
	pg_rel *rels;          /* tables, sorted by oid */
	size_t rel_count;
	size_t rel_alloc;
	short *attnums;        /* attnum of every column, table by table */
	size_t attnum_count;
	size_t attnum_alloc;
	strata_strarray folded; /* sequences read as an autoincrement */
	strata_buf tmp;        /* scratch text */
} pg_ctx;

/* Tables and partitioned tables of the schema, but not partitions (they
 * are reported) nor tables that belong to an extension. */
static const char tables_sql[] =
	"SELECT c.oid, c.relname, (SELECT d.description "
	"FROM pg_catalog.pg_description d WHERE d.objoid = c.oid "
	"AND d.classoid = 'pg_catalog.pg_class'::regclass "
	"AND d.objsubid = 0) "
	"FROM pg_catalog.pg_class c "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
	"AND NOT c.relispartition "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e "
	"WHERE e.classid = 'pg_catalog.pg_class'::regclass "
	"AND e.objid = c.oid AND e.deptype = 'e') "
	"ORDER BY c.relname COLLATE \"C\"";

static const char enums_sql[] =
	"SELECT t.typname, e.enumlabel "
	"FROM pg_catalog.pg_type t "
	"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
	"JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
	"WHERE n.nspname = ? "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x "
	"WHERE x.classid = 'pg_catalog.pg_type'::regclass "
	"AND x.objid = t.oid AND x.deptype = 'e') "
	"ORDER BY t.typname COLLATE \"C\", e.enumsortorder";

/* Comments are scalar subqueries, index lookups whatever the catalog
 * statistics say (a join could be planned as a nested loop over every
 * comment of the database). Defaults are deparsed without their table
 * (they name no column), which spares opening every table; `owned_seq`
 * is the quoted name of a sequence the column owns, as nextval() of a
 * serial column names it. `sq` is a sequence no column owns that the
 * default uses and nothing else does (read as the column's
 * autoincrement); `bt` the base type of a domain (through domains of
 * domains): its format_type() text, whether it is built in, and its
 * name when it is an enum of the schema. */
static const char columns_sql[] =
	"SELECT a.attrelid, a.attnum, a.attname, "
	"pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
	"CASE WHEN a.attgenerated = '' "
	"THEN pg_catalog.pg_get_expr(ad.adbin, 0) END, a.attidentity, "
	"a.attgenerated, (SELECT ds.description "
	"FROM pg_catalog.pg_description ds WHERE ds.objoid = a.attrelid "
	"AND ds.classoid = 'pg_catalog.pg_class'::regclass "
	"AND ds.objsubid = a.attnum), "
	"t.typnamespace = 'pg_catalog'::regnamespace, "
	"CASE WHEN t.typtype = 'e' AND t.typnamespace = n.oid "
	"THEN t.typname END, "
	"CASE WHEN ad.oid IS NOT NULL THEN (SELECT "
	"pg_catalog.quote_literal(s.oid::regclass::text) "
	"FROM pg_catalog.pg_depend dep "
	"JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S' "
	"WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass "
	"AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum "
	"AND dep.classid = 'pg_catalog.pg_class'::regclass "
	"AND dep.deptype = 'a' LIMIT 1) END, "
	"CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, "
	"sq.regname, sq.relname, "
	"CASE WHEN t.typtype = 'd' THEN t.typname END, "
	"bt.text, bt.builtin, bt.enum "
	"FROM pg_catalog.pg_attribute a "
	"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
	"LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid "
	"AND ad.adnum = a.attnum "
	"LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
	"LEFT JOIN LATERAL (SELECT s.oid::regclass::text AS regname, "
	"s.relname::text AS relname "
	"FROM pg_catalog.pg_depend dd "
	"JOIN pg_catalog.pg_class s ON s.oid = dd.refobjid AND s.relkind = 'S' "
	"WHERE dd.classid = 'pg_catalog.pg_attrdef'::regclass "
	"AND dd.objid = ad.oid "
	"AND dd.refclassid = 'pg_catalog.pg_class'::regclass "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend o "
	"WHERE o.classid = 'pg_catalog.pg_class'::regclass "
	"AND o.objid = s.oid AND o.deptype IN ('a', 'i', 'e')) "
	"AND (SELECT count(*) FROM pg_catalog.pg_depend u "
	"WHERE u.refclassid = 'pg_catalog.pg_class'::regclass "
	"AND u.refobjid = s.oid) = 1 LIMIT 1) sq ON ad.oid IS NOT NULL "
	"LEFT JOIN LATERAL (WITH RECURSIVE d(typ, mod) AS ("
	"SELECT t.typbasetype, t.typtypmod WHERE t.typtype = 'd' "
	"UNION ALL SELECT x.typbasetype, x.typtypmod FROM d "
	"JOIN pg_catalog.pg_type x ON x.oid = d.typ AND x.typtype = 'd') "
	"SELECT pg_catalog.format_type(d.typ, d.mod) AS text, "
	"b.typnamespace = 'pg_catalog'::regnamespace AS builtin, "
	"CASE WHEN b.typtype = 'e' AND b.typnamespace = n.oid "
	"THEN b.typname END AS enum "
	"FROM d JOIN pg_catalog.pg_type b ON b.oid = d.typ "
	"WHERE b.typtype <> 'd') bt ON t.typtype = 'd' "
	"WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
	"AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped "
	"ORDER BY a.attrelid, a.attnum";

/* Keys, unique, foreign-key, check and exclusion constraints; the
 * referenced columns come as a name array (their table may be one that
 * is not read). Constraints cloned onto partitions are left out. */
static const char constraints_sql[] =
	"SELECT con.conrelid, con.conname, con.contype, con.conkey::text, "
	"CASE WHEN fn.oid = n.oid THEN fc.relname::text "
	"ELSE fn.nspname || '.' || fc.relname END, "
	"CASE WHEN con.contype = 'f' THEN ARRAY(SELECT fa.attname "
	"FROM unnest(con.confkey) WITH ORDINALITY k(num, ord) "
	"JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid "
	"AND fa.attnum = k.num ORDER BY k.ord)::text END, "
	"con.confupdtype, con.confdeltype, "
	"con.condeferrable AND con.condeferred, "
	"CASE WHEN con.contype = 'c' "
	"THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) END "
	"FROM pg_catalog.pg_constraint con "
	"JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid "
	"LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
	"WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
	"AND NOT c.relispartition AND con.contype IN ('p', 'u', 'f', 'c', 'x') "
	"AND con.conparentid = 0 "
	"ORDER BY con.conname COLLATE \"C\"";

/* Indexes that do not back a key, unique or exclusion constraint. The
 * definition is fetched only for those a column list cannot express:
 * expressions, INCLUDE columns, DESC / NULLS FIRST, a non-default
 * operator class or collation. */
static const char indexes_sql[] =
	"SELECT i.indrelid, ic.relname, i.indisunique, am.amname, "
	"i.indnkeyatts, i.indkey::text, "
	"CASE WHEN i.indexprs IS NOT NULL OR i.indnatts <> i.indnkeyatts "
	"OR i.indoption::text ~ '[^0 ]' "
	"OR EXISTS (SELECT 1 FROM pg_catalog.pg_opclass o "
	"WHERE o.oid = ANY (i.indclass) AND NOT o.opcdefault) "
	"OR EXISTS (SELECT 1 FROM unnest(i.indkey::int2[], "
	"i.indcollation::oid[]) k(num, coll) "
	"JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid "
	"AND a.attnum = k.num WHERE k.coll <> a.attcollation) "
	"THEN pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) END, "
	"pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) "
	"FROM pg_catalog.pg_index i "
	"JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
	"JOIN pg_catalog.pg_class c ON c.oid = i.indrelid "
	"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
	"JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
	"WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
	"AND NOT c.relispartition "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k "
	"WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) "
	"ORDER BY ic.relname COLLATE \"C\"";

/* Everything else in the schema, for the warnings: kind, name, the table
 * it belongs to, and whether that is a table or a view. Objects of an
 * extension, and functions made for a type (range constructors), are
 * left out; so are sequences the DDL re-creates as they are: used only
 * by column defaults (nextval) and with CREATE SEQUENCE's default
 * options. */
static const char objects_sql[] =
	"WITH ns AS (SELECT oid FROM pg_catalog.pg_namespace "
	"WHERE nspname = ?) "
	"SELECT CASE c.relkind WHEN 'v' THEN 'view' "
	"WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' "
	"WHEN 'f' THEN 'foreign table' ELSE 'type' END, "
	"c.relname::text, NULL::text, NULL::text "
	"FROM pg_catalog.pg_class c "
	"WHERE c.relnamespace = (SELECT oid FROM ns) "
	"AND c.relkind IN ('v', 'm', 'S', 'f', 'c') "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
	"WHERE d.classid = 'pg_catalog.pg_class'::regclass "
	"AND d.objid = c.oid AND (d.deptype = 'e' OR (c.relkind = 'S' "
	"AND d.refclassid = 'pg_catalog.pg_class'::regclass "
	"AND d.deptype IN ('a', 'i')))) "
	"AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 "
	"FROM pg_catalog.pg_depend u "
	"WHERE u.refclassid = 'pg_catalog.pg_class'::regclass "
	"AND u.refobjid = c.oid) AND NOT EXISTS (SELECT 1 "
	"FROM pg_catalog.pg_depend u "
	"WHERE u.refclassid = 'pg_catalog.pg_class'::regclass "
	"AND u.refobjid = c.oid "
	"AND u.classid <> 'pg_catalog.pg_attrdef'::regclass) "
	"AND EXISTS (SELECT 1 FROM pg_catalog.pg_sequence q "
	"WHERE q.seqrelid = c.oid AND q.seqtypid = 'pg_catalog.int8'::regtype "
	"AND q.seqstart = 1 AND q.seqincrement = 1 AND q.seqmin = 1 "
	"AND q.seqmax = 9223372036854775807 AND q.seqcache = 1 "
	"AND NOT q.seqcycle)) "
	"UNION ALL "
	"SELECT CASE WHEN c.relispartition THEN 'partition' "
	"ELSE 'inheritance' END, c.relname, p.relname, NULL "
	"FROM pg_catalog.pg_inherits i "
	"JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid "
	"JOIN pg_catalog.pg_class p ON p.oid = i.inhparent "
	"WHERE c.relnamespace = (SELECT oid FROM ns) "
	"AND c.relkind IN ('r', 'p', 'f') "
	"UNION ALL "
	"SELECT 'partitioning', c.relname, NULL, NULL "
	"FROM pg_catalog.pg_class c "
	"WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind = 'p' "
	"AND NOT c.relispartition "
	"UNION ALL "
	"SELECT CASE p.prokind WHEN 'p' THEN 'procedure' "
	"WHEN 'a' THEN 'aggregate' ELSE 'function' END, "
	"p.proname || '(' || "
	"pg_catalog.oidvectortypes(p.proargtypes) || ')', NULL, NULL "
	"FROM pg_catalog.pg_proc p "
	"WHERE p.pronamespace = (SELECT oid FROM ns) "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
	"WHERE d.classid = 'pg_catalog.pg_proc'::regclass "
	"AND d.objid = p.oid AND d.deptype IN ('e', 'i')) "
	"UNION ALL "
	"SELECT 'trigger', tg.tgname, c.relname, "
	"CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END "
	"FROM pg_catalog.pg_trigger tg "
	"JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid "
	"WHERE c.relnamespace = (SELECT oid FROM ns) "
	"AND NOT tg.tgisinternal AND NOT c.relispartition "
	"UNION ALL "
	"SELECT 'rule', r.rulename, c.relname, "
	"CASE WHEN c.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END "
	"FROM pg_catalog.pg_rewrite r "
	"JOIN pg_catalog.pg_class c ON c.oid = r.ev_class "
	"WHERE c.relnamespace = (SELECT oid FROM ns) "
	"AND r.rulename <> '_RETURN' "
	"UNION ALL "
	"SELECT 'policy', pol.polname, c.relname, 'table' "
	"FROM pg_catalog.pg_policy pol "
	"JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid "
	"WHERE c.relnamespace = (SELECT oid FROM ns) "
	"UNION ALL "
	"SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, "
	"t.typname, NULL, NULL "
	"FROM pg_catalog.pg_type t "
	"WHERE t.typnamespace = (SELECT oid FROM ns) "
	"AND (t.typtype IN ('d', 'r') "
	"OR (t.typtype = 'b' AND t.typcategory <> 'A')) "
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
	"WHERE d.classid = 'pg_catalog.pg_type'::regclass "
	"AND d.objid = t.oid AND d.deptype = 'e') "
	"UNION ALL "
	"SELECT 'extension', x.extname, NULL, NULL "
	"FROM pg_catalog.pg_extension x "
	"WHERE x.extnamespace = (SELECT oid FROM ns)";

static const char *val(const strata_result *res, size_t col)
{
	return strata_result_text(res, col);
}

static int is_true(const char *v)
{
	return v && v[0] == 't' && !v[1];
}

static int run(strata_result **out, pg_ctx *c, const char *sql)
{
	const char *params[1];

	params[0] = c->nsp;
	return strata_conn_query(out, c->conn, sql, 1, params);
}

/* The end of a result loop: STRATA_ITEROVER is success. */
static int loop_end(int error)
{
	return error == STRATA_ITEROVER ? 0 : error;
}

static int cmp_rel(const void *a, const void *b)
{
	const pg_rel *x = a, *y = b;

	return x->oid < y->oid ? -1 : x->oid > y->oid;
}

static pg_rel *find_rel(pg_ctx *c, const char *oid_text)
{
	pg_rel key;

	if (!oid_text || !c->rel_count)
		return NULL;
	key.oid = strtoul(oid_text, NULL, 10);
	return bsearch(&key, c->rels, c->rel_count, sizeof(pg_rel), cmp_rel);
}

static int cmp_enum(const void *a, const void *b)
{
	const char *name = a;
	const strata_enum *const *e = b;

	return strcmp(name, (*e)->name);
}

static strata_enum *find_enum(pg_ctx *c, const char *name)
{
	strata_enum **e;

	if (!c->schema->enum_count)
		return NULL;
	e = bsearch(name, c->schema->enums, c->schema->enum_count,
		sizeof(strata_enum *), cmp_enum);
	return e ? *e : NULL;
}

/* The column of a table with the given attnum, or NULL. */
static strata_column *column_by_attnum(pg_ctx *c, const pg_rel *r,
	long attnum)
{
	size_t i;

	for (i = 0; i < r->table->column_count; i++)
		if (c->attnums[r->att_first + i] == attnum)
			return r->table->columns[i];
	return NULL;
}

/* Appends the names of the columns a list of attnums ("{1,2}" or
 * "1 2") names, the first `max` of them. */
static int add_attnum_columns(strata_strarray *out, pg_ctx *c,
	const pg_rel *r, const char *list, long max)
{
	const char *p = list;
	long n = 0;
	int error;

	while (p && *p && n < max) {
		char *end;
		long num;
		strata_column *col;
		if (*p < '0' || *p > '9') {
			if (*p == '-')
				return 0;
			p++;
			continue;
		}
		num = strtol(p, &end, 10);
		p = end;
		n++;
		if (!(col = column_by_attnum(c, r, num))) {
			strata_error__set(STRATA_ERROR_INTROSPECT,
				"table '%s' has no column number %ld",
				r->table->name, num);
			return STRATA_ERROR;
		}
		if ((error = strata_strarray_add(out, col->name)) < 0)
			return error;
	}
	return 0;
}

/* Parses a one-dimensional PostgreSQL text array ({a,"b c"}) into out. */
static int add_text_array(strata_strarray *out, pg_ctx *c, const char *arr)
{
	const char *p = arr;
	int error = 0;

	if (!p || *p++ != '{')
		return 0;
	while (*p && *p != '}') {
		strata_buf_clear(&c->tmp);
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				strata_buf_putc(&c->tmp, *p);
			}
			if (*p)
				p++;
		} else {
			while (*p && *p != ',' && *p != '}')
				strata_buf_putc(&c->tmp, *p++);
		}
		if ((error = strata_strarray_add(out, c->tmp.ptr)) < 0)
			return error;
		if (*p == ',')
			p++;
	}
	return 0;
}

/* Reads "prefix(a)" or "prefix(a,b)" (b -1 when absent). */
static int parse_args(const char *text, const char *prefix, int *a, int *b)
{
	size_t n = strlen(prefix);
	char *end;
	long x, y = -1;

	if (strncmp(text, prefix, n) || text[n] != '(')
		return 0;
	x = strtol(text + n + 1, &end, 10);
	if (*end == ',')
		y = strtol(end + 1, &end, 10);
	if (*end != ')' || end[1])
		return 0;
	*a = (int)x;
	*b = (int)y;
	return 1;
}

static const struct {
	const char *text;
	strata_type_kind kind;
} plain_types[] = {
	{ "integer", STRATA_TYPE_INTEGER },
	{ "smallint", STRATA_TYPE_SMALLINT },
	{ "bigint", STRATA_TYPE_BIGINT },
	{ "boolean", STRATA_TYPE_BOOLEAN },
	{ "real", STRATA_TYPE_FLOAT },
	{ "double precision", STRATA_TYPE_DOUBLE },
	{ "numeric", STRATA_TYPE_NUMERIC },
	{ "character varying", STRATA_TYPE_STRING },
	{ "text", STRATA_TYPE_TEXT },
	{ "date", STRATA_TYPE_DATE },
	{ "time without time zone", STRATA_TYPE_TIME },
	{ "timestamp without time zone", STRATA_TYPE_DATETIME },
	{ "timestamp with time zone", STRATA_TYPE_TIMESTAMPTZ },
	{ "bytea", STRATA_TYPE_BINARY },
	{ "jsonb", STRATA_TYPE_JSON },
	{ "uuid", STRATA_TYPE_UUID },
};

/* The canonical type of a column from format_type() text; `builtin` when
 * the type lives in pg_catalog, `enum_name` when it is an enum of the
 * schema. Anything else is kept verbatim as a native type. */
static int read_type(strata_type *ty, pg_ctx *c, const char *text,
	int builtin, const char *enum_name)
{
	strata_enum *e;
	size_t i;
	int a, b;

	if (enum_name && (e = find_enum(c, enum_name)) != NULL) {
		ty->kind = STRATA_TYPE_ENUM;
		ty->enum_name = strata__strdup(enum_name);
		STRATA_ERROR_CHECK_ALLOC(ty->enum_name);
		for (i = 0; i < e->values.count; i++)
			if (strata_strarray_add(&ty->values,
				e->values.strings[i]) < 0)
				return STRATA_ERROR;
		return 0;
	}
	if (builtin) {
		for (i = 0; i < STRATA_ARRAY_SIZE(plain_types); i++)
			if (!strcmp(text, plain_types[i].text)) {
				ty->kind = plain_types[i].kind;
				return 0;
			}
		if (parse_args(text, "numeric", &a, &b) && b >= 0) {
			ty->kind = STRATA_TYPE_NUMERIC;
			ty->precision = a;
			ty->scale = b;
			return 0;
		}
		if (parse_args(text, "character varying", &a, &b) && b < 0) {
			ty->kind = STRATA_TYPE_STRING;
			ty->length = a;
			return 0;
		}
		if (parse_args(text, "character", &a, &b) && b < 0) {
			ty->kind = STRATA_TYPE_CHAR;
			ty->length = a;
			return 0;
		}
	}
	ty->kind = STRATA_TYPE_NATIVE;
	ty->native = strata__strdup(text);
	STRATA_ERROR_CHECK_ALLOC(ty->native);
	return 0;
}

/* Length of a plain number at p (-1.5, 10, 1e3), 0 when none. */
static size_t number_len(const char *p)
{
	const char *s = p;
	int digits = 0;

	if (*p == '-' || *p == '+')
		p++;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits = 1;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			digits = 1;
		}
	}
	if (!digits)
		return 0;
	if (*p == 'e' || *p == 'E') {
		const char *e = p + 1;
		if (*e == '-' || *e == '+')
			e++;
		if (*e >= '0' && *e <= '9') {
			while (*e >= '0' && *e <= '9')
				e++;
			p = e;
		}
	}
	return (size_t)(p - s);
}

static int is_number(const char *s)
{
	size_t n = number_len(s);

	return n && !s[n];
}

/* Whether p is empty or a type cast "::type" (a type name: words,
 * quoted names, dots, (n,m) and [] only). */
static int is_cast_or_end(const char *p)
{
	if (!*p)
		return 1;
	if (p[0] != ':' || p[1] != ':' || !p[2])
		return 0;
	for (p += 2; *p; p++) {
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++)
				if (*p == '"')
					p++;
			if (!*p)
				return 0;
		} else if (!((*p >= 'a' && *p <= 'z') ||
			(*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			*p == '_' || *p == ' ' || *p == '.' || *p == '(' ||
			*p == ')' || *p == ',' || *p == '[' || *p == ']')) {
			return 0;
		}
	}
	return 1;
}

static int is_numeric_kind(strata_type_kind k)
{
	return k == STRATA_TYPE_INTEGER || k == STRATA_TYPE_SMALLINT ||
		k == STRATA_TYPE_BIGINT || k == STRATA_TYPE_FLOAT ||
		k == STRATA_TYPE_DOUBLE || k == STRATA_TYPE_NUMERIC;
}

static int set_default(strata_column *col, strata_default_kind kind,
	const char *value, size_t len)
{
	col->def.kind = kind;
	if (!value)
		return 0;
	col->def.value = strata__strndup(value, len);
	STRATA_ERROR_CHECK_ALLOC(col->def.value);
	return 0;
}

static int ident_start(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		ch == '_' || (unsigned char)ch >= 0x80;
}

static int ident_char(char ch)
{
	return ident_start(ch) || (ch >= '0' && ch <= '9') || ch == '$';
}

/* Whether `name` is a string (varchar) column of the table. */
static int is_string_column(const strata_table *t, const char *name,
	size_t len)
{
	size_t i;

	for (i = 0; i < t->column_count; i++) {
		const strata_column *col = t->columns[i];
		if (col->type.kind == STRATA_TYPE_STRING &&
		    strlen(col->name) == len && !memcmp(col->name, name, len))
			return 1;
	}
	return 0;
}

/* Whether p starts a "::text" cast (not "::text[]" nor "::textfoo"). */
static int is_text_cast(const char *p, const char *end)
{
	return end - p >= 6 && !strncmp(p, "::text", 6) &&
		(end - p == 6 || (!ident_char(p[6]) && p[6] != '[' &&
		p[6] != '('));
}

/* Whether another cast follows at p, past closing parentheses: then a
 * literal's `::text` is kept, `('now'::text)::date` being a cast run
 * at every insert where `('now')::date` is a date fixed at CREATE. */
static int cast_follows(const char *p, const char *end)
{
	while (p < end && (*p == ')' || *p == ' '))
		p++;
	return end - p >= 2 && p[0] == ':' && p[1] == ':';
}

/* An expression as PostgreSQL prints it (check, index key, partial index
 * predicate, default) with the `::text` casts it adds removed: those of
 * varchar columns of table `t` and those of string literals, which
 * resolve to text anyway (unless another cast follows). `length(title::
 * text) > 0` reads back as the model's `length(title) > 0`,
 * `lower('X'::text)` as `lower('X')`. The text of string literals is
 * copied untouched. */
static int normalize_expr(char **out, pg_ctx *c, const strata_table *t,
	const char *expr, size_t len)
{
	const char *p = expr, *end = expr + len;
	strata_buf *b = &c->tmp;

	strata_buf_clear(b);
	while (p < end) {
		const char *s = p;
		if (*p == '\'') {
			for (p++; p < end; p++) {
				if (*p == '\'' && p + 1 < end && p[1] == '\'')
					p++;
				else if (*p == '\'')
					break;
			}
			if (p < end)
				p++;
			strata_buf_put(b, s, (size_t)(p - s));
			if (is_text_cast(p, end) && !cast_follows(p + 6, end))
				p += 6;
			continue;
		}
		if ((*p == '"' || ident_start(*p)) && (s == expr ||
		    (!ident_char(s[-1]) && s[-1] != '.' && s[-1] != '"'))) {
			const char *name = p, *name_end;
			strata_buf unq = STRATA_BUF_INIT;
			int match;
			if (*p == '"') {
				for (p++; p < end; p++) {
					if (*p == '"' && p + 1 < end &&
					    p[1] == '"') {
						strata_buf_putc(&unq, '"');
						p++;
					} else if (*p == '"') {
						break;
					} else {
						strata_buf_putc(&unq, *p);
					}
				}
				if (p < end)
					p++;
				name = unq.ptr;
				name_end = unq.ptr + unq.size;
			} else {
				while (p < end && ident_char(*p))
					p++;
				name_end = p;
			}
			strata_buf_put(b, s, (size_t)(p - s));
			match = is_text_cast(p, end) && t &&
				is_string_column(t, name,
				(size_t)(name_end - name));
			strata_buf_dispose(&unq);
			if (match)
				p += 6;
			continue;
		}
		strata_buf_putc(b, *p++);
	}
	*out = strata__strndup(b->ptr, b->size);
	STRATA_ERROR_CHECK_ALLOC(*out);
	return 0;
}

/* A server default as pg_get_expr() prints it, in the model's form:
 * NULL[::t] -> NULL; true/false -> BOOLEAN; now() / CURRENT_TIMESTAMP ->
 * NOW; 1.5, (-1), '-1'::integer -> NUMBER; 'x'::t -> STRING (NUMBER on a
 * numeric column); anything else as EXPR, verbatim but for the `::text`
 * casts of string literals (see normalize_expr). */
static int read_default(strata_column *col, pg_ctx *c, const char *expr)
{
	const char *p = expr;
	size_t n;

	if (!expr)
		return 0;
	if (!strncmp(p, "NULL", 4) && is_cast_or_end(p + 4))
		return set_default(col, STRATA_DEFAULT_NULL, NULL, 0);
	if (!strcmp(p, "true") || !strcmp(p, "false"))
		return set_default(col, STRATA_DEFAULT_BOOLEAN, p, strlen(p));
	if (!strata__strcasecmp(p, "now()") ||
	    !strata__strcasecmp(p, "CURRENT_TIMESTAMP"))
		return set_default(col, STRATA_DEFAULT_NOW, NULL, 0);
	if ((n = number_len(p)) > 0 && is_cast_or_end(p + n))
		return set_default(col, STRATA_DEFAULT_NUMBER, p, n);
	if (p[0] == '(' && (n = number_len(p + 1)) > 0 && p[n + 1] == ')' &&
	    is_cast_or_end(p + n + 2))
		return set_default(col, STRATA_DEFAULT_NUMBER, p + 1, n);
	if (*p == '\'' || ((*p == 'E' || *p == 'e') && p[1] == '\'')) {
		int escapes = *p != '\'';
		strata_buf_clear(&c->tmp);
		for (p += escapes ? 2 : 1; *p; p++) {
			if (*p == '\'' && p[1] == '\'') {
				p++;
			} else if (*p == '\'') {
				break;
			} else if (escapes && *p == '\\' && p[1]) {
				p++;
			}
			strata_buf_putc(&c->tmp, *p);
		}
		if (*p == '\'' && is_cast_or_end(p + 1)) {
			if (!is_numeric_kind(col->type.kind))
				return set_default(col, STRATA_DEFAULT_STRING,
					c->tmp.ptr, c->tmp.size);
			if (is_number(c->tmp.ptr))
				return set_default(col, STRATA_DEFAULT_NUMBER,
					c->tmp.ptr, c->tmp.size);
		}
	}
	col->def.kind = STRATA_DEFAULT_EXPR;
	return normalize_expr(&col->def.value, c, NULL, expr, strlen(expr));
}

static int read_tables(pg_ctx *c)
{
	strata_result *res = NULL;
	int error;

	if ((error = run(&res, c, tables_sql)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *name = val(res, 1), *comment = val(res, 2);
		strata_table *t;
		if (strata_introspect__excluded(c->opts, name))
			continue;
		if ((error = strata_schema_add_table(&t, c->schema, name)) < 0)
			goto done;
		if (comment && !(t->comment = strata__strdup(comment))) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		if (c->rel_count == c->rel_alloc) {
			size_t n = c->rel_alloc ? c->rel_alloc * 2 : 64;
			pg_rel *r = strata__realloc(c->rels, n * sizeof(*r));
			if (!r) {
				strata_error__oom();
				error = STRATA_ERROR;
				goto done;
			}
			c->rels = r;
			c->rel_alloc = n;
		}
		c->rels[c->rel_count].oid = strtoul(val(res, 0), NULL, 10);
		c->rels[c->rel_count].table = t;
		c->rels[c->rel_count].att_first = 0;
		c->rel_count++;
	}
	error = loop_end(error);
	if (!error && c->rel_count)
		qsort(c->rels, c->rel_count, sizeof(pg_rel), cmp_rel);
done:
	strata_result_free(res);
	return error;
}

static int read_enums(pg_ctx *c)
{
	strata_result *res = NULL;
	strata_enum *e = NULL;
	int error;

	if ((error = run(&res, c, enums_sql)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *name = val(res, 0);
		if (!e || strcmp(e->name, name))
			if ((error = strata_schema_add_enum(&e, c->schema,
				name)) < 0)
				goto done;
		if ((error = strata_strarray_add(&e->values, val(res, 1))) < 0)
			goto done;
	}
	error = loop_end(error);
done:
	strata_result_free(res);
	return error;
}

static int push_attnum(pg_ctx *c, long attnum)
{
	if (c->attnum_count == c->attnum_alloc) {
		size_t n = c->attnum_alloc ? c->attnum_alloc * 2 : 512;
		short *a = strata__realloc(c->attnums, n * sizeof(*a));
		STRATA_ERROR_CHECK_ALLOC(a);
		c->attnums = a;
		c->attnum_alloc = n;
	}
	c->attnums[c->attnum_count++] = (short)attnum;
	return 0;
}

/* Whether a default is nextval() of the sequence the column owns
 * (`owned` is its name as a quoted literal): a serial column. */
static int is_serial(const char *def, const char *owned)
{
	size_t n;

	if (!def || !owned || strncmp(def, "nextval(", 8))
		return 0;
	n = strlen(owned);
	return !strncmp(def + 8, owned, n) &&
		!strcmp(def + 8 + n, "::regclass)");
}

/* Whether a default is exactly nextval('<seq>'::regclass), seq being
 * the sequence's name as regclass prints it. */
static int is_nextval_of(pg_ctx *c, const char *def, const char *seq)
{
	const char *p;

	if (!def || !seq || strncmp(def, "nextval(", 8))
		return 0;
	strata_buf_clear(&c->tmp);
	strata_buf_puts(&c->tmp, "nextval('");
	for (p = seq; *p; p++) {
		if (*p == '\'')
			strata_buf_putc(&c->tmp, '\'');
		strata_buf_putc(&c->tmp, *p);
	}
	strata_buf_puts(&c->tmp, "'::regclass)");
	return !strcmp(def, c->tmp.ptr);
}

static int is_integer_kind(strata_type_kind k)
{
	return k == STRATA_TYPE_INTEGER || k == STRATA_TYPE_BIGINT ||
		k == STRATA_TYPE_SMALLINT;
}

/* A column whose type is a domain: read as the domain's base type (the
 * domain's constraints and default are not modelled), with a warning. */
static int read_domain_type(pg_ctx *c, const strata_table *t,
	strata_column *col, const strata_result *res)
{
	strata_buf ty = STRATA_BUF_INIT;
	const char *domain = val(res, 15), *base = val(res, 16);
	int error;

	if (!domain || !base)
		return 0;
	strata_type_dispose(&col->type);
	memset(&col->type, 0, sizeof(col->type));
	col->type.precision = col->type.scale = -1;
	if ((error = read_type(&col->type, c, base, is_true(val(res, 17)),
		val(res, 18))) < 0 ||
	    (error = strata_type_format(&ty, &col->type)) < 0)
		goto done;
	error = strata_schema_add_warning(c->schema, "domain '%s' of column "
		"'%s.%s' is not modelled: read as its base type %s", domain,
		t->name, col->name, ty.ptr);
done:
	strata_buf_dispose(&ty);
	return error;
}

static int read_column(pg_ctx *c, pg_rel *r, const strata_result *res)
{
	const char *comment = val(res, 8), *collation = val(res, 12);
	const char *identity = val(res, 6), *generated = val(res, 7);
	strata_column *col;
	int error;

	if ((error = push_attnum(c, strtol(val(res, 1), NULL, 10))) < 0 ||
	    (error = strata_table_add_column(&col, r->table,
		val(res, 2))) < 0)
		return error;
	col->nullable = !is_true(val(res, 4));
	if ((error = read_type(&col->type, c, val(res, 3),
		is_true(val(res, 9)), val(res, 10))) < 0 ||
	    (error = read_domain_type(c, r->table, col, res)) < 0)
		return error;
	if (comment && !(col->comment = strata__strdup(comment)))
		goto oom;
	if (collation && !(col->collation = strata__strdup(collation)))
		goto oom;
	if (identity && *identity) {
		col->autoincrement = 1;
		return 0;
	}
	if (generated && *generated)
		return strata_schema_add_warning(c->schema, "generated column "
			"'%s' of table '%s' is not modelled", col->name,
			r->table->name);
	if (is_serial(val(res, 5), val(res, 11)) &&
	    is_integer_kind(col->type.kind)) {
		col->autoincrement = 1;
		return 0;
	}
	/* A sequence no column owns, used by this default alone: the
	 * serial column of a dump without OWNED BY. */
	if (is_integer_kind(col->type.kind) &&
	    is_nextval_of(c, val(res, 5), val(res, 13))) {
		col->autoincrement = 1;
		if ((error = strata_strarray_add(&c->folded,
			val(res, 14))) < 0)
			return error;
		return strata_schema_add_warning(c->schema, "sequence '%s' of "
			"column '%s.%s' is not modelled: read as the column's "
			"autoincrement", val(res, 14), r->table->name,
			col->name);
	}
	return read_default(col, c, val(res, 5));
oom:
	strata_error__oom();
	return STRATA_ERROR;
}

static int read_columns(pg_ctx *c)
{
	strata_result *res = NULL;
	char last_oid[24] = "";
	pg_rel *r = NULL;
	int error;

	/* Rows come table by table: look each table up once. */
	if ((error = run(&res, c, columns_sql)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *oid = val(res, 0);
		if (strcmp(last_oid, oid)) {
			snprintf(last_oid, sizeof(last_oid), "%s", oid);
			if ((r = find_rel(c, oid)) != NULL)
				r->att_first = c->attnum_count;
		}
		if (r && (error = read_column(c, r, res)) < 0)
			goto done;
	}
	error = loop_end(error);
done:
	strata_result_free(res);
	return error;
}

static strata_fk_action fk_action(const char *code)
{
	switch (code ? *code : 'a') {
	case 'r':
		return STRATA_FK_RESTRICT;
	case 'c':
		return STRATA_FK_CASCADE;
	case 'n':
		return STRATA_FK_SET_NULL;
	case 'd':
		return STRATA_FK_SET_DEFAULT;
	default:
		return STRATA_FK_NO_ACTION;
	}
}

static int dup_name(char **out, const char *name)
{
	*out = strata__strdup(name);
	STRATA_ERROR_CHECK_ALLOC(*out);
	return 0;
}

static int read_constraint(pg_ctx *c, pg_rel *r, const strata_result *res)
{
	const char *name = val(res, 1), *type = val(res, 2);
	const char *keys = val(res, 3);
	strata_table *t = r->table;
	strata_constraint_head *h;
	int error;

	switch (*type) {
	case 'p':
		h = &t->pkey.h;
		break;
	case 'u': {
		strata_unique *u;
		if ((error = strata_table_add_unique(&u, t)) < 0)
			return error;
		h = &u->h;
		break;
	}
	case 'f': {
		strata_fkey *f;
		if ((error = strata_table_add_fkey(&f, t)) < 0 ||
		    (error = dup_name(&f->ref_table, val(res, 4))) < 0 ||
		    (error = add_text_array(&f->ref_columns, c,
			val(res, 5))) < 0)
			return error;
		f->on_update = fk_action(val(res, 6));
		f->on_delete = fk_action(val(res, 7));
		f->deferrable = is_true(val(res, 8));
		h = &f->h;
		break;
	}
	case 'c': {
		strata_check *k;
		const char *expr = val(res, 9);
		if ((error = strata_table_add_check(&k, t)) < 0 ||
		    (error = normalize_expr(&k->expr, c, t, expr ? expr : "",
			expr ? strlen(expr) : 0)) < 0)
			return error;
		return dup_name(&k->h.name, name);
	}
	default:
		return strata_schema_add_warning(c->schema, "exclusion "
			"constraint '%s' on table '%s' is not modelled", name,
			t->name);
	}
	if ((error = dup_name(&h->name, name)) < 0)
		return error;
	return add_attnum_columns(&h->columns, c, r, keys, 1600);
}

static int read_constraints(pg_ctx *c)
{
	strata_result *res = NULL;
	int error;

	if ((error = run(&res, c, constraints_sql)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		pg_rel *r = find_rel(c, val(res, 0));
		if (r && (error = read_constraint(c, r, res)) < 0)
			goto done;
	}
	error = loop_end(error);
done:
	strata_result_free(res);
	return error;
}

/* The key list of an index definition: what stands between the
 * parentheses after "USING <method> (". *rest receives what follows. */
static const char *index_keys(const char *def, const char *method,
	size_t *len, const char **rest)
{
	const char *p = def, *start;
	size_t mlen = strlen(method);
	int depth = 0;

	for (;;) {
		p = strstr(p, " USING ");
		if (!p)
			return NULL;
		p += 7;
		if (!strncmp(p, method, mlen) && !strncmp(p + mlen, " (", 2))
			break;
	}
	start = p = p + mlen + 2;
	for (; *p; p++) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			for (p++; *p && !(*p == q && p[1] != q); p++)
				if (*p == q)
					p++;
			if (!*p)
				break;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			if (!depth--)
				break;
		}
	}
	if (!*p)
		return NULL;
	*len = (size_t)(p - start);
	*rest = p + 1;
	return start;
}

static int read_index(pg_ctx *c, pg_rel *r, const strata_result *res)
{
	const char *name = val(res, 1), *method = val(res, 3);
	const char *def = val(res, 6), *where = val(res, 7);
	strata_table *t = r->table;
	strata_index *x;
	int error;

	if ((error = strata_table_add_index(&x, t)) < 0 ||
	    (error = dup_name(&x->h.name, name)) < 0)
		return error;
	x->unique = is_true(val(res, 2));
	if (strcmp(method, "btree") &&
	    (error = dup_name(&x->method, method)) < 0)
		return error;
	if (where && (error = normalize_expr(&x->where, c, t, where,
		strlen(where))) < 0)
		return error;
	if (def) {
		const char *rest = NULL, *keys;
		size_t len = 0;
		if (!(keys = index_keys(def, method, &len, &rest))) {
			strata_error__set(STRATA_ERROR_INTROSPECT,
				"cannot read the definition of index '%s': %s",
				name, def);
			return STRATA_ERROR;
		}
		if ((error = normalize_expr(&x->expr, c, t, keys, len)) < 0)
			return error;
		if (!strncmp(rest, " INCLUDE (", 10))
			return strata_schema_add_warning(c->schema, "INCLUDE "
				"columns of index '%s' on table '%s' are not "
				"modelled", name, t->name);
		return 0;
	}
	return add_attnum_columns(&x->h.columns, c, r, val(res, 5),
		strtol(val(res, 4), NULL, 10));
}

static int read_indexes(pg_ctx *c)
{
	strata_result *res = NULL;
	int error;

	if ((error = run(&res, c, indexes_sql)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		pg_rel *r = find_rel(c, val(res, 0));
		if (r && (error = read_index(c, r, res)) < 0)
			goto done;
	}
	error = loop_end(error);
done:
	strata_result_free(res);
	return error;
}

static int read_objects(pg_ctx *c)
{
	strata_result *res = NULL;
	int error;

	if ((error = run(&res, c, objects_sql)) < 0)
		return error;
	while ((error = strata_result_next(res)) == 0) {
		const char *kind = val(res, 0), *name = val(res, 1);
		const char *table = val(res, 2), *on = val(res, 3);
		size_t i;
		if (strata_introspect__excluded(c->opts, name) ||
		    (table && strata_introspect__excluded(c->opts, table)))
			continue;
		for (i = 0; !strcmp(kind, "sequence") &&
		     i < c->folded.count; i++)
			if (!strcmp(c->folded.strings[i], name))
				break;
		if (!strcmp(kind, "sequence") && i < c->folded.count)
			continue; /* reported with its column */
		if (!strcmp(kind, "partition"))
			error = strata_schema_add_warning(c->schema,
				"partition '%s' of table '%s' is not modelled",
				name, table);
		else if (!strcmp(kind, "inheritance"))
			error = strata_schema_add_warning(c->schema,
				"inheritance of table '%s' from '%s' is not "
				"modelled", name, table);
		else if (!strcmp(kind, "partitioning"))
			error = strata_schema_add_warning(c->schema,
				"partitioning of table '%s' is not modelled",
				name);
		else if (on)
			error = strata_schema_add_warning(c->schema, "%s '%s' "
				"on %s '%s' is not modelled", kind, name, on,
				table);
		else
			error = strata_schema_add_warning(c->schema, "%s '%s' "
				"is not modelled", kind, name);
		if (error < 0)
			goto done;
	}
	error = loop_end(error);
done:
	strata_result_free(res);
	return error;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int strata_introspect__pg(strata_schema *schema, strata_conn *conn,
	const strata_introspect_options *opts)
{
	strata_buf init = STRATA_BUF_INIT;
	pg_ctx c;
	int error;

	if (strata_conn_server_version(conn) < 120000) {
		strata_error__set(STRATA_ERROR_INTROSPECT, "introspection needs "
			"PostgreSQL 12 or later (the server is %s)",
			strata_conn_server_info(conn));
		return STRATA_EUNSUPPORTED;
	}
	memset(&c, 0, sizeof(c));
	c.schema = schema;
	c.conn = conn;
	c.opts = opts;
	c.nsp = opts && opts->schema ? opts->schema : "public";
	c.tmp = init;
	if ((error = read_tables(&c)) < 0 ||
	    (error = read_enums(&c)) < 0 ||
	    (error = read_columns(&c)) < 0 ||
	    (error = read_constraints(&c)) < 0 ||
	    (error = read_indexes(&c)) < 0 ||
	    (error = read_objects(&c)) < 0)
		goto done;
	if (schema->warnings.count > 1)
		qsort(schema->warnings.strings, schema->warnings.count,
			sizeof(char *), cmp_str);
done:
	strata__free(c.rels);
	strata__free(c.attnums);
	strata_strarray_dispose(&c.folded);
	strata_buf_dispose(&c.tmp);
	return error;
}
