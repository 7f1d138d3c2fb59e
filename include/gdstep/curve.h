/*
 * Error curves E(w), with their exact gradients, described once in one
 * table (src/core/curve.c): every part of gdstep that names a curve, lists
 * its parameters, checks a value or writes its formula reads that table.
 *
 * A weight is a point of dimension 1 or 2: w is an array of the curve's
 * dimension (GD_DIM_MAX doubles are always enough), the gradient ∇E is
 * another. The built-in curves, all of one weight:
 *   bowl    E = ½·a·(w − c)²                     dE/dw = a·(w − c)
 *   neuron  E = ½·Σᵤ (yᵤ − σ(w·xᵤ + bᵤ))²        dE/dw = −Σᵤ (yᵤ − ŷᵤ)·ŷᵤ(1 − ŷᵤ)·xᵤ
 *   wells   E = (w² − 1)² + 0.3·w + 0.45         dE/dw = 4w(w² − 1) + 0.3
 *   abs     E = |w − c|                          dE/dw = sign(w − c), 0 at w = c
 *   formula E as typed (include/gdstep/formula.h)  ∇E by dual numbers
 * The neuron's derivative is the delta rule: with h = w·x + b, ŷ = σ(h),
 * ∂E/∂ŷ = −(y − ŷ), ∂ŷ/∂h = σ′(h) = ŷ(1 − ŷ) and ∂h/∂w = x.
 *
 * The curves of two weights w = (w₁, w₂):
 *   bowl2    E = ½·(a₁·u₁² + a₂·u₂²), u = R(−θ)·(w − c), θ in degrees:
 *            the bowl's axes turned by θ. ∇E = R(θ)·(a₁·u₁, a₂·u₂), since
 *            ∂u/∂w = R(−θ) and R(−θ)ᵀ = R(θ). With θ = 0 each axis is its
 *            own one-weight bowl: wₖ − cₖ is multiplied by (1 − η·aₖ) per
 *            plain descent step.
 *   neuron2  E = ½·Σᵤ (yᵤ − ŷᵤ)², ŷᵤ = σ(hᵤ), hᵤ = w₁·x₁ᵤ + w₂·x₂ᵤ + b
 *            ∂E/∂wₖ = −Σᵤ δᵤ·xₖᵤ with δᵤ = (yᵤ − ŷᵤ)·ŷᵤ(1 − ŷᵤ): the delta
 *            rule of seed 002 (doc/seeds/002_5941edacacc21cb0.txt), whose
 *            Δwₖ = η·δ·xₖ is −η·∂E/∂wₖ.
 *   wells2   E = (w₁² − 1)² + 0.3·w₁ + 0.45 + ½·k·w₂²
 *            ∂E/∂w₁ = 4w₁(w₁² − 1) + 0.3, ∂E/∂w₂ = k·w₂: the wells along
 *            w₁, a valley of curvature k across; the global minimum at
 *            (−1.036…, 0), the local one at (0.960…, 0).
 *   formula2 E(w₁, w₂) as typed, both partials by dual numbers.
 */
#ifndef GDSTEP_CURVE_H
#define GDSTEP_CURVE_H

#include <stdbool.h>

#include <gdstep/formula.h>

/* The most weights a curve has. */
#define GD_DIM_MAX 2

/* The most scalar parameters, per-sample lists and samples of a curve. */
#define GD_CURVE_PARAMS 6
#define GD_CURVE_LISTS 3
#define GD_SAMPLES_MAX 8
/* The name the first version gave the sample bound. */
#define GD_NEURON_MAX_SAMPLES GD_SAMPLES_MAX

/* The most minima a curve's row knows. */
#define GD_CURVE_MINIMA 4

enum gd_curve_kind {
	GD_CURVE_BOWL,
	GD_CURVE_NEURON,
	GD_CURVE_WELLS,
	GD_CURVE_ABS,
	GD_CURVE_BOWL2,
	GD_CURVE_NEURON2,
	GD_CURVE_WELLS2,
	GD_CURVE_FORMULA,
	GD_CURVE_FORMULA2,
	GD_CURVE_COUNT,
};

/* Where each curve keeps its parameters in struct gd_curve's p[] and
 * list[][]: the order of its row's params[] and lists[]. */
enum { GD_BOWL_A, GD_BOWL_C };
enum { GD_ABS_C };
enum { GD_NEURON_X, GD_NEURON_B, GD_NEURON_Y };
enum { GD_BOWL2_A1, GD_BOWL2_A2, GD_BOWL2_C1, GD_BOWL2_C2, GD_BOWL2_ANGLE };
enum { GD_NEURON2_B };
enum { GD_NEURON2_X1, GD_NEURON2_X2, GD_NEURON2_Y };
enum { GD_WELLS2_K };

/* A parameter (or one value of a per-sample list) and what it may be. */
struct gd_param_spec {
	const char *key; /* its name in lesson files and messages: "a" */
	double def;      /* the default (a list's one default sample) */
	double min, max; /* the allowed range, ends included ... */
	bool min_open;   /* ... except min when this is set: a > 0 */
	bool max_open;   /* ... and max when this is set: β < 1 */
};

/* A curve with its parameters: plain data, copied freely. */
struct gd_curve {
	enum gd_curve_kind kind;
	double p[GD_CURVE_PARAMS];                   /* scalar parameters */
	int n;                                       /* samples in list[] */
	double list[GD_CURVE_LISTS][GD_SAMPLES_MAX]; /* per-sample lists */
	struct gd_formula formula; /* the formula curve's E; else unused */
};

/* One row of the curve table. */
struct gd_curve_spec {
	const char *name;    /* "bowl": --curve and lesson files */
	int dim;             /* weights: 1 or 2 */
	const char *formula; /* as the panel writes it, UTF-8: E(w) = … */
	int nparams;
	struct gd_param_spec params[GD_CURVE_PARAMS];
	int nlists; /* per-sample lists, all of one length 1 … GD_SAMPLES_MAX */
	struct gd_param_spec lists[GD_CURVE_LISTS];
	double w0[GD_DIM_MAX]; /* the default start */
	double rate;           /* the default η */
	/* E at w and, when grad is not NULL, ∇E at w into grad. */
	double (*eval)(const struct gd_curve *c, const double *w, double *grad);
	/* The known minima, the global one first, into m; returns how many
	 * (0: none in the finite reals). */
	int (*minima)(const struct gd_curve *c, double m[][GD_DIM_MAX]);
};

/* The row of a kind, or NULL for an out-of-range kind. */
const struct gd_curve_spec *gd_curve_spec(enum gd_curve_kind kind);

/* "bowl", "neuron", "wells", "abs", "bowl2", …; NULL for an out-of-range kind. */
const char *gd_curve_name(enum gd_curve_kind kind);

/* Looks a kind up by its exact name. Returns 0, or -EINVAL if unknown. */
int gd_curve_kind_from_name(const char *name, enum gd_curve_kind *kind);

/* The weights of the curve's kind: 1 or 2 (0 for a bad kind). */
int gd_curve_dim(const struct gd_curve *curve);

/* Fills *curve with the kind's default parameters (one sample); the
 * formula curves' default formulas are GD_CURVE_FORMULA_DEFAULT and
 * GD_CURVE_FORMULA2_DEFAULT. */
void gd_curve_default(struct gd_curve *curve, enum gd_curve_kind kind);

#define GD_CURVE_FORMULA_DEFAULT "w^2"
#define GD_CURVE_FORMULA2_DEFAULT "w1^2 + w2^2"
/* Where a formula's minima are looked for, and its start and range. */
#define GD_CURVE_FORMULA_SCAN 5.0

/* Whether the curve is typed as a formula (in one weight or two). */
bool gd_curve_is_formula(const struct gd_curve *curve);

/*
 * Makes *curve the formula curve of text: GD_CURVE_FORMULA for a formula
 * in w, GD_CURVE_FORMULA2 for one in w1 and w2. Returns 0, or -EINVAL with
 * *err filled (a parse error) and *curve the default formula curve.
 */
int gd_curve_from_formula(struct gd_curve *curve, const char *text,
			  struct gd_formula_error *err);

/*
 * The default start of the curve into w0 (GD_DIM_MAX doubles): the row's
 * w0, or for a formula 2 right of its global minimum (else left, else
 * nearer) where E and ∇E are finite; for a formula of two weights 2 right
 * and 1.5 above it (else another corner, else nearer).
 */
void gd_curve_start(const struct gd_curve *curve, double *w0);

/* The default η for a run from w0: the row's, or for a formula one whose
 * first step is at most 0.5 long (1, 2 or 5 times a power of ten). */
double gd_curve_rate(const struct gd_curve *curve, const double *w0);

/* Whether v is allowed for parameter spec: finite and in its range. */
bool gd_param_ok(const struct gd_param_spec *spec, double v);

/*
 * Checks every parameter against the row's ranges and the sample count
 * (1 … GD_SAMPLES_MAX when the curve has lists). Returns 0, or -EINVAL.
 */
int gd_curve_check(const struct gd_curve *curve);

/* E(w). Non-finite w gives a non-finite result; finite w on a checked
 * curve gives a finite or +inf result (overflow far from the minimum). */
double gd_curve_eval(const struct gd_curve *curve, const double *w);

/* E(w), and ∇E(w) into grad (the curve's dimension of doubles); same
 * conventions as gd_curve_eval. */
double gd_curve_grad(const struct gd_curve *curve, const double *w, double *grad);

/* E of a one-weight curve at the number w: gd_curve_eval(curve, &w). */
double gd_curve_eval1(const struct gd_curve *curve, double w);

/* The delta rule's factors for one sample at weight w. */
struct gd_neuron_terms {
	double x, b, y;
	double h;    /* w·x + b */
	double yhat; /* σ(h) */
	double err;  /* y − ŷ */
	double dsig; /* ŷ(1 − ŷ) = σ′(h) */
	double grad; /* this sample's share of dE/dw: −err·dsig·x */
};

/*
 * The neuron's intermediate values for sample u at w, the numbers a teacher
 * writes on the board. Returns 0, or -EINVAL if the curve is not a neuron
 * or u is out of range.
 */
int gd_curve_neuron_terms(const struct gd_curve *curve, double w, int u,
			  struct gd_neuron_terms *out);

/* The delta rule's factors for one sample of neuron2 at w = (w₁, w₂). */
struct gd_neuron2_terms {
	double x[GD_DIM_MAX], b, y;
	double h;                /* w₁·x₁ + w₂·x₂ + b */
	double yhat;             /* σ(h) */
	double err;              /* y − ŷ */
	double dsig;             /* ŷ(1 − ŷ) = σ′(h) */
	double delta;            /* δ = (y − ŷ)·ŷ(1 − ŷ) */
	double grad[GD_DIM_MAX]; /* this sample's share of ∇E: −δ·xₖ */
};

/*
 * neuron2's intermediate values for sample u at w (two doubles). Returns 0,
 * or -EINVAL if the curve is not neuron2 or u is out of range.
 */
int gd_curve_neuron2_terms(const struct gd_curve *curve, const double *w, int u,
			   struct gd_neuron2_terms *out);

/*
 * The known minima, the global one first, into m (GD_CURVE_MINIMA rows are
 * always enough); returns how many. Exact where a closed form exists
 * (bowl, abs, single-sample neuron, wells by Newton's method), found
 * numerically otherwise; 0 when the curve has no minimum in the finite
 * reals (a neuron whose target is outside (0, 1), or whose inputs are
 * all 0).
 */
int gd_curve_minima(const struct gd_curve *curve, double m[][GD_DIM_MAX]);

/* The global minimum of a one-weight curve; false when there is none. */
bool gd_curve_minimum(const struct gd_curve *curve, double *w_min);

/*
 * The interval of weight axis k worth showing: every known minimum and the
 * start w0, with a margin. *lo < *hi always, both finite for finite w0.
 */
void gd_curve_range(const struct gd_curve *curve, const double *w0, int k,
		    double *lo, double *hi);

#endif
