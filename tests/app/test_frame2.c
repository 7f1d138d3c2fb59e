/*
 * The view of two weights as a display list, no display and no SDL: the
 * two slices' tangents have the slopes ∂E/∂w₁ and ∂E/∂w₂, the step arrow
 * and its two components are Δw₁ and Δw₂ (times the scale the map says),
 * the contour levels increase, the map is cached until the view changes,
 * a click on the map restarts there, and undo is exact.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gdstep/utf8.h>

#include "actions.h"
#include "contour.h"
#include "dlist.h"
#include "frame.h"

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_curve_kind kind;
	double w0[2], rate, beta;
	int steps;
	int w, h;
	int runs; /* runs side by side: the first, then Adam at η = 0.3 */
	bool dark, zh;
};

struct fixture {
	struct gd_lesson lesson;
	struct gd_scene scene;
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

static void build(struct fixture *f, const struct tcase *t)
{
	app_frame_build(&f->dl, &f->info, f->s, t->w ? t->w : 1280,
			t->h ? t->h : 720, f->now, &f->m);
}

static void setup(struct fixture *f, const struct tcase *t)
{
	memset(f, 0, sizeof(*f));
	gd_curve_default(&f->scene.curve, t->kind);
	const struct gd_curve_spec *cs = gd_curve_spec(t->kind);
	f->scene.w0[0] = t->rate ? t->w0[0] : cs->w0[0];
	f->scene.w0[1] = t->rate ? t->w0[1] : cs->w0[1];
	f->scene.opt.hyper[GD_HYPER_RATE] = t->rate ? t->rate : cs->rate;
	f->scene.opt.hyper[GD_HYPER_MOMENTUM] = t->beta;
	f->scene.steps = GD_SCENE_UNPLANNED;
	for (int k = 1; k < t->runs; k++)
		gd_optim_default(&f->scene.also[k - 1], GD_OPTIMIZER_ADAM, 0.3);
	f->scene.nruns = t->runs;
	f->lesson.count = 1;
	f->lesson.scenes = &f->scene;
	f->s = calloc(1, sizeof(*f->s));
	if (!f->s || app_state_init(f->s, &f->lesson, 0))
		abort(); /* out of memory: no test to run */
	f->s->lang = t->zh ? APP_LANG_ZH : APP_LANG_EN;
	f->s->dark = t->dark;
	double clock = 0;
	for (int i = 0; i < t->steps; i++) {
		struct app_result r;
		clock += 1000;
		app_apply(f->s, APP_ACT_NEXT, clock, &r);
	}
	app_anim_finish(f->s);
	f->now = clock + 1e6;
	f->m = (struct app_measure){ .width = fake_width, .height = fake_height };
	app_dlist_init(&f->dl);
	build(f, t);
}

static void teardown(struct fixture *f)
{
	app_dlist_finish(&f->dl);
	app_state_finish(f->s);
	free(f->s);
}

/* The k-th primitive of a role, or NULL. */
static const struct app_prim *nth(const struct fixture *f, enum app_role role,
				  int k)
{
	for (int i = 0; i < f->dl.n; i++)
		if (f->dl.prims[i].role == role && k-- == 0)
			return &f->dl.prims[i];
	return NULL;
}

static void pt(const struct fixture *f, const struct app_prim *p, int i,
	       float *x, float *y)
{
	*x = f->dl.xs[p->first + i];
	*y = f->dl.ys[p->first + i];
}

/* Each slice's tangent, read back into world units through the slice's
 * view, has the slope of its gradient component. */
static void check_slopes(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_run *run = app_state_run(f.s);
	CHECK(f.info.two);
	for (int k = 0; k < 2; k++) {
		const struct app_prim *tan = nth(&f, APP_ROLE_TANGENT, k);
		CHECK(tan != NULL);
		if (!tan)
			break;
		float x0, y0, x1, y1;
		pt(&f, tan, 0, &x0, &y0);
		pt(&f, tan, 1, &x1, &y1);
		double a0, e0, a1, e1;
		gd_view_from_screen(&f.info.slice[k], (double)x0, (double)y0,
				    &a0, &e0);
		gd_view_from_screen(&f.info.slice[k], (double)x1, (double)y1,
				    &a1, &e1);
		CHECK_APPROX((e1 - e0) / (a1 - a0), run->grad[k], 1e-9, 1e-4);
		/* And it passes through the point, (wₖ, E). */
		double e = e0 + (e1 - e0) * (run->w[k] - a0) / (a1 - a0);
		CHECK_APPROX(e, run->E, 1e-9,
			     1e-4 * (f.info.slice[k].emax - f.info.slice[k].emin));
	}
	teardown(&f);
}

/* The step arrow on the map goes from w to w + s·Δw and its two parts
 * are s·Δw₁ across and s·Δw₂ up, s the scale the frame reports (a power
 * of ten, 1 when the step is long enough to see). */
static void check_step(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct gd_update u;
	CHECK(gd_run_peek(app_state_run(f.s), &u));
	const struct gd_view *v = &f.info.view;
	double sc = f.info.step_scale;
	CHECK(sc >= 1 && fabs(log10(sc) - round(log10(sc))) < 1e-12);
	const struct app_prim *a = nth(&f, APP_ROLE_STEP_ARROW, 0);
	const struct app_prim *a1 = nth(&f, APP_ROLE_STEP_W1, 0);
	const struct app_prim *a2 = nth(&f, APP_ROLE_STEP_W2, 0);
	CHECK(a && a1 && a2);
	if (!a || !a1 || !a2) {
		teardown(&f);
		return;
	}
	float x[2], y[2];
	double w[2][2];
	const struct app_prim *ps[3] = { a, a1, a2 };
	double want[3][2] = { { u.delta[0], u.delta[1] },
			      { u.delta[0], 0 },
			      { 0, u.delta[1] } };
	for (int i = 0; i < 3; i++) {
		for (int j = 0; j < 2; j++) {
			pt(&f, ps[i], j, &x[j], &y[j]);
			gd_view_from_screen(v, (double)x[j], (double)y[j],
					    &w[j][0], &w[j][1]);
		}
		double tol = 0.6 * (v->wmax - v->wmin) / v->width;
		CHECK_APPROX(w[1][0] - w[0][0], sc * want[i][0], tol, 0);
		CHECK_APPROX(w[1][1] - w[0][1], sc * want[i][1], tol, 0);
		if (i == 0) {
			CHECK_APPROX(w[0][0], u.w[0], tol, 0);
			CHECK_APPROX(w[0][1], u.w[1], tol, 0);
		}
	}
	/* The parts join: the w₂ part starts where the w₁ part ends. */
	float ex, ey, sx, sy;
	pt(&f, a1, 1, &ex, &ey);
	pt(&f, a2, 0, &sx, &sy);
	CHECK(ex == sx && ey == sy);
	/* The next point is at w_next, unscaled. */
	const struct app_prim *n = nth(&f, APP_ROLE_NEXT_POINT, 0);
	CHECK(n != NULL);
	if (n) {
		double nw[2];
		gd_view_from_screen(v, (double)n->cx, (double)n->cy, &nw[0],
				    &nw[1]);
		double tol = 0.6 * (v->wmax - v->wmin) / v->width;
		CHECK_APPROX(nw[0], u.w_next[0], tol, 0);
		CHECK_APPROX(nw[1], u.w_next[1], tol, 0);
	}
	teardown(&f);
}

/* The levels increase strictly; the bands and the lines are there and
 * every line lies in the map (to a grid cell). */
static void check_levels(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_contours *c = f.s->contours;
	CHECK(c && c->valid && c->nlevels >= 5);
	for (int k = 1; c && k < c->nlevels; k++)
		CHECK(c->level[k] > c->level[k - 1]);
	CHECK(nth(&f, APP_ROLE_CONTOUR_BAND, 0) != NULL);
	CHECK(nth(&f, APP_ROLE_CONTOUR, 0) != NULL);
	const struct gd_view *v = &f.info.view;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->role != APP_ROLE_CONTOUR)
			continue;
		/* The grid's last cell may reach past the map's edge (the
		 * clip cuts it). */
		const float e = APP_CONTOUR_CELL + 1;
		CHECK(p->box.x >= v->x - 1 && p->box.y >= v->y - 1 &&
		      p->box.x + p->box.w <= v->x + v->width + e &&
		      p->box.y + p->box.h <= v->y + v->height + e);
	}
	/* A line of level L lies where E = L, to a cell's accuracy. */
	int checked = 0;
	for (int s = 0; c && s < c->nsegs; s += 97) {
		double w[2], g[2];
		gd_view_from_screen(v, (double)c->segs[4 * s],
				    (double)c->segs[4 * s + 1], &w[0], &w[1]);
		double e = gd_curve_grad(&app_state_run(f.s)->curve, w, g);
		double cell = APP_CONTOUR_CELL * (v->wmax - v->wmin) / v->width;
		CHECK(fabs(e - c->level[c->seg_level[s]]) <=
		      2 * cell * hypot(g[0], g[1]) + 1e-9);
		checked++;
	}
	CHECK(checked > 3);
	/* The polylines join every segment once: n points, n − 1 pieces. */
	int pieces = 0;
	for (int k = 0; c && k < c->nchains; k++)
		pieces += c->chains[k].count - 1;
	CHECK(c && pieces == c->nsegs && c->nchains < c->nsegs / 4);
	teardown(&f);
}

static double ms_since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) * 1e3 +
	       (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

/* A frame with an unchanged view reuses the map; a zoom recomputes it.
 * Prints how long each took. */
static void check_cache(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_contours *c = f.s->contours;
	CHECK(c && c->valid);
	struct gd_view before = c->view;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	build(&f, t);
	double same = ms_since(&t0);
	CHECK(memcmp(&c->view, &before, sizeof(before)) == 0);
	struct app_result r;
	app_zoom(f.s, 1.25, f.s->view.wmin, f.s->view.emin, &r);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	build(&f, t);
	double zoomed = ms_since(&t0);
	CHECK(c->valid && memcmp(&c->view, &before, sizeof(before)) != 0);
	CHECK(c->view.wmax - c->view.wmin < before.wmax - before.wmin);
	fprintf(stderr, "%dx%d: frame %.2f ms cached, %.2f ms after a zoom\n",
		t->w ? t->w : 1280, t->h ? t->h : 720, same, zoomed);
	teardown(&f);
}

/* A drag moves the map with the pointer: the world point under the
 * pointer before the drag is under it after. */
static void check_drag(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct gd_view v = f.info.view;
	double px = v.x + 0.3 * v.width, py = v.y + 0.6 * v.height;
	double a[2], b[2];
	gd_view_from_screen(&v, px, py, &a[0], &a[1]);
	struct app_result r;
	app_pan(f.s, 40, -25, v.width, v.height, &r);
	build(&f, t);
	gd_view_from_screen(&f.info.view, px + 40, py - 25, &b[0], &b[1]);
	double tol = 1e-9 * (v.wmax - v.wmin);
	CHECK_APPROX(b[0], a[0], tol, 0);
	CHECK_APPROX(b[1], a[1], tol, 0);
	teardown(&f);
}

/* A click on the map starts a new run at the clicked (w₁, w₂); undo
 * after steps gives each state back bit for bit. */
static void check_click_undo(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_result r;
	app_click_at(f.s, 0.75, -1.25, &r);
	const struct gd_run *run = app_state_run(f.s);
	CHECK(run->w[0] == 0.75 && run->w[1] == -1.25 && run->step == 0);
	double w[6][2];
	for (int i = 0; i < 5; i++) {
		w[i][0] = run->w[0], w[i][1] = run->w[1];
		app_apply(f.s, APP_ACT_NEXT, 1000.0 * (i + 1), &r);
	}
	for (int i = 4; i >= 0; i--) {
		app_apply(f.s, APP_ACT_BACK, 1e4 + 1000.0 * i, &r);
		CHECK(same_bits(run->w[0], w[i][0]) &&
		      same_bits(run->w[1], w[i][1]));
	}
	teardown(&f);
}

/* No text says nan or inf, and every label of the map stays in the
 * output. */
static void check_text(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	int w = t->w ? t->w : 1280, h = t->h ? t->h : 720, n = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->kind != APP_PRIM_TEXT)
			continue;
		const char *s = app_dlist_str(&f.dl, p);
		CHECK(!strstr(s, "nan") && !strstr(s, "inf"));
		CHECK(p->box.x >= 0 && p->box.x + p->box.w <= w + 1 &&
		      p->box.y >= 0 && p->box.y + p->box.h <= h + 1);
		n++;
	}
	CHECK(n > 20);
	CHECK(f.dl.dropped == 0);
	teardown(&f);
}

#define NEURON2 .kind = GD_CURVE_NEURON2
/* Runs side by side on the map: each other run's marker where that run
 * is, in its colour, after the same number of steps as the first. */
static void check_runs(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct app_theme *th = app_theme_get(t->dark);
	CHECK(app_state_runs(f.s) == t->runs);
	for (int k = 1; k < t->runs; k++) {
		const struct gd_run *run = app_state_run_at(f.s, k);
		CHECK(run->step == t->steps);
		double px, py;
		gd_view_to_screen(&f.info.view, run->w[0], run->w[1], &px, &py);
		bool found = false;
		for (int i = 0; i < f.dl.n; i++) {
			const struct app_prim *p = &f.dl.prims[i];
			if (p->role != APP_ROLE_RUN_POINT ||
			    p->kind != APP_PRIM_POLYGON ||
			    memcmp(&p->color, &th->run[k], sizeof(p->color)))
				continue;
			/* The marker's centre: the mean of its corners. */
			double mx = 0, my = 0;
			for (int j = 0; j < p->count; j++) {
				float x, y;
				pt(&f, p, j, &x, &y);
				mx += (double)x / p->count;
				my += (double)y / p->count;
			}
			found |= fabs(mx - px) < 2 && fabs(my - py) < 2;
		}
		CHECK(found);
	}
	teardown(&f);
}

static bool meet(struct app_box a, struct app_box b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

static bool inside(struct app_box a, struct app_box b)
{
	return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w &&
	       a.y + a.h <= b.y + b.h;
}

/* Where the slices go: right of the map in a landscape window, side by
 * side under it when the panel is below the plot (a window held upright,
 * a phone); every title, on one line or two, inside the window and clear
 * of the other slice. */
static void check_slices_place(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	const struct gd_view *m = &f.info.view, *a = &f.info.slice[0],
			     *b = &f.info.slice[1];
	int w = t->w ? t->w : 1280;
	if (t->h > w) {
		CHECK(a->y >= m->y + m->height && b->y >= m->y + m->height);
		CHECK(a->y == b->y && a->x + a->width < b->x);
	} else {
		CHECK(a->x >= m->x + m->width && b->x >= m->x + m->width);
		CHECK(a->y + a->height < b->y);
	}
	CHECK(b->x + b->width <= w);
	int titles = 0;
	for (int i = 0; i < f.dl.n; i++) {
		const struct app_prim *p = &f.dl.prims[i];
		if (p->kind != APP_PRIM_TEXT || p->role != APP_ROLE_AXIS_NAME ||
		    !strstr(app_dlist_str(&f.dl, p), "w"))
			continue;
		bool first = p->ax < b->x;
		if (p->box.y < (first ? a->y : b->y) - 3 * p->style.px &&
		    p->box.y + p->box.h <= (first ? a->y : b->y))
			titles++;
		CHECK(p->box.x + p->box.w <= w);
		if (t->h > w && first)
			CHECK(p->box.x + p->box.w < b->x);
	}
	CHECK(titles >= 2);
	teardown(&f);
}

/* Whether the clip at prim k is filled again with the map's bands: every
 * point of a grid over it lies in a band drawn before its pop, and no
 * contour label is drawn there. */
static bool redrawn(const struct fixture *f, int k)
{
	struct app_box b = f->dl.prims[k].box;
	for (int gy = 0; gy <= 8; gy++)
		for (int gx = 0; gx <= 8; gx++) {
			float x = b.x + b.w * gx / 8.0f, y = b.y + b.h * gy / 8.0f;
			bool in = false;
			for (int j = k + 1; j < f->dl.n; j++) {
				const struct app_prim *q = &f->dl.prims[j];
				if (q->kind == APP_PRIM_CLIP_POP)
					break;
				if (q->kind == APP_PRIM_TEXT)
					return false;
				in = in ||
				     (q->kind == APP_PRIM_RECT &&
				      q->role == APP_ROLE_CONTOUR_BAND &&
				      x >= q->box.x && x <= q->box.x + q->box.w &&
				      y >= q->box.y && y <= q->box.y + q->box.h);
			}
			if (!in)
				return false;
		}
	return true;
}

/* The contour labels a moving label (Δw₁, Δw₂, ∇E, a slope) touches
 * are covered wholly after they are drawn, so no half-hidden number
 * reads as part of the label; over the first steps of the run at least
 * one such meeting happens, and every one is covered. */
static void check_labels_clear(const struct tcase *t)
{
	int met = 0;
	for (int steps = 0; steps <= t->steps; steps++) {
		struct tcase u = *t;
		u.steps = steps;
		struct fixture f;
		setup(&f, &u);
		for (int i = 0; i < f.dl.n; i++) {
			const struct app_prim *c = &f.dl.prims[i];
			if (c->kind != APP_PRIM_TEXT ||
			    c->role != APP_ROLE_CONTOUR_LABEL)
				continue;
			bool touched = false, covered = false;
			for (int j = i + 1; j < f.dl.n; j++) {
				const struct app_prim *q = &f.dl.prims[j];
				if (q->kind == APP_PRIM_TEXT &&
				    (q->role == APP_ROLE_DW_LABEL ||
				     q->role == APP_ROLE_SLOPE_LABEL) &&
				    meet(q->box, c->box))
					touched = true;
				if (q->kind == APP_PRIM_CLIP_PUSH &&
				    q->role == APP_ROLE_LABEL_BACK &&
				    inside(c->box, q->box) && redrawn(&f, j))
					covered = true;
			}
			met += touched;
			CHECK(!touched || covered);
		}
		teardown(&f);
	}
	CHECK(met > 0);
}

static const struct tcase cases[] = {
	{ .name = "frame2-labels-clear-bowl2",
	  .run = check_labels_clear,
	  .kind = GD_CURVE_BOWL2,
	  .steps = 30 },
	{ .name = "frame2-labels-clear-wells2-zh",
	  .run = check_labels_clear,
	  .kind = GD_CURVE_WELLS2,
	  .steps = 30,
	  .zh = true },
	{ .name = "frame2-runs-bowl2",
	  .run = check_runs,
	  .kind = GD_CURVE_BOWL2,
	  .steps = 6,
	  .runs = 2 },
	{ .name = "frame2-slopes-neuron2", .run = check_slopes, NEURON2 },
	{ .name = "frame2-slopes-bowl2",
	  .run = check_slopes,
	  .kind = GD_CURVE_BOWL2,
	  .steps = 3 },
	{ .name = "frame2-slopes-wells2-zh",
	  .run = check_slopes,
	  .kind = GD_CURVE_WELLS2,
	  .steps = 10,
	  .zh = true },
	{ .name = "frame2-step-neuron2", .run = check_step, NEURON2 },
	{ .name = "frame2-step-bowl2",
	  .run = check_step,
	  .kind = GD_CURVE_BOWL2,
	  .steps = 2 },
	{ .name = "frame2-step-momentum",
	  .run = check_step,
	  .kind = GD_CURVE_BOWL2,
	  .w0 = { -2, 1 },
	  .rate = 0.15,
	  .beta = 0.6,
	  .steps = 4 },
	{ .name = "frame2-levels-bowl2", .run = check_levels, .kind = GD_CURVE_BOWL2 },
	{ .name = "frame2-levels-wells2",
	  .run = check_levels,
	  .kind = GD_CURVE_WELLS2 },
	{ .name = "frame2-levels-neuron2", .run = check_levels, NEURON2 },
	{ .name = "frame2-cache-zoom-1080p",
	  .run = check_cache,
	  .kind = GD_CURVE_WELLS2,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame2-click-undo", .run = check_click_undo, NEURON2 },
	{ .name = "frame2-drag-neuron2", .run = check_drag, NEURON2 },
	{ .name = "frame2-drag-bowl2",
	  .run = check_drag,
	  .kind = GD_CURVE_BOWL2,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "frame2-text-neuron2-dark",
	  .run = check_text,
	  NEURON2,
	  .dark = true,
	  .steps = 3 },
	{ .name = "frame2-slices-landscape",
	  .run = check_slices_place,
	  .kind = GD_CURVE_BOWL2 },
	{ .name = "frame2-slices-upright",
	  .run = check_slices_place,
	  .kind = GD_CURVE_BOWL2,
	  .w = 720,
	  .h = 1280 },
	{ .name = "frame2-slices-upright-zh",
	  .run = check_slices_place,
	  NEURON2,
	  .zh = true,
	  .w = 480,
	  .h = 900 },
	{ .name = "frame2-text-bowl2-small",
	  .run = check_text,
	  .kind = GD_CURVE_BOWL2,
	  .w = 640,
	  .h = 400 },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
