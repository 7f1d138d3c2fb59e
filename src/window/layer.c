/*
 * The view layer's prefix and its copy; see layer.h. Primitives are
 * compared field by field (their padding is not initialised), points and
 * text bytes as memory. The copy keeps a range's points and text packed
 * from 0 ("rebased"), so a range that moved in the list because what
 * precedes it grew still compares the same.
 */
#include <stdlib.h>
#include <string.h>

#include "layer.h"

void app_layer_finish(struct app_layer *l)
{
	if (!l)
		return;
	if (l->tex)
		SDL_DestroyTexture(l->tex);
	free(l->prims);
	free(l->xs);
	free(l->ys);
	free(l->chars);
	memset(l, 0, sizeof(*l));
}

static bool in_layer(const struct app_prim *p)
{
	switch (p->role) {
	case APP_ROLE_BACKGROUND:
	case APP_ROLE_GRID:
	case APP_ROLE_AXIS:
	case APP_ROLE_TICK_LABEL:
	case APP_ROLE_AXIS_NAME:
	case APP_ROLE_PLOT_CLIP:
	case APP_ROLE_CURVE:
	case APP_ROLE_CONTOUR_BAND:
	case APP_ROLE_CONTOUR:
	case APP_ROLE_CONTOUR_LABEL:
		return p->kind != APP_PRIM_CLIP_POP;
	default:
		return false;
	}
}

int app_layer_prefix(const struct app_dlist *dl)
{
	if (dl->n < 2 || dl->prims[0].kind != APP_PRIM_RECT ||
	    dl->prims[0].role != APP_ROLE_BACKGROUND ||
	    dl->prims[0].color.a != 255)
		return 0;
	int k = 1;
	while (k < dl->n && in_layer(&dl->prims[k]))
		k++;
	return k > 1 ? k : 0;
}

/* Whether prim p has points of its own (lines, polygons, arrows). */
static bool has_points(const struct app_prim *p)
{
	return (p->kind == APP_PRIM_LINE || p->kind == APP_PRIM_POLYGON ||
		p->kind == APP_PRIM_ARROW) &&
	       p->count > 0;
}

/* Prim p as the copy keeps it: its points at *npts, its text at
 * *nchars, both advanced past them. */
static struct app_prim rebased(const struct app_dlist *dl,
			       const struct app_prim *p, int *npts, size_t *nchars)
{
	struct app_prim q = *p;
	q.first = 0;
	q.str = 0;
	if (has_points(p)) {
		q.first = *npts;
		*npts += p->count;
	}
	if (p->kind == APP_PRIM_TEXT) {
		q.str = *nchars;
		*nchars += strlen(dl->chars + p->str) + 1;
	}
	return q;
}

/* The points and text bytes prims [from, to) use. */
static void extent(const struct app_dlist *dl, int from, int to, int *npts,
		   size_t *nchars)
{
	*npts = 0;
	*nchars = 0;
	for (int i = from; i < to; i++)
		rebased(dl, &dl->prims[i], npts, nchars);
}

static bool same_rgba(struct app_rgba a, struct app_rgba b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static bool same_box(struct app_box a, struct app_box b)
{
	return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

/* Whether a and b are the same but for where their points and text
 * are. */
static bool same_fields(const struct app_prim *a, const struct app_prim *b)
{
	const struct app_text_style *s = &a->style, *t = &b->style;
	return a->kind == b->kind && a->role == b->role &&
	       same_rgba(a->color, b->color) && a->width == b->width &&
	       a->dash == b->dash && a->gap == b->gap && a->cx == b->cx &&
	       a->cy == b->cy && a->r == b->r && a->count == b->count &&
	       same_box(a->box, b->box) && s->px == t->px &&
	       s->face == t->face && same_rgba(s->color, t->color) &&
	       s->align == t->align && a->ax == b->ax && a->ay == b->ay;
}

static bool same_prim(const struct app_prim *a, const struct app_prim *b)
{
	return same_fields(a, b) && a->first == b->first && a->str == b->str;
}

bool app_layer_same_part(const struct app_layer *l, int at,
			 const struct app_dlist *dl, int from, int to)
{
	if (!l->valid || at < 0 || from > to || at + (to - from) > l->n)
		return false;
	for (int i = from; i < to; i++) {
		const struct app_prim *p = &dl->prims[i],
				      *q = &l->prims[at + i - from];
		if (!same_fields(p, q))
			return false;
		size_t fb = (size_t)p->count * sizeof(float);
		if (has_points(p) &&
		    (q->first + p->count > l->npts ||
		     memcmp(l->xs + q->first, dl->xs + p->first, fb) != 0 ||
		     memcmp(l->ys + q->first, dl->ys + p->first, fb) != 0))
			return false;
		if (p->kind == APP_PRIM_TEXT &&
		    (q->str >= l->nchars ||
		     strncmp(l->chars + q->str, dl->chars + p->str,
			     l->nchars - q->str) != 0))
			return false;
	}
	return true;
}

bool app_layer_same_range(const struct app_layer *l, const struct app_dlist *dl,
			  int from, int to)
{
	int npts = 0;
	size_t nchars = 0;
	if (!l->valid || l->n != to - from)
		return false;
	for (int i = from; i < to; i++) {
		const struct app_prim *p = &dl->prims[i];
		int at = npts;
		size_t cat = nchars;
		struct app_prim q = rebased(dl, p, &npts, &nchars);
		if (npts > l->npts || nchars > l->nchars ||
		    !same_prim(&l->prims[i - from], &q))
			return false;
		size_t fb = (size_t)p->count * sizeof(float);
		if (has_points(p) &&
		    (memcmp(l->xs + at, dl->xs + p->first, fb) != 0 ||
		     memcmp(l->ys + at, dl->ys + p->first, fb) != 0))
			return false;
		if (p->kind == APP_PRIM_TEXT &&
		    memcmp(l->chars + cat, dl->chars + p->str, nchars - cat) != 0)
			return false;
	}
	return npts == l->npts && nchars == l->nchars;
}

bool app_layer_same(const struct app_layer *l, const struct app_dlist *dl, int k)
{
	return app_layer_same_range(l, dl, 0, k);
}

/* Grows *p to hold n elements of size sz; false when out of memory. */
static bool grow(void **p, size_t sz, size_t n)
{
	void *q = realloc(*p, (n ? n : 1) * sz);
	if (!q)
		return false;
	*p = q;
	return true;
}

bool app_layer_keep_range(struct app_layer *l, const struct app_dlist *dl,
			  int from, int to)
{
	int npts, k = to - from;
	size_t nchars;
	extent(dl, from, to, &npts, &nchars);
	l->valid = l->shown = false;
	l->keeps++;
	if ((k > l->cap &&
	     !grow((void **)&l->prims, sizeof(*l->prims), (size_t)k)) ||
	    (npts > l->cap_pts &&
	     (!grow((void **)&l->xs, sizeof(float), (size_t)npts) ||
	      !grow((void **)&l->ys, sizeof(float), (size_t)npts))) ||
	    (nchars > l->cap_chars && !grow((void **)&l->chars, 1, nchars)))
		return false;
	l->cap = k > l->cap ? k : l->cap;
	l->cap_pts = npts > l->cap_pts ? npts : l->cap_pts;
	l->cap_chars = nchars > l->cap_chars ? nchars : l->cap_chars;
	int np = 0;
	size_t nc = 0;
	for (int i = from; i < to; i++) {
		const struct app_prim *p = &dl->prims[i];
		int at = np;
		size_t cat = nc;
		l->prims[i - from] = rebased(dl, p, &np, &nc);
		/* memcpy wants real pointers: only prims with points or
		 * text copy any. */
		size_t fb = (size_t)p->count * sizeof(float);
		if (has_points(p)) {
			memcpy(l->xs + at, dl->xs + p->first, fb);
			memcpy(l->ys + at, dl->ys + p->first, fb);
		}
		if (p->kind == APP_PRIM_TEXT)
			memcpy(l->chars + cat, dl->chars + p->str, nc - cat);
	}
	l->n = k;
	l->npts = npts;
	l->nchars = nchars;
	return l->valid = true;
}

bool app_layer_keep(struct app_layer *l, const struct app_dlist *dl, int k)
{
	return app_layer_keep_range(l, dl, 0, k);
}
