/*
 * strata.yaml: loading, environments, ${VAR} interpolation, and the
 * precedence rules that pick the database URL.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include "yaml_util.h"

typedef enum {
	VALUE_TEXT,     /* any text; empty means unset */
	VALUE_PATH,     /* relative paths are taken from the file's folder */
	VALUE_NONEMPTY  /* text that must not be empty */
} value_kind;

typedef struct {
	const char *key;  /* the YAML key */
	size_t offset;    /* where it goes in strata_config */
	value_kind kind;  /* how the value is checked */
} config_key;

static const config_key keys[] = {
	{ "database_url", offsetof(strata_config, database_url), VALUE_TEXT },
	{ "models", offsetof(strata_config, models), VALUE_PATH },
	{ "migrations", offsetof(strata_config, migrations), VALUE_PATH },
	{ "version_table", offsetof(strata_config, version_table),
		VALUE_NONEMPTY },
	{ "templates", offsetof(strata_config, templates), VALUE_PATH },
	{ "schema", offsetof(strata_config, schema), VALUE_TEXT },
};

#define KEY_LIST "database_url, models, migrations, version_table, " \
	"templates"

static const char *lookup_env(strata_getenv_cb cb, void *payload,
	const char *name)
{
	return cb ? cb(name, payload) : NULL;
}

static int is_name_char(char c, int first)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(!first && c >= '0' && c <= '9');
}

/*
 * Expands ${VAR}, ${VAR:-default} and $$ in `in`. Messages never quote
 * the value, which may hold a password.
 */
static int interpolate(char **out, strata_yaml *y, const yaml_node_t *node,
	const char *in, strata_getenv_cb cb, void *payload)
{
	strata_buf b = STRATA_BUF_INIT;
	const char *p = in;
	char *name = NULL;
	int error = 0;

	*out = NULL;
	while (*p) {
		const char *close, *dflt, *val;
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
				"'${' without a closing '}' (write ${NAME}, "
				"${NAME:-default}, or $$ for a '$')");
			goto done;
		}
		dflt = strstr(p + 2, ":-");
		if (dflt && dflt > close)
			dflt = NULL;
		nlen = (size_t)((dflt ? dflt : close) - (p + 2));
		for (i = 0; i < nlen && is_name_char(p[2 + i], !i); i++)
			;
		if (!nlen || i != nlen) {
			error = strata_yaml__error(y, node, STRATA_ERROR_CONFIG,
				"bad variable name '%.*s' (write ${NAME} or "
				"${NAME:-default}; NAME is letters, digits "
				"and '_')", (int)nlen, p + 2);
			goto done;
		}
		name = strata__strndup(p + 2, nlen);
		if (!name) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		val = lookup_env(cb, payload, name);
		if (val && *val) {
			strata_buf_puts(&b, val);
		} else if (dflt) {
			strata_buf_put(&b, dflt + 2,
				(size_t)(close - dflt - 2));
		} else {
			error = strata_yaml__error(y, node, STRATA_ERROR_CONFIG,
				"environment variable %s is %s (write "
				"${%s:-default} to give a default)", name,
				val ? "empty" : "not set", name);
			goto done;
		}
		strata__free(name);
		name = NULL;
		p = close + 1;
	}
	*out = strata_buf_detach(&b);
	STRATA_ERROR_CHECK_ALLOC(*out);
done:
	strata__free(name);
	strata_buf_dispose(&b);
	return error;
}

static char *join_dir(const char *dir, const char *path)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t n;

	if (!dir || !*dir || path[0] == '/' || !strcmp(dir, "."))
		return strata__strdup(path);
	n = strlen(dir);
	if (strata_buf_printf(&b, "%s%s%s", dir, dir[n - 1] == '/' ? "" :
		"/", path) < 0) {
		strata_buf_dispose(&b);
		return NULL;
	}
	return strata_buf_detach(&b);
}

static const config_key *find_key(const char *k)
{
	size_t i;

	for (i = 0; i < STRATA_ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i].key, k))
			return &keys[i];
	return NULL;
}

/* Checks the keys of one mapping (top level or an environment). */
static int check_keys(strata_yaml *y, const yaml_node_t *map, int top)
{
	yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = strata_yaml__get(y, p->key);
		const char *k = strata_yaml__scalar(kn);

		if (!k)
			return strata_yaml__error(y, kn, STRATA_ERROR_CONFIG,
				"keys must be plain names");
		if ((top && !strcmp(k, "environments")) || find_key(k))
			continue;
		return strata_yaml__error(y, kn, STRATA_ERROR_CONFIG,
			"unknown key '%s' (expected " KEY_LIST "%s)", k,
			top ? ", schema or environments" : " or schema");
	}
	return 0;
}

/* Applies the values of one checked mapping. */
static int apply_mapping(strata_config *cfg, strata_yaml *y,
	const yaml_node_t *map, const char *dir, strata_getenv_cb cb,
	void *payload)
{
	yaml_node_pair_t *p;
	int error;

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = strata_yaml__get(y, p->key);
		yaml_node_t *vn = strata_yaml__get(y, p->value);
		const char *k = strata_yaml__scalar(kn), *v;
		const config_key *key = find_key(k);
		char *value = NULL, **slot;

		if (!key || strata_yaml__is_null(vn))
			continue;
		v = strata_yaml__scalar(vn);
		if (!v)
			return strata_yaml__error(y, vn, STRATA_ERROR_CONFIG,
				"'%s' must be a string", k);
		if ((error = interpolate(&value, y, vn, v, cb, payload)) < 0)
			return error;
		if (!*value && key->kind != VALUE_TEXT) {
			strata__free(value);
			return strata_yaml__error(y, vn, STRATA_ERROR_CONFIG,
				"'%s' is empty", k);
		}
		slot = (char **)((char *)cfg + key->offset);
		strata__free(*slot);
		*slot = NULL;
		if (!*value) {
			strata__free(value);
			continue;
		}
		if (key->kind == VALUE_PATH) {
			*slot = join_dir(dir, value);
			strata__free(value);
		} else {
			*slot = value;
		}
		STRATA_ERROR_CHECK_ALLOC(*slot);
	}
	return 0;
}

/* Appends the names of the environments, ", "-separated. */
static void list_environments(strata_buf *out, strata_yaml *y,
	const yaml_node_t *envs)
{
	yaml_node_pair_t *first = envs->data.mapping.pairs.start, *p;

	for (p = first; p < envs->data.mapping.pairs.top; p++)
		strata_buf_printf(out, "%s%s", p == first ? "" : ", ",
			strata_yaml__scalar(strata_yaml__get(y, p->key)));
}

/* Checks the root and every environment, then applies the top level and
 * the chosen environment. */
static int load_root(strata_config *cfg, strata_yaml *y,
	const yaml_node_t *root, const char *environment, const char *dir,
	strata_getenv_cb cb, void *payload)
{
	yaml_node_t *envs, *env = NULL;
	yaml_node_pair_t *p;
	int error;

	if (root->type != YAML_MAPPING_NODE)
		return strata_yaml__error(y, root, STRATA_ERROR_CONFIG,
			"the config must be a mapping of settings");
	if ((error = check_keys(y, root, 1)) < 0)
		return error;
	envs = strata_yaml__lookup(y, root, "environments");
	if (envs && strata_yaml__is_null(envs))
		envs = NULL;
	if (envs && envs->type != YAML_MAPPING_NODE)
		return strata_yaml__error(y, envs, STRATA_ERROR_CONFIG,
			"'environments' must be a mapping of names to "
			"settings");
	for (p = envs ? envs->data.mapping.pairs.start : NULL;
	     envs && p < envs->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = strata_yaml__get(y, p->key);
		yaml_node_t *vn = strata_yaml__get(y, p->value);

		if (!strata_yaml__scalar(kn))
			return strata_yaml__error(y, kn, STRATA_ERROR_CONFIG,
				"environment names must be plain names");
		if (vn->type != YAML_MAPPING_NODE)
			return strata_yaml__error(y, vn, STRATA_ERROR_CONFIG,
				"environment '%s' must be a mapping of "
				"settings", strata_yaml__scalar(kn));
		if ((error = check_keys(y, vn, 0)) < 0)
			return error;
	}
	if (environment) {
		env = strata_yaml__lookup(y, envs, environment);
		if (!env && envs && envs->data.mapping.pairs.start <
		    envs->data.mapping.pairs.top) {
			strata_buf known = STRATA_BUF_INIT;
			list_environments(&known, y, envs);
			error = strata_yaml__error(y, envs, STRATA_ERROR_CONFIG,
				"no environment named '%s' (known: %s)",
				environment, known.ptr);
			strata_buf_dispose(&known);
			return error;
		}
		if (!env)
			return strata_yaml__error(y, root, STRATA_ERROR_CONFIG,
				"no environment named '%s' (the config has no "
				"'environments')", environment);
	}
	if ((error = apply_mapping(cfg, y, root, dir, cb, payload)) < 0)
		return error;
	return env ? apply_mapping(cfg, y, env, dir, cb, payload) : 0;
}

static int set_default(char **slot, const char *dir, const char *value,
	int is_path)
{
	if (*slot)
		return 0;
	*slot = is_path ? join_dir(dir, value) : strata__strdup(value);
	STRATA_ERROR_CHECK_ALLOC(*slot);
	return 0;
}

int strata_config_load(strata_config **out, const char *path,
	const char *environment, strata_getenv_cb cb, void *payload)
{
	strata_yaml y = STRATA_YAML_INIT;
	strata_config *cfg;
	yaml_node_t *root;
	struct stat st;
	char *dir = NULL;
	int error = 0;

	STRATA_ASSERT_ARG(out);
	*out = NULL;
	cfg = strata__calloc(1, sizeof(*cfg));
	STRATA_ERROR_CHECK_ALLOC(cfg);

	if (path) {
		const char *slash = strrchr(path, '/');
		/* "a/b.yaml" -> "a", "/b.yaml" -> "/", "b.yaml" -> "" */
		dir = strata__strndup(path, slash ? (size_t)(slash - path +
			(slash == path)) : 0);
		cfg->path = strata__strdup(path);
		if (!dir || !cfg->path) {
			strata_error__oom();
			error = STRATA_ERROR;
			goto done;
		}
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			strata_error__set(STRATA_ERROR_CONFIG, "%s: is a "
				"directory, not a config file", path);
			error = STRATA_EINVALID;
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
			if ((error = load_root(cfg, &y, root, environment, dir,
				cb, payload)) < 0)
				goto done;
		} else if (environment) {
			error = strata_yaml__error(&y, NULL,
				STRATA_ERROR_CONFIG, "no environment named "
				"'%s' (the config is empty)", environment);
			goto done;
		}
	} else if (environment) {
		strata_error__set(STRATA_ERROR_CONFIG, "no environment named "
			"'%s': no config file was read", environment);
		error = STRATA_EINVALID;
		goto done;
	}
	if (environment && !(cfg->environment = strata__strdup(environment))) {
		strata_error__oom();
		error = STRATA_ERROR;
		goto done;
	}
	if ((error = set_default(&cfg->models, dir, "models", 1)) < 0 ||
	    (error = set_default(&cfg->migrations, dir, "migrations", 1)) < 0 ||
	    (error = set_default(&cfg->version_table, dir, "strata_history",
		0)) < 0)
		goto done;

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
	if (source)
		*source = NULL;
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
			"--url, set STRATA_DATABASE_URL, DATABASE_URL or "
			"SQLALCHEMY_DATABASE_URI, or set database_url in %s",
			cfg && cfg->path ? cfg->path : "strata.yaml");
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
