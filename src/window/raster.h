/*
 * A small coverage rasteriser for the window's shapes, SDL-free so it can
 * be tested and fuzzed alone. One shape at a time (a stroke, a disc, a
 * ring, a convex polygon, or several of them as one shape) is rasterised
 * into a coverage buffer over the clip rectangle, then read back as
 * spans: runs of pixels on one row with the same coverage. The renderer
 * fills each span with the shape's colour at that coverage, opaque spans
 * unblended, so only the edges are blended, and each pixel is touched
 * once per shape however many parts of the shape cover it.
 *
 * Coverage of a pixel is taken at its centre (x + 0.5, y + 0.5) from the
 * signed distance d to the shape's edge: clamp(0.5 - d, 0, 1), a
 * one-pixel ramp centred on the edge. Strokes have round joins and flat
 * (also ramped) ends; polygons have hard edges (a pixel is in when its
 * centre is), so polygons that share an edge leave no seam.
 *
 * Coordinates are floats in output pixels. Non-finite coordinates and
 * widths are ignored (the part of the shape using them draws nothing);
 * finite ones of any size are clipped before they become integers.
 *
 * Memory: one byte per pixel of the largest clip seen, two ints per row,
 * and the spans of the largest shape seen.
 */
#ifndef GDSTEP_WINDOW_RASTER_H
#define GDSTEP_WINDOW_RASTER_H

#include <stdbool.h>
#include <stdint.h>

/* w pixels from (x, y) on row y, each at coverage a (1..255). */
struct app_span {
	int x, y, w;
	uint8_t a;
};

struct app_raster {
	uint8_t *cov;       /* clip w × h, all 0 between shapes */
	int *rmin, *rmax;   /* per row of the clip: the columns touched */
	size_t cap_cov;     /* bytes in cov */
	int cap_rows;       /* rows in rmin, rmax */
	int x0, y0, x1, y1; /* the clip, x1 and y1 excluded */
	int ymin, ymax;     /* rows touched, clip-relative; ymin > ymax: none */
	struct app_span *spans;
	int nspans, cap_spans;
	bool failed; /* out of memory: the clip is empty */
	/* For tests: every row of an upright segment figured, none copied
	 * from the one above (raster-upright-*). */
	bool walk_all;
	long rows_kept; /* rows put from a kept one, for tests */
};

/* A rasteriser with an empty clip; app_raster_finish frees it (NULL
 * accepted). */
void app_raster_init(struct app_raster *r);
void app_raster_finish(struct app_raster *r);

/* Sets the clip to x, y, w × h, dropping any shape begun. Returns 0, or
 * -ENOMEM (the clip is then empty and every shape draws nothing). */
int app_raster_clip(struct app_raster *r, int x, int y, int w, int h);

/* A polyline of n points of the given width: round joins, flat ends;
 * zero-length segments add nothing. Widths under 1.5 are drawn 1.5 wide. */
void app_raster_stroke(struct app_raster *r, const float *xs, const float *ys,
		       int n, float width);

/* A filled disc (radius at least 1) and a circle's outline of the given
 * width (at least 1.5). */
void app_raster_disc(struct app_raster *r, float cx, float cy, float rad);
void app_raster_ring(struct app_raster *r, float cx, float cy, float rad,
		     float width);

/* A filled convex polygon of n ≥ 3 points, either winding, hard edges. */
void app_raster_polygon(struct app_raster *r, const float *xs, const float *ys,
			int n);

/* Cuts the segment (x0, y0)–(x1, y1) to the rectangle [rx0, rx1] ×
 * [ry0, ry1] (Liang–Barsky, in doubles so no finite float overflows);
 * false if nothing of it is inside or a coordinate is not finite. */
bool app_raster_cut(double rx0, double ry0, double rx1, double ry1, float *x0,
		    float *y0, float *x1, float *y1);

/* Ends the shape: its spans, row by row from the top, in r->spans
 * (r->nspans of them; 0 also when they could not be stored), and clears
 * the buffer for the next shape. Returns r->nspans. */
int app_raster_spans(struct app_raster *r);

#endif
