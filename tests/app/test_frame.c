/*
 * Frames as display lists, with no display and no SDL: the frame builder
 * of src/ui on scenes, sizes and steps, text measured by a fake (0.6·px
 * per code point, 1.2·px high). Checks that labels do not overlap, that
 * the step arrow is |Δw| long in pixels, that the numbers shown are the
 * run's as fmt.c writes them, that no text says "nan" or "inf", that the
 * plot stays in its clip and the panel text in the panel, and that
 * building a frame leaves the state as it was.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gdstep/utf8.h>

#include "actions.h"
#include "dlist.h"
#include "fmt.h"
#include "frame.h"
#include "keys.h"
#include "layout.h"
#include "lang.h"
#include "panel.h"
#include "theme.h"

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	int scene; /* > 0: scene k of the built-in lesson */
	enum gd_curve_kind kind;
	double w0, rate, beta;
	int steps;
	int w, h, text_step;
	bool help, dark, zh;
	double anim_ms;      /* > 0: build this long into the last step */
	const char *want;    /* check_says: the panel says this */
	const char *never;   /* check_says: and never this */
	const char *formula; /* the formula curve's E, for kind formula */
	/* check_ticks: zoom by zoom (about the point) this many times, then
	 * pan by (pan_x, pan_y) pixels this many times */
	double zoom, pan_x, pan_y;
	int zooms, pans;
};

#define BOWL .kind = GD_CURVE_BOWL, .w0 = 2, .rate = 0.1
#define WELLS .kind = GD_CURVE_WELLS, .w0 = 1.8, .rate = 0.02

struct fixture {
	struct gd_lesson lesson;
	struct gd_scene scene;
	bool builtin;
	struct app_state *s;
	struct app_dlist dl;
	struct app_frame_info info;
	struct app_measure m;
	double now;
};

static int fake_width(void *ctx, const char *s, int px, enum app_face face)
{
	double n = (double)gd_utf8_count(s);
	(void)ctx;
	return (int)ceil(0.6 * px * n * (face == APP_FACE_BOLD ? 1.05 : 1));
}

static int fake_height(void *ctx, int px, enum app_face face)
{
	(void)ctx, (void)face;
	return px * 6 / 5;
}

static void setup(struct fixture *f, const struct tcase *t)
{
	memset(f, 0, sizeof(*f));
	if (t->scene > 0) {
		f->builtin = gd_lesson_builtin(&f->lesson) == 0;
	} else {
		gd_curve_default(&f->scene.curve, t->kind);
		if (t->formula &&
		    gd_curve_from_formula(&f->scene.curve, t->formula, NULL))
			abort(); /* a bad formula in the table */
		f->scene.w0[0] = t->w0;
		f->scene.opt.hyper[GD_HYPER_RATE] = t->rate;
		f->scene.opt.hyper[GD_HYPER_MOMENTUM] = t->beta;
		f->scene.steps = GD_SCENE_UNPLANNED;
		snprintf(f->scene.title, sizeof(f->scene.title), "Frame test");
		snprintf(f->scene.caption, sizeof(f->scene.caption),
			 "A caption long enough to wrap onto a second line in a small window.");
		f->lesson.count = 1;
		f->lesson.scenes = &f->scene;
	}
	f->s = calloc(1, sizeof(*f->s));
	if (app_state_init(f->s, &f->lesson, t->scene > 0 ? t->scene - 1 : 0))
		abort(); /* out of memory: no test to run */
	f->s->lang = t->zh ? APP_LANG_ZH : APP_LANG_EN;
	double clock = 0;
	for (int i = 0; i < t->steps; i++) {
		struct app_result r;
		clock += 1000;
		app_apply(f->s, APP_ACT_NEXT, clock, &r);
	}
	/* A built-in scene with a question starts in predict mode; these
	 * tests look at its step, as after G (test_predict.c hides it). */
	f->s->predict.on = false;
	if (t->anim_ms > 0)
		f->now = clock + t->anim_ms;
	else
		f->now = clock + 1e6, app_anim_finish(f->s);
	f->s->dark = t->dark;
	f->s->help = t->help;
	f->s->text_step = t->text_step;
	f->m = (struct app_measure){ .width = fake_width, .height = fake_height };
	app_dlist_init(&f->dl);
	app_frame_build(&f->dl, &f->info, f->s, t->w ? t->w : 1280,
			t->h ? t->h : 720, f->now, &f->m);
}

static void teardown(struct fixture *f)
{
	app_dlist_finish(&f->dl);
	app_state_finish(f->s);
	free(f->s);
	if (f->builtin)
		gd_lesson_finish(&f->lesson);
}

static const struct app_prim *find(const struct fixture *f, enum app_role role)
{
	for (int i = 0; i < f->dl.n; i++)
		if (f->dl.prims[i].role == role)
			return &f->dl.prims[i];
	return NULL;
}

static bool is_label(enum app_role r)
{
	return r == APP_ROLE_SLOPE_LABEL || r == APP_ROLE_DW_LABEL ||
	       r == APP_ROLE_TICK_LABEL || r == APP_ROLE_AXIS_NAME;
}

/* The box a run's glyphs can reach: an axis name sits just under the
 * last tick label, so for pairs with one its line gap below the font
 * size does not count. */
static struct app_box ink(const struct app_prim *p, bool tight)
{
	struct app_box b = p->box;
	if (tight)
		b.h = (float)p->style.px;
	return b;
}

/* The slope, Δw and tick labels do not overlap each other, nor the axis
 * names' glyphs. */
static void check_labels(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	int labels = 0, bad = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *a = &f.dl.prims[i];
		if (a->kind != APP_PRIM_TEXT || !is_label(a->role))
			continue;
		labels++;
		for (int j = i + 1; j < f.dl.n; j++) {
			const struct app_prim *b = &f.dl.prims[j];
			if (b->kind != APP_PRIM_TEXT || !is_label(b->role))
				continue;
			bool tight = a->role == APP_ROLE_AXIS_NAME ||
				     b->role == APP_ROLE_AXIS_NAME;
			if (!app_box_overlap(ink(a, tight), ink(b, tight)))
				continue;
			fprintf(stderr, "'%s' meets '%s'\n",
				app_dlist_str(&f.dl, a), app_dlist_str(&f.dl, b));
			bad++;
		}
	}
	CHECK(labels >= 6);
	CHECK(bad == 0);
	CHECK(find(&f, APP_ROLE_SLOPE_LABEL) != NULL);
	teardown(&f);
}

static bool box_inside(struct app_box outer, struct app_box b, float slack);

/* Labels never collide with the curve: the Δw and slope labels inside the
 * plot each sit on a band of the theme's background drawn just before
 * them and covering their text, the tick labels and axis names lie
 * outside the plot area, and the slope label, when there is one, stays
 * by its tangent (within two text heights of the drawn segment). */
static void check_backed(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_theme *th = app_theme_get(t->dark);
	const struct gd_view *v = &f.info.view;
	struct app_box area = { (float)v->x, (float)v->y, (float)v->width,
				(float)v->height };
	int backed = 0, slope = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->kind != APP_PRIM_TEXT)
			continue;
		if (p->role == APP_ROLE_TICK_LABEL ||
		    p->role == APP_ROLE_AXIS_NAME) {
			struct app_box b = ink(p, true);
			b.x += 1, b.y += 1, b.w -= 2, b.h -= 2;
			if (app_box_overlap(b, area))
				fprintf(stderr, "'%s' in the plot\n",
					app_dlist_str(&f.dl, p));
			CHECK(!app_box_overlap(b, area));
			continue;
		}
		if (p->role != APP_ROLE_DW_LABEL && p->role != APP_ROLE_SLOPE_LABEL)
			continue;
		CHECK(i > 0);
		const struct app_prim *r = &f.dl.prims[i - 1];
		CHECK(r->kind == APP_PRIM_RECT);
		CHECK(r->color.r == th->bg.r && r->color.g == th->bg.g &&
		      r->color.b == th->bg.b && r->color.a >= 180);
		CHECK(box_inside(r->box, ink(p, true), 0.01f));
		backed++;
		if (p->role == APP_ROLE_SLOPE_LABEL) {
			slope++;
			CHECK(f.info.has_tangent);
			const struct app_frame_info *fi = &f.info;
			double best = (double)INFINITY;
			for (int k = 0; k < 9; k++) {
				double x = (double)p->box.x +
					   (double)p->box.w * (k % 3) / 2;
				double y = (double)p->box.y +
					   (double)p->style.px * (k / 3) / 2;
				double dx = (double)(fi->tan_x1 - fi->tan_x0);
				double dy = (double)(fi->tan_y1 - fi->tan_y0);
				double u = ((x - (double)fi->tan_x0) * dx +
					    (y - (double)fi->tan_y0) * dy) /
					   (dx * dx + dy * dy);
				u = u < 0 ? 0 : u > 1 ? 1 : u;
				best = fmin(
					best,
					hypot(x - (double)fi->tan_x0 - u * dx,
					      y - (double)fi->tan_y0 - u * dy));
			}
			if (best > 2.0 * p->style.px)
				fprintf(stderr, "slope label %g px off\n", best);
			CHECK(best <= 2.0 * p->style.px + 1);
		}
	}
	CHECK(backed >= 1);
	CHECK(slope == 1);
	teardown(&f);
}

/* The view follows the action: the point and the next one are inside
 * the view, and the higher of the two is at least a fifth of the plot's
 * height above its floor (the walls leave the top instead). */
static void check_action(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_view *v = &f.info.view;
	struct app_shown sh = app_shown_step(f.s, f.now);
	CHECK(sh.has_step);
	double pts[2][2] = { { sh.w, sh.E }, { sh.u.w_next[0], sh.u.E_next } };
	double high = 0;
	for (int i = 0; i < 2; i++) {
		CHECK(pts[i][0] >= v->wmin && pts[i][0] <= v->wmax);
		CHECK(pts[i][1] >= v->emin && pts[i][1] <= v->emax);
		high = fmax(high, (pts[i][1] - v->emin) / (v->emax - v->emin));
	}
	if (high < 0.2)
		fprintf(stderr, "the action at %.0f %% of the height\n",
			100 * high);
	CHECK(high >= 0.2);
	teardown(&f);
}

/* Axis ticks stay distinct and whole at any zoom and pan: after the
 * case's zooms and pans the labels of each axis all differ, none is cut
 * by the window's edge, some are left on each axis, and (after zooms)
 * the curve still shows inside the plot. */
static void check_ticks(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_result r;
	for (int i = 0; i < t->zooms; i++)
		app_zoom(f.s, t->zoom, f.s->pres.run->w[0], f.s->pres.run->E, &r);
	for (int i = 0; i < t->pans; i++)
		app_pan(f.s, t->pan_x, t->pan_y, f.info.view.width,
			f.info.view.height, &r);
	int W = t->w ? t->w : 1280, H = t->h ? t->h : 720;
	app_frame_build(&f.dl, &f.info, f.s, W, H, f.now, &f.m);
	const struct gd_view *v = &f.info.view;
	float bottom = (float)(v->y + v->height);
	const char *seen[2][GD_VIEW_MAX_TICKS];
	int n[2] = { 0, 0 };
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->kind != APP_PRIM_TEXT || p->role != APP_ROLE_TICK_LABEL)
			continue;
		const char *str = app_dlist_str(&f.dl, p);
		if (p->box.x < 0 || p->box.x + p->box.w > (float)W)
			fprintf(stderr, "'%s' cut at %g\n", str, (double)p->box.x);
		CHECK(p->box.x >= 0 && p->box.x + p->box.w <= (float)W);
		int axis = p->box.y >= bottom ? 0 : 1;
		for (int k = 0; k < n[axis]; k++) {
			if (strcmp(seen[axis][k], str) == 0)
				fprintf(stderr, "'%s' twice\n", str);
			CHECK(strcmp(seen[axis][k], str) != 0);
		}
		CHECK(n[axis] < GD_VIEW_MAX_TICKS);
		seen[axis][n[axis]++] = str;
	}
	CHECK(n[0] >= 2 && n[1] >= 2);
	int inside = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->role != APP_ROLE_CURVE || p->kind != APP_PRIM_LINE)
			continue;
		for (int k = p->first; k < p->first + p->count; k++)
			inside += gd_view_contains(v, (double)f.dl.xs[k],
						   (double)f.dl.ys[k]);
	}
	if (t->pans == 0 && inside < 2)
		fprintf(stderr, "curve gone: w [%g, %g], E [%g, %g]\n", v->wmin,
			v->wmax, v->emin, v->emax);
	CHECK(t->pans > 0 || inside >= 2);
	teardown(&f);
}

/* Larger text never makes the panel vanish: at each press of Ctrl+= up
 * to the case's text_step the panel is shown and still says where w is
 * (its "w = " line) and the update's Δw. */
static void check_text_steps(const struct tcase *t)
{
	for (int k = 0; k <= t->text_step; k++) {
		struct tcase c = *t;
		c.text_step = k;
		struct fixture f;
		setup(&f, &c);
		bool w_line = false, dw_line = false;
		for (int i = 0; i < f.dl.n; i++) {
			const struct app_prim *p = &f.dl.prims[i];
			if (p->kind != APP_PRIM_TEXT ||
			    p->role != APP_ROLE_PANEL_LINE)
				continue;
			w_line |= strncmp(app_dlist_str(&f.dl, p), "w = ", 4) == 0;
			dw_line |= strstr(app_dlist_str(&f.dl, p), "Δw") != NULL;
		}
		if (!f.info.lay.show_panel || !w_line || !dw_line)
			fprintf(stderr, "text step %d: panel %d, w %d, Δw %d\n",
				k, f.info.lay.show_panel, w_line, dw_line);
		CHECK(f.info.lay.show_panel && w_line && dw_line);
		teardown(&f);
	}
}

/* The panel's size does not jump from scene to scene: every scene of
 * the built-in lesson whose caption is three lines or fewer puts the
 * panel in the same rectangle. */
static void check_panel_steady(const struct tcase *t)
{
	struct gd_lesson lesson;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	int scenes = lesson.count;
	gd_lesson_finish(&lesson);
	struct app_rect first = { 0 };
	int seen = 0;
	for (int k = 1; k <= scenes; k++) {
		struct tcase c = *t;
		c.scene = k;
		struct fixture f;
		setup(&f, &c);
		const struct app_layout *l = &f.info.lay;
		bool short_cap = l->show_caption &&
				 l->caption.h <= APP_CAPTION_LINES * l->line +
							 l->pad / 2;
		if (l->show_panel && short_cap) {
			if (seen++ == 0)
				first = l->panel;
			if (memcmp(&first, &l->panel, sizeof(first)) != 0)
				fprintf(stderr, "scene %d: panel %d×%d\n", k,
					l->panel.w, l->panel.h);
			CHECK(memcmp(&first, &l->panel, sizeof(first)) == 0);
		}
		teardown(&f);
	}
	CHECK(seen >= scenes / 2);
}

/* S's notice: shown whole inside the window (a long path loses its
 * start, never the file's name), and gone after APP_NOTICE_MS. */
static void check_notice(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	char msg[APP_NOTICE_MAX];
	snprintf(msg, sizeof(msg), "Saved %s/gdstep-20260101-120000-2.png",
		 t->want ? t->want : "/home/teacher");
	app_notice(f.s, f.now, msg);
	int W = t->w ? t->w : 1280, H = t->h ? t->h : 720;
	app_frame_build(&f.dl, &f.info, f.s, W, H, f.now + 100, &f.m);
	const struct app_prim *p = find(&f, APP_ROLE_NOTICE);
	CHECK(p != NULL);
	const char *shown = app_dlist_str(&f.dl, p);
	CHECK(p->box.x >= 0 && p->box.x + p->box.w <= (float)W);
	CHECK(p->box.y >= 0 && p->box.y + p->box.h <= (float)H);
	const char *tail = "gdstep-20260101-120000-2.png";
	CHECK(strlen(shown) >= strlen(tail) &&
	      strcmp(shown + strlen(shown) - strlen(tail), tail) == 0);
	CHECK(strcmp(shown, msg) == 0 || strncmp(shown, "…", 3) == 0);
	struct app_result r = { 0 };
	double wait = -1;
	app_tick(f.s, f.now + APP_NOTICE_MS + 1, &r, &wait);
	CHECK(r.fx & APP_FX_REDRAW);
	app_frame_build(&f.dl, &f.info, f.s, W, H, f.now + APP_NOTICE_MS + 1,
			&f.m);
	CHECK(find(&f, APP_ROLE_NOTICE) == NULL);
	teardown(&f);
}

static bool has_run(const struct fixture *f, enum app_role role, const char *want);

/* The weight's axis is named as the scene names it: want (w₁ on seed
 * 002's neuron, w elsewhere). */
static void check_axis_name(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	CHECK(has_run(&f, APP_ROLE_AXIS_NAME, t->want));
	teardown(&f);
}

/* The arrow runs from w to the shown tip along its row, |Δw| · (pixels
 * per unit of w) long, and is drawn at all when Δw ≠ 0. */
static void check_arrow(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_shown sh = app_shown_step(f.s, f.now);
	CHECK(sh.has_step);
	const struct app_prim *p = find(&f, APP_ROLE_STEP_ARROW);
	CHECK(p != NULL && p->count == 2);
	const struct gd_view *v = &f.info.view;
	double k = v->width / (v->wmax - v->wmin);
	float x0 = f.dl.xs[p->first], x1 = f.dl.xs[p->first + 1];
	CHECK(f.dl.ys[p->first] == f.dl.ys[p->first + 1]);
	double want = fabs(sh.tip_w - sh.u.w[0]) * k;
	CHECK_APPROX(fabs((double)(x1 - x0)), want, 0.05, 1e-4);
	if (!sh.growing) {
		CHECK_APPROX(fabs((double)(x1 - x0)), fabs(sh.u.delta[0]) * k,
			     0.05, 1e-4);
		CHECK(sh.u.delta[0] == 0 || fabs((double)(x1 - x0)) > 0);
	}
	CHECK((x1 - x0 < 0) == (sh.tip_w < sh.u.w[0]) || x1 == x0);
	CHECK(f.info.tip_x == x1 && f.info.base_x == x0);
	teardown(&f);
}

/* The view follows the action: the step arrow is at least 14 px long
 * (2 % of the plot's width) whatever the curve and its scale, and both
 * ends are inside the plot. */
static void check_arrow_min(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_prim *p = find(&f, APP_ROLE_STEP_ARROW);
	CHECK(p != NULL && p->count == 2);
	if (!p) {
		teardown(&f);
		return;
	}
	float x0 = f.dl.xs[p->first], x1 = f.dl.xs[p->first + 1];
	const struct gd_view *v = &f.info.view;
	if (fabs((double)(x1 - x0)) < 14)
		fprintf(stderr, "arrow %g px over [%g, %g]\n",
			fabs((double)(x1 - x0)), v->wmin, v->wmax);
	CHECK(fabs((double)(x1 - x0)) >= 14);
	CHECK(x0 >= (float)v->x && x0 <= (float)(v->x + v->width));
	CHECK(x1 >= (float)v->x && x1 <= (float)(v->x + v->width));
	teardown(&f);
}

/* The Δw label is never over the current point or the next one's ring
 * (scene 7 bounces at the foot of |w − 1|, where all three meet). */
static void check_dw_clear(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_prim *lab = find(&f, APP_ROLE_DW_LABEL);
	struct app_shown sh = app_shown_step(f.s, f.now);
	CHECK(lab != NULL && sh.has_step);
	if (lab) {
		double pts[2][2] = { { sh.w, sh.E },
				     { sh.u.w_next[0], sh.u.E_next } };
		for (int i = 0; i < 2; i++) {
			double x, y, r = (double)f.info.point_r + 2;
			gd_view_to_screen(&f.info.view, pts[i][0], pts[i][1],
					  &x, &y);
			struct app_box b = ink(lab, true);
			double bx = (double)b.x, by = (double)b.y;
			double bw = (double)b.w, bh = (double)b.h;
			bool meet = x + r > bx && x - r < bx + bw &&
				    y + r > by && y - r < by + bh;
			if (meet)
				fprintf(stderr, "Δw label meets point %d\n", i);
			CHECK(!meet);
		}
	}
	teardown(&f);
}

/* The panel's text, lines joined by spaces. */
static void panel_text(const struct fixture *f, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < f->dl.n; i++) {
		const struct app_prim *p = &f->dl.prims[i];
		size_t len = strlen(buf);
		if (p->role == APP_ROLE_PANEL_LINE)
			snprintf(buf + len, size - len, "%s\n",
				 app_dlist_str(&f->dl, p));
	}
}

#define V(x) app_fmt_value((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))

/* A text run of role that reads exactly want. */
static bool has_run(const struct fixture *f, enum app_role role, const char *want)
{
	for (int i = 0; i < f->dl.n; i++)
		if (f->dl.prims[i].role == role &&
		    strcmp(app_dlist_str(&f->dl, &f->dl.prims[i]), want) == 0)
			return true;
	return false;
}

/* The inset's E axis starts at a labelled 0: a run's E is drawn at its
 * true height above it (scene 9 trapped at E = 0.744, scene 5's constant
 * E = 4: both far above the baseline). */
static void check_inset_zero(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_prim *axis = NULL,
			      *curve = find(&f, APP_ROLE_INSET_CURVE);
	for (int i = 0; i < f.dl.n; i++)
		if (f.dl.prims[i].role == APP_ROLE_INSET_AXIS)
			axis = &f.dl.prims[i]; /* the last: the vertical one */
	CHECK(axis && curve && has_run(&f, APP_ROLE_INSET_LABEL, "0"));
	if (!axis || !curve) {
		teardown(&f);
		return;
	}
	float top = f.dl.ys[axis->first], base = f.dl.ys[axis->first + 1];
	float last = f.dl.ys[curve->first + curve->count - 1];
	const struct gd_run *run = app_state_run(f.s);
	double emax = run->E;
	for (size_t i = 0; i < gd_run_history_len(run); i++)
		emax = fmax(emax, gd_run_history_at(run, i)->E);
	/* The last point's height over the baseline is E over the scale's
	 * top (1.1 × the highest E): 0 is the baseline. */
	double want = run->E / (1.1 * emax) * (double)(base - top);
	CHECK_APPROX((double)(base - last), want, 1.5, 0.01);
	CHECK(base - last > 5); /* not on the baseline */
	teardown(&f);
}

/* The trail keeps every point of a 150-step scene, none fainter than a
 * third opaque. */
static void check_trail(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	int discs = 0, faint = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->role != APP_ROLE_TRAIL || p->kind != APP_PRIM_DISC)
			continue;
		discs++;
		faint += p->color.a < 85;
	}
	if (discs < t->steps)
		fprintf(stderr, "%d trail points\n", discs);
	CHECK(discs >= t->steps && faint == 0);
	teardown(&f);
}

/* w, E, dE/dw, Δw and w + Δw as fmt.c writes them, in the panel and on
 * the plot's labels. */
static void check_numbers(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_run *run = app_state_run(f.s);
	struct gd_update u;
	CHECK(gd_run_peek(run, &u));
	static char all[1 << 16];
	panel_text(&f, all, sizeof(all));
	char want[256];
	snprintf(want, sizeof(want), "w = %s    E(w) = %s", V(run->w[0]),
		 V(run->E));
	CHECK(has_run(&f, APP_ROLE_PANEL_LINE, want));
	snprintf(want, sizeof(want), "dE/dw = %s", V(u.grad[0]));
	CHECK(has_run(&f, APP_ROLE_PANEL_LINE, want));
	CHECK(has_run(&f, APP_ROLE_SLOPE_LABEL, want));
	/* The Δw label goes over an arrow at least half a pixel long. */
	snprintf(want, sizeof(want), "Δw = %s", V(u.delta[0]));
	CHECK(has_run(&f, APP_ROLE_DW_LABEL, want) == f.info.has_arrow);
	snprintf(want, sizeof(want), "= %s\n", V(u.delta[0]));
	if (!strstr(all, want))
		fprintf(stderr, "no '%s' in:\n%s", want, all);
	CHECK(strstr(all, want) != NULL);
	snprintf(want, sizeof(want), "= %s\n", V(u.w_next[0]));
	CHECK(strstr(all, want) != NULL);
	snprintf(want, sizeof(want), app_tr(f.s->lang, "Iteration %ld"),
		 run->step);
	CHECK(has_run(&f, APP_ROLE_PANEL_LINE, want));
	teardown(&f);
}

#define P(x) app_fmt_paren((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))
#define K(x) app_fmt_param((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))

/* s without its spaces, into buf. */
static const char *squeeze(char *buf, size_t size, const char *s)
{
	size_t j = 0;
	for (; *s && j + 1 < size; s++)
		if (*s != ' ')
			buf[j++] = *s;
	buf[j] = '\0';
	return buf;
}

/* The panel's lines as written before wrapping, without spaces, one per
 * line of out: a wrapped line's continuations are indented. */
static void logical_lines(const struct fixture *f, char *out, size_t size)
{
	float left = 1e9f;
	for (int i = 0; i < f->dl.n; i++)
		if (f->dl.prims[i].role == APP_ROLE_PANEL_LINE)
			left = fminf(left, f->dl.prims[i].box.x);
	out[0] = '\0';
	for (int i = 0; i < f->dl.n; i++) {
		const struct app_prim *p = &f->dl.prims[i];
		if (p->role != APP_ROLE_PANEL_LINE)
			continue;
		size_t len = strlen(out);
		char sq[1024];
		snprintf(out + len, size - len, "%s%s",
			 p->box.x > left && len ? "" : "\n",
			 squeeze(sq, sizeof(sq), app_dlist_str(&f->dl, p)));
	}
	size_t len = strlen(out);
	snprintf(out + len, size - len, "\n");
}

/* Whether the panel has the line want (spaces aside). */
static bool has_line(const char *lines, const char *want)
{
	char sq[1024], line[1040];
	snprintf(line, sizeof(line), "\n%s\n", squeeze(sq, sizeof(sq), want));
	if (!strstr(lines, line))
		fprintf(stderr, "no line '%s' in:%s", want, lines);
	return strstr(lines, line) != NULL;
}

/* The update written out with its numbers substituted, every number the
 * run's as fmt.c formats it: the lines as a whole, after unwrapping. */
static void check_update_lines(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_run *run = app_state_run(f.s);
	enum app_lang lang = f.s->lang;
	struct gd_update u;
	CHECK(gd_run_peek(run, &u));
	static char lines[1 << 16];
	logical_lines(&f, lines, sizeof(lines));
	char want[512];
	snprintf(want, sizeof(want), app_tr(lang, "Iteration %ld"), run->step);
	CHECK(has_line(lines, want));
	snprintf(want, sizeof(want), "w = %s    E(w) = %s", V(run->w[0]),
		 V(run->E));
	CHECK(has_line(lines, want));
	if (u.opt.hyper[GD_HYPER_MOMENTUM] > 0) {
		snprintf(want, sizeof(want),
			 app_tr(lang, "η = %s, momentum β = %s"),
			 K(gd_run_rate(run)), K(gd_run_momentum(run)));
		CHECK(has_line(lines, want));
		snprintf(want, sizeof(want),
			 "v ← β·v − η·dE/dw = %s × %s − %s × %s = %s",
			 K(u.opt.hyper[GD_HYPER_MOMENTUM]),
			 P(u.state_prev[GD_GD_V][0]),
			 K(u.opt.hyper[GD_HYPER_RATE]), P(u.grad[0]),
			 V(u.state[GD_GD_V][0]));
		CHECK(has_line(lines, want));
		snprintf(want, sizeof(want), "w ← w + v = %s + %s = %s",
			 V(u.w[0]), P(u.delta[0]), V(u.w_next[0]));
		CHECK(has_line(lines, want));
	} else {
		snprintf(want, sizeof(want),
			 app_tr(lang, "η = %s, no momentum (β = 0)"),
			 K(gd_run_rate(run)));
		CHECK(has_line(lines, want));
		snprintf(want, sizeof(want), "Δw = −η·dE/dw = −%s × %s = %s",
			 K(u.opt.hyper[GD_HYPER_RATE]), P(u.grad[0]),
			 V(u.delta[0]));
		CHECK(has_line(lines, want));
		snprintf(want, sizeof(want), "w ← %s + %s = %s", V(u.w[0]),
			 P(u.delta[0]), V(u.w_next[0]));
		CHECK(has_line(lines, want));
	}
	snprintf(want, sizeof(want), "dE/dw = %s", V(u.grad[0]));
	CHECK(has_line(lines, want));
	CHECK(has_line(lines, app_tr(lang, "Next update")));
	teardown(&f);
}

/* Whether s holds word as a word of its own (no letter either side),
 * in any case. */
static bool has_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = s; *p; p++) {
		if (strncasecmp(p, word, n) != 0)
			continue;
		bool before = p > s && isalpha((unsigned char)p[-1]);
		bool after = isalpha((unsigned char)p[n]);
		if (!before && !after)
			return true;
	}
	return false;
}

/* No text run says nan or inf, however the run went. */
static void check_finite(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	int runs = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->kind != APP_PRIM_TEXT)
			continue;
		const char *s = app_dlist_str(&f.dl, p);
		runs++;
		if (has_word(s, "nan") || has_word(s, "inf"))
			fprintf(stderr, "text: %s\n", s);
		CHECK(!has_word(s, "nan") && !has_word(s, "inf"));
		CHECK(isfinite(p->box.x) && isfinite(p->box.y));
	}
	CHECK(runs > 5);
	CHECK(f.info.has_point && isfinite(f.info.point_x) &&
	      isfinite(f.info.point_y));
	teardown(&f);
}

static bool box_inside(struct app_box outer, struct app_box b, float slack)
{
	return b.x >= outer.x - slack && b.y >= outer.y - slack &&
	       b.x + b.w <= outer.x + outer.w + slack &&
	       b.y + b.h <= outer.y + outer.h + slack;
}

static bool plot_role(enum app_role r)
{
	return r == APP_ROLE_CURVE || r == APP_ROLE_TRAIL ||
	       r == APP_ROLE_TANGENT || r == APP_ROLE_DROP ||
	       r == APP_ROLE_NEXT_POINT || r == APP_ROLE_STEP_ARROW ||
	       r == APP_ROLE_POINT_HALO || r == APP_ROLE_POINT ||
	       r == APP_ROLE_SLOPE_LABEL || r == APP_ROLE_DW_LABEL;
}

/* A formula outside its domain (sqrt left of 0) leaves a gap: the curve
 * is drawn, every point of it is finite and right of w = 0. */
static void check_gap(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_view *v = &f.info.view;
	double x0, y0;
	gd_view_to_screen(v, 0, 0, &x0, &y0);
	CHECK(v->wmin < 0);
	int lines = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->role != APP_ROLE_CURVE)
			continue;
		lines++;
		for (int k = p->first; k < p->first + p->count; k++) {
			CHECK(isfinite(f.dl.xs[k]) && isfinite(f.dl.ys[k]));
			CHECK(f.dl.xs[k] >= (float)x0 - 1);
		}
	}
	CHECK(lines >= 1);
	teardown(&f);
}

/* Everything of the plot is drawn inside the plot's clip, which is the
 * view's rectangle; the labels and the arrow lie wholly in it, the
 * point's centre too; the grid and axes lie on it. With two weights the
 * plot is the map and the two slices: each is a plot clip of its own,
 * and the grid and axes lie in the layout's plot area. */
static void check_clip(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_view *v = &f.info.view;
	struct app_box area = { (float)v->x, (float)v->y, (float)v->width,
				(float)v->height };
	struct app_box all = area;
	if (f.info.two)
		all = (struct app_box){ (float)f.info.lay.area.x,
					(float)f.info.lay.area.y,
					(float)f.info.lay.area.w,
					(float)f.info.lay.area.h };
	struct app_box whole_area = area;
	bool in_plot = false;
	int seen = 0, depth = 0;
	bool plot_clip[16]; /* the clips pushed: each the plot's or not */
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->kind == APP_PRIM_CLIP_PUSH && depth < 16)
			plot_clip[depth++] = p->role == APP_ROLE_PLOT_CLIP;
		if (p->kind == APP_PRIM_CLIP_POP && depth > 0 &&
		    !plot_clip[--depth])
			continue; /* a clip inside the plot's ends */
		if (p->kind == APP_PRIM_CLIP_PUSH &&
		    p->role == APP_ROLE_PLOT_CLIP) {
			bool slice = false;
			for (int k = 0; f.info.two && k < 2; k++) {
				const struct gd_view *sv = &f.info.slice[k];
				struct app_box b = { (float)sv->x, (float)sv->y,
						     (float)sv->width,
						     (float)sv->height };
				slice |= memcmp(&p->box, &b, sizeof(b)) == 0;
			}
			CHECK(slice || memcmp(&p->box, &area, sizeof(area)) == 0);
			whole_area = p->box;
			in_plot = true;
		} else if (p->kind == APP_PRIM_CLIP_POP) {
			in_plot = false;
		}
		if (plot_role(p->role)) {
			CHECK(in_plot);
			seen++;
		}
		/* The point's centre is in the plot; at E = emin (a
		 * minimum at 0) the plot's edge cuts its disc in half. */
		if (p->role == APP_ROLE_POINT)
			CHECK(box_inside(whole_area,
					 (struct app_box){ p->cx, p->cy, 0, 0 },
					 0.01f));
		bool whole = p->role == APP_ROLE_SLOPE_LABEL ||
			     p->role == APP_ROLE_DW_LABEL ||
			     p->role == APP_ROLE_STEP_ARROW;
		/* A label with no room in the plot (huge text: wider than
		 * it, or the plot under four labels high) is left to the
		 * clip: the avoidance may push it out. */
		struct app_box b = p->box;
		if (whole && p->kind == APP_PRIM_TEXT &&
		    (b.w > whole_area.w - 8 || 4 * b.h > whole_area.h))
			b = whole_area;
		if (whole && !box_inside(whole_area, b, 0.01f))
			fprintf(stderr, "role %d at %g %g %g %g\n", p->role,
				(double)p->box.x, (double)p->box.y,
				(double)p->box.w, (double)p->box.h);
		CHECK(!whole || box_inside(whole_area, b, 0.01f));
		if (p->role == APP_ROLE_GRID || p->role == APP_ROLE_AXIS)
			CHECK(box_inside(all, p->box, 0.01f));
	}
	CHECK(seen >= 6);
	teardown(&f);
}

/* The panel's lines lie in the panel, within its padding, and the
 * caption's in the caption band. */
static void check_panel(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_layout *l = &f.info.lay;
	CHECK(l->show_panel);
	struct app_box panel = { (float)(l->panel.x + l->pad), (float)l->panel.y,
				 (float)(l->panel.w - 2 * l->pad),
				 (float)l->panel.h };
	/* The text keeps above the inset, which gives it room (down to
	 * five lines) before the text is set smaller. */
	for (int i = 0; i < f.dl.n; i++)
		if (f.dl.prims[i].role == APP_ROLE_INSET_BG)
			panel.h = f.dl.prims[i].box.y - (float)l->panel.y;
	struct app_box cap = { (float)l->caption.x, (float)l->caption.y,
			       (float)l->caption.w, (float)l->caption.h };
	int lines = 0, caps = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->role == APP_ROLE_PANEL_LINE) {
			lines++;
			if (!box_inside(panel, p->box, 0))
				fprintf(stderr, "'%s' at %g %g %g %g\n",
					app_dlist_str(&f.dl, p),
					(double)p->box.x, (double)p->box.y,
					(double)p->box.w, (double)p->box.h);
			CHECK(box_inside(panel, p->box, 0));
		} else if (p->role == APP_ROLE_CAPTION) {
			caps++;
			CHECK(box_inside(cap, p->box, 0));
		}
	}
	CHECK(lines >= 6);
	CHECK(!l->show_caption || caps >= 1);
	teardown(&f);
}

/* The help overlay: a line per help entry, none overlapping, all in
 * the window, in the state's language. */
static void check_help(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_help_line lines[64];
	int n = app_help_lines(f.s->lang, lines, 64);
	struct app_box win = { 0, 0, (float)(t->w ? t->w : 1280),
			       (float)(t->h ? t->h : 720) };
	int keys = 0, texts = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->role != APP_ROLE_HELP_KEY && p->role != APP_ROLE_HELP_TEXT)
			continue;
		keys += p->role == APP_ROLE_HELP_KEY;
		texts += p->role == APP_ROLE_HELP_TEXT;
		CHECK(box_inside(win, p->box, 0));
		for (int j = i + 1; j < f.dl.n; j++) {
			const struct app_prim *q = &f.dl.prims[j];
			if ((q->role == APP_ROLE_HELP_KEY ||
			     q->role == APP_ROLE_HELP_TEXT) &&
			    app_box_overlap(p->box, q->box))
				fprintf(stderr, "'%s' meets '%s'\n",
					app_dlist_str(&f.dl, p),
					app_dlist_str(&f.dl, q));
			CHECK(!(q->role == APP_ROLE_HELP_KEY ||
				q->role == APP_ROLE_HELP_TEXT) ||
			      !app_box_overlap(p->box, q->box));
		}
	}
	CHECK(keys == n && texts == n);
	CHECK(has_run(&f, APP_ROLE_HELP_TEXT, lines[0].help));
	CHECK(has_run(&f, APP_ROLE_HELP_KEY, lines[0].keys));
	teardown(&f);
}

/* The state's language decides the words: Chinese when asked, with no
 * process-wide language set. */
static void check_lang(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const char *zh = app_tr(APP_LANG_ZH, "Next update");
	CHECK(strcmp(zh, "Next update") != 0); /* the catalogue is there */
	CHECK(has_run(&f, APP_ROLE_PANEL_LINE, zh));
	CHECK(!has_run(&f, APP_ROLE_PANEL_LINE, "Next update"));
	struct app_result r;
	app_apply(f.s, APP_ACT_LANG, f.now, &r);
	CHECK(f.s->lang == APP_LANG_EN && (r.fx & APP_FX_LANG));
	app_frame_build(&f.dl, &f.info, f.s, 1280, 720, f.now, &f.m);
	CHECK(has_run(&f, APP_ROLE_PANEL_LINE, "Next update"));
	teardown(&f);
}

/* Building a frame reads the state only, and says where the plot went. */
static void check_const(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_state *copy = malloc(sizeof(*copy));
	struct gd_run *run = malloc(sizeof(*run));
	memcpy(copy, f.s, sizeof(*copy));
	memcpy(run, app_state_run(f.s), sizeof(*run));
	app_frame_build(&f.dl, &f.info, f.s, 1000, 700, f.now, &f.m);
	bool same = memcmp(copy, f.s, sizeof(*copy)) == 0 &&
		    memcmp(run, app_state_run(f.s), sizeof(*run)) == 0;
	free(copy);
	free(run);
	CHECK(same);
	CHECK(f.info.view.x == f.info.lay.area.x &&
	      f.info.view.width == f.info.lay.area.w &&
	      f.info.view.height == f.info.lay.area.h);
	CHECK(f.info.view.wmin == f.s->view.wmin &&
	      f.info.view.emax == f.s->view.emax);
	const struct app_prim *p = find(&f, APP_ROLE_POINT);
	CHECK(p && p->cx == f.info.point_x && p->cy == f.info.point_y);
	teardown(&f);
}

/* A blank screen is one black rectangle. */
static void check_blank(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	f.s->blank = true;
	app_frame_build(&f.dl, &f.info, f.s, 640, 480, f.now, &f.m);
	CHECK(f.dl.n == 1 && f.dl.prims[0].role == APP_ROLE_BACKGROUND);
	CHECK(f.dl.prims[0].color.r == 0 && f.dl.prims[0].box.w == 640);
	CHECK(f.info.blank);
	teardown(&f);
}

/* The panel's words, wrapped lines joined by spaces, say t->want (the
 * status, how E changes) and never t->never. */
static void check_says(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	static char all[1 << 16];
	panel_text(&f, all, sizeof(all));
	for (char *c = all; *c; c++)
		*c = *c == '\n' ? ' ' : *c;
	if (!strstr(all, t->want) || (t->never && strstr(all, t->never)))
		fprintf(stderr, "panel: %s\n", all);
	CHECK(strstr(all, t->want) != NULL);
	CHECK(!t->never || strstr(all, t->never) == NULL);
	teardown(&f);
}

/* The caption's text as the frame shows it, wrapped lines joined by
 * spaces. */
static void caption_text(const struct fixture *f, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < f->dl.n; i++) {
		const struct app_prim *p = &f->dl.prims[i];
		size_t len = strlen(buf);
		if (p->role == APP_ROLE_CAPTION)
			snprintf(buf + len, size - len, "%s ",
				 app_dlist_str(&f->dl, p));
	}
}

/* A caption that names the scene's η ({rate}) shows the current one after
 * Up, and says that the settings changed. */
static void check_caption_rate(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	static char cap[1 << 14];
	caption_text(&f, cap, sizeof(cap));
	CHECK(strstr(cap, t->zh ? "η = 0.1，" : "η = 0.1 each") != NULL);
	CHECK(strstr(cap, "{rate}") == NULL);
	CHECK(strstr(cap, t->zh ? "设置已改变" : "Settings changed") == NULL);
	struct app_result r;
	app_apply(f.s, APP_ACT_RATE_UP, f.now, &r);
	app_frame_build(&f.dl, &f.info, f.s, 1280, 720, f.now, &f.m);
	caption_text(&f, cap, sizeof(cap));
	if (!strstr(cap, "0.12"))
		fprintf(stderr, "caption: %s\n", cap);
	CHECK(strstr(cap, t->zh ? "η = 0.12，" : "η = 0.12 each") != NULL);
	CHECK(strstr(cap, t->zh ? "设置已改变" : "Settings changed") != NULL);
	teardown(&f);
}

/* A caption that tells what the scene's own η does (scene 4: η = 0.8
 * overshoots and converges) keeps naming 0.8 after Up and Down, which
 * would make it false of the new η, and the line under it says what
 * changed. */
static void check_caption_story(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	static char cap[1 << 14];
	struct app_result r;
	for (int i = 0; i < 4; i++)
		app_apply(f.s, APP_ACT_RATE_DOWN, f.now, &r);
	CHECK(app_state_run(f.s)->opt.hyper[GD_HYPER_RATE] < 0.5);
	app_frame_build(&f.dl, &f.info, f.s, 1280, 720, f.now, &f.m);
	caption_text(&f, cap, sizeof(cap));
	if (!strstr(cap, t->zh ? "η = 0.8，" : "η = 0.8 each"))
		fprintf(stderr, "caption: %s\n", cap);
	CHECK(strstr(cap, t->zh ? "η = 0.8，" : "η = 0.8 each") != NULL);
	CHECK(strstr(cap, t->zh ? "设置已改变" : "Settings changed") != NULL);
	teardown(&f);
}

/* The header says where the lesson stands: scene k / n and step s / plan
 * (scene 4 of the built-in lesson plans 12); a typed scene number and
 * the Esc prompt show. */
static void check_where(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_scene *sc = gd_presenter_scene(&f.s->pres);
	char want[160];
	if (t->zh)
		snprintf(want, sizeof(want), "场景 %d / %d · 第 %d / %ld 步",
			 t->scene, f.lesson.count, t->steps, sc->steps);
	else
		snprintf(want, sizeof(want), "scene %d / %d · step %d / %ld",
			 t->scene, f.lesson.count, t->steps, sc->steps);
	const struct app_prim *count = find(&f, APP_ROLE_SCENE_COUNT);
	if (!has_run(&f, APP_ROLE_SCENE_COUNT, want))
		fprintf(stderr, "want %s, have %s\n", want,
			count ? app_dlist_str(&f.dl, count) : "nothing");
	CHECK(has_run(&f, APP_ROLE_SCENE_COUNT, want));
	CHECK(find(&f, APP_ROLE_NOTICE) == NULL);
	struct app_result r;
	app_apply(f.s, APP_ACT_ESCAPE, f.now, &r);
	app_apply(f.s, APP_ACT_SCENE_1, f.now, &r); /* 1 of 11: waits */
	app_apply(f.s, APP_ACT_ESCAPE, f.now, &r);  /* drops it */
	app_apply(f.s, APP_ACT_ESCAPE, f.now, &r);  /* asks */
	app_frame_build(&f.dl, &f.info, f.s, 1280, 720, f.now, &f.m);
	CHECK(find(&f, APP_ROLE_NOTICE) != NULL);
	CHECK(!f.s->quit);
	app_apply(f.s, APP_ACT_SCENE_1, f.now, &r);
	app_frame_build(&f.dl, &f.info, f.s, 1280, 720, f.now, &f.m);
	CHECK(find(&f, APP_ROLE_NOTICE) == NULL);
	CHECK(has_run(&f, APP_ROLE_SCENE_COUNT,
		      t->zh ? "跳到第 1 个场景…（回车确认；Esc 取消）" :
			      "go to scene 1… (Enter; Esc cancels)"));
	teardown(&f);
}

/* The list's bound: past it, primitives are dropped and counted, and a
 * clip push still gets its pop. */
static void check_bounded(const struct tcase *t)
{
	struct app_dlist dl;
	app_dlist_init(&dl);
	struct app_rgba c = { 1, 2, 3, 255 };
	CHECK(app_dlist_clip_push(&dl, APP_ROLE_PLOT_CLIP,
				  (struct app_box){ 0, 0, 10, 10 }));
	int added = 0;
	while (app_dlist_disc(&dl, APP_ROLE_POINT, 1, 1, 1, c))
		added++;
	CHECK(added == APP_DLIST_MAX_PRIMS - 2);
	CHECK(dl.dropped == 1);
	app_dlist_clip_pop(&dl);
	CHECK(dl.n == APP_DLIST_MAX_PRIMS);
	CHECK(dl.prims[dl.n - 1].kind == APP_PRIM_CLIP_POP);
	CHECK(!app_dlist_clip_push(&dl, APP_ROLE_PLOT_CLIP,
				   (struct app_box){ 0, 0, 1, 1 }));
	app_dlist_clip_pop(&dl); /* the dropped push's: ignored */
	CHECK(dl.n == APP_DLIST_MAX_PRIMS);
	app_dlist_clear(&dl);
	CHECK(dl.n == 0 && dl.dropped == 0);
	float xs[3] = { 0, 4, 0 }, ys[3] = { 0, 0, 3 };
	CHECK(app_dlist_polygon(&dl, APP_ROLE_NONE, xs, ys, 3, c));
	CHECK(dl.prims[0].box.w == 4 && dl.prims[0].box.h == 3);
	CHECK(!app_dlist_polygon(&dl, APP_ROLE_NONE, xs, ys, 2, c));
	app_dlist_finish(&dl);
	app_dlist_finish(NULL);
	(void)t;
}

/* Every scene of the built-in lesson, at a few step counts and sizes,
 * in both languages: labels, finite text, the clip, the arrow. */
static void check_sweep(const struct tcase *t)
{
	struct gd_lesson lesson;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	int scenes = lesson.count;
	gd_lesson_finish(&lesson);
	static const int steps[] = { 0, 1, 3, 25 };
	static const int sizes[][2] = { { 1280, 720 },
					{ 800, 600 },
					{ 1920, 1080 } };
	int before = harness_failures;
	for (int k = 1; k <= scenes; k++)
		for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
			for (size_t j = 0; j < sizeof(sizes) / sizeof(sizes[0]);
			     j++) {
				struct tcase c = *t;
				c.scene = k, c.steps = steps[i];
				c.w = sizes[j][0], c.h = sizes[j][1];
				c.zh = (k + (int)i) % 2 == 1;
				check_labels(&c);
				check_finite(&c);
				check_clip(&c);
				if (harness_failures > before) {
					fprintf(stderr,
						"scene %d, %d steps, %dx%d\n",
						k, c.steps, c.w, c.h);
					return;
				}
			}
}

/* Readable from the back row: at 1280×720 no text of any built-in scene
 * (start, a few steps, its planned end; both languages) is set smaller
 * than 2.5 % of the window's height (18 px; the body is 21 px, plot
 * labels 20 px, a comparison's legend gives way to 18 px to fit the
 * plot), except the panel's lines, which give way a little (to 2.2 %,
 * 16 px) on the delta rule's crowded panels rather than lose a line. */
static void check_text_size(const struct tcase *t)
{
	struct gd_lesson lesson;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	int scenes = lesson.count, smallest = 1000, panel = 1000;
	gd_lesson_finish(&lesson);
	static const int steps[] = { 0, 3, 25 };
	for (int k = 1; k <= scenes; k++)
		for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
			for (int zh = 0; zh < 2; zh++) {
				struct tcase c = *t;
				c.scene = k, c.steps = steps[i], c.zh = zh;
				c.w = 1280, c.h = 720;
				struct fixture f;
				setup(&f, &c);
				for (int j = 0; j < f.dl.n; j++) {
					const struct app_prim *p = &f.dl.prims[j];
					if (p->kind != APP_PRIM_TEXT)
						continue;
					int *low = p->role == APP_ROLE_PANEL_LINE ?
							   &panel :
							   &smallest;
					if (p->style.px >= *low)
						continue;
					*low = p->style.px;
					fprintf(stderr,
						"scene %d step %d%s: '%s' at %d px\n",
						k, c.steps, zh ? " zh" : "",
						app_dlist_str(&f.dl, p), *low);
				}
				teardown(&f);
			}
	CHECK(smallest >= 0.025 * 720);
	CHECK(panel >= 0.022 * 720);
}

/*
 * The scene's title beside the counter: at 1280 × 720 every built-in
 * title is whole at its own size; on a phone held upright (1170 × 2532)
 * and in a narrow window (640 × 480) it is smaller or cut with "…", and
 * ends before the counter begins, never under it.
 */
static void check_title_fits(const struct tcase *t)
{
	struct gd_lesson lesson;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	int scenes = lesson.count;
	gd_lesson_finish(&lesson);
	/* width, height, and the body text's least size: the browser's
	 * phone at 3 pixels a CSS pixel raises the text to 11 CSS px. */
	static const int sizes[][3] = { { 1280, 720, 0 },
					{ 1170, 2532, 33 },
					{ 640, 480, 0 } };
	int smaller = 0, cut = 0;
	for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++)
		for (int k = 1; k <= scenes; k++)
			for (int zh = 0; zh < 2; zh++) {
				struct tcase c = *t;
				c.scene = k, c.zh = zh;
				c.w = sizes[z][0], c.h = sizes[z][1];
				struct app_layout l;
				for (c.text_step = 0;; c.text_step++) {
					app_layout_compute(&l, c.w, c.h,
							   c.text_step, 0, 0);
					if (l.text_px >= sizes[z][2] ||
					    c.text_step == APP_TEXT_STEP_MAX)
						break;
				}
				struct fixture f;
				setup(&f, &c);
				const struct app_prim *title = find(
					&f, APP_ROLE_HEADER_TITLE);
				const struct app_prim *count = find(
					&f, APP_ROLE_SCENE_COUNT);
				CHECK(title && count);
				if (!title || !count) {
					teardown(&f);
					continue;
				}
				const char *s = app_dlist_str(&f.dl, title);
				bool dots = strstr(s, "…") != NULL;
				float end = title->ax + title->box.w;
				float start = count->ax - count->box.w;
				if (end > start - l.pad ||
				    title->style.px < l.text_px ||
				    (z == 0 &&
				     (dots || title->style.px != l.title_px)))
					fprintf(stderr,
						"%dx%d scene %d%s: '%s' at %d px ends at %.0f, counter at %.0f\n",
						c.w, c.h, k, zh ? " zh" : "", s,
						title->style.px, (double)end,
						(double)start);
				CHECK(end <= start - l.pad);
				CHECK(title->style.px >= l.text_px);
				if (z == 0)
					CHECK(!dots &&
					      title->style.px == l.title_px);
				smaller += title->style.px < l.title_px;
				cut += dots;
				teardown(&f);
			}
	/* The narrow sizes did need it (the test sees both ways). */
	CHECK(smaller > 0 && cut > 0);
}

/* Whether a panel line contains want. */
static bool panel_has(const struct fixture *f, const char *want)
{
	for (int i = 0; i < f->dl.n; i++)
		if (f->dl.prims[i].role == APP_ROLE_PANEL_LINE &&
		    strstr(app_dlist_str(&f->dl, &f->dl.prims[i]), want))
			return true;
	return false;
}

static bool same_rgba(struct app_rgba a, struct app_rgba b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* Several runs: a legend line per run in its colour, naming it and its
 * status; a marker per run, each of its own shape and colour, at the
 * run's point; the inset's line of E per run. */
static void check_compare(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_theme *th = app_theme_get(t->dark);
	int n = app_state_runs(f.s), texts = 0, marks = 0, insets = 0;
	CHECK(n > 1 && f.info.runs == n);
	int shapes[GD_SCENE_RUNS] = { 0 };
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->role == APP_ROLE_LEGEND && p->kind == APP_PRIM_TEXT) {
			const struct gd_run *r = app_state_run_at(f.s, texts);
			char lab[128], want[200];
			snprintf(want, sizeof(want), "%s — %s",
				 app_run_label(lab, sizeof(lab), r, f.s->lang),
				 app_status_word(r, f.s->lang));
			CHECK(strcmp(app_dlist_str(&f.dl, p), want) == 0);
			CHECK(same_rgba(p->style.color, th->run_text[texts]));
			CHECK(app_contrast(th->run_text[texts], th->bg) >= 4.5);
			texts++;
		}
		if (p->role == APP_ROLE_RUN_POINT) {
			/* The run in focus is drawn last, on top. */
			int k = (f.s->focus + 1 + marks) % n;
			CHECK(same_rgba(p->color, th->run[k]));
			shapes[k] = p->kind == APP_PRIM_DISC ? 1 : 1 + p->count;
			marks++;
		}
		if (p->role == APP_ROLE_INSET_CURVE) {
			CHECK(same_rgba(p->color, th->run[insets]));
			insets++;
		}
	}
	CHECK(texts == n && marks == n);
	CHECK(insets == n || !f.info.lay.show_inset);
	/* Disc, square (4 points), triangle (3), diamond (4): the first
	 * three always differ; the diamond differs from the square by its
	 * points' places. */
	CHECK(shapes[0] != shapes[1] || n < 2);
	CHECK(shapes[1] != shapes[2] || n < 3);
	CHECK(shapes[0] != shapes[2] || n < 3);
	for (int i = 0; i < n; i++) {
		const struct gd_run *r = app_state_run_at(f.s, i);
		float x, y;
		double px, py;
		gd_view_to_screen(&f.info.view, r->w[0], r->E, &px, &py);
		x = (float)px, y = (float)py;
		CHECK(fabsf(f.info.run_x[i] - x) < 1 &&
		      fabsf(f.info.run_y[i] - y) < 1);
	}
	const struct app_rect *a = &f.info.lay.area;
	CHECK(f.info.legend_x >= (float)a->x &&
	      f.info.legend_x + f.info.legend_w <= (float)(a->x + a->w) + 1);
	CHECK(panel_has(&f, "1. ") && panel_has(&f, "2. "));
	teardown(&f);
}

/* O moves the focus through the runs and back to the first; the panel
 * writes the focused run's update with its numbers: Adam's m, v, their
 * bias corrections and Δw; RMSProp's average. */
static void check_focus(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_result r;
	char num[APP_FMT_MAX];
	for (int k = 1; k <= app_state_runs(f.s); k++) {
		app_apply(f.s, APP_ACT_FOCUS, f.now, &r);
		CHECK(f.s->focus == k % app_state_runs(f.s));
		app_frame_build(&f.dl, &f.info, f.s, 1280, 720, f.now, &f.m);
		struct gd_update u;
		const struct gd_run *run = app_state_focus_run(f.s);
		CHECK(gd_run_peek(run, &u));
		CHECK(panel_has(&f, app_fmt_value(num, sizeof(num), u.delta[0])));
		switch (run->opt.kind) {
		case GD_OPTIMIZER_ADAM:
			CHECK(panel_has(&f, "m ← β₁·m + (1 − β₁)·dE/dw"));
			CHECK(panel_has(&f, "v ← β₂·v"));
			CHECK(panel_has(&f, "m̂ = m / (1 − β₁ᵗ)"));
			CHECK(panel_has(&f, "v̂ = v / (1 − β₂ᵗ)"));
			CHECK(panel_has(&f, app_fmt_value(num, sizeof(num),
							  u.state[GD_ADAM_M][0])));
			break;
		case GD_OPTIMIZER_RMSPROP:
			CHECK(panel_has(&f, "s ← α·s + (1 − α)·(dE/dw)²"));
			CHECK(panel_has(
				&f, app_fmt_value(num, sizeof(num),
						  u.state[GD_RMSPROP_SQ][0])));
			break;
		case GD_OPTIMIZER_NESTEROV:
			CHECK(panel_has(&f, "b ← β·b + dE/dw"));
			break;
		default:
			CHECK(panel_has(&f, "dE/dw = "));
			break;
		}
		/* η up acts on the run in focus only. */
		double before = gd_run_rate(app_state_run_at(f.s, 0));
		if (f.s->focus != 0) {
			app_apply(f.s, APP_ACT_RATE_UP, f.now, &r);
			CHECK(same_bits(gd_run_rate(app_state_run_at(f.s, 0)),
					before));
			app_apply(f.s, APP_ACT_RATE_DOWN, f.now, &r);
		}
	}
	teardown(&f);
}

static const struct tcase cases[] = {
	{ .name = "frame-compare-bowl-regimes",
	  .run = check_compare,
	  .scene = 16,
	  .steps = 4 },
	{ .name = "frame-compare-wells-dark",
	  .run = check_compare,
	  .scene = 17,
	  .steps = 20,
	  .dark = true },
	{ .name = "frame-compare-adam-zh",
	  .run = check_compare,
	  .scene = 18,
	  .steps = 5,
	  .zh = true },
	{ .name = "frame-focus-adam-rmsprop",
	  .run = check_focus,
	  .scene = 18,
	  .steps = 3 },
	{ .name = "frame-focus-momentum-nesterov",
	  .run = check_focus,
	  .scene = 17,
	  .steps = 3 },
	{ .name = "frame-labels-bowl", .run = check_labels, BOWL },
	{ .name = "notice-saved", .run = check_notice, .scene = 2 },
	{ .name = "notice-long-path-small",
	  .run = check_notice,
	  .scene = 8,
	  .w = 400,
	  .h = 300,
	  .want = "/home/a-teacher-with-a-very-long-name/lectures/2026/"
		  "gradient-descent/pictures" },
	{ .name = "text-larger-keeps-panel-720p",
	  .run = check_text_steps,
	  .scene = 8,
	  .steps = 3,
	  .text_step = 6 },
	{ .name = "text-larger-keeps-panel-800x600-zh",
	  .run = check_text_steps,
	  .scene = 8,
	  .steps = 3,
	  .w = 800,
	  .h = 600,
	  .zh = true,
	  .text_step = 4 },
	{ .name = "panel-steady-720p", .run = check_panel_steady },
	{ .name = "panel-steady-800x600-zh",
	  .run = check_panel_steady,
	  .w = 800,
	  .h = 600,
	  .zh = true },
	{ .name = "ticks-zoom-in-max-bowl",
	  .run = check_ticks,
	  BOWL,
	  .steps = 3,
	  .zoom = 2,
	  .zooms = 80 },
	{ .name = "ticks-zoom-in-max-neuron",
	  .run = check_ticks,
	  .scene = 8,
	  .steps = 3,
	  .zoom = 3,
	  .zooms = 60 },
	{ .name = "ticks-zoom-out-max-bowl",
	  .run = check_ticks,
	  BOWL,
	  .zoom = 0.5,
	  .zooms = 80 },
	{ .name = "ticks-zoom-out-max-wells",
	  .run = check_ticks,
	  WELLS,
	  .steps = 2,
	  .zoom = 0.5,
	  .zooms = 80 },
	{ .name = "ticks-zoom-out-max-neuron-800",
	  .run = check_ticks,
	  .scene = 8,
	  .zoom = 0.5,
	  .zooms = 80,
	  .w = 800,
	  .h = 600 },
	{ .name = "ticks-pan-far-left-down",
	  .run = check_ticks,
	  BOWL,
	  .zoom = 4,
	  .zooms = 12,
	  .pan_x = 600,
	  .pan_y = -400,
	  .pans = 40 },
	{ .name = "ticks-pan-far-right-up",
	  .run = check_ticks,
	  BOWL,
	  .zoom = 0.7,
	  .zooms = 3,
	  .pan_x = -700,
	  .pan_y = 500,
	  .pans = 30 },
	{ .name = "ticks-zoom-in-panned-zh",
	  .run = check_ticks,
	  .scene = 4,
	  .steps = 5,
	  .zoom = 10,
	  .zooms = 7,
	  .pan_x = 300,
	  .pan_y = -200,
	  .pans = 3,
	  .zh = true },
	{ .name = "action-scene2-12", .run = check_action, .scene = 2, .steps = 12 },
	{ .name = "action-scene2-20", .run = check_action, .scene = 2, .steps = 20 },
	{ .name = "action-scene4-6", .run = check_action, .scene = 4, .steps = 6 },
	{ .name = "action-scene4-9-800",
	  .run = check_action,
	  .scene = 4,
	  .steps = 9,
	  .w = 800,
	  .h = 600 },
	{ .name = "action-scene7-7", .run = check_action, .scene = 7, .steps = 7 },
	{ .name = "action-scene7-12", .run = check_action, .scene = 7, .steps = 12 },
	{ .name = "action-scene7-7-animating",
	  .run = check_action,
	  .scene = 7,
	  .steps = 7,
	  .anim_ms = 100 },
	{ .name = "labels-backed-bowl", .run = check_backed, BOWL, .steps = 1 },
	{ .name = "labels-backed-scene2-dark",
	  .run = check_backed,
	  .scene = 2,
	  .steps = 12,
	  .dark = true },
	{ .name = "labels-backed-scene4", .run = check_backed, .scene = 4, .steps = 6 },
	{ .name = "labels-backed-scene7", .run = check_backed, .scene = 7, .steps = 7 },
	{ .name = "labels-backed-scene7-800-zh",
	  .run = check_backed,
	  .scene = 7,
	  .steps = 7,
	  .w = 800,
	  .h = 600,
	  .zh = true },
	{ .name = "labels-backed-scene8", .run = check_backed, .scene = 8, .steps = 3 },
	{ .name = "labels-backed-scene10-dark",
	  .run = check_backed,
	  .scene = 10,
	  .steps = 40,
	  .dark = true },
	{ .name = "frame-formula-gap",
	  .run = check_gap,
	  .kind = GD_CURVE_FORMULA,
	  .formula = "sqrt(w) + (w-2)^2",
	  .w0 = 3.8,
	  .rate = 0.1 },
	{ .name = "frame-labels-scene4", .run = check_labels, .scene = 4, .steps = 2 },
	{ .name = "frame-labels-wells-momentum",
	  .run = check_labels,
	  WELLS,
	  .beta = 0.9,
	  .steps = 7 },
	{ .name = "frame-labels-1080p",
	  .run = check_labels,
	  .scene = 2,
	  .steps = 3,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame-labels-portrait",
	  .run = check_labels,
	  .scene = 3,
	  .steps = 4,
	  .w = 600,
	  .h = 1000 },
	{ .name = "frame-arrow-bowl", .run = check_arrow, BOWL },
	{ .name = "frame-arrow-rose",
	  .run = check_arrow,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 1,
	  .rate = 1.2,
	  .steps = 1 },
	{ .name = "frame-arrow-neuron",
	  .run = check_arrow,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 60,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame-arrow-growing",
	  .run = check_arrow,
	  BOWL,
	  .steps = 2,
	  .anim_ms = 100 },
	{ .name = "frame-arrow-scene8", .run = check_arrow, .scene = 8, .steps = 3 },
	{ .name = "trail-scene10-150", .run = check_trail, .scene = 10, .steps = 150 },
	{ .name = "trail-scene10-150-dark",
	  .run = check_trail,
	  .scene = 10,
	  .steps = 150,
	  .dark = true },
	{ .name = "inset-zero-scene9",
	  .run = check_inset_zero,
	  .scene = 9,
	  .steps = 59 },
	{ .name = "inset-zero-scene5-constant",
	  .run = check_inset_zero,
	  .scene = 5,
	  .steps = 3 },
	{ .name = "frame-dw-label-clear-scene7",
	  .run = check_dw_clear,
	  .scene = 7,
	  .steps = 7 },
	{ .name = "frame-dw-label-clear-scene4",
	  .run = check_dw_clear,
	  .scene = 4,
	  .steps = 6 },
	{ .name = "frame-arrow-min-scene8",
	  .run = check_arrow_min,
	  .scene = 8,
	  .steps = 3 },
	{ .name = "frame-arrow-min-scene8-start", .run = check_arrow_min, .scene = 8 },
	{ .name = "frame-arrow-min-scene2",
	  .run = check_arrow_min,
	  .scene = 2,
	  .steps = 20 },
	{ .name = "frame-arrow-min-scene9",
	  .run = check_arrow_min,
	  .scene = 9,
	  .steps = 30 },
	{ .name = "frame-arrow-min-bowl-tiny-rate",
	  .run = check_arrow_min,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 1e-4 },
	{ .name = "frame-numbers-bowl", .run = check_numbers, BOWL, .steps = 1 },
	{ .name = "frame-numbers-momentum",
	  .run = check_numbers,
	  WELLS,
	  .beta = 0.9,
	  .steps = 5,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame-numbers-neuron",
	  .run = check_numbers,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 0.5,
	  .steps = 2,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame-numbers-zh",
	  .run = check_numbers,
	  .scene = 1,
	  .steps = 2,
	  .zh = true },
	{ .name = "frame-update-lines-bowl", .run = check_update_lines, BOWL },
	{ .name = "frame-update-lines-bowl-narrow",
	  .run = check_update_lines,
	  BOWL,
	  .steps = 2,
	  .w = 900,
	  .h = 700 },
	{ .name = "frame-update-lines-momentum",
	  .run = check_update_lines,
	  WELLS,
	  .beta = 0.9,
	  .steps = 4 },
	{ .name = "frame-update-lines-portrait-zh",
	  .run = check_update_lines,
	  .scene = 4,
	  .steps = 1,
	  .w = 600,
	  .h = 1000,
	  .zh = true },
	{ .name = "frame-update-lines-wrapped",
	  .run = check_update_lines,
	  WELLS,
	  .beta = 0.9,
	  .steps = 2,
	  .w = 1000,
	  .h = 720,
	  .text_step = 2 },
	{ .name = "frame-update-lines-neuron",
	  .run = check_update_lines,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 0.5,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame-finite-diverged",
	  .run = check_finite,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 1.5,
	  .steps = 80 },
	{ .name = "frame-finite-huge-w",
	  .run = check_finite,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 9e11,
	  .rate = 2.5,
	  .steps = 5 },
	{ .name = "frame-finite-every-scene",
	  .run = check_finite,
	  .scene = 6,
	  .steps = 30 },
	{ .name = "frame-clip-bowl", .run = check_clip, BOWL, .steps = 3 },
	{ .name = "frame-clip-tiny", .run = check_clip, BOWL, .w = 200, .h = 150 },
	{ .name = "frame-clip-huge-text",
	  .run = check_clip,
	  WELLS,
	  .beta = 0.9,
	  .text_step = APP_TEXT_STEP_MAX },
	{ .name = "frame-panel-bowl", .run = check_panel, BOWL, .steps = 1 },
	{ .name = "frame-panel-neuron-1080p",
	  .run = check_panel,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 0.5,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame-panel-portrait",
	  .run = check_panel,
	  .scene = 3,
	  .w = 600,
	  .h = 1000 },
	{ .name = "frame-panel-zh", .run = check_panel, .scene = 8, .zh = true },
	{ .name = "frame-panel-large-text",
	  .run = check_panel,
	  BOWL,
	  .text_step = 2,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame-help-720p", .run = check_help, BOWL, .help = true },
	{ .name = "frame-help-zh", .run = check_help, BOWL, .help = true, .zh = true },
	{ .name = "frame-help-small",
	  .run = check_help,
	  BOWL,
	  .help = true,
	  .w = 400,
	  .h = 300 },
	{ .name = "frame-lang-from-state", .run = check_lang, BOWL, .zh = true },
	{ .name = "frame-reads-state-only",
	  .run = check_const,
	  WELLS,
	  .beta = 0.9,
	  .steps = 3,
	  .anim_ms = 50 },
	{ .name = "frame-blank", .run = check_blank, BOWL },
	{ .name = "caption-rate-follows-up", .run = check_caption_rate, .scene = 2 },
	{ .name = "caption-story-keeps-scene-rate",
	  .run = check_caption_story,
	  .scene = 4 },
	{ .name = "caption-story-keeps-scene-rate-zh",
	  .run = check_caption_story,
	  .scene = 4,
	  .zh = true },
	{ .name = "caption-rate-follows-up-zh",
	  .run = check_caption_rate,
	  .scene = 2,
	  .zh = true },
	/* δ named where the caption names it, with seed 002's value */
	{ .name = "says-delta-scene8",
	  .run = check_says,
	  .scene = 8,
	  .want = "δ = (y − ŷ)·ŷ(1 − ŷ)  = (−0.317) × 0.517 × 0.483 = −0.0793",
	  .never = "−(y − ŷ)" },
	{ .name = "says-delta-scene8-zh",
	  .run = check_says,
	  .scene = 8,
	  .zh = true,
	  .want = "−δ·x = −(−0.0793) × 0.100 = 0.00793" },
	{ .name = "axis-w1-scene8", .run = check_axis_name, .scene = 8, .want = "w₁" },
	{ .name = "axis-w-scene2", .run = check_axis_name, .scene = 2, .want = "w" },
	/* seed 002's example: w = −0.8 is in parentheses inside σ(…) */
	{ .name = "says-neuron-parens",
	  .run = check_says,
	  .scene = 8,
	  .want = "σ((−0.800) × 0.100 + 0.150)",
	  .never = "× −" },
	{ .name = "says-tiny-change-one-format",
	  .run = check_says,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 1e6,
	  .rate = 1e-9,
	  .want = "E falls by 4000.000, from 1.000×10¹²",
	  .never = "10¹¹" },
	{ .name = "says-start",
	  .run = check_says,
	  .scene = 2,
	  .want = "Status: at the start" },
	{ .name = "says-falling-scene2",
	  .run = check_says,
	  .scene = 2,
	  .steps = 12,
	  .want = "Status: E falling" },
	{ .name = "says-converged-scene3",
	  .run = check_says,
	  .scene = 3,
	  .steps = 1,
	  .want = "Status: converged" },
	{ .name = "says-unchanged-scene3",
	  .run = check_says,
	  .scene = 3,
	  .steps = 1,
	  .want = "E stays at 0.000",
	  .never = "falls from" },
	{ .name = "says-oscillating-scene4",
	  .run = check_says,
	  .scene = 4,
	  .steps = 4,
	  .want = "Status: oscillating" },
	{ .name = "says-bouncing-scene5",
	  .run = check_says,
	  .scene = 5,
	  .steps = 3,
	  .want = "Status: bouncing" },
	{ .name = "says-unchanged-scene5",
	  .run = check_says,
	  .scene = 5,
	  .steps = 3,
	  .want = "E stays at 4",
	  .never = "falls from 4" },
	{ .name = "says-unchanged-scene5-zh",
	  .run = check_says,
	  .scene = 5,
	  .steps = 3,
	  .zh = true,
	  .want = "保持",
	  .never = "降到 4" },
	{ .name = "says-diverging-scene6",
	  .run = check_says,
	  .scene = 6,
	  .steps = 3,
	  .want = "Status: diverging" },
	{ .name = "says-diverging-scene6-zh",
	  .run = check_says,
	  .scene = 6,
	  .steps = 3,
	  .zh = true,
	  .want = "发散",
	  .never = "振荡" },
	{ .name = "says-bouncing-scene7",
	  .run = check_says,
	  .scene = 7,
	  .steps = 9,
	  .want = "Status: bouncing" },
	{ .name = "says-stuck-scene9",
	  .run = check_says,
	  .scene = 9,
	  .steps = 59,
	  .want = "Status: stuck in a local minimum" },
	{ .name = "says-converged-scene10",
	  .run = check_says,
	  .scene = 10,
	  .steps = 150,
	  .want = "Status: converged" },
	/* v: −0.4, −0.68, −0.796, −0.7408: past the minimum, E rises */
	{ .name = "says-rising",
	  .run = check_says,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .beta = 0.9,
	  .steps = 4,
	  .want = "Status: E rising" },

	{ .name = "frame-where-scene4", .run = check_where, .scene = 4, .steps = 4 },
	{ .name = "frame-where-scene4-zh",
	  .run = check_where,
	  .scene = 4,
	  .steps = 4,
	  .zh = true },
	{ .name = "frame-sweep-builtin-lesson", .run = check_sweep },
	{ .name = "text-size-builtin-720p", .run = check_text_size },
	{ .name = "title-fits-beside-counter", .run = check_title_fits },
	{ .name = "dlist-bounded", .run = check_bounded },
};

int main(int argc, char *argv[])
{
	app_lang_setup();
	HARNESS_MAIN(cases, argc, argv);
}
