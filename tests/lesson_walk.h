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
