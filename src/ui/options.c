/* The command line: every value is checked here, before anything opens. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/lesson.h>
#include <gdstep/number.h>

#include "options.h"
#include <gdstep/run.h>

/* Where a problem is written, and in which language. */
struct msg {
	char *buf;
	size_t size;
	enum app_lang lang;
};

/* Writes the problem, fmt translated, and returns -EINVAL. */
static int fail(struct msg *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct msg *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m->buf, m->size, app_tr(m->lang, fmt), ap);
	va_end(ap);
	return -EINVAL;
}

/* A number flag's value: finite, and in [lo, hi] (open at lo if lo_open). */
static int number(const char *flag, const char *text, double lo, bool lo_open,
		  double hi, bool hi_open, double *out, struct msg *m)
{
	int r = gd_parse_double(text, out);
	if (r == -EINVAL)
		return fail(m, N_("%s: '%s' is not a number"), flag, text);
	if (r == -ERANGE)
		return fail(m, N_("%s: '%s' is not a finite number"), flag, text);
	bool below = lo_open ? !(*out > lo) : !(*out >= lo);
	bool above = hi_open ? !(*out < hi) : !(*out <= hi);
	if (below || above)
		return fail(m, N_("%s: %s is out of range (%s%g, %g%s)"), flag,
			    text, lo_open ? "(" : "[", lo, hi,
			    hi_open ? ")" : "]");
	return 0;
}

static const char *translate(void *ctx, const char *msgid)
{
	return app_tr(*(const enum app_lang *)ctx, msgid);
}

/* --formula EXPR: compiled here once, so a bad one never opens a window. */
static int formula_value(struct gd_options *o, const char *text, struct msg *m)
{
	struct gd_curve *c = malloc(sizeof(*c));
	struct gd_formula_error err;
	if (!c)
		return fail(m, N_("--formula: out of memory"));
	int r = gd_curve_from_formula(c, text, &err);
	free(c);
	if (r < 0) {
		char line[200];
		gd_formula_error_format(&err, translate, &m->lang, line,
					sizeof(line));
		return fail(m, N_("--formula: %s"), line);
	}
	o->formula = text;
	o->has_formula = true;
	return 0;
}

static int size_value(const char *text, int *w, int *h, struct msg *m)
{
	long a, b;
	const char *x = text ? strchr(text, 'x') : NULL;
	char left[32];
	if (x && (size_t)(x - text) < sizeof(left)) {
		memcpy(left, text, (size_t)(x - text));
		left[x - text] = '\0';
		if (gd_parse_long(left, GD_OPT_SIZE_MIN, GD_OPT_SIZE_MAX, &a) == 0 &&
		    gd_parse_long(x + 1, GD_OPT_SIZE_MIN, GD_OPT_SIZE_MAX, &b) ==
			    0) {
			*w = (int)a;
			*h = (int)b;
			return 0;
		}
	}
	return fail(m, N_("--size: '%s' is not WxH with W and H from %d to %d"),
		    text, GD_OPT_SIZE_MIN, GD_OPT_SIZE_MAX);
}

/* The flags that take a value, in the order of --help. */
enum flag {
	F_CURVE,
	F_FORMULA,
	F_W0,
	F_RATE,
	F_MOMENTUM,
	F_SCENE,
	F_STEPS,
	F_SCREENSHOT,
	F_SIZE,
	F_LANG,
	F_TRACE,
	F_ECHO,
	F_FULLSCREEN,
	F_HELP,
	F_VERSION,
	F_COUNT
};

static const struct {
	const char *name;
	bool value;
} flags[F_COUNT] = {
	[F_CURVE] = { "--curve", true },
	[F_FORMULA] = { "--formula", true },
	[F_W0] = { "--w0", true },
	[F_RATE] = { "--rate", true },
	[F_MOMENTUM] = { "--momentum", true },
	[F_SCENE] = { "--scene", true },
	[F_STEPS] = { "--steps", true },
	[F_SCREENSHOT] = { "--screenshot", true },
	[F_SIZE] = { "--size", true },
	[F_LANG] = { "--lang", true },
	[F_TRACE] = { "--trace", false },
	[F_ECHO] = { "--echo", false },
	[F_FULLSCREEN] = { "--fullscreen", false },
	[F_HELP] = { "--help", false },
	[F_VERSION] = { "--version", false },
};

/* Matches "--name" or "--name=value"; *inline_value is set for the latter. */
static int find_flag(const char *arg, const char **inline_value)
{
	*inline_value = NULL;
	for (int f = 0; f < F_COUNT; f++) {
		size_t n = strlen(flags[f].name);
		if (strncmp(arg, flags[f].name, n) != 0)
			continue;
		if (arg[n] == '\0')
			return f;
		if (arg[n] == '=' && flags[f].value) {
			*inline_value = arg + n + 1;
			return f;
		}
	}
	if (strcmp(arg, "-h") == 0)
		return F_HELP;
	return -1;
}

static int apply(struct gd_options *o, enum flag f, const char *v, struct msg *m)
{
	const char *name = flags[f].name;
	long n;
	switch (f) {
	case F_CURVE:
		if (gd_curve_kind_from_name(v, &o->curve) < 0) {
			char names[128] = "";
			for (int k = 0; k < GD_CURVE_COUNT; k++)
				snprintf(names + strlen(names),
					 sizeof(names) - strlen(names), "%s%s",
					 k ? ", " : "", gd_curve_name(k));
			return fail(m, N_("--curve: unknown curve '%s' (%s)"),
				    v, names);
		}
		o->has_curve = true;
		return 0;
	case F_FORMULA:
		return formula_value(o, v, m);
	case F_W0:
		o->has_w0 = true;
		return number(name, v, -GD_RUN_WMAX, false, GD_RUN_WMAX, false,
			      &o->w0, m);
	case F_RATE:
		o->has_rate = true;
		return number(name, v, 0, true, GD_OPT_RATE_MAX, false,
			      &o->rate, m);
	case F_MOMENTUM:
		o->has_momentum = true;
		return number(name, v, 0, false, 1, true, &o->momentum, m);
	case F_SCENE:
		if (gd_parse_long(v, 1, GD_OPT_SCENE_MAX, &n) < 0)
			return fail(m,
				    N_("--scene: '%s' is not a whole number from 1 to %d"),
				    v, GD_OPT_SCENE_MAX);
		o->scene = (int)n;
		return 0;
	case F_STEPS:
		if (gd_parse_long(v, 0, GD_OPT_STEPS_MAX, &o->steps) < 0)
			return fail(m,
				    N_("--steps: '%s' is not a whole number from 0 to %ld"),
				    v, GD_OPT_STEPS_MAX);
		o->has_steps = true;
		return 0;
	case F_SCREENSHOT:
		if (!*v)
			return fail(m, N_("--screenshot: the file name is empty"));
		o->screenshot = v;
		return 0;
	case F_SIZE:
		o->has_size = true;
		return size_value(v, &o->width, &o->height, m);
	case F_LANG:
		if (strcmp(v, "en") != 0 && strcmp(v, "zh") != 0)
			return fail(m,
				    N_("--lang: unknown language '%s' (en, zh)"),
				    v);
		o->lang = v;
		return 0;
	case F_TRACE:
		o->mode = GD_MODE_TRACE;
		return 0;
	case F_ECHO:
		o->echo = true;
		return 0;
	case F_FULLSCREEN:
		o->fullscreen = true;
		return 0;
	default:
		return 0;
	}
}

/* Checks that hold between flags. */
static int check_combination(const struct gd_options *o, bool trace, struct msg *m)
{
	if (o->has_curve && o->has_formula)
		return fail(m,
			    N_("--curve and --formula cannot be used together"));
	if (trace && o->screenshot)
		return fail(m,
			    N_("--trace and --screenshot cannot be used together"));
	return 0;
}

int app_options_parse(struct gd_options *o, enum app_lang lang, int argc,
		      char *const argv[], char *err, size_t size)
{
	struct msg msg = { err, size, lang }, *m = &msg;
	*o = (struct gd_options){ .mode = GD_MODE_WINDOW,
				  .width = 1280,
				  .height = 720 };
	bool trace = false, positional_only = false;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *v;
		if (positional_only || arg[0] != '-' || strcmp(arg, "-") == 0) {
			if (o->lesson)
				return fail(m,
					    N_("more than one lesson file: '%s' and '%s'"),
					    o->lesson, arg);
			o->lesson = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			positional_only = true;
			continue;
		}
		int f = find_flag(arg, &v);
		if (f < 0)
			return fail(m, N_("unknown option '%s' (see --help)"),
				    arg);
		if (f == F_HELP || f == F_VERSION) {
			o->mode = f == F_HELP ? GD_MODE_HELP : GD_MODE_VERSION;
			return 0;
		}
		if (flags[f].value && !v) {
			if (i + 1 >= argc)
				return fail(m, N_("%s: missing value"),
					    flags[f].name);
			v = argv[++i];
		}
		int r = apply(o, (enum flag)f, v, m);
		if (r < 0)
			return r;
		trace |= f == F_TRACE;
	}
	int r = check_combination(o, trace, m);
	if (r < 0)
		return r;
	if (o->screenshot)
		o->mode = GD_MODE_SCREENSHOT;
	return 0;
}

const char *app_options_usage(enum app_lang lang)
{
	return app_tr(
		lang,
		"Usage: gdstep [OPTIONS] [LESSON_FILE]\n"
		"Step through gradient descent on the error curve E(w) of one weight.\n"
		"\n"
		"  --curve NAME       bowl | neuron | wells | abs\n"
		"  --formula EXPR     your own E(w), e.g. '(w^2 - 1)^2 + 0.3*w'\n"
		"  --w0 W             starting weight\n"
		"  --rate ETA         learning rate η (> 0)\n"
		"  --momentum BETA    momentum β in [0, 1); 0 is plain gradient descent\n"
		"  --scene K          start at scene K of the lesson (1-based)\n"
		"  --steps N          updates to apply before --trace ends or --screenshot renders\n"
		"  --trace            print the iteration table as CSV on stdout and exit; no window\n"
		"  --screenshot FILE  render the view after --steps updates to a PNG and exit; no display needed\n"
		"  --echo             while the window is open, print every applied update as a CSV row\n"
		"  --size WxH         window or screenshot size in pixels\n"
		"  --fullscreen       open full screen\n"
		"  --lang en|zh       interface language (default: from the locale)\n"
		"  --help, --version\n"
		"\n"
		"CSV columns: step,w,E,dEdw,v,delta_w,w_next\n"
		"Exit status: 0 on success, 2 on bad input.\n");
}
