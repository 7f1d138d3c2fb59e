/*
 * The coverage rasteriser; see raster.h.
 *
 * Each part of a shape walks the rows it can reach and, on each row, the
 * columns its bounding interval there can reach, both cut to the clip;
 * a pixel's coverage is the largest any part gives it. The rows keep the
 * columns touched, so reading the spans back and clearing costs the
 * shape's pixels, not the clip's.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "raster.h"

/* Half-widths beyond this cover any clip a screen can have. */
#define HW_MAX 1e5f

static void untouch_all(struct app_raster *r)
{
	for (int i = 0; i < r->cap_rows; i++)
		r->rmin[i] = INT_MAX, r->rmax[i] = -1;
	r->ymin = INT_MAX;
	r->ymax = -1;
}

void app_raster_init(struct app_raster *r)
{
	memset(r, 0, sizeof(*r));
	r->ymin = INT_MAX;
	r->ymax = -1;
}

void app_raster_finish(struct app_raster *r)
{
	if (!r)
		return;
	free(r->cov);
	free(r->rmin);
	free(r->rmax);
	free(r->spans);
	app_raster_init(r);
}

/* Clears what the shape begun touched. */
static void clear_touched(struct app_raster *r)
{
	int stride = r->x1 - r->x0;
	for (int y = r->ymin; y <= r->ymax; y++) {
		if (r->rmin[y] <= r->rmax[y])
			memset(r->cov + (size_t)y * (size_t)stride + r->rmin[y],
			       0, (size_t)(r->rmax[y] - r->rmin[y] + 1));
		r->rmin[y] = INT_MAX, r->rmax[y] = -1;
	}
	r->ymin = INT_MAX;
	r->ymax = -1;
}

int app_raster_clip(struct app_raster *r, int x, int y, int w, int h)
{
	clear_touched(r);
	w = w > 0 ? w : 0;
	h = h > 0 ? h : 0;
	size_t need = (size_t)w * (size_t)h;
	r->x0 = r->x1 = x;
	r->y0 = r->y1 = y;
	if (need > r->cap_cov) {
		free(r->cov);
		r->cap_cov = 0;
		r->cov = calloc(need, 1);
		if (!r->cov)
			return r->failed = true, -ENOMEM;
		r->cap_cov = need;
	}
	if (h > r->cap_rows) {
		int *a = realloc(r->rmin, (size_t)h * sizeof(int));
		if (a)
			r->rmin = a;
		int *b = a ? realloc(r->rmax, (size_t)h * sizeof(int)) : NULL;
		if (!b)
			return r->failed = true, -ENOMEM;
		r->rmax = b;
		r->cap_rows = h;
		untouch_all(r);
	}
	r->x1 = x + w;
	r->y1 = y + h;
	r->failed = false;
	return 0;
}

/* v cut to [lo, hi] as an int; NaN gives lo. */
static int cut(float v, int lo, int hi)
{
	if (!(v > (float)lo))
		return lo;
	if (v >= (float)hi)
		return hi;
	return (int)v;
}

/* The clip's rows that [ya, yb] reaches, clip-relative, in *a..*b;
 * false when none. */
static bool rows(const struct app_raster *r, float ya, float yb, int *a, int *b)
{
	float fa = floorf(ya), fb = ceilf(yb);
	if (r->x1 <= r->x0 || r->y1 <= r->y0 || !(fa <= fb) ||
	    fb < (float)r->y0 || fa > (float)(r->y1 - 1))
		return false;
	*a = cut(fa, r->y0, r->y1 - 1) - r->y0;
	*b = cut(fb, r->y0, r->y1 - 1) - r->y0;
	return *a <= *b;
}

/* The columns of row y (clip-relative) that [xa, xb] reaches, marked
 * touched; false when none. */
static bool span_of(struct app_raster *r, int y, float xa, float xb, int *a,
		    int *b)
{
	float fa = floorf(xa), fb = ceilf(xb);
	if (!(fa <= fb) || fb < (float)r->x0 || fa > (float)(r->x1 - 1))
		return false;
	*a = cut(fa, r->x0, r->x1 - 1) - r->x0;
	*b = cut(fb, r->x0, r->x1 - 1) - r->x0;
	if (*a > *b)
		return false;
	if (*a < r->rmin[y])
		r->rmin[y] = *a;
	if (*b > r->rmax[y])
		r->rmax[y] = *b;
	if (y < r->ymin)
		r->ymin = y;
	if (y > r->ymax)
		r->ymax = y;
	return true;
}

/* Coverage c (any float) as a level 0..255. */
static uint8_t level(float c)
{
	c = c < 0 ? 0 : c > 1 ? 1 : c;
	return (uint8_t)(c * 255 + 0.5f);
}

static void put(uint8_t *p, float c)
{
	uint8_t v = level(c);
	if (v > *p)
		*p = v;
}

/* The widest row of an upright segment whose coverage is kept. */
#define UPRIGHT_KEEP 64

static uint8_t *row_at(const struct app_raster *r, int y)
{
	return r->cov + (size_t)y * (size_t)(r->x1 - r->x0);
}

bool app_raster_cut(double rx0, double ry0, double rx1, double ry1, float *x0,
		    float *y0, float *x1, float *y1)
{
	double ax = (double)*x0, ay = (double)*y0;
	double dx = (double)*x1 - ax, dy = (double)*y1 - ay;
	double t0 = 0, t1 = 1;
	double p[4] = { -dx, dx, -dy, dy };
	double q[4] = { ax - rx0, rx1 - ax, ay - ry0, ry1 - ay };
	double edge[4] = { rx0, rx1, ry0, ry1 };
	int i0 = -1, i1 = -1;
	if (!isfinite(dx) || !isfinite(dy))
		return false;
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		double t = q[i] / p[i];
		if (p[i] < 0 && t > t0)
			t0 = t, i0 = i;
		else if (p[i] > 0 && t < t1)
			t1 = t, i1 = i;
	}
	if (t0 > t1)
		return false;
	double bx = ax + t1 * dx, by = ay + t1 * dy;
	ax += t0 * dx, ay += t0 * dy;
	/* A cut end lies on the edge that cut it, exactly, however far
	 * away the point was. */
	if (i0 >= 0)
		*(i0 < 2 ? &ax : &ay) = edge[i0];
	if (i1 >= 0)
		*(i1 < 2 ? &bx : &by) = edge[i1];
	*x0 = (float)ax, *y0 = (float)ay, *x1 = (float)bx, *y1 = (float)by;
	return true;
}

/* Strokes are cut to this square about the origin before anything
 * else: far beyond any output, near enough that doubles place pixels
 * against it exactly. It is the same for every clip, so a pixel's
 * coverage does not depend on the clip it is drawn in: a stroke drawn
 * in pieces, each cut to a part of the output, gives the pixels of the
 * stroke drawn whole. */
#define FAR 16777216.0

/* fmin and fmax for numbers known not to be NaN (in segment, all are
 * finite), without a call each: segment's loops are the window's
 * hottest code. */
static inline double dmin(double a, double b)
{
	return b < a ? b : a;
}

static inline double dmax(double a, double b)
{
	return b > a ? b : a;
}

static inline float smin(float a, float b)
{
	return b < a ? b : a;
}

static inline float smax(float a, float b)
{
	return b > a ? b : a;
}

/* [*lo, *hi] narrowed to [a, b] (a > b: empty) when both are ordered. */
static void narrow(double *lo, double *hi, double a, double b)
{
	*lo = a > *lo ? a : *lo;
	*hi = b < *hi ? b : *hi;
}

/* A segment as row_reach sees it: from a, direction (ux, uy) with
 * their inverses (0 for a direction under 1e-9), length len, to
 * a + (dx, dy); coverage within R of it; its flat ends; joined: its
 * round start is the end of the segment drawn before it. */
struct reach {
	double ux, uy, iux, iuy, len, dx, dy, R;
	bool butt_a, butt_b, joined;
};

/*
 * Where on the line y = ay + qy a pixel centre can take coverage from
 * segment s: the x offsets from ax, in [*lo, *hi] (*lo > *hi: none), a
 * little wider than exact. Every centre outside has d ≥ R, coverage 0
 * for the caller, so the pixels drawn are those of walking the whole
 * row; fewer are looked at (a short segment's row band is mostly
 * beyond its round ends).
 */
static void row_reach(const struct reach *s, double qy, double *lo, double *hi)
{
	const double eps = 1.0 / 64;
	double Re = s->R + eps, R2 = Re * Re;
	double clo = (double)INFINITY, chi = -(double)INFINITY;
	/* The round ends: discs of radius R about a and b. A joined
	 * start's disc is the last segment's end disc, the same distances
	 * to the same point (differences of floats are exact in doubles),
	 * so its pixels already hold it: not walked again. */
	if (!s->butt_a && !s->joined && qy * qy < R2) {
		double half = sqrt(R2 - qy * qy);
		clo = -half, chi = half;
	}
	double qb = qy - s->dy;
	if (!s->butt_b && qb * qb < R2) {
		double half = sqrt(R2 - qb * qb);
		clo = dmin(clo, s->dx - half), chi = dmax(chi, s->dx + half);
	}
	/* The body: |perpendicular distance| ≤ R and t in its range, a
	 * flat end's ramp reaching half a pixel past it. */
	double slo = -(double)INFINITY, shi = (double)INFINITY;
	double t0 = s->butt_a ? -0.5 - eps : -eps,
	       t1 = s->butt_b ? s->len + 0.5 + eps : s->len + eps;
	if (s->iuy != 0) {
		double p0 = (qy * s->ux - Re) * s->iuy,
		       p1 = (qy * s->ux + Re) * s->iuy;
		narrow(&slo, &shi, dmin(p0, p1), dmax(p0, p1));
	} else if (fabs(qy) > Re) {
		slo = (double)INFINITY;
	}
	if (s->iux != 0) {
		double p0 = (t0 - qy * s->uy) * s->iux,
		       p1 = (t1 - qy * s->uy) * s->iux;
		narrow(&slo, &shi, dmin(p0, p1), dmax(p0, p1));
	} else if (qy * s->uy < t0 || qy * s->uy > t1) {
		slo = (double)INFINITY;
	}
	if (slo <= shi)
		clo = dmin(clo, slo), chi = dmax(chi, shi);
	*lo = clo, *hi = chi;
}

/* A stroke's segment of half-width hw: flat ends where butt_a / butt_b,
 * round ones otherwise (they make the joins; joined: the start's was
 * drawn with the segment before). Figured in doubles from the segment
 * cut to FAR, never to the clip: only the rows and columns walked are
 * cut to it. */
static void segment(struct app_raster *r, float fax, float fay, float fbx,
		    float fby, float hw, bool butt_a, bool butt_b, bool joined)
{
	float reach = hw + 1;
	/* Nothing of it in the clip (a polyline's segments, mostly, when
	 * it is drawn in pieces). */
	if (smax(fax, fbx) + reach < (float)r->x0 ||
	    smin(fax, fbx) - reach > (float)r->x1 ||
	    smax(fay, fby) + reach < (float)r->y0 ||
	    smin(fay, fby) - reach > (float)r->y1 ||
	    !app_raster_cut(-FAR, -FAR, FAR, FAR, &fax, &fay, &fbx, &fby))
		return;
	double ax = (double)fax, ay = (double)fay, dx = (double)fbx - ax,
	       dy = (double)fby - ay, len = sqrt(dx * dx + dy * dy);
	double h = (double)hw;
	int ya, yb;
	if (!(len > 0) ||
	    !rows(r, smin(fay, fby) - reach, smax(fay, fby) + reach, &ya, &yb))
		return;
	double ux = dx / len, uy = dy / len;
	struct reach s = { .ux = ux,
			   .uy = uy,
			   .iux = fabs(ux) > 1e-9 ? 1 / ux : 0,
			   .iuy = fabs(uy) > 1e-9 ? 1 / uy : 0,
			   .len = len,
			   .dx = dx,
			   .dy = dy,
			   .R = h + 0.5,
			   .butt_a = butt_a,
			   .butt_b = butt_b,
			   .joined = joined };
	/* An upright segment (dx = 0, so ux = 0): a pixel's t is qy·uy
	 * and its d |qx·uy| exactly, whatever its column, so every row
	 * whose t is away from both ends (along 1, no end disc) gets the
	 * same coverage column for column. The first such row's values
	 * are kept and put into the others: a vertical grid line is a
	 * few hundred rows of the same few bytes. */
	uint8_t kept[UPRIGHT_KEEP];
	int ka = 0, kb = -1;
	bool upright = dx == 0 && !r->walk_all;
	for (int y = ya; y <= yb; y++) {
		double qy = (double)(y + r->y0) + 0.5 - ay, lo, hi;
		row_reach(&s, qy, &lo, &hi);
		/* Centres in [ax + lo, ax + hi]: the pixels from 0.5 left. */
		int a, b;
		if (!(lo <= hi) || !span_of(r, y, (float)(ax + lo - 0.5),
					    (float)(ax + hi - 0.5), &a, &b))
			continue;
		uint8_t *row = row_at(r, y);
		double ty = qy * uy;
		bool inside = upright && !(butt_a && ty + 0.5 < 1) &&
			      !(butt_b && len - ty + 0.5 < 1) &&
			      !(ty < 0 && !butt_a) && !(ty > len && !butt_b);
		if (inside && a == ka && b == kb) {
			for (int x = a; x <= b; x++)
				if (kept[x - a] > row[x])
					row[x] = kept[x - a];
			r->rows_kept++;
			continue;
		}
		bool keep = inside && b - a < UPRIGHT_KEEP;
		if (keep)
			ka = a, kb = b;
		for (int x = a; x <= b; x++) {
			double qx = (double)(x + r->x0) + 0.5 - ax;
			double t = qx * ux + qy * uy, d = fabs(qx * uy - qy * ux);
			double along = 1;
			if (butt_a && t + 0.5 < along)
				along = t + 0.5;
			if (butt_b && len - t + 0.5 < along)
				along = len - t + 0.5;
			if (t < 0 && !butt_a)
				d = sqrt(qx * qx + qy * qy);
			else if (t > len && !butt_b)
				d = sqrt((qx - dx) * (qx - dx) +
					 (qy - dy) * (qy - dy));
			double c = h + 0.5 - d;
			uint8_t v = level((float)(c < along ? c : along));
			if (keep)
				kept[x - a] = v;
			if (v > row[x])
				row[x] = v;
		}
	}
}

static bool finite_seg(const float *xs, const float *ys, int i)
{
	return isfinite(xs[i]) && isfinite(ys[i]) && isfinite(xs[i + 1]) &&
	       isfinite(ys[i + 1]) && (xs[i] != xs[i + 1] || ys[i] != ys[i + 1]);
}

static float half_width(float width)
{
	float hw = width / 2;
	return hw > HW_MAX ? HW_MAX : hw > 0.75f ? hw : 0.75f;
}

void app_raster_stroke(struct app_raster *r, const float *xs, const float *ys,
		       int n, float width)
{
	if (n < 2 || !isfinite(width))
		return;
	int first = -1, last = -1;
	for (int i = 0; i + 1 < n; i++) {
		if (finite_seg(xs, ys, i)) {
			first = first < 0 ? i : first;
			last = i;
		}
	}
	float hw = half_width(width);
	/* A start is joined to the end of the last segment drawn (a
	 * zero-length one between leaves it where the next starts) when
	 * that one is not the first: its disc then holds every pixel the
	 * start's disc reaches, at least as covered (raster-stroke-
	 * reference). The first's flat start would cut it short. */
	float ex = 0, ey = 0;
	int prev = -1;
	for (int i = first; i >= 0 && i <= last; i++) {
		if (!finite_seg(xs, ys, i))
			continue;
		segment(r, xs[i], ys[i], xs[i + 1], ys[i + 1], hw, i == first,
			i == last, prev > first && ex == xs[i] && ey == ys[i]);
		ex = xs[i + 1], ey = ys[i + 1], prev = i;
	}
}

/* Pixels within reach of (cx, cy), each given the coverage
 * clamp(hw + 0.5 - |d - mid|) for its distance d from the centre. */
static void round_shape(struct app_raster *r, float cx, float cy, float mid,
			float hw)
{
	float reach = mid + hw + 1;
	int ya, yb;
	if (!isfinite(cx) || !isfinite(cy) || !isfinite(reach) ||
	    !rows(r, cy - reach, cy + reach, &ya, &yb))
		return;
	for (int y = ya; y <= yb; y++) {
		float dy = (float)(y + r->y0) + 0.5f - cy;
		if (fabsf(dy) > reach)
			continue;
		float half = sqrtf(reach * reach - dy * dy);
		int a, b;
		if (!span_of(r, y, cx - half, cx + half, &a, &b))
			continue;
		uint8_t *row = row_at(r, y);
		for (int x = a; x <= b; x++) {
			float dx = (float)(x + r->x0) + 0.5f - cx;
			float d = sqrtf(dx * dx + dy * dy);
			put(row + x, hw + 0.5f - fabsf(d - mid));
		}
	}
}

void app_raster_disc(struct app_raster *r, float cx, float cy, float rad)
{
	if (!isfinite(rad))
		return;
	rad = rad > HW_MAX ? HW_MAX : rad > 1 ? rad : 1;
	round_shape(r, cx, cy, 0, rad);
}

void app_raster_ring(struct app_raster *r, float cx, float cy, float rad,
		     float width)
{
	if (!isfinite(rad) || !isfinite(width))
		return;
	rad = rad > HW_MAX ? HW_MAX : rad > 0 ? rad : 0;
	round_shape(r, cx, cy, rad, half_width(width));
}

/* Where row centre yc crosses the polygon's edges: [*l, *r]. */
static bool crossing(const float *xs, const float *ys, int n, double yc,
		     double *l, double *rt)
{
	*l = (double)INFINITY;
	*rt = -(double)INFINITY;
	for (int i = 0; i < n; i++) {
		int j = i + 1 < n ? i + 1 : 0;
		double y0 = (double)ys[i], y1 = (double)ys[j];
		if (!((y0 <= yc && yc < y1) || (y1 <= yc && yc < y0)))
			continue;
		double xi = (double)xs[i], xj = (double)xs[j];
		double x = xi + (yc - y0) * (xj - xi) / (y1 - y0);
		*l = x < *l ? x : *l;
		*rt = x > *rt ? x : *rt;
	}
	return *l <= *rt;
}

void app_raster_polygon(struct app_raster *r, const float *xs, const float *ys,
			int n)
{
	if (n < 3)
		return;
	float ymin = INFINITY, ymax = -INFINITY;
	for (int i = 0; i < n; i++) {
		if (!isfinite(xs[i]) || !isfinite(ys[i]))
			return;
		ymin = fminf(ymin, ys[i]);
		ymax = fmaxf(ymax, ys[i]);
	}
	int ya, yb;
	if (!rows(r, ymin - 1, ymax + 1, &ya, &yb))
		return;
	for (int y = ya; y <= yb; y++) {
		double l, rt;
		if (!crossing(xs, ys, n, (double)(y + r->y0) + 0.5, &l, &rt))
			continue;
		/* Centres x + 0.5 in [l, rt). */
		double fa = ceil(l - 0.5), fb = ceil(rt - 0.5) - 1;
		int a, b;
		if (fa > fb || !span_of(r, y, (float)fmax(fa, -1e9),
					(float)fmin(fb, 1e9), &a, &b))
			continue;
		/* span_of widened nothing: fa and fb are whole numbers. */
		memset(row_at(r, y) + a, 255, (size_t)(b - a + 1));
	}
}

static bool add_span(struct app_raster *r, int x, int y, int w, uint8_t a)
{
	if (r->nspans == r->cap_spans) {
		int cap = r->cap_spans ? 2 * r->cap_spans : 1024;
		struct app_span *s = realloc(r->spans, (size_t)cap * sizeof(*s));
		if (!s)
			return false;
		r->spans = s;
		r->cap_spans = cap;
	}
	r->spans[r->nspans++] = (struct app_span){ x, y, w, a };
	return true;
}

int app_raster_spans(struct app_raster *r)
{
	bool ok = true;
	r->nspans = 0;
	for (int y = r->ymin; y <= r->ymax && ok; y++) {
		const uint8_t *row = row_at(r, y);
		for (int x = r->rmin[y]; x <= r->rmax[y] && ok;) {
			uint8_t v = row[x];
			int e = x + 1;
			while (e <= r->rmax[y] && row[e] == v)
				e++;
			if (v > 0)
				ok = add_span(r, x + r->x0, y + r->y0, e - x, v);
			x = e;
		}
	}
	if (!ok)
		r->nspans = 0;
	clear_touched(r);
	return r->nspans;
}
