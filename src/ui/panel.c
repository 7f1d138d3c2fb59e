/*
 * The text around the plot: the header (scene title, scene k / n), the
 * panel (iteration, E, η and β, status, the bowl's regime, the update with
 * its numbers substituted), the inset of E against the iteration, the
 * caption and the help overlay. See panel.h.
 *
 * Equations break only between their "= …" parts (marked with BRK), and
 * sentences between words, so a narrow panel wraps rather than clips.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "keys.h"
#include "lang.h"
#include "panel.h"
#include "wrap.h"

/* Where an equation may break: never drawn. */
#define BRK APP_WRAP_BRK
#define PANEL_MAX 32
#define LINE_MAX APP_WRAP_LINE_MAX
/* Neuron samples written out one by one. */
#define SAMPLES_SHOWN 4

struct pline {
	char text[LINE_MAX];
	struct app_rgba color;
	enum app_face face;
	bool gap; /* a little space above */
};

struct plines {
	int n;
	struct pline l[PANEL_MAX];
	const struct app_theme *th;
	enum app_lang lang;
};

static struct pline *add(struct plines *p, struct app_rgba c, enum app_face face)
{
	if (p->n == PANEL_MAX)
		return NULL;
	struct pline *l = &p->l[p->n++];
	*l = (struct pline){ .color = c, .face = face };
	return l;
}

/* Adds a line: printf into it. */
#define LINE(p, c, face, ...)                                              \
	do {                                                               \
		struct pline *l_ = add((p), (c), (face));                  \
		if (l_)                                                    \
			snprintf(l_->text, sizeof(l_->text), __VA_ARGS__); \
	} while (0)

#define V(x) app_fmt_value((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))
#define P(x) app_fmt_paren((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))
#define K(x) app_fmt_param((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))

static void status_lines(struct plines *p, const struct app_state *s)
{
	const struct gd_run *run = app_state_run(s);
	const struct app_theme *th = p->th;
	LINE(p, th->text, APP_FACE_BOLD, app_tr(p->lang, "Iteration %ld"),
	     run->step);
	LINE(p, th->text, APP_FACE_REGULAR, "w = %s    E(w) = %s", V(run->w[0]),
	     V(run->E));
	if (gd_run_momentum(run) > 0)
		LINE(p, th->text, APP_FACE_REGULAR,
		     app_tr(p->lang, "η = %s, momentum β = %s"),
		     K(gd_run_rate(run)), K(gd_run_momentum(run)));
	else
		LINE(p, th->text, APP_FACE_REGULAR,
		     app_tr(p->lang, "η = %s, no momentum (β = 0)"),
		     K(gd_run_rate(run)));
	switch (run->status) {
	case GD_STATUS_STEPPING:
		LINE(p, th->muted, APP_FACE_REGULAR, "%s",
		     app_tr(p->lang, "Status: stepping"));
		break;
	case GD_STATUS_CONVERGED:
		LINE(p, th->fell_text, APP_FACE_BOLD, "%s",
		     app_tr(p->lang, "Status: converged"));
		break;
	case GD_STATUS_OSCILLATING:
		LINE(p, th->rose_text, APP_FACE_BOLD, "%s",
		     app_tr(p->lang,
			    "Status: oscillating (Δw changes sign every step)"));
		break;
	case GD_STATUS_DIVERGED:
		if (gd_run_left_domain(run)) {
			LINE(p, th->bad_text, APP_FACE_BOLD, "%s",
			     app_tr(p->lang,
				    "Status: left the domain — E or its slope is not a number at the next w; this is the last state where it is"));
			break;
		}
		LINE(p, th->bad_text, APP_FACE_BOLD, "%s",
		     app_tr(p->lang,
			    "Status: diverged — the next step would leave the finite numbers; this is the last finite state"));
		break;
	}
	if (s->running)
		LINE(p, th->muted, APP_FACE_REGULAR,
		     app_tr(p->lang,
			    "Running: one step every %s s ([ and ] change the pace)"),
		     K(app_pace_ms[s->pace] / 1000));
}

/* The bowl's regime of the current η, with the thresholds 1/a and 2/a. */
static void regime_line(struct plines *p, const struct gd_run *run)
{
	if (run->curve.kind != GD_CURVE_BOWL)
		return;
	double a = run->curve.p[GD_BOWL_A], eta = gd_run_rate(run);
	struct pline *l = add(p, p->th->text, APP_FACE_REGULAR);
	if (!l)
		return;
	switch (gd_bowl_regime(eta, a)) {
	case GD_REGIME_CREEPS:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s is below 1/a = %s: creeps down to the minimum without overshooting"),
			 K(eta), K(1 / a));
		break;
	case GD_REGIME_ONE_STEP:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s equals 1/a: lands on the minimum in one step"),
			 K(eta));
		break;
	case GD_REGIME_OSCILLATES:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s is between 1/a = %s and 2/a = %s: oscillates, converges"),
			 K(eta), K(1 / a), K(2 / a));
		break;
	case GD_REGIME_BOUNCES:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s equals 2/a: bounces between two points forever"),
			 K(eta));
		break;
	case GD_REGIME_DIVERGES:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s is above 2/a = %s: every step overshoots further, diverges"),
			 K(eta), K(2 / a));
		break;
	}
}

/* The delta rule's factors for each sample (the neuron curve). */
static void neuron_lines(struct plines *p, const struct gd_run *run, double w)
{
	const struct app_theme *th = p->th;
	int n = run->curve.n;
	for (int u = 0; u < n && u < SAMPLES_SHOWN; u++) {
		struct gd_neuron_terms t;
		if (gd_curve_neuron_terms(&run->curve, w, u, &t) < 0)
			return;
		if (n > 1)
			LINE(p, th->muted, APP_FACE_BOLD,
			     app_tr(p->lang, "Sample %d"), u + 1);
		LINE(p, th->text, APP_FACE_REGULAR,
		     "ŷ = σ(w·x + b)" BRK " = σ(%s × %s + %s)" BRK " = %s",
		     V(w), V(t.x), P(t.b), V(t.yhat));
		LINE(p, th->text, APP_FACE_REGULAR,
		     "y − ŷ = %s − %s" BRK " = %s", V(t.y), V(t.yhat), V(t.err));
		LINE(p, th->text, APP_FACE_REGULAR,
		     "ŷ(1 − ŷ) = %s × %s" BRK " = %s", V(t.yhat), V(1 - t.yhat),
		     V(t.dsig));
		LINE(p, th->tangent_text, APP_FACE_REGULAR,
		     "−(y − ŷ)·ŷ(1 − ŷ)·x" BRK " = −%s × %s × %s" BRK " = %s",
		     P(t.err), V(t.dsig), V(t.x), V(t.grad));
	}
	if (n > SAMPLES_SHOWN)
		LINE(p, th->muted, APP_FACE_REGULAR,
		     app_tr(p->lang, "(%d more samples not shown)"),
		     n - SAMPLES_SHOWN);
}

/* How E changes, with enough digits to see the change when three do not
 * show it. */
static void change_line(struct plines *p, const struct gd_update *u,
			struct app_rgba c)
{
	char e0[APP_FMT_MAX], e1[APP_FMT_MAX];
	app_fmt_value(e0, sizeof(e0), u->E);
	app_fmt_value(e1, sizeof(e1), u->E_next);
	for (int sig = 4; strcmp(e0, e1) == 0 && u->E != u->E_next && sig <= 9;
	     sig++) {
		app_fmt_sig(e0, sizeof(e0), u->E, sig);
		app_fmt_sig(e1, sizeof(e1), u->E_next, sig);
	}
	LINE(p, c, APP_FACE_REGULAR,
	     u->E_next <= u->E ? app_tr(p->lang, "E falls from %s to %s") :
				 app_tr(p->lang, "E rises from %s to %s"),
	     e0, e1);
}

static void update_lines(struct plines *p, const struct app_state *s,
			 const struct app_shown *sh)
{
	const struct app_theme *th = p->th;
	const struct gd_run *run = app_state_run(s);
	const struct gd_update *u = &sh->u;
	struct pline *head = add(p, th->muted, APP_FACE_BOLD);
	if (head) {
		head->gap = true;
		snprintf(head->text, sizeof(head->text), "%s",
			 sh->growing ? app_tr(p->lang, "This update") :
				       app_tr(p->lang, "Next update"));
	}
	if (run->curve.kind == GD_CURVE_NEURON)
		neuron_lines(p, run, u->w[0]);
	struct app_rgba step_c = u->E_next <= u->E ? th->fell_text : th->rose_text;
	double rate = u->opt.hyper[GD_HYPER_RATE];
	double beta = u->opt.hyper[GD_HYPER_MOMENTUM];
	LINE(p, th->tangent_text, APP_FACE_BOLD, "dE/dw = %s", V(u->grad[0]));
	if (beta > 0) {
		LINE(p, step_c, APP_FACE_BOLD,
		     "v ← β·v − η·dE/dw" BRK " = %s × %s − %s × %s" BRK " = %s",
		     K(beta), P(u->state_prev[GD_GD_V][0]), K(rate),
		     P(u->grad[0]), V(u->state[GD_GD_V][0]));
		LINE(p, th->text, APP_FACE_BOLD,
		     "w ← w + v" BRK " = %s + %s" BRK " = %s", V(u->w[0]),
		     P(u->delta[0]), V(u->w_next[0]));
	} else {
		LINE(p, step_c, APP_FACE_BOLD,
		     "Δw = −η·dE/dw" BRK " = −%s × %s" BRK " = %s", K(rate),
		     P(u->grad[0]), V(u->delta[0]));
		LINE(p, th->text, APP_FACE_BOLD, "w ← %s + %s" BRK " = %s",
		     V(u->w[0]), P(u->delta[0]), V(u->w_next[0]));
	}
	change_line(p, u, step_c);
}

static void build_panel(struct plines *p, const struct app_state *s,
			const struct app_theme *th, double now)
{
	p->n = 0;
	p->th = th;
	p->lang = s->lang;
	struct app_shown sh = app_shown_step(s, now);
	status_lines(p, s);
	regime_line(p, app_state_run(s));
	if (sh.has_step)
		update_lines(p, s, &sh);
}

int app_panel_count(const struct app_state *s, double now_ms)
{
	struct plines p;
	build_panel(&p, s, app_theme_get(s->dark), now_ms);
	return p.n + 1;
}

const char *app_caption_text(const struct app_state *s)
{
	const struct gd_scene *scene = gd_presenter_scene(&s->pres);
	return scene ? gd_scene_caption(scene, app_lang_code(s->lang)) : "";
}

/* What the text parts share while they add to the list. */
struct ctx {
	struct app_dlist *dl;
	const struct app_layout *l;
	const struct app_state *s;
	const struct app_theme *th;
	const struct app_measure *m;
	enum app_lang lang;
};

static void text(const struct ctx *c, enum app_role role, int px,
		 enum app_face face, struct app_rgba color, int x, int y,
		 enum app_align align, const char *s)
{
	struct app_text_style st = {
		.px = px, .face = face, .color = color, .align = align
	};
	app_dlist_text(c->dl, role, &st, (float)x, (float)y, s, c->m);
}

static int width(const struct ctx *c, const char *s, int px, enum app_face face)
{
	return c->m->width(c->m->ctx, s, px, face);
}

static struct app_box box(struct app_rect r)
{
	return (struct app_box){ (float)r.x, (float)r.y, (float)r.w, (float)r.h };
}

/* A clip of at least one pixel each way, as a renderer needs. */
static void clip(const struct ctx *c, enum app_role role, struct app_rect r)
{
	r.w = r.w > 0 ? r.w : 1;
	r.h = r.h > 0 ? r.h : 1;
	app_dlist_clip_push(c->dl, role, box(r));
}

/* A title for a scene without one: the curve's formula. */
static const char *curve_title(enum gd_curve_kind kind)
{
	switch (kind) {
	case GD_CURVE_BOWL:
		return "E(w) = ½·a·(w − c)²";
	case GD_CURVE_NEURON:
		return "E(w) = ½·Σ (y − σ(w·x + b))²";
	case GD_CURVE_WELLS:
		return "E(w) = (w² − 1)² + 0.3·w + 0.45";
	case GD_CURVE_ABS:
		return "E(w) = |w − c|";
	default:
		return "gdstep";
	}
}

/* "E(w) = " and the formula as typed, pretty printed: '*' as '·', '-' as
 * '−', '^2' as '²'. Returns buf. */
static const char *formula_title(const char *text, char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "E(w) = ");
	for (const char *p = text; *p && n + 4 < size; p++) {
		const char *put = NULL;
		if (*p == '*')
			put = "·";
		else if (*p == '-')
			put = "−";
		else if (p[0] == '^' && p[1] == '2' &&
			 !strchr("0123456789.eE", p[2] ? p[2] : 'x'))
			put = "²", p++;
		if (put) {
			memcpy(buf + n, put, strlen(put));
			n += strlen(put);
		} else {
			buf[n++] = *p;
		}
	}
	buf[n] = '\0';
	return buf;
}

static void header(const struct ctx *c)
{
	const struct app_layout *l = c->l;
	const struct app_state *s = c->s;
	if (!l->show_header)
		return;
	const struct gd_scene *scene = gd_presenter_scene(&s->pres);
	const char *title = scene ? gd_scene_title(scene, app_lang_code(c->lang)) :
				    "";
	const struct gd_curve *curve = &app_state_run(s)->curve;
	char typed[GD_FORMULA_BYTES * 2 + 16];
	if (!*title && curve->kind == GD_CURVE_FORMULA)
		title = formula_title(curve->formula.text, typed, sizeof(typed));
	else if (!*title)
		title = curve_title(curve->kind);
	char count[96];
	snprintf(count, sizeof(count), app_tr(c->lang, "scene %d / %d"),
		 s->pres.scene + 1, s->lesson ? s->lesson->count : 1);
	int cw = width(c, count, l->text_px, APP_FACE_REGULAR);
	int y = l->header.y + (l->header.h - l->title_px * 6 / 5) / 2;
	text(c, APP_ROLE_SCENE_COUNT, l->text_px, APP_FACE_REGULAR,
	     c->th->muted, l->header.x + l->header.w,
	     y + (l->title_px - l->text_px) / 2, APP_ALIGN_RIGHT, count);
	struct app_rect room = l->header;
	room.w -= cw + l->pad * 2;
	clip(c, APP_ROLE_HEADER_CLIP, room);
	text(c, APP_ROLE_HEADER_TITLE, l->title_px, APP_FACE_BOLD, c->th->text,
	     l->header.x, y, APP_ALIGN_LEFT, title);
	app_dlist_clip_pop(c->dl);
}

/* Where wrapped lines go: a column from y down, none below bottom. */
struct column {
	const struct ctx *c;
	const struct pline *pl;
	enum app_role role;
	int x, y, indent, px, line, bottom;
	bool first;
};

static void column_emit(void *ctx, const char *s)
{
	struct column *col = ctx;
	if (col->y + col->line <= col->bottom)
		text(col->c, col->role, col->px, col->pl->face, col->pl->color,
		     col->x + (col->first ? 0 : col->indent), col->y,
		     APP_ALIGN_LEFT, s);
	col->y += col->line;
	col->first = false;
}

/* Wraps every line at size px; adds them when emit, and returns the
 * height they take. */
static int panel_pass(const struct plines *p, struct column *col, bool emit)
{
	const struct ctx *c = col->c;
	int w = c->l->panel.w - 2 * c->l->pad - col->indent;
	int start = col->y;
	for (int i = 0; i < p->n; i++) {
		col->pl = &p->l[i];
		col->first = true;
		if (p->l[i].gap)
			col->y += col->line / 2;
		if (emit)
			app_wrap(c->m, p->l[i].text, col->px, p->l[i].face, w,
				 column_emit, col);
		else
			col->y += col->line * app_wrap(c->m, p->l[i].text,
						       col->px, p->l[i].face, w,
						       NULL, NULL);
	}
	return col->y - start;
}

static void panel(const struct ctx *c, double now)
{
	const struct app_layout *l = c->l;
	if (!l->show_panel)
		return;
	app_dlist_rect(c->dl, APP_ROLE_PANEL_BG, box(l->panel), c->th->panel_bg);
	struct plines p;
	build_panel(&p, c->s, c->th, now);
	int bottom = (l->show_inset ? l->inset.y : l->panel.y + l->panel.h) -
		     l->pad / 2;
	/* Shrink the text a little when the wrapped lines would not fit,
	 * rather than lose the last ones. */
	int px = l->text_px;
	for (int tries = 0; tries < 6; tries++) {
		struct column col = { .c = c,
				      .y = l->panel.y + l->pad,
				      .indent = px,
				      .px = px,
				      .line = px * 135 / 100 };
		if (col.y + panel_pass(&p, &col, false) <= bottom ||
		    px <= l->small_px * 3 / 4)
			break;
		px = px * 9 / 10;
	}
	struct column col = { .c = c,
			      .role = APP_ROLE_PANEL_LINE,
			      .x = l->panel.x + l->pad,
			      .y = l->panel.y + l->pad,
			      .indent = px,
			      .px = px,
			      .line = px * 135 / 100,
			      .bottom = bottom };
	clip(c, APP_ROLE_PANEL_CLIP, l->panel);
	panel_pass(&p, &col, true);
	app_dlist_clip_pop(c->dl);
}

/* The inset's line of E over the kept history, from the lowest to the
 * highest E seen, so that small changes (a neuron's) still show; a flat
 * run gets a unit range. Returns the number of points. */
static int inset_points(const struct gd_run *run, struct app_rect a, float *xs,
			float *ys, int max, size_t *span)
{
	size_t len = gd_run_history_len(run);
	double emax = run->E, emin = run->E;
	for (size_t i = 0; i < len; i++) {
		double e = gd_run_history_at(run, i)->E;
		emax = fmax(emax, e);
		emin = fmin(emin, e);
	}
	if (!(emax > emin))
		emax = emin + 1;
	*span = len > 10 ? len : 10;
	int n = 0;
	size_t stride = len / (size_t)(max - 1) + 1;
	for (size_t i = 0; i <= len && n < max; i += stride) {
		double e = i < len ? gd_run_history_at(run, i)->E : run->E;
		xs[n] = (float)(a.x + (double)a.w * (double)i / (double)*span);
		ys[n] = (float)(a.y + a.h - (e - emin) / (emax - emin) * a.h);
		n++;
	}
	return n;
}

/* E against the iteration number, over the kept history. */
static void inset(const struct ctx *c)
{
	const struct app_layout *l = c->l;
	const struct app_theme *th = c->th;
	if (!l->show_inset)
		return;
	struct app_rect r = l->inset;
	int lab = l->small_px * 13 / 10;
	struct app_rect a = { r.x + l->pad, r.y + lab, r.w - 2 * l->pad,
			      r.h - 2 * lab };
	app_dlist_rect(c->dl, APP_ROLE_INSET_BG, box(r), th->bg);
	text(c, APP_ROLE_INSET_LABEL, l->small_px, APP_FACE_REGULAR, th->muted,
	     r.x + l->pad / 2, r.y, APP_ALIGN_LEFT,
	     app_tr(c->lang, "E against the iteration"));
	if (a.w < 8 || a.h < 8)
		return;
	enum { MAXN = 512 };
	float xs[MAXN], ys[MAXN];
	size_t span;
	int n = inset_points(app_state_run(c->s), a, xs, ys, MAXN, &span);
	float ax = (float)a.x, ay = (float)a.y;
	float bx = (float)(a.x + a.w), by = (float)(a.y + a.h);
	clip(c, APP_ROLE_INSET_CLIP, r);
	app_dlist_line(c->dl, APP_ROLE_INSET_AXIS, ax, by, bx, by, 1.5f, th->axis);
	app_dlist_line(c->dl, APP_ROLE_INSET_AXIS, ax, ay, ax, by, 1.5f, th->axis);
	app_dlist_polyline(c->dl, APP_ROLE_INSET_CURVE, xs, ys, n, 2.5f,
			   th->curve, 0, 0);
	app_dlist_disc(c->dl, APP_ROLE_INSET_POINT, xs[n - 1], ys[n - 1], 4,
		       th->point);
	app_dlist_clip_pop(c->dl);
	char buf[96];
	snprintf(buf, sizeof(buf), app_tr(c->lang, "iterations 0 … %zu"), span);
	text(c, APP_ROLE_INSET_LABEL, l->small_px, APP_FACE_REGULAR, th->muted,
	     a.x + a.w, a.y + a.h + 2, APP_ALIGN_RIGHT, buf);
}

static void caption(const struct ctx *c)
{
	const struct app_layout *l = c->l;
	const char *cap = app_caption_text(c->s);
	if (!l->show_caption || !c->s->caption || !*cap)
		return;
	struct pline pl = { .color = c->th->text, .face = APP_FACE_REGULAR };
	struct column col = { .c = c,
			      .pl = &pl,
			      .role = APP_ROLE_CAPTION,
			      .x = l->caption.x,
			      .y = l->caption.y + l->pad / 4,
			      .px = l->text_px,
			      .line = l->line,
			      .bottom = l->caption.y + l->caption.h };
	clip(c, APP_ROLE_CAPTION_CLIP, l->caption);
	app_wrap(c->m, cap, l->text_px, APP_FACE_REGULAR, l->caption.w,
		 column_emit, &col);
	app_dlist_clip_pop(c->dl);
}

enum { HELP_MAX = 48 };

/* The help's size and columns. */
struct help_fit {
	int cols, rows, px, kw, hw, total;
};

/* Widest keys and help texts of the lines at size px. */
static void help_widths(const struct ctx *c, const struct app_help_line *lines,
			int n, struct help_fit *h)
{
	h->kw = h->hw = 0;
	for (int i = 0; i < n; i++) {
		int a = width(c, lines[i].keys, h->px, APP_FACE_BOLD);
		int b = width(c, lines[i].help, h->px, APP_FACE_REGULAR);
		h->kw = a > h->kw ? a : h->kw;
		h->hw = b > h->hw ? b : h->hw;
	}
	h->total = h->cols * (h->kw + h->px + h->hw) + (h->cols - 1) * 2 * h->px;
}

/* One or two columns, at the largest size (up to the body text's) that
 * fits the window. */
static struct help_fit help_fit(const struct ctx *c,
				const struct app_help_line *lines, int n)
{
	const struct app_layout *l = c->l;
	int avail_w = l->width - 2 * l->pad, avail_h = l->height - 2 * l->pad;
	struct help_fit h = { .cols = 1, .px = l->text_px };
	if ((n + 2) * h.px * 13 / 10 > avail_h && l->width > l->height)
		h.cols = 2;
	h.rows = (n + h.cols - 1) / h.cols;
	int fit_h = avail_h * 10 / ((h.rows + 2) * 13);
	h.px = fit_h < h.px ? fit_h : h.px;
	h.px = h.px < 5 ? 5 : h.px;
	help_widths(c, lines, n, &h);
	if (h.total > avail_w) {
		h.px = h.px * avail_w / h.total;
		h.px = h.px < 5 ? 5 : h.px;
		help_widths(c, lines, n, &h);
	}
	return h;
}

/* The help overlay: every key of the table. */
static void help(const struct ctx *c)
{
	const struct app_layout *l = c->l;
	const struct app_theme *th = c->th;
	struct app_help_line lines[HELP_MAX];
	int n = app_help_lines(c->lang, lines, HELP_MAX);
	struct app_rect all = { 0, 0, l->width, l->height };
	app_dlist_rect(c->dl, APP_ROLE_OVERLAY_BG, box(all), th->overlay_bg);
	struct help_fit h = help_fit(c, lines, n);
	int line = h.px * 13 / 10;
	int x0 = (l->width - h.total) / 2, y0 = l->pad;
	x0 = x0 < l->pad ? l->pad : x0;
	clip(c, APP_ROLE_HELP_CLIP, all);
	text(c, APP_ROLE_HELP_TITLE, h.px, APP_FACE_BOLD, th->text, x0, y0,
	     APP_ALIGN_LEFT, app_tr(c->lang, "Keys"));
	text(c, APP_ROLE_HELP_TITLE, h.px, APP_FACE_REGULAR, th->muted,
	     x0 + h.total, y0, APP_ALIGN_RIGHT,
	     app_tr(c->lang, "Esc or H closes this help"));
	y0 += line * 2;
	for (int i = 0; i < n; i++) {
		int col = i / h.rows, row = i % h.rows;
		int x = x0 + col * (h.kw + h.hw + 3 * h.px);
		int y = y0 + row * line;
		text(c, APP_ROLE_HELP_KEY, h.px, APP_FACE_BOLD, th->text, x, y,
		     APP_ALIGN_LEFT, lines[i].keys);
		text(c, APP_ROLE_HELP_TEXT, h.px, APP_FACE_REGULAR, th->text,
		     x + h.kw + h.px, y, APP_ALIGN_LEFT, lines[i].help);
	}
	app_dlist_clip_pop(c->dl);
}

void app_panel_build(struct app_dlist *out, const struct app_layout *l,
		     const struct app_state *s, double now_ms,
		     const struct app_measure *m)
{
	struct ctx c = { .dl = out,
			 .l = l,
			 .s = s,
			 .th = app_theme_get(s->dark),
			 .m = m,
			 .lang = s->lang };
	header(&c);
	panel(&c, now_ms);
	inset(&c);
	caption(&c);
	if (s->help)
		help(&c);
}
