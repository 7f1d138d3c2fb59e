/* The presenter headless: a clicker's walk through the whole built-in
 * lesson and back, scene jumps, and the story each scene must show. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include <gdstep/presenter.h>

#include "harness.h"
#include "runs.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	int scene;    /* 0-based scene of the built-in lesson */
	double w_end; /* where the scene's planned steps end (approx) */
	double tol;
	enum gd_status status; /* at the planned end */
};

/* Presenters hold a run with a fixed history: static, not on the stack. */
static struct gd_presenter pres;
static struct gd_lesson lesson;

/* Starts p anew, freeing the run of a start before. */
static void pres_init(struct gd_presenter *p, const struct gd_lesson *l, int k)
{
	gd_presenter_finish(p);
	gd_presenter_init(p, l, k);
}

struct state {
	int scene;
	long step;
	double w, v, E, dEdw, rate, momentum;
	size_t len;
	enum gd_status status;
};

static struct state state(void)
{
	return (struct state){ pres.scene,
			       pres.run->step,
			       pres.run->w[0],
			       pres.run->state[GD_GD_V][0],
			       pres.run->E,
			       pres.run->grad[0],
			       gd_run_rate(pres.run),
			       gd_run_momentum(pres.run),
			       gd_run_history_len(pres.run),
			       pres.run->status };
}

static bool state_eq(const struct state *a, const struct state *b)
{
	return a->scene == b->scene && a->step == b->step &&
	       same_bits(a->w, b->w) && same_bits(a->v, b->v) &&
	       same_bits(a->E, b->E) && same_bits(a->dEdw, b->dEdw) &&
	       same_bits(a->rate, b->rate) &&
	       same_bits(a->momentum, b->momentum) && a->len == b->len &&
	       a->status == b->status;
}

#define MAX_VISITS 20000
static struct state visits[MAX_VISITS];

/* Next to the very end, then Back to the start: the same states in
 * reverse, and the first one restored bit for bit. */
static void check_walk(const struct tcase *t)
{
	(void)t;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	pres_init(&pres, &lesson, 0);
	int n = 0;
	visits[n++] = state();
	int last = lesson.count - 1;
	while (!(pres.scene == last &&
		 pres.run->step >= lesson.scenes[last].steps)) {
		enum gd_move m = gd_presenter_next(&pres, NULL);
		CHECK(m != GD_MOVE_NONE);
		CHECK(n < MAX_VISITS);
		visits[n++] = state();
		/* Forward order: the next step, or the next scene at 0. */
		const struct state *a = &visits[n - 2], *b = &visits[n - 1];
		if (m == GD_MOVE_STEPPED)
			CHECK(b->scene == a->scene && b->step == a->step + 1);
		else
			CHECK(b->scene == a->scene + 1 && b->step == 0 &&
			      a->step == lesson.scenes[a->scene].steps);
	}
	/* Every scene and every planned step was seen. */
	long expect = 0;
	for (int i = 0; i < lesson.count; i++)
		expect += lesson.scenes[i].steps + 1;
	CHECK(n == expect);
	for (int i = n - 2; i >= 0; i--) {
		enum gd_move m = gd_presenter_back(&pres);
		CHECK(m != GD_MOVE_NONE);
		struct state s = state();
		if (!state_eq(&s, &visits[i]))
			fprintf(stderr,
				"back to visit %d: scene %d step %ld, want scene %d step %ld\n",
				i, s.scene, s.step, visits[i].scene,
				visits[i].step);
		CHECK(state_eq(&s, &visits[i]));
	}
	CHECK(gd_presenter_back(&pres) == GD_MOVE_NONE);
	struct state s = state();
	CHECK(state_eq(&s, &visits[0]));
	gd_lesson_finish(&lesson);
}

/* The same presses give the same screen, whatever came before. */
static void check_replay(const struct tcase *t)
{
	(void)t;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	pres_init(&pres, &lesson, 0);
	for (int i = 0; i < 40; i++)
		gd_presenter_next(&pres, NULL);
	struct state a = state();
	/* Wander: jump about, step, restart, come back the same way. */
	CHECK(gd_presenter_goto(&pres, 8));
	for (int i = 0; i < 7; i++)
		gd_presenter_next(&pres, NULL);
	gd_presenter_restart_scene(&pres);
	CHECK(pres.run->step == 0);
	pres_init(&pres, &lesson, 0);
	for (int i = 0; i < 40; i++)
		gd_presenter_next(&pres, NULL);
	struct state b = state();
	CHECK(state_eq(&a, &b));
	gd_lesson_finish(&lesson);
}

static void check_jumps(const struct tcase *t)
{
	(void)t;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	pres_init(&pres, &lesson, 99);
	CHECK(pres.scene == lesson.count - 1);
	pres_init(&pres, &lesson, -3);
	CHECK(pres.scene == 0);
	CHECK(!gd_presenter_goto(&pres, lesson.count));
	CHECK(!gd_presenter_goto(&pres, -1));
	CHECK(pres.scene == 0);
	CHECK(gd_presenter_goto_end(&pres, 3));
	CHECK(pres.scene == 3 && pres.run->step == lesson.scenes[3].steps);
	CHECK(gd_presenter_scene(&pres) == &lesson.scenes[3]);
	/* Back at step 0 of scene 4 shows scene 3's end. */
	CHECK(gd_presenter_goto(&pres, 4));
	CHECK(gd_presenter_back(&pres) == GD_MOVE_SCENE);
	CHECK(pres.scene == 3 && pres.run->step == lesson.scenes[3].steps);
	/* The last scene keeps stepping past its plan. */
	CHECK(gd_presenter_goto_end(&pres, lesson.count - 1));
	CHECK(gd_presenter_next(&pres, NULL) == GD_MOVE_STEPPED);
	CHECK(pres.scene == lesson.count - 1);
	gd_lesson_finish(&lesson);
}

/* A diverging scene ends where it diverges; the clicker moves on. */
static void check_diverging_scene(const struct tcase *t)
{
	(void)t;
	struct gd_scene sc[2] = { 0 };
	gd_curve_default(&sc[0].curve, GD_CURVE_BOWL);
	sc[0].w0[0] = 2;
	sc[0].opt.hyper[GD_HYPER_RATE] = 5; /* ×(−9) per step: past 1e12 within 13 steps */
	sc[0].steps = 100;
	sc[1] = sc[0];
	sc[1].opt.hyper[GD_HYPER_RATE] = 0.1;
	sc[1].steps = 3;
	struct gd_lesson l = { .count = 2, .scenes = sc };
	pres_init(&pres, &l, 0);
	long k = 0;
	while (gd_presenter_next(&pres, NULL) == GD_MOVE_STEPPED)
		k++;
	CHECK(k > 5 && k < 100);
	CHECK(pres.scene == 1 && pres.run->step == 0);
	CHECK(gd_presenter_back(&pres) == GD_MOVE_SCENE);
	CHECK(pres.scene == 0 && pres.run->step == k);
	/* Unplanned: Next steps, never leaves. */
	sc[1].steps = GD_SCENE_UNPLANNED;
	sc[0].opt.hyper[GD_HYPER_RATE] = 0.1;
	sc[0].steps = GD_SCENE_UNPLANNED;
	pres_init(&pres, &l, 0);
	for (int i = 0; i < 50; i++)
		CHECK(gd_presenter_next(&pres, NULL) == GD_MOVE_STEPPED);
	CHECK(pres.scene == 0);
	/* An unplanned scene that diverges stays: Back could not return to
	 * where it diverged. */
	sc[0].opt.hyper[GD_HYPER_RATE] = 5;
	pres_init(&pres, &l, 0);
	while (gd_presenter_next(&pres, NULL) == GD_MOVE_STEPPED)
		;
	CHECK(pres.scene == 0 && pres.run->status == GD_STATUS_DIVERGED);
	CHECK(gd_presenter_next(&pres, NULL) == GD_MOVE_NONE);
	/* goto_end of an unplanned scene is its start. */
	CHECK(gd_presenter_goto_end(&pres, 1) && pres.run->step == 0);
}

/* Each built-in scene's planned steps end where its story says. */
static void check_story(const struct tcase *t)
{
	CHECK(gd_lesson_builtin(&lesson) == 0);
	pres_init(&pres, &lesson, 0);
	CHECK(gd_presenter_goto_end(&pres, t->scene));
	CHECK(pres.run->step == lesson.scenes[t->scene].steps);
	CHECK_APPROX(pres.run->w[0], t->w_end, t->tol, 0);
	CHECK(pres.run->status == t->status);
	gd_lesson_finish(&lesson);
}

/* Every run's w, state, E and step, bits compared. */
struct multi {
	int n;
	long step[GD_SCENE_RUNS];
	double w[GD_SCENE_RUNS], s0[GD_SCENE_RUNS], E[GD_SCENE_RUNS];
	enum gd_status status[GD_SCENE_RUNS];
};

static struct multi multi(void)
{
	struct multi m = { .n = pres.nruns };
	for (int i = 0; i < pres.nruns; i++) {
		const struct gd_run *r = gd_presenter_run(&pres, i);
		m.step[i] = r->step;
		m.w[i] = r->w[0];
		m.s0[i] = r->state[0][0];
		m.E[i] = r->E;
		m.status[i] = r->status;
	}
	return m;
}

static bool multi_eq(const struct multi *a, const struct multi *b)
{
	bool same = a->n == b->n;
	for (int i = 0; same && i < a->n; i++)
		same = a->step[i] == b->step[i] && same_bits(a->w[i], b->w[i]) &&
		       same_bits(a->s0[i], b->s0[i]) &&
		       same_bits(a->E[i], b->E[i]) &&
		       a->status[i] == b->status[i];
	return same;
}

/* Three runs, one of which diverges early: it stays where it stopped while
 * the others go on; Back undoes them together, and stepping again gives
 * the same states, bit for bit. */
static void check_multi(const struct tcase *t)
{
	(void)t;
	static struct gd_scene sc;
	static struct multi seen[41];
	struct gd_lesson l = { .count = 1, .scenes = &sc };
	gd_curve_default(&sc.curve, GD_CURVE_BOWL);
	sc.w0[0] = 2;
	sc.steps = GD_SCENE_UNPLANNED;
	gd_optim_default(&sc.opt, GD_OPTIMIZER_GD, 0.1);
	gd_optim_default(&sc.also[0], GD_OPTIMIZER_GD, 50);
	gd_optim_default(&sc.also[1], GD_OPTIMIZER_ADAM, 0.3);
	sc.nruns = 3;
	pres_init(&pres, &l, 0);
	CHECK(pres.nruns == 3);
	seen[0] = multi();
	for (int i = 1; i <= 40; i++) {
		CHECK(gd_presenter_next(&pres, NULL) == GD_MOVE_STEPPED);
		seen[i] = multi();
	}
	const struct gd_run *wild = gd_presenter_run(&pres, 1);
	CHECK(wild->status == GD_STATUS_DIVERGED && wild->step < 40);
	CHECK(pres.run->step == 40 && gd_presenter_run(&pres, 2)->step == 40);
	CHECK(gd_presenter_step(&pres) == 40);
	CHECK(gd_presenter_run(&pres, 2)->opt.kind == GD_OPTIMIZER_ADAM);
	for (int i = 39; i >= 0; i--) {
		CHECK(gd_presenter_back(&pres) == GD_MOVE_STEPPED);
		struct multi m = multi();
		CHECK(multi_eq(&m, &seen[i]));
	}
	for (int i = 1; i <= 40; i++) {
		gd_presenter_next(&pres, NULL);
		struct multi m = multi();
		CHECK(multi_eq(&m, &seen[i]));
	}
	gd_presenter_finish(&pres);
}

/* The wells in two weights (scene 15): plain descent settles in the local
 * valley near (0.960, 0), momentum beside it in the global one near
 * (−1.036, 0); w₂ falls to 0 in both. */
static void check_wells2_story(const struct tcase *t)
{
	(void)t;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	pres_init(&pres, &lesson, 14);
	CHECK(pres.nruns == 2 && pres.run->dim == 2);
	CHECK(pres.run->curve.kind == GD_CURVE_WELLS2);
	CHECK(gd_presenter_goto_end(&pres, 14));
	const struct gd_run *plain = pres.run,
			    *heavy = gd_presenter_run(&pres, 1);
	CHECK(plain->step == 150 && heavy->step == 150);
	CHECK(fabs(plain->w[0] - 0.9601) < 1e-3 && fabs(plain->w[1]) < 0.01);
	CHECK(fabs(heavy->w[0] + 1.0356) < 5e-3 && fabs(heavy->w[1]) < 0.01);
	CHECK(gd_run_momentum(heavy) == 0.9 && gd_run_momentum(plain) == 0);
	gd_presenter_finish(&pres);
	gd_lesson_finish(&lesson);
}

/* The built-in comparison scenes' story: the bowl's four regimes at once,
 * momentum out of the trap, Adam far ahead of plain descent. */
static void check_compare_story(const struct tcase *t)
{
	(void)t;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	pres_init(&pres, &lesson, 15);
	CHECK(pres.nruns == 4);
	gd_presenter_goto_end(&pres, 15);
	CHECK(gd_presenter_run(&pres, 1)->status == GD_STATUS_CONVERGED);
	CHECK(gd_presenter_run(&pres, 2)->status == GD_STATUS_OSCILLATING);
	CHECK(fabs(gd_presenter_run(&pres, 3)->w[0]) > 2);
	gd_presenter_goto_end(&pres, 16);
	CHECK(pres.nruns == 3);
	CHECK(fabs(pres.run->w[0] - 0.96) < 0.01);
	CHECK(fabs(gd_presenter_run(&pres, 1)->w[0] + 1.036) < 0.01);
	CHECK(fabs(gd_presenter_run(&pres, 2)->w[0] + 1.036) < 0.01);
	gd_presenter_goto_end(&pres, 17);
	CHECK(pres.run->w[0] > -1.1);
	CHECK(gd_presenter_run(&pres, 1)->w[0] < -15);
	CHECK(gd_presenter_run(&pres, 2)->w[0] < -7);
	gd_presenter_finish(&pres);
	gd_lesson_finish(&lesson);
}

static const struct tcase cases[] = {
	{ .name = "presenter-runs-together", .run = check_multi },
	{ .name = "story-compare-scenes", .run = check_compare_story },
	{ .name = "story-wells2", .run = check_wells2_story },
	{ .name = "presenter-walk-builtin", .run = check_walk },
	{ .name = "presenter-replay", .run = check_replay },
	{ .name = "presenter-jumps", .run = check_jumps },
	{ .name = "presenter-diverging-scene", .run = check_diverging_scene },
	{ .name = "story-slope-one-step",
	  .run = check_story,
	  .scene = 0,
	  .w_end = 1.6,
	  .tol = 1e-12,
	  .status = GD_STATUS_STEPPING },
	{ .name = "story-creeps",
	  .run = check_story,
	  .scene = 1,
	  .w_end = 0.0075557863725914313,
	  .tol = 1e-9,
	  .status = GD_STATUS_STEPPING },
	{ .name = "story-one-step",
	  .run = check_story,
	  .scene = 2,
	  .w_end = 0,
	  .tol = 0,
	  .status = GD_STATUS_CONVERGED },
	{ .name = "story-oscillates",
	  .run = check_story,
	  .scene = 3,
	  .w_end = 0.004353564672,
	  .tol = 1e-9,
	  .status = GD_STATUS_OSCILLATING },
	{ .name = "story-bounces",
	  .run = check_story,
	  .scene = 4,
	  .w_end = 2,
	  .tol = 0,
	  .status = GD_STATUS_OSCILLATING },
	{ .name = "story-diverges",
	  .run = check_story,
	  .scene = 5,
	  .w_end = 17.832200896512,
	  .tol = 1e-6,
	  .status = GD_STATUS_OSCILLATING },
	{ .name = "story-abs-bounces",
	  .run = check_story,
	  .scene = 6,
	  .w_end = 1.2,
	  .tol = 1e-9,
	  .status = GD_STATUS_OSCILLATING },
	{ .name = "story-neuron",
	  .run = check_story,
	  .scene = 7,
	  .w_end = -0.8 - 3 * 0.003964,
	  .tol = 1e-4,
	  .status = GD_STATUS_STEPPING },
	{ .name = "story-trapped",
	  .run = check_story,
	  .scene = 8,
	  .w_end = 0.9602,
	  .tol = 1e-3,
	  .status = GD_STATUS_STEPPING },
	{ .name = "story-momentum",
	  .run = check_story,
	  .scene = 9,
	  .w_end = -1.0355,
	  .tol = 5e-3,
	  .status = GD_STATUS_STEPPING },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
