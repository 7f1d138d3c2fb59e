/*
 * The plot of a run of two weights: on the left the contour map of E over
 * (w₁, w₂) with the trail, the point, the gradient's direction, the step
 * −η·∇E (or the optimizer's Δw) with its two components along the axes,
 * and the next point; on the right the two slices through the point, E
 * along w₁ with w₂ fixed and E along w₂ with w₁ fixed, each drawn as the
 * one-weight plot is, with its tangent. The slice along wₖ has slope
 * ∂E/∂wₖ at the point: the gradient is made of the two slopes.
 *
 * The map uses one scale for both weights (the view's intervals widened to
 * the map's aspect), so that the gradient, which is perpendicular to the
 * contour lines in the world, is drawn perpendicular to them.
 *
 * A step too short to see (seed 002's Δw is a hundredth of the map) is
 * drawn magnified by a power of ten, and the map says by how much.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "contour.h"
#include "fmt.h"
#include "frame.h"
#include "lang.h"

/* The shortest step arrow drawn unmagnified, pixels. */
#define MIN_ARROW_PX 10.0

/* The bands of the labels drawn for the step, for the labels that come
 * after them to keep off. */
struct taken {
	struct app_box box[8];
	int n;
};

struct map {
	struct app_dlist *dl;
	struct app_frame_info *f;
	const struct app_layout *l;
	const struct gd_view *v;
	const struct app_theme *th;
	const struct app_measure *m;
	const struct gd_run *run;
	const struct app_contours *c; /* labelled lines; NULL: none */
	struct taken *taken;          /* the step's label bands so far */
	enum app_lang lang;
};

static struct app_rgba mix(struct app_rgba a, struct app_rgba b, double t)
{
	return (struct app_rgba){ (uint8_t)lround(a.r + (b.r - a.r) * t),
				  (uint8_t)lround(a.g + (b.g - a.g) * t),
				  (uint8_t)lround(a.b + (b.b - a.b) * t), 255 };
}

static int width(const struct map *p, const char *s, int px, enum app_face face)
{
	return p->m->width(p->m->ctx, s, px, face);
}

static void label(const struct map *p, enum app_role role, int px,
		  enum app_face face, struct app_rgba c, float x, float y,
		  enum app_align align, const char *s)
{
	struct app_text_style st = {
		.px = px, .face = face, .color = c, .align = align
	};
	app_dlist_text(p->dl, role, &st, x, y, s, p->m);
}

/* The fill of band k (0 … nlevels) of the map's contours. */
static struct app_rgba band_rgba(const struct map *p, int band)
{
	double t = 1.0 - (double)band / (p->c->nlevels + 1);
	return mix(p->th->bg, p->th->curve, 0.04 + 0.26 * t);
}

/* The box of contour level k's label, as contours() draws it. */
static struct app_box contour_label_box(const struct map *p, int k)
{
	char buf[APP_FMT_MAX];
	int px = p->l->small_px;
	app_fmt_param(buf, sizeof(buf), p->c->level[k]);
	float w = (float)p->m->width(p->m->ctx, buf, px, APP_FACE_REGULAR);
	return (struct app_box){ p->c->label_x[k] - w / 2 - 2,
				 p->c->label_y[k] - px * 0.6f, w + 4, px * 1.2f };
}

static bool boxes_meet(struct app_box a, struct app_box b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

/* A contour line through the n points (x, y pairs) at pt, in pieces of
 * at most 4096 points that share their ends. */
static void contour_line(const struct map *p, const float *pt, int n,
			 struct app_rgba line)
{
	enum { MAXP = 4096 };
	float xs[MAXP], ys[MAXP];
	for (int from = 0; from + 1 < n; from += MAXP - 1) {
		int m = n - from < MAXP ? n - from : MAXP;
		for (int i = 0; i < m; i++) {
			xs[i] = pt[2 * (from + i)];
			ys[i] = pt[2 * (from + i) + 1];
		}
		app_dlist_polyline(p->dl, APP_ROLE_CONTOUR, xs, ys, m, 1.4f,
				   line, 0, 0);
	}
}

/* Whether the segment from (pt[0], pt[1]) to (pt[2], pt[3]) has its
 * bounds in box b. */
static bool segment_meets(const float *pt, struct app_box b)
{
	struct app_box s = { fminf(pt[0], pt[2]), fminf(pt[1], pt[3]),
			     fabsf(pt[2] - pt[0]) + 1e-3f,
			     fabsf(pt[3] - pt[1]) + 1e-3f };
	return boxes_meet(s, b);
}

/* The map as it is under box b without its contour labels: clipped to
 * b, the bands and the contour lines that reach into it drawn again. */
static void redraw_under(const struct map *p, struct app_box b)
{
	const struct app_contours *c = p->c;
	app_dlist_clip_push(p->dl, APP_ROLE_LABEL_BACK, b);
	for (int i = 0; i < c->nruns; i++)
		if (boxes_meet(c->runs[i].box, b))
			app_dlist_rect(p->dl, APP_ROLE_CONTOUR_BAND,
				       c->runs[i].box,
				       band_rgba(p, c->runs[i].band));
	struct app_rgba line = app_rgba_alpha(p->th->curve, 150);
	/* The lines' pieces with a segment that reaches b (widened by
	 * the line's width). */
	struct app_box near = { b.x - 2, b.y - 2, b.w + 4, b.h + 4 };
	for (int k = 0; k < c->nchains; k++) {
		const float *pt = c->pts + 2 * c->chains[k].first;
		int n = c->chains[k].count, from = -1;
		for (int i = 0; i < n; i++) {
			bool in = i + 1 < n && segment_meets(pt + 2 * i, near);
			if (in && from < 0)
				from = i;
			if (in || from < 0)
				continue;
			/* Points from … i: the segments from from to i. */
			contour_line(p, pt + 2 * from, i + 1 - from, line);
			from = -1;
		}
	}
	app_dlist_clip_pop(p->dl);
}

/* A moving label's band hides a contour label it touches wholly (the
 * map under it drawn again), so no half-covered number reads as part of
 * the label. */
static void cover_contour_labels(const struct map *p, struct app_box band)
{
	if (!p->c)
		return;
	for (int k = 0; k < p->c->nlevels; k++) {
		if (!p->c->has_label[k])
			continue;
		struct app_box b = contour_label_box(p, k);
		if (boxes_meet(b, band))
			redraw_under(p, (struct app_box){ b.x - 1, b.y - 1,
							  b.w + 2, b.h + 2 });
	}
}

/* A bold small label on a band of background, kept inside the map's
 * box when box is not NULL. */
/* Where a bold or regular small label s goes: its band of background,
 * and its anchor x, y moved with it to stay inside box (if not NULL). */
static struct app_box place(const struct map *p, enum app_face face, float *x,
			    float *y, enum app_align align, const char *s,
			    const struct gd_view *box)
{
	int px = p->l->small_px;
	float w = (float)p->m->width(p->m->ctx, s, px, face);
	float left = align == APP_ALIGN_LEFT   ? *x :
		     align == APP_ALIGN_CENTRE ? *x - w / 2 :
						 *x - w;
	if (box) {
		float lo = (float)box->x + 4;
		float hi = (float)(box->x + box->width) - 4 - w;
		float shift = left < lo ? lo - left : left > hi ? hi - left : 0;
		left += shift;
		*x += shift;
		*y = fmaxf(*y, (float)box->y + 2);
		*y = fminf(*y, (float)(box->y + box->height) - px * 1.6f);
	}
	return (struct app_box){ left - 4, *y, w + 8, px * 1.3f };
}

/* A small label on a band of background, kept inside the map's box when
 * box is not NULL; the step's labels (role APP_ROLE_DW_LABEL) are noted
 * in p->taken. */
static void backed_face(const struct map *p, enum app_role role,
			enum app_face face, struct app_rgba c, float x, float y,
			enum app_align align, const char *s,
			const struct gd_view *box)
{
	struct app_box band = place(p, face, &x, &y, align, s, box);
	cover_contour_labels(p, band);
	app_dlist_rect(p->dl, APP_ROLE_CONTOUR_LABEL, band,
		       app_rgba_alpha(p->th->bg, 240));
	label(p, role, p->l->small_px, face, c, x, y, align, s);
	if (role == APP_ROLE_DW_LABEL && p->taken &&
	    p->taken->n < (int)(sizeof(p->taken->box) / sizeof(p->taken->box[0])))
		p->taken->box[p->taken->n++] = band;
}

static void backed(const struct map *p, enum app_role role, struct app_rgba c,
		   float x, float y, enum app_align align, const char *s,
		   const struct gd_view *box)
{
	backed_face(p, role, APP_FACE_BOLD, c, x, y, align, s, box);
}

/* s's world intervals widened about their centres to one scale on a box
 * of w × h pixels. */
static struct gd_view square(const struct gd_view *s, struct app_rect r)
{
	struct gd_view v = *s;
	v.x = r.x, v.y = r.y, v.width = r.w, v.height = r.h;
	double sx = (v.wmax - v.wmin) / r.w, sy = (v.emax - v.emin) / r.h;
	double k = fmax(sx, sy), cw = 0.5 * (v.wmin + v.wmax);
	double ce = 0.5 * (v.emin + v.emax);
	v.wmin = cw - 0.5 * k * r.w, v.wmax = cw + 0.5 * k * r.w;
	v.emin = ce - 0.5 * k * r.h, v.emax = ce + 0.5 * k * r.h;
	return v;
}

/* The bands, the lines and their labels, from the cache (recomputed
 * first if the view changed). */
static void contours(const struct map *p, struct app_contours *c)
{
	const struct app_layout *l = p->l;
	const struct gd_view *v = p->v;
	if (!c)
		return;
	int lw = l->small_px * 4, lh = l->small_px * 2;
	if (!app_contours_fresh(c, &p->run->curve, v) &&
	    app_contours_compute(c, &p->run->curve, v, lw, lh) < 0)
		return;
	struct app_rgba bg = p->th->bg;
	struct map q = *p;
	q.c = c;
	for (int i = 0; i < c->nruns; i++)
		app_dlist_rect(p->dl, APP_ROLE_CONTOUR_BAND, c->runs[i].box,
			       band_rgba(&q, c->runs[i].band));
	struct app_rgba line = app_rgba_alpha(p->th->curve, 150);
	for (int k = 0; k < c->nchains; k++)
		contour_line(p, c->pts + 2 * c->chains[k].first,
			     c->chains[k].count, line);
	char buf[APP_FMT_MAX];
	for (int k = 0; k < c->nlevels; k++) {
		if (!c->has_label[k])
			continue;
		app_fmt_param(buf, sizeof(buf), c->level[k]);
		struct app_box b = contour_label_box(&q, k);
		app_dlist_rect(p->dl, APP_ROLE_CONTOUR_LABEL, b,
			       app_rgba_alpha(bg, 200));
		label(p, APP_ROLE_CONTOUR_LABEL, l->small_px, APP_FACE_REGULAR,
		      p->th->curve_text, c->label_x[k], b.y, APP_ALIGN_CENTRE,
		      buf);
	}
}

/* Tick labels along the bottom (first axis) and the left (second), and
 * the axes' names, for a plot in view v. */
static void ticks(const struct map *p, const struct gd_view *v,
		  const char *across, const char *up, bool left_labels)
{
	const struct app_layout *l = p->l;
	double t[GD_VIEW_MAX_TICKS];
	char buf[APP_FMT_MAX];
	float x0 = (float)v->x, y1 = (float)(v->y + v->height);
	int n = gd_view_ticks(v->wmin, v->wmax,
			      v->width / (l->small_px * 5 + 1) + 1, t, NULL);
	for (int i = 0; i < n; i++) {
		float x, y;
		app_view_px(v, t[i], v->emin, &x, &y);
		app_dlist_line(p->dl, APP_ROLE_GRID, x, y1 - 5, x, y1, 1.5f,
			       p->th->axis);
		label(p, APP_ROLE_TICK_LABEL, l->small_px, APP_FACE_REGULAR,
		      p->th->muted, x, y1 + 6, APP_ALIGN_CENTRE,
		      app_fmt_param(buf, sizeof(buf), t[i]));
	}
	n = gd_view_ticks(v->emin, v->emax,
			  v->height / (l->small_px * 3 + 1) + 1, t, NULL);
	for (int i = 0; left_labels && i < n; i++) {
		float x, y;
		app_view_px(v, v->wmin, t[i], &x, &y);
		app_dlist_line(p->dl, APP_ROLE_GRID, x0, y, x0 + 5, y, 1.5f,
			       p->th->axis);
		label(p, APP_ROLE_TICK_LABEL, l->small_px, APP_FACE_REGULAR,
		      p->th->muted, x0 - 7, y - l->small_px * 0.6f,
		      APP_ALIGN_RIGHT, app_fmt_param(buf, sizeof(buf), t[i]));
	}
	label(p, APP_ROLE_AXIS_NAME, l->text_px, APP_FACE_BOLD, p->th->text,
	      (float)(v->x + v->width), y1 + 6 + l->small_px, APP_ALIGN_RIGHT,
	      across);
	label(p, APP_ROLE_AXIS_NAME, l->text_px, APP_FACE_BOLD, p->th->text,
	      x0 + 6, (float)v->y + 4, APP_ALIGN_LEFT, up);
}

static void frame_box(const struct map *p, const struct gd_view *v)
{
	float x0 = (float)v->x, y0 = (float)v->y;
	float x1 = x0 + (float)v->width, y1 = y0 + (float)v->height;
	float xs[5] = { x0, x1, x1, x0, x0 }, ys[5] = { y0, y0, y1, y1, y0 };
	app_dlist_polyline(p->dl, APP_ROLE_AXIS, xs, ys, 5, 2, p->th->axis, 0, 0);
}

/* The trail of earlier points on the map, older ones fainter. */
static void map_trail(const struct map *p, float r)
{
	size_t len = gd_run_history_len(p->run);
	size_t from = len > 40 ? len - 40 : 0;
	float lx = 0, ly = 0;
	for (size_t i = from; i < len; i++) {
		const struct gd_update *u = gd_run_history_at(p->run, i);
		float x, y;
		app_view_px(p->v, u->w[0], u->w[1], &x, &y);
		int a = 60 + (int)(150.0 * (double)(i - from + 1) /
				   (double)(len - from));
		if (i > from)
			app_dlist_line(p->dl, APP_ROLE_TRAIL, lx, ly, x, y,
				       2.0f, app_rgba_alpha(p->th->trail, a));
		app_dlist_disc(p->dl, APP_ROLE_TRAIL, x, y, r * 0.55f,
			       app_rgba_alpha(p->th->trail, a));
		lx = x, ly = y;
	}
	if (len > from) {
		float x, y;
		app_view_px(p->v, p->run->w[0], p->run->w[1], &x, &y);
		app_dlist_line(p->dl, APP_ROLE_TRAIL, lx, ly, x, y, 2.0f,
			       app_rgba_alpha(p->th->trail, 200));
	}
}

/* Runs side by side besides the first: each its trail in its colour and
 * its marker where it is (the first run is drawn as on one run's map). */
static void other_runs(const struct map *p, const struct app_state *s, float r)
{
	for (int k = 1; k < app_state_runs(s); k++) {
		const struct gd_run *run = app_state_run_at(s, k);
		size_t len = gd_run_history_len(run);
		size_t from = len > 40 ? len - 40 : 0;
		enum { MAXN = 41 };
		float xs[MAXN], ys[MAXN];
		int n = 0;
		for (size_t i = from; i < len && n < MAXN - 1; i++) {
			const struct gd_update *u = gd_run_history_at(run, i);
			app_view_px(p->v, u->w[0], u->w[1], &xs[n], &ys[n]);
			n++;
		}
		app_view_px(p->v, run->w[0], run->w[1], &xs[n], &ys[n]);
		n++;
		if (n > 1)
			app_dlist_polyline(p->dl, APP_ROLE_RUN_POINT, xs, ys, n,
					   2.0f,
					   app_rgba_alpha(p->th->run[k], 150),
					   0, 0);
		app_dlist_marker(p->dl, APP_ROLE_RUN_POINT, k, xs[n - 1],
				 ys[n - 1], r, p->th->run[k]);
	}
}

/* The smallest power of ten that makes the step from w at least
 * MIN_ARROW_PX long on the map (1 when it already is), but no larger than
 * keeps its tip on the map. */
static double magnify(const struct gd_view *v, const double *w, const double *d)
{
	double k = v->width / (v->wmax - v->wmin);
	double len = hypot(d[0], d[1]) * k, scale = 1;
	while (len > 0 && len * scale < MIN_ARROW_PX && scale < 1e12)
		scale *= 10;
	for (; scale > 1; scale /= 10) {
		double a = w[0] + scale * d[0], b = w[1] + scale * d[1];
		if (a >= v->wmin && a <= v->wmax && b >= v->emin && b <= v->emax)
			break;
	}
	return scale;
}

/* The step from the point: the whole Δw (scaled), its two components
 * along the axes as dashed arrows, their labels, and the next point. */
static void map_step(const struct map *p, const struct app_shown *sh, float cx,
		     float cy, float r)
{
	const struct gd_update *u = &sh->u;
	struct app_frame_info *f = p->f;
	const struct app_theme *th = p->th;
	double scale = magnify(p->v, u->w, u->delta);
	f->step_scale = scale;
	double kx = p->v->width / (p->v->wmax - p->v->wmin);
	double ky = p->v->height / (p->v->emax - p->v->emin);
	float dx = (float)(u->delta[0] * scale * kx);
	float dy = (float)(-u->delta[1] * scale * ky);
	f->fell = u->E_next <= u->E;
	struct app_rgba c = f->fell ? th->fell : th->rose;
	float bx = (float)((double)cx - (sh->w - u->w[0]) * kx);
	float by = (float)((double)cy + (sh->w2 - u->w[1]) * ky);
	float sw = (float)p->l->stroke;
	app_dlist_arrow(p->dl, APP_ROLE_STEP_W1, bx, by, bx + dx, by, sw * 0.8f,
			app_rgba_alpha(c, 150));
	app_dlist_arrow(p->dl, APP_ROLE_STEP_W2, bx + dx, by, bx + dx, by + dy,
			sw * 0.8f, app_rgba_alpha(c, 150));
	app_dlist_arrow(p->dl, APP_ROLE_STEP_ARROW, bx, by, bx + dx, by + dy,
			sw * 1.3f, c);
	f->base_x = bx, f->tip_x = bx + dx, f->arrow_y = by;
	f->has_arrow = hypotf(dx, dy) > 0.5f;
	float nx, ny;
	app_view_px(p->v, u->w_next[0], u->w_next[1], &nx, &ny);
	if (!sh->growing)
		app_dlist_ring(p->dl, APP_ROLE_NEXT_POINT, nx, ny, r, 2.5f,
			       th->next);
	char a[APP_FMT_MAX], s[APP_FMT_MAX + 64];
	int px = p->l->small_px;
	struct app_rgba tc = f->fell ? th->fell_text : th->rose_text;
	snprintf(s, sizeof(s), "Δw₁ = %s",
		 app_fmt_value(a, sizeof(a), u->delta[0]));
	/* Centred on the w₁ part, or, when that part is shorter than the
	 * label, wholly on the step's side of the point: ∇E's label is on
	 * the other side (wells2 from (1.8, 1): a short, level step). */
	float lw = (float)p->m->width(p->m->ctx, s, px, APP_FACE_BOLD);
	float lx = bx + dx / 2;
	enum app_align la = APP_ALIGN_CENTRE;
	if (fabsf(dx) < lw + 8)
		lx = bx + (dx >= 0 ? 6.0f : -6.0f),
		la = dx >= 0 ? APP_ALIGN_LEFT : APP_ALIGN_RIGHT;
	backed(p, APP_ROLE_DW_LABEL, tc, lx,
	       dy > 0 ? by - px * 1.6f : by + px * 0.4f, la, s, p->v);
	snprintf(s, sizeof(s), "Δw₂ = %s",
		 app_fmt_value(a, sizeof(a), u->delta[1]));
	/* Beside the w₂ part, or past its tip when the part is too short to
	 * keep this label off the Δw₁ label (on the other side of the row). */
	float ly = by + dy / 2 - px * 0.6f;
	if (fabsf(dy) < 3.5f * px)
		ly = dy > 0 ? by + dy + px * 0.4f : by + dy - px * 1.6f;
	backed(p, APP_ROLE_DW_LABEL, tc, bx + dx + (dx >= 0 ? 8.0f : -8.0f), ly,
	       dx >= 0 ? APP_ALIGN_LEFT : APP_ALIGN_RIGHT, s, p->v);
	if (scale > 1) {
		snprintf(s, sizeof(s), app_tr(p->lang, "step drawn ×%g"), scale);
		backed_face(p, APP_ROLE_DW_LABEL, APP_FACE_REGULAR, th->muted,
			    (float)(p->v->x + p->v->width - 8),
			    (float)(p->v->y + p->v->height) - px * 1.6f,
			    APP_ALIGN_RIGHT, s, NULL);
	}
}

/* ∇E's direction at the point, a fixed length: uphill, across the
 * contour lines. Returns whether it was drawn, with its tip in *tx, *ty. */
static bool gradient(const struct map *p, const double *g, float cx, float cy,
		     float *tx, float *ty)
{
	double n = hypot(g[0], g[1]);
	if (!(n > 0) || !isfinite(n))
		return false;
	float len = (float)p->l->small_px * 3.5f;
	*tx = cx + (float)(g[0] / n) * len, *ty = cy - (float)(g[1] / n) * len;
	app_dlist_arrow(p->dl, APP_ROLE_GRADIENT, cx, cy, *tx, *ty,
			(float)p->l->stroke * 0.8f, p->th->tangent);
	return true;
}

/* The gradient arrow's name by its tip (tx, ty), after the step's
 * labels: left out where it would meet one of them (the arrow says
 * enough). */
static void gradient_label(const struct map *p, const double *g, float tx, float ty)
{
	float x = tx + (g[0] >= 0 ? 4.0f : -4.0f);
	float y = ty - p->l->small_px * 0.7f;
	enum app_align align = g[0] >= 0 ? APP_ALIGN_LEFT : APP_ALIGN_RIGHT;
	float px = x, py = y;
	struct app_box band = place(p, APP_FACE_BOLD, &px, &py, align, "∇E", p->v);
	for (int i = 0; p->taken && i < p->taken->n; i++)
		if (boxes_meet(band, p->taken->box[i]))
			return;
	backed(p, APP_ROLE_SLOPE_LABEL, p->th->tangent_text, x, y, align, "∇E",
	       p->v);
}

/* E along weight k through w, with the other weight fixed. */
static double slice_e(const struct gd_run *run, const double *w, int k, double t)
{
	double x[GD_DIM_MAX] = { w[0], w[1] };
	x[k] = t;
	return gd_curve_eval(&run->curve, x);
}

/* A slice's title s in the two lines of small text above its box r,
 * room pixels wide from the box's left: on one line, set smaller (down
 * to 9/10) where the room is narrow; on two, broken after its comma,
 * where even that is too wide. */
static void slice_title(const struct map *p, struct app_rect r, int room,
			const char *s)
{
	int small = p->l->small_px, px = small;
	while (px > small * 9 / 10 && width(p, s, px, APP_FACE_BOLD) > room)
		px--;
	const char *comma = strstr(s, "，");
	size_t skip = strlen("，");
	if (!comma)
		comma = strstr(s, ", "), skip = 2;
	if (width(p, s, px, APP_FACE_BOLD) <= room || !comma) {
		label(p, APP_ROLE_AXIS_NAME, px, APP_FACE_BOLD, p->th->text,
		      (float)r.x, (float)r.y - small * 1.5f, APP_ALIGN_LEFT, s);
		return;
	}
	/* Two lines at 9/10 size fill the title's band (9/4 small lines,
	 * app_plot2_build). */
	char first[160];
	size_t n = (size_t)(comma - s) + (skip == 2 ? 1 : skip);
	snprintf(first, sizeof(first), "%.*s", (int)n, s);
	float y = (float)r.y - small * 2.2f;
	label(p, APP_ROLE_AXIS_NAME, px, APP_FACE_BOLD, p->th->text, (float)r.x,
	      y, APP_ALIGN_LEFT, first);
	label(p, APP_ROLE_AXIS_NAME, px, APP_FACE_BOLD, p->th->text, (float)r.x,
	      y + px * 1.18f, APP_ALIGN_LEFT, comma + skip);
}

/* The slice along weight k: E against wₖ over the map's interval of wₖ,
 * the point, and its tangent of slope ∂E/∂wₖ. */
static void slice(const struct map *p, struct app_rect r, int room, int k,
		  const double *w, double e, double slope)
{
	enum { N = 240 };
	const struct gd_view *mv = p->v;
	struct gd_view v = { .wmin = k ? mv->emin : mv->wmin,
			     .wmax = k ? mv->emax : mv->wmax,
			     .x = r.x,
			     .y = r.y,
			     .width = r.w,
			     .height = r.h };
	double es[N], lo = e, hi = e;
	for (int i = 0; i < N; i++) {
		es[i] = slice_e(p->run, w, k,
				v.wmin + (v.wmax - v.wmin) * i / (N - 1));
		if (isfinite(es[i])) {
			lo = fmin(lo, es[i]);
			hi = fmax(hi, es[i]);
		}
	}
	/* Walls far above the point would flatten it: let them leave the
	 * top, as the one-weight view does, but keep the valley's shape. */
	hi = fmin(hi, lo + fmax(4 * (e - lo), 0.15 * (hi - lo)));
	double m = hi > lo ? 0.08 * (hi - lo) : 1;
	v.emin = lo - m, v.emax = hi + m;
	p->f->slice[k] = v;
	frame_box(p, &v);
	ticks(p, &v, k ? "w₂" : "w₁", "", false);
	char a[APP_FMT_MAX], s[160];
	snprintf(s, sizeof(s),
		 k ? app_tr(p->lang, "E along w₂, w₁ = %s") :
		     app_tr(p->lang, "E along w₁, w₂ = %s"),
		 app_fmt_value(a, sizeof(a), w[1 - k]));
	slice_title(p, r, room, s);
	app_dlist_clip_push(p->dl, APP_ROLE_PLOT_CLIP,
			    (struct app_box){ (float)r.x, (float)r.y,
					      (float)r.w, (float)r.h });
	float xs[N], ys[N];
	for (int i = 0; i < N; i++)
		app_view_px(&v, v.wmin + (v.wmax - v.wmin) * i / (N - 1), es[i],
			    &xs[i], &ys[i]);
	app_dlist_polyline(p->dl, APP_ROLE_CURVE, xs, ys, N,
			   (float)p->l->stroke, p->th->curve, 0, 0);
	float cx, cy;
	app_view_px(&v, w[k], e, &cx, &cy);
	double sp = -slope * (v.height / (v.emax - v.emin)) /
		    (v.width / (v.wmax - v.wmin));
	if (isfinite(sp)) {
		double d = 0.28 * v.width / sqrt(1 + sp * sp);
		app_dlist_line(p->dl, APP_ROLE_TANGENT, cx - (float)d,
			       cy - (float)(d * sp), cx + (float)d,
			       cy + (float)(d * sp), (float)p->l->stroke * 0.9f,
			       p->th->tangent);
	}
	float rad = (float)p->l->stroke * 2.2f;
	app_dlist_disc(p->dl, APP_ROLE_POINT_HALO, cx, cy, rad + 2, p->th->bg);
	app_dlist_disc(p->dl, APP_ROLE_POINT, cx, cy, rad, p->th->point);
	snprintf(s, sizeof(s), k ? "∂E/∂w₂ = %s" : "∂E/∂w₁ = %s",
		 app_fmt_value(a, sizeof(a), slope));
	backed(p, APP_ROLE_SLOPE_LABEL, p->th->tangent_text,
	       (float)(r.x + r.w - 6), (float)(r.y + 4), APP_ALIGN_RIGHT, s,
	       NULL);
	app_dlist_clip_pop(p->dl);
}

void app_plot2_build(struct app_dlist *out, struct app_frame_info *info,
		     const struct app_state *s, double now,
		     const struct app_measure *m)
{
	const struct app_layout *l = &info->lay;
	struct app_rect a = l->area, mr, sr[2];
	int gap = l->pad * 2 + l->small_px * 3;
	/* Each slice: its title above it, its ticks below. */
	int th = l->small_px * 9 / 4;
	/* Room for each slice's title: to the next slice, the panel or the
	 * window's edge. */
	int room[2], right = l->show_panel && l->panel_right ?
				     l->panel.x - l->pad :
				     l->width - l->pad;
	if (!l->panel_right && a.h * 2 > a.w) {
		/* Nearly square or upright (a phone): the map above, the
		 * slices side by side under it. */
		mr = (struct app_rect){ a.x, a.y, a.w, a.h * 11 / 20 - gap / 2 };
		int sy = mr.y + mr.h + gap, sh = a.y + a.h - sy;
		int sw = (a.w - gap) / 2;
		sr[0] = (struct app_rect){ a.x, sy + th, sw,
					   sh - th - l->small_px };
		sr[1] = sr[0];
		sr[1].x = a.x + a.w - sw;
		room[0] = sr[1].x - l->pad - sr[0].x;
	} else {
		mr = (struct app_rect){ a.x, a.y, a.w * 3 / 5 - gap / 2, a.h };
		int sx = mr.x + mr.w + gap, sw = a.x + a.w - sx;
		int sh2 = (a.h - l->small_px * 3) / 2;
		sr[0] = (struct app_rect){ sx, a.y + th, sw,
					   sh2 - l->small_px - th };
		sr[1] = (struct app_rect){ sx, a.y + a.h - sh2 + l->small_px + th,
					   sw, sh2 - l->small_px - th };
		room[0] = right - sx;
	}
	room[1] = right - sr[1].x;
	info->two = true;
	info->view = square(&s->view, mr);
	struct map p = { .dl = out,
			 .f = info,
			 .l = l,
			 .v = &info->view,
			 .th = app_theme_get(s->dark),
			 .m = m,
			 .run = app_state_run(s),
			 .lang = s->lang };
	ticks(&p, p.v, "w₁", "w₂", true);
	app_dlist_clip_push(out, APP_ROLE_PLOT_CLIP,
			    (struct app_box){ (float)mr.x, (float)mr.y,
					      (float)mr.w, (float)mr.h });
	contours(&p, s->contours);
	p.c = s->contours;
	struct app_shown sh = app_shown_step(s, now);
	float r = (float)l->stroke * 2.6f, cx, cy;
	map_trail(&p, r);
	other_runs(&p, s, r);
	app_view_px(p.v, sh.w, sh.w2, &cx, &cy);
	const double *g = sh.has_step ? sh.u.grad : p.run->grad;
	struct taken taken = { .n = 0 };
	p.taken = &taken;
	float tx = 0, ty = 0;
	bool arrow = gradient(&p, g, cx, cy, &tx, &ty);
	if (sh.has_step && !app_predict_hides(&s->predict, sh.growing))
		map_step(&p, &sh, cx, cy, r);
	if (arrow)
		gradient_label(&p, g, tx, ty);
	app_dlist_disc(out, APP_ROLE_POINT_HALO, cx, cy, r + 2, p.th->bg);
	app_dlist_disc(out, APP_ROLE_POINT, cx, cy, r, p.th->point);
	double gu[GD_DIM_MAX];
	bool revealed;
	if (app_predict_mark_at(&s->predict, p.run->step, gu, &revealed)) {
		float gx, gy; /* G: the guess on the map */
		app_view_px(p.v, gu[0], gu[1], &gx, &gy);
		app_predict_mark(out, gx, gy, r, gy - r - l->small_px * 1.6f,
				 revealed, s->dark, l->small_px, m, s->lang);
	}
	info->point_x = cx, info->point_y = cy, info->point_r = r;
	info->has_point = true;
	app_dlist_clip_pop(out);
	frame_box(&p, p.v);
	double w[GD_DIM_MAX] = { sh.w, sh.w2 };
	double gw[GD_DIM_MAX];
	double e = gd_curve_grad(&p.run->curve, w, gw);
	if (sh.has_step && !sh.growing) {
		gw[0] = sh.u.grad[0];
		gw[1] = sh.u.grad[1];
	}
	for (int k = 0; k < 2; k++)
		slice(&p, sr[k], room[k], k, w, e, gw[k]);
}
