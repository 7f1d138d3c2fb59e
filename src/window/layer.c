/*
 * The view layer's prefix and its copy; see layer.h. Primitives are
 * compared field by field (their padding is not initialised), points and
 * text bytes as memory.
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

/* The points and text bytes the first k primitives use. */
static void extent(const struct app_dlist *dl, int k, int *npts, size_t *nchars)
{
	*npts = 0;
	*nchars = 0;
	for (int i = 0; i < k; i++) {
		const struct app_prim *p = &dl->prims[i];
		if (p->kind == APP_PRIM_TEXT) {
			size_t e = p->str + strlen(dl->chars + p->str) + 1;
			*nchars = e > *nchars ? e : *nchars;
		} else if (p->first + p->count > *npts) {
			*npts = p->first + p->count;
		}
	}
}

static bool same_rgba(struct app_rgba a, struct app_rgba b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static bool same_box(struct app_box a, struct app_box b)
{
	return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static bool same_prim(const struct app_prim *a, const struct app_prim *b)
{
	const struct app_text_style *s = &a->style, *t = &b->style;
	return a->kind == b->kind && a->role == b->role &&
	       same_rgba(a->color, b->color) && a->width == b->width &&
	       a->dash == b->dash && a->gap == b->gap && a->cx == b->cx &&
	       a->cy == b->cy && a->r == b->r && a->first == b->first &&
	       a->count == b->count && same_box(a->box, b->box) &&
	       a->str == b->str && s->px == t->px && s->face == t->face &&
	       same_rgba(s->color, t->color) && s->align == t->align &&
	       a->ax == b->ax && a->ay == b->ay;
}

bool app_layer_same(const struct app_layer *l, const struct app_dlist *dl, int k)
{
	int npts;
	size_t nchars;
	if (!l->valid || l->n != k)
		return false;
	extent(dl, k, &npts, &nchars);
	if (npts != l->npts || nchars != l->nchars)
		return false;
	for (int i = 0; i < k; i++)
		if (!same_prim(&l->prims[i], &dl->prims[i]))
			return false;
	/* memcmp wants real pointers even for 0 bytes. */
	size_t fb = (size_t)npts * sizeof(float);
	return (npts == 0 || (memcmp(l->xs, dl->xs, fb) == 0 &&
			      memcmp(l->ys, dl->ys, fb) == 0)) &&
	       (nchars == 0 || memcmp(l->chars, dl->chars, nchars) == 0);
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

bool app_layer_keep(struct app_layer *l, const struct app_dlist *dl, int k)
{
	int npts;
	size_t nchars;
	extent(dl, k, &npts, &nchars);
	l->valid = l->shown = false;
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
	/* memcpy wants real pointers even for 0 bytes: a layer with no
	 * points or text has none. */
	if (k > 0)
		memcpy(l->prims, dl->prims, (size_t)k * sizeof(*l->prims));
	if (npts > 0) {
		memcpy(l->xs, dl->xs, (size_t)npts * sizeof(float));
		memcpy(l->ys, dl->ys, (size_t)npts * sizeof(float));
	}
	if (nchars > 0)
		memcpy(l->chars, dl->chars, nchars);
	l->n = k;
	l->npts = npts;
	l->nchars = nchars;
	return l->valid = true;
}
