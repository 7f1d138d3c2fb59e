/*
 * Render tests: the frame's display list rendered on SDL's software
 * renderer into a surface, checked for geometry rather than against
 * golden images: the point's pixel has the point's colour, the arrow ends
 * at w + Δw, the tangent has the curve's slope, nothing of the plot leaks
 * outside it, a diverged run and a tiny window draw without garbage. And
 * the window's translation of SDL keys into the app's key codes.
 */
#define _DEFAULT_SOURCE /* mincore */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "actions.h"
#include "keymap.h"
#include "keys.h"
#include "lang.h"
#include "render.h"

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_curve_kind kind;
	double w0, rate, beta;
	int steps;
	int w, h, text_step;
	bool dark, help;
	int runs;    /* > 1: that many runs side by side, as the benchmark's */
	bool covers; /* check_update: a moving label hides a contour label */
	bool zh;     /* check_measured_once: in Chinese */
	bool rgb;    /* the output in RGB888, as a window's on X11 */
};

struct fixture {
	struct gd_lesson lesson;
	struct gd_scene scene;
	struct app_state *s;
	SDL_Surface *surf;
	SDL_Renderer *ren;
	struct app_gfx *g;
	const struct app_theme *th;
};

static bool setup(struct fixture *f, const struct tcase *t)
{
	memset(f, 0, sizeof(*f));
	gd_curve_default(&f->scene.curve, t->kind);
	f->scene.w0[0] = t->w0;
	f->scene.opt.hyper[GD_HYPER_RATE] = t->rate;
	f->scene.opt.hyper[GD_HYPER_MOMENTUM] = t->beta;
	f->scene.steps = GD_SCENE_UNPLANNED;
	if (t->runs > 1) {
		f->scene.nruns = t->runs;
		gd_optim_default(&f->scene.also[0], GD_OPTIMIZER_GD, t->rate);
		gd_optim_default(&f->scene.also[1], GD_OPTIMIZER_ADAM, 0.1);
		gd_optim_default(&f->scene.also[2], GD_OPTIMIZER_RMSPROP, 0.02);
	}
	if (gd_curve_spec(t->kind)->dim == 2)
		memcpy(f->scene.w0, gd_curve_spec(t->kind)->w0,
		       sizeof(f->scene.w0));
	snprintf(f->scene.title, sizeof(f->scene.title), "Render test");
	snprintf(f->scene.caption, sizeof(f->scene.caption),
		 "A caption long enough to wrap onto a second line in a small window, to see that it wraps.");
	f->lesson.count = 1;
	f->lesson.scenes = &f->scene;
	f->s = calloc(1, sizeof(*f->s));
	app_state_init(f->s, &f->lesson, 0);
	for (int i = 0; i < t->steps; i++) {
		struct app_result r;
		app_apply(f->s, APP_ACT_NEXT, 0, &r);
	}
	app_anim_finish(f->s);
	f->s->dark = t->dark;
	f->s->help = t->help;
	f->s->text_step = t->text_step;
	f->th = app_theme_get(t->dark);
	f->surf = SDL_CreateRGBSurfaceWithFormat(
		0, t->w ? t->w : 1280, t->h ? t->h : 720, 32,
		t->rgb ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888);
	f->ren = f->surf ? SDL_CreateSoftwareRenderer(f->surf) : NULL;
	f->g = calloc(1, sizeof(*f->g));
	char err[512];
	if (!f->ren ||
	    app_gfx_init(f->g, f->ren, APP_LANG_EN, err, sizeof(err)) < 0) {
		fprintf(stderr, "setup: %s %s\n", err, SDL_GetError());
		return false;
	}
	f->g->surface = f->surf;
	return true;
}

static void draw(struct fixture *f)
{
	app_draw(f->g, f->s, 1e9);
	SDL_RenderPresent(f->ren);
}

static void teardown(struct fixture *f)
{
	app_gfx_finish(f->g);
	free(f->g);
	if (f->ren)
		SDL_DestroyRenderer(f->ren);
	SDL_FreeSurface(f->surf);
	app_state_finish(f->s);
	free(f->s);
}

static struct app_rgba pixel(const struct fixture *f, int x, int y)
{
	if (x < 0 || y < 0 || x >= f->surf->w || y >= f->surf->h)
		return (struct app_rgba){ 0 };
	Uint32 p = ((const Uint32 *)((const Uint8 *)f->surf->pixels +
				     y * f->surf->pitch))[x];
	return (struct app_rgba){ (uint8_t)(p >> 16), (uint8_t)(p >> 8),
				  (uint8_t)p, 255 };
}

static int dist(struct app_rgba a, struct app_rgba b)
{
	return abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b);
}

static bool near(struct app_rgba a, struct app_rgba b, int tol)
{
	return dist(a, b) <= tol;
}

static void check_point(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f);
	const struct gd_run *run = app_state_run(f.s);
	double px, py;
	gd_view_to_screen(&f.g->info.view, run->w[0], run->E, &px, &py);
	CHECK(f.g->info.has_point);
	CHECK_APPROX((double)f.g->info.point_x, px, 0.01, 0);
	CHECK_APPROX((double)f.g->info.point_y, py, 0.01, 0);
	struct app_rgba c = pixel(&f, (int)lround(px), (int)lround(py));
	if (!near(c, f.th->point, 6))
		fprintf(stderr, "pixel %d %d %d\n", c.r, c.g, c.b);
	CHECK(near(c, f.th->point, 6));
	/* And the background a little away from everything. */
	CHECK(near(pixel(&f, 1, 1), f.th->bg, 0));
	teardown(&f);
}

/* The arrow's far end lies at the screen x of w + Δw on its row. */
static void check_arrow(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f);
	struct gd_update u;
	CHECK(gd_run_peek(app_state_run(f.s), &u));
	double tip, y;
	gd_view_to_screen(&f.g->info.view, u.w_next[0], 0, &tip, &y);
	double base;
	gd_view_to_screen(&f.g->info.view, u.w[0], 0, &base, &y);
	struct app_rgba col = u.E_next <= u.E ? f.th->fell : f.th->rose;
	int row = (int)lround((double)f.g->info.axis_y - f.g->info.lay.stroke * 2);
	int lo = f.surf->w, hi = -1;
	for (int x = 0; x < f.surf->w; x++)
		if (near(pixel(&f, x, row), col, 30)) {
			lo = x < lo ? x : lo;
			hi = x > hi ? x : hi;
		}
	CHECK(hi >= 0);
	double end = u.delta[0] < 0 ? lo : hi, start = u.delta[0] < 0 ? hi : lo;
	if (fabs(end - tip) > 3.5 || fabs(start - base) > 2.5)
		fprintf(stderr, "arrow %d … %d, want %g … %g\n", lo, hi, base,
			tip);
	/* The head narrows to a point: its last pixel or two are partly
	 * covered only. */
	CHECK(fabs(end - tip) <= 3.5);
	CHECK(fabs(start - base) <= 2.5);
	CHECK_APPROX((double)f.g->info.tip_x, tip, 0.01, 0);
	teardown(&f);
}

/* Pixels along the tangent, well away from the point, have its colour,
 * and its direction is dE/dw converted to pixels. */
static void check_tangent(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f);
	const struct gd_run *run = app_state_run(f.s);
	const struct gd_view *v = &f.g->info.view;
	double px, py;
	gd_view_to_screen(v, run->w[0], run->E, &px, &py);
	double slope = -run->grad[0] * (v->height / (v->emax - v->emin)) /
		       (v->width / (v->wmax - v->wmin));
	const struct app_frame_info *fr = &f.g->info;
	CHECK(fr->has_tangent);
	double fs = (double)(fr->tan_y1 - fr->tan_y0) /
		    (double)(fr->tan_x1 - fr->tan_x0);
	CHECK_APPROX(fs, slope, 1e-3, 1e-3);
	int hits = 0, tries = 0;
	double half = (double)(fr->tan_x1 - fr->tan_x0) / 2;
	for (double k = -0.9; k <= 0.9; k += 0.3) {
		if (fabs(k) < 0.5)
			continue; /* near the point the curve covers it */
		double x = px + k * half, y = py + k * half * slope;
		if (!gd_view_contains(v, x, y))
			continue;
		/* The next point's ring is drawn over the tangent. */
		struct gd_update u;
		double nx, ny;
		if (gd_run_peek(run, &u)) {
			gd_view_to_screen(v, u.w_next[0], u.E_next, &nx, &ny);
			if (hypot(x - nx, y - ny) < (double)fr->point_r + 4)
				continue;
		}
		tries++;
		/* The line is about 3 px wide; its rasterised centre can sit
		 * a pixel and a half off the ideal one (across a steep line
		 * that is sideways). */
		bool hit = false;
		for (int d = 0; d < 15 && !hit; d++)
			hit = near(pixel(&f, (int)lround(x) + d % 3 - 1,
					 (int)lround(y) + d / 3 - 2),
				   f.th->tangent, 40);
		hits += hit;
	}
	if (tries < 2 || hits != tries)
		fprintf(stderr, "tangent: %d of %d, slope %g, point %g %g\n",
			hits, tries, slope, px, py);
	CHECK(tries >= 2 && hits == tries);
	teardown(&f);
}

/* Outside the plot area (and the panel, whose inset draws the curve),
 * none of the plot's line colours appears, however far the view is
 * zoomed in. */
static void check_clip(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f); /* lays out */
	struct app_result r;
	const struct gd_run *run = app_state_run(f.s);
	for (int i = 0; i < 6; i++)
		app_zoom(f.s, 3, run->w[0], run->E, &r);
	draw(&f);
	const struct app_rect a = f.g->info.lay.area, p = f.g->info.lay.panel;
	const struct app_rgba cols[] = { f.th->curve, f.th->tangent,
					 f.th->point, f.th->fell, f.th->rose };
	int bad = 0;
	for (int y = 0; y < f.surf->h; y++)
		for (int x = 0; x < f.surf->w; x++) {
			struct app_rect px = { x, y, 1, 1 };
			if (app_rect_inside(a, px) ||
			    (f.g->info.lay.show_panel && app_rect_inside(p, px)))
				continue;
			for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
				if (near(pixel(&f, x, y), cols[k], 24)) {
					if (!bad)
						fprintf(stderr, "(%d, %d)\n", x,
							y);
					bad++;
				}
		}
	CHECK(bad == 0);
	teardown(&f);
}

/* A diverged run: no arrow, the last finite point drawn inside the plot,
 * nothing outside it. */
static void check_diverged(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	const struct gd_run *run = app_state_run(f.s);
	CHECK(run->status == GD_STATUS_DIVERGED);
	CHECK(isfinite(run->w[0]) && isfinite(run->E));
	app_refit(f.s);
	draw(&f);
	CHECK(!f.g->info.has_arrow);
	CHECK(f.g->info.has_point);
	CHECK(gd_view_contains(&f.g->info.view, (double)f.g->info.point_x,
			       (double)f.g->info.point_y));
	CHECK(isfinite(f.g->info.point_x) && isfinite(f.g->info.point_y));
	teardown(&f);
	check_clip(t);
}

/* A tiny window or huge text: it lays out and draws; the plot area
 * stays inside the window. */
static void check_small(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f);
	struct app_rect win = { 0, 0, t->w, t->h };
	CHECK(app_rect_inside(win, f.g->info.lay.area));
	CHECK(f.g->info.has_point);
	f.s->help = true;
	draw(&f);
	teardown(&f);
}

/* Whether two fixtures' surfaces hold the same pixels. */
static bool same_pixels(const struct fixture *a, const struct fixture *b)
{
	const SDL_Surface *x = a->surf, *y = b->surf;
	if (x->w != y->w || x->h != y->h || x->format->format != y->format->format)
		return false;
	/* RGB888's fourth byte is no colour: not compared. */
	Uint32 mask = x->format->Amask | x->format->Rmask | x->format->Gmask |
		      x->format->Bmask;
	for (int r = 0; r < x->h; r++) {
		const Uint32 *p =
			(const Uint32 *)(const void *)((const char *)x->pixels +
						       r * x->pitch);
		const Uint32 *q =
			(const Uint32 *)(const void *)((const char *)y->pixels +
						       r * y->pitch);
		for (int c = 0; c < x->w; c++)
			if ((p[c] ^ q[c]) & mask)
				return false;
	}
	return true;
}

/* The fixture's state switched to Chinese (L), its text drawn anew. */
static void to_chinese(struct fixture *f)
{
	struct app_result r;
	app_apply(f->s, APP_ACT_LANG, 0, &r);
	app_anim_finish(f->s);
	app_gfx_invalidate(f->g);
}

/* Two fixtures of t, in Chinese when t says so. */
static void setup_pair(struct fixture *a, struct fixture *b, const struct tcase *t)
{
	CHECK(setup(a, t));
	CHECK(setup(b, t));
	if (t->zh) {
		to_chinese(a);
		to_chinese(b);
	}
}

/* Text is rendered at most twice and then comes from the cache: the
 * first frame, drawn straight into the output, draws each string from
 * scratch pixels and keeps none (no new memory to fault in), a string
 * drawn again keeps its pixels, and from then on none is rendered
 * again. */
static void check_cache(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f);
	CHECK(f.g->direct != NULL);
	/* Kept: only a string the frame draws twice (a tick label on
	 * both axes). */
	int strings = 0, kept = 0;
	for (int i = 0; i < APP_TEXT_CACHE; i++) {
		const struct app_text_entry *e = &f.g->text.cache[i];
		strings += e->w > 0;
		if (!e->pix)
			continue;
		int times = 0;
		for (int k = 0; k < f.g->dl.n; k++) {
			const struct app_prim *p = &f.g->dl.prims[k];
			times += p->kind == APP_PRIM_TEXT &&
				 p->style.px == e->px &&
				 p->style.face == e->face &&
				 strcmp(app_dlist_str(&f.g->dl, p), e->str) == 0;
		}
		kept++;
		CHECK(times >= 2);
	}
	CHECK(strings > 10 && kept < strings / 4);
	CHECK(f.g->text.renders >= (unsigned long)strings);
	draw(&f);
	unsigned long first = f.g->text.renders;
	draw(&f);
	draw(&f);
	CHECK(f.g->text.renders == first);
	f.s->dark = true;
	app_gfx_invalidate(f.g);
	draw(&f);
	CHECK(f.g->text.renders > first);
	CHECK(near(pixel(&f, 1, 1), app_theme_get(true)->bg, 0));
	teardown(&f);
}

/* A frame drawn again shapes no text again: every width it asks for
 * (the panel's sentences and their prefixes at each size tried, labels,
 * titles) is still kept from the first time. With one slot per hash,
 * a few hundred strings pushed each other out, and a third of them
 * were shaped again every frame. */
static void check_measured_once(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	if (t->zh)
		to_chinese(&f);
	draw(&f);
	unsigned long first = f.g->text.measures;
	CHECK(first > 50);
	draw(&f);
	draw(&f);
	if (f.g->text.measures != first)
		printf("# %lu strings shaped again\n", f.g->text.measures - first);
	CHECK(f.g->text.measures == first);
	teardown(&f);
}

/* FreeType faces open: one per file, whatever the sizes. */
static int faces_open(const struct app_text *x)
{
	int n = 0;
	for (int k = 0; k < APP_FACE_COUNT * APP_TEXT_FILES; k++)
		n += x->files[k].face != NULL;
	return n;
}

/* Each file is opened once, the Chinese subset shared by both faces, and
 * each glyph is loaded and rendered once per (face, size, file): the
 * text drawn again in a new theme loads none, and draws the same pixels
 * as a fixture that drew the new theme first. */
static void check_glyphs_once(const struct tcase *t)
{
	struct fixture a, b;
	setup_pair(&a, &b, t);
	CHECK(a.g->text.nfile == 3);
	CHECK(a.g->text.file_of[APP_FACE_REGULAR][1] ==
	      a.g->text.file_of[APP_FACE_BOLD][1]);
	draw(&a);
	unsigned long loads = a.g->text.glyph_loads;
	unsigned long renders = a.g->text.renders;
	CHECK(loads > 30);
	CHECK(faces_open(&a.g->text) >= 2 && faces_open(&a.g->text) <= 3);
	if (t->zh)
		CHECK(faces_open(&a.g->text) == 3);
	a.s->dark = b.s->dark = true;
	app_gfx_invalidate(a.g);
	draw(&a);
	draw(&b);
	CHECK(a.g->text.renders > renders);
	CHECK(a.g->text.glyph_loads == loads);
	CHECK(b.g->text.glyph_loads == loads);
	CHECK(same_pixels(&a, &b));
	teardown(&a);
	teardown(&b);
}

/* A fixture like t's, in Chinese when t says so, with the glyph cache
 * file at path, drawn once; its pixels in a new buffer (*n bytes). */
static unsigned char *draw_cached(struct fixture *f, const struct tcase *t,
				  const char *path, size_t *n)
{
	if (!setup(f, t))
		return NULL;
	if (t->zh)
		to_chinese(f);
	if (app_text_cache_open(&f->g->text, path) != 0)
		return NULL;
	draw(f);
	*n = (size_t)f->surf->pitch * (size_t)f->surf->h;
	unsigned char *p = malloc(*n);
	if (p)
		memcpy(p, f->surf->pixels, *n);
	return p;
}

/* The glyphs a window rendered are kept in the cache file when its text
 * is finished, and the next window's first frame loads none of them from
 * FreeType yet draws the same pixels. A file cut short, or with bytes
 * changed, or not writable, costs the glyphs loaded again and nothing
 * else. */
static void check_glyph_file(const struct tcase *t)
{
	char dir[256], path[300];
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof(dir), "%s/gdstep-render-XXXXXX",
		 tmp && tmp[0] ? tmp : "/tmp");
	CHECK(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/gdstep/glyphs", dir);
	struct fixture f;
	size_t n, m;
	unsigned char *want = draw_cached(&f, t, path, &n);
	CHECK(want);
	unsigned long loads = f.g->text.glyph_loads;
	int faces = faces_open(&f.g->text);
	CHECK(loads > 30);
	CHECK(faces >= (t->zh ? 2 : 1));
	CHECK(f.g->text.gcache->hits == 0);
	teardown(&f);
	struct stat st;
	CHECK(stat(path, &st) == 0 && st.st_size > 1000);

	unsigned char *got = draw_cached(&f, t, path, &m);
	CHECK(got);
	CHECK(f.g->text.glyph_loads == 0);
	CHECK(f.g->text.gcache->hits == (long)loads);
	/* Nor does it open a font with FreeType but the regular one (which
	 * the text opens to check it is a font): which glyph each
	 * character is and each size's line metrics are kept too. */
	CHECK(faces_open(&f.g->text) == 1);
	CHECK(f.g->text.gcache->facts > 0);
	CHECK(m == n && memcmp(got, want, n) == 0);
	free(got);
	teardown(&f);

	/* Cut short: every glyph loaded again, and the file written
	 * whole again. */
	CHECK(truncate(path, st.st_size / 2) == 0);
	got = draw_cached(&f, t, path, &m);
	CHECK(got);
	CHECK(f.g->text.glyph_loads == loads);
	CHECK(faces_open(&f.g->text) == faces);
	CHECK(m == n && memcmp(got, want, n) == 0);
	free(got);
	teardown(&f);
	struct stat st2;
	CHECK(stat(path, &st2) == 0 && st2.st_size == st.st_size);

	/* A byte of a bitmap changed: not read, not drawn. */
	FILE *fp = fopen(path, "r+b");
	CHECK(fp);
	CHECK(fseek(fp, -100, SEEK_END) == 0);
	int c = fgetc(fp);
	CHECK(fseek(fp, -100, SEEK_END) == 0);
	fputc(c ^ 0x55, fp);
	CHECK(fclose(fp) == 0);
	got = draw_cached(&f, t, path, &m);
	CHECK(got);
	CHECK(f.g->text.glyph_loads == loads);
	CHECK(m == n && memcmp(got, want, n) == 0);
	free(got);
	teardown(&f);

	/* A cache where a directory cannot be made: drawn the same. */
	char blocked[400];
	snprintf(blocked, sizeof(blocked), "%s/gdstep/glyphs/x/glyphs", dir);
	got = draw_cached(&f, t, blocked, &m);
	CHECK(got);
	CHECK(m == n && memcmp(got, want, n) == 0);
	free(got);
	teardown(&f);

	free(want);
	CHECK(unlink(path) == 0);
	snprintf(path, sizeof(path), "%s/gdstep", dir);
	CHECK(rmdir(path) == 0); /* no temporary file left */
	CHECK(rmdir(dir) == 0);
}

/* A string in two fonts is laid out run by run, each as wide as it is
 * alone, side by side on one baseline: its width is the sum of its
 * runs', its texture that wide and as tall as the taller font needs;
 * a bad byte and a character no font has are drawn, not dropped, and
 * an empty string has a height and no texture. */
static void check_fallback_runs(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	struct app_text *x = &f.g->text;
	const int px = 20;
	const char *latin = "E(w) = ", *han = "\xe8\xaf\xaf\xe5\xb7\xae"; /* 误差 */
	char both[64];
	snprintf(both, sizeof(both), "%s%s", latin, han);
	int wl = app_text_width(x, latin, px, APP_FACE_REGULAR);
	int wh = app_text_width(x, han, px, APP_FACE_REGULAR);
	int wb = app_text_width(x, both, px, APP_FACE_REGULAR);
	CHECK(wl > 0 && wh > 0);
	CHECK(wb == wl + wh);
	const struct app_text_entry *e = app_text_get(
		x, both, px, APP_FACE_REGULAR, f.th->text);
	CHECK(e && e->pix && e->w == wb);
	int hl = app_text_height(x, px, APP_FACE_REGULAR);
	CHECK(e->h >= hl);
	/* Bold: DejaVu Sans Bold, and the subset emboldened (wider). */
	int wbold = app_text_width(x, han, px, APP_FACE_BOLD);
	CHECK(wbold > wh);
	/* A stray continuation byte and U+E000 (in no font): the
	 * replacement and missing-glyph boxes take room. */
	CHECK(app_text_width(x,
			     "a\x80"
			     "b",
			     px, APP_FACE_REGULAR) >
	      app_text_width(x, "ab", px, APP_FACE_REGULAR));
	CHECK(app_text_width(x,
			     "a\xee\x80\x80"
			     "b",
			     px, APP_FACE_REGULAR) >
	      app_text_width(x, "ab", px, APP_FACE_REGULAR));
	const struct app_text_entry *empty = app_text_get(
		x, "", px, APP_FACE_REGULAR, f.th->text);
	CHECK(empty && !empty->pix && empty->w == 0 && empty->h == hl);
	teardown(&f);
}

/* The view layer is drawn once and copied while the view's primitives
 * stay the same; a theme change, an invalidation or a new output size
 * draws it again, and the pixels follow. */
static void check_layer(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f); /* a new prefix: kept, the frame drawn in full */
	CHECK(f.g->layer.builds == 0 && f.g->layer.valid);
	struct app_rgba bg = pixel(&f, 1, 1);
	draw(&f); /* seen again: drawn into the texture */
	CHECK(f.g->layer.builds == 1);
	CHECK(f.g->layer.shown && f.g->layer.w == f.surf->w);
	draw(&f);
	draw(&f);
	CHECK(f.g->layer.builds == 1);
	CHECK(near(pixel(&f, 1, 1), bg, 0));
	f.s->dark = true; /* colours change: the prefix differs */
	draw(&f);
	CHECK(f.g->layer.builds == 1 && !f.g->layer.shown);
	CHECK(near(pixel(&f, 1, 1), app_theme_get(true)->bg, 0));
	draw(&f);
	CHECK(f.g->layer.builds == 2);
	CHECK(near(pixel(&f, 1, 1), app_theme_get(true)->bg, 0));
	app_gfx_invalidate(f.g);
	draw(&f);
	draw(&f);
	CHECK(f.g->layer.builds == 3);
	draw(&f);
	CHECK(f.g->layer.builds == 3);
	/* A smaller output: drawing into an 800 × 600 target. */
	SDL_Texture *small = SDL_CreateTexture(f.ren, SDL_PIXELFORMAT_ARGB8888,
					       SDL_TEXTUREACCESS_TARGET, 800,
					       600);
	CHECK(small && SDL_SetRenderTarget(f.ren, small) == 0);
	app_draw(f.g, f.s, 1e9);
	app_draw(f.g, f.s, 1e9);
	CHECK(f.g->layer.builds == 4);
	CHECK(f.g->layer.w == 800 && f.g->layer.h == 600);
	CHECK(SDL_GetRenderTarget(f.ren) == small);
	SDL_SetRenderTarget(f.ren, NULL);
	SDL_DestroyTexture(small);
	/* A blank screen has no layer: drawn in full, nothing rebuilt. */
	f.s->blank = true;
	draw(&f);
	draw(&f);
	CHECK(f.g->layer.builds == 4);
	teardown(&f);
}

/* What follows the plot, kept in its texture and copied: the frame has
 * exactly the pixels of the same frame drawn in full, before and after
 * a step changes the panel, and the texture is drawn only when needed. */
static void check_chrome(const struct tcase *t)
{
	struct fixture f, full;
	CHECK(setup(&f, t));
	CHECK(setup(&full, t));
	/* As on a renderer whose output does not keep the last frame. */
	f.g->full_frames = true;
	for (int k = 0; k < 4; k++)
		draw(&f); /* kept at the 2nd frame, drawn at the 3rd */
	CHECK(f.g->chrome.builds == 1 && f.g->chrome.shown);
	draw(&full);
	CHECK(full.g->chrome.builds == 0 && full.g->layer.builds == 0);
	CHECK(same_pixels(&f, &full));
	struct app_result r;
	app_apply(f.s, APP_ACT_NEXT, 0, &r);
	app_anim_finish(f.s);
	app_apply(full.s, APP_ACT_NEXT, 0, &r);
	app_anim_finish(full.s);
	draw(&f); /* the panel changed: kept, drawn in full */
	CHECK(f.g->chrome.builds == 1 && !f.g->chrome.shown);
	draw(&f);
	draw(&f);
	draw(&f);
	CHECK(f.g->chrome.builds == 2);
	teardown(&full);
	CHECK(setup(&full, t));
	app_apply(full.s, APP_ACT_NEXT, 0, &r);
	app_anim_finish(full.s);
	draw(&full);
	CHECK(same_pixels(&f, &full));
	/* The help over everything: nothing kept, drawn in full. */
	f.s->help = true;
	for (int k = 0; k < 3; k++)
		draw(&f);
	CHECK(f.g->chrome.builds == 2);
	teardown(&full);
	teardown(&f);
}

/* Draws f's frame at now_ms, over what the last one left. */
static void draw_at(struct fixture *f, double now_ms)
{
	app_draw(f->g, f->s, now_ms);
	SDL_RenderPresent(f->ren);
}

/* The same action on both fixtures, as the window takes it: a theme or
 * language change drops the caches of the one that keeps them. */
static void act(struct fixture *f, struct fixture *ref, enum app_action a,
		double now_ms)
{
	struct app_result r;
	app_apply(f->s, a, now_ms, &r);
	app_apply(ref->s, a, now_ms, &r);
	if (a == APP_ACT_THEME || a == APP_ACT_LANG)
		app_gfx_invalidate(f->g);
}

/*
 * Frames drawn over the last one (the software renderer's output keeps
 * it): each has exactly the pixels of the same frame drawn whole, with
 * no layer, through steps and their animation, an undo, a theme and a
 * language switch, larger text, the help over it all and off again,
 * and after the output is declared damaged; most of them were drawn
 * from the last.
 */
static void check_update(const struct tcase *t)
{
	static const enum app_action acts[] = {
		APP_ACT_NONE, APP_ACT_NEXT,  APP_ACT_NEXT,        APP_ACT_BACK,
		APP_ACT_NEXT, APP_ACT_THEME, APP_ACT_NEXT,        APP_ACT_LANG,
		APP_ACT_NEXT, APP_ACT_HELP,  APP_ACT_HELP,        APP_ACT_NEXT,
		APP_ACT_LANG, APP_ACT_NEXT,  APP_ACT_TEXT_LARGER, APP_ACT_NEXT,
	};
	struct fixture f, ref;
	CHECK(setup(&f, t));
	CHECK(setup(&ref, t));
	ref.g->full_frames = true;
	double clock = 1000;
	int bad = 0, frames = 0, covers = 0;
	for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++) {
		if (acts[i] != APP_ACT_NONE)
			act(&f, &ref, acts[i], clock);
		for (int k = 0; k <= 6; k++, frames++) {
			double now = clock + APP_ANIM_MS * k / 5;
			draw_at(&f, now);
			for (int j = 0; j < f.g->dl.n; j++)
				covers += f.g->dl.prims[j].kind ==
						  APP_PRIM_CLIP_PUSH &&
					  f.g->dl.prims[j].role ==
						  APP_ROLE_LABEL_BACK;
			app_gfx_invalidate(ref.g); /* no layer: drawn whole */
			draw_at(&ref, now);
			if (!same_pixels(&f, &ref)) {
				fprintf(stderr,
					"differs: action %zu, frame %d\n", i, k);
				bad++;
			}
		}
		clock += 2 * APP_ANIM_MS;
	}
	CHECK(bad == 0);
	CHECK(!t->covers || covers > 0);
	CHECK(f.g->screen.reused > frames / 2 || gd_curve_spec(t->kind)->dim == 2);
	long reused = f.g->screen.reused;
	app_gfx_damage(f.g);
	draw_at(&f, clock);
	CHECK(f.g->screen.reused == reused);
	CHECK(same_pixels(&f, &ref));
	draw_at(&f, clock);
	CHECK(f.g->screen.reused == reused + 1);
	CHECK(same_pixels(&f, &ref));
	teardown(&ref);
	teardown(&f);
}

/* A thick diagonal stroke drawn over the layer: its core is exactly the
 * line's colour at its centre, and the background is untouched a few
 * pixels beside it; a translucent stroke blends with what is below. */
static void check_stroke(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	const struct app_rgba bg = { 250, 250, 245, 255 };
	const struct app_rgba red = { 200, 30, 40, 255 };
	const struct app_rgba half = { 0, 0, 255, 128 };
	struct app_dlist *dl = &f.g->dl;
	app_dlist_clear(dl);
	app_dlist_rect(dl, APP_ROLE_BACKGROUND, (struct app_box){ 0, 0, 1, 1 },
		       bg);
	app_dlist_line(dl, APP_ROLE_GRID, 0, 600, 1280, 600, 6, red);
	app_dlist_line(dl, APP_ROLE_TANGENT, 100, 100, 500, 300, 8, red);
	app_dlist_line(dl, APP_ROLE_TANGENT, 700, 100, 700, 400, 10, half);
	for (int k = 0; k < 3; k++) { /* in full, the layer built, reused */
		app_render(f.g, dl);
		SDL_RenderPresent(f.ren);
		CHECK(near(pixel(&f, 300, 200), red, 0));
		CHECK(near(pixel(&f, 301, 200), red, 0));
		/* 6 pixels across the line from its centre line */
		CHECK(near(pixel(&f, 300 - 3, 200 + 6), bg, 0));
		CHECK(near(pixel(&f, 300 + 3, 200 - 6), bg, 0));
		CHECK(near(pixel(&f, 640, 600), red, 0));
		struct app_rgba mix = pixel(&f, 700, 250);
		CHECK(near(mix, (struct app_rgba){ 124, 124, 250, 255 }, 6));
		CHECK(near(pixel(&f, 712, 250), bg, 0));
	}
	CHECK(f.g->layer.builds == 1);
	teardown(&f);
}

/* Tall shapes are traced in bands of rows, each its own clip, so the
 * rasteriser's coverage spans a few rows, not the output's; the frame is
 * the one tracing each shape in one pass draws, pixel for pixel (a
 * pixel's coverage does not depend on its clip). */
static void check_bands(const struct tcase *t)
{
	struct fixture a, b;
	setup_pair(&a, &b, t);
	b.g->one_pass = true;
	b.g->full_frames = a.g->full_frames = true;
	for (int k = 0; k < 3; k++) {
		act(&a, &b, APP_ACT_NEXT, 1000.0 * k);
		draw(&a);
		draw(&b);
		CHECK(same_pixels(&a, &b));
	}
	CHECK(a.g->bands > 0);
	CHECK(b.g->bands == 0);
	teardown(&a);
	teardown(&b);
}

/* The help overlay covers the window and shows text. */
static void check_help(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	draw(&f);
	int text = 0;
	for (int y = 0; y < f.surf->h; y += 2)
		for (int x = 0; x < f.surf->w; x += 2)
			text += near(pixel(&f, x, y), f.th->text, 60);
	CHECK(text > 500);
	teardown(&f);
}

/* The fonts have the symbols the update is written with. */
static void check_glyphs(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	const Uint32 need[] = { 0x03B7 /* η */, 0x0394 /* Δ */, 0x2190 /* ← */,
				0x00B2 /* ² */, 0x2212 /* − */, 0x00D7 /* × */,
				0x0177 /* ŷ */, 0x03C3 /* σ */, 0x03A3 /* Σ */,
				0x207B /* ⁻ */, 0x00B7 /* · */, 0x03B2 /* β */,
				0x2014 /* — */, 0x2026 /* … */, 0x00BD /* ½ */ };
	/* In DejaVu Sans itself, the face's first font. */
	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		int at = app_text_font_for(&f.g->text, APP_FACE_REGULAR, need[i]);
		if (at != 0)
			fprintf(stderr, "U+%04X: font %d\n", (unsigned)need[i],
				at);
		CHECK(at == 0);
	}
	/* A Chinese character is in the fallback; a private-use one in none. */
	CHECK(app_text_font_for(&f.g->text, APP_FACE_REGULAR, 0x68AF /* 梯 */) ==
	      1);
	CHECK(app_text_font_for(&f.g->text, APP_FACE_REGULAR, 0xE000) == -1);
	teardown(&f);
}

/* Each kind of primitive as the renderer draws it, in list order, cut
 * by the clip: a hand-made list, checked pixel by pixel. */
static void check_primitives(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	const struct app_rgba bg = { 255, 255, 255, 255 };
	const struct app_rgba red = { 220, 0, 0, 255 };
	const struct app_rgba blue = { 0, 0, 200, 255 };
	const struct app_rgba green = { 0, 160, 0, 255 };
	struct app_dlist *dl = &f.g->dl;
	app_dlist_clear(dl);
	app_dlist_rect(dl, APP_ROLE_BACKGROUND, (struct app_box){ 0, 0, 1, 1 },
		       bg);
	app_dlist_clip_push(dl, APP_ROLE_PLOT_CLIP,
			    (struct app_box){ 0, 0, 200, 720 });
	app_dlist_line(dl, APP_ROLE_CURVE, 10, 50, 400, 50, 6, red);
	app_dlist_disc(dl, APP_ROLE_POINT, 100, 150, 20, blue);
	app_dlist_clip_pop(dl);
	float xs[3] = { 300, 400, 300 }, ys[3] = { 100, 100, 200 };
	app_dlist_polygon(dl, APP_ROLE_NONE, xs, ys, 3, green);
	app_dlist_ring(dl, APP_ROLE_NEXT_POINT, 500, 150, 30, 4, red);
	app_dlist_dashed(dl, APP_ROLE_DROP, 600, 10, 600, 300, 4, 10, 10, blue);
	app_dlist_rect(dl, APP_ROLE_PANEL_BG,
		       (struct app_box){ 700, 0, 50, 50 }, green);
	app_dlist_arrow(dl, APP_ROLE_STEP_ARROW, 800, 400, 1000, 400, 6, blue);
	app_render(f.g, dl);
	SDL_RenderPresent(f.ren);
	CHECK(near(pixel(&f, 5, 5), bg, 0));
	CHECK(near(pixel(&f, 150, 50), red, 10));
	CHECK(near(pixel(&f, 250, 50), bg, 0)); /* cut by the clip */
	CHECK(near(pixel(&f, 100, 150), blue, 10));
	CHECK(near(pixel(&f, 320, 120), green, 10));
	CHECK(near(pixel(&f, 390, 190), bg, 0)); /* outside the triangle */
	CHECK(near(pixel(&f, 530, 150), red, 40));
	CHECK(near(pixel(&f, 500, 150), bg, 0)); /* the ring's hole */
	int on = 0, off = 0;
	for (int y = 10; y < 300; y++) {
		bool b = near(pixel(&f, 600, y), blue, 40);
		on += b, off += !b;
	}
	CHECK(on > 100 && off > 100); /* dashed */
	CHECK(near(pixel(&f, 725, 25), green, 0));
	CHECK(near(pixel(&f, 900, 400), blue, 10));
	CHECK(near(pixel(&f, 1010, 400), bg, 0)); /* past the tip */
	teardown(&f);
}

/* One surface of format fmt with its software renderer and drawing
 * state; direct: the renderer's surface is given (shapes are blended
 * into it by render.c), else SDL fills them. */
struct blend_target {
	SDL_Surface *surf;
	SDL_Renderer *ren;
	struct app_gfx g;
};

static bool blend_setup(struct blend_target *b, Uint32 fmt, bool direct)
{
	char err[512];
	b->surf = SDL_CreateRGBSurfaceWithFormat(0, 384, 384, 32, fmt);
	b->ren = b->surf ? SDL_CreateSoftwareRenderer(b->surf) : NULL;
	if (!b->ren ||
	    app_gfx_init(&b->g, b->ren, APP_LANG_EN, err, sizeof(err)) < 0)
		return false;
	b->g.surface = direct ? b->surf : NULL;
	return true;
}

static void blend_teardown(struct blend_target *b)
{
	app_gfx_finish(&b->g);
	if (b->ren)
		SDL_DestroyRenderer(b->ren);
	SDL_FreeSurface(b->surf);
}

/* A new output's pages are all mapped before its first frame draws
 * (render.c's populate): over memory never touched, a frame of one small
 * rectangle leaves every page of the pixels resident, not only the
 * twenty or so rows it drew. Linux only (MADV_POPULATE_WRITE, mincore). */
static void check_populate(const struct tcase *t)
{
	(void)t;
	enum { W = 1024, H = 512 }; /* 2 MiB, 512 pages of 4 KiB */
	size_t len = (size_t)W * 4 * H, page = (size_t)sysconf(_SC_PAGESIZE);
	void *mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(mem != MAP_FAILED);
	struct blend_target b = { 0 };
	char err[512];
	b.surf = SDL_CreateRGBSurfaceWithFormatFrom(mem, W, H, 32, W * 4,
						    SDL_PIXELFORMAT_ARGB8888);
	b.ren = b.surf ? SDL_CreateSoftwareRenderer(b.surf) : NULL;
	CHECK(b.ren &&
	      app_gfx_init(&b.g, b.ren, APP_LANG_EN, err, sizeof(err)) == 0);
	b.g.surface = b.surf;
	unsigned char *vec = calloc(len / page + 1, 1);
	CHECK(vec && mincore(mem, len, vec) == 0);
	size_t before = 0, after = 0;
	for (size_t i = 0; i < len / page; i++)
		before += vec[i] & 1;
	app_dlist_clear(&b.g.dl);
	app_dlist_rect(&b.g.dl, APP_ROLE_PANEL_BG,
		       (struct app_box){ 10, 10, 20, 20 },
		       (struct app_rgba){ 0, 0, 200, 255 });
	app_render(&b.g, &b.g.dl);
	CHECK(mincore(mem, len, vec) == 0);
	for (size_t i = 0; i < len / page; i++)
		after += vec[i] & 1;
	CHECK(before == 0);
	CHECK(after == len / page);
	/* Drawn as before: the rectangle, and nothing else written. */
	Uint32 *px = mem;
	CHECK(px[15 * W + 15] == 0xff0000c8u);
	CHECK(px[100 * W + 100] == 0);
	free(vec);
	blend_teardown(&b);
	munmap(mem, len);
}

/* Blending shapes and rectangles into the surface directly gives SDL's
 * pixels: many overlapping ones of random colours and alphas (every level from 1
 * to 255 over many backgrounds), drawn both ways in each format the
 * direct path writes, every pixel equal. */
static void check_direct_blend(const struct tcase *t)
{
	(void)t;
	const Uint32 fmts[2] = { SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_RGB888 };
	for (int f = 0; f < 2; f++) {
		struct blend_target a = { 0 }, b = { 0 };
		CHECK(blend_setup(&a, fmts[f], true));
		CHECK(blend_setup(&b, fmts[f], false));
		struct app_dlist *dl = &a.g.dl;
		unsigned seed = 12345;
		app_dlist_clear(dl);
		app_dlist_rect(dl, APP_ROLE_BACKGROUND,
			       (struct app_box){ 0, 0, 1, 1 },
			       (struct app_rgba){ 250, 248, 240, 255 });
		for (int i = 0; i < 1500; i++) {
			float v[8];
			for (int j = 0; j < 8; j++) {
				seed = seed * 1103515245u + 12345u;
				v[j] = (float)((seed >> 8) % 10000) / 10000.0f;
			}
			seed = seed * 1103515245u + 12345u;
			struct app_rgba c = { (uint8_t)(seed >> 24),
					      (uint8_t)(seed >> 16),
					      (uint8_t)(seed >> 8),
					      (uint8_t)(1 + i % 255) };
			float x = v[0] * 400 - 8, y = v[1] * 400 - 8;
			if (i % 5 == 4)
				app_dlist_rect(dl, APP_ROLE_NONE,
					       (struct app_box){ x, y, v[2] * 90,
								 v[3] * 60 },
					       c);
			else if (i % 3 == 0)
				app_dlist_disc(dl, APP_ROLE_NONE, x, y,
					       2 + v[2] * 30, c);
			else if (i % 3 == 1)
				app_dlist_line(dl, APP_ROLE_NONE, x, y, v[2] * 384,
					       v[3] * 384, 1 + v[4] * 8, c);
			else {
				float xs[3] = { x, x + v[2] * 80, x - v[3] * 40 };
				float ys[3] = { y, y + v[4] * 60, y + v[5] * 90 };
				app_dlist_polygon(dl, APP_ROLE_NONE, xs, ys, 3, c);
			}
		}
		app_render(&a.g, dl);
		app_render(&b.g, dl);
		SDL_RenderPresent(a.ren);
		SDL_RenderPresent(b.ren);
		CHECK(a.g.direct == a.surf && b.g.direct == NULL);
		long differ = 0, shades = 0;
		for (int y = 0; y < 384; y++) {
			const Uint32 *pa =
				(const Uint32 *)((const Uint8 *)a.surf->pixels +
						 y * a.surf->pitch);
			const Uint32 *pb =
				(const Uint32 *)((const Uint8 *)b.surf->pixels +
						 y * b.surf->pitch);
			for (int x = 0; x < 384; x++) {
				differ += pa[x] != pb[x];
				shades += x > 0 && pa[x] != pa[x - 1];
			}
		}
		CHECK(differ == 0);
		CHECK(shades > 384 * 384 / 2); /* a busy picture, blended */
		blend_teardown(&a);
		blend_teardown(&b);
	}
}

/* Text blended straight into the output (app_text_blend) is what
 * SDL_RenderCopy makes of the string's texture: every alpha over random
 * pixels, a row at a time in pieces of every length (the four-pixel
 * path and the one-pixel tail), and strings in both scripts at several
 * sizes and alphas, partly outside the output and cut to clips, in both
 * formats, every bit of every pixel equal. */
static void check_text_direct(const struct tcase *t)
{
	(void)t;
	CHECK(APP_TEXT_DIRECT); /* x86: the machines gdstep is tested on */
	const Uint32 fmts[2] = { SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_RGB888 };
	enum { N = 256 };
	unsigned seed = 99;
	for (int f = 0; f < 2; f++) {
		SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, N, N, 32,
								  fmts[f]);
		SDL_Renderer *ren = out ? SDL_CreateSoftwareRenderer(out) : NULL;
		SDL_Texture *tex = ren ? SDL_CreateTexture(
						 ren, SDL_PIXELFORMAT_ARGB8888,
						 SDL_TEXTUREACCESS_STATIC, N, N) :
					 NULL;
		Uint32 *src = malloc(N * N * 4), *mine = malloc(N * N * 4);
		CHECK(tex && src && mine && out->pitch == N * 4);
		for (int i = 0; i < N * N; i++) {
			seed = seed * 1103515245u + 12345u;
			src[i] = (Uint32)(i / N) << 24 | (seed >> 8);
			seed = seed * 1103515245u + 12345u;
			mine[i] = ((Uint32 *)out->pixels)[i] = seed ^ (seed >> 13);
		}
		SDL_UpdateTexture(tex, NULL, src, N * 4);
		SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
		SDL_RenderCopy(ren, tex, NULL, NULL);
		SDL_RenderFlush(ren);
		for (int y = 0; y < N; y++) {
			int k = y % 11;
			app_text_blend_row(mine + y * N, src + y * N, k);
			app_text_blend_row(mine + y * N + k, src + y * N + k,
					   N - k);
		}
		long differ = 0;
		for (int i = 0; i < N * N; i++)
			differ += mine[i] != ((Uint32 *)out->pixels)[i];
		if (differ)
			fprintf(stderr, "rows: %ld pixels differ\n", differ);
		CHECK(differ == 0);
		free(src);
		free(mine);
		SDL_DestroyTexture(tex);
		SDL_DestroyRenderer(ren);
		SDL_FreeSurface(out);

		struct blend_target a = { 0 }, b = { 0 };
		CHECK(blend_setup(&a, fmts[f], false));
		CHECK(blend_setup(&b, fmts[f], true));
		Uint32 *bg = malloc(384 * 384 * 4);
		CHECK(bg && a.surf->pitch == 384 * 4 && b.surf->pitch == 384 * 4);
		for (int i = 0; i < 384 * 384; i++) {
			seed = seed * 1103515245u + 12345u;
			((Uint32 *)a.surf->pixels)[i] =
				((Uint32 *)b.surf->pixels)[i] = bg[i] = seed;
		}
		const char *strs[] = {
			"E(w) = \xc2\xbd (y \xe2\x88\x92 t)\xc2\xb2",
			"\xe8\xaf\xaf\xe5\xb7\xae \xce\x94w = \xe2\x88\x92\xce\xb7\xc2\xb7"
			"dE/dw",
			"w \xe2\x86\x90 \xe2\x88\x92"
			"2.000 + 4.000"
		};
		const SDL_Rect clips[3] = { { 0, 0, 384, 384 },
					    { 50, 40, 200, 100 },
					    { -20, 300, 500, 500 } };
		int n = 0;
		for (int i = 0; i < 54; i++) {
			struct app_rgba c = { (uint8_t)(40 * i),
					      (uint8_t)(200 - 3 * i),
					      (uint8_t)(17 * i),
					      (uint8_t)(i % 3 == 0 ? 255 :
							i % 3 == 1 ? 140 :
								     30) };
			int px = 11 + i % 4 * 9, x = i * 37 % 420 - 30,
			    y = i * 53 % 400 - 12, align = i % 3;
			enum app_face face = i % 2 ? APP_FACE_BOLD :
						     APP_FACE_REGULAR;
			const SDL_Rect *k = &clips[i % 3];
			const char *str = strs[i % 3];
			SDL_RenderSetClipRect(a.ren, k);
			int wa = app_text_draw(&a.g.text, str, px, face, c, x,
					       y, align);
			int wb = app_text_blend(&b.g.text, str, px, face, c, x,
						y, align, b.surf, k);
			CHECK(wa == wb && wa > 0);
			n++;
		}
		SDL_RenderFlush(a.ren);
		long lit = 0;
		differ = 0;
		for (int i = 0; i < 384 * 384; i++) {
			Uint32 pa = ((Uint32 *)a.surf->pixels)[i],
			       pb = ((Uint32 *)b.surf->pixels)[i];
			differ += pa != pb;
		}
		/* The strings drew: pixels changed from the background. */
		for (int i = 0; i < 384 * 384; i++)
			lit += ((Uint32 *)a.surf->pixels)[i] != bg[i];
		free(bg);
		if (differ)
			fprintf(stderr, "strings: %ld pixels differ\n", differ);
		CHECK(differ == 0);
		CHECK(n == 54 && lit > 10000);
		blend_teardown(&a);
		blend_teardown(&b);
	}
}

static bool plot_label(enum app_role r)
{
	return r == APP_ROLE_SLOPE_LABEL || r == APP_ROLE_DW_LABEL ||
	       r == APP_ROLE_TICK_LABEL;
}

/* The number of pairs of plot labels (slope, Δw, ticks) whose boxes
 * overlap in the list. */
static int label_overlaps(const struct app_dlist *dl)
{
	int bad = 0;
	for (int i = 0; i < dl->n; i++) {
		const struct app_prim *a = &dl->prims[i];
		if (a->kind != APP_PRIM_TEXT || !plot_label(a->role))
			continue;
		for (int j = i + 1; j < dl->n; j++) {
			const struct app_prim *b = &dl->prims[j];
			if (b->kind != APP_PRIM_TEXT || !plot_label(b->role) ||
			    !app_box_overlap(a->box, b->box))
				continue;
			fprintf(stderr, "'%s' meets '%s'\n",
				app_dlist_str(dl, a), app_dlist_str(dl, b));
			bad++;
		}
	}
	return bad;
}

/* With the real fonts' widths and heights: over every scene of the
 * built-in lesson and a few step counts, the plot's labels do not
 * overlap, and the list is what was rendered. */
static void check_real_labels(const struct tcase *t)
{
	struct fixture f;
	CHECK(setup(&f, t));
	struct gd_lesson lesson;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	static const int steps[] = { 0, 2, 9 };
	int bad = 0;
	for (int k = 0; k < lesson.count && !bad; k++)
		for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
			app_state_finish(f.s);
			CHECK(app_state_init(f.s, &lesson, k) == 0);
			for (int n = 0; n < steps[i]; n++) {
				struct app_result r;
				app_apply(f.s, APP_ACT_NEXT, 0, &r);
			}
			app_anim_finish(f.s);
			draw(&f);
			CHECK(f.g->dl.n > 20 && f.g->dl.dropped == 0);
			bad += label_overlaps(&f.g->dl);
			if (bad) {
				fprintf(stderr, "scene %d, %d steps\n", k + 1,
					steps[i]);
				break;
			}
		}
	app_state_finish(f.s); /* back on the fixture's lesson */
	int rc = app_state_init(f.s, &f.lesson, 0);
	gd_lesson_finish(&lesson);
	CHECK(rc == 0 && bad == 0);
	teardown(&f);
}

/* SDL's keycodes of doc/PRODUCT.md's keys become the table's app keys. */
static void check_keymap(const struct tcase *t)
{
	static const struct {
		SDL_Keycode sdl;
		unsigned app;
	} map[] = {
		{ SDLK_SPACE, APP_KEY_SPACE },
		{ SDLK_RIGHT, APP_KEY_RIGHT },
		{ SDLK_PAGEDOWN, APP_KEY_PAGEDOWN },
		{ SDLK_LEFT, APP_KEY_LEFT },
		{ SDLK_BACKSPACE, APP_KEY_BACKSPACE },
		{ SDLK_PAGEUP, APP_KEY_PAGEUP },
		{ SDLK_RETURN, APP_KEY_RETURN },
		{ SDLK_KP_ENTER, APP_KEY_KP_ENTER },
		{ SDLK_p, 'p' },
		{ SDLK_LEFTBRACKET, '[' },
		{ SDLK_RIGHTBRACKET, ']' },
		{ SDLK_UP, APP_KEY_UP },
		{ SDLK_DOWN, APP_KEY_DOWN },
		{ SDLK_COMMA, ',' },
		{ SDLK_PERIOD, '.' },
		{ SDLK_TAB, APP_KEY_TAB },
		{ SDLK_1, '1' },
		{ SDLK_9, '9' },
		{ SDLK_0, '0' },
		{ SDLK_F11, APP_KEY_F11 },
		{ SDLK_EQUALS, '=' },
		{ SDLK_MINUS, '-' },
		{ SDLK_PLUS, '+' },
		{ SDLK_KP_PLUS, APP_KEY_KP_PLUS },
		{ SDLK_KP_MINUS, APP_KEY_KP_MINUS },
		{ SDLK_SLASH, '/' },
		{ SDLK_QUESTION, '?' },
		{ SDLK_F1, APP_KEY_F1 },
		{ SDLK_ESCAPE, APP_KEY_ESCAPE },
		{ SDLK_q, 'q' },
		{ SDLK_UNKNOWN, APP_KEY_NONE },
		{ SDLK_F5, APP_KEY_F5 },
		{ SDLK_END, APP_KEY_END },
		{ SDLK_F6, APP_KEY_NONE },
		{ SDLK_LSHIFT, APP_KEY_NONE },
		/* The entry's editing keys (entry.h); no action outside it. */
		{ SDLK_DELETE, APP_KEY_DELETE },
		{ SDLK_HOME, APP_KEY_HOME },
		{ SDLK_e, 'e' },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		unsigned got = app_key_from_sdl(map[i].sdl);
		if (got != map[i].app)
			fprintf(stderr, "%s: %#x, want %#x\n",
				SDL_GetKeyName(map[i].sdl), got, map[i].app);
		CHECK(got == map[i].app);
	}
	CHECK(app_key_action(app_key_from_sdl(SDLK_PAGEDOWN), 0) == APP_ACT_NEXT);
	CHECK(app_key_action(APP_KEY_DELETE, 0) == APP_ACT_NONE);
	CHECK(app_key_action(APP_KEY_HOME, 0) == APP_ACT_NONE);
	CHECK(app_key_action(app_key_from_sdl(SDLK_e), 0) == APP_ACT_ENTRY);
	CHECK(app_key_mods(KMOD_LCTRL | KMOD_CAPS) == APP_MOD_CTRL);
	CHECK(app_key_mods(KMOD_RSHIFT | KMOD_NUM) == APP_MOD_SHIFT);
	CHECK(app_key_mods(KMOD_LALT | KMOD_RCTRL) ==
	      (APP_MOD_ALT | APP_MOD_CTRL));
	(void)t;
}

static const struct tcase cases[] = {
	{ .name = "render-point-colour",
	  .run = check_point,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-point-dark-midrun",
	  .run = check_point,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .steps = 7,
	  .dark = true },
	{ .name = "render-arrow-tip",
	  .run = check_arrow,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-arrow-tip-rose",
	  .run = check_arrow,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 1,
	  .rate = 1.2,
	  .steps = 1 },
	{ .name = "render-arrow-tip-neuron",
	  .run = check_arrow,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 60,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "render-tangent-slope",
	  .run = check_tangent,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-tangent-slope-wells",
	  .run = check_tangent,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.3,
	  .rate = 0.02 },
	{ .name = "render-clip-to-plot",
	  .run = check_clip,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .steps = 3 },
	{ .name = "render-diverged",
	  .run = check_diverged,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 1.5,
	  .steps = 80 },
	{ .name = "render-diverged-huge-w",
	  .run = check_diverged,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 9e11,
	  .rate = 2.5,
	  .steps = 5 },
	{ .name = "render-tiny-window",
	  .run = check_small,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .w = 200,
	  .h = 150 },
	{ .name = "render-tiny-huge-text",
	  .run = check_small,
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 0.5,
	  .w = 200,
	  .h = 150,
	  .text_step = APP_TEXT_STEP_MAX },
	{ .name = "render-huge-text",
	  .run = check_small,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .w = 1280,
	  .h = 720,
	  .text_step = APP_TEXT_STEP_MAX },
	{ .name = "render-text-cached",
	  .run = check_cache,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-text-measured-once-contour-4runs",
	  .run = check_measured_once,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.15,
	  .beta = 0.9,
	  .steps = 3,
	  .runs = 4,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "render-text-measured-once-4runs",
	  .run = check_measured_once,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .steps = 3,
	  .runs = 4 },
	{ .name = "render-text-measured-once-zh",
	  .run = check_measured_once,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.15,
	  .beta = 0.9,
	  .steps = 3,
	  .runs = 4,
	  .zh = true },
	{ .name = "render-text-fallback-runs",
	  .run = check_fallback_runs,
	  .kind = GD_CURVE_BOWL,
	  .rate = 0.1 },
	{ .name = "render-text-glyphs-loaded-once",
	  .run = check_glyphs_once,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .steps = 3,
	  .help = true },
	{ .name = "render-text-glyphs-loaded-once-zh",
	  .run = check_glyphs_once,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.15,
	  .beta = 0.9,
	  .steps = 3,
	  .runs = 4,
	  .zh = true },
	{ .name = "render-bands-as-one-pass",
	  .run = check_bands,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.05,
	  .beta = 0.9,
	  .steps = 3,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "render-bands-as-one-pass-zh-4runs",
	  .run = check_bands,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.15,
	  .steps = 3,
	  .runs = 4,
	  .zh = true,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "render-bands-as-one-pass-1440p-dark",
	  .run = check_bands,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.05,
	  .beta = 0.9,
	  .steps = 8,
	  .w = 2560,
	  .h = 1440,
	  .dark = true },
	{ .name = "render-glyph-file",
	  .run = check_glyph_file,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .steps = 3,
	  .help = true },
	{ .name = "render-glyph-file-zh-1080p",
	  .run = check_glyph_file,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.15,
	  .beta = 0.9,
	  .steps = 3,
	  .runs = 4,
	  .zh = true,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "render-chrome-same-pixels",
	  .run = check_chrome,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .steps = 3 },
	{ .name = "render-chrome-same-pixels-1080p",
	  .run = check_chrome,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .steps = 2,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "render-update-same-pixels",
	  .run = check_update,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9 },
	{ .name = "render-update-same-pixels-4runs-1080p",
	  .run = check_update,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .runs = 4,
	  .w = 1920,
	  .h = 1080 },
	{ .name = "render-update-same-pixels-contour",
	  .run = check_update,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.05,
	  .beta = 0.9 },
	{ .name = "render-update-same-pixels-contour-covers",
	  .run = check_update,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.15,
	  .covers = true },
	{ .name = "render-update-same-pixels-contour-4runs",
	  .run = check_update,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.05,
	  .beta = 0.9,
	  .runs = 4 },
	{ .name = "render-update-same-pixels-rgb888",
	  .run = check_update,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .rgb = true },
	{ .name = "render-update-same-pixels-contour-4runs-rgb888",
	  .run = check_update,
	  .kind = GD_CURVE_BOWL2,
	  .rate = 0.05,
	  .beta = 0.9,
	  .runs = 4,
	  .rgb = true },
	{ .name = "render-layer-reused",
	  .run = check_layer,
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .beta = 0.9,
	  .steps = 2 },
	{ .name = "render-thick-stroke",
	  .run = check_stroke,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-help-overlay",
	  .run = check_help,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .help = true },
	{ .name = "render-font-glyphs",
	  .run = check_glyphs,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-labels-real-fonts",
	  .run = check_real_labels,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-labels-real-fonts-small",
	  .run = check_real_labels,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .w = 800,
	  .h = 600 },
	{ .name = "render-dlist-primitives",
	  .run = check_primitives,
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1 },
	{ .name = "render-direct-blend-as-sdl", .run = check_direct_blend },
	{ .name = "render-text-direct-as-sdl", .run = check_text_direct },
	{ .name = "render-output-mapped-at-once", .run = check_populate },
	{ .name = "keys-sdl-keymap", .run = check_keymap },
};

int main(int argc, char *argv[])
{
	app_lang_setup();
	HARNESS_MAIN(cases, argc, argv);
}
