/*
 * The Check runner: `strata_tests unit NAME` or
 * `strata_tests integration NAME DIALECT`. Integration suites run against
 * the dialect's test server; outside CI an unconfigured server skips (77),
 * under CI=true it fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include "check_strata.h"

#define STRATA_UNIT(name) Suite *name##_suite(void);
#define STRATA_ITEST(name) Suite *name##_itest(void);
#include "suites.h"
#undef STRATA_UNIT
#undef STRATA_ITEST

typedef struct {
	const char *kind;
	const char *name;
	Suite *(*make)(void);
} suite_entry;

static const suite_entry suites[] = {
#define STRATA_UNIT(name) { "unit", #name, name##_suite },
#define STRATA_ITEST(name) { "integration", #name, name##_itest },
#include "suites.h"
#undef STRATA_UNIT
#undef STRATA_ITEST
	{ NULL, NULL, NULL }
};

static int usage(void)
{
	const suite_entry *s;

	fprintf(stderr, "usage: strata_tests unit NAME\n"
		"       strata_tests integration NAME sqlite|postgres|mysql\n"
		"suites:\n");
	for (s = suites; s->kind; s++)
		fprintf(stderr, "  %s %s\n", s->kind, s->name);
	return 2;
}

int main(int argc, char **argv)
{
	const suite_entry *s;
	SRunner *sr;
	int failed;

	if (argc < 3)
		return usage();
	for (s = suites; s->kind; s++)
		if (!strcmp(s->kind, argv[1]) && !strcmp(s->name, argv[2]))
			break;
	if (!s->kind)
		return usage();
	if (!strcmp(s->kind, "integration")) {
		strata_dialect d;
		int rc;
		if (argc < 4)
			return usage();
		d = strata_dialect_from_name(argv[3]);
		if (d == STRATA_DIALECT_NONE)
			return usage();
		strata_test_set_dialect(d);
		if ((rc = strata_test_require_server(d)) != 0)
			return rc;
	}
	sr = srunner_create(s->make());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
