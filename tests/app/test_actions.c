/* Keys and actions, headless: the key table against doc/PRODUCT.md, the help
 * overlay's lines, and what sequences of actions leave in the run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "options.h"
#include "keys.h"
#include "lang.h"
#include "status.h"

#include "harness.h"

struct clicker_case {
	int scenes;
	const enum app_action *seq; /* ends with APP_ACT_NONE */
	double gap_ms;              /* between presses */
	int scene;                  /* expected afterwards, 0-based */
	long step;
	bool fullscreen, quit, blank, armed, running;
	int typed;
	double beta;
};

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_curve_kind kind;
	double w0, rate, beta;
	const enum app_action *seq; /* ends with APP_ACT_NONE */
	long step;                  /* expected afterwards */
	double w, rate_after, beta_after;
	const struct clicker_case *clk; /* check_clicker's row */
};

/* Every key of doc/PRODUCT.md's table, as app key codes (the window's
 * translation from SDL is checked in test_render.c). */
static const struct {
	unsigned key;
	unsigned mod;
	enum app_action action;
} product_keys[] = {
	{ APP_KEY_SPACE, 0, APP_ACT_NEXT },
	{ APP_KEY_RIGHT, 0, APP_ACT_NEXT },
	{ APP_KEY_PAGEDOWN, 0, APP_ACT_NEXT },
	{ APP_KEY_LEFT, 0, APP_ACT_BACK },
	{ APP_KEY_BACKSPACE, 0, APP_ACT_BACK },
	{ APP_KEY_PAGEUP, 0, APP_ACT_BACK },
	{ APP_KEY_RETURN, 0, APP_ACT_RUN },
	{ 'p', 0, APP_ACT_RUN },
	{ '[', 0, APP_ACT_SLOWER },
	{ ']', 0, APP_ACT_FASTER },
	{ 'r', 0, APP_ACT_RESET },
	{ 'e', 0, APP_ACT_ENTRY },
	{ 'o', 0, APP_ACT_FOCUS },
	{ APP_KEY_UP, 0, APP_ACT_RATE_UP },
	{ APP_KEY_DOWN, 0, APP_ACT_RATE_DOWN },
	{ APP_KEY_END, 0, APP_ACT_PLAY_SCENE },
	{ 'g', 0, APP_ACT_PREDICT },
	{ 'm', 0, APP_ACT_MOMENTUM },
	{ APP_KEY_UP, APP_MOD_SHIFT, APP_ACT_BETA_UP },
	{ APP_KEY_DOWN, APP_MOD_SHIFT, APP_ACT_BETA_DOWN },
	{ 'n', 0, APP_ACT_SCENE_NEXT },
	{ 'n', APP_MOD_SHIFT, APP_ACT_SCENE_PREV },
	{ APP_KEY_TAB, 0, APP_ACT_SCENE_NEXT },
	{ APP_KEY_TAB, APP_MOD_SHIFT, APP_ACT_SCENE_PREV },
	{ '1', 0, APP_ACT_SCENE_1 },
	{ '5', 0, APP_ACT_SCENE_1 + 4 },
	{ '9', 0, APP_ACT_SCENE_9 },
	{ '0', 0, APP_ACT_REFIT },
	{ APP_KEY_F5, 0, APP_ACT_PRESENT },
	{ APP_KEY_F5, APP_MOD_SHIFT, APP_ACT_PRESENT },
	{ 'f', 0, APP_ACT_FULLSCREEN },
	{ APP_KEY_F11, 0, APP_ACT_FULLSCREEN },
	{ '=', APP_MOD_CTRL, APP_ACT_TEXT_LARGER },
	{ '-', APP_MOD_CTRL, APP_ACT_TEXT_SMALLER },
	{ 't', 0, APP_ACT_THEME },
	{ 'c', 0, APP_ACT_CAPTION },
	{ 'b', 0, APP_ACT_BLANK },
	{ '.', 0, APP_ACT_BLANK },
	{ 'l', 0, APP_ACT_LANG },
	{ 's', 0, APP_ACT_SAVE },
	{ 'h', 0, APP_ACT_HELP },
	{ APP_KEY_F1, 0, APP_ACT_HELP },
	{ '/', APP_MOD_SHIFT, APP_ACT_HELP }, /* ? */
	{ '?', 0, APP_ACT_HELP },
	{ APP_KEY_ESCAPE, 0, APP_ACT_ESCAPE },
	{ 'q', 0, APP_ACT_CLOSE },
};

static void check_keys(const struct tcase *t)
{
	for (size_t i = 0; i < sizeof(product_keys) / sizeof(product_keys[0]);
	     i++) {
		enum app_action a = app_key_action(product_keys[i].key,
						   product_keys[i].mod);
		if (a != product_keys[i].action)
			fprintf(stderr, "key %#x mod %u: action %d, want %d\n",
				product_keys[i].key, product_keys[i].mod, a,
				product_keys[i].action);
		CHECK(a == product_keys[i].action);
	}
	/* Modifiers are exact: Ctrl+S is not S, = alone is not Ctrl+=. */
	CHECK(app_key_action('s', APP_MOD_CTRL) == APP_ACT_NONE);
	CHECK(app_key_action('=', 0) == APP_ACT_NONE);
	CHECK(app_key_action(APP_KEY_NONE, 0) == APP_ACT_NONE);
	/* What a presentation clicker sends never changes a setting: Next,
	 * Back, blank, present, Esc. */
	static const unsigned clicker[] = {
		APP_KEY_PAGEDOWN, APP_KEY_PAGEUP, '.', 'b',
		APP_KEY_F5,       APP_KEY_ESCAPE
	};
	for (size_t i = 0; i < sizeof(clicker) / sizeof(clicker[0]); i++) {
		enum app_action a = app_key_action(clicker[i], 0);
		CHECK(a == APP_ACT_NEXT || a == APP_ACT_BACK ||
		      a == APP_ACT_BLANK || a == APP_ACT_PRESENT ||
		      a == APP_ACT_ESCAPE);
	}
	CHECK(app_key_action('x', 0) == APP_ACT_NONE);
	/* No key is in the table twice with different actions. */
	for (int i = 0; i < app_keys_count; i++)
		for (int j = i + 1; j < app_keys_count; j++)
			if (app_keys[i].key != APP_KEY_NONE &&
			    app_keys[i].key == app_keys[j].key)
				CHECK(app_keys[i].mod != app_keys[j].mod);
	(void)t;
}

/* Whether item is one of the ", "-separated entries of list. */
static bool has_item(const char *list, const char *item)
{
	size_t n = strlen(item);
	for (const char *p = list; p && *p;) {
		const char *end = strstr(p, ", ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, item, n) == 0)
			return true;
		p = end ? end + 2 : NULL;
	}
	return false;
}

/* Every action a key reaches appears in the help overlay, with the keys
 * a person presses. */
static void check_help(const struct tcase *t)
{
	struct app_help_line lines[64];
	int n = app_help_lines(APP_LANG_EN, lines, 64);
	CHECK(n >= 20);
	static const char *const must[] = {
		"Space",
		"Right",
		"PageDown",
		"Left",
		"Backspace",
		"PageUp",
		"Enter",
		"P",
		"[ ]",
		"R",
		"O",
		"Up",
		"E",
		"Down",
		"End",
		"G",
		"M",
		"Shift+Up",
		"Shift+Down",
		"N",
		"Shift+N",
		"Tab",
		"Shift+Tab",
		"1 … 9",
		"0",
		"F5",
		"Shift+F5",
		"F",
		"F11",
		"Ctrl+=",
		"Ctrl+−",
		"T",
		"C",
		"B",
		".",
		"L",
		"S",
		"H",
		"F1",
		"?",
		"Esc",
		"Q",
		"click on the plot",
		"mouse wheel",
		"drag",
	};
	for (size_t m = 0; m < sizeof(must) / sizeof(must[0]); m++) {
		bool found = false;
		for (int i = 0; i < n && !found; i++) {
			found = has_item(lines[i].keys, must[m]) ||
				strcmp(lines[i].keys, must[m]) == 0;
		}
		if (!found)
			fprintf(stderr, "help lacks %s\n", must[m]);
		CHECK(found);
	}
	/* Each action with a key has a line naming it. */
	for (int i = 0; i < app_keys_count; i++)
		CHECK(app_keys[i].help && *app_keys[i].help);
	for (int i = 0; i < n; i++)
		CHECK(lines[i].keys[0] && lines[i].help && *lines[i].help);
	(void)t;
}

static struct gd_lesson *one_scene(const struct tcase *t)
{
	struct gd_lesson *l = calloc(1, sizeof(*l));
	l->count = 1;
	l->scenes = calloc(1, sizeof(*l->scenes));
	struct gd_scene *s = &l->scenes[0];
	gd_curve_default(&s->curve, t->kind);
	s->w0[0] = t->w0;
	s->opt.hyper[GD_HYPER_RATE] = t->rate;
	s->opt.hyper[GD_HYPER_MOMENTUM] = t->beta;
	s->steps = GD_SCENE_UNPLANNED;
	snprintf(s->title, sizeof(s->title), "test");
	return l;
}

static void free_lesson(struct gd_lesson *l)
{
	gd_lesson_finish(l);
	free(l);
}

/* Applies t->seq and compares the run with the expected state. */
static void check_sequence(const struct tcase *t)
{
	struct gd_lesson *l = one_scene(t);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	double now = 1000;
	for (const enum app_action *a = t->seq; *a != APP_ACT_NONE; a++) {
		app_apply(s, *a, now, &r);
		now += 10; /* faster than an animation: each press finishes it */
	}
	const struct gd_run *run = app_state_run(s);
	if (run->step != t->step || !approx_eq(run->w[0], t->w, 1e-12, 1e-12))
		fprintf(stderr, "step %ld w %.17g\n", run->step, run->w[0]);
	CHECK(run->step == t->step);
	CHECK_APPROX(run->w[0], t->w, 1e-12, 1e-12);
	CHECK_APPROX(gd_run_rate(run), t->rate_after, 0, 1e-12);
	CHECK_APPROX(gd_run_momentum(run), t->beta_after, 0, 1e-12);
	CHECK(!s->quit);
	app_state_finish(s);
	free(s);
	free_lesson(l);
}

/* Next animates for APP_ANIM_MS; a press during it finishes it and still
 * takes its own step. */
static void check_anim(const struct tcase *t)
{
	struct gd_lesson *l = one_scene(t);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	double wait;
	app_apply(s, APP_ACT_NEXT, 0, &r);
	CHECK(r.fx & APP_FX_STEPPED);
	CHECK(s->anim.active);
	CHECK(app_anim_progress(s, 0) == 0);
	double mid = app_anim_progress(s, APP_ANIM_MS / 2);
	CHECK(mid > 0.4 && mid < 0.6);
	app_tick(s, 100, &r, &wait);
	CHECK((r.fx & APP_FX_REDRAW) && wait > 0 && wait < 40);
	app_apply(s, APP_ACT_NEXT, 120, &r); /* mid-animation */
	CHECK(r.fx & APP_FX_STEPPED);
	CHECK(r.update.step == 1);
	CHECK(app_state_run(s)->step == 2 - 0 * 1 && app_state_run(s)->step == 2);
	app_tick(s, 120 + APP_ANIM_MS + 1, &r, &wait);
	CHECK(!s->anim.active && wait < 0); /* idle: wait for events */
	CHECK(app_anim_progress(s, 1e9) == 1);
	app_state_finish(s);
	free(s);
	free_lesson(l);
	(void)t;
}

/* Enter runs steps at the pace and stops by itself once converged. */
static void check_autorun(const struct tcase *t)
{
	struct gd_lesson *l = one_scene(t);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	double wait, now = 0;
	app_apply(s, APP_ACT_FASTER, now, &r);
	app_apply(s, APP_ACT_RUN, now, &r);
	CHECK(s->running);
	int steps = 0;
	for (int i = 0; i < 100000 && s->running; i++) {
		app_tick(s, now, &r, &wait);
		steps += (r.fx & APP_FX_STEPPED) != 0;
		CHECK(wait >= -1);
		now += wait > 0 ? wait : 1;
	}
	CHECK(!s->running);
	CHECK(app_state_run(s)->status == GD_STATUS_CONVERGED);
	CHECK(steps == app_state_run(s)->step && steps > 5);
	app_tick(s, now + 1e6, &r, &wait);
	CHECK(wait < 0 && !(r.fx & APP_FX_STEPPED));
	app_state_finish(s);
	free(s);
	free_lesson(l);
	(void)t;
}

/* Settings and overlays: help, blank, theme, text size, quit. */
static void check_toggles(const struct tcase *t)
{
	struct gd_lesson *l = one_scene(t);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	CHECK(!s->help && s->caption && !s->dark && !s->blank);
	app_apply(s, APP_ACT_HELP, 0, &r);
	CHECK(s->help);
	app_apply(s, APP_ACT_CLOSE, 0, &r); /* Esc closes the help ... */
	CHECK(!s->help && !s->quit);
	app_apply(s, APP_ACT_BLANK, 0, &r);
	CHECK(s->blank);
	app_apply(s, APP_ACT_NEXT, 0, &r); /* ... a key while blank unblanks */
	CHECK(!s->blank && app_state_run(s)->step == 0);
	app_apply(s, APP_ACT_THEME, 0, &r);
	CHECK(s->dark);
	app_apply(s, APP_ACT_CAPTION, 0, &r);
	CHECK(!s->caption);
	app_apply(s, APP_ACT_TEXT_LARGER, 0, &r);
	CHECK(s->text_step == 1 && (r.fx & APP_FX_TEXT));
	for (int i = 0; i < 40; i++)
		app_apply(s, APP_ACT_TEXT_SMALLER, 0, &r);
	CHECK(s->text_step == APP_TEXT_STEP_MIN);
	app_apply(s, APP_ACT_FULLSCREEN, 0, &r);
	CHECK(s->fullscreen && (r.fx & APP_FX_FULLSCREEN));
	app_apply(s, APP_ACT_SAVE, 0, &r);
	CHECK(r.fx & APP_FX_SAVE);
	CHECK(s->lang == APP_LANG_EN);
	app_apply(s, APP_ACT_LANG, 0, &r);
	CHECK((r.fx & APP_FX_LANG) && s->lang == APP_LANG_ZH);
	app_apply(s, APP_ACT_LANG, 0, &r);
	CHECK(s->lang == APP_LANG_EN);
	app_apply(s, APP_ACT_CLOSE, 0, &r); /* Q, no overlay: quit */
	CHECK(s->quit && (r.fx & APP_FX_QUIT));
	app_state_finish(s);
	free(s);
	free_lesson(l);
	(void)t;
}

/* A click restarts from that w; zoom and pan move the view; 0 refits. */
static void check_mouse(const struct tcase *t)
{
	struct gd_lesson *l = one_scene(t);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	app_apply(s, APP_ACT_NEXT, 0, &r);
	app_click(s, -1.5, &r);
	CHECK(app_state_run(s)->step == 0 && app_state_run(s)->w[0] == -1.5);
	struct gd_view v0 = s->view;
	app_zoom(s, 2, 0, 1, &r);
	CHECK(s->view.wmax - s->view.wmin < v0.wmax - v0.wmin);
	struct gd_view v1 = s->view;
	app_pan(s, 100, 0, 400, 300, &r); /* a quarter of the width left */
	CHECK_APPROX(s->view.wmin, v1.wmin - (v1.wmax - v1.wmin) / 4, 1e-12,
		     1e-12);
	CHECK(s->view.x == v1.x && s->view.width == v1.width);
	app_apply(s, APP_ACT_REFIT, 0, &r);
	CHECK(s->view.wmin <= -1.5 && s->view.wmax >= 0);
	app_click(s, (double)NAN, &r); /* ignored */
	CHECK(app_state_run(s)->w[0] == -1.5);
	app_state_finish(s);
	free(s);
	free_lesson(l);
	(void)t;
}

/* A lesson of n scenes of the bowl, each planned for `steps` updates. */
static struct gd_lesson *lesson_of(int n, long steps)
{
	struct gd_lesson *l = calloc(1, sizeof(*l));
	l->count = n;
	l->scenes = calloc((size_t)n, sizeof(*l->scenes));
	for (int k = 0; k < n; k++) {
		struct gd_scene *sc = &l->scenes[k];
		gd_curve_default(&sc->curve, GD_CURVE_BOWL);
		sc->w0[0] = 2;
		sc->opt.hyper[GD_HYPER_RATE] = 0.1;
		sc->steps = steps;
		snprintf(sc->title, sizeof(sc->title), "scene %d", k + 1);
	}
	return l;
}

static void check_clicker(const struct tcase *t)
{
	const struct clicker_case *c = t->clk;
	struct gd_lesson *l = lesson_of(c->scenes, 3);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	double now = 1000, wait;
	for (const enum app_action *a = c->seq; *a != APP_ACT_NONE; a++) {
		app_apply(s, *a, now, &r);
		now += c->gap_ms > 0 ? c->gap_ms : 10;
		app_tick(s, now, &r, &wait);
	}
	if (s->pres.scene != c->scene || app_state_run(s)->step != c->step)
		fprintf(stderr, "scene %d step %ld\n", s->pres.scene,
			app_state_run(s)->step);
	CHECK(s->pres.scene == c->scene);
	CHECK(app_state_run(s)->step == c->step);
	CHECK(s->fullscreen == c->fullscreen);
	CHECK(s->quit == c->quit);
	CHECK(s->blank == c->blank);
	CHECK((s->quit_until > now) == c->armed);
	CHECK(s->typed == c->typed);
	CHECK(!s->help);
	CHECK_APPROX(gd_run_momentum(app_state_run(s)), c->beta, 0, 1e-12);
	app_state_finish(s);
	free(s);
	free_lesson(l);
}

/* The Esc prompt times out by itself: the tick asks to be called when it
 * does, and redraws then. */
static void check_esc_timeout(const struct tcase *t)
{
	struct gd_lesson *l = lesson_of(2, 3);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	double wait;
	app_apply(s, APP_ACT_ESCAPE, 1000, &r);
	CHECK(!s->quit && s->quit_until == 1000 + APP_QUIT_MS);
	app_tick(s, 1100, &r, &wait);
	CHECK_APPROX(wait, APP_QUIT_MS - 100, 1e-9, 0);
	app_tick(s, 1000 + APP_QUIT_MS, &r, &wait);
	CHECK(s->quit_until == 0 && (r.fx & APP_FX_REDRAW) && wait < 0);
	app_apply(s, APP_ACT_ESCAPE, 5000, &r); /* armed again, not quit */
	CHECK(!s->quit && s->quit_until > 5000);
	app_state_finish(s);
	free(s);
	free_lesson(l);
	(void)t;
}

/* End plays the scene to its planned end at the run's pace and
 * stops there: the next press changes scene. */
static void check_play_scene(const struct tcase *t)
{
	struct gd_lesson *l = lesson_of(2, 6);
	struct app_state *s = malloc(sizeof(*s));
	app_state_init(s, l, 0);
	struct app_result r;
	double wait, now = 0;
	app_apply(s, APP_ACT_NEXT, now, &r);
	app_apply(s, APP_ACT_PLAY_SCENE, now, &r);
	CHECK(s->running);
	for (int i = 0; i < 10000 && s->running; i++) {
		app_tick(s, now, &r, &wait);
		now += wait > 0 ? wait : 1;
	}
	CHECK(!s->running);
	CHECK(app_state_run(s)->step == 6 && s->pres.scene == 0);
	app_apply(s, APP_ACT_PLAY_SCENE, now, &r); /* at the end: nothing */
	CHECK(!s->running && app_state_run(s)->step == 6);
	app_apply(s, APP_ACT_NEXT, now, &r);
	CHECK(s->pres.scene == 1 && app_state_run(s)->step == 0);
	app_state_finish(s);
	free(s);
	free_lesson(l);
	(void)t;
}

/* The learning rate's log scale hits the bowl's thresholds exactly. */
static void check_grids(const struct tcase *t)
{
	double r = 0.1;
	const double up[] = { 0.12, 0.15, 0.2, 0.25, 0.3, 0.4,
			      0.5,  0.6,  0.8, 1,    1.2 };
	for (size_t i = 0; i < sizeof(up) / sizeof(up[0]); i++) {
		r = app_rate_step(r, 1);
		CHECK(r == up[i]);
	}
	CHECK(app_rate_step(0.5, -1) == 0.4);
	CHECK(app_rate_step(0.02, -1) == 0.015);
	CHECK(app_rate_step(0.13, -1) == 0.12); /* off-grid: nearest below */
	CHECK(app_rate_step(0.13, 1) == 0.15);
	CHECK(app_rate_step(APP_RATE_MIN, -1) == APP_RATE_MIN);
	CHECK(app_rate_step(GD_OPT_RATE_MAX, 1) == GD_OPT_RATE_MAX);
	CHECK(gd_bowl_regime(app_rate_step(0.4, 1), 2) == GD_REGIME_ONE_STEP);
	CHECK(gd_bowl_regime(app_rate_step(0.8, 1), 2) == GD_REGIME_BOUNCES);
	CHECK(app_beta_step(0, 1) == 0.1);
	CHECK(app_beta_step(0.9, 1) == 0.95);
	CHECK(app_beta_step(0.99, 1) == 0.99);
	CHECK(app_beta_step(0.1, -1) == 0);
	CHECK(app_beta_step(0, -1) == 0);
	(void)t;
}

#define A(...) ((const enum app_action[]){ __VA_ARGS__, APP_ACT_NONE })
#define NEXT APP_ACT_NEXT
#define ESC APP_ACT_ESCAPE
#define F5 APP_ACT_PRESENT
#define D(k) (APP_ACT_SCENE_1 + (k)-1)

/* Two weights: a run that starts on the valley's axis (w₁ = 0, where
 * the minimum's w₁ is) while w₂ still swings is not at the minimum; once
 * both have settled it is. */
static void check_status_two_weights(const struct tcase *t)
{
	(void)t;
	struct gd_scene sc = { 0 };
	CHECK(gd_curve_from_formula(&sc.curve, "w1^2 + 10*w2^2", NULL) == 0);
	sc.w0[0] = 0, sc.w0[1] = 1;
	gd_optim_default(&sc.opt, GD_OPTIMIZER_GD, 0.09);
	sc.steps = GD_SCENE_UNPLANNED;
	struct gd_lesson lesson = { .count = 1, .scenes = &sc };
	struct app_state *s = calloc(1, sizeof(*s));
	CHECK(s && app_state_init(s, &lesson, 0) == 0);
	struct app_result r;
	double clock = 0;
	for (int i = 0; i < 2; i++)
		app_apply(s, APP_ACT_NEXT, clock += 1000, &r);
	app_anim_finish(s);
	const struct gd_run *run = app_state_run(s);
	CHECK(run->w[0] == 0 && fabs(run->w[1]) > 0.5);
	CHECK(app_status_of(run) == APP_STATUS_OSCILLATING ||
	      app_status_of(run) == APP_STATUS_FALLING);
	for (int i = 0; i < 300; i++)
		app_apply(s, APP_ACT_NEXT, clock += 1000, &r);
	app_anim_finish(s);
	CHECK(fabs(run->w[1]) < 1e-6);
	CHECK(app_status_of(run) == APP_STATUS_CONVERGED);
	app_state_finish(s);
	free(s);
}

static const struct tcase cases[] = {
	{ .name = "status-two-weights-both-settle",
	  .run = check_status_two_weights },
	{ .name = "keys-product-table", .run = check_keys },
	{ .name = "keys-help-lists-all", .run = check_help },
	{ .name = "seq-next-three",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .seq = A(APP_ACT_NEXT, APP_ACT_NEXT, APP_ACT_NEXT),
	  .step = 3,
	  .w = 1.024,
	  .rate_after = 0.1 },
	{ .name = "seq-next-back",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .seq = A(APP_ACT_NEXT, APP_ACT_NEXT, APP_ACT_BACK),
	  .step = 1,
	  .w = 1.6,
	  .rate_after = 0.1 },
	{ .name = "seq-back-at-start",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .seq = A(APP_ACT_BACK, APP_ACT_BACK),
	  .step = 0,
	  .w = 2,
	  .rate_after = 0.1 },
	{ .name = "seq-rate-up-then-step",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .seq = A(APP_ACT_RATE_UP, APP_ACT_RATE_UP, APP_ACT_NEXT),
	  .step = 1,
	  .w = 2 - 0.15 * 4,
	  .rate_after = 0.15 },
	{ .name = "seq-one-step-rate",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.4,
	  .seq = A(APP_ACT_RATE_UP, APP_ACT_NEXT),
	  .step = 1,
	  .w = 0,
	  .rate_after = 0.5 },
	{ .name = "seq-reset",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .seq = A(APP_ACT_NEXT, APP_ACT_RATE_DOWN, APP_ACT_NEXT, APP_ACT_RESET),
	  .step = 0,
	  .w = 2,
	  .rate_after = 0.08 },
	{ .name = "seq-momentum-on",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  /* v = −0.4, w = 1.6; v = 0.9·(−0.4) − 0.1·3.2 = −0.68 */
	  .seq = A(APP_ACT_MOMENTUM, APP_ACT_NEXT, APP_ACT_NEXT),
	  .step = 2,
	  .w = 1.6 - 0.68,
	  .rate_after = 0.1,
	  .beta_after = 0.9 },
	{ .name = "seq-momentum-off-beta",
	  .run = check_sequence,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.5,
	  .seq = A(APP_ACT_BETA_UP, APP_ACT_MOMENTUM, APP_ACT_BETA_DOWN),
	  .step = 0,
	  .w = 1.8,
	  .rate_after = 0.02,
	  .beta_after = 0 },
	{ .name = "seq-momentum-restore",
	  .run = check_sequence,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.5,
	  .seq = A(APP_ACT_BETA_UP, APP_ACT_MOMENTUM, APP_ACT_MOMENTUM),
	  .step = 0,
	  .w = 1.8,
	  .rate_after = 0.02,
	  .beta_after = 0.6 },
	{ .name = "seq-diverged-next-does-nothing",
	  .run = check_sequence,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 1e11,
	  .rate = 100,
	  .seq = A(APP_ACT_NEXT, APP_ACT_NEXT, APP_ACT_NEXT),
	  .step = 0,
	  .w = 1e11,
	  .rate_after = 100 },
	{ .name = "anim-press-during-animation",
	  .run = check_anim,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "autorun-stops-when-converged",
	  .run = check_autorun,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.4 },
	{ .name = "toggles-overlays-quit",
	  .run = check_toggles,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "mouse-click-zoom-pan-refit",
	  .run = check_mouse,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "rate-beta-grids", .run = check_grids },
	{ .name = "clicker-period-blanks",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(NEXT, APP_ACT_BLANK),
					       .step = 1,
					       .blank = true } },
	{ .name = "clicker-f5-presents-in-place",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(NEXT, NEXT, APP_ACT_SCENE_NEXT,
							NEXT, F5, F5),
					       .scene = 1,
					       .step = 1,
					       .fullscreen = true } },
	{ .name = "clicker-esc-leaves-fullscreen",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(APP_ACT_SCENE_NEXT,
							NEXT, F5, ESC),
					       .scene = 1,
					       .step = 1 } },
	{ .name = "clicker-f5-esc-f5-esc",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(NEXT, F5, ESC, F5, ESC),
					       .step = 1 } },
	{ .name = "clicker-esc-once-asks",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(NEXT, ESC),
					       .step = 1,
					       .armed = true } },
	{ .name = "clicker-esc-twice-quits",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(NEXT, ESC, ESC),
					       .gap_ms = 500,
					       .step = 1,
					       .quit = true } },
	{ .name = "clicker-esc-twice-slowly-stays",
	  .run = check_clicker,
	  .clk =
		  &(const struct clicker_case){
			  .scenes = 3,
			  .seq = A(NEXT, ESC, ESC),
			  .gap_ms = 2500,
			  .step = 1,
		  } },
	{ .name = "clicker-esc-next-esc-stays",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(ESC, NEXT, ESC),
					       .step = 1,
					       .armed = true } },
	{ .name = "clicker-esc-closes-help-first",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(APP_ACT_HELP, ESC) } },
	{ .name = "clicker-esc-unblanks",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 3,
					       .seq = A(APP_ACT_BLANK, ESC, ESC),
					       .armed = true } },
	{ .name = "clicker-next-past-the-end-stays",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 2,
					       .seq = A(NEXT, NEXT, NEXT, NEXT, NEXT,
							NEXT, NEXT, NEXT, NEXT),
					       .scene = 1,
					       .step = 5 } },
	{ .name = "clicker-digit-jumps",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 5,
					       .seq = A(D(4)),
					       .scene = 3 } },
	{ .name = "clicker-type-10-enter",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 11,
					       .seq = A(D(1), APP_ACT_REFIT,
							APP_ACT_RUN),
					       .scene = 9 } },
	{ .name = "clicker-type-1-enter",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 11,
					       .seq = A(APP_ACT_SCENE_NEXT,
							D(1), APP_ACT_RUN),
					       .scene = 0 } },
	{ .name = "clicker-type-11-waits",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 11,
					       .seq = A(D(1), D(1)),
					       .typed = 11 } },
	{ .name = "clicker-type-2-at-once",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 11,
					       .seq = A(D(2)),
					       .scene = 1 } },
	{ .name = "clicker-type-99-enter-nothing",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 11,
					       .seq = A(APP_ACT_SCENE_NEXT,
							D(1), D(9), APP_ACT_RUN),
					       .scene = 1 } },
	{ .name = "clicker-type-esc-cancels",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 11,
					       .seq = A(D(1), ESC, NEXT),
					       .step = 1 } },
	{ .name = "clicker-zero-alone-refits",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 11,
					       .seq = A(NEXT, APP_ACT_REFIT),
					       .step = 1 } },
	{ .name = "clicker-beta-shift-up",
	  .run = check_clicker,
	  .clk = &(const struct clicker_case){ .scenes = 1,
					       .seq = A(APP_ACT_BETA_UP,
							APP_ACT_BETA_UP),
					       .beta = 0.2 } },
	{ .name = "clicker-esc-prompt-times-out", .run = check_esc_timeout },
	{ .name = "clicker-end-plays-scene", .run = check_play_scene },

};

int main(int argc, char *argv[])
{
	app_lang_setup();
	HARNESS_MAIN(cases, argc, argv);
}
