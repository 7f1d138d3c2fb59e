/*
 * The contour map of a curve of two weights: E sampled on a grid of
 * pixels over the map's view (gdstep/view.h, w₁ across, w₂ up), filled
 * bands between levels, and the contour lines at the levels by marching
 * squares. Computing it evaluates E a few ten thousand times, so the
 * frame keeps one in the app's state and recomputes it only when the
 * curve, the view or the map's pixel rectangle changes.
 *
 * Marching squares: each grid cell's four corners are above or below a
 * level; the edges where they differ carry the line, crossing each edge
 * where linear interpolation of E between its corners meets the level.
 * A saddle cell (opposite corners alike) is decided by the mean of its
 * corners.
 *
 * Memory: heap arrays grown as needed, bounded by APP_CONTOUR_MAX_SEGS
 * segments (the rest are dropped) and by the map's size.
 */
#ifndef GDSTEP_UI_CONTOUR_H
#define GDSTEP_UI_CONTOUR_H

#include <stdbool.h>

#include <gdstep/curve.h>
#include <gdstep/view.h>

#include "dlist.h"

#define APP_CONTOUR_LEVELS 10
#define APP_CONTOUR_CELL 6 /* grid spacing, pixels */
#define APP_CONTOUR_MAX_SEGS 65536

/* One run of cells of one band on a row, in pixels. */
struct app_band_run {
	struct app_box box;
	int band; /* 0 … nlevels: how many levels lie below E here */
};

/* A contour line's piece: count points from pts[first], of one level. */
struct app_contour_chain {
	int first, count, level;
};

struct app_contours {
	/* What it was computed for. */
	bool valid;
	struct gd_curve curve;
	struct gd_view view;
	/* The levels, increasing. */
	int nlevels;
	double level[APP_CONTOUR_LEVELS];
	/* Where each level's label goes (pixels); has_label false: none. */
	bool has_label[APP_CONTOUR_LEVELS];
	float label_x[APP_CONTOUR_LEVELS], label_y[APP_CONTOUR_LEVELS];
	/* Filled bands. */
	int nruns, cap_runs;
	struct app_band_run *runs;
	/* Contour segments: x0, y0, x1, y1 each, and their level. */
	int nsegs, cap_segs, cap_seg_level;
	float *segs;
	int *seg_level;
	/* The segments joined into polylines (x, y pairs in pts). */
	int nchains, cap_chains;
	struct app_contour_chain *chains;
	int npts, cap_pts;
	float *pts;
	/* The grid (scratch, kept for the next computation). */
	int gw, gh, cap_grid;
	double *grid;
};

/* A new, empty map, or NULL if out of memory. */
struct app_contours *app_contours_create(void);

/* Frees it; accepts NULL. */
void app_contours_destroy(struct app_contours *c);

/* Whether c was computed for this curve and view (world intervals and
 * pixel rectangle alike). */
bool app_contours_fresh(const struct app_contours *c,
			const struct gd_curve *curve, const struct gd_view *v);

/*
 * Computes the map of curve over v: the levels, the bands, the lines and
 * the label places (each at least label_w × label_h pixels from the
 * others). Returns 0, or -ENOMEM (c is then invalid and empty).
 */
int app_contours_compute(struct app_contours *c, const struct gd_curve *curve,
			 const struct gd_view *v, int label_w, int label_h);

#endif
