/*
 * The clicker's walk through a lesson. Forward, each scene is seen at
 * steps 0, 1, …, planned; Next there enters the next scene at step 0.
 * Backward is the same walk reversed: undo inside a scene (undo restores
 * recorded states, so it is exact), and at step 0 the previous scene
 * replayed from its own start to its planned end. Replaying rather than
 * remembering keeps the state a pure function of the presses.
 *
 * A scene whose run diverges before its planned count ends where it
 * diverged: Next there moves on (a clicker must never get stuck), and
 * the replay of goto_end stops at the same step. An unplanned scene never
 * ends by Next (N leaves it), so Back into it lands on its start.
 */
#include <gdstep/presenter.h>

/* A checked lesson always starts; a bad scene leaves the run as it was.
 * A run that cannot be made (no memory) leaves the scene with fewer. */
static void enter(struct gd_presenter *p, int k)
{
	const struct gd_scene *s = &p->lesson->scenes[k];
	p->scene = k;
	gd_run_start_on(p->run, &s->curve, s->w0, &s->opt);
	p->nruns = 1;
	for (int i = 1; i < gd_scene_runs(s); i++) {
		struct gd_run **r = &p->others[i - 1];
		const struct gd_optim *o = gd_scene_optim(s, i);
		if (*r ? gd_run_start_on(*r, &s->curve, s->w0, o) < 0 :
			 gd_run_create(r, &s->curve, s->w0, o) < 0)
			break;
		p->nruns = i + 1;
	}
}

struct gd_run *gd_presenter_run(const struct gd_presenter *p, int i)
{
	if (i < 0 || i >= p->nruns)
		return NULL;
	return i == 0 ? p->run : p->others[i - 1];
}

long gd_presenter_step(const struct gd_presenter *p)
{
	long step = 0;
	for (int i = 0; i < p->nruns; i++)
		if (gd_presenter_run(p, i)->step > step)
			step = gd_presenter_run(p, i)->step;
	return step;
}

/* One update of every run that can step; whether any did. */
static bool step_all(struct gd_presenter *p, struct gd_update *out)
{
	bool any = gd_run_step(p->run, out);
	for (int i = 1; i < p->nruns; i++)
		any |= gd_run_step(p->others[i - 1], NULL);
	return any;
}

int gd_presenter_init(struct gd_presenter *p, const struct gd_lesson *lesson, int k)
{
	p->lesson = lesson;
	if (k >= lesson->count)
		k = lesson->count - 1;
	if (k < 0)
		k = 0;
	const struct gd_scene *s = &lesson->scenes[k];
	p->scene = k;
	p->nruns = 1;
	for (int i = 0; i < GD_SCENE_RUNS - 1; i++)
		p->others[i] = NULL;
	int r = gd_run_create(&p->run, &s->curve, s->w0, &s->opt);
	if (r == 0)
		enter(p, k);
	return r;
}

void gd_presenter_finish(struct gd_presenter *p)
{
	if (!p)
		return;
	gd_run_destroy(p->run);
	p->run = NULL;
	for (int i = 0; i < GD_SCENE_RUNS - 1; i++) {
		gd_run_destroy(p->others[i]);
		p->others[i] = NULL;
	}
	p->nruns = 0;
}

const struct gd_scene *gd_presenter_scene(const struct gd_presenter *p)
{
	return &p->lesson->scenes[p->scene];
}

static bool at_planned_end(const struct gd_presenter *p)
{
	long planned = gd_presenter_scene(p)->steps;
	return planned != GD_SCENE_UNPLANNED && gd_presenter_step(p) >= planned;
}

enum gd_move gd_presenter_next(struct gd_presenter *p, struct gd_update *out)
{
	bool last = p->scene + 1 >= p->lesson->count;
	if (!last && at_planned_end(p)) {
		enter(p, p->scene + 1);
		return GD_MOVE_SCENE;
	}
	if (step_all(p, out))
		return GD_MOVE_STEPPED;
	/* Diverged before the plan: the scene ends here. An unplanned scene
	 * has no end that Back could return to, so it stays. */
	if (!last && gd_presenter_scene(p)->steps != GD_SCENE_UNPLANNED) {
		enter(p, p->scene + 1);
		return GD_MOVE_SCENE;
	}
	return GD_MOVE_NONE;
}

enum gd_move gd_presenter_back(struct gd_presenter *p)
{
	long step = gd_presenter_step(p);
	if (step > 0) {
		/* An empty history with steps behind (more than the history
		 * holds were taken by hand) goes back to the scene's start. */
		for (int i = 0; i < p->nruns; i++) {
			struct gd_run *r = gd_presenter_run(p, i);
			if (r->step == step && !gd_run_undo(r)) {
				enter(p, p->scene);
				return GD_MOVE_STEPPED;
			}
		}
		/* A run that stopped here had not yet been refused a step
		 * when the scene first stood here. */
		for (int i = 0; i < p->nruns; i++) {
			struct gd_run *r = gd_presenter_run(p, i);
			if (r->step == step - 1)
				gd_run_recheck(r);
		}
		return GD_MOVE_STEPPED;
	}
	if (p->scene == 0)
		return GD_MOVE_NONE;
	gd_presenter_goto_end(p, p->scene - 1);
	return GD_MOVE_SCENE;
}

bool gd_presenter_goto(struct gd_presenter *p, int k)
{
	if (k < 0 || k >= p->lesson->count)
		return false;
	enter(p, k);
	return true;
}

bool gd_presenter_goto_end(struct gd_presenter *p, int k)
{
	if (!gd_presenter_goto(p, k))
		return false;
	long planned = gd_presenter_scene(p)->steps;
	for (long i = 0; i < planned && step_all(p, NULL); i++)
		;
	return true;
}

void gd_presenter_restart_scene(struct gd_presenter *p)
{
	enter(p, p->scene);
}
