/*
 * Unit tests of strata.yaml loading: defaults, paths relative to the file,
 * ${VAR} interpolation through a fake environment, environments, the exact
 * "file:line:column: message" errors, and the database URL precedence.
 */
#include <sys/stat.h>
#include <unistd.h>
#include "check_strata.h"

#define PW "s3cretPW"

/* A fake environment: a table ending with { NULL, NULL }. */
typedef struct {
	const char *name;
	const char *value;
} env_var;

static const char *fake_getenv(const char *name, void *payload)
{
	const env_var *v;

	for (v = payload; v && v->name; v++)
		if (!strcmp(v->name, name))
			return v->value;
	return NULL;
}

static char *tmp;

static void setup(void)
{
	tmp = strata_test_tmpdir();
	ck_assert_ptr_nonnull(tmp);
}

static void teardown(void)
{
	strata_test_rm_rf(tmp);
	free(tmp);
	tmp = NULL;
}

/* "<tmp>/<name>" (free() it). */
static char *tmp_path(const char *name)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_buf_printf(&b, "%s/%s", tmp, name));
	return strata_buf_detach(&b);
}

/* Writes <tmp>/<name> and returns its path (free() it). */
static char *write_config(const char *name, const char *text)
{
	char *path = tmp_path(name);

	ck_assert_int_eq(strata_test_write_file(path, text), 0);
	return path;
}

static strata_config *load_ok(const char *path, const char *env,
	const env_var *vars)
{
	strata_config *cfg = NULL;

	ck_assert_strata_ok(strata_config_load(&cfg, path, env, fake_getenv,
		(void *)vars));
	ck_assert_ptr_nonnull(cfg);
	return cfg;
}

/* Asserts loading fails with EINVALID and "<path><where_what>". */
static void load_fails(const char *path, const char *env,
	const env_var *vars, const char *where_what)
{
	strata_config *cfg = (strata_config *)1;
	strata_buf want = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_buf_printf(&want, "%s%s", path,
		where_what));
	ck_assert_strata_fails(strata_config_load(&cfg, path, env,
		fake_getenv, (void *)vars), STRATA_EINVALID, want.ptr);
	ck_assert_ptr_null(cfg);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_CONFIG);
	ck_assert_msg(!strstr(strata_error_last()->message, PW),
		"password in '%s'", strata_error_last()->message);
	strata_buf_dispose(&want);
}

/* Asserts *got is "<tmp>/<rel>". */
static void assert_in_tmp(const char *got, const char *rel)
{
	char *want = tmp_path(rel);

	ck_assert_str_eq(got, want);
	free(want);
}

#define KEYS "database_url, models, migrations, version_table, templates"

START_TEST(test_config__defaults_without_a_file)
{
	strata_config *cfg = load_ok(NULL, NULL, NULL);

	ck_assert_ptr_null(cfg->path);
	ck_assert_ptr_null(cfg->environment);
	ck_assert_ptr_null(cfg->database_url);
	ck_assert_str_eq(cfg->models, "models");
	ck_assert_str_eq(cfg->migrations, "migrations");
	ck_assert_str_eq(cfg->version_table, "strata_history");
	ck_assert_ptr_null(cfg->templates);
	ck_assert_ptr_null(cfg->schema);
	strata_config_free(cfg);
	strata_config_free(NULL);
}
END_TEST

START_TEST(test_config__every_key_and_relative_paths)
{
	char *path = write_config("strata.yaml",
		"# project settings\n"
		"database_url: sqlite:///app.db\n"
		"models: models/\n"
		"migrations: db/migrations\n"
		"version_table: app_history\n"
		"templates: /opt/strata/templates\n"
		"schema: app\n");
	strata_config *cfg = load_ok(path, NULL, NULL);

	ck_assert_str_eq(cfg->path, path);
	ck_assert_ptr_null(cfg->environment);
	/* URLs are not rebased: a SQLite path is taken from the cwd. */
	ck_assert_str_eq(cfg->database_url, "sqlite:///app.db");
	assert_in_tmp(cfg->models, "models/");
	assert_in_tmp(cfg->migrations, "db/migrations");
	ck_assert_str_eq(cfg->version_table, "app_history");
	ck_assert_str_eq(cfg->templates, "/opt/strata/templates");
	ck_assert_str_eq(cfg->schema, "app");
	strata_config_free(cfg);
	free(path);
}
END_TEST

START_TEST(test_config__defaults_are_next_to_the_file)
{
	char *dir = tmp_path("conf"), *path;
	strata_config *cfg;

	ck_assert_int_eq(mkdir(dir, 0700), 0);
	path = write_config("conf/strata.yaml", "models: ../models\n"
		"templates: ./tpl\n");
	cfg = load_ok(path, NULL, NULL);
	assert_in_tmp(cfg->models, "conf/../models");
	assert_in_tmp(cfg->migrations, "conf/migrations");
	assert_in_tmp(cfg->templates, "conf/./tpl");
	ck_assert_str_eq(cfg->version_table, "strata_history");
	ck_assert_ptr_null(cfg->database_url);
	strata_config_free(cfg);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_config__directory_with_trailing_slash)
{
	char *path = write_config("strata.yaml", "migrations: mig\n");
	strata_buf doubled = STRATA_BUF_INIT;
	strata_config *cfg;

	ck_assert_strata_ok(strata_buf_printf(&doubled, "%s//strata.yaml",
		tmp));
	cfg = load_ok(doubled.ptr, NULL, NULL);
	assert_in_tmp(cfg->models, "models");
	assert_in_tmp(cfg->migrations, "mig");
	strata_config_free(cfg);
	strata_buf_dispose(&doubled);
	free(path);
}
END_TEST

START_TEST(test_config__file_in_the_current_directory)
{
	char *path = write_config("strata.yaml", "models: m\n");
	char cwd[4096];
	strata_config *cfg;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(tmp), 0);
	cfg = load_ok("strata.yaml", NULL, NULL);
	ck_assert_str_eq(cfg->path, "strata.yaml");
	ck_assert_str_eq(cfg->models, "m");
	ck_assert_str_eq(cfg->migrations, "migrations");
	strata_config_free(cfg);
	cfg = load_ok("./strata.yaml", NULL, NULL);
	ck_assert_str_eq(cfg->models, "m");
	ck_assert_str_eq(cfg->migrations, "migrations");
	strata_config_free(cfg);
	ck_assert_int_eq(chdir(cwd), 0);
	free(path);
}
END_TEST

START_TEST(test_config__interpolation)
{
	static const env_var vars[] = {
		{ "DB_USER", "alice" },
		{ "DB_PASS", "" },
		{ "DB_HOST", "db.internal" },
		{ "APP", "shop" },
		{ NULL, NULL }
	};
	char *path = write_config("strata.yaml",
		"database_url: \"postgresql://${DB_USER}:${DB_PASS:-none}@"
		"${DB_HOST:-localhost}:${DB_PORT:-5432}/${APP}\"\n"
		"version_table: cost_$$history_${SUFFIX:-v1}$$\n"
		"models: $HOME/models_$APP\n"
		"migrations: ${MIG:-sqlite:///x.db}\n"
		"schema: ${SCHEMA:-}\n");
	strata_config *cfg = load_ok(path, NULL, vars);

	ck_assert_str_eq(cfg->database_url,
		"postgresql://alice:none@db.internal:5432/shop");
	ck_assert_str_eq(cfg->version_table, "cost_$history_v1$");
	/* Only ${...} is expanded; $NAME stays as written. */
	assert_in_tmp(cfg->models, "$HOME/models_$APP");
	assert_in_tmp(cfg->migrations, "sqlite:///x.db");
	/* An empty text value means unset. */
	ck_assert_ptr_null(cfg->schema);
	strata_config_free(cfg);
	free(path);
}
END_TEST

START_TEST(test_config__unset_variable_is_an_error)
{
	static const env_var empty[] = {
		{ "DATABASE_URL", "" }, { NULL, NULL }
	};
	char *path = write_config("strata.yaml", "models: models\n"
		"database_url: ${DATABASE_URL}\n");

	load_fails(path, NULL, NULL, ":2:15: environment variable "
		"DATABASE_URL is not set (write ${DATABASE_URL:-default} to "
		"give a default)");
	load_fails(path, NULL, empty, ":2:15: environment variable "
		"DATABASE_URL is empty (write ${DATABASE_URL:-default} to "
		"give a default)");
	free(path);

	/* A quoted value is located at its opening quote. */
	path = write_config("quoted.yaml",
		"database_url: \"postgresql://u:" PW "@h/${DB_NAME}\"\n");
	load_fails(path, NULL, NULL, ":1:15: environment variable DB_NAME "
		"is not set (write ${DB_NAME:-default} to give a default)");
	free(path);
}
END_TEST

START_TEST(test_config__bad_interpolation_syntax)
{
	char *path;

	path = write_config("a.yaml",
		"database_url: \"postgresql://u:" PW "@h/${DB\"\n");
	load_fails(path, NULL, NULL, ":1:15: '${' without a closing '}' "
		"(write ${NAME}, ${NAME:-default}, or $$ for a '$')");
	free(path);

	path = write_config("b.yaml", "models: ${1X}\n");
	load_fails(path, NULL, NULL, ":1:9: bad variable name '1X' (write "
		"${NAME} or ${NAME:-default}; NAME is letters, digits and "
		"'_')");
	free(path);

	path = write_config("c.yaml", "models: x\nmigrations: ${}\n");
	load_fails(path, NULL, NULL, ":2:13: bad variable name '' (write "
		"${NAME} or ${NAME:-default}; NAME is letters, digits and "
		"'_')");
	free(path);

	path = write_config("d.yaml", "schema: ${A-b}\n");
	load_fails(path, NULL, NULL, ":1:9: bad variable name 'A-b' (write "
		"${NAME} or ${NAME:-default}; NAME is letters, digits and "
		"'_')");
	free(path);
}
END_TEST

static const char envs_yaml[] =
	"database_url: sqlite:///app.db\n"
	"models: models/\n"
	"version_table: strata_history\n"
	"environments:\n"
	"  test:\n"
	"    database_url: sqlite:///test.db\n"
	"    version_table: test_history\n"
	"  production:\n"
	"    database_url: \"${DATABASE_URL}\"\n"
	"    migrations: /srv/app/migrations\n";

START_TEST(test_config__environment_overrides_top_level)
{
	static const env_var prod[] = {
		{ "DATABASE_URL", "postgresql://app@db/prod" },
		{ NULL, NULL }
	};
	char *path = write_config("strata.yaml", envs_yaml);
	strata_config *cfg;

	/* No environment: the top level only; others are not expanded. */
	cfg = load_ok(path, NULL, NULL);
	ck_assert_ptr_null(cfg->environment);
	ck_assert_str_eq(cfg->database_url, "sqlite:///app.db");
	ck_assert_str_eq(cfg->version_table, "strata_history");
	strata_config_free(cfg);

	cfg = load_ok(path, "test", NULL);
	ck_assert_str_eq(cfg->environment, "test");
	ck_assert_str_eq(cfg->database_url, "sqlite:///test.db");
	ck_assert_str_eq(cfg->version_table, "test_history");
	assert_in_tmp(cfg->models, "models/");
	assert_in_tmp(cfg->migrations, "migrations");
	strata_config_free(cfg);

	cfg = load_ok(path, "production", prod);
	ck_assert_str_eq(cfg->environment, "production");
	ck_assert_str_eq(cfg->database_url, "postgresql://app@db/prod");
	ck_assert_str_eq(cfg->migrations, "/srv/app/migrations");
	ck_assert_str_eq(cfg->version_table, "strata_history");
	strata_config_free(cfg);

	load_fails(path, "production", NULL, ":9:19: environment variable "
		"DATABASE_URL is not set (write ${DATABASE_URL:-default} to "
		"give a default)");
	free(path);
}
END_TEST

START_TEST(test_config__flow_style_environments)
{
	char *path = write_config("strata.yaml",
		"database_url: sqlite:///app.db\n"
		"environments:\n"
		"  test:       {database_url: \"sqlite:///test.db\"}\n"
		"  production: {database_url: \"${DATABASE_URL}\"}\n");
	strata_config *cfg = load_ok(path, "test", NULL);

	ck_assert_str_eq(cfg->database_url, "sqlite:///test.db");
	strata_config_free(cfg);
	free(path);
}
END_TEST

START_TEST(test_config__empty_environment_value_unsets_the_url)
{
	char *path = write_config("strata.yaml",
		"database_url: sqlite:///app.db\n"
		"environments:\n"
		"  ci:\n"
		"    database_url: ${CI_DATABASE_URL:-}\n"
		"  keep:\n"
		"    database_url: ~\n"
		"    models:\n");
	strata_config *cfg;

	cfg = load_ok(path, "ci", NULL);
	ck_assert_ptr_null(cfg->database_url);
	strata_config_free(cfg);
	/* A null value leaves the setting as it was. */
	cfg = load_ok(path, "keep", NULL);
	ck_assert_str_eq(cfg->database_url, "sqlite:///app.db");
	assert_in_tmp(cfg->models, "models");
	strata_config_free(cfg);
	free(path);
}
END_TEST

START_TEST(test_config__unknown_environment)
{
	char *path = write_config("strata.yaml", envs_yaml);

	load_fails(path, "staging", NULL, ":5:3: no environment named "
		"'staging' (known: test, production)");
	free(path);

	path = write_config("none.yaml", "models: m\n");
	load_fails(path, "test", NULL, ":1:1: no environment named 'test' "
		"(the config has no 'environments')");
	free(path);

	path = write_config("null.yaml", "models: m\nenvironments:\n");
	load_fails(path, "test", NULL, ":1:1: no environment named 'test' "
		"(the config has no 'environments')");
	free(path);

	path = write_config("emptymap.yaml", "environments: {}\n");
	load_fails(path, "test", NULL, ":1:1: no environment named 'test' "
		"(the config has no 'environments')");
	free(path);

	path = write_config("empty.yaml", "");
	load_fails(path, "test", NULL, ":1:1: no environment named 'test' "
		"(the config is empty)");
	free(path);
}
END_TEST

START_TEST(test_config__environment_without_a_file)
{
	strata_config *cfg = (strata_config *)1;

	ck_assert_strata_fails(strata_config_load(&cfg, NULL, "test",
		fake_getenv, NULL), STRATA_EINVALID,
		"no environment named 'test': no config file was read");
	ck_assert_ptr_null(cfg);
}
END_TEST

START_TEST(test_config__unknown_keys)
{
	char *path;

	path = write_config("top.yaml", "database_url: sqlite:///app.db\n"
		"models: models\n"
		"model: x\n");
	load_fails(path, NULL, NULL, ":3:1: unknown key 'model' (expected "
		KEYS ", schema or environments)");
	free(path);

	/* Inside an environment, even one that is not chosen. */
	path = write_config("env.yaml", "database_url: sqlite:///app.db\n"
		"environments:\n"
		"  test:\n"
		"    database_url: sqlite:///test.db\n"
		"  production:\n"
		"    databse_url: x\n");
	load_fails(path, NULL, NULL, ":6:5: unknown key 'databse_url' "
		"(expected " KEYS " or schema)");
	load_fails(path, "test", NULL, ":6:5: unknown key 'databse_url' "
		"(expected " KEYS " or schema)");
	free(path);

	path = write_config("nested.yaml", "environments:\n"
		"  test: {environments: {}}\n");
	load_fails(path, "test", NULL, ":2:10: unknown key 'environments' "
		"(expected " KEYS " or schema)");
	free(path);

	path = write_config("complex.yaml", "? [a, b]\n: c\n");
	load_fails(path, NULL, NULL, ":1:3: keys must be plain names");
	free(path);
}
END_TEST

START_TEST(test_config__bad_values)
{
	char *path;

	path = write_config("a.yaml", "models: [a, b]\n");
	load_fails(path, NULL, NULL, ":1:9: 'models' must be a string");
	free(path);

	path = write_config("b.yaml", "models: \"\"\n");
	load_fails(path, NULL, NULL, ":1:9: 'models' is empty");
	free(path);

	path = write_config("c.yaml", "version_table: ${T:-}\n");
	load_fails(path, NULL, NULL, ":1:16: 'version_table' is empty");
	free(path);

	path = write_config("d.yaml", "environments: [test]\n");
	load_fails(path, NULL, NULL, ":1:15: 'environments' must be a "
		"mapping of names to settings");
	free(path);

	path = write_config("e.yaml", "environments:\n"
		"  test: sqlite:///x.db\n");
	load_fails(path, NULL, NULL, ":2:9: environment 'test' must be a "
		"mapping of settings");
	free(path);

	path = write_config("f.yaml", "environments:\n"
		"  [a]: {}\n");
	load_fails(path, NULL, NULL, ":2:3: environment names must be "
		"plain names");
	free(path);
}
END_TEST

START_TEST(test_config__root_must_be_a_mapping)
{
	char *path;

	path = write_config("list.yaml", "- database_url\n- models\n");
	load_fails(path, NULL, NULL, ":1:1: the config must be a mapping "
		"of settings");
	free(path);

	path = write_config("scalar.yaml", "\nsqlite:///app.db\n");
	load_fails(path, NULL, NULL, ":2:1: the config must be a mapping "
		"of settings");
	free(path);
}
END_TEST

START_TEST(test_config__empty_file_gives_defaults)
{
	char *path = write_config("strata.yaml", "# nothing yet\n");
	strata_config *cfg = load_ok(path, NULL, NULL);

	ck_assert_str_eq(cfg->path, path);
	ck_assert_ptr_null(cfg->database_url);
	assert_in_tmp(cfg->models, "models");
	assert_in_tmp(cfg->migrations, "migrations");
	ck_assert_str_eq(cfg->version_table, "strata_history");
	strata_config_free(cfg);
	free(path);

	path = write_config("null.yaml", "~\n");
	cfg = load_ok(path, NULL, NULL);
	assert_in_tmp(cfg->models, "models");
	strata_config_free(cfg);
	free(path);
}
END_TEST

START_TEST(test_config__bad_yaml)
{
	char *path;

	path = write_config("quote.yaml", "database_url: \"sqlite:///x.db\n"
		"models: m\n");
	load_fails(path, NULL, NULL, ":3:1: found unexpected end of stream "
		"while scanning a quoted scalar");
	free(path);

	path = write_config("indent.yaml", "models: a\n  migrations: b\n");
	load_fails(path, NULL, NULL, ":2:13: mapping values are not "
		"allowed in this context");
	free(path);

	path = write_config("tab.yaml", "models: a\n\tmigrations: b\n");
	load_fails(path, NULL, NULL, ":2:1: found a tab character that "
		"violates indentation while scanning a plain scalar");
	free(path);

	path = write_config("flow.yaml", "models: [a\n");
	load_fails(path, NULL, NULL, ":2:1: did not find expected ',' or "
		"']' while parsing a flow sequence");
	free(path);
}
END_TEST

START_TEST(test_config__missing_file_and_directory)
{
	strata_config *cfg = (strata_config *)1;
	char *path = tmp_path("nope.yaml");
	strata_buf want = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_buf_printf(&want,
		"%s: cannot open: No such file or directory", path));
	ck_assert_strata_fails(strata_config_load(&cfg, path, NULL, NULL,
		NULL), STRATA_ENOTFOUND, want.ptr);
	ck_assert_ptr_null(cfg);
	strata_buf_dispose(&want);
	free(path);

	ck_assert_strata_ok(strata_buf_printf(&want,
		"%s: is a directory, not a config file", tmp));
	ck_assert_strata_fails(strata_config_load(&cfg, tmp, NULL, NULL,
		NULL), STRATA_EINVALID, want.ptr);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_CONFIG);
	strata_buf_dispose(&want);

	ck_assert_strata_fails(strata_config_load(NULL, NULL, NULL, NULL,
		NULL), STRATA_EINVALID,
		"invalid argument: 'out' (strata_config_load)");
}
END_TEST

START_TEST(test_config__url_precedence)
{
	env_var vars[] = {
		{ "STRATA_DATABASE_URL", "sqlite:///strata.db" },
		{ "DATABASE_URL", "sqlite:///database.db" },
		{ "SQLALCHEMY_DATABASE_URI", "sqlite:///sqlalchemy.db" },
		{ NULL, NULL }
	};
	char *path = write_config("strata.yaml",
		"database_url: sqlite:///config.db\n");
	strata_config *cfg = load_ok(path, NULL, NULL);
	const char *source = NULL;
	char *url = NULL;

	ck_assert_strata_ok(strata_config_resolve_url(&url, &source, cfg,
		"sqlite:///cli.db", fake_getenv, vars));
	ck_assert_str_eq(url, "sqlite:///cli.db");
	ck_assert_str_eq(source, "--url");
	free(url);

	ck_assert_strata_ok(strata_config_resolve_url(&url, &source, cfg,
		NULL, fake_getenv, vars));
	ck_assert_str_eq(url, "sqlite:///strata.db");
	ck_assert_str_eq(source, "STRATA_DATABASE_URL");
	free(url);

	/* An empty variable counts as unset. */
	vars[0].value = "";
	ck_assert_strata_ok(strata_config_resolve_url(&url, &source, cfg,
		NULL, fake_getenv, vars));
	ck_assert_str_eq(url, "sqlite:///database.db");
	ck_assert_str_eq(source, "DATABASE_URL");
	free(url);

	vars[1].value = NULL;
	ck_assert_strata_ok(strata_config_resolve_url(&url, &source, cfg,
		NULL, fake_getenv, vars));
	ck_assert_str_eq(url, "sqlite:///sqlalchemy.db");
	ck_assert_str_eq(source, "SQLALCHEMY_DATABASE_URI");
	free(url);

	vars[2].value = NULL;
	ck_assert_strata_ok(strata_config_resolve_url(&url, &source, cfg,
		NULL, fake_getenv, vars));
	ck_assert_str_eq(url, "sqlite:///config.db");
	ck_assert_str_eq(source, path);
	free(url);

	/* The source may be left out, and so may the callback. */
	ck_assert_strata_ok(strata_config_resolve_url(&url, NULL, cfg, NULL,
		NULL, NULL));
	ck_assert_str_eq(url, "sqlite:///config.db");
	free(url);

	/* --url wins even when it is the only source. */
	ck_assert_strata_ok(strata_config_resolve_url(&url, &source, NULL,
		"mysql://u@h/db", NULL, NULL));
	ck_assert_str_eq(url, "mysql://u@h/db");
	ck_assert_str_eq(source, "--url");
	free(url);

	strata_config_free(cfg);
	free(path);
}
END_TEST

START_TEST(test_config__no_url_anywhere)
{
	static const env_var blank[] = {
		{ "STRATA_DATABASE_URL", "" }, { "DATABASE_URL", "" },
		{ NULL, NULL }
	};
	char *path = write_config("strata.yaml", "models: m\n");
	strata_config *cfg = load_ok(path, NULL, NULL);
	strata_config *none = load_ok(NULL, NULL, NULL);
	const char *source = "x";
	char *url = (char *)1;
	strata_buf want = STRATA_BUF_INIT;

	ck_assert_strata_ok(strata_buf_printf(&want, "no database URL: pass "
		"--url, set STRATA_DATABASE_URL, DATABASE_URL or "
		"SQLALCHEMY_DATABASE_URI, or set database_url in %s", path));
	ck_assert_strata_fails(strata_config_resolve_url(&url, &source, cfg,
		NULL, fake_getenv, (void *)blank), STRATA_ENOTFOUND, want.ptr);
	ck_assert_ptr_null(url);
	ck_assert_ptr_null(source);
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_CONFIG);

	ck_assert_strata_fails(strata_config_resolve_url(&url, &source, none,
		NULL, NULL, NULL), STRATA_ENOTFOUND, "no database URL: pass "
		"--url, set STRATA_DATABASE_URL, DATABASE_URL or "
		"SQLALCHEMY_DATABASE_URI, or set database_url in strata.yaml");
	ck_assert_strata_fails(strata_config_resolve_url(&url, NULL, NULL,
		NULL, NULL, NULL), STRATA_ENOTFOUND, "no database URL: pass "
		"--url, set STRATA_DATABASE_URL, DATABASE_URL or "
		"SQLALCHEMY_DATABASE_URI, or set database_url in strata.yaml");
	strata_buf_dispose(&want);
	strata_config_free(none);
	strata_config_free(cfg);
	free(path);
}
END_TEST

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_config__defaults_without_a_file);
	tcase_add_test(tc, test_config__every_key_and_relative_paths);
	tcase_add_test(tc, test_config__defaults_are_next_to_the_file);
	tcase_add_test(tc, test_config__directory_with_trailing_slash);
	tcase_add_test(tc, test_config__file_in_the_current_directory);
	tcase_add_test(tc, test_config__interpolation);
	tcase_add_test(tc, test_config__unset_variable_is_an_error);
	tcase_add_test(tc, test_config__bad_interpolation_syntax);
	tcase_add_test(tc, test_config__environment_overrides_top_level);
	tcase_add_test(tc, test_config__flow_style_environments);
	tcase_add_test(tc, test_config__empty_environment_value_unsets_the_url);
	tcase_add_test(tc, test_config__unknown_environment);
	tcase_add_test(tc, test_config__environment_without_a_file);
	tcase_add_test(tc, test_config__unknown_keys);
	tcase_add_test(tc, test_config__bad_values);
	tcase_add_test(tc, test_config__root_must_be_a_mapping);
	tcase_add_test(tc, test_config__empty_file_gives_defaults);
	tcase_add_test(tc, test_config__bad_yaml);
	tcase_add_test(tc, test_config__missing_file_and_directory);
	tcase_add_test(tc, test_config__url_precedence);
	tcase_add_test(tc, test_config__no_url_anywhere);
	suite_add_tcase(s, tc);
	return s;
}
