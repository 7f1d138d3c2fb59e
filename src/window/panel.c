/*
 * The text around the plot: the header (scene title, scene k / n), the
 * panel (iteration, E, η and β, status, the bowl's regime, the update with
 * its numbers substituted), the inset of E against the iteration, the
 * caption and the help overlay. See draw.h.
 *
 * Equations break only between their "= …" parts (marked with BRK), and
 * sentences between words, so a narrow panel wraps rather than clips.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "fmt.h"
#include "intl.h"
#include "keys.h"
#include "lang.h"

/* Where an equation may break: never drawn. */
#define BRK "\x1f"
#define PANEL_MAX 32
#define LINE_MAX 512
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
};

static struct pline *add(struct plines *p, struct app_rgba c,
			 enum app_face face)
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
	LINE(p, th->text, APP_FACE_BOLD, _("Iteration %ld"), run->step);
	LINE(p, th->text, APP_FACE_REGULAR, "w = %s    E(w) = %s", V(run->w[0]),
	     V(run->E));
	if (gd_run_momentum(run) > 0)
		LINE(p, th->text, APP_FACE_REGULAR,
		     _("η = %s, momentum β = %s"), K(gd_run_rate(run)),
		     K(gd_run_momentum(run)));
	else
		LINE(p, th->text, APP_FACE_REGULAR,
		     _("η = %s, no momentum (β = 0)"), K(gd_run_rate(run)));
	switch (run->status) {
	case GD_STATUS_STEPPING:
		LINE(p, th->muted, APP_FACE_REGULAR, "%s", _("Status: stepping"));
		break;
	case GD_STATUS_CONVERGED:
		LINE(p, th->fell_text, APP_FACE_BOLD, "%s",
		     _("Status: converged"));
		break;
	case GD_STATUS_OSCILLATING:
		LINE(p, th->rose_text, APP_FACE_BOLD, "%s",
		     _("Status: oscillating (Δw changes sign every step)"));
		break;
	case GD_STATUS_DIVERGED:
		LINE(p, th->bad_text, APP_FACE_BOLD, "%s",
		     _("Status: diverged — the next step would leave the finite numbers; this is the last finite state"));
		break;
	}
	if (s->running)
		LINE(p, th->muted, APP_FACE_REGULAR,
		     _("Running: one step every %s s ([ and ] change the pace)"),
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
			 _("η = %s is below 1/a = %s: creeps down to the minimum without overshooting"),
			 K(eta), K(1 / a));
		break;
	case GD_REGIME_ONE_STEP:
		snprintf(l->text, sizeof(l->text),
			 _("η = %s equals 1/a: lands on the minimum in one step"),
			 K(eta));
		break;
	case GD_REGIME_OSCILLATES:
		snprintf(l->text, sizeof(l->text),
			 _("η = %s is between 1/a = %s and 2/a = %s: oscillates, converges"),
			 K(eta), K(1 / a), K(2 / a));
		break;
	case GD_REGIME_BOUNCES:
		snprintf(l->text, sizeof(l->text),
			 _("η = %s equals 2/a: bounces between two points forever"),
			 K(eta));
		break;
	case GD_REGIME_DIVERGES:
		snprintf(l->text, sizeof(l->text),
			 _("η = %s is above 2/a = %s: every step overshoots further, diverges"),
			 K(eta), K(2 / a));
		break;
	}
}

/* The delta rule's factors for each sample (the neuron curve). */
static void neuron_lines(struct plines *p, const struct gd_run *run,
			 double w)
{
	const struct app_theme *th = p->th;
	int n = run->curve.n;
	for (int u = 0; u < n && u < SAMPLES_SHOWN; u++) {
		struct gd_neuron_terms t;
		if (gd_curve_neuron_terms(&run->curve, w, u, &t) < 0)
			return;
		if (n > 1)
			LINE(p, th->muted, APP_FACE_BOLD, _("Sample %d"), u + 1);
		LINE(p, th->text, APP_FACE_REGULAR,
		     "ŷ = σ(w·x + b)" BRK " = σ(%s × %s + %s)" BRK " = %s",
		     V(w), V(t.x), P(t.b), V(t.yhat));
		LINE(p, th->text, APP_FACE_REGULAR, "y − ŷ = %s − %s" BRK " = %s",
		     V(t.y), V(t.yhat), V(t.err));
		LINE(p, th->text, APP_FACE_REGULAR,
		     "ŷ(1 − ŷ) = %s × %s" BRK " = %s", V(t.yhat),
		     V(1 - t.yhat), V(t.dsig));
		LINE(p, th->tangent_text, APP_FACE_REGULAR,
		     "−(y − ŷ)·ŷ(1 − ŷ)·x" BRK " = −%s × %s × %s" BRK " = %s",
		     P(t.err), V(t.dsig), V(t.x), V(t.grad));
	}
	if (n > SAMPLES_SHOWN)
		LINE(p, th->muted, APP_FACE_REGULAR,
		     _("(%d more samples not shown)"), n - SAMPLES_SHOWN);
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
			 sh->growing ? _("This update") : _("Next update"));
	}
	if (run->curve.kind == GD_CURVE_NEURON)
		neuron_lines(p, run, u->w[0]);
	struct app_rgba step_c = u->E_next <= u->E ? th->fell_text : th->rose_text;
	LINE(p, th->tangent_text, APP_FACE_BOLD, "dE/dw = %s", V(u->grad[0]));
	if (u->opt.hyper[GD_HYPER_MOMENTUM] > 0) {
		LINE(p, step_c, APP_FACE_BOLD,
		     "v ← β·v − η·dE/dw" BRK " = %s × %s − %s × %s" BRK " = %s",
		     K(u->opt.hyper[GD_HYPER_MOMENTUM]), P(u->state_prev[GD_GD_V][0]), K(u->opt.hyper[GD_HYPER_RATE]), P(u->grad[0]),
		     V(u->state[GD_GD_V][0]));
		LINE(p, th->text, APP_FACE_BOLD,
		     "w ← w + v" BRK " = %s + %s" BRK " = %s", V(u->w[0]),
		     P(u->delta[0]), V(u->w_next[0]));
	} else {
		LINE(p, step_c, APP_FACE_BOLD,
		     "Δw = −η·dE/dw" BRK " = −%s × %s" BRK " = %s", K(u->opt.hyper[GD_HYPER_RATE]),
		     P(u->grad[0]), V(u->delta[0]));
		LINE(p, th->text, APP_FACE_BOLD, "w ← %s + %s" BRK " = %s",
		     V(u->w[0]), P(u->delta[0]), V(u->w_next[0]));
	}
	/* Enough digits to see the change, when three do not show it. */
	char e0[APP_FMT_MAX], e1[APP_FMT_MAX];
	app_fmt_value(e0, sizeof(e0), u->E);
	app_fmt_value(e1, sizeof(e1), u->E_next);
	for (int sig = 4; strcmp(e0, e1) == 0 && u->E != u->E_next && sig <= 9;
	     sig++) {
		app_fmt_sig(e0, sizeof(e0), u->E, sig);
		app_fmt_sig(e1, sizeof(e1), u->E_next, sig);
	}
	LINE(p, step_c, APP_FACE_REGULAR,
	     u->E_next <= u->E ? _("E falls from %s to %s") :
				 _("E rises from %s to %s"),
	     e0, e1);
}

static void build_panel(struct plines *p, const struct app_state *s,
			const struct app_theme *th, double now)
{
	p->n = 0;
	p->th = th;
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
	return scene ? gd_scene_caption(scene, app_lang_get()) : "";
}

/* Copies src without break marks into dst. */
static void strip_marks(char *dst, size_t size, const char *src)
{
	size_t j = 0;
	for (size_t i = 0; src[i] && j + 1 < size; i++)
		if (src[i] != BRK[0])
			dst[j++] = src[i];
	dst[j] = '\0';
}

struct wrapper {
	struct app_text *t;
	int px, width;
	enum app_face face;
	void (*fn)(void *, const char *);
	void *ctx;
	int lines;
	char line[LINE_MAX];
};

static bool fits(struct wrapper *w, const char *s)
{
	char plain[LINE_MAX];
	strip_marks(plain, sizeof(plain), s);
	return app_text_width(w->t, plain, w->px, w->face) <= w->width;
}

static void emit(struct wrapper *w)
{
	char plain[LINE_MAX];
	strip_marks(plain, sizeof(plain), w->line);
	if (w->fn)
		w->fn(w->ctx, plain);
	w->lines++;
	w->line[0] = '\0';
}

/* A word too long for any line: as many characters per line as fit. */
static void break_word(struct wrapper *w, const char *word, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t cur = strlen(w->line), j = i;
		do {
			j++;
			while (j < len && ((unsigned char)word[j] & 0xC0) == 0x80)
				j++;
			if (cur + (j - i) >= LINE_MAX)
				break;
			memcpy(w->line + cur, word + i, j - i);
			w->line[cur + j - i] = '\0';
		} while (j < len && fits(w, w->line));
		if (!fits(w, w->line) && j - i > 1 && cur + (j - i) > 0) {
			/* Back off the character that overflowed. */
			size_t k = j - 1;
			while (k > i && ((unsigned char)word[k] & 0xC0) == 0x80)
				k--;
			if (k > i)
				j = k;
			w->line[cur + j - i] = '\0';
		}
		i = j;
		if (i < len)
			emit(w);
	}
}

/* The code point that starts at s (UTF-8; a stray byte stands for itself). */
static unsigned code_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0xC0)
		return u[0];
	int n = u[0] >= 0xF0 ? 3 : u[0] >= 0xE0 ? 2 : 1;
	unsigned c = u[0] & (0x3Fu >> n);
	for (int k = 1; k <= n && (u[k] & 0xC0) == 0x80; k++)
		c = c << 6 | (u[k] & 0x3Fu);
	return c;
}

static bool is_cjk(unsigned c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFF00 && c <= 0xFFEF);
}

/* Chinese punctuation that must not start a line, or end one. */
static bool closing(unsigned c)
{
	static const unsigned set[] = { 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A,
					0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x300D,
					0x300F, 0x201D, 0x2019, 0x2026 };
	for (size_t i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (c == set[i])
			return true;
	return false;
}

static bool opening(unsigned c)
{
	return c == 0xFF08 || c == 0x300C || c == 0x300E || c == 0x201C ||
	       c == 0x2018;
}

/* Chinese has no spaces: a line may break between two characters when
 * either is Chinese, except before closing or after opening punctuation. */
static bool cjk_break(const char *p, size_t start, size_t j)
{
	if (j <= start || ((unsigned char)p[j] & 0xC0) == 0x80 || p[j] == ' ')
		return false;
	size_t k = j - 1;
	while (k > start && ((unsigned char)p[k] & 0xC0) == 0x80)
		k--;
	unsigned prev = code_at(p + k), next = code_at(p + j);
	if (prev == ' ' || !(is_cjk(prev) || is_cjk(next)))
		return false;
	return !closing(next) && !opening(prev);
}

static void wrap_paragraph(struct wrapper *w, const char *p, size_t len)
{
	char brk = memchr(p, BRK[0], len) ? BRK[0] : ' ';
	size_t i = 0;
	w->line[0] = '\0';
	while (i < len) {
		size_t j = i + 1;
		while (j < len && p[j] != brk &&
		       !(brk == ' ' && cjk_break(p, i, j)))
			j++;
		/* The token p[i, j) starts with its break character. */
		size_t cur = strlen(w->line);
		const char *tok = p + i;
		size_t tlen = j - i;
		if (cur == 0 && *tok == ' ') {
			tok++, tlen--;
		}
		if (cur + tlen < LINE_MAX) {
			memcpy(w->line + cur, tok, tlen);
			w->line[cur + tlen] = '\0';
		}
		if (!fits(w, w->line)) {
			w->line[cur] = '\0';
			if (cur > 0) {
				emit(w);
				if (*tok == ' ')
					tok++, tlen--;
			}
			if (tlen < LINE_MAX) {
				memcpy(w->line, tok, tlen);
				w->line[tlen] = '\0';
			}
			if (!fits(w, w->line)) {
				w->line[0] = '\0';
				break_word(w, tok, tlen);
			}
		}
		i = j;
	}
	if (w->line[0] || len == 0)
		emit(w);
}

int app_wrap(struct app_text *t, const char *text, int px, enum app_face face,
	     int width, void (*fn)(void *ctx, const char *line), void *ctx)
{
	struct wrapper w = { .t = t, .px = px, .width = width, .face = face,
			     .fn = fn, .ctx = ctx };
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		wrap_paragraph(&w, p, len);
		p += len + (nl ? 1 : 0);
	}
	return w.lines;
}

static void fill(struct app_gfx *g, struct app_rect r, struct app_rgba c)
{
	SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
	SDL_Rect sr = { r.x, r.y, r.w, r.h };
	SDL_RenderFillRect(g->ren, &sr);
}

static void clip(struct app_gfx *g, const struct app_rect *r)
{
	if (!r) {
		SDL_RenderSetClipRect(g->ren, NULL);
		return;
	}
	SDL_Rect sr = { r->x, r->y, r->w > 0 ? r->w : 1, r->h > 0 ? r->h : 1 };
	SDL_RenderSetClipRect(g->ren, &sr);
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

static void draw_header(struct app_gfx *g, const struct app_state *s,
			const struct app_theme *th)
{
	const struct app_layout *l = &g->lay;
	if (!l->show_header)
		return;
	const struct gd_scene *scene = gd_presenter_scene(&s->pres);
	const char *title = scene ? gd_scene_title(scene, app_lang_get()) : "";
	if (!*title)
		title = curve_title(app_state_run(s)->curve.kind);
	char count[96];
	snprintf(count, sizeof(count), _("scene %d / %d"), s->pres.scene + 1,
		 s->lesson ? s->lesson->count : 1);
	int cw = app_text_width(&g->text, count, l->text_px, APP_FACE_REGULAR);
	int y = l->header.y + (l->header.h - l->title_px * 6 / 5) / 2;
	app_text_draw(&g->text, count, l->text_px, APP_FACE_REGULAR, th->muted,
		      l->header.x + l->header.w, y + (l->title_px - l->text_px) / 2,
		      2);
	struct app_rect room = l->header;
	room.w -= cw + l->pad * 2;
	clip(g, &room);
	app_text_draw(&g->text, title, l->title_px, APP_FACE_BOLD, th->text,
		      l->header.x, y, 0);
	clip(g, NULL);
}

struct panel_ctx {
	struct app_gfx *g;
	const struct pline *pl;
	int x, y, indent, px, line, bottom;
	bool first;
};

static void panel_emit(void *ctx, const char *text)
{
	struct panel_ctx *c = ctx;
	if (c->y + c->line <= c->bottom)
		app_text_draw(&c->g->text, text, c->px, c->pl->face,
			      c->pl->color, c->x + (c->first ? 0 : c->indent),
			      c->y, 0);
	c->y += c->line;
	c->first = false;
}

/* Wraps every line at size px; returns the height they take. */
static int panel_pass(struct app_gfx *g, const struct plines *p, int px,
		      struct panel_ctx *c, bool draw)
{
	int width = g->lay.panel.w - 2 * g->lay.pad - c->indent;
	int start = c->y;
	for (int i = 0; i < p->n; i++) {
		c->pl = &p->l[i];
		c->first = true;
		if (p->l[i].gap)
			c->y += c->line / 2;
		if (draw)
			app_wrap(&g->text, p->l[i].text, px, p->l[i].face, width,
				 panel_emit, c);
		else
			c->y += c->line * app_wrap(&g->text, p->l[i].text, px,
						   p->l[i].face, width, NULL,
						   NULL);
	}
	return c->y - start;
}

static void draw_panel(struct app_gfx *g, const struct app_state *s,
		       const struct app_theme *th, double now)
{
	const struct app_layout *l = &g->lay;
	if (!l->show_panel)
		return;
	fill(g, l->panel, th->panel_bg);
	struct plines p;
	build_panel(&p, s, th, now);
	int bottom = (l->show_inset ? l->inset.y : l->panel.y + l->panel.h) -
		     l->pad / 2;
	/* Shrink the text a little when the wrapped lines would not fit,
	 * rather than lose the last ones. */
	int px = l->text_px;
	for (int tries = 0; tries < 6; tries++) {
		struct panel_ctx c = { .g = g, .y = l->panel.y + l->pad,
				       .indent = px, .px = px,
				       .line = px * 135 / 100 };
		if (c.y + panel_pass(g, &p, px, &c, false) <= bottom ||
		    px <= l->small_px * 3 / 4)
			break;
		px = px * 9 / 10;
	}
	struct panel_ctx c = { .g = g, .x = l->panel.x + l->pad,
			       .y = l->panel.y + l->pad, .indent = px,
			       .px = px, .line = px * 135 / 100,
			       .bottom = bottom };
	clip(g, &l->panel);
	panel_pass(g, &p, px, &c, true);
	clip(g, NULL);
}

/* E against the iteration number, over the kept history. */
static void draw_inset(struct app_gfx *g, const struct app_state *s,
		       const struct app_theme *th)
{
	const struct app_layout *l = &g->lay;
	if (!l->show_inset)
		return;
	const struct gd_run *run = app_state_run(s);
	size_t len = gd_run_history_len(run);
	struct app_rect r = l->inset;
	int lab = l->small_px * 13 / 10;
	struct app_rect a = { r.x + l->pad, r.y + lab, r.w - 2 * l->pad,
			      r.h - 2 * lab };
	fill(g, r, th->bg);
	app_text_draw(&g->text, _("E against the iteration"), l->small_px,
		      APP_FACE_REGULAR, th->muted, r.x + l->pad / 2, r.y, 0);
	if (a.w < 8 || a.h < 8)
		return;
	double emax = run->E, emin = run->E;
	for (size_t i = 0; i < len; i++) {
		double e = gd_run_history_at(run, i)->E;
		emax = fmax(emax, e);
		emin = fmin(emin, e);
	}
	/* From the lowest to the highest E seen, so that small changes
	 * (a neuron's) still show; a flat run gets a unit range. */
	if (!(emax > emin))
		emax = emin + 1;
	enum { MAXN = 512 };
	float xs[MAXN], ys[MAXN];
	size_t span = len > 10 ? len : 10;
	int n = 0;
	size_t stride = len / (MAXN - 1) + 1;
	for (size_t i = 0; i <= len && n < MAXN; i += stride) {
		double e = i < len ? gd_run_history_at(run, i)->E : run->E;
		xs[n] = (float)(a.x + (double)a.w * (double)i / (double)span);
		ys[n] = (float)(a.y + a.h - (e - emin) / (emax - emin) * a.h);
		n++;
	}
	struct app_geom *gm = &g->geom;
	app_geom_set_clip(gm, (float)r.x, (float)r.y, (float)r.w, (float)r.h);
	app_geom_line(gm, (float)a.x, (float)(a.y + a.h), (float)(a.x + a.w),
		      (float)(a.y + a.h), 1.5f, th->axis);
	app_geom_line(gm, (float)a.x, (float)a.y, (float)a.x,
		      (float)(a.y + a.h), 1.5f, th->axis);
	app_geom_polyline(gm, xs, ys, n, 2.5f, th->curve);
	app_geom_disc(gm, xs[n - 1], ys[n - 1], 4, th->point);
	app_geom_flush(gm, g->ren);
	char buf[96];
	snprintf(buf, sizeof(buf), _("iterations 0 … %zu"), span);
	app_text_draw(&g->text, buf, l->small_px, APP_FACE_REGULAR, th->muted,
		      a.x + a.w, a.y + a.h + 2, 2);
}

static void caption_emit(void *ctx, const char *text)
{
	struct panel_ctx *c = ctx;
	if (c->y + c->line <= c->bottom)
		app_text_draw(&c->g->text, text, c->px, APP_FACE_REGULAR,
			      c->pl->color, c->x, c->y, 0);
	c->y += c->line;
}

static void draw_caption(struct app_gfx *g, const struct app_state *s,
			 const struct app_theme *th)
{
	const struct app_layout *l = &g->lay;
	const char *cap = app_caption_text(s);
	if (!l->show_caption || !s->caption || !*cap)
		return;
	struct pline pl = { .color = th->text };
	struct panel_ctx c = { .g = g, .pl = &pl, .x = l->caption.x,
			       .y = l->caption.y + l->pad / 4,
			       .px = l->text_px, .line = l->line,
			       .bottom = l->caption.y + l->caption.h };
	clip(g, &l->caption);
	app_wrap(&g->text, cap, l->text_px, APP_FACE_REGULAR, l->caption.w,
		 caption_emit, &c);
	clip(g, NULL);
}

enum { HELP_MAX = 48 };

/* Widest keys and help texts of the lines at size px. */
static void help_widths(struct app_gfx *g, const struct app_help_line *lines,
			int n, int px, int *kw, int *hw)
{
	*kw = *hw = 0;
	for (int i = 0; i < n; i++) {
		int a = app_text_width(&g->text, lines[i].keys, px, APP_FACE_BOLD);
		int b = app_text_width(&g->text, lines[i].help, px,
				       APP_FACE_REGULAR);
		*kw = a > *kw ? a : *kw;
		*hw = b > *hw ? b : *hw;
	}
}

/* The help overlay: every key of the table, in one or two columns, at
 * the largest size (up to the body text's) that fits the window. */
static void draw_help(struct app_gfx *g, const struct app_theme *th)
{
	const struct app_layout *l = &g->lay;
	struct app_help_line lines[HELP_MAX];
	int n = app_help_lines(lines, HELP_MAX);
	fill(g, (struct app_rect){ 0, 0, l->width, l->height }, th->overlay_bg);
	int avail_w = l->width - 2 * l->pad, avail_h = l->height - 2 * l->pad;
	int cols = 1, px = l->text_px, kw, hw;
	if ((n + 2) * px * 13 / 10 > avail_h && l->width > l->height)
		cols = 2;
	int rows = (n + cols - 1) / cols;
	int fit_h = avail_h * 10 / ((rows + 2) * 13);
	px = fit_h < px ? fit_h : px;
	px = px < 5 ? 5 : px;
	help_widths(g, lines, n, px, &kw, &hw);
	int total = cols * (kw + px + hw) + (cols - 1) * 2 * px;
	if (total > avail_w) {
		px = px * avail_w / total;
		px = px < 5 ? 5 : px;
		help_widths(g, lines, n, px, &kw, &hw);
		total = cols * (kw + px + hw) + (cols - 1) * 2 * px;
	}
	int line = px * 13 / 10;
	int x0 = (l->width - total) / 2, y0 = l->pad;
	x0 = x0 < l->pad ? l->pad : x0;
	clip(g, &(struct app_rect){ 0, 0, l->width, l->height });
	app_text_draw(&g->text, _("Keys"), px, APP_FACE_BOLD, th->text, x0,
		      y0, 0);
	app_text_draw(&g->text, _("Esc or H closes this help"), px,
		      APP_FACE_REGULAR, th->muted, x0 + total, y0, 2);
	y0 += line * 2;
	for (int i = 0; i < n; i++) {
		int col = i / rows, row = i % rows;
		int x = x0 + col * (kw + hw + 3 * px), y = y0 + row * line;
		app_text_draw(&g->text, lines[i].keys, px, APP_FACE_BOLD,
			      th->text, x, y, 0);
		app_text_draw(&g->text, lines[i].help, px, APP_FACE_REGULAR,
			      th->text, x + kw + px, y, 0);
	}
	clip(g, NULL);
}

void app_draw_text_parts(struct app_gfx *g, const struct app_state *s,
			 double now)
{
	const struct app_theme *th = app_theme_get(s->dark);
	draw_header(g, s, th);
	draw_panel(g, s, th, now);
	draw_inset(g, s, th);
	draw_caption(g, s, th);
	if (s->help)
		draw_help(g, th);
}
