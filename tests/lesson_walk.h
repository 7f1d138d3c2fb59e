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

static inline bool lesson_walk_restores(const struct gd_lesson *l)
{
	static struct gd_presenter p;
	gd_presenter_init(&p, l, 0);
	double w = p.run.w;
	int n = 0;
	while (n < 300 && gd_presenter_next(&p, NULL) != GD_MOVE_NONE)
		n++;
	for (int i = 0; i < n; i++)
		if (gd_presenter_back(&p) == GD_MOVE_NONE)
			return false;
	return p.scene == 0 && p.run.step == 0 &&
	       memcmp(&p.run.w, &w, sizeof(w)) == 0;
}

#endif
