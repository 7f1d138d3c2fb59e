/*
 * Helpers for tests of one-weight runs: the first version's calls
 * (gd_run_init with w0, η, β; the slope at a number) over today's API.
 * Runs made here are kept in a table until the program exits, so a check
 * that returns early leaks nothing.
 */
#ifndef GDSTEP_TESTS_RUNS_H
#define GDSTEP_TESTS_RUNS_H

#include <stdlib.h>

#include <gdstep/curve.h>
#include <gdstep/run.h>

static struct gd_run *runs_made[64];

/* Destroys every run made by run_init, at exit. */
static void runs_free(void)
{
	for (int i = 0; i < 64; i++) {
		gd_run_destroy(runs_made[i]);
		runs_made[i] = NULL;
	}
}

/* A gd run of curve from w0 with η and β into *run (replacing a run made
 * before); returns gd_run_create's result. */
static inline int run_init(struct gd_run **run, const struct gd_curve *curve,
			   double w0, double rate, double beta)
{
	static bool registered;
	if (!registered) {
		atexit(runs_free);
		registered = true;
	}
	struct gd_optim opt;
	gd_optim_default(&opt, GD_OPTIMIZER_GD, rate);
	opt.hyper[GD_HYPER_MOMENTUM] = beta;
	double w[GD_DIM_MAX] = { w0 };
	/* Replacing: the run *run held, if made here, goes now rather than
	 * at exit (a loop of 2000 runs would outgrow the table). */
	for (int i = 0; i < 64; i++) {
		if (runs_made[i] && runs_made[i] == *run) {
			gd_run_destroy(runs_made[i]);
			runs_made[i] = NULL;
			*run = NULL;
			break;
		}
	}
	int r = gd_run_create(run, curve, w, &opt);
	for (int i = 0; *run && i < 64; i++) {
		if (!runs_made[i]) {
			runs_made[i] = *run;
			break;
		}
	}
	return r;
}

/* The c of bowl and abs, an lvalue. */
#define CURVE_C(cv) ((cv).p[(cv).kind == GD_CURVE_ABS ? GD_ABS_C : GD_BOWL_C])

/* The default start of a kind, as the first version gave it. */
struct start1 {
	double w0, rate, momentum;
};

static inline struct start1 start_default(enum gd_curve_kind kind)
{
	const struct gd_curve_spec *cs = gd_curve_spec(kind);
	return (struct start1){ cs->w0[0], cs->rate, 0 };
}

/* dE/dw of a one-weight curve at w. */
static inline double slope1(const struct gd_curve *curve, double w)
{
	double g[GD_DIM_MAX];
	gd_curve_grad(curve, &w, g);
	return g[0];
}

#endif
