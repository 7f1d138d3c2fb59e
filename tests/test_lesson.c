/* Lessons: the built-in lesson, lesson files (every error with its line),
 * the shipped .ini against the built-in lesson, and round trips. */
#include <errno.h>
#include <stdlib.h>

#include <gdstep/lesson.h>

#include "harness.h"
#include "gdstep-config.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *text; /* a lesson file's text */
	int line;         /* the error's line */
	const char *want; /* text the message contains */
};

static bool scene_eq(const struct gd_scene *a, const struct gd_scene *b)
{
	const struct gd_curve *p = &a->curve, *q = &b->curve;
	bool same = strcmp(a->title, b->title) == 0 &&
		    strcmp(a->title_zh, b->title_zh) == 0 &&
		    strcmp(a->caption, b->caption) == 0 &&
		    strcmp(a->caption_zh, b->caption_zh) == 0 &&
		    p->kind == q->kind && same_bits(p->a, q->a) &&
		    same_bits(p->c, q->c) && p->n == q->n &&
		    same_bits(a->w0, b->w0) && same_bits(a->rate, b->rate) &&
		    same_bits(a->momentum, b->momentum) &&
		    a->steps == b->steps && a->has_range == b->has_range;
	for (int u = 0; same && u < p->n; u++)
		same = same_bits(p->x[u], q->x[u]) &&
		       same_bits(p->b[u], q->b[u]) && same_bits(p->y[u], q->y[u]);
	if (same && a->has_range)
		same = same_bits(a->wmin, b->wmin) && same_bits(a->wmax, b->wmax);
	return same;
}

static bool lesson_eq(const struct gd_lesson *a, const struct gd_lesson *b)
{
	if (a->count != b->count || strcmp(a->title, b->title) ||
	    strcmp(a->title_zh, b->title_zh))
		return false;
	for (int i = 0; i < a->count; i++)
		if (!scene_eq(&a->scenes[i], &b->scenes[i])) {
			fprintf(stderr, "scene %d differs\n", i + 1);
			return false;
		}
	return true;
}

static void check_builtin(const struct tcase *t)
{
	(void)t;
	struct gd_lesson l;
	CHECK(gd_lesson_builtin(&l) == 0);
	CHECK(l.count == 11);
	for (int i = 0; i < l.count; i++) {
		const struct gd_scene *s = &l.scenes[i];
		CHECK(s->title[0] && s->title_zh[0] && s->caption[0] &&
		      s->caption_zh[0]);
		CHECK(s->steps >= 0 && s->steps <= GD_LESSON_MAX_STEPS);
		CHECK(gd_curve_check(&s->curve) == 0);
	}
	/* Scene 1 is PRODUCT.md's bowl default: E = w², w0 = 2, η = 0.1. */
	CHECK(l.scenes[0].curve.kind == GD_CURVE_BOWL && l.scenes[0].w0 == 2 &&
	      l.scenes[0].rate == 0.1 && l.scenes[0].momentum == 0);
	CHECK(strcmp(gd_scene_title(&l.scenes[0], "zh"), l.scenes[0].title_zh) == 0);
	CHECK(strcmp(gd_scene_caption(&l.scenes[0], "en"), l.scenes[0].caption) == 0);
	gd_lesson_finish(&l);
	gd_lesson_finish(&l);
	gd_lesson_finish(NULL);
}

/* format, then parse: the same lesson, doubles bit for bit. */
static void check_round_trip_builtin(const struct tcase *t)
{
	(void)t;
	struct gd_lesson a, b;
	struct gd_lesson_error err;
	CHECK(gd_lesson_builtin(&a) == 0);
	char *text = gd_lesson_format(&a);
	CHECK(text);
	int r = gd_lesson_parse(&b, text, strlen(text), &err);
	if (r)
		fprintf(stderr, "line %d: %s\n", err.line, err.message);
	CHECK(r == 0);
	CHECK(lesson_eq(&a, &b));
	free(text);
	gd_lesson_finish(&a);
	gd_lesson_finish(&b);
}

static const struct tcase cases[] = {
	{ .name = "lesson-builtin", .run = check_builtin },
	{ .name = "lesson-round-trip-builtin", .run = check_round_trip_builtin },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
