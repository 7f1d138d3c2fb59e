/* The command line: every good form parses, every bad one is one line. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <gdstep/number.h>

#include "options.h"

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *argv[24]; /* after the program name, NULL-terminated */
	int ret;              /* expected return */
	const char *err;      /* text the error must contain */
	enum gd_mode mode;
	double value; /* a number the parse must produce (see check) */
};

static int parse(const struct tcase *t, struct gd_options *o, char *err,
		 size_t size)
{
	char *argv[26] = { "gdstep" };
	int argc = 1;
	for (int i = 0; t->argv[i]; i++)
		argv[argc++] = (char *)t->argv[i];
	argv[argc] = NULL;
	err[0] = '\0';
	return app_options_parse(o, APP_LANG_EN, argc, argv, err, size);
}

static void check_bad(const struct tcase *t)
{
	struct gd_options o;
	char err[512];
	CHECK(parse(t, &o, err, sizeof(err)) == -EINVAL);
	/* One line, naming what was wrong. */
	CHECK(err[0] != '\0' && strchr(err, '\n') == NULL);
	if (!strstr(err, t->err))
		fprintf(stderr, "%s: message '%s' lacks '%s'\n", t->name, err,
			t->err);
	CHECK(strstr(err, t->err) != NULL);
}

static void check_good(const struct tcase *t)
{
	struct gd_options o;
	char err[512];
	int r = parse(t, &o, err, sizeof(err));
	if (r)
		fprintf(stderr, "%s: unexpected error: %s\n", t->name, err);
	CHECK(r == 0);
	CHECK(o.mode == t->mode);
}

static void check_values(const struct tcase *t)
{
	struct gd_options o;
	char err[512];
	CHECK(parse(t, &o, err, sizeof(err)) == 0);
	CHECK(o.has_curve && o.curve == GD_CURVE_WELLS);
	CHECK(o.has_w0 && o.w0 == -1.25);
	CHECK(o.has_rate && o.rate == 0.02);
	CHECK(o.has_momentum && o.momentum == 0.9);
	CHECK(o.has_steps && o.steps == 1000000);
	CHECK(o.has_size && o.width == 1920 && o.height == 1080);
	CHECK(o.scene == 3 && o.echo && o.fullscreen);
	CHECK(o.lang && strcmp(o.lang, "zh") == 0);
	CHECK(o.lesson && strcmp(o.lesson, "my.ini") == 0);
	(void)t;
}

static void check_parse_double(const struct tcase *t)
{
	double d = 7;
	CHECK(gd_parse_double("0.1", &d) == 0 && d == 0.1);
	CHECK(gd_parse_double("-2e3", &d) == 0 && d == -2000);
	CHECK(gd_parse_double("1e-400", &d) == 0 && d == 0);
	CHECK(gd_parse_double("abc", &d) == -EINVAL);
	CHECK(gd_parse_double("1.5x", &d) == -EINVAL);
	CHECK(gd_parse_double("", &d) == -EINVAL);
	CHECK(gd_parse_double("nan", &d) == -ERANGE);
	CHECK(gd_parse_double("-inf", &d) == -ERANGE);
	CHECK(gd_parse_double("1e999", &d) == -ERANGE);
	/* One spelling everywhere: spaces around are ignored, a sign may
	 * lead, hexadecimal is not decimal. */
	CHECK(gd_parse_double(" 3", &d) == 0 && d == 3);
	CHECK(gd_parse_double("3 ", &d) == 0 && d == 3);
	CHECK(gd_parse_double("+5", &d) == 0 && d == 5);
	CHECK(gd_parse_double("0x10", &d) == -EINVAL);
	CHECK(gd_parse_double("1e", &d) == -EINVAL);
	CHECK(gd_parse_double("-", &d) == -EINVAL);
	CHECK(gd_parse_double("1 2", &d) == -EINVAL);
	CHECK(gd_parse_double("Infinity", &d) == -ERANGE);
	long n = 0;
	CHECK(gd_parse_long("+5", 0, 10, &n) == 0 && n == 5);
	CHECK(gd_parse_long(" 5 ", 0, 10, &n) == 0 && n == 5);
	CHECK(gd_parse_long("0x5", 0, 10, &n) == -EINVAL);
	CHECK(gd_parse_long("5.0", 0, 10, &n) == -EINVAL);
	CHECK(gd_parse_long("11", 0, 10, &n) == -ERANGE);
	(void)t;
}

#define BAD(n, e, ...)                                                      \
	{                                                                   \
		.name = n, .run = check_bad, .argv = { __VA_ARGS__, NULL }, \
		.err = e                                                    \
	}
#define GOOD(n, m, ...)                                                      \
	{                                                                    \
		.name = n, .run = check_good, .argv = { __VA_ARGS__, NULL }, \
		.mode = m                                                    \
	}

static const struct tcase cases[] = {
	BAD("bad-unknown-flag", "--frobnicate", "--frobnicate"),
	BAD("bad-unknown-curve", "--curve", "--curve", "saddle"),
	BAD("bad-missing-value", "--rate", "--rate"),
	BAD("bad-rate-abc", "--rate", "--rate", "abc"),
	BAD("bad-rate-hex", "--rate: '0x10' is not a number", "--rate", "0x10"),
	BAD("bad-newline-escaped", "--curve: unknown curve 'a\\nb\\x1b[31m'",
	    "--curve", "a\nb\x1b[31m"),
	GOOD("good-size-200x150", GD_MODE_WINDOW, "--size", "200x150"),
	GOOD("good-rate-spaces", GD_MODE_WINDOW, "--rate", "0.5 "),
	BAD("bad-rate-1e999", "--rate", "--rate", "1e999"),
	BAD("bad-rate-nan", "--rate", "--rate", "nan"),
	BAD("bad-rate-inf", "--rate", "--rate", "inf"),
	BAD("bad-rate-zero", "--rate", "--rate", "0"),
	BAD("bad-rate-negative", "--rate", "--rate", "-0.1"),
	BAD("bad-rate-absurd", "--rate", "--rate", "1e7"),
	BAD("bad-w0-abc", "--w0", "--w0", "two"),
	BAD("bad-w0-nan", "--w0", "--w0=nan"),
	BAD("bad-w0-huge", "--w0", "--w0", "1e13"),
	BAD("bad-momentum-one", "--momentum", "--momentum", "1"),
	BAD("bad-momentum-negative", "--momentum", "--momentum", "-0.5"),
	BAD("bad-momentum-text", "--momentum", "--momentum", "lots"),
	BAD("bad-steps-negative", "--steps", "--steps", "-1"),
	BAD("bad-steps-absurd", "--steps", "--steps", "1000000000000"),
	BAD("bad-steps-fraction", "--steps", "--steps", "2.5"),
	BAD("bad-size-zero", "--size", "--size", "0x0"),
	BAD("bad-size-text", "--size", "--size", "big"),
	BAD("bad-size-huge", "--size", "--size", "99999x100"),
	BAD("bad-size-missing-h", "--size", "--size", "800x"),
	BAD("bad-scene-zero", "--scene", "--scene", "0"),
	BAD("bad-scene-text", "--scene", "--scene", "two"),
	BAD("bad-lang", "--lang", "--lang", "fr"),
	BAD("bad-two-lessons", "lesson", "a.ini", "b.ini"),
	BAD("bad-trace-and-screenshot", "--trace", "--trace", "--screenshot",
	    "x.png"),
	BAD("bad-screenshot-empty", "--screenshot", "--screenshot", ""),
	BAD("bad-flag-value-on-switch", "--trace=1", "--trace=1"),
	BAD("bad-optimizer-nearest", "did you mean 'adam'", "--optimizer", "adamw"),
	BAD("bad-optimizer-flag", "--optimizer", "--optimizer", "sgd"),
	BAD("bad-beta1-for-gd", "--beta1", "--optimizer", "gd", "--beta1", "0.5"),
	BAD("bad-alpha-for-adam", "--alpha", "--optimizer=adam", "--alpha", "0.5"),
	BAD("bad-momentum-for-rmsprop", "--momentum", "--optimizer", "rmsprop",
	    "--momentum", "0.5"),
	BAD("bad-beta1-one", "--beta1", "--beta1", "1"),
	BAD("bad-beta2-negative", "--beta2", "--beta2", "-0.1"),
	BAD("bad-alpha-one", "--alpha", "--alpha", "1"),
	BAD("bad-eps-zero", "--eps", "--eps", "0"),
	BAD("bad-eps-negative", "--eps", "--eps", "-1e-8"),
	BAD("bad-compare-unknown", "did you mean 'rmsprop'", "--compare",
	    "rmsprob,rate=0.1"),
	BAD("bad-compare-key", "'beta1' does not apply to gd", "--compare",
	    "gd,beta1=0.9"),
	BAD("bad-compare-pair", "--compare", "--compare", "adam,rate"),
	BAD("bad-compare-range", "--compare", "--compare", "adam,beta2=1"),
	BAD("bad-compare-empty", "--compare", "--compare", ""),
	BAD("bad-compare-comma", "--compare", "--compare", "gd,"),
	BAD("bad-compare-five", "at most 4", "--compare", "gd", "--compare",
	    "gd", "--compare", "gd", "--compare", "gd", "--compare", "gd"),
	BAD("bad-compare-with-optimizer", "--optimizer", "--compare", "gd",
	    "--optimizer", "adam"),
	BAD("bad-compare-with-beta1", "--beta1", "--compare", "adam", "--beta1",
	    "0.8"),
	BAD("bad-run-beyond", "--run", "--compare", "gd", "--run", "2"),
	BAD("bad-run-zero", "--run", "--run", "0"),
	GOOD("good-optimizer-adam", GD_MODE_TRACE, "--trace", "--optimizer",
	     "adam", "--beta1", "0.8", "--beta2=0.99", "--eps", "1e-6"),
	GOOD("good-compare", GD_MODE_TRACE, "--trace", "--compare",
	     "gd,rate=0.1", "--compare", "adam,rate=0.3,beta1=0", "--run", "2"),
	GOOD("good-none", GD_MODE_WINDOW, "--fullscreen"),
	GOOD("good-trace", GD_MODE_TRACE, "--trace", "--curve", "abs"),
	GOOD("good-screenshot", GD_MODE_SCREENSHOT, "--screenshot", "a.png"),
	GOOD("good-help", GD_MODE_HELP, "--rate", "0.1", "--help", "--bogus"),
	GOOD("good-version", GD_MODE_VERSION, "--version"),
	GOOD("good-negative-w0", GD_MODE_TRACE, "--trace", "--w0", "-3"),
	GOOD("good-equals-form", GD_MODE_TRACE, "--trace", "--rate=0.5"),
	GOOD("good-double-dash", GD_MODE_WINDOW, "--", "-odd-name.ini"),
	{ .name = "good-all-values",
	  .run = check_values,
	  .argv = { "--curve=wells", "--w0", "-1.25", "--rate", "0.02",
		    "--momentum=0.9", "--steps", "1000000", "--size",
		    "1920x1080", "--scene", "3", "--echo", "--fullscreen",
		    "--lang", "zh", "my.ini", NULL } },
	{ .name = "parse-double", .run = check_parse_double },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
