/*
 * The curve table; the formulas are derived in include/gdstep/curve.h.
 * Each row is all gdstep knows of a curve: adding a curve is adding a row
 * (and its two functions) here.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <gdstep/curve.h>

/* Parameters shared by several rows. */
#define PARAM(k, d)                                         \
	{                                                   \
		.key = k, .def = d, .min = -1e6, .max = 1e6 \
	}
#define CURVATURE(k, d)                                                    \
	{                                                                  \
		.key = k, .def = d, .min = 0, .max = 1e6, .min_open = true \
	}

static double bowl_eval(const struct gd_curve *c, const double *w, double *grad)
{
	double a = c->p[GD_BOWL_A], d = w[0] - c->p[GD_BOWL_C];
	if (grad)
		grad[0] = a * d;
	return 0.5 * a * d * d;
}

static int bowl_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	m[0][0] = c->p[GD_BOWL_C];
	return 1;
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
	out->x = curve->list[GD_NEURON_X][u];
	out->b = curve->list[GD_NEURON_B][u];
	out->y = curve->list[GD_NEURON_Y][u];
	out->h = w * out->x + out->b;
	out->yhat = sigmoid(out->h);
	out->err = out->y - out->yhat;
	out->dsig = out->yhat * (1.0 - out->yhat);
	out->grad = -out->err * out->dsig * out->x;
	return 0;
}

static double neuron_eval(const struct gd_curve *c, const double *w, double *grad)
{
	double sum = 0, g = 0;
	struct gd_neuron_terms t;
	for (int u = 0; u < c->n; u++) {
		gd_curve_neuron_terms(c, w[0], u, &t);
		sum += t.err * t.err;
		g += t.grad;
	}
	if (grad)
		grad[0] = g;
	return 0.5 * sum;
}

/* Golden-section search for the smallest E on [lo, hi]. */
static double golden_min(const struct gd_curve *curve, double lo, double hi)
{
	const double r = 0.6180339887498949;
	double a = lo, b = hi;
	double c = b - r * (b - a), d = a + r * (b - a);
	for (int i = 0; i < 200 && b - a > 1e-12 * (1 + fabs(a)); i++) {
		if (gd_curve_eval1(curve, c) < gd_curve_eval1(curve, d))
			b = d;
		else
			a = c;
		c = b - r * (b - a);
		d = a + r * (b - a);
	}
	return 0.5 * (a + b);
}

static int neuron_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	if (c->n == 1) {
		double x = c->list[GD_NEURON_X][0], y = c->list[GD_NEURON_Y][0];
		/* σ(w·x + b) = y has a root only for 0 < y < 1 and x ≠ 0. */
		if (x == 0 || !(y > 0 && y < 1))
			return 0;
		m[0][0] = (log(y / (1 - y)) - c->list[GD_NEURON_B][0]) / x;
		return isfinite(m[0][0]);
	}
	/* Scan for the best cell, then refine; a minimum at the scan's edge
	 * means E keeps falling outward: no finite minimum. */
	const double lo = -100, hi = 100;
	const int cells = 2000;
	int best = 0;
	double best_e = (double)INFINITY;
	for (int i = 0; i <= cells; i++) {
		double e = gd_curve_eval1(c, lo + (hi - lo) * i / cells);
		if (e < best_e) {
			best_e = e;
			best = i;
		}
	}
	if (best == 0 || best == cells)
		return 0;
	double step = (hi - lo) / cells;
	m[0][0] = golden_min(c, lo + (best - 1) * step, lo + (best + 1) * step);
	return 1;
}

static double wells_eval(const struct gd_curve *c, const double *w, double *grad)
{
	(void)c;
	double x = w[0];
	if (grad)
		grad[0] = 4 * x * (x * x - 1) + 0.3;
	return (x * x - 1) * (x * x - 1) + 0.3 * x + 0.45;
}

/* Newton on dE/dw = 4w³ − 4w + 0.3 from a start inside the basin. */
static double wells_root(double w)
{
	for (int i = 0; i < 50; i++)
		w -= (4 * w * (w * w - 1) + 0.3) / (12 * w * w - 4);
	return w;
}

static int wells_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	(void)c;
	m[0][0] = wells_root(-1.0); /* global, near −1.036 */
	m[1][0] = wells_root(1.0);  /* local, near 0.960 */
	return 2;
}

static double abs_eval(const struct gd_curve *c, const double *w, double *grad)
{
	double x = w[0], mid = c->p[GD_ABS_C];
	if (grad)
		grad[0] = isnan(x) ? (double)NAN :
			  x > mid  ? 1.0 :
			  x < mid  ? -1.0 :
				     0.0;
	return fabs(x - mid);
}

static int abs_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	m[0][0] = c->p[GD_ABS_C];
	return 1;
}

/* The bowl2's frame: u = R(−θ)·(w − c), with cos θ and sin θ. */
static void bowl2_frame(const struct gd_curve *c, double *cs, double *sn)
{
	double t = c->p[GD_BOWL2_ANGLE];
	/* θ = 0 exactly: each axis its own bowl, bit for bit. */
	if (t == 0) {
		*cs = 1;
		*sn = 0;
		return;
	}
	const double deg = 3.14159265358979323846 / 180;
	*cs = cos(t * deg);
	*sn = sin(t * deg);
}

static double bowl2_eval(const struct gd_curve *c, const double *w, double *grad)
{
	double cs, sn;
	bowl2_frame(c, &cs, &sn);
	double a1 = c->p[GD_BOWL2_A1], a2 = c->p[GD_BOWL2_A2];
	double d1 = w[0] - c->p[GD_BOWL2_C1], d2 = w[1] - c->p[GD_BOWL2_C2];
	double u1 = cs * d1 + sn * d2, u2 = -sn * d1 + cs * d2;
	if (grad) {
		grad[0] = cs * a1 * u1 - sn * a2 * u2;
		grad[1] = sn * a1 * u1 + cs * a2 * u2;
	}
	return 0.5 * (a1 * u1 * u1 + a2 * u2 * u2);
}

static int bowl2_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	m[0][0] = c->p[GD_BOWL2_C1];
	m[0][1] = c->p[GD_BOWL2_C2];
	return 1;
}

int gd_curve_neuron2_terms(const struct gd_curve *curve, const double *w, int u,
			   struct gd_neuron2_terms *out)
{
	if (curve->kind != GD_CURVE_NEURON2 || u < 0 || u >= curve->n)
		return -EINVAL;
	out->x[0] = curve->list[GD_NEURON2_X1][u];
	out->x[1] = curve->list[GD_NEURON2_X2][u];
	out->y = curve->list[GD_NEURON2_Y][u];
	out->b = curve->p[GD_NEURON2_B];
	/* In the seed's order: x[0]*w[0] + x[1]*w[1], then the bias. */
	out->h = out->x[0] * w[0] + out->x[1] * w[1] + out->b;
	out->yhat = sigmoid(out->h);
	out->err = out->y - out->yhat;
	out->dsig = out->yhat * (1.0 - out->yhat);
	out->delta = out->err * out->dsig;
	out->grad[0] = -out->delta * out->x[0];
	out->grad[1] = -out->delta * out->x[1];
	return 0;
}

static double neuron2_eval(const struct gd_curve *c, const double *w, double *grad)
{
	double sum = 0, g[2] = { 0, 0 };
	struct gd_neuron2_terms t;
	for (int u = 0; u < c->n; u++) {
		gd_curve_neuron2_terms(c, w, u, &t);
		sum += t.err * t.err;
		g[0] += t.grad[0];
		g[1] += t.grad[1];
	}
	if (grad) {
		grad[0] = g[0];
		grad[1] = g[1];
	}
	return 0.5 * sum;
}

/* Descends E from m with a shrinking compass search: slow, but it needs no
 * step size and never leaves a valley it is in. */
static void compass_min(const struct gd_curve *c, double *m, double step)
{
	double e = gd_curve_eval(c, m);
	while (step > 1e-10) {
		bool moved = false;
		for (int d = 0; d < 4; d++) {
			double t[2] = { m[0], m[1] };
			t[d / 2] += d % 2 ? -step : step;
			double et = gd_curve_eval(c, t);
			if (et < e) {
				e = et;
				m[0] = t[0];
				m[1] = t[1];
				moved = true;
			}
		}
		if (!moved)
			step *= 0.5;
	}
}

static int neuron2_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	if (c->n == 1) {
		/* A line of zeros, h = logit(y): its point nearest the
		 * origin, on the line through the origin along x. */
		double x1 = c->list[GD_NEURON2_X1][0],
		       x2 = c->list[GD_NEURON2_X2][0];
		double y = c->list[GD_NEURON2_Y][0], xx = x1 * x1 + x2 * x2;
		if (xx == 0 || !(y > 0 && y < 1))
			return 0;
		double s = (log(y / (1 - y)) - c->p[GD_NEURON2_B]) / xx;
		m[0][0] = s * x1;
		m[0][1] = s * x2;
		return isfinite(s);
	}
	/* Scan a grid for the best cell, then refine; a best cell on the
	 * grid's edge means E keeps falling outward: no finite minimum. */
	const double lo = -50, hi = 50;
	const int cells = 200;
	int bi = 0, bj = 0;
	double best = (double)INFINITY;
	for (int i = 0; i <= cells; i++) {
		for (int j = 0; j <= cells; j++) {
			double w[2] = { lo + (hi - lo) * i / cells,
					lo + (hi - lo) * j / cells };
			double e = gd_curve_eval(c, w);
			if (e < best) {
				best = e;
				bi = i;
				bj = j;
			}
		}
	}
	if (bi == 0 || bj == 0 || bi == cells || bj == cells)
		return 0;
	m[0][0] = lo + (hi - lo) * bi / cells;
	m[0][1] = lo + (hi - lo) * bj / cells;
	compass_min(c, m[0], (hi - lo) / cells);
	return 1;
}

static double wells2_eval(const struct gd_curve *c, const double *w, double *grad)
{
	double k = c->p[GD_WELLS2_K];
	double e = wells_eval(c, w, grad);
	if (grad)
		grad[1] = k * w[1];
	return e + 0.5 * k * w[1] * w[1];
}

static int wells2_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	int n = wells_minima(c, m);
	for (int i = 0; i < n; i++)
		m[i][1] = 0;
	return n;
}

static double formula_eval(const struct gd_curve *c, const double *w, double *grad)
{
	return gd_formula_eval(&c->formula, w, grad);
}

/*
 * A formula's minima: a scan of [−GD_CURVE_FORMULA_SCAN, +…] for cells
 * lower than both neighbours (where E is finite), each refined by
 * golden-section search, the lowest first. A lowest value at the scan's
 * edge means E keeps falling outward: no minimum is known there.
 */
static int formula_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	enum { CELLS = 2000, FOUND = 64 };
	const double lo = -GD_CURVE_FORMULA_SCAN, step = -2 * lo / CELLS;
	double e[CELLS + 1], fw[FOUND], fe[FOUND];
	int n = 0;
	for (int i = 0; i <= CELLS; i++) {
		e[i] = gd_curve_eval1(c, lo + step * i);
		if (!isfinite(e[i]))
			e[i] = (double)INFINITY;
	}
	for (int i = 1; i < CELLS && n < FOUND; i++) {
		/* Beside a gap is the domain's edge, not a minimum. */
		if (!(e[i] < e[i - 1] && e[i] <= e[i + 1]) ||
		    !isfinite(e[i - 1]) || !isfinite(e[i + 1]))
			continue;
		fw[n] = golden_min(c, lo + step * (i - 1), lo + step * (i + 1));
		fe[n] = gd_curve_eval1(c, fw[n]);
		if (!(fe[n] <= e[i])) {
			fw[n] = lo + step * i;
			fe[n] = e[i];
		}
		n++;
	}
	/* The lowest first: a selection of the GD_CURVE_MINIMA lowest. */
	int out = 0;
	for (; out < n && out < GD_CURVE_MINIMA; out++) {
		int best = out;
		for (int j = out + 1; j < n; j++)
			if (fe[j] < fe[best])
				best = j;
		double tw = fw[out], te = fe[out];
		fw[out] = fw[best];
		fe[out] = fe[best];
		fw[best] = tw;
		fe[best] = te;
		m[out][0] = fw[out];
		m[out][1] = 0;
	}
	/* An edge lower than every minimum found: E falls outward. */
	if (out && (e[0] < fe[0] || e[CELLS] < fe[0]))
		return 0;
	return out;
}

/*
 * A formula of two weights' minima: a grid over [−GD_CURVE_FORMULA_SCAN,
 * +…]² for points lower than their eight neighbours (all finite), each
 * refined by compass search, the lowest first, the same one found twice
 * kept once. A grid edge lower than every minimum found means E falls
 * outward: no minimum is known there.
 */
static int formula2_minima(const struct gd_curve *c, double m[][GD_DIM_MAX])
{
	enum { CELLS = 80, FOUND = 32 };
	const double lo = -GD_CURVE_FORMULA_SCAN, step = -2 * lo / CELLS;
	static const int nb[8][2] = { { -1, -1 }, { -1, 0 }, { -1, 1 },
				      { 0, -1 },  { 0, 1 },  { 1, -1 },
				      { 1, 0 },   { 1, 1 } };
	double e[CELLS + 1][CELLS + 1], fw[FOUND][2], fe[FOUND];
	double edge = (double)INFINITY;
	int n = 0;
	for (int i = 0; i <= CELLS; i++) {
		for (int j = 0; j <= CELLS; j++) {
			double w[2] = { lo + step * i, lo + step * j };
			e[i][j] = gd_curve_eval(c, w);
			if (!isfinite(e[i][j]))
				e[i][j] = (double)INFINITY;
			if (i == 0 || j == 0 || i == CELLS || j == CELLS)
				edge = fmin(edge, e[i][j]);
		}
	}
	for (int i = 1; i < CELLS; i++) {
		for (int j = 1; j < CELLS && n < FOUND; j++) {
			bool low = isfinite(e[i][j]);
			for (int k = 0; k < 8 && low; k++) {
				double o = e[i + nb[k][0]][j + nb[k][1]];
				/* Beside a gap is the domain's edge. */
				low = isfinite(o) &&
				      (k < 4 ? e[i][j] < o : e[i][j] <= o);
			}
			if (!low)
				continue;
			double w[2] = { lo + step * i, lo + step * j };
			compass_min(c, w, step / 2);
			double ew = gd_curve_eval(c, w);
			if (!(ew <= e[i][j])) {
				w[0] = lo + step * i;
				w[1] = lo + step * j;
				ew = e[i][j];
			}
			bool seen = false;
			for (int k = 0; k < n && !seen; k++)
				seen = fabs(fw[k][0] - w[0]) +
					       fabs(fw[k][1] - w[1]) <
				       1e-6 * (1 + fabs(w[0]) + fabs(w[1]));
			if (seen)
				continue;
			fw[n][0] = w[0];
			fw[n][1] = w[1];
			fe[n++] = ew;
		}
	}
	int out = 0;
	for (; out < n && out < GD_CURVE_MINIMA; out++) {
		int best = out;
		for (int j = out + 1; j < n; j++)
			if (fe[j] < fe[best])
				best = j;
		double t0 = fw[out][0], t1 = fw[out][1], te = fe[out];
		fw[out][0] = fw[best][0];
		fw[out][1] = fw[best][1];
		fe[out] = fe[best];
		fw[best][0] = t0;
		fw[best][1] = t1;
		fe[best] = te;
		m[out][0] = fw[out][0];
		m[out][1] = fw[out][1];
	}
	if (out && edge < fe[0])
		return 0;
	return out;
}

static const struct gd_curve_spec table[GD_CURVE_COUNT] = {
	[GD_CURVE_BOWL] = {
		.name = "bowl", .dim = 1,
		.formula = "E(w) = ½·a·(w − c)²",
		.nparams = 2,
		.params = { CURVATURE("a", 2.0), PARAM("c", 0.0) },
		/* Seed 000 (doc/seeds/000_737f7dd588d52725.txt): f(x) = x², f′(2) = 4. */
		.w0 = { 2.0 }, .rate = 0.1,
		.eval = bowl_eval, .minima = bowl_minima,
	},
	[GD_CURVE_NEURON] = {
		.name = "neuron", .dim = 1,
		.formula = "E(w) = ½·Σ (y − σ(w·x + b))²",
		.nlists = 3,
		/* Seed 002: x = (0.1, 0.3), w = (−0.8, 0.5), y = 0.2. We vary
		 * w₁, and w₂·x₂ = 0.5 × 0.3 = 0.15 is held fixed as b. */
		.lists = { PARAM("x", 0.1), PARAM("b", 0.15), PARAM("y", 0.2) },
		.w0 = { -0.8 }, .rate = 0.5,
		.eval = neuron_eval, .minima = neuron_minima,
	},
	[GD_CURVE_WELLS] = {
		.name = "wells", .dim = 1,
		.formula = "E(w) = (w² − 1)² + 0.3·w + 0.45",
		.w0 = { 1.8 }, .rate = 0.02,
		.eval = wells_eval, .minima = wells_minima,
	},
	[GD_CURVE_ABS] = {
		.name = "abs", .dim = 1,
		.formula = "E(w) = |w − c|",
		.nparams = 1,
		.params = { PARAM("c", 1.0) },
		.w0 = { 3.0 }, .rate = 0.3,
		.eval = abs_eval, .minima = abs_minima,
	},
	[GD_CURVE_BOWL2] = {
		.name = "bowl2", .dim = 2,
		.formula = "E(w₁, w₂) = ½·(a₁·u₁² + a₂·u₂²), u = R(−θ)·(w − c)",
		.nparams = 5,
		.params = { CURVATURE("a1", 1.0), CURVATURE("a2", 10.0),
			    PARAM("c1", 0.0), PARAM("c2", 0.0),
			    { .key = "angle", .def = 0, .min = -180,
			      .max = 180 } },
		/* η·a₂ = 1.5: w₂ flips sign each step, w₁ creeps. */
		.w0 = { -2.0, 1.0 }, .rate = 0.15,
		.eval = bowl2_eval, .minima = bowl2_minima,
	},
	[GD_CURVE_NEURON2] = {
		.name = "neuron2", .dim = 2,
		.formula = "E(w₁, w₂) = ½·Σ (y − σ(w₁·x₁ + w₂·x₂ + b))²",
		.nparams = 1,
		.params = { PARAM("b", 0.0) },
		.nlists = 3,
		/* Seed 002: x = (0.1, 0.3), w = (−0.8, 0.5), y = 0.2, η = 0.5. */
		.lists = { PARAM("x1", 0.1), PARAM("x2", 0.3), PARAM("y", 0.2) },
		.w0 = { -0.8, 0.5 }, .rate = 0.5,
		.eval = neuron2_eval, .minima = neuron2_minima,
	},
	[GD_CURVE_WELLS2] = {
		.name = "wells2", .dim = 2,
		.formula = "E(w₁, w₂) = (w₁² − 1)² + 0.3·w₁ + 0.45 + ½·k·w₂²",
		.nparams = 1,
		.params = { CURVATURE("k", 2.0) },
		.w0 = { 1.8, 1.0 }, .rate = 0.02,
		.eval = wells2_eval, .minima = wells2_minima,
	},
	[GD_CURVE_FORMULA] = {
		.name = "formula", .dim = 1,
		.formula = "E(w) = …",
		/* The start is found from the formula: gd_curve_start. */
		.w0 = { 2.0 }, .rate = 0.1,
		.eval = formula_eval, .minima = formula_minima,
	},
	[GD_CURVE_FORMULA2] = {
		.name = "formula2", .dim = 2,
		.formula = "E(w₁, w₂) = …",
		/* The start is found from the formula: gd_curve_start. */
		.w0 = { 2.0, 1.5 }, .rate = 0.1,
		.eval = formula_eval, .minima = formula2_minima,
	},
};

const struct gd_curve_spec *gd_curve_spec(enum gd_curve_kind kind)
{
	return (unsigned)kind < GD_CURVE_COUNT ? &table[kind] : NULL;
}

const char *gd_curve_name(enum gd_curve_kind kind)
{
	const struct gd_curve_spec *s = gd_curve_spec(kind);
	return s ? s->name : NULL;
}

int gd_curve_kind_from_name(const char *name, enum gd_curve_kind *kind)
{
	for (int k = 0; name && k < GD_CURVE_COUNT; k++) {
		if (strcmp(name, table[k].name) == 0) {
			*kind = (enum gd_curve_kind)k;
			return 0;
		}
	}
	return -EINVAL;
}

int gd_curve_dim(const struct gd_curve *curve)
{
	const struct gd_curve_spec *s = gd_curve_spec(curve->kind);
	return s ? s->dim : 0;
}

void gd_curve_default(struct gd_curve *curve, enum gd_curve_kind kind)
{
	memset(curve, 0, sizeof(*curve));
	curve->kind = kind;
	const struct gd_curve_spec *s = gd_curve_spec(kind);
	if (!s)
		return;
	for (int i = 0; i < s->nparams; i++)
		curve->p[i] = s->params[i].def;
	curve->n = s->nlists ? 1 : 0;
	for (int i = 0; i < s->nlists; i++)
		curve->list[i][0] = s->lists[i].def;
	if (kind == GD_CURVE_FORMULA)
		gd_formula_compile(&curve->formula, GD_CURVE_FORMULA_DEFAULT,
				   NULL);
	if (kind == GD_CURVE_FORMULA2)
		gd_formula_compile(&curve->formula, GD_CURVE_FORMULA2_DEFAULT,
				   NULL);
}

bool gd_curve_is_formula(const struct gd_curve *curve)
{
	return curve->kind == GD_CURVE_FORMULA || curve->kind == GD_CURVE_FORMULA2;
}

int gd_curve_from_formula(struct gd_curve *curve, const char *text,
			  struct gd_formula_error *err)
{
	struct gd_formula_error local;
	if (!err)
		err = &local;
	gd_curve_default(curve, GD_CURVE_FORMULA);
	if (gd_formula_compile(&curve->formula, text, err) < 0) {
		gd_curve_default(curve, GD_CURVE_FORMULA);
		return -EINVAL;
	}
	/* The kind by the weights the formula names; its text stays. */
	if (curve->formula.dim == 2)
		curve->kind = GD_CURVE_FORMULA2;
	return 0;
}

static bool finite_at(const struct gd_curve *curve, double w)
{
	double g[GD_DIM_MAX] = { 0, 0 };
	double e = gd_curve_grad(curve, &w, g);
	return isfinite(e) && isfinite(g[0]) && fabs(w) <= 1e12;
}

static bool finite_at2(const struct gd_curve *curve, const double *w)
{
	double g[GD_DIM_MAX] = { 0, 0 };
	double e = gd_curve_grad(curve, w, g);
	return isfinite(e) && isfinite(g[0]) && isfinite(g[1]) &&
	       fabs(w[0]) <= 1e12 && fabs(w[1]) <= 1e12;
}

/* A formula of two weights: of the four corners (±2, ±1.5) from its
 * global minimum, the first where E and ∇E are finite, else nearer ones. */
static void formula2_start(const struct gd_curve *curve, double *w0)
{
	double m[GD_CURVE_MINIMA][GD_DIM_MAX];
	double c[2] = { 0, 0 };
	if (gd_curve_minima(curve, m) > 0) {
		c[0] = m[0][0];
		c[1] = m[0][1];
	}
	const double offsets[][2] = { { 2, 1.5 },   { -2, 1.5 },   { 2, -1.5 },
				      { -2, -1.5 }, { 1, 0.75 },   { -1, 0.75 },
				      { 1, -0.75 }, { -1, -0.75 }, { 0, 0 } };
	for (size_t i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		double w[2] = { c[0] + offsets[i][0], c[1] + offsets[i][1] };
		if (finite_at2(curve, w)) {
			w0[0] = w[0];
			w0[1] = w[1];
			return;
		}
	}
}

void gd_curve_start(const struct gd_curve *curve, double *w0)
{
	const struct gd_curve_spec *s = gd_curve_spec(curve->kind);
	w0[0] = s ? s->w0[0] : 0;
	w0[1] = s ? s->w0[1] : 0;
	if (curve->kind == GD_CURVE_FORMULA2) {
		formula2_start(curve, w0);
		return;
	}
	if (curve->kind != GD_CURVE_FORMULA)
		return;
	/* Of the two points 2 either side of the global minimum, the
	 * higher one (the more to descend), else the nearest finite one. */
	double m = 0, best = (double)NAN;
	gd_curve_minimum(curve, &m);
	const double offsets[] = { 2, -2, 1, -1, 0.5, -0.5, 0 };
	for (size_t i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		double w = m + offsets[i];
		if (!finite_at(curve, w))
			continue;
		if (isnan(best) || (i == 1 && gd_curve_eval1(curve, w) >
						      gd_curve_eval1(curve, best)))
			best = w;
	}
	if (!isnan(best))
		w0[0] = best;
}

bool gd_param_ok(const struct gd_param_spec *spec, double v)
{
	if (!isfinite(v))
		return false;
	if (spec->max_open ? !(v < spec->max) : !(v <= spec->max))
		return false;
	return spec->min_open ? v > spec->min : v >= spec->min;
}

int gd_curve_check(const struct gd_curve *curve)
{
	const struct gd_curve_spec *s = gd_curve_spec(curve->kind);
	if (!s)
		return -EINVAL;
	for (int i = 0; i < s->nparams; i++)
		if (!gd_param_ok(&s->params[i], curve->p[i]))
			return -EINVAL;
	if (s->nlists && (curve->n < 1 || curve->n > GD_SAMPLES_MAX))
		return -EINVAL;
	if (gd_curve_is_formula(curve) &&
	    (curve->formula.dim != s->dim || curve->formula.n < 1))
		return -EINVAL;
	for (int i = 0; i < s->nlists; i++)
		for (int u = 0; u < curve->n; u++)
			if (!gd_param_ok(&s->lists[i], curve->list[i][u]))
				return -EINVAL;
	return 0;
}

double gd_curve_grad(const struct gd_curve *curve, const double *w, double *grad)
{
	const struct gd_curve_spec *s = gd_curve_spec(curve->kind);
	if (!s) {
		if (grad)
			grad[0] = grad[1] = (double)NAN;
		return (double)NAN;
	}
	return s->eval(curve, w, grad);
}

double gd_curve_eval(const struct gd_curve *curve, const double *w)
{
	return gd_curve_grad(curve, w, NULL);
}

double gd_curve_eval1(const struct gd_curve *curve, double w)
{
	return gd_curve_eval(curve, &w);
}

int gd_curve_minima(const struct gd_curve *curve, double m[][GD_DIM_MAX])
{
	const struct gd_curve_spec *s = gd_curve_spec(curve->kind);
	return s ? s->minima(curve, m) : 0;
}

bool gd_curve_minimum(const struct gd_curve *curve, double *w_min)
{
	double m[GD_CURVE_MINIMA][GD_DIM_MAX];
	if (gd_curve_minima(curve, m) < 1)
		return false;
	*w_min = m[0][0];
	return true;
}

void gd_curve_range(const struct gd_curve *curve, const double *w0, int k,
		    double *lo, double *hi)
{
	double m[GD_CURVE_MINIMA][GD_DIM_MAX];
	int n = gd_curve_minima(curve, m);
	double a = w0[k], b = w0[k];
	for (int i = 0; i < n; i++) {
		if (fabs(m[i][k]) <= 1e9) {
			a = fmin(a, m[i][k]);
			b = fmax(b, m[i][k]);
		}
	}
	double span = b - a;
	if (!(span >= 1.0))
		span = 1.0;
	*lo = a - 0.25 * span;
	*hi = b + 0.25 * span;
	/* A formula's shape is unknown: show 3 either side of its global
	 * minimum too, where a domain's edge (sqrt, log) is often near. */
	if (gd_curve_is_formula(curve) && n > 0 && fabs(m[0][k]) <= 1e9) {
		*lo = fmin(*lo, m[0][k] - 3);
		*hi = fmax(*hi, m[0][k] + 3);
	}
}

double gd_curve_rate(const struct gd_curve *curve, const double *w0)
{
	const struct gd_curve_spec *s = gd_curve_spec(curve->kind);
	double rate = s ? s->rate : 0.1;
	if (!gd_curve_is_formula(curve))
		return rate;
	double g[GD_DIM_MAX] = { 0, 0 };
	gd_curve_grad(curve, w0, g);
	double len = hypot(g[0], g[1]), step = len * rate;
	/* A first step longer than 0.5: η = 0.5/|∇E| rounded down to 1, 2
	 * or 5 times a power of ten. */
	if (!(step > 0.5) || !isfinite(step))
		return rate;
	double r = 0.5 / len, p = pow(10, floor(log10(r)));
	return r >= 5 * p ? 5 * p : r >= 2 * p ? 2 * p : p;
}
