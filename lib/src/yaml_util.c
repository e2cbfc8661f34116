/*
 * libyaml document loading with file:line:column errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "yaml_util.h"

static int parse(strata_yaml *y, yaml_parser_t *parser, int klass)
{
	if (!yaml_parser_load(parser, &y->doc)) {
		const char *problem = parser->problem ? parser->problem :
			"invalid YAML";
		yaml_mark_t mark = parser->problem_mark;
		if (parser->error == YAML_MEMORY_ERROR) {
			strata_error__oom();
			return STRATA_ERROR;
		}
		if (parser->context)
			strata_error__set(klass, "%s:%lu:%lu: %s %s",
				y->path, (unsigned long)mark.line + 1,
				(unsigned long)mark.column + 1, problem,
				parser->context);
		else
			strata_error__set(klass, "%s:%lu:%lu: %s", y->path,
				(unsigned long)mark.line + 1,
				(unsigned long)mark.column + 1, problem);
		return STRATA_EINVALID;
	}
	y->loaded = 1;
	return 0;
}

int strata_yaml__load_string(strata_yaml *y, const char *name,
	const char *text, size_t len)
{
	yaml_parser_t parser;
	int error;

	y->path = strata__strdup(name);
	STRATA_ERROR_CHECK_ALLOC(y->path);
	if (!yaml_parser_initialize(&parser)) {
		strata_error__oom();
		return STRATA_ERROR;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
		len);
	error = parse(y, &parser, STRATA_ERROR_MODEL);
	yaml_parser_delete(&parser);
	return error;
}

int strata_yaml__load_file(strata_yaml *y, const char *path)
{
	yaml_parser_t parser;
	FILE *fp;
	int error;

	y->path = strata__strdup(path);
	STRATA_ERROR_CHECK_ALLOC(y->path);
	fp = fopen(path, "rb");
	if (!fp) {
		int e = errno;
		strata_error__set(STRATA_ERROR_OS, "%s: cannot open: %s", path,
			strerror(e));
		return e == ENOENT ? STRATA_ENOTFOUND : STRATA_ERROR;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(fp);
		strata_error__oom();
		return STRATA_ERROR;
	}
	yaml_parser_set_input_file(&parser, fp);
	error = parse(y, &parser, STRATA_ERROR_MODEL);
	yaml_parser_delete(&parser);
	fclose(fp);
	return error;
}

void strata_yaml__dispose(strata_yaml *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
	strata__free(y->path);
	y->path = NULL;
}

yaml_node_t *strata_yaml__root(strata_yaml *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *strata_yaml__get(strata_yaml *y, int id)
{
	return yaml_document_get_node(&y->doc, id);
}

int strata_yaml__error(strata_yaml *y, const yaml_node_t *node, int klass,
	const char *fmt, ...)
{
	strata_buf msg = STRATA_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strata_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (node)
		strata_error__set(klass, "%s:%lu:%lu: %s", y->path,
			strata_yaml__line(node), strata_yaml__col(node),
			msg.ptr);
	else
		strata_error__set(klass, "%s:1:1: %s", y->path, msg.ptr);
	strata_buf_dispose(&msg);
	return STRATA_EINVALID;
}

const char *strata_yaml__scalar(const yaml_node_t *node)
{
	if (!node || node->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)node->data.scalar.value;
}

int strata_yaml__is_plain(const yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE &&
		node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

yaml_node_t *strata_yaml__lookup(strata_yaml *y, const yaml_node_t *map,
	const char *key)
{
	yaml_node_pair_t *p;

	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const char *k = strata_yaml__scalar(strata_yaml__get(y, p->key));
		if (k && !strcmp(k, key))
			return strata_yaml__get(y, p->value);
	}
	return NULL;
}

int strata_yaml__is_null(const yaml_node_t *node)
{
	const char *s = strata_yaml__scalar(node);

	if (!s || !strata_yaml__is_plain(node))
		return 0;
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") ||
		!strcmp(s, "Null") || !strcmp(s, "NULL");
}

int strata_yaml__bool(const yaml_node_t *node)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes",
		"Yes", "YES", "on", "On", "ON" };
	static const char *const no[] = { "false", "False", "FALSE", "no",
		"No", "NO", "off", "Off", "OFF" };
	const char *s = strata_yaml__scalar(node);
	size_t i;

	if (!s || !strata_yaml__is_plain(node))
		return -1;
	for (i = 0; i < STRATA_ARRAY_SIZE(yes); i++) {
		if (!strcmp(s, yes[i]))
			return 1;
		if (!strcmp(s, no[i]))
			return 0;
	}
	return -1;
}
