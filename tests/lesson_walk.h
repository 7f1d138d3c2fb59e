/*
 * The clicker property, shared by the lesson tests and the fuzz target: a
 * walk forward (up to 300 presses of Next, stopping where Next does
 * nothing) and as many presses of Back restores the first scene's first
 * state bit for bit.
 */
#ifndef GDSTEP_TESTS_LESSON_WALK_H
#define GDSTEP_TESTS_LESSON_WALK_H

#include <stdbool.h>
#include <string.h>

#include <gdstep/presenter.h>

/* Whether n doubles are the same bit for bit. */
static inline bool lesson_same_bits(const double *a, const double *b, int n)
{
	return memcmp(a, b, sizeof(*a) * (size_t)n) == 0;
}

/* Whether two scenes are the same, every number bit for bit: what a
 * format → parse round trip must keep. */
static inline bool lesson_scene_same(const struct gd_scene *a,
				     const struct gd_scene *b)
{
	const struct gd_curve *p = &a->curve, *q = &b->curve;
	if (strcmp(a->title, b->title) || strcmp(a->title_zh, b->title_zh) ||
	    strcmp(a->caption, b->caption) ||
	    strcmp(a->caption_zh, b->caption_zh) || p->kind != q->kind ||
	    p->n != q->n || a->opt.kind != b->opt.kind || a->steps != b->steps ||
	    a->has_range != b->has_range || a->question != b->question)
		return false;
	if (!lesson_same_bits(&a->target, &b->target, 1) ||
	    !lesson_same_bits(&a->tolerance, &b->tolerance, 1))
		return false;
	bool same = lesson_same_bits(p->p, q->p, GD_CURVE_PARAMS) &&
		    lesson_same_bits(a->w0, b->w0, GD_DIM_MAX) &&
		    lesson_same_bits(a->opt.hyper, b->opt.hyper, GD_OPT_HYPER);
	for (int i = 0; same && i < GD_CURVE_LISTS; i++)
		same = lesson_same_bits(p->list[i], q->list[i], p->n);
	same = same && gd_scene_runs(a) == gd_scene_runs(b);
	for (int r = 0; same && r < gd_scene_runs(a); r++) {
		const struct gd_optim *x = gd_scene_optim(a, r);
		const struct gd_optim *y = gd_scene_optim(b, r);
		same = x->kind == y->kind &&
		       lesson_same_bits(x->hyper, y->hyper, GD_OPT_HYPER);
	}
	if (same && a->has_range)
		same = lesson_same_bits(&a->wmin, &b->wmin, 1) &&
		       lesson_same_bits(&a->wmax, &b->wmax, 1);
	return same;
}

static inline bool lesson_walk_restores(const struct gd_lesson *l)
{
	struct gd_presenter p;
	if (gd_presenter_init(&p, l, 0) < 0)
		return false;
	double w = p.run->w[0];
	int n = 0;
	while (n < 300 && gd_presenter_next(&p, NULL) != GD_MOVE_NONE)
		n++;
	bool ok = true;
	for (int i = 0; ok && i < n; i++)
		ok = gd_presenter_back(&p) != GD_MOVE_NONE;
	ok = ok && p.scene == 0 && p.run->step == 0 &&
	     memcmp(&p.run->w[0], &w, sizeof(w)) == 0;
	gd_presenter_finish(&p);
	return ok;
}

#endif
