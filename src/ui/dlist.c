/* The display list; see dlist.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dlist.h"

void app_dlist_init(struct app_dlist *dl)
{
	memset(dl, 0, sizeof(*dl));
}

void app_dlist_finish(struct app_dlist *dl)
{
	if (!dl)
		return;
	free(dl->prims);
	free(dl->xs);
	free(dl->ys);
	free(dl->chars);
	memset(dl, 0, sizeof(*dl));
}

void app_dlist_clear(struct app_dlist *dl)
{
	dl->n = dl->npts = dl->depth = dl->lost = dl->dropped = 0;
	dl->nchars = 0;
}

/* Capacity for need items, at most max: doubling from 64. */
static bool grow(void **p, size_t item, size_t *cap, size_t need, size_t max)
{
	if (need <= *cap)
		return true;
	if (need > max)
		return false;
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	c = c > max ? max : c;
	void *np = realloc(*p, c * item);
	if (!np)
		return false;
	*p = np;
	*cap = c;
	return true;
}

/* A new primitive, zeroed, or NULL (counted as dropped). Room for the
 * pops of the open clips is kept. */
static struct app_prim *add(struct app_dlist *dl, enum app_prim_kind kind,
			    enum app_role role, struct app_rgba c)
{
	size_t cap = (size_t)dl->cap, need = (size_t)(dl->n + dl->depth + 1);
	if (!grow((void **)&dl->prims, sizeof(*dl->prims), &cap, need,
		  APP_DLIST_MAX_PRIMS)) {
		dl->dropped++;
		return NULL;
	}
	dl->cap = (int)cap;
	struct app_prim *p = &dl->prims[dl->n++];
	*p = (struct app_prim){ .kind = kind, .role = role, .color = c };
	return p;
}

/* Copies n points into the pool for p and sets its bounds. */
static bool add_points(struct app_dlist *dl, struct app_prim *p,
		       const float *xs, const float *ys, int n)
{
	size_t cap = (size_t)dl->cap_pts, cy = cap;
	size_t need = (size_t)dl->npts + (size_t)n;
	if (!grow((void **)&dl->xs, sizeof(float), &cap, need,
		  APP_DLIST_MAX_POINTS) ||
	    !grow((void **)&dl->ys, sizeof(float), &cy, need,
		  APP_DLIST_MAX_POINTS)) {
		dl->cap_pts = (int)(cap < cy ? cap : cy);
		return false;
	}
	dl->cap_pts = (int)cap;
	memcpy(dl->xs + dl->npts, xs, (size_t)n * sizeof(float));
	memcpy(dl->ys + dl->npts, ys, (size_t)n * sizeof(float));
	p->first = dl->npts;
	p->count = n;
	dl->npts += n;
	float x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];
	for (int i = 1; i < n; i++) {
		x0 = fminf(x0, xs[i]), x1 = fmaxf(x1, xs[i]);
		y0 = fminf(y0, ys[i]), y1 = fmaxf(y1, ys[i]);
	}
	p->box = (struct app_box){ x0, y0, x1 - x0, y1 - y0 };
	return true;
}

/* A primitive made of points; undone when the points do not fit. */
static struct app_prim *add_shape(struct app_dlist *dl, enum app_prim_kind kind,
				  enum app_role role, struct app_rgba c,
				  const float *xs, const float *ys, int n)
{
	struct app_prim *p = add(dl, kind, role, c);
	if (p && !add_points(dl, p, xs, ys, n)) {
		dl->n--;
		dl->dropped++;
		return NULL;
	}
	return p;
}

bool app_dlist_polyline(struct app_dlist *dl, enum app_role role,
			const float *xs, const float *ys, int n, float width,
			struct app_rgba c, float dash, float gap)
{
	if (n < 1)
		return false;
	struct app_prim *p = add_shape(dl, APP_PRIM_LINE, role, c, xs, ys, n);
	if (!p)
		return false;
	p->width = width;
	p->dash = dash > 0 ? dash : 0;
	p->gap = dash > 0 && gap > 0 ? gap : 0;
	return true;
}

bool app_dlist_line(struct app_dlist *dl, enum app_role role, float x0,
		    float y0, float x1, float y1, float width, struct app_rgba c)
{
	float xs[2] = { x0, x1 }, ys[2] = { y0, y1 };
	return app_dlist_polyline(dl, role, xs, ys, 2, width, c, 0, 0);
}

bool app_dlist_dashed(struct app_dlist *dl, enum app_role role, float x0,
		      float y0, float x1, float y1, float width, float dash,
		      float gap, struct app_rgba c)
{
	float xs[2] = { x0, x1 }, ys[2] = { y0, y1 };
	return app_dlist_polyline(dl, role, xs, ys, 2, width, c, dash, gap);
}

bool app_dlist_rect(struct app_dlist *dl, enum app_role role, struct app_box r,
		    struct app_rgba c)
{
	struct app_prim *p = add(dl, APP_PRIM_RECT, role, c);
	if (p)
		p->box = r;
	return p != NULL;
}

static bool circle(struct app_dlist *dl, enum app_prim_kind kind,
		   enum app_role role, float cx, float cy, float r, float width,
		   struct app_rgba c)
{
	struct app_prim *p = add(dl, kind, role, c);
	if (!p)
		return false;
	p->cx = cx, p->cy = cy, p->r = r, p->width = width;
	p->box = (struct app_box){ cx - r, cy - r, 2 * r, 2 * r };
	return true;
}

bool app_dlist_disc(struct app_dlist *dl, enum app_role role, float cx,
		    float cy, float r, struct app_rgba c)
{
	return circle(dl, APP_PRIM_DISC, role, cx, cy, r, 0, c);
}

bool app_dlist_ring(struct app_dlist *dl, enum app_role role, float cx,
		    float cy, float r, float width, struct app_rgba c)
{
	return circle(dl, APP_PRIM_RING, role, cx, cy, r, width, c);
}

bool app_dlist_polygon(struct app_dlist *dl, enum app_role role, const float *xs,
		       const float *ys, int n, struct app_rgba c)
{
	if (n < 3)
		return false;
	return add_shape(dl, APP_PRIM_POLYGON, role, c, xs, ys, n) != NULL;
}

bool app_dlist_marker(struct app_dlist *dl, enum app_role role, int k, float cx,
		      float cy, float r, struct app_rgba c)
{
	float xs[4], ys[4], s = r * 0.89f; /* a square of the disc's area */
	switch (k % 4) {
	case 1:
		xs[0] = xs[3] = cx - s, xs[1] = xs[2] = cx + s;
		ys[0] = ys[1] = cy - s, ys[2] = ys[3] = cy + s;
		return app_dlist_polygon(dl, role, xs, ys, 4, c);
	case 2:
		xs[0] = cx, ys[0] = cy - r * 1.35f;
		xs[1] = cx + r * 1.17f, ys[1] = cy + r * 0.68f;
		xs[2] = cx - r * 1.17f, ys[2] = cy + r * 0.68f;
		return app_dlist_polygon(dl, role, xs, ys, 3, c);
	case 3:
		xs[0] = cx, ys[0] = cy - r * 1.25f;
		xs[1] = cx + r * 1.25f, ys[1] = cy;
		xs[2] = cx, ys[2] = cy + r * 1.25f;
		xs[3] = cx - r * 1.25f, ys[3] = cy;
		return app_dlist_polygon(dl, role, xs, ys, 4, c);
	default:
		return app_dlist_disc(dl, role, cx, cy, r, c);
	}
}

bool app_dlist_arrow(struct app_dlist *dl, enum app_role role, float x0,
		     float y0, float x1, float y1, float width, struct app_rgba c)
{
	float xs[2] = { x0, x1 }, ys[2] = { y0, y1 };
	struct app_prim *p = add_shape(dl, APP_PRIM_ARROW, role, c, xs, ys, 2);
	if (p)
		p->width = width;
	return p != NULL;
}

/* Copies s into the text pool; returns its offset, or (size_t)-1. */
static size_t add_chars(struct app_dlist *dl, const char *s)
{
	size_t len = strlen(s) + 1;
	if (!grow((void **)&dl->chars, 1, &dl->cap_chars, dl->nchars + len,
		  APP_DLIST_MAX_CHARS))
		return (size_t)-1;
	memcpy(dl->chars + dl->nchars, s, len);
	dl->nchars += len;
	return dl->nchars - len;
}

bool app_dlist_text(struct app_dlist *dl, enum app_role role,
		    const struct app_text_style *st, float x, float y,
		    const char *s, const struct app_measure *m)
{
	size_t at = add_chars(dl, s);
	struct app_prim *p = at == (size_t)-1 ?
				     NULL :
				     add(dl, APP_PRIM_TEXT, role, st->color);
	if (!p) {
		if (at == (size_t)-1)
			dl->dropped++;
		else
			dl->nchars = at;
		return false;
	}
	p->str = at;
	p->style = *st;
	p->ax = x, p->ay = y;
	int w = m->width(m->ctx, s, st->px, st->face);
	int h = m->height(m->ctx, st->px, st->face);
	int left = st->align == APP_ALIGN_CENTRE ? w / 2 :
		   st->align == APP_ALIGN_RIGHT  ? w :
						   0;
	p->box = (struct app_box){ x - (float)left, y, (float)w, (float)h };
	return true;
}

bool app_dlist_clip_push(struct app_dlist *dl, enum app_role role, struct app_box r)
{
	struct app_prim *p = add(dl, APP_PRIM_CLIP_PUSH, role,
				 (struct app_rgba){ 0 });
	if (!p) {
		dl->lost++; /* its pop is to be ignored */
		return false;
	}
	p->box = r;
	dl->depth++;
	return true;
}

void app_dlist_clip_pop(struct app_dlist *dl)
{
	if (dl->lost > 0) {
		dl->lost--;
		return;
	}
	if (dl->depth == 0)
		return;
	dl->depth--; /* its slot was kept by the push */
	struct app_prim *p = add(dl, APP_PRIM_CLIP_POP, APP_ROLE_NONE,
				 (struct app_rgba){ 0 });
	(void)p;
}

const char *app_dlist_str(const struct app_dlist *dl, const struct app_prim *p)
{
	return p->kind == APP_PRIM_TEXT ? dl->chars + p->str : "";
}

bool app_box_overlap(struct app_box a, struct app_box b)
{
	return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.x + b.w &&
	       b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
