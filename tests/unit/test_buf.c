/*
 * Unit tests of strata_buf and the last-error storage.
 */
#include "check_strata.h"

START_TEST(test_buf__printf_appends)
{
	strata_buf b = STRATA_BUF_INIT;

	ck_assert_str_eq(b.ptr, "");
	ck_assert_strata_ok(strata_buf_puts(&b, "abc"));
	ck_assert_strata_ok(strata_buf_printf(&b, "-%d-%s", 42, "x"));
	ck_assert_str_eq(b.ptr, "abc-42-x");
	ck_assert_uint_eq(b.size, 8);
	strata_buf_truncate(&b, 3);
	ck_assert_str_eq(b.ptr, "abc");
	strata_buf_clear(&b);
	ck_assert_str_eq(b.ptr, "");
	strata_buf_dispose(&b);
	strata_buf_dispose(&b);
}
END_TEST

START_TEST(test_buf__grows_past_initial_size)
{
	strata_buf b = STRATA_BUF_INIT;
	char *s;
	int i;

	for (i = 0; i < 1000; i++)
		ck_assert_strata_ok(strata_buf_putc(&b, (char)('a' + i % 26)));
	ck_assert_uint_eq(b.size, 1000);
	ck_assert_int_eq(b.ptr[1000], '\0');
	s = strata_buf_detach(&b);
	ck_assert_uint_eq(strlen(s), 1000);
	ck_assert_str_eq(b.ptr, "");
	free(s);
}
END_TEST

START_TEST(test_buf__last_error_is_kept_until_cleared)
{
	strata_error__set(STRATA_ERROR_CONFIG, "bad %s at %d", "thing", 3);
	ck_assert_str_eq(strata_error_last()->message, "bad thing at 3");
	ck_assert_int_eq(strata_error_last()->klass, STRATA_ERROR_CONFIG);
	strata_error__set_native("42P01", 7);
	ck_assert_str_eq(strata_error_last()->sqlstate, "42P01");
	strata_error_clear();
	ck_assert_str_eq(strata_error_last()->message, "");
	ck_assert_str_eq(strata_strerror(STRATA_ELOCKED), "lock not acquired");
}
END_TEST

Suite *buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("buf");

	tcase_add_test(tc, test_buf__printf_appends);
	tcase_add_test(tc, test_buf__grows_past_initial_size);
	tcase_add_test(tc, test_buf__last_error_is_kept_until_cleared);
	suite_add_tcase(s, tc);
	return s;
}
