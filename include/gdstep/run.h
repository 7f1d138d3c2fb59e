/*
 * A descent run on one curve, stepped forward and back: a weight of the
 * curve's dimension, the state of an optimizer (optimizer.h), a status and
 * the history of the updates.
 *
 * One step: g = ∇E(w); the optimizer's rule gives the new state and Δw;
 * w ← w + Δw. The optimizer's settings (η and the rest) are not part of
 * the state: they stay as the user last set them, and each record keeps
 * the settings its own step used.
 *
 * Undo does not invert the arithmetic (w − Δw would not give back w in
 * floating point); each step records the state it started from, the
 * optimizer's state included, and undo restores that record exactly.
 *
 * A step that would leave the finite world (w, the optimizer's state, E or
 * ∇E not finite, or |wₖ| > GD_RUN_WMAX) is not taken: the run's status
 * becomes diverged and the state stays at the last finite point, so
 * nothing non-finite is ever stored.
 */
#ifndef GDSTEP_RUN_H
#define GDSTEP_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include <gdstep/curve.h>
#include <gdstep/optimizer.h>

/*
 * The history holds this many updates, on the heap from create. When it is
 * full, the oldest record is dropped to make room: undo then reaches back
 * at most this many steps, and the step counter keeps counting.
 */
#define GD_RUN_HISTORY 4096

/* |wₖ| beyond this counts as diverged. */
#define GD_RUN_WMAX 1e12

/* Converged: every |Δwₖ| and every |∂E/∂wₖ| under these. */
#define GD_RUN_TOL_STEP 1e-9
#define GD_RUN_TOL_SLOPE 1e-6

/* Oscillating: Δw turned back (a negative dot product with the step
 * before) at each of this many consecutive steps. */
#define GD_RUN_OSC_FLIPS 3

enum gd_status {
	GD_STATUS_STEPPING,
	GD_STATUS_CONVERGED,
	GD_STATUS_OSCILLATING,
	GD_STATUS_DIVERGED,
};

/* One update, everything a screen and the CSV show of it. Coordinates
 * past the curve's dimension are 0. */
struct gd_update {
	long step;               /* 0 for the first update */
	double w[GD_DIM_MAX];    /* weight before */
	double E;                /* E(w) */
	double grad[GD_DIM_MAX]; /* ∇E at w */
	double state_prev[GD_OPT_STATE][GD_DIM_MAX]; /* optimizer, before */
	double state[GD_OPT_STATE][GD_DIM_MAX];      /* optimizer, after */
	double delta[GD_DIM_MAX];                    /* Δw */
	double w_next[GD_DIM_MAX];                   /* w + Δw */
	double E_next;                               /* E(w_next) */
	struct gd_optim opt; /* the settings this step used */
};

struct gd_run {
	struct gd_curve curve;
	int dim;             /* the curve's: 1 or 2 */
	struct gd_optim opt; /* settings for the next step */
	double w0[GD_DIM_MAX];
	double w[GD_DIM_MAX]; /* state */
	double state[GD_OPT_STATE][GD_DIM_MAX];
	double E, grad[GD_DIM_MAX]; /* at w, kept in step with it */
	long step;                  /* updates applied since the start */
	enum gd_status status;
	size_t head, len;       /* ring of the last len updates */
	struct gd_update *hist; /* GD_RUN_HISTORY of them, owned */
};

/*
 * Creates a run at w0 (the curve's dimension of doubles) with the
 * optimizer's state at 0. The curve must pass gd_curve_check, opt
 * gd_optim_check, and every wₖ be finite with |wₖ| ≤ GD_RUN_WMAX. Returns
 * 0 with *out set (free it with gd_run_destroy), -EINVAL for a bad
 * argument or -ENOMEM; *out is NULL on failure. A w0 where E is not finite
 * starts the run as diverged.
 */
int gd_run_create(struct gd_run **out, const struct gd_curve *curve,
		  const double *w0, const struct gd_optim *opt);

/*
 * Starts the run anew on another curve, start and optimizer, keeping its
 * memory (a lesson's next scene). Returns 0, or -EINVAL as gd_run_create
 * would, leaving the run as it was.
 */
int gd_run_start_on(struct gd_run *run, const struct gd_curve *curve,
		    const double *w0, const struct gd_optim *opt);

/* Frees the run and its history; accepts NULL. */
void gd_run_destroy(struct gd_run *run);

/*
 * Computes the next update without applying it. Returns false, leaving *out
 * untouched, if the run is diverged or the update would diverge.
 */
bool gd_run_peek(const struct gd_run *run, struct gd_update *out);

/*
 * Whether a diverged run stopped because it left its curve's domain: the
 * refused step lands on a finite w (|wₖ| ≤ GD_RUN_WMAX) where E or ∇E is
 * not finite (a formula's sqrt of a negative, log 0). False for a run that
 * is not diverged or that diverged otherwise.
 */
bool gd_run_left_domain(const struct gd_run *run);

/*
 * Applies one update and, if out is not NULL, copies it there. Returns
 * false if the run is diverged or this step would diverge; the status is
 * then GD_STATUS_DIVERGED and the state is unchanged.
 */
bool gd_run_step(struct gd_run *run, struct gd_update *out);

/* Undoes the last update exactly, the optimizer's state included. Returns
 * false when the history is empty. */
bool gd_run_undo(struct gd_run *run);

/* Forgets that the next step was refused: the status again follows from
 * the state and the history alone (diverged only if E or ∇E is not
 * finite), as it was before that step was tried. */
void gd_run_recheck(struct gd_run *run);

/* Back to w0, the optimizer's state at 0, step 0, empty history; the
 * settings stay as set. */
void gd_run_reset(struct gd_run *run);

/* A new start at w0 (a click on the plot); -EINVAL as in gd_run_create. */
int gd_run_restart(struct gd_run *run, const double *w0);

/* Sets hyper-parameter i (GD_HYPER_RATE, …) for the next steps. Returns 0,
 * or -EINVAL if i does not apply to the optimizer or v is out of its
 * range. */
int gd_run_set_hyper(struct gd_run *run, int i, double v);

/* gd_run_set_hyper for η and for β (GD_HYPER_MOMENTUM). */
int gd_run_set_rate(struct gd_run *run, double rate);
int gd_run_set_momentum(struct gd_run *run, double momentum);

/* The settings for the next step: η, and β (0 for an optimizer without
 * momentum). */
double gd_run_rate(const struct gd_run *run);
double gd_run_momentum(const struct gd_run *run);

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
