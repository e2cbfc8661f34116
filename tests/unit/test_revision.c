/*
 * Unit tests of the revision graph: heads, branch points, prefixes,
 * paths, and the errors for duplicate ids, missing parents and cycles.
 */
#include <stdio.h>
#include "check_strata.h"

static strata_script *script(const char *path, const char *rev,
	const char *parents)
{
	strata_buf b = STRATA_BUF_INIT;
	strata_script *s = NULL;

	strata_buf_printf(&b, "revision: %s\nparents: %s\nmessage: m %s\n"
		"upgrade: []\ndowngrade: []\n", rev, parents, rev);
	ck_assert_strata_ok(strata_script_parse(&s, path, b.ptr, b.size));
	strata_buf_dispose(&b);
	return s;
}

/* a -> b -> c, b -> d (two heads), c + d -> e when `merge` */
static strata_revmap *graph(int merge)
{
	strata_script *s[5];
	strata_revmap *map = NULL;
	size_t n = 4;

	s[0] = script("v/a.yaml", "1000", "[]");
	s[1] = script("v/b.yaml", "1001", "[1000]");
	s[2] = script("v/c.yaml", "1002", "[1001]");
	s[3] = script("v/d.yaml", "2003", "[1001]");
	if (merge)
		s[n++] = script("v/e.yaml", "3004", "[1002, 2003]");
	ck_assert_strata_ok(strata_revmap_build(&map, s, n));
	return map;
}

static char *join(const strata_strarray *a)
{
	strata_buf b = STRATA_BUF_INIT;
	size_t i;

	for (i = 0; i < a->count; i++)
		strata_buf_printf(&b, "%s%s", i ? " " : "", a->strings[i]);
	return strata_buf_detach(&b);
}

START_TEST(test_revision__heads_and_branches)
{
	strata_revmap *map = graph(0);
	strata_strarray heads = { NULL, 0 }, points = { NULL, 0 };
	char *s;

	ck_assert_strata_ok(strata_revmap_heads(&heads, map));
	s = join(&heads);
	ck_assert_str_eq(s, "1002 2003");
	free(s);
	ck_assert_strata_ok(strata_revmap_branchpoints(&points, map));
	s = join(&points);
	ck_assert_str_eq(s, "1001");
	free(s);
	ck_assert_str_eq(strata_revmap_at(map, 0)->revision, "1000");
	strata_strarray_dispose(&heads);
	strata_strarray_dispose(&points);
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_revision__merge_has_one_head)
{
	strata_revmap *map = graph(1);
	strata_strarray heads = { NULL, 0 };

	ck_assert_strata_ok(strata_revmap_heads(&heads, map));
	ck_assert_uint_eq(heads.count, 1);
	ck_assert_str_eq(heads.strings[0], "3004");
	ck_assert_int_eq(strata_revmap_is_ancestor(map, "2003", "3004"), 1);
	ck_assert_int_eq(strata_revmap_is_ancestor(map, "2003", "1002"), 0);
	strata_strarray_dispose(&heads);
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_revision__prefixes)
{
	strata_revmap *map = graph(0);
	const strata_script *s = NULL;

	ck_assert_strata_ok(strata_revmap_resolve(&s, map, "200"));
	ck_assert_str_eq(s->revision, "2003");
	ck_assert_strata_fails(strata_revmap_resolve(&s, map, "100"),
		STRATA_EAMBIGUOUS, "revision prefix '100' is ambiguous: 1000, "
		"1001, 1002");
	ck_assert_strata_fails(strata_revmap_resolve(&s, map, "9"),
		STRATA_ENOTFOUND, "no revision '9' in the migrations directory");
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_revision__paths)
{
	strata_revmap *map = graph(1);
	strata_strarray cur = { NULL, 0 }, tgt = { NULL, 0 }, path = { NULL, 0 };
	char *s;

	strata_strarray_add(&cur, "1000");
	strata_strarray_add(&cur, "1001");
	strata_strarray_add(&tgt, "3004");
	ck_assert_strata_ok(strata_revmap_upgrade_path(&path, map, &cur, &tgt));
	s = join(&path);
	ck_assert_str_eq(s, "1002 2003 3004");
	free(s);
	strata_strarray_dispose(&path);
	strata_strarray_dispose(&cur);
	strata_strarray_add(&cur, "1000");
	strata_strarray_add(&cur, "1001");
	strata_strarray_add(&cur, "1002");
	strata_strarray_add(&cur, "2003");
	ck_assert_strata_ok(strata_revmap_downgrade_path(&path, map, &cur,
		"1001"));
	s = join(&path);
	ck_assert_str_eq(s, "2003 1002");
	free(s);
	strata_strarray_dispose(&path);
	ck_assert_strata_ok(strata_revmap_downgrade_path(&path, map, &cur,
		NULL));
	s = join(&path);
	ck_assert_str_eq(s, "2003 1002 1001 1000");
	free(s);
	strata_strarray_dispose(&path);
	strata_strarray_dispose(&cur);
	strata_strarray_dispose(&tgt);
	strata_revmap_free(map);
}
END_TEST

START_TEST(test_revision__duplicate_id)
{
	strata_script *s[2];
	strata_revmap *map = NULL;

	s[0] = script("v/one.yaml", "1000", "[]");
	s[1] = script("v/two.yaml", "1000", "[]");
	ck_assert_strata_fails(strata_revmap_build(&map, s, 2), STRATA_EINVALID,
		"duplicate revision id '1000' in v/one.yaml and v/two.yaml");
	ck_assert_ptr_null(map);
}
END_TEST

START_TEST(test_revision__missing_parent)
{
	strata_script *s[2];
	strata_revmap *map = NULL;

	s[0] = script("v/one.yaml", "1000", "[]");
	s[1] = script("v/two.yaml", "1001", "[0999]");
	ck_assert_strata_fails(strata_revmap_build(&map, s, 2), STRATA_EINVALID,
		"v/two.yaml: parent revision '0999' of revision '1001' does not "
		"exist");
}
END_TEST

START_TEST(test_revision__cycle)
{
	strata_script *s[3];
	strata_revmap *map = NULL;

	s[0] = script("v/a.yaml", "1000", "[]");
	s[1] = script("v/b.yaml", "1001", "[1002]");
	s[2] = script("v/c.yaml", "1002", "[1001]");
	ck_assert_strata_fails(strata_revmap_build(&map, s, 3), STRATA_EINVALID,
		"revision cycle: 1001 -> 1002 -> 1001 (files: v/b.yaml "
		"v/c.yaml)");
}
END_TEST

START_TEST(test_revision__load_directory)
{
	char *dir = strata_test_tmpdir();
	strata_buf p = STRATA_BUF_INIT;
	strata_revmap *map = NULL;

	strata_buf_printf(&p, "%s/1000_first.yaml", dir);
	strata_test_write_file(p.ptr, "revision: '1000'\nparents: []\n"
		"message: first\nupgrade: []\ndowngrade: []\n");
	strata_buf_clear(&p);
	strata_buf_printf(&p, "%s/1001_second.yaml", dir);
	strata_test_write_file(p.ptr, "revision: '1001'\nparents: ['1000']\n"
		"message: second\nupgrade:\n  - bogus: {}\ndowngrade: []\n");
	ck_assert_int_eq(strata_revmap_load(&map, dir), STRATA_EINVALID);
	ck_assert_ptr_nonnull(strstr(strata_error_last()->message,
		"1001_second.yaml:5:5: unknown operation 'bogus'"));
	strata_test_write_file(p.ptr, "revision: '1001'\nparents: ['1000']\n"
		"message: second\nupgrade: []\ndowngrade: []\n");
	ck_assert_strata_ok(strata_revmap_load(&map, dir));
	ck_assert_uint_eq(strata_revmap_count(map), 2);
	ck_assert_str_eq(strata_revmap_get(map, "1001")->message, "second");
	strata_revmap_free(map);
	strata_buf_dispose(&p);
	strata_test_rm_rf(dir);
	free(dir);
}
END_TEST

Suite *revision_suite(void)
{
	Suite *s = suite_create("revision");
	TCase *tc = tcase_create("revision");

	tcase_add_test(tc, test_revision__heads_and_branches);
	tcase_add_test(tc, test_revision__merge_has_one_head);
	tcase_add_test(tc, test_revision__prefixes);
	tcase_add_test(tc, test_revision__paths);
	tcase_add_test(tc, test_revision__duplicate_id);
	tcase_add_test(tc, test_revision__missing_parent);
	tcase_add_test(tc, test_revision__cycle);
	tcase_add_test(tc, test_revision__load_directory);
	suite_add_tcase(s, tc);
	return s;
}
