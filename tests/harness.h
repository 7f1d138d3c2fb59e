/*
 * A small table-driven harness. Each test program holds an array of cases
 * with designated initializers; meson registers one test per case name, and
 * the program runs the case named by argv[1] (or every case with no
 * argument). CHECK and approx_eq print the case, the expected and the
 * actual value, then the case fails.
 */
#ifndef GDSTEP_TESTS_HARNESS_H
#define GDSTEP_TESTS_HARNESS_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char *harness_case = "?";
static int harness_failures;

/* |a − b| ≤ abs_tol + rel_tol·max(|a|, |b|); NaN never equals. */
static inline bool approx_eq(double a, double b, double abs_tol, double rel_tol)
{
	if (isnan(a) || isnan(b))
		return false;
	if (a == b)
		return true;
	return fabs(a - b) <= abs_tol + rel_tol * fmax(fabs(a), fabs(b));
}

#define CHECK(cond)                                                       \
	do {                                                              \
		if (!(cond)) {                                            \
			fprintf(stderr, "%s: %s:%d: CHECK failed: %s\n",  \
				harness_case, __FILE__, __LINE__, #cond); \
			harness_failures++;                               \
			return;                                           \
		}                                                         \
	} while (0)

#define CHECK_APPROX(actual, expected, abs_tol, rel_tol)                       \
	do {                                                                   \
		double a_ = (actual), e_ = (expected);                         \
		if (!approx_eq(a_, e_, (abs_tol), (rel_tol))) {                \
			fprintf(stderr,                                        \
				"%s: %s:%d: %s: expected %.17g, got %.17g\n",  \
				harness_case, __FILE__, __LINE__, #actual, e_, \
				a_);                                           \
			harness_failures++;                                    \
			return;                                                \
		}                                                              \
	} while (0)

/* Bit-for-bit equality of two doubles (so -0 ≠ +0, and NaN = same NaN). */
static inline bool same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

/*
 * Runs the cases of a table whose element type has `name` and a `run`
 * function taking a pointer to the element. Returns main's exit status.
 */
#define HARNESS_MAIN(cases, argc, argv)                                        \
	do {                                                                   \
		size_t n_ = sizeof(cases) / sizeof((cases)[0]);                \
		int ran_ = 0;                                                  \
		for (size_t i_ = 0; i_ < n_; i_++) {                           \
			if ((argc) > 1 && strcmp((argv)[1], (cases)[i_].name)) \
				continue;                                      \
			harness_case = (cases)[i_].name;                       \
			int before_ = harness_failures;                        \
			(cases)[i_].run(&(cases)[i_]);                         \
			ran_++;                                                \
			printf("%s %s\n",                                      \
			       harness_failures > before_ ? "FAIL" : "ok",     \
			       (cases)[i_].name);                              \
		}                                                              \
		if (ran_ == 0) {                                               \
			fprintf(stderr, "no case named '%s'\n", (argv)[1]);    \
			return 1;                                              \
		}                                                              \
		return harness_failures ? 1 : 0;                               \
	} while (0)

#endif
