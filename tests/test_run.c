/* Runs: regimes against closed forms, momentum, traps, divergence, exact
 * undo, bounded history, and a property check of monotone descent. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gdstep/run.h>

#include "harness.h"
#include "runs.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_curve_kind kind;
	double a, c; /* bowl parameters (0: default) */
	double w0, rate, momentum;
	int steps;
	enum gd_regime regime;
	enum gd_status status; /* expected after steps */
};

/* The run under test: made by run_init (tests/runs.h), freed at exit. */
static struct gd_run *run;

static void init(const struct tcase *t)
{
	struct gd_curve c;
	gd_curve_default(&c, t->kind);
	if (t->a)
		c.p[GD_BOWL_A] = t->a;
	if (t->c)
		CURVE_C(c) = t->c;
	int r = run_init(&run, &c, t->w0, t->rate, t->momentum);
	if (r)
		fprintf(stderr, "%s: gd_run_init: %d\n", t->name, r);
}

/* Each bowl regime over many steps against w_k = c + (1 − ηa)ᵏ(w0 − c). */
static void check_bowl_regime(const struct tcase *t)
{
	init(t);
	CHECK(gd_bowl_regime(t->rate, run->curve.p[GD_BOWL_A]) == t->regime);
	double q = 1 - t->rate * run->curve.p[GD_BOWL_A];
	for (int k = 1; k <= t->steps; k++) {
		struct gd_update u;
		bool ok = gd_run_step(run, &u);
		double expect = CURVE_C(run->curve) +
				pow(q, k) * (t->w0 - CURVE_C(run->curve));
		if (!ok) {
			CHECK(t->regime == GD_REGIME_DIVERGES);
			CHECK(fabs(expect) > 1e11);
			break;
		}
		CHECK_APPROX(run->w[0], expect, 1e-12, 1e-9);
		/* Monotone creeping: never crosses c, E never rises. */
		if (t->regime == GD_REGIME_CREEPS) {
			CHECK((run->w[0] - CURVE_C(run->curve)) *
				      (t->w0 - CURVE_C(run->curve)) >
			      0);
			CHECK(u.E_next <= u.E);
		}
	}
	CHECK(run->status == t->status);
}

static void check_momentum_table(const struct tcase *t)
{
	init(t);
	/* Worked by hand: g = 2w, v ← 0.5·v − 0.1·g, w ← w + v. */
	const double v[] = { -0.4, -0.52, -0.476, -0.3588 };
	const double w[] = { 1.6, 1.08, 0.604, 0.2452 };
	for (int k = 0; k < 4; k++) {
		struct gd_update u;
		CHECK(gd_run_step(run, &u));
		CHECK(u.step == k);
		CHECK_APPROX(u.state[GD_GD_V][0], v[k], 1e-12, 1e-12);
		CHECK(same_bits(u.delta[0], u.state[GD_GD_V][0]));
		CHECK_APPROX(u.w_next[0], w[k], 1e-12, 1e-12);
		CHECK(same_bits(run->w[0], u.w_next[0]));
	}
}

/* β = 0 is plain descent bit for bit. */
static void check_beta_zero(const struct tcase *t)
{
	init(t);
	double w = t->w0;
	for (int k = 0; k < t->steps; k++) {
		struct gd_update u;
		CHECK(gd_run_step(run, &u));
		double dw = -t->rate * slope1(&run->curve, w);
		CHECK(same_bits(u.delta[0], dw));
		w = w + dw;
		CHECK(same_bits(run->w[0], w));
	}
}

/* Runs to the end and checks which well the ball settles in. */
static void check_settles(const struct tcase *t)
{
	init(t);
	for (int k = 0; k < t->steps && gd_run_step(run, NULL); k++)
		;
	CHECK(run->status == t->status);
	CHECK_APPROX(run->w[0], t->c, 1e-3, 0);
}

static void check_abs_bounce(const struct tcase *t)
{
	init(t);
	for (int k = 0; k < t->steps; k++) {
		struct gd_update u;
		CHECK(gd_run_step(run, &u));
		/* Every step has the same size η, however close to c. */
		CHECK_APPROX(fabs(u.delta[0]), t->rate, 1e-12, 0);
	}
	CHECK(run->status == GD_STATUS_OSCILLATING);
	CHECK(fabs(run->w[0] - CURVE_C(run->curve)) <= t->rate);
}

static void check_diverges(const struct tcase *t)
{
	init(t);
	int k = 0;
	while (k < 1000 && gd_run_step(run, NULL))
		k++;
	CHECK(k < 1000);
	CHECK(run->status == GD_STATUS_DIVERGED);
	CHECK(isfinite(run->w[0]) && fabs(run->w[0]) <= GD_RUN_WMAX);
	CHECK(isfinite(run->state[GD_GD_V][0]) && isfinite(run->E) &&
	      isfinite(run->grad[0]));
	for (size_t i = 0; i < gd_run_history_len(run); i++) {
		const struct gd_update *u = gd_run_history_at(run, i);
		CHECK(isfinite(u->w[0]) && isfinite(u->E) && isfinite(u->grad[0]));
		CHECK(isfinite(u->state[GD_GD_V][0]) &&
		      isfinite(u->w_next[0]) && isfinite(u->E_next));
	}
	/* Later calls change nothing and produce nothing non-finite. */
	double w = run->w[0];
	struct gd_update u;
	CHECK(!gd_run_step(run, &u));
	CHECK(!gd_run_peek(run, &u));
	CHECK(same_bits(run->w[0], w));
	/* Undo leaves the diverged state; a smaller rate steps again. */
	CHECK(gd_run_undo(run));
	CHECK(run->status != GD_STATUS_DIVERGED);
	CHECK(gd_run_set_rate(run, 0.1) == 0);
	CHECK(gd_run_step(run, NULL));
}

struct snapshot {
	double w, v, E, dEdw;
	long step;
	size_t len;
	enum gd_status status;
};

static struct snapshot snap(void)
{
	return (struct snapshot){ run->w[0],  run->state[GD_GD_V][0],
				  run->E,     run->grad[0],
				  run->step,  gd_run_history_len(run),
				  run->status };
}

static bool snap_eq(const struct snapshot *a, const struct snapshot *b)
{
	return same_bits(a->w, b->w) && same_bits(a->v, b->v) &&
	       same_bits(a->E, b->E) && same_bits(a->dEdw, b->dEdw) &&
	       a->step == b->step && a->len == b->len && a->status == b->status;
}

/* A long mix of steps, rate and momentum changes, undone all the way. */
static void check_undo_exact(const struct tcase *t)
{
	init(t);
	srand(12345);
	static struct snapshot before[600];
	int n = 0;
	for (int i = 0; i < 2000 && n < 600; i++) {
		int op = rand() % 4;
		if (op <= 1) {
			before[n] = snap();
			if (gd_run_step(run, NULL))
				n++;
		} else if (op == 2) {
			gd_run_set_rate(run, 0.001 + 0.04 * (rand() % 10));
		} else {
			gd_run_set_momentum(run, 0.1 * (rand() % 10));
		}
		/* Undo a little now and then, mid-sequence. */
		if (rand() % 7 == 0 && n > 0) {
			CHECK(gd_run_undo(run));
			n--;
			struct snapshot s = snap();
			CHECK(snap_eq(&s, &before[n]));
		}
	}
	CHECK(n > 100);
	while (n > 0) {
		CHECK(gd_run_undo(run));
		n--;
		struct snapshot s = snap();
		CHECK(snap_eq(&s, &before[n]));
	}
	CHECK(!gd_run_undo(run));
	CHECK(same_bits(run->w[0], t->w0) && run->state[GD_GD_V][0] == 0 &&
	      run->step == 0);
}

/* Holding the key down: memory is the fixed history, the oldest goes. */
static void check_history_bound(const struct tcase *t)
{
	init(t);
	long total = GD_RUN_HISTORY + 500;
	for (long k = 0; k < total; k++)
		CHECK(gd_run_step(run, NULL));
	CHECK(run->step == total);
	CHECK(gd_run_history_len(run) == GD_RUN_HISTORY);
	CHECK(gd_run_history_at(run, 0)->step == total - GD_RUN_HISTORY);
	CHECK(gd_run_last(run)->step == total - 1);
	CHECK(gd_run_history_at(run, GD_RUN_HISTORY) == NULL);
	int undone = 0;
	while (gd_run_undo(run))
		undone++;
	CHECK(undone == GD_RUN_HISTORY);
	CHECK(run->step == total - GD_RUN_HISTORY);
}

static void check_reset_restart(const struct tcase *t)
{
	init(t);
	for (int k = 0; k < 5; k++)
		gd_run_step(run, NULL);
	CHECK(gd_run_set_rate(run, 0.3) == 0);
	gd_run_reset(run);
	CHECK(run->step == 0 && same_bits(run->w[0], t->w0) &&
	      run->state[GD_GD_V][0] == 0);
	CHECK(gd_run_history_len(run) == 0 && gd_run_rate(run) == 0.3);
	CHECK(gd_run_restart(run, &(double){ -1.5 }) == 0);
	CHECK(run->w[0] == -1.5 && run->w0[0] == -1.5 && run->step == 0);
	CHECK(gd_run_restart(run, &(double){ (double)NAN }) == -EINVAL);
	CHECK(gd_run_restart(run, &(double){ 2e12 }) == -EINVAL);
	CHECK(run->w[0] == -1.5);
}

static void check_bad_settings(const struct tcase *t)
{
	init(t);
	CHECK(gd_run_set_rate(run, 0) == -EINVAL);
	CHECK(gd_run_set_rate(run, -1) == -EINVAL);
	CHECK(gd_run_set_rate(run, (double)NAN) == -EINVAL);
	CHECK(gd_run_set_rate(run, (double)INFINITY) == -EINVAL);
	CHECK(gd_run_set_momentum(run, 1) == -EINVAL);
	CHECK(gd_run_set_momentum(run, -0.1) == -EINVAL);
	CHECK(gd_run_set_momentum(run, (double)NAN) == -EINVAL);
	CHECK(gd_run_rate(run) == t->rate && gd_run_momentum(run) == t->momentum);
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_BOWL);
	struct gd_run *r2 = NULL;
	CHECK(run_init(&r2, &c, 2, 0, 0) == -EINVAL);
	CHECK(r2 == NULL); /* no run is made */
	CHECK(run_init(&r2, &c, (double)NAN, 0.1, 0) == -EINVAL);
	CHECK(run_init(&r2, &c, 2, 0.1, 1.0) == -EINVAL);
}

static void check_converges(const struct tcase *t)
{
	init(t);
	int k = 0;
	while (k < t->steps && run->status != GD_STATUS_CONVERGED) {
		CHECK(gd_run_step(run, NULL));
		k++;
	}
	CHECK(run->status == GD_STATUS_CONVERGED);
	CHECK(fabs(run->grad[0]) < GD_RUN_TOL_SLOPE);
	CHECK(fabs(gd_run_last(run)->delta[0]) < GD_RUN_TOL_STEP);
}

/* A small xorshift so the property check is the same on every machine. */
static uint64_t rng = 88172645463325252ull;
static double uniform(double lo, double hi)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return lo + (hi - lo) * (double)(rng >> 11) / 9007199254740992.0;
}

/* Below η = 1/a, E never rises, for many random bowls and starts. */
static void check_monotone_property(const struct tcase *t)
{
	for (int trial = 0; trial < 2000; trial++) {
		struct gd_curve c;
		gd_curve_default(&c, GD_CURVE_BOWL);
		c.p[GD_BOWL_A] = exp(uniform(log(0.01), log(100)));
		CURVE_C(c) = uniform(-5, 5);
		double rate = uniform(1e-4, 1.0) / c.p[GD_BOWL_A];
		double w0 = uniform(-1e3, 1e3);
		CHECK(run_init(&run, &c, w0, rate, 0) == 0);
		CHECK(gd_bowl_regime(rate, c.p[GD_BOWL_A]) == GD_REGIME_CREEPS);
		for (int k = 0; k < 50; k++) {
			double e = run->E;
			CHECK(gd_run_step(run, NULL));
			CHECK(run->E <= e);
		}
	}
	(void)t;
}

static void check_regime_edges(const struct tcase *t)
{
	CHECK(gd_bowl_regime(0.5, 2) == GD_REGIME_ONE_STEP);
	CHECK(gd_bowl_regime(nextafter(0.5, 0), 2) == GD_REGIME_CREEPS);
	CHECK(gd_bowl_regime(nextafter(0.5, 1), 2) == GD_REGIME_OSCILLATES);
	CHECK(gd_bowl_regime(1.0, 2) == GD_REGIME_BOUNCES);
	CHECK(gd_bowl_regime(nextafter(1.0, 2), 2) == GD_REGIME_DIVERGES);
	CHECK(gd_bowl_regime(1.0 / 3, 3) == GD_REGIME_ONE_STEP);
	(void)t;
}

static const struct tcase cases[] = {
	{ .name = "bowl-creeps",
	  .run = check_bowl_regime,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .steps = 60,
	  .regime = GD_REGIME_CREEPS,
	  .status = GD_STATUS_STEPPING },
	{ .name = "bowl-creeps-shifted",
	  .run = check_bowl_regime,
	  .kind = GD_CURVE_BOWL,
	  .a = 5,
	  .c = -1.5,
	  .w0 = 3,
	  .rate = 0.05,
	  .steps = 40,
	  .regime = GD_REGIME_CREEPS,
	  .status = GD_STATUS_STEPPING },
	{ .name = "bowl-one-step",
	  .run = check_bowl_regime,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.5,
	  .steps = 3,
	  .regime = GD_REGIME_ONE_STEP,
	  .status = GD_STATUS_CONVERGED },
	{ .name = "bowl-oscillates",
	  .run = check_bowl_regime,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.8,
	  .steps = 12,
	  .regime = GD_REGIME_OSCILLATES,
	  .status = GD_STATUS_OSCILLATING },
	{ .name = "bowl-bounces",
	  .run = check_bowl_regime,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 1.0,
	  .steps = 200,
	  .regime = GD_REGIME_BOUNCES,
	  .status = GD_STATUS_OSCILLATING },
	{ .name = "bowl-diverges",
	  .run = check_bowl_regime,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 1.5,
	  .steps = 100,
	  .regime = GD_REGIME_DIVERGES,
	  .status = GD_STATUS_DIVERGED },
	{ .name = "bowl-diverged-all-finite",
	  .run = check_diverges,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 1.5 },
	{ .name = "wells-diverged-all-finite",
	  .run = check_diverges,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 1.0 },
	{ .name = "momentum-hand-table",
	  .run = check_momentum_table,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .momentum = 0.5 },
	{ .name = "beta-zero-is-plain",
	  .run = check_beta_zero,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .steps = 300 },
	{ .name = "wells-plain-trapped",
	  .run = check_settles,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .steps = 5000,
	  .c = 0.960,
	  .status = GD_STATUS_CONVERGED },
	{ .name = "wells-momentum-global",
	  .run = check_settles,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .momentum = 0.9,
	  .steps = 5000,
	  .c = -1.036,
	  .status = GD_STATUS_CONVERGED },
	{ .name = "abs-bounces",
	  .run = check_abs_bounce,
	  .kind = GD_CURVE_ABS,
	  .w0 = 3,
	  .rate = 0.3,
	  .steps = 200 },
	{ .name = "undo-exact-mixed",
	  .run = check_undo_exact,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02 },
	{ .name = "undo-exact-neuron",
	  .run = check_undo_exact,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 0.5 },
	{ .name = "history-bounded",
	  .run = check_history_bound,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.001 },
	{ .name = "reset-and-restart",
	  .run = check_reset_restart,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "bad-settings-rejected",
	  .run = check_bad_settings,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "bowl-converges",
	  .run = check_converges,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.3,
	  .steps = 500 },
	{ .name = "neuron-converges",
	  .run = check_converges,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 50,
	  .steps = 100000 },
	{ .name = "bowl-monotone-property", .run = check_monotone_property },
	{ .name = "regime-edges", .run = check_regime_edges },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
