/*
 * The plot: grid, axes with round ticks, the curve, the trail, the
 * tangent at the current point, the step arrow on the w axis and the next
 * point. See draw.h.
 *
 * What is shown is the pending update (the step Next would take), or,
 * while a step animates, the step being taken: its tangent at the old w,
 * the point sliding along the curve and the arrow growing under it.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "fmt.h"
#include "intl.h"

/* The trail shows this many earlier points, fading. */
#define TRAIL_POINTS 40

int app_gfx_init(struct app_gfx *g, SDL_Renderer *ren, char *err,
		 size_t err_size)
{
	memset(g, 0, sizeof(*g));
	g->ren = ren;
	app_geom_init(&g->geom);
	char dir[4096];
	if (app_font_dir(dir, sizeof(dir)) < 0) {
		app_font_dir_message(err, err_size, dir);
		return -ENOENT;
	}
	return app_text_init(&g->text, ren, dir, err, err_size);
}

void app_gfx_finish(struct app_gfx *g)
{
	if (!g)
		return;
	app_text_finish(&g->text);
	app_geom_finish(&g->geom);
}

void app_gfx_invalidate(struct app_gfx *g)
{
	app_text_clear(&g->text);
}

struct app_shown app_shown_step(const struct app_state *s, double now)
{
	const struct gd_run *run = app_state_run(s);
	struct app_shown sh = { .w = run->w[0], .E = run->E };
	double p = app_anim_progress(s, now);
	if (s->anim.active && s->anim.grow) {
		sh.has_step = sh.growing = true;
		sh.u = s->anim.update;
		sh.w = sh.u.w[0] + (sh.u.w_next[0] - sh.u.w[0]) * p;
		sh.tip_w = sh.w;
	} else {
		sh.has_step = gd_run_peek(run, &sh.u);
		sh.tip_w = sh.u.w_next[0];
		if (s->anim.active)
			sh.w = s->anim.w_from + (s->anim.w_to - s->anim.w_from) * p;
	}
	sh.E = gd_curve_eval1(&run->curve, sh.w);
	if (!isfinite(sh.E)) {
		sh.w = run->w[0];
		sh.E = run->E;
	}
	return sh;
}

static void to_px(const struct gd_view *v, double w, double e, float *x,
		  float *y)
{
	double px, py;
	gd_view_to_screen(v, w, e, &px, &py);
	*x = (float)px;
	*y = (float)py;
}

static struct app_rgba alpha(struct app_rgba c, int a)
{
	c.a = (uint8_t)(a < 0 ? 0 : a > 255 ? 255 : a);
	return c;
}

/* Ticks, grid lines and their labels, and the axis names. */
static void draw_axes(struct app_gfx *g, const struct gd_view *v,
		      const struct app_theme *th, float axis_y)
{
	const struct app_layout *l = &g->lay;
	double ticks[GD_VIEW_MAX_TICKS];
	char buf[APP_FMT_MAX];
	float x0 = (float)v->x, y0 = (float)v->y;
	float x1 = x0 + (float)v->width, y1 = y0 + (float)v->height;
	int nx = gd_view_ticks(v->wmin, v->wmax,
			       v->width / (l->small_px * 5 + 1) + 1, ticks, NULL);
	for (int i = 0; i < nx; i++) {
		float x, y;
		to_px(v, ticks[i], v->emin, &x, &y);
		app_geom_line(&g->geom, x, y0, x, y1, 1.5f, th->grid);
	}
	double eticks[GD_VIEW_MAX_TICKS];
	int ny = gd_view_ticks(v->emin, v->emax,
			       v->height / (l->small_px * 3 + 1) + 1, eticks, NULL);
	for (int i = 0; i < ny; i++) {
		float x, y;
		to_px(v, v->wmin, eticks[i], &x, &y);
		app_geom_line(&g->geom, x0, y, x1, y, 1.5f, th->grid);
	}
	app_geom_line(&g->geom, x0, axis_y, x1, axis_y, 2, th->axis);
	app_geom_line(&g->geom, x0, y0, x0, y1, 2, th->axis);
	app_geom_flush(&g->geom, g->ren);
	if (l->area.x == l->plot.x)
		return; /* no margins: no labels */
	for (int i = 0; i < nx; i++) {
		float x, y;
		to_px(v, ticks[i], v->emin, &x, &y);
		app_text_draw(&g->text, app_fmt_param(buf, sizeof(buf), ticks[i]),
			      l->small_px, APP_FACE_REGULAR, th->muted, (int)x,
			      (int)y1 + l->pad / 3, 1);
	}
	for (int i = 0; i < ny; i++) {
		float x, y;
		to_px(v, v->wmin, eticks[i], &x, &y);
		app_text_draw(&g->text, app_fmt_param(buf, sizeof(buf), eticks[i]),
			      l->small_px, APP_FACE_REGULAR, th->muted,
			      (int)x0 - l->pad / 3, (int)y - l->small_px * 2 / 3, 2);
	}
	app_text_draw(&g->text, "w", l->text_px, APP_FACE_BOLD, th->text,
		      (int)x1, (int)y1 + l->pad / 3 + l->small_px, 2);
	app_text_draw(&g->text, "E(w)", l->text_px, APP_FACE_BOLD, th->text,
		      (int)x0 + l->pad / 2, l->plot.y, 0);
}

static void draw_curve(struct app_gfx *g, const struct gd_run *run,
		       const struct gd_view *v, const struct app_theme *th)
{
	enum { MAXN = 801 };
	float xs[MAXN], ys[MAXN];
	int n = v->width / 2 + 2;
	n = n < 64 ? 64 : n > MAXN ? MAXN : n;
	for (int i = 0; i < n; i++) {
		double w = v->wmin + (v->wmax - v->wmin) * i / (n - 1);
		to_px(v, w, gd_curve_eval1(&run->curve, w), &xs[i], &ys[i]);
	}
	app_geom_polyline(&g->geom, xs, ys, n, (float)g->lay.stroke, th->curve);
}

/* Earlier points, older ones fainter, joined by the path w took. */
static void draw_trail(struct app_gfx *g, const struct gd_run *run,
		       const struct gd_view *v, const struct app_theme *th,
		       float r)
{
	size_t len = gd_run_history_len(run);
	size_t from = len > TRAIL_POINTS ? len - TRAIL_POINTS : 0;
	float px = 0, py = 0;
	for (size_t i = from; i < len; i++) {
		const struct gd_update *u = gd_run_history_at(run, i);
		float x, y;
		to_px(v, u->w[0], u->E, &x, &y);
		int a = 40 + (int)(150.0 * (double)(i - from + 1) /
				   (double)(len - from));
		if (i > from)
			app_geom_line(&g->geom, px, py, x, y, 1.5f,
				      alpha(th->trail, a / 2));
		app_geom_disc(&g->geom, x, y, r * 0.6f, alpha(th->trail, a));
		px = x, py = y;
	}
	if (len > from) {
		float x, y;
		to_px(v, run->w[0], run->E, &x, &y);
		app_geom_line(&g->geom, px, py, x, y, 1.5f, alpha(th->trail, 95));
	}
}

/* The tangent at (w, E) with slope dEdw, across about 60% of the plot's
 * width, and its slope written at its upper end. */
static void draw_tangent(struct app_gfx *g, const struct gd_view *v,
			 const struct app_theme *th, double w, double E,
			 double dEdw)
{
	struct app_frame *f = &g->frame;
	float cx, cy;
	to_px(v, w, E, &cx, &cy);
	double kx = v->width / (v->wmax - v->wmin);
	double ky = v->height / (v->emax - v->emin);
	double sp = -dEdw * ky / kx; /* pixels down per pixel right */
	if (!isfinite(sp))
		return;
	double len = 0.3 * v->width, d = len / sqrt(1 + sp * sp);
	f->tan_x0 = cx - (float)d, f->tan_y0 = cy - (float)(d * sp);
	f->tan_x1 = cx + (float)d, f->tan_y1 = cy + (float)(d * sp);
	f->has_tangent = true;
	app_geom_line(&g->geom, f->tan_x0, f->tan_y0, f->tan_x1, f->tan_y1,
		      (float)g->lay.stroke * 0.9f, th->tangent);
}

static bool boxes_meet(const SDL_Rect *a, const SDL_Rect *b)
{
	return a->w > 0 && b->w > 0 && a->x < b->x + b->w && b->x < a->x + a->w &&
	       a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The slope beside the tangent's upper end, moved off the Δw label
 * (*avoid) if they would meet. */
static void tangent_label(struct app_gfx *g, const struct app_theme *th,
			  double dEdw, const SDL_Rect *avoid)
{
	const struct app_frame *f = &g->frame;
	const struct app_rect *a = &g->lay.area;
	if (!f->has_tangent)
		return;
	char num[APP_FMT_MAX], text[APP_FMT_MAX + 32];
	snprintf(text, sizeof(text), "dE/dw = %s",
		 app_fmt_value(num, sizeof(num), dEdw));
	/* Beside the tangent's upper end, kept inside the plot. */
	bool left = f->tan_y0 < f->tan_y1;
	float ex = left ? f->tan_x0 : f->tan_x1, ey = left ? f->tan_y0 : f->tan_y1;
	int px = g->lay.small_px, w = app_text_width(&g->text, text, px,
						      APP_FACE_BOLD);
	int x = (int)ex - w / 2;
	int y = (int)ey - px * 2;
	x = x < a->x + 4 ? a->x + 4 : x + w > a->x + a->w - 4 ? a->x + a->w - 4 - w : x;
	y = y < a->y + 2 ? a->y + 2 : y > a->y + a->h - 2 * px ? a->y + a->h - 2 * px : y;
	SDL_Rect box = { x, y, w, px * 3 / 2 };
	if (boxes_meet(&box, avoid)) {
		y = avoid->y - box.h - px / 2;
		if (y < a->y + 2)
			y = avoid->y + avoid->h + px / 2;
	}
	app_text_draw(&g->text, text, px, APP_FACE_BOLD, th->tangent_text, x,
		      y, 0);
}

static void draw_step(struct app_gfx *g, const struct app_state *s,
		      const struct app_shown *sh, const struct app_theme *th)
{
	const struct gd_view *v = &s->view;
	struct app_frame *f = &g->frame;
	float r = (float)g->lay.stroke * 2.6f;
	float cx, cy, nx, ny, bx, by;
	to_px(v, sh->w, sh->E, &cx, &cy);
	f->fell = sh->u.E_next <= sh->u.E;
	struct app_rgba arrow = f->fell ? th->fell : th->rose;
	if (sh->has_step) {
		draw_tangent(g, v, th, sh->u.w[0], sh->u.E, sh->u.grad[0]);
		to_px(v, sh->u.w_next[0], sh->u.E_next, &nx, &ny);
		to_px(v, sh->u.w[0], sh->u.E, &bx, &by);
		float tip, dummy;
		to_px(v, sh->tip_w, 0, &tip, &dummy);
		app_geom_dashed(&g->geom, bx, by, bx, f->axis_y, 2, 8, 6,
				th->muted);
		app_geom_dashed(&g->geom, nx, ny, nx, f->axis_y, 1.5f, 4, 6,
				alpha(arrow, 160));
		if (!sh->growing || fabsf(cx - nx) > 0.5f)
			app_geom_ring(&g->geom, nx, ny, r, 2.5f, th->next);
		float ay = f->axis_y - (float)g->lay.stroke * 2;
		app_geom_arrow(&g->geom, bx, ay, tip, ay,
			       (float)g->lay.stroke * 1.3f, arrow);
		f->tip_x = tip;
		f->has_arrow = fabsf(tip - bx) > 0.5f;
	}
	/* The point, with a ring of background so it stands off the curve. */
	app_geom_disc(&g->geom, cx, cy, r + 2, th->bg);
	app_geom_disc(&g->geom, cx, cy, r, th->point);
	f->point_x = cx, f->point_y = cy, f->point_r = r;
	f->has_point = true;
}

/* A label over the arrow: Δw and its value. Sets *box to where it went
 * (empty if nowhere). */
static void arrow_label(struct app_gfx *g, const struct app_shown *sh,
			const struct app_theme *th, SDL_Rect *box)
{
	const struct app_frame *f = &g->frame;
	const struct app_rect *a = &g->lay.area;
	*box = (SDL_Rect){ 0 };
	if (!sh->has_step || !f->has_arrow)
		return;
	char num[APP_FMT_MAX], text[APP_FMT_MAX + 16];
	snprintf(text, sizeof(text), "Δw = %s",
		 app_fmt_value(num, sizeof(num), sh->u.delta[0]));
	int px = g->lay.small_px;
	int w = app_text_width(&g->text, text, px, APP_FACE_BOLD);
	float bx, by;
	to_px(&g->view_drawn, sh->u.w[0], 0, &bx, &by);
	int x = (int)((bx + f->tip_x) / 2) - w / 2;
	int y = (int)f->axis_y - (int)(g->lay.stroke * 4) - px * 3 / 2;
	x = x < a->x + 4 ? a->x + 4 : x + w > a->x + a->w - 4 ? a->x + a->w - 4 - w : x;
	y = y < a->y ? a->y : y;
	*box = (SDL_Rect){ x, y, w, px * 3 / 2 };
	app_text_draw(&g->text, text, px, APP_FACE_BOLD,
		      f->fell ? th->fell_text : th->rose_text, x, y, 0);
}

void app_draw_plot(struct app_gfx *g, const struct app_state *s, double now)
{
	const struct app_theme *th = app_theme_get(s->dark);
	const struct gd_view *v = &s->view;
	const struct gd_run *run = app_state_run(s);
	struct app_frame *f = &g->frame;
	*f = (struct app_frame){ 0 };
	g->view_drawn = *v;
	float ax, ay;
	to_px(v, v->wmin, v->emin > 0 || v->emax < 0 ? v->emin : 0, &ax, &ay);
	f->axis_y = ay;
	app_geom_set_clip(&g->geom, (float)v->x, (float)v->y, (float)v->width,
			  (float)v->height);
	draw_axes(g, v, th, ay);
	SDL_Rect clip = { v->x, v->y, v->width, v->height };
	SDL_RenderSetClipRect(g->ren, &clip);
	struct app_shown sh = app_shown_step(s, now);
	draw_curve(g, run, v, th);
	draw_trail(g, run, v, th, (float)g->lay.stroke * 2.6f);
	draw_step(g, s, &sh, th);
	if (!sh.has_step && isfinite(run->grad[0]))
		draw_tangent(g, v, th, run->w[0], run->E, run->grad[0]);
	app_geom_flush(&g->geom, g->ren);
	SDL_Rect arrow_box;
	arrow_label(g, &sh, th, &arrow_box);
	tangent_label(g, th, sh.has_step ? sh.u.grad[0] : run->grad[0], &arrow_box);
	SDL_RenderSetClipRect(g->ren, NULL);
	app_geom_set_clip(&g->geom, -1e5f, -1e5f, 2e5f, 2e5f);
}

static void set_color(SDL_Renderer *ren, struct app_rgba c)
{
	SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, c.a);
}

void app_draw(struct app_gfx *g, struct app_state *s, double now)
{
	const struct app_theme *th = app_theme_get(s->dark);
	int w = 0, h = 0;
	if (SDL_GetRendererOutputSize(g->ren, &w, &h) != 0 || w < 1 || h < 1)
		return;
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
	app_text_begin_frame(&g->text);
	if (s->blank) {
		set_color(g->ren, th->blank);
		SDL_RenderClear(g->ren);
		return;
	}
	set_color(g->ren, th->bg);
	SDL_RenderClear(g->ren);
	/* The caption's line count depends on its wrapping, which depends on
	 * the width the layout gives it: lay out once without, then with. */
	int panel_lines = app_panel_count(s, now);
	app_layout_compute(&g->lay, w, h, s->text_step, 0, panel_lines);
	if (g->text_px != g->lay.text_px) {
		app_text_clear(&g->text);
		g->text_px = g->lay.text_px;
	}
	const char *cap = s->caption ? app_caption_text(s) : "";
	if (*cap) {
		int lines = app_wrap(&g->text, cap, g->lay.text_px,
				     APP_FACE_REGULAR, w - 2 * g->lay.pad,
				     NULL, NULL);
		app_layout_compute(&g->lay, w, h, s->text_step, lines,
				   panel_lines);
	}
	s->view.x = g->lay.area.x;
	s->view.y = g->lay.area.y;
	s->view.width = g->lay.area.w;
	s->view.height = g->lay.area.h;
	app_draw_plot(g, s, now);
	app_draw_text_parts(g, s, now);
}
