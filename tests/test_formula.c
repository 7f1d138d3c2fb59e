/* The formula parser and its exact derivatives: every operator and function
 * against its closed-form derivative, every error with its column, and the
 * formulas of the built-in curves against the curves. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/curve.h>
#include <gdstep/formula.h>
#include <gdstep/run.h>

#include "harness.h"

typedef double fn(double w);

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *text;
	fn *E, *dE;      /* closed forms, for check_value */
	double at[3];    /* weights to check at (0 is checked once) */
	double w2[3];    /* for two weights: w2 beside at[] */
	double grad2[3]; /* ∂E/∂w2 expected at (at[i], w2[i]) */
	enum gd_formula_status status; /* for check_error */
	int column;
	const char *token, *after, *suggest;
	enum gd_curve_kind kind; /* for check_builtin */
	double w0[2], rate;      /* for check_builtin2 */
};

static void check_value(const struct tcase *t)
{
	struct gd_formula f;
	struct gd_formula_error err;
	CHECK(gd_formula_compile(&f, t->text, &err) == 0);
	CHECK(err.status == GD_FORMULA_OK && f.dim == 1);
	for (int i = 0; i < 3; i++) {
		double g = (double)NAN, w = t->at[i];
		double e = gd_formula_eval(&f, &w, &g);
		CHECK_APPROX(e, t->E(w), 1e-12, 1e-12);
		CHECK_APPROX(g, t->dE(w), 1e-12, 1e-12);
	}
}

static void check_two(const struct tcase *t)
{
	struct gd_formula f;
	CHECK(gd_formula_compile(&f, t->text, NULL) == 0);
	CHECK(f.dim == 2);
	for (int i = 0; i < 3; i++) {
		double w[2] = { t->at[i], t->w2[i] }, g[2];
		double e = gd_formula_eval(&f, w, g);
		CHECK_APPROX(e, t->E(w[0]) + w[1] * w[1] * w[0], 1e-12, 1e-12);
		CHECK_APPROX(g[0], t->dE(w[0]) + w[1] * w[1], 1e-12, 1e-12);
		CHECK_APPROX(g[1], t->grad2[i], 1e-12, 1e-12);
	}
}

static void check_error(const struct tcase *t)
{
	struct gd_formula f;
	struct gd_formula_error err;
	CHECK(gd_formula_compile(&f, t->text, &err) == -EINVAL);
	if (err.status != t->status || err.column != t->column)
		fprintf(stderr, "%s: status %d column %d token '%s'\n", t->name,
			err.status, err.column, err.token);
	CHECK(err.status == t->status);
	CHECK(err.column == t->column);
	if (t->token)
		CHECK(strcmp(err.token, t->token) == 0);
	if (t->after)
		CHECK(strcmp(err.after, t->after) == 0);
	if (t->suggest)
		CHECK(err.suggest && strcmp(err.suggest, t->suggest) == 0);
	double w = 1, g;
	CHECK(gd_formula_eval(&f, &w, &g) == 0 && g == 0);
}

static void check_builtin(const struct tcase *t)
{
	struct gd_formula f;
	struct gd_curve c;
	CHECK(gd_formula_compile(&f, t->text, NULL) == 0);
	gd_curve_default(&c, t->kind);
	for (double w = -3; w <= 3; w += 0.125) {
		double gf, gc;
		double ef = gd_formula_eval(&f, &w, &gf);
		double ec = gd_curve_grad(&c, &w, &gc);
		CHECK_APPROX(ef, ec, 1e-12, 1e-12);
		CHECK_APPROX(gf, gc, 1e-12, 1e-12);
	}
}

/* The edges: abs at 0, and the domain's outside. */
static void check_edges(const struct tcase *t)
{
	(void)t;
	struct gd_formula f;
	double w = 0, g = 5;
	CHECK(gd_formula_compile(&f, "abs(w)", NULL) == 0);
	CHECK(gd_formula_eval(&f, &w, &g) == 0 && g == 0);
	CHECK(gd_formula_compile(&f, "sqrt(w)", NULL) == 0);
	w = -1;
	CHECK(isnan(gd_formula_eval(&f, &w, &g)));
	CHECK(gd_formula_compile(&f, "log(w)", NULL) == 0);
	w = 0;
	CHECK(!isfinite(gd_formula_eval(&f, &w, &g)));
	CHECK(gd_formula_compile(&f, "(-2)^2 + w^2", NULL) == 0);
	w = -3;
	CHECK(gd_formula_eval(&f, &w, &g) == 13 && g == -6);
	CHECK(gd_formula_compile(&f, "2^3^2", NULL) == 0);
	CHECK(gd_formula_eval(&f, &w, &g) == 512 && g == 0);
	CHECK(gd_formula_compile(&f, "-w^2", NULL) == 0);
	w = 3;
	CHECK(gd_formula_eval(&f, &w, &g) == -9 && g == -6);
	CHECK(gd_formula_compile(&f, "  w  ", NULL) == 0);
	CHECK(strcmp(f.text, "  w  ") == 0);
}

/* The formula curve: its minima equal the built-in wells' (found by the
 * scan), its start and η are where E and the gradient are finite, and a
 * formula in w1, w2 is a curve of two weights. */
static void check_curve(const struct tcase *t)
{
	(void)t;
	struct gd_curve f, b;
	struct gd_formula_error err;
	double mf[GD_CURVE_MINIMA][GD_DIM_MAX], mb[GD_CURVE_MINIMA][GD_DIM_MAX];
	CHECK(gd_curve_from_formula(&f, "(w^2-1)^2+0.3*w+0.45", &err) == 0);
	CHECK(gd_curve_check(&f) == 0 && gd_curve_dim(&f) == 1);
	gd_curve_default(&b, GD_CURVE_WELLS);
	CHECK(gd_curve_minima(&f, mf) == 2 && gd_curve_minima(&b, mb) == 2);
	CHECK_APPROX(mf[0][0], mb[0][0], 1e-7, 0);
	CHECK_APPROX(mf[1][0], mb[1][0], 1e-7, 0);
	double w0[GD_DIM_MAX], g[GD_DIM_MAX];
	gd_curve_start(&f, w0);
	CHECK_APPROX(w0[0], mb[0][0] - 2, 1e-7, 0); /* the higher side */
	double rate = gd_curve_rate(&f, w0);
	gd_curve_grad(&f, w0, g);
	CHECK(rate > 0 && rate * fabs(g[0]) <= 0.5);
	/* sqrt: the start is right of the domain's edge, E finite there. */
	CHECK(gd_curve_from_formula(&f, "sqrt(w) + (w-2)^2", &err) == 0);
	gd_curve_start(&f, w0);
	CHECK(w0[0] > 0 && isfinite(gd_curve_grad(&f, w0, g)));
	double lo, hi;
	gd_curve_range(&f, w0, 0, &lo, &hi);
	CHECK(lo < 0 && hi > w0[0]); /* the gap left of 0 shows */
	/* A line has no minimum: E falls outward. */
	CHECK(gd_curve_from_formula(&f, "w", &err) == 0);
	CHECK(gd_curve_minima(&f, mf) == 0);
	CHECK(gd_curve_from_formula(&f, "w1^2 + w2^2", &err) == 0);
	CHECK(f.kind == GD_CURVE_FORMULA2 && gd_curve_check(&f) == 0);
	CHECK(gd_curve_dim(&f) == 2 && gd_curve_is_formula(&f));
	/* A bad formula leaves the default curve of one weight. */
	CHECK(gd_curve_from_formula(&f, "w1 + w", &err) == -EINVAL);
	CHECK(err.status == GD_FORMULA_MIXED && err.column == 6);
	CHECK(f.kind == GD_CURVE_FORMULA && gd_curve_check(&f) == 0);
}

/* A formula of two weights found from the formula: its minima (the lowest
 * first), its start (2 right and 1.5 above the global minimum, else
 * another corner where E is finite), its η (a first step at most 0.5
 * long) and the range of each axis (the minima, the start and 3 beyond). */
static void check_curve2(const struct tcase *t)
{
	struct gd_curve f;
	struct gd_formula_error err;
	double m[GD_CURVE_MINIMA][GD_DIM_MAX], w0[GD_DIM_MAX], g[GD_DIM_MAX];
	CHECK(gd_curve_from_formula(&f, t->text, &err) == 0);
	CHECK(f.kind == GD_CURVE_FORMULA2 && gd_curve_check(&f) == 0);
	int n = gd_curve_minima(&f, m);
	CHECK(n == t->column);
	for (int i = 0; i < n && i < 2; i++) {
		CHECK_APPROX(m[i][0], i ? t->w2[0] : t->at[0], 1e-6, 0);
		CHECK_APPROX(m[i][1], i ? t->w2[1] : t->at[1], 1e-6, 0);
	}
	for (int i = 1; i < n; i++)
		CHECK(gd_curve_eval(&f, m[i]) >= gd_curve_eval(&f, m[0]));
	gd_curve_start(&f, w0);
	CHECK_APPROX(w0[0], t->w0[0], 1e-6, 0);
	CHECK_APPROX(w0[1], t->w0[1], 1e-6, 0);
	double e = gd_curve_grad(&f, w0, g);
	CHECK(isfinite(e) && isfinite(g[0]) && isfinite(g[1]));
	double rate = gd_curve_rate(&f, w0);
	CHECK(rate > 0 && rate * hypot(g[0], g[1]) <= 0.5 + 1e-12);
	for (int k = 0; k < 2; k++) {
		double lo, hi;
		gd_curve_range(&f, w0, k, &lo, &hi);
		CHECK(lo < hi && lo <= w0[k] && hi >= w0[k]);
		for (int i = 0; i < n; i++)
			CHECK(lo <= m[i][k] && m[i][k] <= hi);
	}
}

/* A formula equal to a built-in curve of two weights runs the same
 * trajectory to 1e-12: w, E, ∇E and Δw of every step. */
static void check_builtin2(const struct tcase *t)
{
	struct gd_curve f, c;
	CHECK(gd_curve_from_formula(&f, t->text, NULL) == 0);
	CHECK(f.kind == GD_CURVE_FORMULA2);
	gd_curve_default(&c, t->kind);
	struct gd_optim opt;
	gd_optim_default(&opt, GD_OPTIMIZER_GD, t->rate);
	struct gd_run *rf = NULL, *rc = NULL;
	CHECK(gd_run_create(&rf, &f, t->w0, &opt) == 0);
	CHECK(gd_run_create(&rc, &c, t->w0, &opt) == 0);
	bool same = true;
	for (int i = 0; i < 40 && same; i++) {
		struct gd_update uf, uc;
		bool sf = gd_run_step(rf, &uf), sc = gd_run_step(rc, &uc);
		same = sf == sc && approx_eq(uf.E, uc.E, 1e-12, 1e-12);
		for (int k = 0; k < 2 && same && sf; k++)
			same = approx_eq(uf.w[k], uc.w[k], 1e-12, 1e-12) &&
			       approx_eq(uf.grad[k], uc.grad[k], 1e-12, 1e-12) &&
			       approx_eq(uf.delta[k], uc.delta[k], 1e-12, 1e-12);
		if (!same)
			fprintf(stderr, "%s: step %d differs\n", t->name, i);
	}
	gd_run_destroy(rf);
	gd_run_destroy(rc);
	CHECK(same);
}

/* The longest formula is accepted; the one character more is not. */
static void check_length(const struct tcase *t)
{
	(void)t;
	static char text[GD_FORMULA_CHARS + 2];
	struct gd_formula f;
	struct gd_formula_error err;
	memset(text, ' ', sizeof(text) - 1);
	text[0] = 'w';
	text[GD_FORMULA_CHARS] = '\0';
	CHECK(gd_formula_compile(&f, text, &err) == 0);
	text[GD_FORMULA_CHARS] = ' ';
	text[GD_FORMULA_CHARS + 1] = '\0';
	CHECK(gd_formula_compile(&f, text, &err) == -EINVAL);
	CHECK(err.status == GD_FORMULA_TOO_LONG);
	CHECK(err.column == GD_FORMULA_CHARS + 1);
	/* 400 "w+" make 799 operations: too many, said at the 257th w. */
	for (int i = 0; i < 400; i++)
		memcpy(text + 2 * i, "w+", 2);
	text[799] = '\0';
	CHECK(gd_formula_compile(&f, text, &err) == -EINVAL);
	CHECK(err.status == GD_FORMULA_TOO_BIG);
	/* Nesting too deep. */
	memset(text, '(', 100);
	text[100] = 'w';
	memset(text + 101, ')', 100);
	text[201] = '\0';
	CHECK(gd_formula_compile(&f, text, &err) == -EINVAL);
	CHECK(err.status == GD_FORMULA_TOO_DEEP);
	CHECK(err.column == GD_FORMULA_NESTING + 1);
}

static double sq(double w)
{
	return w * w;
}
static double twice(double w)
{
	return 2 * w;
}
static double sig(double w)
{
	return 1 / (1 + exp(-w));
}
#define PI 3.14159265358979323846
#define F(name, e)                   \
	static double name(double w) \
	{                            \
		(void)w;             \
		return e;            \
	}
/* clang-format off */
F(e_add, w + 3)
F(d_one, 1)
F(e_sub, 3 - w)
F(d_mone, -1)
F(e_mul, 3 * w * w)
F(d_mul, 6 * w)
F(e_div, 1 / w)
F(d_div, -1 / (w * w))
F(e_pow, pow(w, 3))
F(d_pow, 3 * w * w)
F(e_exp2, pow(2, w))
F(d_exp2, log(2) * pow(2, w))
F(e_wpw, pow(w, w))
F(d_wpw, pow(w, w) * (log(w) + 1))
F(e_neg, -w)
F(e_exp, exp(w))
F(e_log, log(w))
F(d_log, 1 / w)
F(e_sqrt, sqrt(w))
F(d_sqrt, 0.5 / sqrt(w))
F(e_abs, fabs(w))
F(d_abs, w > 0 ? 1 : w < 0 ? -1 : 0)
F(e_sin, sin(2 * w))
F(d_sin, 2 * cos(2 * w))
F(e_cos, cos(w))
F(d_cos, -sin(w))
F(e_tan, tan(w))
F(d_tan, 1 / (cos(w) * cos(w)))
F(e_tanh, tanh(w))
F(d_tanh, 1 - tanh(w) * tanh(w))
F(e_sig, sig(w))
F(d_sig, sig(w) * (1 - sig(w)))
F(e_relu, w > 0 ? w : 0)
F(d_relu, w > 0 ? 1 : 0)
F(e_soft, log(1 + exp(w)))
F(d_soft, sig(w))
F(e_pi, PI * w + exp(1))
F(d_pi, PI)
F(e_chain, exp(sin(w * w)))
F(d_chain, exp(sin(w * w)) * cos(w * w) * 2 * w)
F(e_num, 1.5e2 * w + 0.25 + 3.)
F(d_num, 150)
F(e_neuron, 0.5 * sq(0.2 - sig(w * 0.1 + 0.15)))
F(d_neuron, -(0.2 - sig(w * 0.1 + 0.15)) * sig(w * 0.1 + 0.15) * (1 - sig(w * 0.1 + 0.15)) * 0.1)
/* clang-format on */
#undef F

#define GOOD(n, txt, e, d, ...)                                              \
	{                                                                    \
		.name = n, .run = check_value, .text = txt, .E = e, .dE = d, \
		.at = { __VA_ARGS__ }                                        \
	}
#define BAD(n, txt, st, col)                                              \
	{                                                                 \
		.name = n, .run = check_error, .text = txt, .status = st, \
		.column = col

static const struct tcase
	cases[] = { GOOD("formula-add", "w + 3", e_add, d_one, -2, 0.5, 7),
		    GOOD("formula-sub", "3 - w", e_sub, d_mone, -2, 0.5, 7),
		    GOOD("formula-mul", "3*w*w", e_mul, d_mul, -2, 0.5, 7),
		    GOOD("formula-div", "1/w", e_div, d_div, -2, 0.5, 7),
		    GOOD("formula-pow", "w^3", e_pow, d_pow, -2, 0.5, 7),
		    GOOD("formula-pow-exponent", "2^w", e_exp2, d_exp2, -2, 0.5, 7),
		    GOOD("formula-pow-both", "w^w", e_wpw, d_wpw, 0.25, 0.5, 3),
		    GOOD("formula-neg", "-w", e_neg, d_mone, -2, 0.5, 7),
		    GOOD("formula-square", "w²", sq, twice, -2, 0.5, 7),
		    GOOD("formula-exp", "exp(w)", e_exp, e_exp, -2, 0.5, 7),
		    GOOD("formula-log", "log(w)", e_log, d_log, 0.1, 0.5, 7),
		    GOOD("formula-ln", "ln(w)", e_log, d_log, 0.1, 0.5, 7),
		    GOOD("formula-sqrt", "sqrt(w)", e_sqrt, d_sqrt, 0.1, 0.5, 7),
		    GOOD("formula-abs", "abs(w)", e_abs, d_abs, -2, 0, 7),
		    GOOD("formula-sin", "sin(2*w)", e_sin, d_sin, -2, 0.5, 7),
		    GOOD("formula-cos", "cos(w)", e_cos, d_cos, -2, 0.5, 7),
		    GOOD("formula-tan", "tan(w)", e_tan, d_tan, -1, 0.5, 1.2),
		    GOOD("formula-tanh", "tanh(w)", e_tanh, d_tanh, -2, 0.5, 7),
		    GOOD("formula-sigmoid", "sigmoid(w)", e_sig, d_sig, -40,
			 0.5, 7),
		    GOOD("formula-relu", "relu(w)", e_relu, d_relu, -2, 0, 7),
		    GOOD("formula-softplus", "softplus(w)", e_soft, d_soft, -2,
			 0.5, 7),
		    GOOD("formula-constants", "pi*w + e", e_pi, d_pi, -2, 0.5, 7),
		    GOOD("formula-chain", "exp(sin(w^2))", e_chain, d_chain, -2,
			 0.5, 7),
		    GOOD("formula-numbers", "1.5e2*w + .25 + 3.", e_num, d_num,
			 -2, 0, 7),
		    GOOD("formula-wide-operators", "3 × w · w", e_mul, d_mul,
			 -2, 0.5, 7),
		    GOOD("formula-wide-minus", "3 − w", e_sub, d_mone, -2, 0.5, 7),
		    GOOD("formula-neuron", "0.5*(0.2 - sigmoid(0.1*w + 0.15))^2",
			 e_neuron, d_neuron, -0.8, 0, 3),
		    { .name = "formula-two-weights",
		      .run = check_two,
		      .text = "w1^3 + w2^2*w1",
		      .E = e_pow,
		      .dE = d_pow,
		      .at = { 1, -2, 0.5 },
		      .w2 = { 3, 0.5, -1 },
		      .grad2 = { 6, -2, -1 } },
		    { .name = "formula2-builtin-bowl2",
		      .run = check_builtin2,
		      .text = "0.5*(1*w1^2 + 10*w2^2)",
		      .kind = GD_CURVE_BOWL2,
		      .w0 = { -2, 1 },
		      .rate = 0.15 },
		    { .name = "formula2-builtin-neuron2",
		      .run = check_builtin2,
		      .text = "0.5*(0.2 - sigmoid(w1*0.1 + w2*0.3 + 0))^2",
		      .kind = GD_CURVE_NEURON2,
		      .w0 = { -0.8, 0.5 },
		      .rate = 0.5 },
		    { .name = "formula2-builtin-wells2",
		      .run = check_builtin2,
		      .text = "(w1^2-1)^2 + 0.3*w1 + 0.45 + 0.5*2*w2^2",
		      .kind = GD_CURVE_WELLS2,
		      .w0 = { 1.8, 1 },
		      .rate = 0.02 },
		    /* .column: how many minima; .at the global, .w2 the next. */
		    { .name = "formula2-curve-bowl",
		      .run = check_curve2,
		      .text = "(w1 - 1)^2 + 3*(w2 + 0.5)^2",
		      .column = 1,
		      .at = { 1, -0.5 },
		      .w0 = { 3, 1 } },
		    { .name = "formula2-curve-wells",
		      .run = check_curve2,
		      .text = "(w1^2-1)^2 + 0.3*w1 + 0.45 + w2^2",
		      .column = 2,
		      .at = { -1.0355787128, 0 },
		      .w2 = { 0.9601495573, 0 },
		      .w0 = { 0.9644212872, 1.5 } },
		    /* 2 right of the minimum is outside the domain: left. */
		    { .name = "formula2-curve-domain",
		      .run = check_curve2,
		      .text = "(w1-2)^2 - sqrt(3 - w1) + w2^2",
		      .column = 1,
		      .at = { 1.774197012, 0 },
		      .w0 = { -0.225802988, 1.5 } },
		    /* E falls as w1 grows: no minimum, the start (2, 1.5). */
		    { .name = "formula2-curve-open",
		      .run = check_curve2,
		      .text = "-sqrt(w1) + w2^2",
		      .column = 0,
		      .w0 = { 2, 1.5 } },
		    { .name = "formula2-curve-no-minimum",
		      .run = check_curve2,
		      .text = "w1 + w2^2",
		      .column = 0,
		      .w0 = { 2, 1.5 } },
		    { .name = "formula-edges", .run = check_edges },
		    { .name = "formula-limits", .run = check_length },
		    { .name = "formula-curve", .run = check_curve },
		    { .name = "formula-builtin-bowl",
		      .run = check_builtin,
		      .text = "0.5*2*(w-0)^2",
		      .kind = GD_CURVE_BOWL },
		    { .name = "formula-builtin-wells",
		      .run = check_builtin,
		      .text = "(w^2-1)^2+0.3*w+0.45",
		      .kind = GD_CURVE_WELLS },
		    { .name = "formula-builtin-abs",
		      .run = check_builtin,
		      .text = "abs(w-1)",
		      .kind = GD_CURVE_ABS },
		    { .name = "formula-builtin-neuron",
		      .run = check_builtin,
		      .text = "0.5*(0.2 - sigmoid(w*0.1 + 0.15))^2",
		      .kind = GD_CURVE_NEURON },
		    BAD("formula-error-after-pow", "w + ^2",
			GD_FORMULA_EXPECTED_VALUE, 5),
		    .after = "+",
		    .token = "^" },
	BAD("formula-error-end-after-pow", "w^2^", GD_FORMULA_EXPECTED_VALUE, 5),
	.after = "^"
}
, BAD("formula-error-empty", "   ", GD_FORMULA_EMPTY, 4)
}
, BAD("formula-error-unknown-name", "x^2", GD_FORMULA_UNKNOWN_NAME, 1),
	.token = "x", .suggest = "w"
}
,
	BAD("formula-error-unknown-name-later", "(w - 1)² + wl",
	    GD_FORMULA_UNKNOWN_NAME, 12),
	.token = "wl", .suggest = "w"
}
, BAD("formula-error-unknown-function", "sine(w)", GD_FORMULA_UNKNOWN_FUNCTION, 1),
	.suggest = "sin"
}
, BAD("formula-error-no-paren", "sin w", GD_FORMULA_EXPECTED_PAREN, 1),
	.token = "sin"
}
, BAD("formula-error-not-function", "w(2)", GD_FORMULA_NOT_FUNCTION, 1)
}
, BAD("formula-error-unclosed", "2*(w + sin(w)", GD_FORMULA_UNCLOSED, 3)
}
, BAD("formula-error-unopened", "w + 1)", GD_FORMULA_UNOPENED, 6)
}
, BAD("formula-error-two-values", "(w 2)", GD_FORMULA_EXPECTED_END, 4), .token = "2"
}
, BAD("formula-error-trailing", "w w", GD_FORMULA_EXPECTED_END, 3)
}
, BAD("formula-error-bad-char", "w $ 2", GD_FORMULA_BAD_CHAR, 3), .token = "$"
}
, BAD("formula-error-bad-char-wide", "ω²+w", GD_FORMULA_BAD_CHAR, 1), .token = "ω"
}
, BAD("formula-error-hex", "0x10*w", GD_FORMULA_BAD_NUMBER, 1), .token = "0x10"
}
, BAD("formula-error-exponent", "w*1e", GD_FORMULA_BAD_NUMBER, 3)
}
, BAD("formula-error-overflow", "w*1e999", GD_FORMULA_BAD_NUMBER, 3)
}
, BAD("formula-error-dots", "1.2.3", GD_FORMULA_BAD_NUMBER, 1)
}
, BAD("formula-error-column-chars", "w² × −", GD_FORMULA_EXPECTED_VALUE, 7),
	.after = "−"
}
, BAD("formula-error-mixed", "w1 + w", GD_FORMULA_MIXED, 6)
}
, BAD("formula-error-mixed-other", "w*w2", GD_FORMULA_MIXED, 3)
}
, BAD("formula-error-not-utf8", "w+\xff", GD_FORMULA_NOT_UTF8, 3)
}
,
}
;

int main(int argc, char **argv)
{
	HARNESS_MAIN(cases, argc, argv);
}
