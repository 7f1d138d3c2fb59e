/* Curves of two weights: seed 002's two-weight step (doc/seeds/), gradients
 * against their closed forms and against central differences, bowl2's
 * exact trajectory, and exact undo in two weights. */
#include <math.h>
#include <stdlib.h>

#define PI 3.14159265358979323846

#include <gdstep/curve.h>
#include <gdstep/run.h>

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_curve_kind kind;
	double angle; /* bowl2's θ, degrees */
};

/* A gd run of curve from w0 = (w1, w2) with η and β. */
static struct gd_run *make_run(const struct gd_curve *c, double w1, double w2,
			       double rate, double beta)
{
	struct gd_optim opt;
	gd_optim_default(&opt, GD_OPTIMIZER_GD, rate);
	opt.hyper[GD_HYPER_MOMENTUM] = beta;
	double w[GD_DIM_MAX] = { w1, w2 };
	struct gd_run *run = NULL;
	if (gd_run_create(&run, c, w, &opt) != 0)
		return NULL;
	return run;
}

/* Seed 002: x = (0.1, 0.3), w = (−0.8, 0.5), y = 0.2, η = 0.5. */
static void check_seed_002(const struct tcase *t)
{
	(void)t;
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_NEURON2);
	const double w[2] = { -0.8, 0.5 };
	struct gd_neuron2_terms nt;
	CHECK(gd_curve_neuron2_terms(&c, w, 0, &nt) == 0);
	CHECK_APPROX(nt.h, 0.07, 1e-12, 0);
	double yhat = 1 / (1 + exp(-0.07));
	CHECK_APPROX(nt.yhat, yhat, 1e-15, 0);
	CHECK_APPROX(nt.err, 0.2 - yhat, 1e-15, 0);
	CHECK_APPROX(nt.delta, (0.2 - yhat) * yhat * (1 - yhat), 1e-15, 0);
	const struct gd_curve_spec *cs = gd_curve_spec(GD_CURVE_NEURON2);
	CHECK(cs->w0[0] == -0.8 && cs->w0[1] == 0.5 && cs->rate == 0.5);
	struct gd_run *run = make_run(&c, -0.8, 0.5, 0.5, 0);
	CHECK(run != NULL);
	if (!run)
		return;
	struct gd_update u;
	CHECK(gd_run_step(run, &u));
	CHECK_APPROX(u.delta[0], -0.0039638030790, 1e-9, 0);
	CHECK_APPROX(u.delta[1], -0.0118914092370, 1e-9, 0);
	/* The larger input moves its weight three times as far. */
	CHECK_APPROX(u.delta[1] / u.delta[0], 3, 0, 1e-12);
	CHECK_APPROX(u.E, 0.5 * (0.2 - yhat) * (0.2 - yhat), 1e-15, 0);
	gd_run_destroy(run);
}

/* The closed forms of curve.h, written out again here. */
static void closed_form(const struct gd_curve *c, const double *w, double *g)
{
	switch (c->kind) {
	case GD_CURVE_BOWL2: {
		double t = c->p[GD_BOWL2_ANGLE] * PI / 180;
		double d1 = w[0] - c->p[GD_BOWL2_C1],
		       d2 = w[1] - c->p[GD_BOWL2_C2];
		double u1 = cos(t) * d1 + sin(t) * d2;
		double u2 = -sin(t) * d1 + cos(t) * d2;
		double a1 = c->p[GD_BOWL2_A1], a2 = c->p[GD_BOWL2_A2];
		g[0] = cos(t) * a1 * u1 - sin(t) * a2 * u2;
		g[1] = sin(t) * a1 * u1 + cos(t) * a2 * u2;
		break;
	}
	case GD_CURVE_NEURON2:
		g[0] = g[1] = 0;
		for (int u = 0; u < c->n; u++) {
			double x1 = c->list[GD_NEURON2_X1][u];
			double x2 = c->list[GD_NEURON2_X2][u];
			double y = c->list[GD_NEURON2_Y][u];
			double h = w[0] * x1 + w[1] * x2 + c->p[GD_NEURON2_B];
			double s = 1 / (1 + exp(-h));
			double d = (y - s) * s * (1 - s);
			g[0] -= d * x1;
			g[1] -= d * x2;
		}
		break;
	default: /* wells2 */
		g[0] = 4 * w[0] * (w[0] * w[0] - 1) + 0.3;
		g[1] = c->p[GD_WELLS2_K] * w[1];
	}
}

/* The curve of the case, with non-default parameters to exercise them. */
static void case_curve(const struct tcase *t, struct gd_curve *c)
{
	gd_curve_default(c, t->kind);
	if (t->kind == GD_CURVE_BOWL2) {
		c->p[GD_BOWL2_A1] = 1.5;
		c->p[GD_BOWL2_A2] = 6;
		c->p[GD_BOWL2_C1] = 0.5;
		c->p[GD_BOWL2_C2] = -1;
		c->p[GD_BOWL2_ANGLE] = t->angle;
	} else if (t->kind == GD_CURVE_NEURON2) {
		static const double s[3][3] = { { 0.1, 0.3, 0.2 },
						{ 0.5, -0.2, 0.7 },
						{ -0.4, 0.8, 0.4 } };
		c->n = 3;
		for (int u = 0; u < 3; u++)
			for (int i = 0; i < 3; i++)
				c->list[i][u] = s[u][i];
		c->p[GD_NEURON2_B] = 0.25;
	}
	CHECK(gd_curve_check(c) == 0);
}

/* ∇E against the closed form and a central difference on a grid. */
static void check_gradient(const struct tcase *t)
{
	struct gd_curve c;
	case_curve(t, &c);
	const double h = 1e-6;
	for (double a = -2.05; a <= 2.05; a += 0.25) {
		for (double b = -2.05; b <= 2.05; b += 0.25) {
			double w[2] = { a, b }, g[2], f[2];
			gd_curve_grad(&c, w, g);
			closed_form(&c, w, f);
			CHECK_APPROX(g[0], f[0], 1e-12, 1e-12);
			CHECK_APPROX(g[1], f[1], 1e-12, 1e-12);
			for (int k = 0; k < 2; k++) {
				double p[2] = { a, b }, m[2] = { a, b };
				p[k] += h;
				m[k] -= h;
				double d = (gd_curve_eval(&c, p) -
					    gd_curve_eval(&c, m)) /
					   (2 * h);
				CHECK_APPROX(g[k], d, 1e-6, 1e-6);
			}
		}
	}
}

/* bowl2 unrotated: wₖ − cₖ = (1 − η·aₖ)ⁿ·(w0ₖ − cₖ) on each axis, the
 * zig-zag of the elongated axis included. */
static void check_bowl2_trajectory(const struct tcase *t)
{
	(void)t;
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_BOWL2);
	c.p[GD_BOWL2_C1] = 1;
	c.p[GD_BOWL2_C2] = -0.5;
	const double eta = 0.15, w0[2] = { -2, 1 };
	struct gd_run *run = make_run(&c, w0[0], w0[1], eta, 0);
	CHECK(run != NULL);
	if (!run)
		return;
	double q[2] = { 1 - eta * c.p[GD_BOWL2_A1], 1 - eta * c.p[GD_BOWL2_A2] };
	const double cc[2] = { 1, -0.5 };
	for (int n = 1; n <= 40; n++) {
		CHECK(gd_run_step(run, NULL));
		for (int k = 0; k < 2; k++)
			CHECK_APPROX(run->w[k] - cc[k],
				     pow(q[k], n) * (w0[k] - cc[k]), 1e-13, 1e-9);
	}
	/* The steep axis flips sign every step; the shallow one never. */
	gd_run_reset(run);
	struct gd_update u, v;
	CHECK(gd_run_step(run, &u));
	CHECK(gd_run_step(run, &v));
	CHECK(u.delta[1] * v.delta[1] < 0 && u.delta[0] * v.delta[0] > 0);
	gd_run_destroy(run);
}

/* Rotated, the bowl's minimum and E along its own axes are unchanged. */
static void check_bowl2_rotated(const struct tcase *t)
{
	struct gd_curve c;
	case_curve(t, &c);
	double m[GD_CURVE_MINIMA][GD_DIM_MAX];
	CHECK(gd_curve_minima(&c, m) == 1);
	CHECK(m[0][0] == 0.5 && m[0][1] == -1);
	double th = t->angle * PI / 180;
	double w[2] = { 0.5 + 2 * cos(th), -1 + 2 * sin(th) };
	CHECK_APPROX(gd_curve_eval(&c, w), 0.5 * 1.5 * 4, 1e-12, 0);
	double v[2] = { 0.5 - 2 * sin(th), -1 + 2 * cos(th) };
	CHECK_APPROX(gd_curve_eval(&c, v), 0.5 * 6 * 4, 1e-12, 0);
}

static void check_wells2_minima(const struct tcase *t)
{
	(void)t;
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_WELLS2);
	double m[GD_CURVE_MINIMA][GD_DIM_MAX];
	CHECK(gd_curve_minima(&c, m) == 2);
	CHECK(m[0][0] < -1 && m[1][0] > 0.9 && m[0][1] == 0 && m[1][1] == 0);
	CHECK(gd_curve_eval(&c, m[0]) < gd_curve_eval(&c, m[1]));
	/* From the default start, plain descent settles in the local well. */
	const struct gd_curve_spec *cs = gd_curve_spec(GD_CURVE_WELLS2);
	struct gd_run *run = make_run(&c, cs->w0[0], cs->w0[1], cs->rate, 0);
	CHECK(run != NULL);
	if (!run)
		return;
	for (int i = 0; i < 3000; i++)
		gd_run_step(run, NULL);
	CHECK_APPROX(run->w[0], m[1][0], 1e-6, 0);
	CHECK_APPROX(run->w[1], 0, 1e-6, 0);
	gd_run_destroy(run);
}

/* neuron2 with several samples has its minimum where ∇E = 0. */
static void check_neuron2_minimum(const struct tcase *t)
{
	struct gd_curve c;
	case_curve(t, &c);
	double m[GD_CURVE_MINIMA][GD_DIM_MAX], g[2];
	CHECK(gd_curve_minima(&c, m) == 1);
	gd_curve_grad(&c, m[0], g);
	CHECK_APPROX(g[0], 0, 1e-7, 0);
	CHECK_APPROX(g[1], 0, 1e-7, 0);
	gd_curve_default(&c, GD_CURVE_NEURON2);
	CHECK(gd_curve_minima(&c, m) == 1);
	CHECK_APPROX(gd_curve_eval(&c, m[0]), 0, 1e-15, 0);
}

static bool same_w(const struct gd_run *run, const double *w, double e)
{
	return same_bits(run->w[0], w[0]) && same_bits(run->w[1], w[1]) &&
	       same_bits(run->E, e);
}

/* Steps with momentum and changes of η, undone all the way, give back
 * every earlier state bit for bit. */
static void check_undo(const struct tcase *t)
{
	struct gd_curve c;
	case_curve(t, &c);
	struct gd_run *run = make_run(&c, -0.8, 0.5, 0.05, 0.6);
	CHECK(run != NULL);
	if (!run)
		return;
	double seen[60][3];
	for (int i = 0; i < 60; i++) {
		seen[i][0] = run->w[0];
		seen[i][1] = run->w[1];
		seen[i][2] = run->E;
		if (i == 20)
			gd_run_set_rate(run, 0.02);
		CHECK(gd_run_step(run, NULL));
	}
	for (int i = 59; i >= 0; i--) {
		CHECK(gd_run_undo(run));
		CHECK(same_w(run, seen[i], seen[i][2]));
	}
	CHECK(run->state[GD_GD_V][0] == 0 && run->state[GD_GD_V][1] == 0);
	CHECK(!gd_run_undo(run));
	gd_run_destroy(run);
}

static const struct tcase cases[] = {
	{ .name = "neuron2-seed-002", .run = check_seed_002 },
	{ .name = "bowl2-gradient", .run = check_gradient, .kind = GD_CURVE_BOWL2 },
	{ .name = "bowl2-rotated-gradient",
	  .run = check_gradient,
	  .kind = GD_CURVE_BOWL2,
	  .angle = 30 },
	{ .name = "neuron2-gradient",
	  .run = check_gradient,
	  .kind = GD_CURVE_NEURON2 },
	{ .name = "wells2-gradient", .run = check_gradient, .kind = GD_CURVE_WELLS2 },
	{ .name = "bowl2-trajectory", .run = check_bowl2_trajectory },
	{ .name = "bowl2-rotated-axes",
	  .run = check_bowl2_rotated,
	  .kind = GD_CURVE_BOWL2,
	  .angle = 30 },
	{ .name = "wells2-minima", .run = check_wells2_minima },
	{ .name = "neuron2-minimum",
	  .run = check_neuron2_minimum,
	  .kind = GD_CURVE_NEURON2 },
	{ .name = "bowl2-undo-exact",
	  .run = check_undo,
	  .kind = GD_CURVE_BOWL2,
	  .angle = 30 },
	{ .name = "neuron2-undo-exact", .run = check_undo, .kind = GD_CURVE_NEURON2 },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
