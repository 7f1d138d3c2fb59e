/* The view: mapping both ways, clamping, round ticks, fitting. */
#include <math.h>

#include <gdstep/view.h>

#include "harness.h"
#include "runs.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	double lo, hi; /* tick range */
	int max;       /* most ticks */
	double step;   /* expected spacing */
	int count;     /* expected number of ticks */
};

static const struct gd_view base = {
	.wmin = -2,
	.wmax = 2,
	.emin = 0,
	.emax = 4,
	.x = 100,
	.y = 50,
	.width = 800,
	.height = 400,
};

static void check_mapping(const struct tcase *t)
{
	double px, py, w, e;
	gd_view_to_screen(&base, -2, 4, &px, &py);
	CHECK(px == 100 && py == 50); /* top-left is (wmin, emax) */
	gd_view_to_screen(&base, 2, 0, &px, &py);
	CHECK(px == 900 && py == 450);
	gd_view_to_screen(&base, 0, 1, &px, &py);
	CHECK(px == 500 && py == 350); /* E grows upward: y shrinks */
	for (double ww = -3; ww <= 3; ww += 0.37) {
		gd_view_to_screen(&base, ww, ww * ww, &px, &py);
		gd_view_from_screen(&base, px, py, &w, &e);
		CHECK_APPROX(w, ww, 1e-12, 1e-12);
		CHECK_APPROX(e, ww * ww, 1e-12, 1e-12);
	}
	CHECK(gd_view_contains(&base, 500, 300));
	CHECK(!gd_view_contains(&base, 99, 300));
	CHECK(!gd_view_contains(&base, 500, 451));
	(void)t;
}

/* A diverging run at 1e11 maps to pixels that fit an int. */
static void check_clamp(const struct tcase *t)
{
	const double vals[] = { 1e11,
				-1e11,
				1e300,
				-1e300,
				(double)INFINITY,
				-(double)INFINITY,
				(double)NAN };
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		double px, py;
		gd_view_to_screen(&base, vals[i], vals[i], &px, &py);
		CHECK(isfinite(px) && isfinite(py));
		CHECK(fabs(px) <= GD_VIEW_CLAMP && fabs(py) <= GD_VIEW_CLAMP);
		CHECK(fabs(px) < 2147483647.0 && fabs(py) < 2147483647.0);
	}
	(void)t;
}

static void check_ticks(const struct tcase *t)
{
	double ticks[GD_VIEW_MAX_TICKS], step;
	int n = gd_view_ticks(t->lo, t->hi, t->max, ticks, &step);
	if (n != t->count)
		fprintf(stderr, "%d ticks, step %g\n", n, step);
	CHECK(n == t->count);
	if (n == 0)
		return;
	CHECK_APPROX(step, t->step, 0, 1e-12);
	/* Round: a multiple of 1, 2 or 5 × 10ᵏ; inside; increasing. */
	double m = step / pow(10, floor(log10(step)));
	CHECK(approx_eq(m, 1, 0, 1e-9) || approx_eq(m, 2, 0, 1e-9) ||
	      approx_eq(m, 5, 0, 1e-9));
	for (int i = 0; i < n; i++) {
		CHECK(ticks[i] >= t->lo - 1e-9 * step);
		CHECK(ticks[i] <= t->hi + 1e-9 * step);
		CHECK_APPROX(ticks[i] / step, round(ticks[i] / step), 1e-9, 0);
		if (i)
			CHECK(ticks[i] > ticks[i - 1]);
	}
}

/* Every range from tiny to huge gives 2 … max ticks. */
static void check_ticks_sweep(const struct tcase *t)
{
	for (double span = 1e-9; span < 1e13; span *= 1.7) {
		for (double off = -3; off <= 3; off += 1.3) {
			double lo = off * span, hi = lo + span, ticks[32];
			for (int max = 3; max <= 12; max++) {
				int n = gd_view_ticks(lo, hi, max, ticks, NULL);
				/* Two ticks at least once a round step fits twice. */
				int least = max >= 5 ? 2 : 1;
				if (n < least || n > max)
					fprintf(stderr,
						"[%.17g, %.17g] max %d: %d\n",
						lo, hi, max, n);
				CHECK(n >= least && n <= max);
			}
		}
	}
	double ticks[GD_VIEW_MAX_TICKS];
	CHECK(gd_view_ticks(1, 1, 5, ticks, NULL) == 0);
	CHECK(gd_view_ticks(2, 1, 5, ticks, NULL) == 0);
	CHECK(gd_view_ticks((double)NAN, 1, 5, ticks, NULL) == 0);
	CHECK(gd_view_ticks(0, (double)INFINITY, 5, ticks, NULL) == 0);
	CHECK(gd_view_ticks(-1e308, 1e308, 5, ticks, NULL) == 0);
	(void)t;
}

static void check_fit_run(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_BOWL);
	struct gd_run *run = NULL;
	run_init(&run, &c, 2, 0.1, 0);
	struct gd_view v = base;
	gd_view_fit_run(&v, run);
	CHECK(v.wmin < -0.5 && v.wmax > 2); /* the minimum and the start */
	CHECK(v.emin == 0 && v.emax > 4);
	/* A bouncing run's trail stays in view. */
	run_init(&run, &c, 2, 0.9, 0);
	for (int k = 0; k < 5; k++)
		gd_run_step(run, NULL);
	gd_view_fit_run(&v, run);
	for (size_t i = 0; i < gd_run_history_len(run); i++) {
		double w = gd_run_history_at(run, i)->w[0];
		CHECK(w > v.wmin && w < v.wmax);
		CHECK(gd_curve_eval1(&c, w) < v.emax);
	}
	/* A diverged run: the view is finite and ordered. */
	run_init(&run, &c, 2, 1.5, 0);
	while (gd_run_step(run, NULL))
		;
	gd_view_fit_run(&v, run);
	CHECK(isfinite(v.wmin) && isfinite(v.wmax) && v.wmin < v.wmax);
	CHECK(isfinite(v.emin) && isfinite(v.emax) && v.emin < v.emax);
	(void)t;
}

/* A step under min_frac of the range is framed to want_frac of it,
 * centred; a long one, 0 and NaN change nothing; the width has a floor. */
static void check_frame_step(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_BOWL);
	struct gd_view v = { .wmin = -20, .wmax = 4, .width = 700, .height = 500 };
	CHECK(gd_view_frame_step(&v, &c, -0.8, -0.804, 0.02, 0.1));
	CHECK_APPROX(v.wmax - v.wmin, 0.04, 1e-12, 1e-9);
	CHECK_APPROX(0.5 * (v.wmin + v.wmax), -0.802, 1e-12, 1e-9);
	CHECK(v.emax > v.emin && v.emin <= 0.64 && v.emax >= 0.6464);
	CHECK(v.emax - v.emin >= 0.02 * v.emax - 1e-12);
	struct gd_view before = v;
	CHECK(!gd_view_frame_step(&v, &c, -0.8, -0.81, 0.02, 0.1));
	CHECK(!gd_view_frame_step(&v, &c, 1, 1, 0.02, 0.1));
	CHECK(!gd_view_frame_step(&v, &c, 1, (double)NAN, 0.02, 0.1));
	CHECK(v.wmin == before.wmin && v.wmax == before.wmax);
	v.wmin = -1, v.wmax = 1;
	CHECK(gd_view_frame_step(&v, &c, 0, 1e-9, 0.02, 0.1));
	CHECK_APPROX(v.wmax - v.wmin, 3e-3, 1e-15, 1e-9); /* the floor */
	(void)t;
}

static void check_zoom_pan(const struct tcase *t)
{
	struct gd_view v = base;
	gd_view_zoom(&v, 2, 1, 2);
	CHECK_APPROX(v.wmin, -0.5, 1e-12, 0);
	CHECK_APPROX(v.wmax, 1.5, 1e-12, 0);
	CHECK_APPROX(v.emin, 1, 1e-12, 0);
	CHECK_APPROX(v.emax, 3, 1e-12, 0);
	/* The point under the cursor stays put. */
	double px, py;
	gd_view_to_screen(&base, 1, 2, &px, &py);
	double w, e;
	gd_view_from_screen(&v, px, py, &w, &e);
	CHECK_APPROX(w, 1, 1e-12, 0);
	CHECK_APPROX(e, 2, 1e-12, 0);
	/* Drag right by 100 px: the world moves with the mouse. */
	struct gd_view p = base;
	gd_view_pan(&p, 100, 0);
	CHECK_APPROX(p.wmin, -2.5, 1e-12, 0);
	/* Zooming in forever stops before spans degenerate. */
	for (int i = 0; i < 200; i++)
		gd_view_zoom(&v, 2, 1, 2);
	CHECK(v.wmax > v.wmin && v.emax > v.emin);
	for (int i = 0; i < 400; i++)
		gd_view_zoom(&v, 0.5, 1, 2);
	CHECK(isfinite(v.wmax - v.wmin) && isfinite(v.emax - v.emin));
	(void)t;
}

static const struct tcase cases[] = {
	{ .name = "view-mapping", .run = check_mapping },
	{ .name = "view-clamp-extremes", .run = check_clamp },
	{ .name = "ticks-unit",
	  .run = check_ticks,
	  .lo = -2,
	  .hi = 2,
	  .max = 9,
	  .step = 0.5,
	  .count = 9 },
	{ .name = "ticks-small",
	  .run = check_ticks,
	  .lo = 0.0012,
	  .hi = 0.0051,
	  .max = 5,
	  .step = 0.001,
	  .count = 4 },
	{ .name = "ticks-large",
	  .run = check_ticks,
	  .lo = -3e11,
	  .hi = 7e11,
	  .max = 6,
	  .step = 2e11,
	  .count = 5 },
	{ .name = "ticks-offset",
	  .run = check_ticks,
	  .lo = 1000.25,
	  .hi = 1000.95,
	  .max = 7,
	  .step = 0.1,
	  .count = 7 },
	{ .name = "ticks-sweep", .run = check_ticks_sweep },
	{ .name = "view-fit-run", .run = check_fit_run },
	{ .name = "view-zoom-pan", .run = check_zoom_pan },
	{ .name = "view-frame-step", .run = check_frame_step },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
