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
#include <gdstep/utf8.h>

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

/* An argument as an error line shows it: escaped, at most 60 bytes. */
#define Q(text) gd_utf8_quote((char[80]){ 0 }, 80, (text) ? (text) : "", 60)

/* A number flag's value: finite, and in [lo, hi] (open at lo if lo_open). */
static int number(const char *flag, const char *text, double lo, bool lo_open,
		  double hi, bool hi_open, double *out, struct msg *m)
{
	int r = gd_parse_double(text, out);
	if (r == -EINVAL)
		return fail(m, N_("%s: '%s' is not a number"), flag, Q(text));
	if (r == -ERANGE)
		return fail(m, N_("%s: '%s' is not a finite number"), flag,
			    Q(text));
	bool below = lo_open ? !(*out > lo) : !(*out >= lo);
	bool above = hi_open ? !(*out < hi) : !(*out <= hi);
	if (below || above)
		return fail(m, N_("%s: %s is out of range (%s%g, %g%s)"), flag,
			    Q(text), lo_open ? "(" : "[", lo, hi,
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
		    Q(text), GD_OPT_SIZE_MIN, GD_OPT_SIZE_MAX);
}

/* --w0 W or --w0 W1,W2: one weight, or a pair of two. */
static int weights(struct gd_options *o, const char *text, struct msg *m)
{
	const double lim = GD_RUN_WMAX;
	const char *comma = strchr(text, ',');
	o->w0_dim = 1;
	if (!comma)
		return number("--w0", text, -lim, false, lim, false, &o->w0, m);
	char first[64];
	size_t n = (size_t)(comma - text);
	if (n == 0 || n >= sizeof(first) || !comma[1] || strchr(comma + 1, ','))
		return fail(m, N_("--w0: '%s' is not a weight W or a pair W1,W2"),
			    text);
	memcpy(first, text, n);
	first[n] = '\0';
	o->w0_dim = 2;
	int r = number("--w0", first, -lim, false, lim, false, &o->w0, m);
	if (r < 0)
		return r;
	return number("--w0", comma + 1, -lim, false, lim, false, &o->w0_2, m);
}

/* The flags that take a value, in the order of --help. */
enum flag {
	F_CURVE,
	F_FORMULA,
	F_W0,
	F_RATE,
	F_MOMENTUM,
	F_OPTIMIZER,
	F_BETA1,
	F_BETA2,
	F_ALPHA,
	F_EPS,
	F_COMPARE,
	F_RUN,
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
	[F_OPTIMIZER] = { "--optimizer", true },
	[F_BETA1] = { "--beta1", true },
	[F_BETA2] = { "--beta2", true },
	[F_ALPHA] = { "--alpha", true },
	[F_EPS] = { "--eps", true },
	[F_COMPARE] = { "--compare", true },
	[F_RUN] = { "--run", true },
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

static const char *const hyper_keys[APP_HF_COUNT] = {
	[APP_HF_BETA1] = "beta1",
	[APP_HF_BETA2] = "beta2",
	[APP_HF_ALPHA] = "alpha",
	[APP_HF_EPS] = "eps",
};

const char *app_hyper_flag_key(enum app_hyper_flag f)
{
	return (unsigned)f < APP_HF_COUNT ? hyper_keys[f] : "?";
}

/* The optimizer's names, ", " between them. */
static void optimizer_names(char *buf, size_t size)
{
	buf[0] = '\0';
	for (int k = 0; k < GD_OPTIMIZER_COUNT; k++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s",
			 k ? ", " : "", gd_optimizer_spec(k)->name);
}

static int optimizer_name(const char *flag, const char *v,
			  enum gd_optimizer_kind *kind, struct msg *m)
{
	if (gd_optimizer_kind_from_name(v, kind) == 0)
		return 0;
	char names[128];
	optimizer_names(names, sizeof(names));
	return fail(m, N_("%s: unknown optimizer '%s'; did you mean '%s'? (%s)"),
		    flag, v, gd_optimizer_nearest(v), names);
}

/* The keys of an optimizer's hyper-parameters, ", " between them. */
static void hyper_names(enum gd_optimizer_kind kind, char *buf, size_t size)
{
	const struct gd_optimizer_spec *s = gd_optimizer_spec(kind);
	buf[0] = '\0';
	for (int i = 0; i < s->nhyper; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s",
			 i ? ", " : "", s->hyper[i].key);
}

/* A value checked against the row's range for hyper-parameter i. */
static int hyper_value(const char *flag, const struct gd_param_spec *p,
		       const char *text, double *out, struct msg *m)
{
	return number(flag, text, p->min, p->min_open, p->max, p->max_open, out,
		      m);
}

/* One key=value of a --compare SPEC. */
static int compare_pair(struct app_compare *c, char *pair, struct msg *m)
{
	char *eq = strchr(pair, '=');
	char names[96];
	hyper_names(c->kind, names, sizeof(names));
	if (!eq || eq == pair)
		return fail(m,
			    N_("--compare: '%s' is not key=value (keys of %s: %s)"),
			    pair, gd_optimizer_spec(c->kind)->name, names);
	*eq = '\0';
	int i = gd_optimizer_hyper_index(c->kind, pair);
	if (i < 0)
		return fail(m,
			    N_("--compare: '%s' does not apply to %s (its keys: %s)"),
			    pair, gd_optimizer_spec(c->kind)->name, names);
	c->has[i] = true;
	return hyper_value("--compare", &gd_optimizer_spec(c->kind)->hyper[i],
			   eq + 1, &c->hyper[i], m);
}

/* --compare NAME[,key=value…]. */
static int compare_spec(struct gd_options *o, const char *v, struct msg *m)
{
	if (o->ncompare == GD_OPT_COMPARE_MAX)
		return fail(m, N_("--compare: at most %d runs"),
			    GD_OPT_COMPARE_MAX);
	char buf[256];
	if (strlen(v) >= sizeof(buf))
		return fail(m, N_("--compare: the SPEC is too long"));
	strcpy(buf, v);
	struct app_compare *c = &o->compare[o->ncompare];
	*c = (struct app_compare){ 0 };
	char *save = NULL, *tok = strtok_r(buf, ",", &save);
	int r = optimizer_name("--compare", tok ? tok : "", &c->kind, m);
	while (r == 0 && (tok = strtok_r(NULL, ",", &save)))
		r = compare_pair(c, tok, m);
	if (r == 0 && v[strlen(v) - 1] == ',')
		r = fail(m, N_("--compare: '%s' ends in a comma"), v);
	o->ncompare += r == 0;
	return r;
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
				    Q(v), names);
		}
		o->has_curve = true;
		return 0;
	case F_FORMULA:
		return formula_value(o, v, m);
	case F_W0:
		o->has_w0 = true;
		return weights(o, v, m);
	case F_RATE:
		o->has_rate = true;
		return number(name, v, 0, true, GD_OPT_RATE_MAX, false,
			      &o->rate, m);
	case F_MOMENTUM:
		o->has_momentum = true;
		return number(name, v, 0, false, 1, true, &o->momentum, m);
	case F_OPTIMIZER:
		o->has_optimizer = true;
		return optimizer_name(name, v, &o->optimizer, m);
	case F_BETA1:
	case F_BETA2:
	case F_ALPHA:
		o->has_hyper[f - F_BETA1] = true;
		return number(name, v, 0, false, 1, true,
			      &o->hyper[f - F_BETA1], m);
	case F_EPS:
		o->has_hyper[APP_HF_EPS] = true;
		return number(name, v, 0, true, 1, false, &o->hyper[APP_HF_EPS],
			      m);
	case F_COMPARE:
		return compare_spec(o, v, m);
	case F_RUN:
		if (gd_parse_long(v, 1, GD_OPT_COMPARE_MAX, &n) < 0)
			return fail(m,
				    N_("--run: '%s' is not a whole number from 1 to %d"),
				    v, GD_OPT_COMPARE_MAX);
		o->run = (int)n;
		return 0;
	case F_SCENE:
		if (gd_parse_long(v, 1, GD_OPT_SCENE_MAX, &n) < 0)
			return fail(m,
				    N_("--scene: '%s' is not a whole number from 1 to %d"),
				    Q(v), GD_OPT_SCENE_MAX);
		o->scene = (int)n;
		return 0;
	case F_STEPS:
		if (gd_parse_long(v, 0, GD_OPT_STEPS_MAX, &o->steps) < 0)
			return fail(m,
				    N_("--steps: '%s' is not a whole number from 0 to %ld"),
				    Q(v), GD_OPT_STEPS_MAX);
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
				    Q(v));
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

/* A flag for a hyper-parameter the optimizer does not have. */
static int not_for(struct msg *m, const char *flag, enum gd_optimizer_kind kind)
{
	char names[96];
	hyper_names(kind, names, sizeof(names));
	return fail(m, N_("%s does not apply to the %s optimizer (it has: %s)"),
		    flag, gd_optimizer_spec(kind)->name, names);
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
	if (o->run && o->run > o->ncompare)
		return fail(m,
			    N_("--run %d: there are %d runs (give --compare for each)"),
			    o->run, o->ncompare);
	if (o->ncompare && o->has_optimizer)
		return fail(
			m,
			N_("--optimizer cannot be used with --compare; name the optimizer in each SPEC"));
	const char *alone = o->has_momentum ? "--momentum" : NULL;
	for (int h = 0; h < APP_HF_COUNT; h++)
		if (o->has_hyper[h])
			alone = flags[F_BETA1 + h].name;
	if (o->ncompare && alone)
		return fail(m,
			    N_("%s cannot be used with --compare; give it in the SPEC, as key=value"),
			    alone);
	if (!o->has_optimizer)
		return 0;
	if (o->has_momentum &&
	    gd_optimizer_hyper_index(o->optimizer, "momentum") < 0)
		return not_for(m, "--momentum", o->optimizer);
	for (int h = 0; h < APP_HF_COUNT; h++)
		if (o->has_hyper[h] &&
		    gd_optimizer_hyper_index(o->optimizer, hyper_keys[h]) < 0)
			return not_for(m, flags[F_BETA1 + h].name, o->optimizer);
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
					    Q(o->lesson), Q(arg));
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
				    Q(arg));
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
		"Step through gradient descent on the error curve E(w) of one or two weights.\n"
		"\n"
		"  --curve NAME       bowl | neuron | wells | abs | bowl2 | neuron2 | wells2\n"
		"  --w0 W | W1,W2     starting weight; two for a curve of two weights\n"
		"  --formula EXPR     your own E(w) or E(w1, w2), e.g. '(w^2 - 1)^2 + 0.3*w'\n"
		"  --rate ETA         learning rate η (> 0)\n"
		"  --momentum BETA    momentum β in [0, 1) of gd and nesterov; 0 is plain gradient descent\n"
		"  --optimizer NAME   gd | nesterov | adagrad | rmsprop | adam (as torch.optim)\n"
		"  --beta1 B1         adam's β1 in [0, 1) (default 0.9)\n"
		"  --beta2 B2         adam's β2 in [0, 1) (default 0.999)\n"
		"  --alpha A          rmsprop's α in [0, 1) (default 0.99)\n"
		"  --eps EPS          ε > 0 of adagrad (1e-10), rmsprop and adam (1e-8)\n"
		"  --compare SPEC     one more run side by side (up to 4): NAME[,key=value…],\n"
		"                     e.g. --compare gd,rate=0.1 --compare adam,rate=0.3\n"
		"  --run K            with --compare and --trace: trace run K (default 1)\n"
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
		"CSV columns: step,w,E,dEdw,<state>,delta_w,w_next, where <state> is\n"
		"  v (gd), momentum_buffer (nesterov), sum (adagrad), square_avg (rmsprop),\n"
		"  exp_avg,exp_avg_sq (adam)\n"
		"  two weights: step,w1,w2,E,dEdw1,dEdw2,<state>1,<state>2,delta_w1,delta_w2,\n"
		"  w1_next,w2_next\n"
		"Exit status: 0 on success, 2 on bad input.\n");
}
