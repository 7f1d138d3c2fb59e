/*
 * The frame: the background, the layout, the plot (grid, axes with round
 * ticks, the curve, the trail, the tangent at the current point, the step
 * arrow on the w axis and the next point) and then the text around it
 * (panel.c). See frame.h.
 *
 * What is shown is the pending update (the step Next would take), or,
 * while a step animates, the step being taken: its tangent at the old w,
 * the point sliding along the curve and the arrow growing under it.
 *
 * The tangent's direction: a slope dE/dw in world units becomes
 * −dE/dw · (height / (emax − emin)) / (width / (wmax − wmin)) pixels down
 * per pixel right, since screen y grows downward (see gdstep/view.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "entry_draw.h"
#include "frame.h"
#include "panel.h"
#include "wrap.h"

/* The trail shows this many earlier points, fading from TRAIL_ALPHA_MIN
 * (still visible on both themes) to TRAIL_ALPHA_MAX: enough for scene 10's
 * 150 steps over the hump. */
#define TRAIL_POINTS 400
#define TRAIL_ALPHA_MIN 90
#define TRAIL_ALPHA_MAX 230

struct plot {
	struct app_dlist *dl;
	struct app_frame_info *f;
	const struct app_layout *l;
	const struct gd_view *v;
	const struct app_theme *th;
	const struct app_measure *m;
	const char *w_name; /* the weight's name on its axis: w or w₁ */
};

static void text(const struct plot *p, enum app_role role, int px,
		 enum app_face face, struct app_rgba c, int x, int y,
		 enum app_align align, const char *s)
{
	struct app_text_style st = {
		.px = px, .face = face, .color = c, .align = align
	};
	app_dlist_text(p->dl, role, &st, (float)x, (float)y, s, p->m);
}

/* The boxes of the tick labels placed so far. */
struct placed {
	int n;
	struct app_box b[2 * GD_VIEW_MAX_TICKS];
};

/* Adds a tick label unless it would overlap one already placed (where
 * the w and E axes meet, a zoomed view's first w tick and lowest E tick
 * can want the same corner): labels never collide. */
static void tick_label(const struct plot *p, struct placed *pl, int x, int y,
		       enum app_align align, const char *s)
{
	int px = p->l->small_px;
	float w = (float)p->m->width(p->m->ctx, s, px, APP_FACE_REGULAR);
	float h = (float)p->m->height(p->m->ctx, px, APP_FACE_REGULAR);
	float left = align == APP_ALIGN_RIGHT  ? (float)x - w :
		     align == APP_ALIGN_CENTRE ? (float)x - w / 2 :
						 (float)x;
	struct app_box b = { left, (float)y, w, h };
	/* A label the window's edge would cut (a long negative E tick
	 * losing its minus sign) is left out: every label is whole. */
	if (left < 1 || left + w > (float)p->l->width - 1)
		return;
	for (int i = 0; i < pl->n; i++) {
		const struct app_box *o = &pl->b[i];
		if (b.x < o->x + o->w && o->x < b.x + b.w &&
		    b.y < o->y + o->h && o->y < b.y + b.h)
			return;
	}
	if (pl->n < (int)(sizeof(pl->b) / sizeof(pl->b[0])))
		pl->b[pl->n++] = b;
	text(p, APP_ROLE_TICK_LABEL, px, APP_FACE_REGULAR, p->th->muted, x, y,
	     align, s);
}

/* The tick labels and the axis names, outside the plot area. */
static void axis_labels(const struct plot *p, const double *ticks, int nx,
			double step, const double *eticks, int ny, double estep)
{
	const struct app_layout *l = p->l;
	const struct gd_view *v = p->v;
	char buf[APP_FMT_MAX];
	float x0 = (float)v->x, y1 = (float)v->y + (float)v->height;
	float x1 = x0 + (float)v->width;
	struct placed pl = { 0 };
	for (int i = 0; i < nx; i++) {
		float x, y;
		app_view_px(v, ticks[i], v->emin, &x, &y);
		tick_label(p, &pl, (int)x, (int)y1 + l->pad / 3, APP_ALIGN_CENTRE,
			   app_fmt_tick(buf, sizeof(buf), ticks[i], step));
	}
	/* E's labels right of the window's edge: when the widest would not
	 * fit (a deep zoom far from 0), they count from the lowest tick and
	 * the axis name says from where ("E(w) − 1.0485760"). */
	double base = 0;
	int room = (int)x0 - l->pad / 3 - 1, wide = 0;
	for (int i = 0; i < ny; i++) {
		app_fmt_tick(buf, sizeof(buf), eticks[i], estep);
		int w = p->m->width(p->m->ctx, buf, l->small_px, APP_FACE_REGULAR);
		wide = w > wide ? w : wide;
	}
	if (wide > room && ny > 0)
		base = eticks[0];
	for (int i = 0; i < ny; i++) {
		float x, y;
		app_view_px(v, v->wmin, eticks[i], &x, &y);
		double e = base != 0 ? eticks[i] - base : eticks[i];
		/* Offsets are multiples of the step: round off the
		 * subtraction's last bits. */
		if (base != 0)
			e = round(e / estep) * estep;
		tick_label(p, &pl, (int)x0 - l->pad / 3,
			   (int)y - l->small_px * 2 / 3, APP_ALIGN_RIGHT,
			   app_fmt_tick(buf, sizeof(buf), e, estep));
	}
	/* The neuron curve varies w₁ of seed 002's neuron (w₂·x₂ held as
	 * b): its axis says so. */
	text(p, APP_ROLE_AXIS_NAME, l->text_px, APP_FACE_BOLD, p->th->text,
	     (int)x1, (int)y1 + l->pad / 3 + l->small_px, APP_ALIGN_RIGHT,
	     p->w_name);
	char name[APP_FMT_MAX + 16] = "E(w)";
	if (base != 0)
		snprintf(name, sizeof(name), "E(w) − %s",
			 app_fmt_tick(buf, sizeof(buf), base, estep));
	text(p, APP_ROLE_AXIS_NAME, l->text_px, APP_FACE_BOLD, p->th->text,
	     (int)x0 + l->pad / 2, l->plot.y, APP_ALIGN_LEFT, name);
}

/* Ticks, grid lines and their labels, and the axes. */
static void axes(const struct plot *p, float axis_y)
{
	const struct app_layout *l = p->l;
	const struct gd_view *v = p->v;
	double ticks[GD_VIEW_MAX_TICKS], eticks[GD_VIEW_MAX_TICKS];
	double step = 0, estep = 0;
	float x0 = (float)v->x, y0 = (float)v->y;
	float x1 = x0 + (float)v->width, y1 = y0 + (float)v->height;
	int nx = gd_view_ticks(v->wmin, v->wmax,
			       v->width / (l->small_px * 5 + 1) + 1, ticks,
			       &step);
	for (int i = 0; i < nx; i++) {
		float x, y;
		app_view_px(v, ticks[i], v->emin, &x, &y);
		app_dlist_line(p->dl, APP_ROLE_GRID, x, y0, x, y1, 1.5f,
			       p->th->grid);
	}
	int ny = gd_view_ticks(v->emin, v->emax,
			       v->height / (l->small_px * 3 + 1) + 1, eticks,
			       &estep);
	for (int i = 0; i < ny; i++) {
		float x, y;
		app_view_px(v, v->wmin, eticks[i], &x, &y);
		app_dlist_line(p->dl, APP_ROLE_GRID, x0, y, x1, y, 1.5f,
			       p->th->grid);
	}
	app_dlist_line(p->dl, APP_ROLE_AXIS, x0, axis_y, x1, axis_y, 2,
		       p->th->axis);
	app_dlist_line(p->dl, APP_ROLE_AXIS, x0, y0, x0, y1, 2, p->th->axis);
	if (l->area.x != l->plot.x) /* no margins: no labels */
		axis_labels(p, ticks, nx, step, eticks, ny, estep);
}

static void curve(const struct plot *p, const struct gd_run *run)
{
	enum { MAXN = 801 };
	const struct gd_view *v = p->v;
	float xs[MAXN], ys[MAXN];
	int n = v->width / 2 + 2;
	n = n < 64 ? 64 : n > MAXN ? MAXN : n;
	/* Where E is not finite (a formula outside its domain) the curve
	 * has a gap: one polyline per run of finite points. */
	int start = 0, k = 0;
	for (int i = 0; i <= n; i++) {
		double w = v->wmin + (v->wmax - v->wmin) * i / (n - 1);
		double e = i < n ? gd_curve_eval1(&run->curve, w) : (double)NAN;
		if (isfinite(e)) {
			app_view_px(v, w, e, &xs[k], &ys[k]);
			k++;
			continue;
		}
		if (k - start >= 2)
			app_dlist_polyline(p->dl, APP_ROLE_CURVE, xs + start,
					   ys + start, k - start,
					   (float)p->l->stroke, p->th->curve, 0,
					   0);
		start = k;
	}
}

/* Earlier points, older ones fainter, joined by the path w took. */
static void trail(const struct plot *p, const struct gd_run *run, float r)
{
	const struct app_theme *th = p->th;
	size_t len = gd_run_history_len(run);
	size_t from = len > TRAIL_POINTS ? len - TRAIL_POINTS : 0;
	float px = 0, py = 0;
	for (size_t i = from; i < len; i++) {
		const struct gd_update *u = gd_run_history_at(run, i);
		float x, y;
		app_view_px(p->v, u->w[0], u->E, &x, &y);
		int a = TRAIL_ALPHA_MIN +
			(int)((TRAIL_ALPHA_MAX - TRAIL_ALPHA_MIN) *
			      (double)(i - from + 1) / (double)(len - from));
		if (i > from)
			app_dlist_line(p->dl, APP_ROLE_TRAIL, px, py, x, y,
				       1.5f, app_rgba_alpha(th->trail, a / 2));
		app_dlist_disc(p->dl, APP_ROLE_TRAIL, x, y, r * 0.6f,
			       app_rgba_alpha(th->trail, a));
		px = x, py = y;
	}
	if (len > from) {
		float x, y;
		app_view_px(p->v, run->w[0], run->E, &x, &y);
		app_dlist_line(p->dl, APP_ROLE_TRAIL, px, py, x, y, 1.5f,
			       app_rgba_alpha(th->trail, 95));
	}
}

/* The tangent at (w, E) with slope dEdw, across about 60% of the plot's
 * width. */
static void tangent(const struct plot *p, double w, double E, double dEdw)
{
	const struct gd_view *v = p->v;
	struct app_frame_info *f = p->f;
	float cx, cy;
	app_view_px(v, w, E, &cx, &cy);
	double kx = v->width / (v->wmax - v->wmin);
	double ky = v->height / (v->emax - v->emin);
	double sp = -dEdw * ky / kx; /* pixels down per pixel right */
	if (!isfinite(sp))
		return;
	double len = 0.3 * v->width, d = len / sqrt(1 + sp * sp);
	f->tan_x0 = cx - (float)d, f->tan_y0 = cy - (float)(d * sp);
	f->tan_x1 = cx + (float)d, f->tan_y1 = cy + (float)(d * sp);
	f->has_tangent = true;
	app_dlist_line(p->dl, APP_ROLE_TANGENT, f->tan_x0, f->tan_y0, f->tan_x1,
		       f->tan_y1, (float)p->l->stroke * 0.9f, p->th->tangent);
}

struct ibox {
	int x, y, w, h;
};

/* A label inside the plot, on a band of background a little larger than
 * its text: the curve, the grid and the trail pass under it, never
 * through its glyphs, on either theme. */
static void backed_text(const struct plot *p, enum app_role role,
			struct app_rgba c, const struct ibox *b, const char *s)
{
	int px = p->l->small_px;
	float pad = (float)px * 0.25f;
	float h = (float)p->m->height(p->m->ctx, px, APP_FACE_BOLD);
	app_dlist_rect(p->dl, APP_ROLE_LABEL_BACK,
		       (struct app_box){ (float)b->x - pad, (float)b->y - 1,
					 (float)b->w + 2 * pad, h + 2 },
		       app_rgba_alpha(p->th->bg, 215));
	text(p, role, px, APP_FACE_BOLD, c, b->x, b->y, APP_ALIGN_LEFT, s);
}

/* The distance in pixels from (x, y) to the segment (x0, y0)–(x1, y1). */
static double seg_dist(double x, double y, double x0, double y0, double x1,
		       double y1)
{
	double dx = x1 - x0, dy = y1 - y0, d2 = dx * dx + dy * dy;
	double t = d2 > 0 ? ((x - x0) * dx + (y - y0) * dy) / d2 : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypot(x - (x0 + t * dx), y - (y0 + t * dy));
}

static bool boxes_meet(const struct ibox *a, const struct ibox *b)
{
	return a->w > 0 && b->w > 0 && a->x < b->x + b->w &&
	       b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Whether a label box b stays by the tangent: its nearest corner or
 * edge midpoint within two text heights of the drawn segment. */
static bool by_tangent(const struct app_frame_info *f, const struct ibox *b, int px)
{
	double best = (double)INFINITY;
	for (int i = 0; i < 3; i++) {
		for (int j = 0; j < 3; j++) {
			double x = b->x + b->w * i / 2.0,
			       y = b->y + b->h * j / 2.0;
			best = fmin(best, seg_dist(x, y, (double)f->tan_x0,
						   (double)f->tan_y0,
						   (double)f->tan_x1,
						   (double)f->tan_y1));
		}
	}
	return best <= 2.0 * px;
}

/* Whether the segment (x0, y0)–(x1, y1) passes through box b. */
static bool seg_meets(const struct ibox *b, float x0, float y0, float x1, float y1)
{
	/* A sample every 2 px, at most 2048 of them. */
	float len = hypotf(x1 - x0, y1 - y0);
	int n = len > 4096 ? 2048 : (int)(len / 2) + 1;
	for (int i = 0; i <= n; i++) {
		float x = x0 + (x1 - x0) * (float)i / (float)n;
		float y = y0 + (y1 - y0) * (float)i / (float)n;
		if (x > (float)b->x && x < (float)(b->x + b->w) &&
		    y > (float)b->y && y < (float)(b->y + b->h))
			return true;
	}
	return false;
}

/* Whether the curve drawn so far passes through box b (its points are
 * about 2 px apart, curve()). */
static bool curve_meets(const struct app_dlist *dl, const struct ibox *b)
{
	for (int i = 0; i < dl->n; i++) {
		const struct app_prim *p = &dl->prims[i];
		if (p->role != APP_ROLE_CURVE || p->kind != APP_PRIM_LINE)
			continue;
		for (int k = p->first; k < p->first + p->count; k++) {
			if (dl->xs[k] > (float)b->x &&
			    dl->xs[k] < (float)(b->x + b->w) &&
			    dl->ys[k] > (float)b->y &&
			    dl->ys[k] < (float)(b->y + b->h))
				return true;
		}
	}
	return false;
}

/* The part of the tangent inside the plot area a, as fractions
 * [*t0, *t1] of the drawn segment (Liang–Barsky); false if none. */
static bool tangent_visible(const struct app_frame_info *f,
			    const struct app_rect *a, double *t0, double *t1)
{
	double x0 = (double)f->tan_x0, y0 = (double)f->tan_y0;
	double dx = (double)f->tan_x1 - x0, dy = (double)f->tan_y1 - y0;
	double p[4] = { -dx, dx, -dy, dy };
	double q[4] = { x0 - a->x, a->x + a->w - x0, y0 - a->y, a->y + a->h - y0 };
	*t0 = 0, *t1 = 1;
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
			continue;
		}
		double r = q[i] / p[i];
		if (p[i] < 0)
			*t0 = fmax(*t0, r);
		else
			*t1 = fmin(*t1, r);
	}
	return *t0 < *t1;
}

/* The slope beside the visible part of its tangent: by one of its ends
 * or a quarter in, above, below or to a side, wholly inside the plot,
 * off the tangent itself and off the Δw label, the legend and the points
 * (avoid[0 … n − 1]). When no such place stays by the tangent there is
 * no label (the panel still says dE/dw). */
static void tangent_label(const struct plot *p, double dEdw,
			  const struct ibox *avoid, int n)
{
	const struct app_frame_info *f = p->f;
	const struct app_rect *a = &p->l->area;
	double t0, t1;
	if (!f->has_tangent || !tangent_visible(f, a, &t0, &t1))
		return;
	char num[APP_FMT_MAX], s[APP_FMT_MAX + 32];
	snprintf(s, sizeof(s), "dE/dw = %s",
		 app_fmt_value(num, sizeof(num), dEdw));
	int px = p->l->small_px;
	int w = p->m->width(p->m->ctx, s, px, APP_FACE_BOLD), h = px * 3 / 2;
	/* The upper end first, as a reader looks there. */
	bool up0 = f->tan_y0 < f->tan_y1;
	const double at[5] = { 0, 1, 0.25, 0.75, 0.5 };
	/* Off the curve too if it can be; else on its band of background. */
	for (int k = 0; k < 60; k++) {
		double u = up0 ? at[k / 6 % 5] : 1 - at[k / 6 % 5];
		double t = t0 + (t1 - t0) * u;
		float ex = f->tan_x0 + (f->tan_x1 - f->tan_x0) * (float)t;
		float ey = f->tan_y0 + (f->tan_y1 - f->tan_y0) * (float)t;
		/* above, below, right, left, then right and left further
		 * out (past a steep tangent) */
		int side = k % 6, gap = side < 4 ? px / 2 : px * 2;
		int x = side % 2 == 0 && side > 0 ? (int)ex + gap :
			side % 2 == 1 && side > 1 ? (int)ex - gap - w :
						    (int)ex - w / 2;
		int y = side == 0 ? (int)ey - h - px / 2 :
			side == 1 ? (int)ey + px / 2 :
				    (int)ey - h / 2;
		/* Inside the plot; by_tangent then says if it still is a
		 * place by the tangent. */
		x = x + w > a->x + a->w - 4 ? a->x + a->w - 4 - w : x;
		x = x < a->x + 4 ? a->x + 4 : x;
		y = y + h > a->y + a->h - 2 ? a->y + a->h - 2 - h : y;
		y = y < a->y + 2 ? a->y + 2 : y;
		struct ibox box = { x, y, w, h };
		/* The band of background reaches a little further. */
		int m = px / 4 + 3;
		struct ibox band = { x - m, y - m, w + 2 * m, h + 2 * m };
		bool ok = w <= a->w - 8 && h <= a->h - 4 &&
			  by_tangent(f, &box, px) &&
			  !seg_meets(&band, f->tan_x0, f->tan_y0, f->tan_x1,
				     f->tan_y1) &&
			  (k >= 30 || !curve_meets(p->dl, &band));
		for (int i = 0; ok && i < n; i++)
			ok = !boxes_meet(&box, &avoid[i]);
		if (ok) {
			backed_text(p, APP_ROLE_SLOPE_LABEL,
				    p->th->tangent_text, &box, s);
			return;
		}
	}
}

/* The step: its tangent, the guides down to the w axis, the next point
 * and the arrow from w to w + Δw (or as far as it has grown). */
static void step(const struct plot *p, const struct app_shown *sh, float r,
		 float cx)
{
	const struct gd_view *v = p->v;
	const struct app_theme *th = p->th;
	struct app_frame_info *f = p->f;
	float nx, ny, bx, by, tip, dummy;
	struct app_rgba arrow = f->fell ? th->fell : th->rose;
	tangent(p, sh->u.w[0], sh->u.E, sh->u.grad[0]);
	app_view_px(v, sh->u.w_next[0], sh->u.E_next, &nx, &ny);
	app_view_px(v, sh->u.w[0], sh->u.E, &bx, &by);
	app_view_px(v, sh->tip_w, 0, &tip, &dummy);
	app_dlist_dashed(p->dl, APP_ROLE_DROP, bx, by, bx, f->axis_y, 2, 8, 6,
			 th->muted);
	app_dlist_dashed(p->dl, APP_ROLE_DROP, nx, ny, nx, f->axis_y, 1.5f, 4,
			 6, app_rgba_alpha(arrow, 160));
	if (!sh->growing || fabsf(cx - nx) > 0.5f)
		app_dlist_ring(p->dl, APP_ROLE_NEXT_POINT, nx, ny, r, 2.5f,
			       th->next);
	float ay = f->axis_y - (float)p->l->stroke * 2;
	app_dlist_arrow(p->dl, APP_ROLE_STEP_ARROW, bx, ay, tip, ay,
			(float)p->l->stroke * 1.3f, arrow);
	f->base_x = bx;
	f->tip_x = tip;
	f->arrow_y = ay;
	f->has_arrow = fabsf(tip - bx) > 0.5f;
}

static void point_and_step(const struct plot *p, const struct app_shown *sh)
{
	struct app_frame_info *f = p->f;
	float r = (float)p->l->stroke * 2.6f;
	float cx, cy;
	app_view_px(p->v, sh->w, sh->E, &cx, &cy);
	f->fell = sh->u.E_next <= sh->u.E;
	if (sh->has_step)
		step(p, sh, r, cx);
	/* The point, with a ring of background so it stands off the curve. */
	app_dlist_disc(p->dl, APP_ROLE_POINT_HALO, cx, cy, r + 2, p->th->bg);
	app_dlist_disc(p->dl, APP_ROLE_POINT, cx, cy, r, p->th->point);
	f->point_x = cx, f->point_y = cy, f->point_r = r;
	f->has_point = true;
}

/* A label over the arrow: Δw and its value. Sets *box to where it went
 * (empty if nowhere). */
static void arrow_label(const struct plot *p, const struct app_shown *sh,
			struct ibox *box)
{
	const struct app_frame_info *f = p->f;
	const struct app_rect *a = &p->l->area;
	*box = (struct ibox){ 0 };
	if (!sh->has_step || !f->has_arrow)
		return;
	char num[APP_FMT_MAX], s[APP_FMT_MAX + 16];
	snprintf(s, sizeof(s), "Δw = %s",
		 app_fmt_value(num, sizeof(num), sh->u.delta[0]));
	int px = p->l->small_px;
	int w = p->m->width(p->m->ctx, s, px, APP_FACE_BOLD);
	float bx, by;
	app_view_px(p->v, sh->u.w[0], 0, &bx, &by);
	int x = (int)((bx + f->tip_x) / 2) - w / 2;
	int y = (int)f->axis_y - (int)(p->l->stroke * 4) - px * 3 / 2;
	x = x < a->x + 4            ? a->x + 4 :
	    x + w > a->x + a->w - 4 ? a->x + a->w - 4 - w :
				      x;
	y = y < a->y ? a->y : y;
	*box = (struct ibox){ x, y, w, px * 3 / 2 };
	/* Never over the point or the ring (scene 7's bounce at the foot of
	 * |w − 1|): then above both. */
	float cx, cy, nx, ny;
	app_view_px(p->v, sh->w, sh->E, &cx, &cy);
	app_view_px(p->v, sh->u.w_next[0], sh->u.E_next, &nx, &ny);
	int r = (int)f->point_r + 4;
	struct ibox pt = { (int)cx - r, (int)cy - r, 2 * r, 2 * r };
	struct ibox nt = { (int)nx - r, (int)ny - r, 2 * r, 2 * r };
	if (boxes_meet(box, &pt) || boxes_meet(box, &nt)) {
		int top = (int)fminf(cy, ny) - r - box->h;
		box->y = y = top < a->y ? a->y : top;
	}
	backed_text(p, APP_ROLE_DW_LABEL,
		    f->fell ? p->th->fell_text : p->th->rose_text, box, s);
}

/* The boxes of the current point and (with a step) of the next one's
 * ring, with a margin: out[0], out[1] (empty when there is none). */
static void point_boxes(const struct plot *p, const struct app_shown *sh,
			struct ibox out[2])
{
	const struct app_frame_info *f = p->f;
	int r = (int)f->point_r + 4;
	out[0] = (struct ibox){ (int)f->point_x - r, (int)f->point_y - r, 2 * r,
				2 * r };
	out[1] = (struct ibox){ 0 };
	if (sh->has_step) {
		float nx, ny;
		app_view_px(p->v, sh->u.w_next[0], sh->u.E_next, &nx, &ny);
		out[1] = (struct ibox){ (int)nx - r, (int)ny - r, 2 * r, 2 * r };
	}
}

/* Run k's trail: its earlier points as small markers, faded, joined. */
static void run_trail(const struct plot *p, const struct gd_run *run, int k,
		      float r, float x1, float y1)
{
	struct app_rgba c = p->th->run[k % APP_THEME_RUNS];
	size_t len = gd_run_history_len(run);
	size_t from = len > TRAIL_POINTS ? len - TRAIL_POINTS : 0;
	float px = x1, py = y1;
	for (size_t i = len; i-- > from;) {
		const struct gd_update *u = gd_run_history_at(run, i);
		float x, y;
		app_view_px(p->v, u->w[0], u->E, &x, &y);
		int a = 60 + (int)(140.0 * (double)(i - from + 1) /
				   (double)(len - from));
		app_dlist_line(p->dl, APP_ROLE_TRAIL, px, py, x, y, 1.5f,
			       app_rgba_alpha(c, a / 2));
		app_dlist_marker(p->dl, APP_ROLE_TRAIL, k, x, y, r * 0.55f,
				 app_rgba_alpha(c, a));
		px = x, py = y;
	}
}

/* The legend, top right in the plot: each run's marker, name, settings
 * and status, in its colour; the run in focus in bold. */
static void legend(const struct plot *p, const struct app_state *s)
{
	const struct app_rect *a = &p->l->area;
	int px = p->l->small_px, n = app_state_runs(s), wmax = 0;
	char lines[GD_SCENE_RUNS][160];
	for (int i = 0; i < n; i++) {
		const struct gd_run *run = app_state_run_at(s, i);
		char lab[128];
		snprintf(lines[i], sizeof(lines[i]), "%s — %s",
			 app_run_label(lab, sizeof(lab), run, s->lang),
			 app_status_word(run, s->lang));
		int w = p->m->width(p->m->ctx, lines[i], px, APP_FACE_BOLD);
		wmax = w > wmax ? w : wmax;
	}
	int row = px * 3 / 2, mw = px * 2;
	float bw = (float)(wmax + mw + px), bh = (float)(row * n + px / 2);
	float bx = (float)(a->x + a->w) - bw - (float)px / 2;
	float by = (float)a->y + (float)px / 2;
	app_dlist_rect(p->dl, APP_ROLE_LEGEND, (struct app_box){ bx, by, bw, bh },
		       app_rgba_alpha(p->th->bg, 225));
	for (int i = 0; i < n; i++) {
		float y = by + (float)(px / 4 + row * i);
		app_dlist_marker(p->dl, APP_ROLE_LEGEND, i,
				 bx + (float)px * 0.9f, y + (float)row / 2,
				 (float)px * 0.4f, p->th->run[i]);
		text(p, APP_ROLE_LEGEND, px,
		     i == s->focus ? APP_FACE_BOLD : APP_FACE_REGULAR,
		     p->th->run_text[i], (int)bx + mw, (int)y + px / 8,
		     APP_ALIGN_LEFT, lines[i]);
	}
	p->f->legend_x = bx, p->f->legend_y = by;
	p->f->legend_w = bw, p->f->legend_h = bh;
}

/* Several runs: every run's trail and marker, the focus run's tangent and
 * step, and the legend. */
static void plot_runs(const struct plot *p, const struct app_state *s, double now)
{
	struct app_frame_info *f = p->f;
	float r = (float)p->l->stroke * 2.6f;
	int n = app_state_runs(s);
	struct app_shown sh0 = app_shown_step(s, now);
	struct app_shown sh = app_shown_focus(s, now);
	f->runs = n;
	for (int i = 0; i < n; i++) {
		const struct gd_run *run = app_state_run_at(s, i);
		double w = i == 0 ? sh0.w : run->w[0];
		double E = i == 0 ? sh0.E : run->E;
		app_view_px(p->v, w, E, &f->run_x[i], &f->run_y[i]);
		run_trail(p, run, i, r, f->run_x[i], f->run_y[i]);
	}
	float cx = f->run_x[s->focus], cy = f->run_y[s->focus];
	f->fell = sh.u.E_next <= sh.u.E;
	if (sh.has_step)
		step(p, &sh, r, cx);
	else if (isfinite(app_state_focus_run(s)->grad[0]))
		tangent(p, sh.w, sh.E, app_state_focus_run(s)->grad[0]);
	/* The focus run last, on top. */
	for (int j = 1; j <= n; j++) {
		int i = (s->focus + j) % n;
		app_dlist_marker(p->dl, APP_ROLE_POINT_HALO, i, f->run_x[i],
				 f->run_y[i], r + 2.5f, p->th->bg);
		app_dlist_marker(p->dl, APP_ROLE_RUN_POINT, i, f->run_x[i],
				 f->run_y[i], r, p->th->run[i]);
	}
	f->point_x = cx, f->point_y = cy, f->point_r = r;
	f->has_point = true;
	struct ibox arrow_box;
	arrow_label(p, &sh, &arrow_box);
	legend(p, s);
	struct ibox avoid[4] = { arrow_box,
				 { (int)f->legend_x, (int)f->legend_y,
				   (int)f->legend_w, (int)f->legend_h } };
	point_boxes(p, &sh, avoid + 2);
	tangent_label(p,
		      sh.has_step ? sh.u.grad[0] : app_state_focus_run(s)->grad[0],
		      avoid, 4);
}

void app_plot_build(struct app_dlist *out, struct app_frame_info *info,
		    const struct app_state *s, const struct gd_view *v,
		    double now, const struct app_measure *m)
{
	const struct gd_run *run = app_state_run(s);
	struct plot p = { .dl = out,
			  .f = info,
			  .l = &info->lay,
			  .v = v,
			  .th = app_theme_get(s->dark),
			  .m = m,
			  .w_name = run->curve.kind == GD_CURVE_NEURON ? "w₁" :
									 "w" };
	float ax, ay;
	app_view_px(v, v->wmin, v->emin > 0 || v->emax < 0 ? v->emin : 0, &ax,
		    &ay);
	info->axis_y = ay;
	axes(&p, ay);
	app_dlist_clip_push(out, APP_ROLE_PLOT_CLIP,
			    (struct app_box){ (float)v->x, (float)v->y,
					      (float)v->width, (float)v->height });
	curve(&p, run);
	if (app_state_runs(s) > 1) {
		plot_runs(&p, s, now);
		app_dlist_clip_pop(out);
		return;
	}
	struct app_shown sh = app_shown_step(s, now);
	trail(&p, run, (float)p.l->stroke * 2.6f);
	point_and_step(&p, &sh);
	if (!sh.has_step && isfinite(run->grad[0]))
		tangent(&p, run->w[0], run->E, run->grad[0]);
	struct ibox avoid[3];
	arrow_label(&p, &sh, &avoid[0]);
	point_boxes(&p, &sh, avoid + 1);
	tangent_label(&p, sh.has_step ? sh.u.grad[0] : run->grad[0], avoid, 3);
	app_dlist_clip_pop(out);
}

/* Lays out: the caption's line count depends on its wrapping, which
 * depends on the width the layout gives it: once without, then with. */
static void layout(struct app_layout *l, const struct app_state *s, int w,
		   int h, double now, const struct app_measure *m)
{
	int panel_lines = app_panel_count(s, now);
	app_layout_compute(l, w, h, s->text_step, 0, panel_lines);
	char buf[APP_CAPTION_MAX];
	const char *cap = s->caption ? app_caption_text(s, buf) : "";
	if (*cap) {
		int lines = app_wrap(m, cap, l->text_px, APP_FACE_REGULAR,
				     w - 2 * l->pad, NULL, NULL);
		app_layout_compute(l, w, h, s->text_step, lines, panel_lines);
	}
}

void app_view_px(const struct gd_view *v, double a, double b, float *x, float *y)
{
	double px, py;
	gd_view_to_screen(v, a, b, &px, &py);
	*x = (float)px;
	*y = (float)py;
}

void app_frame_build(struct app_dlist *out, struct app_frame_info *info,
		     const struct app_state *s, int width, int height,
		     double now, const struct app_measure *m)
{
	const struct app_theme *th = app_theme_get(s->dark);
	width = width > 1 ? width : 1;
	height = height > 1 ? height : 1;
	app_dlist_clear(out);
	*info = (struct app_frame_info){ .blank = s->blank };
	layout(&info->lay, s, width, height, now, m);
	info->view = s->view;
	info->view.x = info->lay.area.x;
	info->view.y = info->lay.area.y;
	info->view.width = info->lay.area.w;
	info->view.height = info->lay.area.h;
	struct app_box all = { 0, 0, (float)width, (float)height };
	if (s->blank) {
		app_dlist_rect(out, APP_ROLE_BACKGROUND, all, th->blank);
		return;
	}
	app_dlist_rect(out, APP_ROLE_BACKGROUND, all, th->bg);
	if (app_state_run(s)->dim == 2)
		app_plot2_build(out, info, s, now, m);
	else
		app_plot_build(out, info, s, &info->view, now, m);
	app_panel_build(out, &info->lay, s, now, m);
	app_entry_build(out, &info->lay, s, m);
}
