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
	GD_OPTIMIZER_COUNT,
};

/* Where each optimizer keeps its hyper-parameters in hyper[]: η is always
 * first. */
enum { GD_HYPER_RATE, GD_HYPER_MOMENTUM };

/* Where gd keeps its velocity in state[][]. */
enum { GD_GD_V };

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

#endif
