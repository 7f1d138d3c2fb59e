/*
 * The window's coverage rasteriser (src/window/raster.h), without SDL:
 * each case rasterises one shape into a clip and checks its spans: the
 * covered area against the shape's (the sum of coverage over 255), the
 * coverage of named pixels, spans inside the clip and in row order, and
 * that coordinates far away, not finite or degenerate draw nothing wrong.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "raster.h"

#include "harness.h"

enum shape { STROKE, DISC, RING, POLYGON, TWICE, SQUARE2 };

/* A pixel and the coverage it must have (-1: the end of the list). */
struct probe {
	int x, y, a;
};

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum shape shape;
	int cx, cy, cw, ch; /* the clip */
	float xs[6], ys[6];
	int n;
	float width, r;
	double area, tol; /* expected covered area in pixels, tolerance */
	struct probe probes[6];
};

/* Draws t's shape; the spans are in r. */
static void draw(struct app_raster *r, const struct tcase *t)
{
	switch (t->shape) {
	case STROKE:
		app_raster_stroke(r, t->xs, t->ys, t->n, t->width);
		break;
	case DISC:
		app_raster_disc(r, t->xs[0], t->ys[0], t->r);
		break;
	case RING:
		app_raster_ring(r, t->xs[0], t->ys[0], t->r, t->width);
		break;
	case POLYGON:
		app_raster_polygon(r, t->xs, t->ys, t->n);
		break;
	case TWICE: /* the same disc twice is the disc once */
		app_raster_disc(r, t->xs[0], t->ys[0], t->r);
		app_raster_disc(r, t->xs[0], t->ys[0], t->r);
		break;
	case SQUARE2: { /* two triangles sharing the diagonal */
		float ax[3] = { t->xs[0], t->xs[1], t->xs[2] };
		float ay[3] = { t->ys[0], t->ys[1], t->ys[2] };
		float bx[3] = { t->xs[0], t->xs[2], t->xs[3] };
		float by[3] = { t->ys[0], t->ys[2], t->ys[3] };
		app_raster_polygon(r, ax, ay, 3);
		app_raster_polygon(r, bx, by, 3);
		break;
	}
	}
}

/* The coverage of pixel (x, y) in r's spans, 0 if none. */
static int coverage(const struct app_raster *r, int x, int y)
{
	for (int i = 0; i < r->nspans; i++) {
		const struct app_span *s = &r->spans[i];
		if (s->y == y && x >= s->x && x < s->x + s->w)
			return s->a;
	}
	return 0;
}

static void check_shape(const struct tcase *t)
{
	struct app_raster r;
	app_raster_init(&r);
	CHECK(app_raster_clip(&r, t->cx, t->cy, t->cw, t->ch) == 0);
	/* Something drawn and dropped by a clip change leaves nothing. */
	app_raster_disc(&r, (float)t->cx + 3, (float)t->cy + 3, 30);
	CHECK(app_raster_clip(&r, t->cx, t->cy, t->cw, t->ch) == 0);
	draw(&r, t);
	int n = app_raster_spans(&r);
	double area = 0;
	for (int i = 0; i < n; i++) {
		const struct app_span *s = &r.spans[i], *p = s - 1;
		CHECK(s->a > 0 && s->w > 0);
		CHECK(s->x >= t->cx && s->x + s->w <= t->cx + t->cw);
		CHECK(s->y >= t->cy && s->y < t->cy + t->ch);
		/* Row by row, left to right, never overlapping. */
		CHECK(i == 0 || p->y < s->y ||
		      (p->y == s->y && p->x + p->w <= s->x));
		area += (double)s->a * s->w / 255;
	}
	CHECK_APPROX(area, t->area, t->tol, 0);
	for (const struct probe *p = t->probes; p->a >= 0; p++) {
		int a = coverage(&r, p->x, p->y);
		if (abs(a - p->a) > 2) {
			fprintf(stderr,
				"%s: pixel (%d, %d): coverage %d, expected %d\n",
				t->name, p->x, p->y, a, p->a);
			harness_failures++;
			break;
		}
	}
	/* The buffer is clear for the next shape. */
	CHECK(app_raster_spans(&r) == 0);
	app_raster_finish(&r);
}

/* The coverage of every pixel of t's clip, drawn in r with clip x, y,
 * w × h, into grid (t->cw × t->ch, zeroed by the caller). */
static void draw_into(struct app_raster *r, const struct tcase *t, int x, int y,
		      int w, int h, uint8_t *grid)
{
	CHECK(app_raster_clip(r, x, y, w, h) == 0);
	draw(r, t);
	int n = app_raster_spans(r);
	for (int i = 0; i < n; i++) {
		const struct app_span *s = &r->spans[i];
		for (int k = 0; k < s->w; k++)
			grid[(s->y - t->cy) * t->cw + s->x + k - t->cx] = s->a;
	}
}

/* The window's squares (APP_RENDER_TILE). */
#define PIECE 32

/* Drawn in small clips that tile t's clip, the shape has the pixels it
 * has drawn whole: a pixel's coverage does not depend on the clip (the
 * window redraws parts of a frame cut to the squares that changed). */
static void check_pieces(const struct tcase *t)
{
	struct app_raster r;
	app_raster_init(&r);
	size_t n = (size_t)t->cw * (size_t)t->ch;
	uint8_t *whole = calloc(n, 1), *pieces = calloc(n, 1);
	CHECK(whole && pieces);
	if (!whole || !pieces)
		goto out;
	draw_into(&r, t, t->cx, t->cy, t->cw, t->ch, whole);
	for (int y = t->cy; y < t->cy + t->ch; y += PIECE)
		for (int x = t->cx; x < t->cx + t->cw; x += PIECE)
			draw_into(&r, t, x, y,
				  x + PIECE <= t->cx + t->cw ? PIECE :
							       t->cx + t->cw - x,
				  y + PIECE <= t->cy + t->ch ? PIECE :
							       t->cy + t->ch - y,
				  pieces);
	size_t lit = 0, differ = 0;
	for (size_t i = 0; i < n; i++) {
		lit += whole[i] > 0;
		differ += whole[i] != pieces[i];
	}
	CHECK(lit > 50); /* the shape is in the clip */
	if (differ)
		fprintf(stderr, "%s: %zu of %zu pixels differ\n", t->name,
			differ, n);
	CHECK(differ == 0);
out:
	free(whole);
	free(pieces);
	app_raster_finish(&r);
}

/* The coverage (0..1) of the pixel centred at (px, py) from a segment
 * a → b of half-width h, straight from the definition in raster.h: a
 * one-pixel ramp about the edge, a flat end ramped from half a pixel
 * past it, a round end the distance to the end point. */
static double seg_cover(double px, double py, double ax, double ay, double bx,
			double by, double h, bool butt_a, bool butt_b)
{
	double dx = bx - ax, dy = by - ay, len = sqrt(dx * dx + dy * dy);
	double qx = px - ax, qy = py - ay;
	double t = (qx * dx + qy * dy) / len;
	double d = fabs(qx * dy - qy * dx) / len, along = 1;
	if (butt_a)
		along = fmin(along, t + 0.5);
	if (butt_b)
		along = fmin(along, len - t + 0.5);
	if (t < 0 && !butt_a)
		d = hypot(qx, qy);
	else if (t > len && !butt_b)
		d = hypot(qx - dx, qy - dy);
	return fmax(0, fmin(h + 0.5 - d, along));
}

/* Random polylines, short segments and long, every width: each pixel of
 * the clip has the coverage the definition gives it (the largest any
 * segment gives), within a level for rounding. The rasteriser walks
 * only part of each row near a segment; no pixel it should cover is
 * left out. */
static void check_reference(const struct tcase *t)
{
	(void)t;
	enum { W = 96, H = 80, N = 7 };
	struct app_raster r;
	app_raster_init(&r);
	unsigned seed = 2026;
	long lit = 0, bad = 0;
	for (int k = 0; k < 600; k++) {
		float xs[N], ys[N];
		/* Curve-like, folding back within a width, or trail-like. */
		double step = k >= 400 ? 1 : k % 2 ? 3 : 40;
		seed = seed * 1103515245u + 12345u;
		xs[0] = (float)((seed >> 8) % (W * 100)) / 100.0f;
		seed = seed * 1103515245u + 12345u;
		ys[0] = (float)((seed >> 8) % (H * 100)) / 100.0f;
		for (int i = 1; i < N; i++) {
			seed = seed * 1103515245u + 12345u;
			double a = (double)(seed >> 8) / 16777216.0 * 6.283185;
			xs[i] = xs[i - 1] + (float)(step * cos(a));
			ys[i] = ys[i - 1] + (float)(step * sin(a));
		}
		float width = 1.5f + (float)(k % 13) * 0.7f;
		uint8_t got[W * H] = { 0 };
		CHECK(app_raster_clip(&r, 0, 0, W, H) == 0);
		app_raster_stroke(&r, xs, ys, N, width);
		int n = app_raster_spans(&r);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < r.spans[i].w; j++)
				got[r.spans[i].y * W + r.spans[i].x + j] =
					r.spans[i].a;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				double c = 0;
				for (int i = 0; i + 1 < N; i++)
					c = fmax(c, seg_cover(x + 0.5, y + 0.5,
							      (double)xs[i],
							      (double)ys[i],
							      (double)xs[i + 1],
							      (double)ys[i + 1],
							      (double)width / 2,
							      i == 0, i == N - 2));
				int want = (int)(c * 255 + 0.5);
				lit += want > 0;
				bad += abs(want - got[y * W + x]) > 1;
			}
	}
	if (bad)
		fprintf(stderr, "%ld pixels off the definition\n", bad);
	CHECK(bad == 0);
	CHECK(lit > 100000);
	app_raster_finish(&r);
}

/* Upright segments (a grid line, the axis, a trail going straight up)
 * have the same pixels whether each row is figured or rows are put from
 * one kept: random polylines with upright segments of every width, flat
 * and round ends, joined or not, at fractional and whole columns, in
 * clips that cut them, against the same drawn with walk_all. */
static void check_upright(const struct tcase *t)
{
	(void)t;
	enum { W = 120, H = 140, N = 6 };
	struct app_raster fast, slow;
	app_raster_init(&fast);
	app_raster_init(&slow);
	unsigned seed = 77;
	long lit = 0, differ = 0;
	for (int k = 0; k < 800; k++) {
		float xs[N], ys[N];
		seed = seed * 1103515245u + 12345u;
		xs[0] = (float)((seed >> 8) % (W * 4)) / 4.0f;
		seed = seed * 1103515245u + 12345u;
		ys[0] = (float)((seed >> 8) % (H * 8)) / 8.0f - 10;
		for (int i = 1; i < N; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned v = seed >> 8;
			/* Mostly straight up or down, now and then across. */
			bool across = v % 4 == 0;
			float len = (float)(v / 4 % 1000) / 10.0f - 50;
			xs[i] = xs[i - 1] + (across ? len / 3 : 0);
			ys[i] = ys[i - 1] + (across ? (float)(v % 7) : len);
		}
		float width = k % 5 == 0 ? 1 : 1.5f + (float)(k % 17) * 0.9f;
		int cx = k % 3 == 0 ? 7 : 0, cy = k % 4 == 0 ? 13 : 0;
		struct app_raster *rs[2] = { &fast, &slow };
		uint8_t got[2][W * H];
		for (int j = 0; j < 2; j++) {
			memset(got[j], 0, sizeof(got[j]));
			rs[j]->walk_all = j == 1;
			CHECK(app_raster_clip(rs[j], cx, cy, W - cx - 3,
					      H - cy - 5) == 0);
			app_raster_stroke(rs[j], xs, ys, N, width);
			int n = app_raster_spans(rs[j]);
			for (int i = 0; i < n; i++)
				for (int q = 0; q < rs[j]->spans[i].w; q++)
					got[j][rs[j]->spans[i].y * W +
					       rs[j]->spans[i].x + q] =
						rs[j]->spans[i].a;
		}
		for (int i = 0; i < W * H; i++) {
			lit += got[1][i] > 0;
			differ += got[0][i] != got[1][i];
		}
	}
	if (differ)
		fprintf(stderr, "%ld pixels differ\n", differ);
	CHECK(differ == 0);
	CHECK(lit > 200000);
	CHECK(fast.rows_kept > 50000); /* the rows were put, not figured */
	CHECK(slow.rows_kept == 0);
	app_raster_finish(&fast);
	app_raster_finish(&slow);
}

#define END              \
	{                \
		0, 0, -1 \
	}

static const struct tcase cases[] = {
	/* A horizontal bar 10 × 2 on pixel boundaries: whole pixels. */
	{ .name = "raster-stroke-horizontal",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { 5, 15 },
	  .ys = { 10, 10 },
	  .n = 2,
	  .width = 2,
	  .area = 20,
	  .tol = 0.01,
	  .probes = { { 5, 9, 255 },
		      { 14, 10, 255 },
		      { 4, 9, 0 },
		      { 15, 10, 0 },
		      { 10, 8, 0 },
		      END } },
	/* A bar centred on pixel centres: half pixels on both sides. */
	{ .name = "raster-stroke-half-pixels",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { 5, 15 },
	  .ys = { 10.5f, 10.5f },
	  .n = 2,
	  .width = 2,
	  .area = 20,
	  .tol = 0.1,
	  .probes = { { 8, 10, 255 }, { 8, 9, 128 }, { 8, 11, 128 }, { 8, 12, 0 }, END } },
	/* A diagonal: its area is length × width. */
	{ .name = "raster-stroke-diagonal",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 60,
	  .ch = 60,
	  .xs = { 10, 40 },
	  .ys = { 10, 50 },
	  .n = 2,
	  .width = 3,
	  .area = 150,
	  .tol = 2.5,
	  .probes = { { 25, 30, 255 }, { 35, 30, 0 }, END } },
	/* A right-angled polyline: two bars, the joint counted once and
	 * rounded (a quarter disc of radius 1 outside the corner). */
	{ .name = "raster-stroke-joint-once",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 40,
	  .xs = { 5, 20, 20 },
	  .ys = { 10, 10, 30 },
	  .n = 3,
	  .width = 2,
	  .area = 30 + 40 - 1 + 3.14159 / 4,
	  .tol = 0.5,
	  .probes = { { 19, 9, 255 }, { 20, 10, 255 }, { 20, 9, 202 }, END } },
	/* Zero-length segments add nothing, alone or inside a line. */
	{ .name = "raster-stroke-zero-length",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { 8, 8, 8 },
	  .ys = { 8, 8, 8 },
	  .n = 3,
	  .width = 4,
	  .area = 0,
	  .tol = 0,
	  .probes = { END } },
	{ .name = "raster-stroke-zero-length-inside",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { 5, 10, 10, 15 },
	  .ys = { 10, 10, 10, 10 },
	  .n = 4,
	  .width = 2,
	  .area = 20,
	  .tol = 0.01,
	  .probes = { END } },
	/* Thin lines are drawn 1.5 wide. */
	{ .name = "raster-stroke-thin",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { 5, 15 },
	  .ys = { 10.5f, 10.5f },
	  .n = 2,
	  .width = 0.1f,
	  .area = 15,
	  .tol = 0.1,
	  .probes = { { 9, 10, 255 }, END } },
	/* Far beyond the clip on both sides: cut to the clip's width, the
	 * ends outside it. */
	{ .name = "raster-stroke-huge-coordinates",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { -1e30f, 1e30f },
	  .ys = { 10, 10 },
	  .n = 2,
	  .width = 2,
	  .area = 80,
	  .tol = 0.01,
	  .probes = { { 0, 9, 255 }, { 39, 10, 255 }, END } },
	/* Beyond what a float can place: no pixel outside the clip, no
	 * crash (where it lands is not defined). */
	{ .name = "raster-stroke-float-max",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { -3.4e38f, 3.4e38f },
	  .ys = { 3.4e38f, -3.4e38f },
	  .n = 2,
	  .width = 2,
	  .area = 400,
	  .tol = 400,
	  .probes = { END } },
	/* Not finite: the segments that use the point draw nothing. */
	{ .name = "raster-stroke-nan-point",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { 5, NAN, 15, 25 },
	  .ys = { 10, 10, 10, 10 },
	  .n = 4,
	  .width = 2,
	  .area = 20,
	  .tol = 0.01,
	  .probes = { { 20, 9, 255 }, { 10, 9, 0 }, END } },
	{ .name = "raster-stroke-infinite-width",
	  .run = check_shape,
	  .shape = STROKE,
	  .cw = 40,
	  .ch = 20,
	  .xs = { 5, 15 },
	  .ys = { 10, 10 },
	  .n = 2,
	  .width = INFINITY,
	  .area = 0,
	  .tol = 0,
	  .probes = { END } },
	/* Clipped: only the part inside, with the clip's offset. */
	{ .name = "raster-stroke-clip-offset",
	  .run = check_shape,
	  .shape = STROKE,
	  .cx = 100,
	  .cy = 50,
	  .cw = 10,
	  .ch = 10,
	  .xs = { 90, 130 },
	  .ys = { 55, 55 },
	  .n = 2,
	  .width = 2,
	  .area = 20,
	  .tol = 0.01,
	  .probes = { { 100, 54, 255 }, { 109, 55, 255 }, { 110, 55, 0 }, END } },
	{ .name = "raster-disc-area",
	  .run = check_shape,
	  .shape = DISC,
	  .cw = 60,
	  .ch = 60,
	  .xs = { 30 },
	  .ys = { 30 },
	  .r = 10,
	  .area = 3.14159265 * 100,
	  .tol = 1.5,
	  .probes = { { 30, 30, 255 }, { 29, 29, 255 }, { 30, 42, 0 }, END } },
	{ .name = "raster-disc-small",
	  .run = check_shape,
	  .shape = DISC,
	  .cw = 20,
	  .ch = 20,
	  .xs = { 10.5f },
	  .ys = { 10.5f },
	  .r = 0.2f,
	  .area = 3.14159265,
	  .tol = 0.5,
	  .probes = { { 10, 10, 255 }, END } },
	/* A disc centred on the clip's corner: a quarter of it. */
	{ .name = "raster-disc-corner",
	  .run = check_shape,
	  .shape = DISC,
	  .cx = 10,
	  .cy = 10,
	  .cw = 30,
	  .ch = 30,
	  .xs = { 10 },
	  .ys = { 10 },
	  .r = 8,
	  .area = 3.14159265 * 64 / 4,
	  .tol = 0.8,
	  .probes = { { 10, 10, 255 }, { 9, 9, 0 }, END } },
	{ .name = "raster-disc-outside",
	  .run = check_shape,
	  .shape = DISC,
	  .cw = 30,
	  .ch = 30,
	  .xs = { -50 },
	  .ys = { 10 },
	  .r = 8,
	  .area = 0,
	  .tol = 0,
	  .probes = { END } },
	{ .name = "raster-disc-huge-radius",
	  .run = check_shape,
	  .shape = DISC,
	  .cw = 30,
	  .ch = 20,
	  .xs = { 10 },
	  .ys = { 10 },
	  .r = 1e30f,
	  .area = 600,
	  .tol = 0,
	  .probes = { END } },
	{ .name = "raster-disc-nan",
	  .run = check_shape,
	  .shape = DISC,
	  .cw = 30,
	  .ch = 20,
	  .xs = { NAN },
	  .ys = { 10 },
	  .r = 5,
	  .area = 0,
	  .tol = 0,
	  .probes = { END } },
	{ .name = "raster-disc-twice-once",
	  .run = check_shape,
	  .shape = TWICE,
	  .cw = 60,
	  .ch = 60,
	  .xs = { 30 },
	  .ys = { 30 },
	  .r = 10,
	  .area = 3.14159265 * 100,
	  .tol = 1.5,
	  .probes = { END } },
	{ .name = "raster-ring-area",
	  .run = check_shape,
	  .shape = RING,
	  .cw = 60,
	  .ch = 60,
	  .xs = { 30 },
	  .ys = { 30 },
	  .r = 12,
	  .width = 2,
	  .area = 2 * 3.14159265 * 12 * 2,
	  .tol = 2,
	  .probes = { { 30, 30, 0 }, { 41, 30, 255 }, { 18, 30, 255 }, END } },
	/* A polygon covers the pixels whose centres it holds. */
	{ .name = "raster-polygon-square",
	  .run = check_shape,
	  .shape = POLYGON,
	  .cw = 40,
	  .ch = 40,
	  .xs = { 5, 15, 15, 5 },
	  .ys = { 5, 5, 15, 15 },
	  .n = 4,
	  .area = 100,
	  .tol = 0,
	  .probes = { { 5, 5, 255 }, { 14, 14, 255 }, { 15, 10, 0 }, { 4, 10, 0 }, END } },
	{ .name = "raster-polygon-triangle",
	  .run = check_shape,
	  .shape = POLYGON,
	  .cw = 40,
	  .ch = 40,
	  .xs = { 0, 20, 0 },
	  .ys = { 0, 0, 20 },
	  .n = 3,
	  .area = 200,
	  .tol = 12,
	  .probes = { { 1, 1, 255 }, { 15, 15, 0 }, END } },
	{ .name = "raster-polygon-shared-edge",
	  .run = check_shape,
	  .shape = SQUARE2,
	  .cw = 40,
	  .ch = 40,
	  .xs = { 3, 23, 23, 3 },
	  .ys = { 4, 4, 24, 24 },
	  .n = 4,
	  .area = 400,
	  .tol = 0,
	  .probes = { { 13, 13, 255 }, { 4, 20, 255 }, { 20, 5, 255 }, END } },
	{ .name = "raster-polygon-huge",
	  .run = check_shape,
	  .shape = POLYGON,
	  .cw = 30,
	  .ch = 20,
	  .xs = { -1e30f, 1e30f, 0 },
	  .ys = { -1e30f, -1e30f, 1e30f },
	  .n = 3,
	  .area = 600,
	  .tol = 0,
	  .probes = { END } },
	{ .name = "raster-polygon-infinite",
	  .run = check_shape,
	  .shape = POLYGON,
	  .cw = 30,
	  .ch = 20,
	  .xs = { 0, INFINITY, 0 },
	  .ys = { 0, 0, 10 },
	  .n = 3,
	  .area = 0,
	  .tol = 0,
	  .probes = { END } },
	/* Drawn in pieces as drawn whole: thick slanted polylines with a
	 * join (these two gave a pixel a rounding apart when strokes were
	 * cut to the clip), one reaching far outside it, a thin one, a
	 * polygon and a ring. */
	{ .name = "raster-pieces-slanted-join",
	  .run = check_pieces,
	  .shape = STROKE,
	  .cw = 96,
	  .ch = 96,
	  .xs = { -5.79f, 87.84f, 101.98f },
	  .ys = { -0.81f, 135.37f, 93.24f },
	  .n = 3,
	  .width = 5.0f },
	{ .name = "raster-pieces-slanted-join-2",
	  .run = check_pieces,
	  .shape = STROKE,
	  .cw = 96,
	  .ch = 96,
	  .xs = { 79.24f, -29.38f, -24.00f },
	  .ys = { 26.37f, 6.24f, 70.36f },
	  .n = 3,
	  .width = 4.7f },
	{ .name = "raster-pieces-far-end",
	  .run = check_pieces,
	  .shape = STROKE,
	  .cw = 80,
	  .ch = 60,
	  .xs = { 20.25f, 3.1e6f },
	  .ys = { 30.5f, -1.7e6f },
	  .n = 2,
	  .width = 2.5f },
	{ .name = "raster-pieces-thin",
	  .run = check_pieces,
	  .shape = STROKE,
	  .cw = 64,
	  .ch = 64,
	  .xs = { 1.7f, 62.2f, 5.5f },
	  .ys = { 60.1f, 3.3f, 20.8f },
	  .n = 3,
	  .width = 1.5f },
	{ .name = "raster-pieces-polygon",
	  .run = check_pieces,
	  .shape = POLYGON,
	  .cw = 50,
	  .ch = 50,
	  .xs = { 3.3f, 47.1f, 20.6f },
	  .ys = { 5.2f, 18.9f, 44.4f },
	  .n = 3 },
	{ .name = "raster-pieces-ring",
	  .run = check_pieces,
	  .shape = RING,
	  .cw = 50,
	  .ch = 50,
	  .xs = { 24.6f },
	  .ys = { 25.3f },
	  .r = 15.2f,
	  .width = 3 },
	{ .name = "raster-stroke-reference", .run = check_reference },
	{ .name = "raster-upright-as-walked", .run = check_upright },
	/* An empty clip draws nothing. */
	{ .name = "raster-empty-clip",
	  .run = check_shape,
	  .shape = DISC,
	  .cw = 0,
	  .ch = 0,
	  .xs = { 0 },
	  .ys = { 0 },
	  .r = 5,
	  .area = 0,
	  .tol = 0,
	  .probes = { END } },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
