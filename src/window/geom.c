/*
 * Triangles for lines and shapes; see geom.h.
 *
 * A polyline of half-width h becomes, at each point p with unit miter
 * direction m (the average of the two segments' normals, scaled by
 * 1/cos of half the turn so the edges stay parallel to each segment),
 * four vertices p ± m·h (opaque) and p ± m·(h + 1) (transparent): three
 * quads per segment, the outer two fading over one pixel. Sharp turns
 * would make the miter spike, so its scale is limited to 2.
 */
#include <math.h>
#include <stdlib.h>

#include "geom.h"

static const float pi_f = 3.14159265358979f;

#define FEATHER 1.0f
#define MITER_LIMIT 2.0f

void app_geom_init(struct app_geom *g)
{
	*g = (struct app_geom){ .clip = { -1e6f, -1e6f, 2e6f, 2e6f } };
}

void app_geom_finish(struct app_geom *g)
{
	if (!g)
		return;
	free(g->v);
	free(g->idx);
	free(g->opaque);
	app_geom_init(g);
}

void app_geom_set_clip(struct app_geom *g, float x, float y, float w, float h)
{
	float m = 16;
	g->clip = (SDL_FRect){ x - m, y - m, w + 2 * m, h + 2 * m };
}

static bool reserve(struct app_geom *g, int nv, int ni)
{
	if (g->failed)
		return false;
	if (g->nv + nv > g->cap_v) {
		int cap = (g->cap_v ? g->cap_v * 2 : 4096) + nv;
		SDL_Vertex *v = realloc(g->v, (size_t)cap * sizeof(*v));
		if (!v)
			return g->failed = true, false;
		g->v = v;
		g->cap_v = cap;
	}
	if (g->ni + ni > g->cap_i) {
		int cap = (g->cap_i ? g->cap_i * 2 : 8192) + ni;
		int *idx = realloc(g->idx, (size_t)cap * sizeof(*idx));
		if (!idx)
			return g->failed = true, false;
		g->idx = idx;
		idx = realloc(g->opaque, (size_t)cap * sizeof(*idx));
		if (!idx)
			return g->failed = true, false;
		g->opaque = idx;
		g->cap_i = cap;
	}
	return true;
}

static int vert(struct app_geom *g, float x, float y, struct app_rgba c,
		uint8_t alpha)
{
	g->v[g->nv] = (SDL_Vertex){ .position = { x, y },
				    .color = { c.r, c.g, c.b, alpha } };
	return g->nv++;
}

static void tri(struct app_geom *g, int a, int b, int c)
{
	g->idx[g->ni++] = a;
	g->idx[g->ni++] = b;
	g->idx[g->ni++] = c;
}

static void quad(struct app_geom *g, int a, int b, int c, int d)
{
	tri(g, a, b, c);
	tri(g, a, c, d);
}

/* Moves the batch's opaque triangles (all three vertices at alpha 255)
 * to g->opaque, keeping the order of both groups; returns their index
 * count. */
static int split_opaque(struct app_geom *g)
{
	int no = 0, nb = 0;
	for (int i = 0; i < g->ni; i += 3) {
		const int *t = g->idx + i;
		bool op = g->v[t[0]].color.a == 255 &&
			  g->v[t[1]].color.a == 255 && g->v[t[2]].color.a == 255;
		int *to = op ? g->opaque + no : g->idx + nb;
		to[0] = t[0], to[1] = t[1], to[2] = t[2];
		*(op ? &no : &nb) += 3;
	}
	g->ni = nb;
	return no;
}

int app_geom_flush(struct app_geom *g, SDL_Renderer *ren)
{
	int rc = 0, no = split_opaque(g);
	SDL_BlendMode mode = SDL_BLENDMODE_BLEND;
	SDL_GetRenderDrawBlendMode(ren, &mode);
	if (no > 0) {
		SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_NONE);
		rc = SDL_RenderGeometry(ren, NULL, g->v, g->nv, g->opaque, no);
		SDL_SetRenderDrawBlendMode(ren, mode);
	}
	if (g->ni > 0 && rc == 0)
		rc = SDL_RenderGeometry(ren, NULL, g->v, g->nv, g->idx, g->ni);
	g->nv = g->ni = 0;
	g->failed = false;
	return rc;
}

bool app_clip_segment(const SDL_FRect *r, float *x0, float *y0, float *x1,
		      float *y1)
{
	float dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1;
	float p[4] = { -dx, dx, -dy, dy };
	float q[4] = { *x0 - r->x, r->x + r->w - *x0, *y0 - r->y,
		       r->y + r->h - *y0 };
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		float t = q[i] / p[i];
		if (p[i] < 0 && t > t0)
			t0 = t;
		else if (p[i] > 0 && t < t1)
			t1 = t;
	}
	if (t0 > t1)
		return false;
	float ax = *x0 + t0 * dx, ay = *y0 + t0 * dy;
	*x1 = *x0 + t1 * dx;
	*y1 = *y0 + t1 * dy;
	*x0 = ax;
	*y0 = ay;
	return true;
}

/* Unit normal of the segment a → b, (0, 0) for a zero-length one. */
static void normal(float ax, float ay, float bx, float by, float *nx, float *ny)
{
	float dx = bx - ax, dy = by - ay, len = sqrtf(dx * dx + dy * dy);
	*nx = len > 0 ? -dy / len : 0;
	*ny = len > 0 ? dx / len : 0;
}

/* One visible run of a polyline: points already inside the clip. */
static void strip(struct app_geom *g, const float *xs, const float *ys, int n,
		  float width, struct app_rgba c)
{
	if (n < 2 || !reserve(g, 4 * n, 18 * (n - 1)))
		return;
	float h = width / 2 > 0.5f ? width / 2 - 0.5f : 0.25f;
	int base = g->nv;
	for (int i = 0; i < n; i++) {
		float n0x = 0, n0y = 0, n1x = 0, n1y = 0;
		if (i > 0)
			normal(xs[i - 1], ys[i - 1], xs[i], ys[i], &n0x, &n0y);
		if (i < n - 1)
			normal(xs[i], ys[i], xs[i + 1], ys[i + 1], &n1x, &n1y);
		if (i == 0)
			n0x = n1x, n0y = n1y;
		if (i == n - 1)
			n1x = n0x, n1y = n0y;
		float mx = n0x + n1x, my = n0y + n1y;
		float ml = sqrtf(mx * mx + my * my);
		if (ml < 1e-6f) {
			mx = n1x, my = n1y, ml = 1;
		} else {
			mx /= ml, my /= ml;
		}
		float cosh = mx * n1x + my * n1y;
		float s = cosh > 1 / MITER_LIMIT ? 1 / cosh : MITER_LIMIT;
		float a = h * s, b = (h + FEATHER) * s;
		vert(g, xs[i] + mx * b, ys[i] + my * b, c, 0);
		vert(g, xs[i] + mx * a, ys[i] + my * a, c, c.a);
		vert(g, xs[i] - mx * a, ys[i] - my * a, c, c.a);
		vert(g, xs[i] - mx * b, ys[i] - my * b, c, 0);
	}
	for (int i = 0; i < n - 1; i++) {
		int p = base + 4 * i, q = p + 4;
		quad(g, p, p + 1, q + 1, q);
		quad(g, p + 1, p + 2, q + 2, q + 1);
		quad(g, p + 2, p + 3, q + 3, q + 2);
	}
}

#define RUN_MAX 1024

void app_geom_polyline(struct app_geom *g, const float *xs, const float *ys,
		       int n, float width, struct app_rgba c)
{
	float rx[RUN_MAX], ry[RUN_MAX];
	int m = 0;
	for (int i = 0; i + 1 < n; i++) {
		float x0 = xs[i], y0 = ys[i], x1 = xs[i + 1], y1 = ys[i + 1];
		bool in = app_clip_segment(&g->clip, &x0, &y0, &x1, &y1);
		/* A run continues while its segments join end to start. */
		bool joins = in && m > 0 && rx[m - 1] == x0 && ry[m - 1] == y0;
		if (!in || !joins || m + 1 >= RUN_MAX) {
			if (m > 0 && (!joins || m + 1 >= RUN_MAX)) {
				strip(g, rx, ry, m, width, c);
				m = 0;
			}
			if (in) {
				rx[m] = x0, ry[m] = y0, m++;
			}
		}
		if (in) {
			rx[m] = x1, ry[m] = y1, m++;
		}
	}
	strip(g, rx, ry, m, width, c);
}

void app_geom_line(struct app_geom *g, float x0, float y0, float x1, float y1,
		   float width, struct app_rgba c)
{
	float xs[2] = { x0, x1 }, ys[2] = { y0, y1 };
	app_geom_polyline(g, xs, ys, 2, width, c);
}

void app_geom_dashed(struct app_geom *g, float x0, float y0, float x1, float y1,
		     float width, float dash, float gap, struct app_rgba c)
{
	if (!app_clip_segment(&g->clip, &x0, &y0, &x1, &y1))
		return;
	float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
	if (!(len > 0) || dash <= 0)
		return;
	for (float t = 0; t < len; t += dash + gap) {
		float e = t + dash < len ? t + dash : len;
		app_geom_line(g, x0 + dx * t / len, y0 + dy * t / len,
			      x0 + dx * e / len, y0 + dy * e / len, width, c);
	}
}

static int circle_segments(float r)
{
	int n = (int)(r * 1.5f);
	return n < 16 ? 16 : n > 96 ? 96 : n;
}

void app_geom_disc(struct app_geom *g, float cx, float cy, float r,
		   struct app_rgba c)
{
	const SDL_FRect *k = &g->clip;
	if (cx < k->x || cx > k->x + k->w || cy < k->y || cy > k->y + k->h)
		return;
	int n = circle_segments(r);
	if (!reserve(g, 2 * n + 1, 9 * n))
		return;
	float ri = r - 0.5f > 0.5f ? r - 0.5f : 0.5f;
	int centre = vert(g, cx, cy, c, c.a), base = g->nv;
	for (int i = 0; i < n; i++) {
		float a = 2 * pi_f * (float)i / (float)n;
		float ca = cosf(a), sa = sinf(a);
		vert(g, cx + ca * ri, cy + sa * ri, c, c.a);
		vert(g, cx + ca * (ri + FEATHER), cy + sa * (ri + FEATHER), c, 0);
	}
	for (int i = 0; i < n; i++) {
		int p = base + 2 * i, q = base + 2 * ((i + 1) % n);
		tri(g, centre, p, q);
		quad(g, p, p + 1, q + 1, q);
	}
}

void app_geom_ring(struct app_geom *g, float cx, float cy, float r, float width,
		   struct app_rgba c)
{
	enum { MAXN = 97 };
	float xs[MAXN], ys[MAXN];
	int n = circle_segments(r);
	for (int i = 0; i <= n; i++) {
		float a = 2 * pi_f * (float)i / (float)n;
		xs[i] = cx + cosf(a) * r;
		ys[i] = cy + sinf(a) * r;
	}
	app_geom_polyline(g, xs, ys, n + 1, width, c);
}

void app_geom_rect(struct app_geom *g, float x, float y, float w, float h,
		   struct app_rgba c)
{
	if (w <= 0 || h <= 0 || !reserve(g, 4, 6))
		return;
	int a = vert(g, x, y, c, c.a), b = vert(g, x + w, y, c, c.a);
	int d = vert(g, x + w, y + h, c, c.a), e = vert(g, x, y + h, c, c.a);
	quad(g, a, b, d, e);
}

void app_geom_triangle(struct app_geom *g, float x0, float y0, float x1,
		       float y1, float x2, float y2, struct app_rgba c)
{
	if (!reserve(g, 3, 3))
		return;
	int a = vert(g, x0, y0, c, c.a), b = vert(g, x1, y1, c, c.a);
	tri(g, a, b, vert(g, x2, y2, c, c.a));
}

void app_geom_arrow(struct app_geom *g, float x0, float y0, float x1, float y1,
		    float width, struct app_rgba c)
{
	float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
	if (!(len > 0.5f))
		return;
	float ux = dx / len, uy = dy / len;
	float head = width * 4 < len ? width * 4 : len;
	float half = head * 0.6f;
	float bx = x1 - ux * head, by = y1 - uy * head;
	app_geom_line(g, x0, y0, x1 - ux * head * 0.5f, y1 - uy * head * 0.5f,
		      width, c);
	if (!app_clip_segment(&g->clip, &bx, &by, &x1, &y1))
		return;
	app_geom_triangle(g, x1, y1, bx - uy * half, by + ux * half,
			  bx + uy * half, by - ux * half, c);
}
