/*
 * The mapping between the plot's world (w, E) and screen pixels.
 *
 * Screen y grows downward, world E grows upward, so
 *     px = x + (w − wmin) / (wmax − wmin) · width
 *     py = y + (emax − E) / (emax − emin) · height
 * and the inverse solves the same lines for w and E. On the map of a
 * curve of two weights the vertical axis is w₂ instead of E: the same
 * mapping, zoom and pan serve both. Pixel coordinates come
 * back as doubles clamped to ±GD_VIEW_CLAMP, so a diverging run at w = 1e11
 * still maps to numbers that fit an int and that a rasteriser can clip.
 */
#ifndef GDSTEP_VIEW_H
#define GDSTEP_VIEW_H

#include <stdbool.h>

#include <gdstep/curve.h>
#include <gdstep/run.h>

#define GD_VIEW_CLAMP 1048576.0

/* The most ticks gd_view_ticks returns. */
#define GD_VIEW_MAX_TICKS 32

struct gd_view {
	double wmin, wmax; /* world interval on the horizontal axis */
	double emin, emax; /* world interval on the vertical axis */
	int x, y;          /* plot area's top-left corner, pixels */
	int width, height; /* plot area's size, pixels, ≥ 1 */
};

/* World to pixels. NaN maps to -GD_VIEW_CLAMP; ±inf to the clamp. */
void gd_view_to_screen(const struct gd_view *view, double w, double e,
		       double *px, double *py);

/* Pixels to world. */
void gd_view_from_screen(const struct gd_view *view, double px, double py,
			 double *w, double *e);

/* Whether a pixel lies inside the plot area. */
bool gd_view_contains(const struct gd_view *view, double px, double py);

/*
 * Round tick values (1, 2 or 5 × 10ᵏ apart) covering [lo, hi], at most
 * max_ticks of them (clamped to 2 … GD_VIEW_MAX_TICKS). Writes them to
 * ticks[] in increasing order, the spacing to *step (may be NULL), and
 * returns how many; 0 if lo or hi is not finite or lo ≥ hi.
 */
int gd_view_ticks(double lo, double hi, int max_ticks,
		  double ticks[GD_VIEW_MAX_TICKS], double *step);

/*
 * Fits the world intervals to a one-weight curve over [wlo, whi] and to the given
 * points (may be NULL with n = 0): E from a little below its minimum (0
 * when the minimum is ≥ 0 and close) to a margin above the highest point.
 * The pixel rectangle is left as it is.
 */
void gd_view_fit(struct gd_view *view, const struct gd_curve *curve, double wlo,
		 double whi, const double *ws, int n);

/*
 * Fits the view to a run on a one-weight curve: the curve's suggested range, its start, its
 * whole kept trail and the next point. For a run of two weights the view
 * is the map of (w₁, w₂): [wmin, wmax] is w₁'s interval and [emin, emax]
 * w₂'s (the vertical axis), each fitted the same way.
 */
void gd_view_fit_run(struct gd_view *view, const struct gd_run *run);

/*
 * Frames a step from w to w_next so that it is seen: when |w_next − w| is
 * less than min_frac of the w range shown, the w range becomes the step
 * centred, |w_next − w| / want_frac wide (but no narrower than
 * 1e-3·(1 + |w|), so ticks stay readable, and never wider than it was),
 * and E is fitted to the curve there (gd_view_fit). 0 < min_frac ≤
 * want_frac < 1. Returns whether the view changed; a step of 0 or a
 * non-finite one changes nothing.
 */
bool gd_view_frame_step(struct gd_view *view, const struct gd_curve *curve,
			double w, double w_next, double min_frac,
			double want_frac);

/* Zooms by factor (> 1 zooms in) about world point (w, e). */
void gd_view_zoom(struct gd_view *view, double factor, double w, double e);

/* Moves the view by a pixel offset (dx, dy), as a drag does. */
void gd_view_pan(struct gd_view *view, double dx, double dy);

#endif
