/*
 * strata.yaml: loading, environments, ${VAR} interpolation, and the
 * precedence rules that pick the database URL.
 */
#include <stdlib.h>
#include "yaml_util.h"

typedef struct {
	const char *key;
	size_t offset;
	int is_path; /* relative paths are taken from the file's folder */
} config_key;

static const config_key keys[] = {
	{ "database_url", offsetof(strata_config, database_url), 0 },
	{ "models", offsetof(strata_config, models), 1 },
	{ "migrations", offsetof(strata_config, migrations), 1 },
	{ "version_table", offsetof(strata_config, version_table), 0 },
	{ "templates", offsetof(strata_config, templates), 1 },
	{ "schema", offsetof(strata_config, schema), 0 },
};

static const char *lookup_env(strata_getenv_cb cb, void *payload,
	const char *name)
{
	return cb ? cb(name, payload) : NULL;
}

/* Expands ${VAR}, ${VAR:-default} and $$ in `in`. */
static int interpolate(char **out, strata_yaml *y, const yaml_node_t *node,
	const char *in, strata_getenv_cb cb, void *payload)
{
	strata_buf b = STRATA_BUF_INIT;
	const char *p = in;
	int error = 0;

	*out = NULL;
	while (*p) {
		const char *close, *dflt, *val;
		char *name = NULL;
		size_t nlen, i;

		if (p[0] == '$' && p[1] == '$') {
			strata_buf_putc(&b, '$');
			p += 2;
			continue;
		}
		if (p[0] != '$' || p[1] != '{') {
			strata_buf_putc(&b, *p++);
			continue;
		}
		close = strchr(p + 2, '}');
		if (!close) {
			error = strata_yaml__error(y, node, STRATA_ERROR_CONFIG,
				"unterminated '${' in '%s'", in);
			goto done;
		}
		dflt = strstr(p + 2, ":-");
		if (dflt && dflt > close)
			dflt = NULL;
		nlen = (size_t)((dflt ? dflt : close) - (p + 2));
		for (i = 0; i < nlen; i++) {
			char c = p[2 + i];
			if (!(c == '_' || (c >= 'A' && c <= 'Z') ||
			      (c >= 'a' && c <= 'z') ||
			      (i && c >= '0' && c <= '9')))
				break;
		}
		if (!nlen || i != nlen) {
			error = strata_yaml__error(y, node, STRATA_ERROR_CONFIG,
				"bad variable name '%.*s' in '${...}'",
				(int)nlen, p + 2);
			goto done;
		}
		name = strata__strndup(p + 2, nlen);
		STRATA_ERROR_CHECK_ALLOC(name);
		val = lookup_env(cb, payload, name);
		if (val && *val) {
			strata_buf_puts(&b, val);
		} else if (dflt) {
			strata_buf_put(&b, dflt + 2, (size_t)(close - dflt - 2));
		} else {
			error = strata_yaml__error(y, node, STRATA_ERROR_CONFIG,
				"environment variable %s is not set (write "
				"${%s:-default} to give a default)", name, name);
			strata__free(name);
			goto done;
		}
		strata__free(name);
		p = close + 1;
	}
	*out = strata_buf_detach(&b);
	STRATA_ERROR_CHECK_ALLOC(*out);
done:
	strata_buf_dispose(&b);
	return error;
}

static char *join_dir(const char *dir, const char *path)
{
	strata_buf b = STRATA_BUF_INIT;

	if (!dir || !*dir || path[0] == '/' || !strcmp(dir, "."))
		return strata__strdup(path);
	strata_buf_printf(&b, "%s/%s", dir, path);
	return strata_buf_detach(&b);
}

/* Applies the keys of one mapping (top level or an environment). */
static int apply_mapping(strata_config *cfg, strata_yaml *y,
	const yaml_node_t *map, int top, const char *dir,
	strata_getenv_cb cb, void *payload)
{
	yaml_node_pair_t *p;
	int error;

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = strata_yaml__get(y, p->key);
		yaml_node_t *vn = strata_yaml__get(y, p->value);
		const char *k = strata_yaml__scalar(kn), *v;
		char *value = NULL, **slot;
		size_t i;

		if (!k)
			return strata_yaml__error(y, kn, STRATA_ERROR_CONFIG,
				"keys must be plain names");
		if (top && !strcmp(k, "environments")) {
			if (vn->type != YAML_MAPPING_NODE)
				return strata_yaml__error(y, vn,
					STRATA_ERROR_CONFIG, "'environments' "
					"must be a mapping of names to settings");
			continue;
		}
		for (i = 0; i < STRATA_ARRAY_SIZE(keys); i++)
			if (!strcmp(keys[i].key, k))
				break;
		if (i == STRATA_ARRAY_SIZE(keys))
			return strata_yaml__error(y, kn, STRATA_ERROR_CONFIG,
				"unknown key '%s' (expected database_url, models, "
				"migrations, version_table, templates, schema%s)",
				k, top ? " or environments" : "");
		if (strata_yaml__is_null(vn))
			continue;
		v = strata_yaml__scalar(vn);
		if (!v)
			return strata_yaml__error(y, vn, STRATA_ERROR_CONFIG,
				"'%s' must be a string", k);
		if ((error = interpolate(&value, y, vn, v, cb, payload)) < 0)
			return error;
		slot = (char **)((char *)cfg + keys[i].offset);
		strata__free(*slot);
		if (keys[i].is_path) {
			*slot = join_dir(dir, value);
			strata__free(value);
		} else {
			*slot = value;
		}
		STRATA_ERROR_CHECK_ALLOC(*slot);
	}
	return 0;
}

static int set_default(char **slot, const char *value)
{
	if (*slot)
		return 0;
	*slot = strata__strdup(value);
	STRATA_ERROR_CHECK_ALLOC(*slot);
	return 0;
}

int strata_config_load(strata_config **out, const char *path,
	const char *environment, strata_getenv_cb cb, void *payload)
{
	strata_yaml y = STRATA_YAML_INIT;
	strata_config *cfg;
	yaml_node_t *root;
	char *dir = NULL;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	cfg = strata__calloc(1, sizeof(*cfg));
	STRATA_ERROR_CHECK_ALLOC(cfg);

	if (path) {
		const char *slash = strrchr(path, '/');
		dir = slash ? strata__strndup(path, (size_t)(slash - path + 1))
			: strata__strdup("");
		if (dir && *dir && dir[strlen(dir) - 1] == '/' &&
		    strlen(dir) > 1)
			dir[strlen(dir) - 1] = '\0';
		cfg->path = strata__strdup(path);
		if (!dir || !cfg->path) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		if ((error = strata_yaml__load_file(&y, path)) < 0) {
			if (error == STRATA_EINVALID)
				((strata_error *)strata_error_last())->klass =
					STRATA_ERROR_CONFIG;
			goto done;
		}
		root = strata_yaml__root(&y);
		if (root && !strata_yaml__is_null(root)) {
			yaml_node_t *envs;
			if (root->type != YAML_MAPPING_NODE) {
				error = strata_yaml__error(&y, root,
					STRATA_ERROR_CONFIG, "the config must "
					"be a mapping of settings");
				goto done;
			}
			if ((error = apply_mapping(cfg, &y, root, 1, dir, cb,
				payload)) < 0)
				goto done;
			envs = strata_yaml__lookup(&y, root, "environments");
			if (envs) {
				yaml_node_pair_t *p;
				for (p = envs->data.mapping.pairs.start;
				     p < envs->data.mapping.pairs.top; p++) {
					yaml_node_t *v = strata_yaml__get(&y,
						p->value);
					if (v->type != YAML_MAPPING_NODE) {
						error = strata_yaml__error(&y, v,
							STRATA_ERROR_CONFIG,
							"an environment must be a "
							"mapping of settings");
						goto done;
					}
				}
			}
			if (environment) {
				yaml_node_t *env = strata_yaml__lookup(&y, envs,
					environment);
				if (!env) {
					error = strata_yaml__error(&y,
						envs ? envs : root,
						STRATA_ERROR_CONFIG,
						"no environment named '%s' in "
						"'environments'", environment);
					goto done;
				}
				if ((error = apply_mapping(cfg, &y, env, 0, dir,
					cb, payload)) < 0)
					goto done;
			}
		} else if (environment) {
			error = strata_yaml__error(&y, NULL, STRATA_ERROR_CONFIG,
				"no environment named '%s' (the file is empty)",
				environment);
			goto done;
		}
	} else if (environment) {
		strata_error__set(STRATA_ERROR_CONFIG, "--env %s needs a "
			"config file, and none was found", environment);
		error = STRATA_EINVALID;
		goto done;
	}
	if (environment && !(cfg->environment = strata__strdup(environment))) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	{
		char *m = join_dir(dir, "models"), *g = join_dir(dir,
			"migrations");
		if (!m || !g ||
		    set_default(&cfg->models, m) < 0 ||
		    set_default(&cfg->migrations, g) < 0 ||
		    set_default(&cfg->version_table, "strata_history") < 0)
			error = STRATA_ERROR;
		strata__free(m);
		strata__free(g);
	}

done:
	strata_yaml__dispose(&y);
	strata__free(dir);
	if (error < 0) {
		strata_config_free(cfg);
		return error;
	}
	*out = cfg;
	return 0;
}

int strata_config_resolve_url(char **out, const char **source,
	const strata_config *cfg, const char *cli_url, strata_getenv_cb cb,
	void *payload)
{
	static const char *const vars[] = { "STRATA_DATABASE_URL",
		"DATABASE_URL", "SQLALCHEMY_DATABASE_URI" };
	const char *url = NULL, *src = NULL;
	size_t i;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	if (cli_url) {
		url = cli_url;
		src = "--url";
	}
	for (i = 0; !url && i < STRATA_ARRAY_SIZE(vars); i++) {
		const char *v = lookup_env(cb, payload, vars[i]);
		if (v && *v) {
			url = v;
			src = vars[i];
		}
	}
	if (!url && cfg && cfg->database_url) {
		url = cfg->database_url;
		src = cfg->path ? cfg->path : "config";
	}
	if (!url) {
		strata_error__set(STRATA_ERROR_CONFIG, "no database URL: pass "
			"--url, set STRATA_DATABASE_URL (or DATABASE_URL), or "
			"set database_url in strata.yaml");
		return STRATA_ENOTFOUND;
	}
	*out = strata__strdup(url);
	STRATA_ERROR_CHECK_ALLOC(*out);
	if (source)
		*source = src;
	return 0;
}

void strata_config_free(strata_config *cfg)
{
	if (!cfg)
		return;
	strata__free(cfg->path);
	strata__free(cfg->environment);
	strata__free(cfg->database_url);
	strata__free(cfg->models);
	strata__free(cfg->migrations);
	strata__free(cfg->version_table);
	strata__free(cfg->templates);
	strata__free(cfg->schema);
	strata__free(cfg);
}
