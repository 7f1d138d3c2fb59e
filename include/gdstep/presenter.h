/*
 * Moving through a lesson the way a clicker does, headless (no window
 * library): the window and the tests drive it alike.
 *
 * Next: inside a scene, one update; at the scene's planned step count, the
 * next scene at step 0 (the last scene, and an unplanned one, keep
 * stepping). A run that diverges before its planned count ends its scene
 * there: Next moves on instead of sticking (an unplanned scene stays: N
 * leaves it). Back: one undo; at step 0, the
 * previous scene shown at its last planned step (replayed from its start,
 * so the same presses always give the same state).
 *
 * A scene may have several runs (gd_scene_runs): they start together at
 * the scene's w0, step together on Next and undo together on Back. A run
 * that diverged stays where it was while the others go on; the scene's
 * step is the most any run has taken, and Back undoes the runs that are
 * at that step, so going back and forth again gives the same states.
 *
 * The presenter owns its runs: init creates them, finish destroys them. The
 * lesson must outlive it and have at least one scene.
 */
#ifndef GDSTEP_PRESENTER_H
#define GDSTEP_PRESENTER_H

#include <stdbool.h>

#include <gdstep/lesson.h>
#include <gdstep/run.h>

enum gd_move {
	GD_MOVE_NONE,    /* nothing changed (first scene at step 0, diverged) */
	GD_MOVE_STEPPED, /* one update applied (or undone) */
	GD_MOVE_SCENE,   /* another scene */
};

struct gd_presenter {
	const struct gd_lesson *lesson; /* borrowed */
	int scene;                      /* 0-based */
	struct gd_run *run;             /* owned: the first run */
	int nruns;                      /* runs of this scene, 1 … */
	/* Runs 2 … nruns (owned; made when a scene first needs them and
	 * kept for the next scenes). */
	struct gd_run *others[GD_SCENE_RUNS - 1];
};

/* Starts at scene k (clamped into range), step 0. Returns 0, or -EINVAL
 * (a scene the run refuses) or -ENOMEM; the presenter then has no run
 * and needs no finish. */
int gd_presenter_init(struct gd_presenter *p, const struct gd_lesson *lesson,
		      int k);

/* Frees the run; accepts NULL and a presenter whose init failed. */
void gd_presenter_finish(struct gd_presenter *p);

/* The current scene. */
const struct gd_scene *gd_presenter_scene(const struct gd_presenter *p);

/* Run i of the scene (0: p->run), or NULL for i out of range. */
struct gd_run *gd_presenter_run(const struct gd_presenter *p, int i);

/* The scene's step: the most updates any of its runs has applied. */
long gd_presenter_step(const struct gd_presenter *p);

/* Next, as above. When it steps, the first run's update goes to *out (may
 * be NULL; untouched if the first run diverged and another stepped). */
enum gd_move gd_presenter_next(struct gd_presenter *p, struct gd_update *out);

/* Back, as above. */
enum gd_move gd_presenter_back(struct gd_presenter *p);

/* Scene k (0-based) at step 0; returns false if k is out of range. */
bool gd_presenter_goto(struct gd_presenter *p, int k);

/* Scene k at its last planned step (replayed); false if out of range. */
bool gd_presenter_goto_end(struct gd_presenter *p, int k);

/* Restarts the current scene from its own start, η and β. */
void gd_presenter_restart_scene(struct gd_presenter *p);

#endif
