/*
 * Optimizers: a table of update rules (src/core/optimizer.c), each with its
 * hyper-parameters and the state it keeps per weight. Adding an optimizer
 * is adding a row.
 *
 * Every rule maps the gradient g at w, the hyper-parameters and the state
 * before the step to the state after it and the step Δw; then w ← w + Δw.
 * It works coordinate by coordinate, so a weight of dimension 1 or 2 is
 * the same code.
 *
 *   gd   gradient descent with heavy-ball (Polyak) momentum, v from 0:
 *            v ← β·v − η·g,   Δw = v
 *        With β = 0 this is plain gradient descent, Δw = −η·g, bit for
 *        bit: 0·v is +0 for a finite v, and 0 − η·g rounds exactly to
 *        −(η·g). (torch.optim.SGD(momentum=β) keeps b ← β·b + g and steps
 *        −η·b: the same walk, with v = −η·b, for a fixed η.)
 *
 * The others follow the algorithms torch.optim documents, with its
 * defaults, without weight decay, maximize, amsgrad or centered; t is the
 * number of this step, from 1 (struct gd_optim_step's t plus one):
 *
 *   nesterov  torch.optim.SGD(momentum=β, nesterov=True), b from 0:
 *                 b ← β·b + g,   Δw = −η·(g + β·b)
 *             (the look-ahead: the gradient plus the next momentum step).
 *   adagrad   torch.optim.Adagrad, ε = 1e-10, sum from 0:
 *                 sum ← sum + g²,   Δw = −η·g / (√sum + ε)
 *             Each step's size shrinks as the squares add up.
 *   rmsprop   torch.optim.RMSprop, α = 0.99, ε = 1e-8, square_avg from 0:
 *                 sa ← α·sa + (1 − α)·g²,   Δw = −η·g / (√sa + ε)
 *             A running mean of g² instead of AdaGrad's sum: it forgets.
 *   adam      torch.optim.Adam, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, m, v from 0:
 *                 m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
 *                 m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *                 Δw = −η·m̂ / (√v̂ + ε)
 *             The bias corrections undo the pull of the zero start: at
 *             t = 1, m̂ = g and v̂ = g², so the first step has size
 *             η·|g| / (|g| + ε), about η whatever the slope.
 *
 * No rule divides by a number that can be 0 (ε > 0, 1 − βᵗ > 0 for
 * β < 1 and t ≥ 1), so finite inputs give no NaN; a state that overflows
 * to infinity is caught by the run (run.h), which then refuses the step.
 */
#ifndef GDSTEP_OPTIMIZER_H
#define GDSTEP_OPTIMIZER_H

#include <stdbool.h>

#include <gdstep/curve.h>

/* The most hyper-parameters and state vectors of an optimizer. */
#define GD_OPT_HYPER 5
#define GD_OPT_STATE 3

enum gd_optimizer_kind {
	GD_OPTIMIZER_GD,
	GD_OPTIMIZER_NESTEROV,
	GD_OPTIMIZER_ADAGRAD,
	GD_OPTIMIZER_RMSPROP,
	GD_OPTIMIZER_ADAM,
	GD_OPTIMIZER_COUNT,
};

/* Where each optimizer keeps its hyper-parameters in hyper[]: η is always
 * first. gd and nesterov: η, β; adagrad: η, ε; rmsprop: η, α, ε; adam: η,
 * β₁, β₂, ε. */
enum { GD_HYPER_RATE, GD_HYPER_MOMENTUM };
enum { GD_ADAGRAD_EPS = 1 };
enum { GD_RMSPROP_ALPHA = 1, GD_RMSPROP_EPS };
enum { GD_ADAM_BETA1 = 1, GD_ADAM_BETA2, GD_ADAM_EPS };

/* Where each optimizer keeps its state in state[][]. */
enum { GD_GD_V };
enum { GD_NESTEROV_BUF };
enum { GD_ADAGRAD_SUM };
enum { GD_RMSPROP_SQ };
enum { GD_ADAM_M, GD_ADAM_V };

/* An optimizer with its settings: plain data. */
struct gd_optim {
	enum gd_optimizer_kind kind;
	double hyper[GD_OPT_HYPER]; /* in the row's order; [0] is η */
};

/* What one step computes, per coordinate k < dim. */
struct gd_optim_step {
	int dim;
	long t;          /* steps taken before this one */
	const double *g; /* ∇E at w */
	double state[GD_OPT_STATE][GD_DIM_MAX]; /* in: before; out: after */
	double delta[GD_DIM_MAX];               /* out: Δw */
};

/* One row of the optimizer table. */
struct gd_optimizer_spec {
	const char *name; /* "gd": --optimizer and lesson files */
	int nhyper;
	struct gd_param_spec hyper[GD_OPT_HYPER]; /* ranges as a curve's */
	int nstate;
	/* Each state vector's name as the CSV header writes it. */
	const char *state_names[GD_OPT_STATE];
	/* One update: reads hyper and st->g, st->state; writes st->state
	 * and st->delta. */
	void (*step)(const double *hyper, struct gd_optim_step *st);
};

/* The row of a kind, or NULL for an out-of-range kind. */
const struct gd_optimizer_spec *gd_optimizer_spec(enum gd_optimizer_kind kind);

/* Looks a kind up by its exact name. Returns 0, or -EINVAL if unknown. */
int gd_optimizer_kind_from_name(const char *name, enum gd_optimizer_kind *kind);

/* The kind with its default hyper-parameters, η set to rate. */
void gd_optim_default(struct gd_optim *opt, enum gd_optimizer_kind kind,
		      double rate);

/* Checks every hyper-parameter against its range. Returns 0, or -EINVAL. */
int gd_optim_check(const struct gd_optim *opt);

/* The index of the hyper-parameter named key ("beta1") in kind's row, or
 * -1 if that optimizer has none of that name. */
int gd_optimizer_hyper_index(enum gd_optimizer_kind kind, const char *key);

/* The optimizer's name closest to name (fewest edits), for a "did you
 * mean" hint; never NULL. */
const char *gd_optimizer_nearest(const char *name);

#endif
