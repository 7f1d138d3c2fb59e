/* Error curves; the formulas are derived in include/gdstep/curve.h. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <gdstep/curve.h>

static const char *const names[GD_CURVE_COUNT] = {
	[GD_CURVE_BOWL] = "bowl",
	[GD_CURVE_NEURON] = "neuron",
	[GD_CURVE_WELLS] = "wells",
	[GD_CURVE_ABS] = "abs",
};

void gd_curve_default(struct gd_curve *curve, enum gd_curve_kind kind)
{
	memset(curve, 0, sizeof(*curve));
	curve->kind = kind;
	curve->a = 2.0;
	curve->c = kind == GD_CURVE_ABS ? 1.0 : 0.0;
	/* Seed 002: x = (0.1, 0.3), w = (−0.8, 0.5), y = 0.2. We vary w₁, and
	 * w₂·x₂ = 0.5 × 0.3 = 0.15 is held fixed as b. */
	curve->n = 1;
	curve->x[0] = 0.1;
	curve->b[0] = 0.15;
	curve->y[0] = 0.2;
}

struct gd_curve_start gd_curve_start_default(enum gd_curve_kind kind)
{
	switch (kind) {
	case GD_CURVE_NEURON:
		return (struct gd_curve_start){ .w0 = -0.8, .rate = 0.5 };
	case GD_CURVE_WELLS:
		return (struct gd_curve_start){ .w0 = 1.8, .rate = 0.02 };
	case GD_CURVE_ABS:
		return (struct gd_curve_start){ .w0 = 3.0, .rate = 0.3 };
	case GD_CURVE_BOWL:
	default:
		return (struct gd_curve_start){ .w0 = 2.0, .rate = 0.1 };
	}
}

const char *gd_curve_name(enum gd_curve_kind kind)
{
	if ((unsigned)kind >= GD_CURVE_COUNT)
		return NULL;
	return names[kind];
}

int gd_curve_kind_from_name(const char *name, enum gd_curve_kind *kind)
{
	for (int k = 0; k < GD_CURVE_COUNT; k++) {
		if (name && strcmp(name, names[k]) == 0) {
			*kind = (enum gd_curve_kind)k;
			return 0;
		}
	}
	return -EINVAL;
}

int gd_curve_check(const struct gd_curve *curve)
{
	switch (curve->kind) {
	case GD_CURVE_BOWL:
		if (!isfinite(curve->a) || curve->a <= 0 || curve->a > 1e6)
			return -EINVAL;
		return isfinite(curve->c) && fabs(curve->c) <= 1e6 ? 0 : -EINVAL;
	case GD_CURVE_ABS:
		return isfinite(curve->c) && fabs(curve->c) <= 1e6 ? 0 : -EINVAL;
	case GD_CURVE_NEURON:
		if (curve->n < 1 || curve->n > GD_NEURON_MAX_SAMPLES)
			return -EINVAL;
		for (int u = 0; u < curve->n; u++) {
			if (!isfinite(curve->x[u]) || !isfinite(curve->b[u]) ||
			    !isfinite(curve->y[u]) || fabs(curve->x[u]) > 1e6 ||
			    fabs(curve->b[u]) > 1e6 || fabs(curve->y[u]) > 1e6)
				return -EINVAL;
		}
		return 0;
	case GD_CURVE_WELLS:
		return 0;
	default:
		return -EINVAL;
	}
}

/* σ(h) = 1/(1 + e^(−h)), written so that neither branch overflows. */
static double sigmoid(double h)
{
	if (h >= 0)
		return 1.0 / (1.0 + exp(-h));
	double e = exp(h);
	return e / (1.0 + e);
}

int gd_curve_neuron_terms(const struct gd_curve *curve, double w, int u,
			  struct gd_neuron_terms *out)
{
	if (curve->kind != GD_CURVE_NEURON || u < 0 || u >= curve->n)
		return -EINVAL;
	out->x = curve->x[u];
	out->b = curve->b[u];
	out->y = curve->y[u];
	out->h = w * out->x + out->b;
	out->yhat = sigmoid(out->h);
	out->err = out->y - out->yhat;
	out->dsig = out->yhat * (1.0 - out->yhat);
	out->grad = -out->err * out->dsig * out->x;
	return 0;
}

double gd_curve_eval(const struct gd_curve *curve, double w)
{
	switch (curve->kind) {
	case GD_CURVE_BOWL:
		return 0.5 * curve->a * (w - curve->c) * (w - curve->c);
	case GD_CURVE_NEURON: {
		double sum = 0;
		struct gd_neuron_terms t;
		for (int u = 0; u < curve->n; u++) {
			gd_curve_neuron_terms(curve, w, u, &t);
			sum += t.err * t.err;
		}
		return 0.5 * sum;
	}
	case GD_CURVE_WELLS:
		return (w * w - 1) * (w * w - 1) + 0.3 * w + 0.45;
	case GD_CURVE_ABS:
		return fabs(w - curve->c);
	default:
		return (double)NAN;
	}
}

double gd_curve_slope(const struct gd_curve *curve, double w)
{
	switch (curve->kind) {
	case GD_CURVE_BOWL:
		return curve->a * (w - curve->c);
	case GD_CURVE_NEURON: {
		double sum = 0;
		struct gd_neuron_terms t;
		for (int u = 0; u < curve->n; u++) {
			gd_curve_neuron_terms(curve, w, u, &t);
			sum += t.grad;
		}
		return sum;
	}
	case GD_CURVE_WELLS:
		return 4 * w * (w * w - 1) + 0.3;
	case GD_CURVE_ABS:
		if (isnan(w))
			return (double)NAN;
		return w > curve->c ? 1.0 : w < curve->c ? -1.0 : 0.0;
	default:
		return (double)NAN;
	}
}

/* Newton on dE/dw = 4w³ − 4w + 0.3 from a start inside the basin. */
static double wells_root(double w)
{
	for (int i = 0; i < 50; i++)
		w -= (4 * w * (w * w - 1) + 0.3) / (12 * w * w - 4);
	return w;
}

/* Golden-section search for the smallest E on [lo, hi]. */
static double golden_min(const struct gd_curve *curve, double lo, double hi)
{
	const double r = 0.6180339887498949;
	double a = lo, b = hi;
	double c = b - r * (b - a), d = a + r * (b - a);
	for (int i = 0; i < 200 && b - a > 1e-12 * (1 + fabs(a)); i++) {
		if (gd_curve_eval(curve, c) < gd_curve_eval(curve, d))
			b = d;
		else
			a = c;
		c = b - r * (b - a);
		d = a + r * (b - a);
	}
	return 0.5 * (a + b);
}

static bool neuron_minimum(const struct gd_curve *curve, double *w_min)
{
	if (curve->n == 1) {
		double x = curve->x[0], y = curve->y[0];
		/* σ(w·x + b) = y has a root only for 0 < y < 1 and x ≠ 0. */
		if (x == 0 || !(y > 0 && y < 1))
			return false;
		*w_min = (log(y / (1 - y)) - curve->b[0]) / x;
		return isfinite(*w_min);
	}
	/* Scan for the best cell, then refine; a minimum at the scan's edge
	 * means E keeps falling outward: no finite minimum. */
	const double lo = -100, hi = 100;
	const int cells = 2000;
	int best = 0;
	double best_e = (double)INFINITY;
	for (int i = 0; i <= cells; i++) {
		double e = gd_curve_eval(curve, lo + (hi - lo) * i / cells);
		if (e < best_e) {
			best_e = e;
			best = i;
		}
	}
	if (best == 0 || best == cells)
		return false;
	double step = (hi - lo) / cells;
	*w_min = golden_min(curve, lo + (best - 1) * step, lo + (best + 1) * step);
	return true;
}

bool gd_curve_minimum(const struct gd_curve *curve, double *w_min)
{
	switch (curve->kind) {
	case GD_CURVE_BOWL:
	case GD_CURVE_ABS:
		*w_min = curve->c;
		return true;
	case GD_CURVE_WELLS:
		*w_min = wells_root(-1.0);
		return true;
	case GD_CURVE_NEURON:
		return neuron_minimum(curve, w_min);
	default:
		return false;
	}
}

void gd_curve_range(const struct gd_curve *curve, double w0, double *lo,
		    double *hi)
{
	double a = w0, b = w0, m;
	if (curve->kind == GD_CURVE_WELLS) {
		/* Both wells and the hump between them. */
		a = fmin(a, wells_root(-1.0));
		b = fmax(b, wells_root(1.0));
	} else if (gd_curve_minimum(curve, &m) && fabs(m) <= 1e9) {
		a = fmin(a, m);
		b = fmax(b, m);
	}
	double span = b - a;
	if (!(span >= 1.0))
		span = 1.0;
	*lo = a - 0.25 * span;
	*hi = b + 0.25 * span;
}
