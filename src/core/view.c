/* World ↔ pixel mapping; the equations are in include/gdstep/view.h. */
#include <math.h>

#include <gdstep/view.h>

static double clamp_px(double p)
{
	if (isnan(p))
		return -GD_VIEW_CLAMP;
	return fmax(-GD_VIEW_CLAMP, fmin(GD_VIEW_CLAMP, p));
}

void gd_view_to_screen(const struct gd_view *view, double w, double e,
		       double *px, double *py)
{
	double sx = (w - view->wmin) / (view->wmax - view->wmin);
	double sy = (view->emax - e) / (view->emax - view->emin);
	*px = clamp_px(view->x + sx * view->width);
	*py = clamp_px(view->y + sy * view->height);
}

void gd_view_from_screen(const struct gd_view *view, double px, double py,
			 double *w, double *e)
{
	*w = view->wmin + (px - view->x) / view->width * (view->wmax - view->wmin);
	*e = view->emax -
	     (py - view->y) / view->height * (view->emax - view->emin);
}

bool gd_view_contains(const struct gd_view *view, double px, double py)
{
	return px >= view->x && px <= view->x + view->width && py >= view->y &&
	       py <= view->y + view->height;
}

/* The smallest round spacing (1, 2 or 5 × 10ᵏ) that is ≥ raw. */
static double nice_at_least(double raw)
{
	double mag = pow(10.0, floor(log10(raw)));
	const double mult[] = { 1, 2, 5, 10 };
	for (int i = 0; i < 3; i++) {
		/* Rounding of raw must not push 5e-10 up to 1e-9. */
		if (mult[i] * mag >= raw * (1 - 1e-12))
			return mult[i] * mag;
	}
	return 10 * mag;
}

/* How many multiples of s lie in [lo, hi]. */
static double tick_count(double lo, double hi, double s)
{
	return floor(hi / s) - ceil(lo / s) + 1;
}

int gd_view_ticks(double lo, double hi, int max_ticks,
		  double ticks[GD_VIEW_MAX_TICKS], double *step)
{
	/* A span below 1e-12 of the values has no distinct round ticks. */
	if (!isfinite(lo) || !isfinite(hi) || !(lo < hi) ||
	    !isfinite(hi - lo) || hi - lo < 1e-12 * fmax(fabs(lo), fabs(hi)))
		return 0;
	if (max_ticks < 2)
		max_ticks = 2;
	if (max_ticks > GD_VIEW_MAX_TICKS)
		max_ticks = GD_VIEW_MAX_TICKS;
	double s = nice_at_least((hi - lo) / max_ticks);
	/* The ends can let one tick too many in; the next round step up
	 * always fixes that. */
	while (s > 0 && isfinite(s) && tick_count(lo, hi, s) > max_ticks)
		s = nice_at_least(s * 1.5);
	if (!(s > 0) || !isfinite(s))
		return 0;
	int n = 0;
	for (double k = ceil(lo / s); n < max_ticks && k * s <= hi; k += 1) {
		double t = k * s;
		/* -0 prints as "-0": store it as 0. */
		ticks[n++] = t == 0 ? 0.0 : t;
	}
	if (step)
		*step = s;
	return n;
}

void gd_view_fit(struct gd_view *view, const struct gd_curve *curve, double wlo,
		 double whi, const double *ws, int n)
{
	for (int i = 0; i < n; i++) {
		if (isfinite(ws[i])) {
			wlo = fmin(wlo, ws[i]);
			whi = fmax(whi, ws[i]);
		}
	}
	if (!(whi > wlo)) {
		wlo -= 1;
		whi += 1;
	}
	double emin = (double)INFINITY, emax = -(double)INFINITY;
	const int samples = 256;
	for (int i = 0; i <= samples; i++) {
		double e = gd_curve_eval1(curve, wlo + (whi - wlo) * i / samples);
		if (isfinite(e)) {
			emin = fmin(emin, e);
			emax = fmax(emax, e);
		}
	}
	for (int i = 0; i < n; i++) {
		double e = gd_curve_eval1(curve, ws[i]);
		if (isfinite(e))
			emax = fmax(emax, e);
	}
	if (!isfinite(emin) || !isfinite(emax)) {
		emin = 0;
		emax = 1;
	}
	double span = emax - emin;
	if (!(span > 0))
		span = fmax(fabs(emax), 1.0);
	/* Start E at 0 when the floor is near it, so the axis reads E = 0. */
	if (emin >= 0 && emin < 0.3 * span)
		emin = 0;
	else
		emin -= 0.05 * span;
	view->wmin = wlo;
	view->wmax = whi;
	view->emin = emin;
	view->emax = emax + 0.08 * span;
}

/* The interval of weight axis k the run needs: the curve's range, the
 * start, the trail, the point and the next one. */
static void run_span(const struct gd_run *run, int k, double *lo, double *hi)
{
	gd_curve_range(&run->curve, run->w0, k, lo, hi);
	*lo = fmin(*lo, run->w[k]);
	*hi = fmax(*hi, run->w[k]);
	struct gd_update next;
	if (gd_run_peek(run, &next)) {
		*lo = fmin(*lo, next.w_next[k]);
		*hi = fmax(*hi, next.w_next[k]);
	}
	size_t len = gd_run_history_len(run);
	for (size_t i = 0; i < len; i++) {
		double w = gd_run_history_at(run, i)->w[k];
		*lo = fmin(*lo, w);
		*hi = fmax(*hi, w);
	}
	double pad = 0.04 * (*hi - *lo);
	*lo -= pad;
	*hi += pad;
}

void gd_view_fit_run(struct gd_view *view, const struct gd_run *run)
{
	if (run->dim == 2) {
		run_span(run, 0, &view->wmin, &view->wmax);
		run_span(run, 1, &view->emin, &view->emax);
		return;
	}
	double lo, hi;
	gd_curve_range(&run->curve, run->w0, 0, &lo, &hi);
	double ws[4];
	int n = 0;
	ws[n++] = run->w[0];
	struct gd_update next;
	if (gd_run_peek(run, &next))
		ws[n++] = next.w_next[0];
	/* The trail's extremes, not every point. */
	size_t len = gd_run_history_len(run);
	double tmin = run->w[0], tmax = run->w[0];
	for (size_t i = 0; i < len; i++) {
		double w = gd_run_history_at(run, i)->w[0];
		tmin = fmin(tmin, w);
		tmax = fmax(tmax, w);
	}
	ws[n++] = tmin;
	ws[n++] = tmax;
	gd_view_fit(view, &run->curve, lo, hi, ws, n);
	double pad = 0.04 * (view->wmax - view->wmin);
	view->wmin -= pad;
	view->wmax += pad;
}

void gd_view_zoom(struct gd_view *view, double factor, double w, double e)
{
	if (!(factor > 0) || !isfinite(factor))
		return;
	double wmin = w + (view->wmin - w) / factor;
	double wmax = w + (view->wmax - w) / factor;
	double emin = e + (view->emin - e) / factor;
	double emax = e + (view->emax - e) / factor;
	/* Keep a span that still has distinct doubles across the pixels and
	 * stays finite. */
	double ws = wmax - wmin, es = emax - emin;
	if (!(ws > 1e-9 * (1 + fabs(w))) || !(es > 1e-12 * (1 + fabs(e))) ||
	    !(ws < 1e13) || !(es < 1e30))
		return;
	view->wmin = wmin;
	view->wmax = wmax;
	view->emin = emin;
	view->emax = emax;
}

void gd_view_pan(struct gd_view *view, double dx, double dy)
{
	double dw = -dx / view->width * (view->wmax - view->wmin);
	double de = dy / view->height * (view->emax - view->emin);
	if (!isfinite(dw) || !isfinite(de))
		return;
	view->wmin += dw;
	view->wmax += dw;
	view->emin += de;
	view->emax += de;
}

bool gd_view_frame_step(struct gd_view *view, const struct gd_curve *curve,
			double w, double w_next, double min_frac, double want_frac)
{
	double d = fabs(w_next - w), range = view->wmax - view->wmin;
	if (!(d > 0) || !isfinite(d) || !isfinite(range) || d >= min_frac * range)
		return false;
	double width = fmax(d / want_frac, 3e-3 * (1 + fabs(w)));
	if (!(width < range))
		return false;
	double mid = 0.5 * (w + w_next);
	double ws[2] = { w, w_next };
	gd_view_fit(view, curve, mid - width / 2, mid + width / 2, ws, 2);
	/* E no finer than 2 % of its size, so its ticks stay few and short
	 * (not eight labels of 0.74415). */
	double emid = 0.5 * (view->emin + view->emax);
	double espan = 0.02 * fmax(fabs(view->emin), fabs(view->emax));
	if (view->emax - view->emin < espan) {
		view->emin = emid - espan / 2;
		view->emax = emid + espan / 2;
	}
	return true;
}
