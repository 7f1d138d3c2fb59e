/* The contour map: see contour.h for the method. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "contour.h"

struct app_contours *app_contours_create(void)
{
	return calloc(1, sizeof(struct app_contours));
}

void app_contours_destroy(struct app_contours *c)
{
	if (!c)
		return;
	free(c->runs);
	free(c->segs);
	free(c->seg_level);
	free(c->grid);
	free(c->chains);
	free(c->pts);
	free(c);
}

bool app_contours_fresh(const struct app_contours *c,
			const struct gd_curve *curve, const struct gd_view *v)
{
	return c && c->valid && memcmp(&c->curve, curve, sizeof(*curve)) == 0 &&
	       memcmp(&c->view, v, sizeof(*v)) == 0;
}

/* Grows an array of n elements of size to hold need; false if out of
 * memory. */
static bool grow(void **p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return true;
	int n = *cap ? *cap : 256;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, (size_t)n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* E at every grid node; a non-finite E counts as the highest. */
static void sample(struct app_contours *c, const struct gd_curve *curve,
		   const struct gd_view *v)
{
	for (int j = 0; j < c->gh; j++) {
		for (int i = 0; i < c->gw; i++) {
			double w[GD_DIM_MAX];
			gd_view_from_screen(v, v->x + i * APP_CONTOUR_CELL,
					    v->y + j * APP_CONTOUR_CELL, &w[0],
					    &w[1]);
			double e = gd_curve_eval(curve, w);
			c->grid[j * c->gw + i] = isfinite(e) ? e : 1e300;
		}
	}
}

/* 2 significant digits: labels that read as numbers, not noise. */
static double round2(double x)
{
	if (x == 0 || !isfinite(x))
		return x;
	double p = pow(10, floor(log10(fabs(x))) - 1);
	return round(x / p) * p;
}

/* Levels denser towards the lowest E, where the minima are: the i-th at
 * lo + (hi − lo)·t³, t = i/(n + 1), rounded, strictly increasing. */
static void levels(struct app_contours *c)
{
	double lo = (double)INFINITY, hi = -(double)INFINITY;
	for (int k = 0; k < c->gw * c->gh; k++) {
		double e = c->grid[k];
		if (e < 1e299) {
			lo = fmin(lo, e);
			hi = fmax(hi, e);
		}
	}
	c->nlevels = 0;
	if (!(hi > lo))
		return;
	for (int i = 1; i <= APP_CONTOUR_LEVELS; i++) {
		double t = (double)i / (APP_CONTOUR_LEVELS + 1);
		double l = round2(lo + (hi - lo) * t * t * t);
		if (l > lo && l < hi &&
		    (c->nlevels == 0 || l > c->level[c->nlevels - 1]))
			c->level[c->nlevels++] = l;
	}
}

static int band_of(const struct app_contours *c, double e)
{
	int b = 0;
	while (b < c->nlevels && e >= c->level[b])
		b++;
	return b;
}

/* Each row's cells, consecutive ones of one band merged into a run. */
static int bands(struct app_contours *c, const struct gd_view *v)
{
	c->nruns = 0;
	const float cell = APP_CONTOUR_CELL;
	for (int j = 0; j + 1 < c->gh; j++) {
		const double *r0 = c->grid + j * c->gw, *r1 = r0 + c->gw;
		int start = 0, band = -1;
		for (int i = 0; i + 1 <= c->gw; i++) {
			int b = -2;
			if (i + 1 < c->gw)
				b = band_of(c, 0.25 * (r0[i] + r0[i + 1] +
						       r1[i] + r1[i + 1]));
			if (b == band)
				continue;
			if (band >= 0) {
				if (!grow((void **)&c->runs, &c->cap_runs,
					  c->nruns + 1, sizeof(*c->runs)))
					return -ENOMEM;
				float x0 = (float)v->x + start * cell;
				float x1 = fminf((float)v->x + i * cell,
						 (float)(v->x + v->width));
				float y0 = (float)v->y + j * cell;
				float y1 = fminf(y0 + cell,
						 (float)(v->y + v->height));
				c->runs[c->nruns++] = (struct app_band_run){
					{ x0, y0, x1 - x0, y1 - y0 }, band
				};
			}
			band = b;
			start = i;
		}
	}
	return 0;
}

static int add_seg(struct app_contours *c, int level, float x0, float y0,
		   float x1, float y1)
{
	if (c->nsegs >= APP_CONTOUR_MAX_SEGS)
		return 0;
	if (!grow((void **)&c->segs, &c->cap_segs, c->nsegs + 1,
		  4 * sizeof(float)) ||
	    !grow((void **)&c->seg_level, &c->cap_seg_level, c->nsegs + 1,
		  sizeof(int)))
		return -ENOMEM;
	float *s = c->segs + 4 * c->nsegs;
	s[0] = x0, s[1] = y0, s[2] = x1, s[3] = y1;
	c->seg_level[c->nsegs++] = level;
	return 0;
}

/* Where the level crosses the edge from a (value ea) to b (eb). */
static void cross(double ea, double eb, double l, float ax, float ay, float bx,
		  float by, float *x, float *y)
{
	double t = (l - ea) / (eb - ea);
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	*x = ax + (float)t * (bx - ax);
	*y = ay + (float)t * (by - ay);
}

/* The segments of one level in one cell whose corners (clockwise from
 * the top left) have values e[] at pixels x[], y[]. */
static int cell_segs(struct app_contours *c, int k, const double *e,
		     const float *x, const float *y)
{
	double l = c->level[k];
	int code = 0;
	for (int i = 0; i < 4; i++)
		code |= (e[i] >= l) << i;
	if (code == 0 || code == 15)
		return 0;
	/* The crossing on each edge i (corner i to i + 1). */
	float px[4], py[4];
	int n = 0;
	for (int i = 0; i < 4; i++) {
		int a = i, b = (i + 1) % 4;
		if (((code >> a) & 1) != ((code >> b) & 1)) {
			cross(e[a], e[b], l, x[a], y[a], x[b], y[b], &px[n],
			      &py[n]);
			n++;
		}
	}
	if (n == 2)
		return add_seg(c, k, px[0], py[0], px[1], py[1]);
	/* A saddle: four crossings. If the centre is on the side of corner
	 * 0, corner 0's region joins across: pair the edges around the
	 * other two corners, else around corners 0 and 2. */
	double mid = 0.25 * (e[0] + e[1] + e[2] + e[3]);
	bool join = (mid >= l) == ((code & 1) != 0);
	int r = join ? add_seg(c, k, px[0], py[0], px[1], py[1]) :
		       add_seg(c, k, px[0], py[0], px[3], py[3]);
	if (r == 0)
		r = join ? add_seg(c, k, px[2], py[2], px[3], py[3]) :
			   add_seg(c, k, px[1], py[1], px[2], py[2]);
	return r;
}

static int lines(struct app_contours *c, const struct gd_view *v)
{
	c->nsegs = 0;
	const float cell = APP_CONTOUR_CELL;
	for (int j = 0; j + 1 < c->gh; j++) {
		for (int i = 0; i + 1 < c->gw; i++) {
			const double *g = c->grid + j * c->gw + i;
			double e[4] = { g[0], g[1], g[c->gw + 1], g[c->gw] };
			float x0 = (float)v->x + i * cell,
			      y0 = (float)v->y + j * cell;
			float x[4] = { x0, x0 + cell, x0 + cell, x0 };
			float y[4] = { y0, y0, y0 + cell, y0 + cell };
			for (int k = 0; k < c->nlevels; k++) {
				int r = cell_segs(c, k, e, x, y);
				if (r < 0)
					return r;
			}
		}
	}
	return 0;
}

/* Each level's label at its segment furthest right that keeps clear of
 * the map's edges and of the labels placed before. */
static void labels(struct app_contours *c, const struct gd_view *v, int lw, int lh)
{
	for (int k = 0; k < c->nlevels; k++) {
		c->has_label[k] = false;
		float best = -1;
		for (int s = 0; s < c->nsegs; s++) {
			if (c->seg_level[s] != k)
				continue;
			const float *p = c->segs + 4 * s;
			float x = 0.5f * (p[0] + p[2]), y = 0.5f * (p[1] + p[3]);
			if (x - lw < v->x || x + lw > v->x + v->width ||
			    y - lh < v->y || y + lh > v->y + v->height)
				continue;
			bool clear = true;
			for (int q = 0; q < k && clear; q++)
				clear = !c->has_label[q] ||
					fabsf(c->label_x[q] - x) > lw ||
					fabsf(c->label_y[q] - y) > lh;
			if (clear && x + 0.3f * y > best) {
				best = x + 0.3f * y;
				c->label_x[k] = x;
				c->label_y[k] = y;
				c->has_label[k] = true;
			}
		}
	}
}

/* The hash key of a segment's endpoint: its pixel position to 1/16 px
 * and its level. The two cells that share an edge compute its crossing
 * from opposite ends, equal to far less than that. */
static unsigned key_of(const float *p, int level)
{
	unsigned x = (unsigned)lroundf(p[0] * 16),
		 y = (unsigned)lroundf(p[1] * 16);
	return (x * 73856093u) ^ (y * 19349663u) ^ ((unsigned)level * 83492791u);
}

static bool same_point(const float *a, const float *b)
{
	return lroundf(a[0] * 16) == lroundf(b[0] * 16) &&
	       lroundf(a[1] * 16) == lroundf(b[1] * 16);
}

/* The endpoint (2·segment + end) that continues endpoint e, or −1. */
static int partner(const struct app_contours *c, const int *table,
		   unsigned mask, int e)
{
	const float *p = c->segs + 4 * (e / 2) + 2 * (e % 2);
	int level = c->seg_level[e / 2];
	for (unsigned h = key_of(p, level) & mask; table[h] >= 0;
	     h = (h + 1) & mask) {
		int f = table[h];
		if (f / 2 != e / 2 && c->seg_level[f / 2] == level &&
		    same_point(p, c->segs + 4 * (f / 2) + 2 * (f % 2)))
			return f;
	}
	return -1;
}

static int add_point(struct app_contours *c, const float *p)
{
	if (!grow((void **)&c->pts, &c->cap_pts, c->npts + 1, 2 * sizeof(float)))
		return -ENOMEM;
	c->pts[2 * c->npts] = p[0];
	c->pts[2 * c->npts + 1] = p[1];
	c->npts++;
	return 0;
}

/* Follows the segments from endpoint e (whose segment is already in the
 * chain) as far as they join, adding each next point. */
static int follow(struct app_contours *c, const int *table, unsigned mask,
		  bool *used, int e)
{
	for (;;) {
		int f = partner(c, table, mask, e);
		if (f < 0 || used[f / 2])
			return 0;
		used[f / 2] = true;
		e = (f / 2) * 2 + 1 - f % 2; /* the segment's other end */
		if (add_point(c, c->segs + 4 * (e / 2) + 2 * (e % 2)) < 0)
			return -ENOMEM;
	}
}

/* The segments joined into polylines, one per connected piece of a
 * contour: a few hundred primitives instead of thousands. */
static int chains(struct app_contours *c)
{
	c->nchains = c->npts = 0;
	unsigned size = 1;
	while (size < 4u * (unsigned)c->nsegs + 4)
		size *= 2;
	int *table = malloc(size * sizeof(int));
	bool *used = calloc((size_t)c->nsegs + 1, sizeof(bool));
	int r = table && used ? 0 : -ENOMEM;
	for (unsigned i = 0; r == 0 && i < size; i++)
		table[i] = -1;
	for (int e = 0; r == 0 && e < 2 * c->nsegs; e++) {
		const float *p = c->segs + 4 * (e / 2) + 2 * (e % 2);
		unsigned h = key_of(p, c->seg_level[e / 2]) & (size - 1);
		while (table[h] >= 0)
			h = (h + 1) & (size - 1);
		table[h] = e;
	}
	for (int s = 0; r == 0 && s < c->nsegs; s++) {
		if (used[s])
			continue;
		used[s] = true;
		/* Backwards from its start, reversed, then forwards. */
		int first = c->npts;
		r = add_point(c, c->segs + 4 * s);
		if (r == 0)
			r = follow(c, table, size - 1, used, 2 * s);
		for (int i = first, j = c->npts - 1; r == 0 && i < j; i++, j--) {
			float t[2] = { c->pts[2 * i], c->pts[2 * i + 1] };
			c->pts[2 * i] = c->pts[2 * j];
			c->pts[2 * i + 1] = c->pts[2 * j + 1];
			c->pts[2 * j] = t[0];
			c->pts[2 * j + 1] = t[1];
		}
		if (r == 0)
			r = add_point(c, c->segs + 4 * s + 2);
		if (r == 0)
			r = follow(c, table, size - 1, used, 2 * s + 1);
		if (r == 0 && !grow((void **)&c->chains, &c->cap_chains,
				    c->nchains + 1, sizeof(*c->chains)))
			r = -ENOMEM;
		if (r == 0)
			c->chains[c->nchains++] = (struct app_contour_chain){
				first, c->npts - first, c->seg_level[s]
			};
	}
	free(table);
	free(used);
	return r;
}

int app_contours_compute(struct app_contours *c, const struct gd_curve *curve,
			 const struct gd_view *v, int label_w, int label_h)
{
	c->valid = false;
	c->nruns = c->nsegs = c->nlevels = c->nchains = c->npts = 0;
	c->gw = v->width / APP_CONTOUR_CELL + 2;
	c->gh = v->height / APP_CONTOUR_CELL + 2;
	if (!grow((void **)&c->grid, &c->cap_grid, c->gw * c->gh, sizeof(*c->grid)))
		return -ENOMEM;
	sample(c, curve, v);
	levels(c);
	if (bands(c, v) < 0 || lines(c, v) < 0 || chains(c) < 0) {
		c->nruns = c->nsegs = c->nchains = 0;
		return -ENOMEM;
	}
	labels(c, v, label_w, label_h);
	c->curve = *curve;
	c->view = *v;
	c->valid = true;
	return 0;
}
