/* Curves: the numbers of the lecture notes (doc/seeds/), derivatives against difference quotients,
 * minima and ranges. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <gdstep/curve.h>
#include <gdstep/run.h>

#include "harness.h"
#include "runs.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_curve_kind kind;
	double w;     /* where to evaluate */
	double E;     /* expected E(w) */
	double slope; /* expected dE/dw */
};

static void check_point(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, t->kind);
	CHECK(gd_curve_check(&c) == 0);
	CHECK_APPROX(gd_curve_eval1(&c, t->w), t->E, 1e-12, 1e-9);
	CHECK_APPROX(slope1(&c, t->w), t->slope, 1e-12, 1e-9);
}

/* Seed 002: x = 0.1, b = 0.15, y = 0.2, w = −0.8, η = 0.5. */
static void check_seed_002(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_NEURON);
	struct gd_neuron_terms nt;
	CHECK(gd_curve_neuron_terms(&c, -0.8, 0, &nt) == 0);
	CHECK_APPROX(nt.h, 0.07, 1e-12, 0);
	CHECK_APPROX(nt.yhat, 0.5174928577, 1e-9, 0);
	CHECK_APPROX(nt.err, -0.3174928577, 1e-9, 0);
	CHECK_APPROX(nt.dsig, 0.5174928577 * (1 - 0.5174928577), 1e-9, 0);
	CHECK_APPROX(gd_curve_eval1(&c, -0.8), 0.05040085733, 1e-9, 0);
	CHECK_APPROX(slope1(&c, -0.8), 0.007927606158, 1e-9, 0);
	struct start1 s = start_default(GD_CURVE_NEURON);
	struct gd_run *run = NULL;
	CHECK(run_init(&run, &c, s.w0, s.rate, s.momentum) == 0);
	struct gd_update u;
	CHECK(gd_run_step(run, &u));
	CHECK_APPROX(u.delta[0], -0.003963803079, 1e-9, 0);
	CHECK_APPROX(u.w_next[0], -0.8 - 0.003963803079, 1e-9, 0);
	(void)t;
}

/* The analytic slope against a central difference at many points. */
static void check_derivative(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, t->kind);
	for (double w = -3.05; w <= 3.05; w += 0.1) {
		if (t->kind == GD_CURVE_ABS && fabs(w - CURVE_C(c)) < 1e-3)
			continue; /* the kink */
		double h = 1e-6;
		double fd = (gd_curve_eval1(&c, w + h) -
			     gd_curve_eval1(&c, w - h)) /
			    (2 * h);
		CHECK_APPROX(slope1(&c, w), fd, 1e-6, 1e-6);
	}
}

static void check_abs_kink(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_ABS);
	CHECK(slope1(&c, CURVE_C(c)) == 0);
	CHECK(slope1(&c, nextafter(CURVE_C(c), 2)) == 1);
	CHECK(slope1(&c, CURVE_C(c) - 1e-12) == -1);
	CHECK(gd_curve_eval1(&c, CURVE_C(c)) == 0);
	(void)t;
}

static void check_wells_minima(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_WELLS);
	double g;
	CHECK(gd_curve_minimum(&c, &g));
	CHECK_APPROX(g, -1.036, 5e-4, 0);
	CHECK_APPROX(slope1(&c, g), 0, 1e-12, 0);
	/* The local well near 0.960 is higher than the global one. */
	double local = 0.96, fd = slope1(&c, local);
	CHECK(fabs(fd) < 0.02);
	CHECK(gd_curve_eval1(&c, g) < gd_curve_eval1(&c, local));
	(void)t;
}

static void check_minimum(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, t->kind);
	double m;
	CHECK(gd_curve_minimum(&c, &m));
	CHECK_APPROX(m, t->w, 1e-9, 1e-9);
	CHECK_APPROX(slope1(&c, m), 0, 1e-9, 0);
}

/* Two samples: the minimum is found numerically, where the slope is 0. */
static void check_neuron_two_samples(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_NEURON);
	c.n = 2;
	c.list[GD_NEURON_X][1] = 0.5;
	c.list[GD_NEURON_B][1] = -0.2;
	c.list[GD_NEURON_Y][1] = 0.7;
	CHECK(gd_curve_check(&c) == 0);
	double m;
	CHECK(gd_curve_minimum(&c, &m));
	CHECK_APPROX(slope1(&c, m), 0, 1e-9, 0);
	CHECK(gd_curve_eval1(&c, m) <= gd_curve_eval1(&c, m + 0.01));
	CHECK(gd_curve_eval1(&c, m) <= gd_curve_eval1(&c, m - 0.01));
	(void)t;
}

/* A target of 1 is approached but never reached: no finite minimum. */
static void check_neuron_no_minimum(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_NEURON);
	c.list[GD_NEURON_Y][0] = 1.0;
	double m = 42;
	CHECK(!gd_curve_minimum(&c, &m));
	double lo, hi;
	gd_curve_range(&c, &(double){ -0.8 }, 0, &lo, &hi);
	CHECK(isfinite(lo) && isfinite(hi) && lo < -0.8 && hi > -0.8);
	(void)t;
}

/* The suggested range shows the start and every minimum. */
static void check_range(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, t->kind);
	struct start1 s = start_default(t->kind);
	double lo, hi, m;
	gd_curve_range(&c, &(double){ s.w0 }, 0, &lo, &hi);
	CHECK(lo < s.w0 && s.w0 < hi);
	CHECK(gd_curve_minimum(&c, &m));
	CHECK(lo < m && m < hi);
	if (t->kind == GD_CURVE_WELLS)
		CHECK(lo < -1.036 && 0.960 < hi);
}

/* Far from the minimum the sigmoid saturates without NaN. */
static void check_extremes(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, t->kind);
	const double ws[] = { -1e12, -1e6, 0, 1e6, 1e12 };
	for (size_t i = 0; i < sizeof(ws) / sizeof(ws[0]); i++) {
		CHECK(!isnan(gd_curve_eval1(&c, ws[i])));
		CHECK(!isnan(slope1(&c, ws[i])));
	}
}

static void check_names(const struct tcase *t)
{
	for (int k = 0; k < GD_CURVE_COUNT; k++) {
		enum gd_curve_kind back;
		CHECK(gd_curve_kind_from_name(gd_curve_name(k), &back) == 0);
		CHECK(back == (enum gd_curve_kind)k);
	}
	enum gd_curve_kind k;
	CHECK(gd_curve_kind_from_name("Bowl", &k) == -EINVAL);
	CHECK(gd_curve_kind_from_name("", &k) == -EINVAL);
	CHECK(gd_curve_name(GD_CURVE_COUNT) == NULL);
	(void)t;
}

static void check_bad_params(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_BOWL);
	c.p[GD_BOWL_A] = 0;
	CHECK(gd_curve_check(&c) == -EINVAL);
	c.p[GD_BOWL_A] = (double)NAN;
	CHECK(gd_curve_check(&c) == -EINVAL);
	gd_curve_default(&c, GD_CURVE_ABS);
	CURVE_C(c) = (double)INFINITY;
	CHECK(gd_curve_check(&c) == -EINVAL);
	gd_curve_default(&c, GD_CURVE_NEURON);
	c.n = 0;
	CHECK(gd_curve_check(&c) == -EINVAL);
	c.n = GD_NEURON_MAX_SAMPLES + 1;
	CHECK(gd_curve_check(&c) == -EINVAL);
	c.n = 1;
	c.list[GD_NEURON_Y][0] = (double)NAN;
	CHECK(gd_curve_check(&c) == -EINVAL);
	struct gd_neuron_terms nt;
	gd_curve_default(&c, GD_CURVE_NEURON);
	CHECK(gd_curve_neuron_terms(&c, 0, 1, &nt) == -EINVAL);
	gd_curve_default(&c, GD_CURVE_BOWL);
	CHECK(gd_curve_neuron_terms(&c, 0, 0, &nt) == -EINVAL);
	(void)t;
}

/* Every row of the curve table: a name that looks itself up, a dimension,
 * a formula, defaults inside their own ranges, a finite start, minima
 * where the gradient vanishes, and a range that shows them and the
 * start. */
static void check_table(const struct tcase *t)
{
	(void)t;
	for (int k = 0; k < GD_CURVE_COUNT; k++) {
		const struct gd_curve_spec *cs = gd_curve_spec(k);
		CHECK(cs && cs->name && cs->eval && cs->minima);
		enum gd_curve_kind found;
		CHECK(gd_curve_kind_from_name(cs->name, &found) == 0 &&
		      (int)found == k);
		CHECK(cs->dim >= 1 && cs->dim <= GD_DIM_MAX);
		CHECK(strncmp(cs->formula, "E(", 2) == 0);
		struct gd_curve c;
		gd_curve_default(&c, k);
		CHECK(gd_curve_check(&c) == 0 && gd_curve_dim(&c) == cs->dim);
		double g[GD_DIM_MAX];
		CHECK(isfinite(gd_curve_grad(&c, cs->w0, g)) && isfinite(g[0]));
		CHECK(cs->rate > 0);
		double m[GD_CURVE_MINIMA][GD_DIM_MAX];
		int n = gd_curve_minima(&c, m);
		CHECK(n >= 0 && n <= GD_CURVE_MINIMA);
		for (int i = 0; i < n; i++) {
			gd_curve_grad(&c, m[i], g);
			for (int d = 0; d < cs->dim; d++)
				CHECK_APPROX(g[d], 0, 1e-9, 0);
		}
		for (int d = 0; d < cs->dim; d++) {
			double lo, hi;
			gd_curve_range(&c, cs->w0, d, &lo, &hi);
			CHECK(lo < cs->w0[d] && cs->w0[d] < hi);
			for (int i = 0; i < n; i++)
				CHECK(lo < m[i][d] && m[i][d] < hi);
		}
	}
	CHECK(gd_curve_spec(GD_CURVE_COUNT) == NULL);
}

/* Each parameter's range is what gd_curve_check enforces: its ends are
 * refused or taken as the row says. */
static void check_param_ranges(const struct tcase *t)
{
	(void)t;
	for (int k = 0; k < GD_CURVE_COUNT; k++) {
		const struct gd_curve_spec *cs = gd_curve_spec(k);
		for (int i = 0; i < cs->nparams; i++) {
			const struct gd_param_spec *p = &cs->params[i];
			struct gd_curve c;
			gd_curve_default(&c, k);
			c.p[i] = p->min;
			CHECK((gd_curve_check(&c) == 0) == !p->min_open);
			c.p[i] = nextafter(p->max, 2 * p->max + 1);
			CHECK(gd_curve_check(&c) == -EINVAL);
			c.p[i] = (double)NAN;
			CHECK(gd_curve_check(&c) == -EINVAL);
		}
		for (int i = 0; i < cs->nlists; i++) {
			struct gd_curve c;
			gd_curve_default(&c, k);
			c.list[i][0] = (double)INFINITY;
			CHECK(gd_curve_check(&c) == -EINVAL);
			c.list[i][0] = cs->lists[i].def;
			c.n = GD_SAMPLES_MAX + 1;
			CHECK(gd_curve_check(&c) == -EINVAL);
		}
	}
}

static const struct tcase cases[] = {
	{ .name = "curve-table-rows", .run = check_table },
	{ .name = "curve-param-ranges", .run = check_param_ranges },
	/* Seed 000: f(x) = x² has slope 4 at 2. */
	{ .name = "bowl-seed-000-slope",
	  .run = check_point,
	  .kind = GD_CURVE_BOWL,
	  .w = 2,
	  .E = 4,
	  .slope = 4 },
	{ .name = "bowl-at-minimum",
	  .run = check_point,
	  .kind = GD_CURVE_BOWL,
	  .w = 0,
	  .E = 0,
	  .slope = 0 },
	{ .name = "wells-at-start",
	  .run = check_point,
	  .kind = GD_CURVE_WELLS,
	  .w = 1.8,
	  .E = 2.24 * 2.24 + 0.54 + 0.45,
	  .slope = 4 * 1.8 * 2.24 + 0.3 },
	{ .name = "abs-at-start",
	  .run = check_point,
	  .kind = GD_CURVE_ABS,
	  .w = 3,
	  .E = 2,
	  .slope = 1 },
	{ .name = "abs-left",
	  .run = check_point,
	  .kind = GD_CURVE_ABS,
	  .w = -1,
	  .E = 2,
	  .slope = -1 },
	{ .name = "neuron-seed-002", .run = check_seed_002 },
	{ .name = "bowl-derivative", .run = check_derivative, .kind = GD_CURVE_BOWL },
	{ .name = "neuron-derivative",
	  .run = check_derivative,
	  .kind = GD_CURVE_NEURON },
	{ .name = "wells-derivative",
	  .run = check_derivative,
	  .kind = GD_CURVE_WELLS },
	{ .name = "abs-derivative", .run = check_derivative, .kind = GD_CURVE_ABS },
	{ .name = "abs-kink", .run = check_abs_kink },
	{ .name = "wells-minima", .run = check_wells_minima },
	{ .name = "bowl-minimum", .run = check_minimum, .kind = GD_CURVE_BOWL, .w = 0 },
	{ .name = "abs-minimum", .run = check_minimum, .kind = GD_CURVE_ABS, .w = 1 },
	/* σ(0.1·w + 0.15) = 0.2 ⇒ w = (ln(0.25) − 0.15) / 0.1 */
	{ .name = "neuron-minimum",
	  .run = check_minimum,
	  .kind = GD_CURVE_NEURON,
	  .w = -15.362943611198906 },
	{ .name = "neuron-two-samples", .run = check_neuron_two_samples },
	{ .name = "neuron-no-minimum", .run = check_neuron_no_minimum },
	{ .name = "bowl-range", .run = check_range, .kind = GD_CURVE_BOWL },
	{ .name = "neuron-range", .run = check_range, .kind = GD_CURVE_NEURON },
	{ .name = "wells-range", .run = check_range, .kind = GD_CURVE_WELLS },
	{ .name = "abs-range", .run = check_range, .kind = GD_CURVE_ABS },
	{ .name = "neuron-extremes", .run = check_extremes, .kind = GD_CURVE_NEURON },
	{ .name = "wells-extremes", .run = check_extremes, .kind = GD_CURVE_WELLS },
	{ .name = "curve-names", .run = check_names },
	{ .name = "curve-bad-params", .run = check_bad_params },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
