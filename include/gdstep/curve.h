/*
 * Error curves E(w) of one weight, with their exact derivatives.
 *
 * Every curve is a pure function of w and its parameters:
 *   bowl    E = ½·a·(w − c)²                     dE/dw = a·(w − c)
 *   neuron  E = ½·Σᵤ (yᵤ − σ(w·xᵤ + bᵤ))²        dE/dw = −Σᵤ (yᵤ − ŷᵤ)·ŷᵤ(1 − ŷᵤ)·xᵤ
 *   wells   E = (w² − 1)² + 0.3·w + 0.45         dE/dw = 4w(w² − 1) + 0.3
 *   abs     E = |w − c|                          dE/dw = sign(w − c), 0 at w = c
 * The neuron's derivative is the delta rule: with h = w·x + b, ŷ = σ(h),
 * ∂E/∂ŷ = −(y − ŷ), ∂ŷ/∂h = σ′(h) = ŷ(1 − ŷ) and ∂h/∂w = x.
 */
#ifndef GDSTEP_CURVE_H
#define GDSTEP_CURVE_H

#include <stdbool.h>

enum gd_curve_kind {
	GD_CURVE_BOWL,
	GD_CURVE_NEURON,
	GD_CURVE_WELLS,
	GD_CURVE_ABS,
	GD_CURVE_COUNT,
};

/* The most training samples a neuron curve sums over. */
#define GD_NEURON_MAX_SAMPLES 8

struct gd_curve {
	enum gd_curve_kind kind;
	double a; /* bowl: curvature, > 0 */
	double c; /* bowl, abs: where the minimum is */
	int n;    /* neuron: number of samples, 1 … GD_NEURON_MAX_SAMPLES */
	double x[GD_NEURON_MAX_SAMPLES]; /* neuron: input of sample u */
	double b[GD_NEURON_MAX_SAMPLES]; /* neuron: the rest of h, held fixed */
	double y[GD_NEURON_MAX_SAMPLES]; /* neuron: target of sample u */
};

/* Where a curve's default run starts: PRODUCT.md's defaults. */
struct gd_curve_start {
	double w0;
	double rate;     /* η */
	double momentum; /* β; 0 for every built-in curve */
};

/* The delta rule's factors for one sample at weight w. */
struct gd_neuron_terms {
	double x, b, y;
	double h;    /* w·x + b */
	double yhat; /* σ(h) */
	double err;  /* y − ŷ */
	double dsig; /* ŷ(1 − ŷ) = σ′(h) */
	double grad; /* this sample's share of dE/dw: −err·dsig·x */
};

/* Fills *curve with the kind's default parameters. */
void gd_curve_default(struct gd_curve *curve, enum gd_curve_kind kind);

/* The kind's default start (w0, η, β). */
struct gd_curve_start gd_curve_start_default(enum gd_curve_kind kind);

/* "bowl", "neuron", "wells", "abs"; NULL for an out-of-range kind. */
const char *gd_curve_name(enum gd_curve_kind kind);

/* Looks a kind up by its exact name. Returns 0, or -EINVAL if unknown. */
int gd_curve_kind_from_name(const char *name, enum gd_curve_kind *kind);

/*
 * Checks the parameters: a finite and > 0 for bowl, c finite, neuron's
 * n in range and its x, b, y finite. Returns 0, or -EINVAL.
 */
int gd_curve_check(const struct gd_curve *curve);

/* E(w). Non-finite w gives a non-finite result; finite w on a checked
 * curve gives a finite or +inf result (overflow far from the minimum). */
double gd_curve_eval(const struct gd_curve *curve, double w);

/* dE/dw at w; same conventions as gd_curve_eval. */
double gd_curve_slope(const struct gd_curve *curve, double w);

/*
 * The neuron's intermediate values for sample u at w, the numbers a teacher
 * writes on the board. Returns 0, or -EINVAL if the curve is not a neuron
 * or u is out of range.
 */
int gd_curve_neuron_terms(const struct gd_curve *curve, double w, int u,
			  struct gd_neuron_terms *out);

/*
 * The w interval worth showing: every minimum of the curve and the start
 * w0, with a margin. *lo < *hi always, both finite for finite w0.
 */
void gd_curve_range(const struct gd_curve *curve, double w0, double *lo,
		    double *hi);

/*
 * The global minimum's w, found exactly where a closed form exists (bowl,
 * abs, single-sample neuron) and numerically otherwise. Returns false when
 * the curve has no minimum in the finite reals (a neuron whose target is
 * outside (0, 1), or whose inputs are all 0).
 */
bool gd_curve_minimum(const struct gd_curve *curve, double *w_min);

#endif
