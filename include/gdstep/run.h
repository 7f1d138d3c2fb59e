/*
 * A gradient-descent run on one curve, stepped forward and back.
 *
 * The update rule is the heavy ball (Polyak momentum), with v starting at 0:
 *     g = dE/dw(w)
 *     v ← β·v − η·g
 *     w ← w + v          (so Δw = v)
 * With β = 0 this is plain gradient descent, Δw = −η·g, bit for bit: 0·v is
 * +0 for a finite v, and 0 − η·g rounds exactly to −(η·g).
 *
 * Undo does not invert the arithmetic (w − Δw would not give back w in
 * floating point); each step records the state it started from, and undo
 * restores that record. The settings η and β are not part of what undo
 * restores: they stay as the user last set them, and each record remembers
 * the η and β its own step used.
 *
 * A step that would leave the finite world (w, v, E or dE/dw not finite, or
 * |w| > GD_RUN_WMAX) is not taken: the run's status becomes diverged and the
 * state stays at the last finite point, so nothing non-finite is ever stored.
 */
#ifndef GDSTEP_RUN_H
#define GDSTEP_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include <gdstep/curve.h>

/*
 * The history holds this many updates. When it is full, the oldest record
 * is dropped to make room: undo then reaches back at most this many steps,
 * and the step counter keeps counting. Memory is fixed at init.
 */
#define GD_RUN_HISTORY 4096

/* |w| beyond this counts as diverged. */
#define GD_RUN_WMAX 1e12

/* Converged: |Δw| and |dE/dw| under these. */
#define GD_RUN_TOL_STEP 1e-9
#define GD_RUN_TOL_SLOPE 1e-6

/* Oscillating: Δw changed sign at each of this many consecutive steps. */
#define GD_RUN_OSC_FLIPS 3

enum gd_status {
	GD_STATUS_STEPPING,
	GD_STATUS_CONVERGED,
	GD_STATUS_OSCILLATING,
	GD_STATUS_DIVERGED,
};

/* One update, everything the window and the CSV show of it. */
struct gd_update {
	long step;       /* 0 for the first update */
	double w;        /* weight before */
	double E;        /* E(w) */
	double dEdw;     /* dE/dw at w */
	double v_prev;   /* velocity before */
	double v;        /* velocity after: β·v_prev − η·dEdw */
	double delta_w;  /* = v */
	double w_next;   /* w + Δw */
	double E_next;   /* E(w_next) */
	double rate;     /* η this step used */
	double momentum; /* β this step used */
};

struct gd_run {
	struct gd_curve curve;
	double w0;
	double rate, momentum; /* settings for the next step */
	double w, v;           /* state */
	double E, dEdw;        /* at w, kept in step with it */
	long step;             /* updates applied since the start */
	enum gd_status status;
	size_t head, len; /* ring buffer of the last len updates */
	struct gd_update hist[GD_RUN_HISTORY];
};

/*
 * Starts a run at w0 with velocity 0. The curve must pass gd_curve_check,
 * rate must be finite and > 0, momentum in [0, 1), w0 finite with
 * |w0| ≤ GD_RUN_WMAX. Returns 0, or -EINVAL (the run is then left as a
 * valid run at the curve's default start). A w0 where E is not finite
 * starts the run as diverged.
 */
int gd_run_init(struct gd_run *run, const struct gd_curve *curve, double w0,
		double rate, double momentum);

/*
 * Computes the next update without applying it. Returns false, leaving *out
 * untouched, if the run is diverged or the update would diverge.
 */
bool gd_run_peek(const struct gd_run *run, struct gd_update *out);

/*
 * Applies one update and, if out is not NULL, copies it there. Returns
 * false if the run is diverged or this step would diverge; the status is
 * then GD_STATUS_DIVERGED and the state is unchanged.
 */
bool gd_run_step(struct gd_run *run, struct gd_update *out);

/* Undoes the last update exactly. Returns false when the history is empty. */
bool gd_run_undo(struct gd_run *run);

/* Back to w0, velocity 0, step 0, empty history; η and β stay as set. */
void gd_run_reset(struct gd_run *run);

/* A new start at w0 (a click on the plot); -EINVAL as in gd_run_init. */
int gd_run_restart(struct gd_run *run, double w0);

/* Sets η for the next steps. Returns 0, or -EINVAL if not finite or ≤ 0. */
int gd_run_set_rate(struct gd_run *run, double rate);

/* Sets β for the next steps. Returns 0, or -EINVAL if not in [0, 1). */
int gd_run_set_momentum(struct gd_run *run, double momentum);

/* Updates in the history; at most GD_RUN_HISTORY. */
size_t gd_run_history_len(const struct gd_run *run);

/* The i-th kept update, 0 the oldest; NULL if i is out of range. */
const struct gd_update *gd_run_history_at(const struct gd_run *run, size_t i);

/* The last update applied, or NULL if the history is empty. */
const struct gd_update *gd_run_last(const struct gd_run *run);

/* "stepping", "converged", "oscillating", "diverged" (untranslated). */
const char *gd_status_name(enum gd_status status);

/*
 * The bowl's learning-rate regimes, exact for E = ½·a·(w − c)², where one
 * step multiplies the distance to c by (1 − η·a).
 */
enum gd_regime {
	GD_REGIME_CREEPS,     /* η < 1/a: monotone approach */
	GD_REGIME_ONE_STEP,   /* η = 1/a: lands in one step */
	GD_REGIME_OSCILLATES, /* 1/a < η < 2/a: overshoots, converges */
	GD_REGIME_BOUNCES,    /* η = 2/a: bounces between c ± d forever */
	GD_REGIME_DIVERGES,   /* η > 2/a */
};

/* Which regime η falls in for curvature a > 0 (exact comparisons of η·a). */
enum gd_regime gd_bowl_regime(double rate, double a);

/* "creeps", "one-step", ... (untranslated). */
const char *gd_regime_name(enum gd_regime regime);

#endif
