/*
 * Predict, then reveal (G), headless: what sequences of keys and clicks
 * leave in the guess, the run and the score, the --echo line of a
 * revealed guess, and the display list while the step is hidden (no next
 * point, no step arrow, no Δw label, no update's numbers) and after the
 * reveal.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/utf8.h>

#include "actions.h"
#include "dlist.h"
#include "frame.h"
#include "lang.h"
#include "predict.h"

#include "harness.h"

enum op_kind { OP_END, OP_ACT, OP_CLICK, OP_TICK };

struct op {
	enum op_kind kind;
	enum app_action act;
	double a, b; /* OP_CLICK: the world point; OP_TICK: ms to advance */
};

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_curve_kind kind;
	double w0, w0b, rate;
	int scenes;                /* 0: one */
	enum gd_question question; /* every scene's */
	double target, tol;
	long planned; /* > 0: each scene's planned steps, else none */
	const struct op *ops;
	/* expected afterwards */
	bool on, has_guess;
	long step;
	int scene;
	int guesses, right;
	double mean;        /* the score's mean error */
	double w;           /* the run's w */
	const char *echo;   /* the last --echo guess line, or NULL: none */
	int kept_scene0;    /* scene 0's kept score, after leaving it */
	bool tried, landed; /* one-step: the answer */
	bool summary;       /* the answers on screen */
	bool anim;          /* frame: build mid-animation */
	bool want[APP_ROLE_COUNT];  /* frame: these roles are drawn … */
	bool never[APP_ROLE_COUNT]; /* … and these are not */
	const char *says;           /* frame: some text contains this */
	const char *not_says;       /* frame: no text contains this */
};

#define G                                     \
	{                                     \
		OP_ACT, APP_ACT_PREDICT, 0, 0 \
	}
#define NEXT                               \
	{                                  \
		OP_ACT, APP_ACT_NEXT, 0, 0 \
	}
#define BACK                               \
	{                                  \
		OP_ACT, APP_ACT_BACK, 0, 0 \
	}
#define RESET                               \
	{                                   \
		OP_ACT, APP_ACT_RESET, 0, 0 \
	}
#define RUN                               \
	{                                 \
		OP_ACT, APP_ACT_RUN, 0, 0 \
	}
#define SCENE_NEXT                               \
	{                                        \
		OP_ACT, APP_ACT_SCENE_NEXT, 0, 0 \
	}
#define SCENE_PREV                               \
	{                                        \
		OP_ACT, APP_ACT_SCENE_PREV, 0, 0 \
	}
#define CLICK(x, y)                              \
	{                                        \
		OP_CLICK, APP_ACT_NONE, (x), (y) \
	}
#define TICK(ms)                               \
	{                                      \
		OP_TICK, APP_ACT_NONE, (ms), 0 \
	}
#define UP                                    \
	{                                     \
		OP_ACT, APP_ACT_RATE_UP, 0, 0 \
	}
#define OPS(...) ((const struct op[]){ __VA_ARGS__, { OP_END, 0, 0, 0 } })

struct fixture {
	struct gd_lesson lesson;
	struct app_state *s;
	double now;
	char echo[256];
};

static void setup(struct fixture *f, const struct tcase *t)
{
	memset(f, 0, sizeof(*f));
	int n = t->scenes > 0 ? t->scenes : 1;
	f->lesson.count = n;
	f->lesson.scenes = calloc((size_t)n, sizeof(*f->lesson.scenes));
	for (int k = 0; k < n; k++) {
		struct gd_scene *sc = &f->lesson.scenes[k];
		gd_curve_default(&sc->curve, t->kind);
		sc->w0[0] = t->w0;
		sc->w0[1] = t->w0b;
		sc->opt.hyper[GD_HYPER_RATE] = t->rate;
		sc->steps = t->planned > 0 ? t->planned : GD_SCENE_UNPLANNED;
		sc->question = t->question;
		sc->target = t->target;
		sc->tolerance = t->tol;
		snprintf(sc->title, sizeof(sc->title), "predict %d", k + 1);
	}
	f->s = calloc(1, sizeof(*f->s));
	if (!f->s || app_state_init(f->s, &f->lesson, 0))
		abort(); /* out of memory: no test to run */
	f->now = 1000;
}

static void play(struct fixture *f, const struct op *ops)
{
	struct app_result r;
	for (const struct op *o = ops; o->kind != OP_END; o++) {
		r.fx = 0;
		double wait;
		switch (o->kind) {
		case OP_ACT:
			app_apply(f->s, o->act, f->now, &r);
			break;
		case OP_CLICK:
			app_click_at(f->s, o->a, o->b, &r);
			break;
		case OP_TICK:
			f->now += o->a;
			app_tick(f->s, f->now, &r, &wait);
			break;
		default:
			break;
		}
		if (r.fx & APP_FX_GUESSED)
			app_guess_format(f->echo, sizeof(f->echo), &r.guess);
		f->now += 10;
	}
}

static void teardown(struct fixture *f)
{
	app_state_finish(f->s);
	free(f->s);
	free(f->lesson.scenes);
}

/* The sequence, then the mode, the guess, the run, the score and the
 * echo line. */
static void check_actions(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	play(&f, t->ops);
	const struct app_predict *p = &f.s->predict;
	const struct gd_run *run = app_state_run(f.s);
	fprintf(stderr,
		"on %d guess %d step %ld scene %d score %d/%d %.17g w %.17g echo '%s'\n",
		p->on, p->has_guess, run->step, f.s->pres.scene, p->score.guesses,
		p->score.right, app_score_mean(&p->score), run->w[0], f.echo);
	CHECK(p->on == t->on);
	CHECK(p->has_guess == t->has_guess);
	CHECK(run->step == t->step);
	CHECK(f.s->pres.scene == t->scene);
	CHECK(p->score.guesses == t->guesses);
	CHECK(p->score.right == t->right);
	CHECK_APPROX(app_score_mean(&p->score), t->mean, 1e-12, 1e-9);
	CHECK_APPROX(run->w[0], t->w, 1e-12, 1e-12);
	CHECK(strcmp(f.echo, t->echo ? t->echo : "") == 0);
	CHECK(p->scenes[0].guesses == t->kept_scene0);
	CHECK(p->score.tried == t->tried && p->score.landed == t->landed);
	CHECK(p->summary == t->summary);
	teardown(&f);
}

static int fake_width(void *ctx, const char *s, int px, enum app_face face)
{
	(void)ctx, (void)face;
	return (int)ceil(0.6 * px * (double)gd_utf8_count(s));
}

static int fake_height(void *ctx, int px, enum app_face face)
{
	(void)ctx, (void)face;
	return px * 6 / 5;
}

static bool any_text(const struct app_dlist *dl, const char *needle)
{
	/* The text runs in order, joined by spaces: a sentence the panel
	 * wrapped reads as one. */
	static char all[1 << 16];
	size_t n = 0;
	for (int i = 0; i < dl->n; i++) {
		if (dl->prims[i].kind != APP_PRIM_TEXT)
			continue;
		const char *t = app_dlist_str(dl, &dl->prims[i]);
		size_t len = strlen(t);
		if (n + len + 2 > sizeof(all))
			break;
		memcpy(all + n, t, len);
		n += len;
		all[n++] = ' ';
	}
	all[n] = '\0';
	return strstr(all, needle) != NULL;
}

/* The frame after the sequence: roles drawn and not, text said and not;
 * and no text says nan or inf. */
static void check_frame(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	play(&f, t->ops);
	double now = t->anim ? f.now + 100 : f.now + 1e6;
	if (!t->anim)
		app_anim_finish(f.s);
	struct app_measure m = { .width = fake_width, .height = fake_height };
	struct app_dlist dl;
	struct app_frame_info info;
	app_dlist_init(&dl);
	app_frame_build(&dl, &info, f.s, 1280, 720, now, &m);
	bool seen[APP_ROLE_COUNT] = { false };
	for (int i = 0; i < dl.n; i++)
		seen[dl.prims[i].role] = true;
	for (int r = 0; r < APP_ROLE_COUNT; r++) {
		if (t->want[r] && !seen[r])
			fprintf(stderr, "role %d missing\n", r);
		if (t->never[r] && seen[r])
			fprintf(stderr, "role %d drawn\n", r);
		CHECK(!t->want[r] || seen[r]);
		CHECK(!t->never[r] || !seen[r]);
	}
	if (t->says && !any_text(&dl, t->says))
		fprintf(stderr, "no text says '%s'\n", t->says);
	CHECK(!t->says || any_text(&dl, t->says));
	CHECK(!t->not_says || !any_text(&dl, t->not_says));
	CHECK(!any_text(&dl, "nan") && !any_text(&dl, "inf"));
	/* The guess marker sits where the guess is. */
	const struct app_predict *p = &f.s->predict;
	if (p->has_guess && app_state_run(f.s)->dim == 1) {
		float gx, gy;
		app_view_px(&info.view, p->guess[0], 0, &gx, &gy);
		bool at = false;
		for (int i = 0; i < dl.n; i++)
			if (dl.prims[i].role == APP_ROLE_GUESS &&
			    fabsf(dl.prims[i].box.x + dl.prims[i].box.w / 2 -
				  gx) < 1)
				at = true;
		CHECK(at);
	}
	app_dlist_finish(&dl);
	teardown(&f);
}

/* The built-in lesson asks after the slope scene, after the regimes and
 * momentum in the long valley (not on seed 002's worked example, whose
 * delta rule shows from the start): those scenes start in predict
 * mode, the step hidden. */
static void check_builtin(const struct tcase *t)
{
	(void)t;
	struct gd_lesson l;
	CHECK(gd_lesson_builtin(&l) == 0);
	static const struct {
		int k;
		enum gd_question q;
	} want[] = { { 0, GD_QUESTION_NONE },      { 1, GD_QUESTION_NEXT_W },
		     { 6, GD_QUESTION_DIRECTION }, { 10, GD_QUESTION_NONE },
		     { 11, GD_QUESTION_NONE },     { 12, GD_QUESTION_NEXT_W } };
	struct app_measure m = { .width = fake_width, .height = fake_height };
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct app_state *s = calloc(1, sizeof(*s));
		CHECK(s && app_state_init(s, &l, want[i].k) == 0);
		CHECK(l.scenes[want[i].k].question == want[i].q);
		CHECK(s->predict.on == (want[i].q != GD_QUESTION_NONE));
		struct app_dlist dl;
		struct app_frame_info info;
		app_dlist_init(&dl);
		app_frame_build(&dl, &info, s, 1280, 720, 0, &m);
		bool arrow = false;
		for (int j = 0; j < dl.n; j++)
			arrow |= dl.prims[j].role == APP_ROLE_STEP_ARROW;
		CHECK(arrow == (want[i].q == GD_QUESTION_NONE));
		app_dlist_finish(&dl);
		app_state_finish(s);
		free(s);
	}
	CHECK(app_lesson_asks(&l));
	gd_lesson_finish(&l);
}

/* The hidden parts of a step, on one weight and on the map. */
#define HIDDEN                                                      \
	[APP_ROLE_NEXT_POINT] = true, [APP_ROLE_STEP_ARROW] = true, \
	[APP_ROLE_DW_LABEL] = true, [APP_ROLE_STEP_W1] = true, [APP_ROLE_STEP_W2] = true

static const struct tcase cases[] = {
	{ .name = "predict-builtin-questions", .run = check_builtin },
	{ .name = "predict-guess-reveal",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  /* w 2 → 1.6; the guess 1.5 is 0.1 off, a quarter of the step */
	  .ops = OPS(G, CLICK(1.5, 3), NEXT),
	  .on = true,
	  .step = 1,
	  .guesses = 1,
	  .right = 1,
	  .mean = 0.1,
	  .w = 1.6,
	  .echo = "guess,0,1.5,1.6000000000000001\n" },
	{ .name = "predict-wrong-direction",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(2.5, 0), NEXT),
	  .on = true,
	  .step = 1,
	  .guesses = 1,
	  .right = 0,
	  .mean = 0.9,
	  .w = 1.6,
	  .echo = "guess,0,2.5,1.6000000000000001\n" },
	{ .name = "predict-last-click-counts",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(2.5, 0), CLICK(1.6, 0), NEXT),
	  .on = true,
	  .step = 1,
	  .guesses = 1,
	  .right = 1,
	  .mean = 0,
	  .w = 1.6,
	  .echo = "guess,0,1.6000000000000001,1.6000000000000001\n" },
	{ .name = "predict-next-without-guess",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, NEXT),
	  .on = true,
	  .step = 1,
	  .w = 1.6 },
	{ .name = "predict-guess-waits",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.5, 0)),
	  .on = true,
	  .has_guess = true,
	  .w = 2 },
	{ .name = "predict-undo-takes-back",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.5, 0), NEXT, BACK),
	  .on = true,
	  .w = 2,
	  .echo = "guess,0,1.5,1.6000000000000001\n" },
	{ .name = "predict-back-drops-guess-first",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, NEXT, CLICK(1, 0), BACK),
	  .on = true,
	  .step = 1,
	  .w = 1.6 },
	{ .name = "predict-score-three",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  /* 2 → 1.6 → 1.28 → 1.024: off by 0, 0.28 and 0.476, the last
	   * the wrong way */
	  .ops = OPS(G, CLICK(1.6, 0), NEXT, CLICK(1, 0), NEXT, CLICK(1.5, 0), NEXT),
	  .on = true,
	  .step = 3,
	  .guesses = 3,
	  .right = 2,
	  .mean = (0 + 0.28 + 0.476) / 3,
	  .w = 1.024,
	  .echo = "guess,2,1.5,1.024\n" },
	{ .name = "predict-undo-one-of-three",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.6, 0), NEXT, CLICK(1, 0), NEXT, CLICK(1.5, 0),
		     NEXT, BACK),
	  .on = true,
	  .step = 2,
	  .guesses = 2,
	  .right = 2,
	  .mean = 0.14,
	  .w = 1.28,
	  .echo = "guess,2,1.5,1.024\n" },
	{ .name = "predict-reset-clears-score",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.6, 0), NEXT, CLICK(1, 0), RESET),
	  .on = true,
	  .w = 2,
	  .echo = "guess,0,1.6000000000000001,1.6000000000000001\n" },
	{ .name = "predict-off-drops-guess",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.5, 0), G, NEXT),
	  .step = 1,
	  .w = 1.6 },
	{ .name = "predict-off-click-starts-run",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(CLICK(1, 0)),
	  .w = 1 },
	{ .name = "predict-click-nan-ignored",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK((double)NAN, 0), CLICK((double)INFINITY, 0)),
	  .on = true,
	  .w = 2 },
	{ .name = "predict-two-weights",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL2,
	  .w0 = -2,
	  .w0b = 1,
	  .rate = 0.15,
	  /* Δw = (0.3, −1.5): (−1.7, −0.5); the guess (−1.7, 0.5) is 1 off
	   * and goes the right way ((0.3, −0.5)·(0.3, −1.5) > 0) */
	  .ops = OPS(G, CLICK(-1.7, 0.5), NEXT),
	  .on = true,
	  .step = 1,
	  .guesses = 1,
	  .right = 1,
	  .mean = 1,
	  .w = -1.7,
	  .echo = "guess,0,-1.7,0.5,-1.7,-0.5\n" },
	{ .name = "predict-autorun-reveals",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.5, 0), RUN, TICK(1), RUN),
	  .on = true,
	  .step = 1,
	  .guesses = 1,
	  .right = 1,
	  .mean = 0.1,
	  .w = 1.6,
	  .echo = "guess,0,1.5,1.6000000000000001\n" },
	{ .name = "predict-scene-keeps-score",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .scenes = 2,
	  .ops = OPS(G, CLICK(1.5, 0), NEXT, SCENE_NEXT),
	  .scene = 1,
	  .w = 2,
	  .echo = "guess,0,1.5,1.6000000000000001\n",
	  .kept_scene0 = 1 },
	{ .name = "predict-scene-back-restores-score",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .scenes = 2,
	  .ops = OPS(G, CLICK(1.5, 0), NEXT, SCENE_NEXT, SCENE_PREV),
	  .guesses = 1,
	  .right = 1,
	  .mean = 0.1,
	  .w = 2,
	  .echo = "guess,0,1.5,1.6000000000000001\n",
	  .kept_scene0 = 1 },
	{ .name = "question-next-w-starts-on",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .question = GD_QUESTION_NEXT_W,
	  .ops = OPS(TICK(1)),
	  .on = true,
	  .w = 2 },
	{ .name = "question-direction-scored",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .question = GD_QUESTION_DIRECTION,
	  .ops = OPS(CLICK(1.9, 0), NEXT, CLICK(1.7, 0), NEXT),
	  .on = true,
	  .step = 2,
	  .guesses = 2,
	  .right = 1, /* 1.7 is to the right of 1.6: the step goes left */
	  .mean = (0.3 + 0.42) / 2,
	  .w = 1.28,
	  .echo = "guess,1,1.7,1.28\n" },
	{ .name = "question-one-step-landed",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.4,
	  .question = GD_QUESTION_ONE_STEP,
	  .tol = 0.01,
	  /* η 0.4 → 0.5 = 1/a: w lands on 0; the click changes nothing */
	  .ops = OPS(UP, CLICK(1, 0), NEXT),
	  .step = 1,
	  .w = 0,
	  .tried = true,
	  .landed = true },
	{ .name = "question-one-step-missed",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .question = GD_QUESTION_ONE_STEP,
	  .tol = 0.01,
	  .ops = OPS(NEXT),
	  .step = 1,
	  .w = 1.6,
	  .tried = true },
	{ .name = "question-one-step-back-asks-again",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .question = GD_QUESTION_ONE_STEP,
	  .tol = 0.01,
	  .ops = OPS(NEXT, BACK),
	  .on = true,
	  .w = 2 },
	{ .name = "question-summary-after-last-next",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .question = GD_QUESTION_NEXT_W,
	  .planned = 1,
	  .ops = OPS(CLICK(1.6, 0), NEXT, NEXT),
	  .on = true,
	  .step = 1,
	  .guesses = 1,
	  .right = 1,
	  .w = 1.6,
	  .echo = "guess,0,1.6000000000000001,1.6000000000000001\n",
	  .summary = true },
	{ .name = "question-summary-any-key-closes",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .question = GD_QUESTION_NEXT_W,
	  .planned = 1,
	  .ops = OPS(NEXT, NEXT, NEXT),
	  .on = true,
	  .step = 1,
	  .w = 1.6 },
	{ .name = "question-no-summary-without-questions",
	  .run = check_actions,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .planned = 1,
	  .ops = OPS(NEXT, NEXT),
	  .step = 2, /* the last scene steps on past its plan, as always */
	  .w = 1.28 },
	{ .name = "frame-question-one-step",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.4,
	  .question = GD_QUESTION_ONE_STEP,
	  .tol = 0.01,
	  .ops = OPS(TICK(1)),
	  .never = { HIDDEN },
	  .says = "Question: choose η",
	  .not_says = "1/a" },
	{ .name = "frame-question-one-step-landed",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.4,
	  .question = GD_QUESTION_ONE_STEP,
	  .tol = 0.01,
	  .ops = OPS(UP, NEXT),
	  .says = "Landed: η = 0.5 took w to 0.000" },
	{ .name = "frame-question-summary",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .question = GD_QUESTION_NEXT_W,
	  .planned = 1,
	  .ops = OPS(CLICK(1.5, 0), NEXT, NEXT),
	  .want = { [APP_ROLE_OVERLAY_BG] = true },
	  .says = "Scene 1 (predict 1): guesses 1, right direction 1, mean error 0.100" },
	{ .name = "frame-predict-hides-step",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G),
	  .want = { [APP_ROLE_POINT] = true, [APP_ROLE_TANGENT] = true, [APP_ROLE_SLOPE_LABEL] = true },
	  .never = { HIDDEN, [APP_ROLE_GUESS] = true },
	  .says = "click where w will land",
	  .not_says = "−0.1 × 4.000" },
	{ .name = "frame-predict-no-numbers",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G),
	  .says = "Δw = −η·dE/dw,  w ← w + Δw",
	  .not_says = "1.600" },
	{ .name = "frame-predict-guess-marker",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.5, 0)),
	  .want = { [APP_ROLE_GUESS] = true, [APP_ROLE_GUESS_LABEL] = true, [APP_ROLE_POINT] = true },
	  .never = { HIDDEN },
	  .says = "Your guess: w = 1.500" },
	{ .name = "frame-predict-reveal-animates",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.5, 0), NEXT),
	  .anim = true,
	  .want = { [APP_ROLE_STEP_ARROW] = true, [APP_ROLE_GUESS] = true, [APP_ROLE_DW_LABEL] = true },
	  .says = "25% of the step" },
	{ .name = "frame-predict-after-reveal",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, CLICK(1.5, 0), NEXT),
	  .want = { [APP_ROLE_GUESS] = true },
	  .never = { HIDDEN },
	  .says = "Score: guesses 1, right direction 1" },
	{ .name = "frame-predict-off-shows-step",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS(G, G),
	  .want = { [APP_ROLE_NEXT_POINT] = true, [APP_ROLE_STEP_ARROW] = true, [APP_ROLE_DW_LABEL] = true },
	  .never = { [APP_ROLE_GUESS] = true },
	  .says = "−η·dE/dw" },
	{ .name = "frame2-predict-hides-step",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL2,
	  .w0 = -2,
	  .w0b = 1,
	  .rate = 0.15,
	  .ops = OPS(G, CLICK(-1.7, 0.5)),
	  .want = { [APP_ROLE_POINT] = true,
		    [APP_ROLE_GRADIENT] = true,
		    [APP_ROLE_GUESS] = true,
		    [APP_ROLE_SLOPE_LABEL] = true },
	  .never = { HIDDEN },
	  .says = "Your guess: w = (−1.700, 0.500)",
	  .not_says = "Δw₁ = −η" },
	{ .name = "frame-predict-momentum-rule",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .ops = OPS({ OP_ACT, APP_ACT_MOMENTUM, 0, 0 }, G),
	  .never = { HIDDEN },
	  .says = "v ← β·v − η·dE/dw,  w ← w + v",
	  .not_says = "0.9 × " },
	{ .name = "frame2-predict-after-reveal",
	  .run = check_frame,
	  .kind = GD_CURVE_BOWL2,
	  .w0 = -2,
	  .w0b = 1,
	  .rate = 0.15,
	  .ops = OPS(G, CLICK(-1.7, 0.5), NEXT),
	  .want = { [APP_ROLE_GUESS] = true },
	  .never = { HIDDEN },
	  .says = "right direction" },
};

int main(int argc, char *argv[])
{
	app_lang_setup();
	HARNESS_MAIN(cases, argc, argv);
}
