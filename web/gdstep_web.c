/*
 * The browser edition's C side: the desktop's state, actions, key table
 * and frame layer behind a few exported functions that the page's script
 * (web/gdstep.js) calls. The script forwards keys (as app key codes,
 * like src/window/keymap.c does for SDL), pointer events and the canvas
 * size; this file decides what they do, as src/window/window.c does for
 * the window, and builds each frame's display list, which it flattens
 * into an array of floats for the script to draw.
 *
 * Text is measured by the page (canvas measureText, with the same fonts
 * as the desktop) through two imported functions; widths are cached
 * here so a frame crosses into the script only for text it has not
 * measured before.
 *
 * Messages go where the desktop's go, to stderr ("gdstep: …"); the page
 * shows what arrives there as its error line.
 */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/lesson.h>
#include <gdstep/presenter.h>
#include <gdstep/run.h>
#include <gdstep/view.h>

#include "actions.h"
#include "dlist.h"
#include "entry.h"
#include "frame.h"
#include "front.h"
#include "keys.h"
#include "lang.h"
#include "layout.h"
#include "options.h"

#include "gdstep_web.h"

#define IMPORT(name) __attribute__((import_module("gdstep"), import_name(name)))

/* The page's text measuring: width of len bytes of UTF-8 at s, and the
 * line height, in pixels at font size px in face (enum app_face). */
IMPORT("text_width")
int js_text_width(const char *s, int len, int px, int face);
IMPORT("text_height") int js_text_height(int px, int face);

/* The C runtime's constructors: with no _start (-nostartfiles), the
 * module calls them itself, once, before anything else. */
extern void __wasm_call_ctors(void);

/* A press that moves less than this many pixels is a click (window.c). */
#define CLICK_SLOP 5
/* One wheel notch zooms by this factor (window.c). */
#define WHEEL_ZOOM 1.15

/* Floats per primitive in the flattened list; see flatten(). */
#define WEB_STRIDE 24

/* Measured widths, by a 64-bit hash of the string, size and face. */
#define WIDTH_CACHE 4096

struct width_entry {
	uint64_t key; /* 0: empty */
	int width;
};

struct web {
	struct gd_options opts;
	struct gd_lesson lesson;
	struct app_state st;
	struct app_dlist dl;
	struct app_frame_info info;
	struct app_measure measure;
	bool has_state, has_lesson;
	unsigned fx; /* effects since the page last asked */
	char *args;  /* the argument strings opts borrows */
	char *text;  /* the lesson's text, or NULL */
	char **argv;
	float *flat;
	int flat_cap;
	bool pressed, dragging;
	double press_x, press_y, last_x, last_y;
	struct width_entry widths[WIDTH_CACHE];
	int heights[APP_FACE_COUNT][256];
};

static uint64_t hash_text(const char *s, int px, enum app_face face)
{
	uint64_t h = 14695981039346656037ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	h = (h ^ (uint64_t)px) * 1099511628211ull;
	h = (h ^ (uint64_t)face) * 1099511628211ull;
	return h ? h : 1;
}

static int measure_width(void *ctx, const char *s, int px, enum app_face face)
{
	struct web *w = ctx;
	if (!s || !*s)
		return 0;
	uint64_t key = hash_text(s, px, face);
	struct width_entry *e = &w->widths[key % WIDTH_CACHE];
	if (e->key != key) {
		e->key = key;
		e->width = js_text_width(s, (int)strlen(s), px, (int)face);
	}
	return e->width;
}

static int measure_height(void *ctx, int px, enum app_face face)
{
	struct web *w = ctx;
	if (px <= 0 || px >= 256 || face < 0 || face >= APP_FACE_COUNT)
		return js_text_height(px, (int)face);
	int *h = &w->heights[face][px];
	if (*h == 0)
		*h = js_text_height(px, (int)face);
	return *h;
}

/* Memory the page fills (argument strings) or reads. */
void *gdstep_alloc(int size)
{
	return size > 0 ? malloc((size_t)size) : NULL;
}

void gdstep_free(void *p)
{
	free(p);
}

void gdstep_destroy(struct web *w)
{
	if (!w)
		return;
	if (w->has_state)
		app_state_finish(&w->st);
	if (w->has_lesson)
		gd_lesson_finish(&w->lesson);
	app_dlist_finish(&w->dl);
	free(w->flat);
	free(w->argv);
	free(w->args);
	free(w->text);
	free(w);
}

/* Splits argc NUL-terminated strings laid end to end in args into
 * w->argv, after a program name. */
static int split_args(struct web *w, char *args, int argc)
{
	w->args = args;
	w->argv = calloc((size_t)argc + 2, sizeof(*w->argv));
	if (!w->argv)
		return -ENOMEM;
	w->argv[0] = "gdstep";
	char *p = args;
	for (int i = 0; i < argc; i++) {
		w->argv[i + 1] = p;
		p += strlen(p) + 1;
	}
	return 0;
}

/*
 * The app from a command line: args holds argc strings, each ending in
 * a NUL (the page builds them from its URL), and becomes the app's.
 * When the command line names a lesson (?lesson=URL, or a file dropped
 * on the page), text holds its len bytes, which become the app's too
 * (NULL: none).
 * Returns the app, or NULL after writing the problem to stderr in the
 * desktop's words ("gdstep: --scene 9: this lesson ends at scene 7").
 */
struct web *gdstep_create(char *args, int argc, char *text, int len)
{
	static bool ctors;
	if (!ctors) {
		__wasm_call_ctors();
		ctors = true;
	}
	struct web *w = calloc(1, sizeof(*w));
	if (!w || split_args(w, args, argc) < 0) {
		app_message(strerror(ENOMEM));
		if (w)
			w->args = args, w->text = text;
		else
			free(args), free(text);
		gdstep_destroy(w);
		return NULL;
	}
	w->text = text;
	w->measure = (struct app_measure){ .ctx = w,
					   .width = measure_width,
					   .height = measure_height };
	app_dlist_init(&w->dl);
	int start;
	if (app_start(argc + 1, w->argv, &w->opts) != -1)
		goto err;
	if (w->opts.lesson && text) {
		w->opts.lesson_text = text;
		w->opts.lesson_len = len > 0 ? (size_t)len : 0;
	}
	if (app_load_lesson(&w->opts, &w->lesson, &start) != 0)
		goto err;
	w->has_lesson = true;
	if (app_state_init(&w->st, &w->lesson, start) < 0) {
		app_message(strerror(ENOMEM));
		goto err;
	}
	w->has_state = true;
	w->st.lang = w->opts.ui_lang;
	app_take_steps(&w->st, w->opts.has_steps ? w->opts.steps : 0);
	w->fx = APP_FX_REDRAW;
	return w;
err:
	gdstep_destroy(w);
	return NULL;
}

/* The effects (enum app_effect bits) of everything since the last call:
 * redraw, save a PNG, full screen, language. */
unsigned gdstep_take_fx(struct web *w)
{
	unsigned fx = w->fx;
	w->fx = 0;
	return fx;
}

static void result(struct web *w, const struct app_result *r)
{
	w->fx |= r->fx;
	if (r->fx & APP_FX_LANG)
		memset(w->widths, 0, sizeof(w->widths));
}

/*
 * A key: an app key code (keys.h: a printable key's unshifted code point,
 * or a named key) with APP_MOD_* bits, at now_ms on the page's clock.
 * Returns whether the key table has it (the page then keeps the
 * browser's own meaning of the key from it).
 */
bool gdstep_key(struct web *w, unsigned key, unsigned mod, double now_ms)
{
	struct app_result r;
	/* The open entry takes every key (window.c): Esc closes it. */
	if (w->st.entry.open) {
		app_entry_key(&w->st, key, mod, &r);
		result(w, &r);
		return true;
	}
	enum app_action a = app_key_action(key, mod);
	if (a == APP_ACT_NONE)
		return false;
	app_apply(&w->st, a, now_ms, &r);
	result(w, &r);
	return true;
}

/* Whether the entry (E) is open: the page then sends typed text too. */
bool gdstep_entry_open(const struct web *w)
{
	return w->st.entry.open;
}

/* Text typed (UTF-8, NUL-terminated) while the entry is open. */
void gdstep_text(struct web *w, const char *utf8)
{
	struct app_result r;
	app_entry_text(&w->st, utf8, &r);
	result(w, &r);
}

/* Advances the clock; returns how many ms the page may wait before
 * calling again (−1: until the next event). */
double gdstep_tick(struct web *w, double now_ms)
{
	struct app_result r;
	double wait;
	app_tick(&w->st, now_ms, &r, &wait);
	result(w, &r);
	return wait;
}

/* The language shown: 0 English, 1 Chinese (the page loads the Chinese
 * font only then). */
int gdstep_lang(const struct web *w)
{
	return w->st.lang == APP_LANG_ZH;
}

/* The scene shown, 1-based, and the step of its run in focus: what the
 * header says ("scene 4 / 17 · step 2 / 12"), for the page's title and
 * its tests. */
int gdstep_scene(const struct web *w)
{
	return w->st.pres.scene + 1;
}

long gdstep_step(const struct web *w)
{
	return app_state_focus_run(&w->st)->step;
}

/* The page's own words, in Chinese (zh) or English: the touch buttons
 * (0: Back, 1: Next), the page's title (2), and the line for a lesson
 * the page could not fetch or read (3; %s: the browser's reason). */
const char *gdstep_words(int zh, int which)
{
	enum app_lang lang = zh ? APP_LANG_ZH : APP_LANG_EN;
	static const char *const words[] = {
		N_("Back"),
		N_("Next"),
		N_("gdstep — gradient descent, one step at a time"),
		N_("cannot read the lesson: %s"),
	};
	if (which < 0 || which >= (int)(sizeof(words) / sizeof(words[0])))
		return "";
	return app_tr(lang, words[which]);
}

/* Whether full screen is asked for (F11, Shift+F5). */
bool gdstep_fullscreen(const struct web *w)
{
	return w->st.fullscreen;
}

/* The page left full screen by itself (Esc in the browser). */
void gdstep_set_fullscreen(struct web *w, bool on)
{
	w->st.fullscreen = on;
}

/* Forgets measured text: the fonts changed (a font finished loading). */
void gdstep_fonts_changed(struct web *w)
{
	memset(w->widths, 0, sizeof(w->widths));
	memset(w->heights, 0, sizeof(w->heights));
	w->fx |= APP_FX_REDRAW;
}

/* Pointer events, in canvas pixels, as the window takes them. */
void gdstep_press(struct web *w, double x, double y)
{
	w->pressed = app_in_plot(&w->st, &w->info.view, x, y);
	w->dragging = false;
	w->press_x = w->last_x = x;
	w->press_y = w->last_y = y;
}

void gdstep_move(struct web *w, double x, double y)
{
	if (!w->pressed)
		return;
	struct gd_view v = app_drawn_view(&w->st, &w->info.view);
	struct app_result r = { 0 };
	if (fabs(x - w->press_x) + fabs(y - w->press_y) > CLICK_SLOP)
		w->dragging = true;
	if (w->dragging)
		app_pan(&w->st, x - w->last_x, y - w->last_y, v.width, v.height,
			&r);
	w->last_x = x, w->last_y = y;
	result(w, &r);
}

void gdstep_release(struct web *w)
{
	if (!w->pressed)
		return;
	w->pressed = false;
	if (w->dragging)
		return;
	struct gd_view v = app_drawn_view(&w->st, &w->info.view);
	struct app_result r = { 0 };
	double wx, we;
	gd_view_from_screen(&v, w->press_x, w->press_y, &wx, &we);
	app_click_at(&w->st, wx, we, &r);
	result(w, &r);
}

/* notches > 0: the wheel turned away from the user (zoom in). */
void gdstep_wheel(struct web *w, double x, double y, double notches)
{
	if (!app_in_plot(&w->st, &w->info.view, x, y) || !(notches != 0) ||
	    !isfinite(notches))
		return;
	struct gd_view v = app_drawn_view(&w->st, &w->info.view);
	struct app_result r = { 0 };
	double wx, we;
	gd_view_from_screen(&v, x, y, &wx, &we);
	app_zoom(&w->st, pow(WHEEL_ZOOM, notches), wx, we, &r);
	result(w, &r);
}

/*
 * The list as floats, WEB_STRIDE per primitive: kind, role, r, g, b, a
 * (a text run's style colour), width, dash, gap, cx, cy, r, first,
 * count, box x, y, w, h, text offset, px, face, align, anchor x, y.
 */
static bool flatten(struct web *w)
{
	const struct app_dlist *dl = &w->dl;
	if (dl->n * WEB_STRIDE > w->flat_cap) {
		float *f = realloc(w->flat,
				   (size_t)dl->n * WEB_STRIDE * sizeof(*f));
		if (!f)
			return false;
		w->flat = f;
		w->flat_cap = dl->n * WEB_STRIDE;
	}
	for (int i = 0; i < dl->n; i++) {
		const struct app_prim *p = &dl->prims[i];
		struct app_rgba c = p->kind == APP_PRIM_TEXT ? p->style.color :
							       p->color;
		float *o = w->flat + i * WEB_STRIDE;
		float v[WEB_STRIDE] = {
			(float)p->kind,
			(float)p->role,
			(float)c.r,
			(float)c.g,
			(float)c.b,
			(float)c.a,
			p->width,
			p->dash,
			p->gap,
			p->cx,
			p->cy,
			p->r,
			(float)p->first,
			(float)p->count,
			p->box.x,
			p->box.y,
			p->box.w,
			p->box.h,
			(float)p->str,
			(float)p->style.px,
			(float)p->style.face,
			(float)p->style.align,
			p->ax,
			p->ay,
		};
		memcpy(o, v, sizeof(v));
	}
	return true;
}

/* Body text smaller than this many CSS pixels is not readable on a
 * phone; the page raises the text size step until it is (at least). */
#define WEB_MIN_TEXT_CSS 12.0

/* The text size step a frame of width × height output pixels (dpr of
 * them to a CSS pixel) needs for its body text to be readable: the
 * user's step, or more. */
static int readable_step(const struct app_state *s, int width, int height,
			 double dpr)
{
	int step = s->text_step;
	for (; step < APP_TEXT_STEP_MAX; step++) {
		struct app_layout l;
		app_layout_compute(&l, width, height, step, 0, 0);
		if (l.text_px >= WEB_MIN_TEXT_CSS * dpr)
			break;
	}
	return step;
}

/*
 * Builds the frame at now_ms on a canvas of width × height pixels, dpr
 * of them to a CSS pixel, and flattens it. Returns the number of
 * primitives (0 when the list could not be flattened); the arrays are
 * read with the getters below until the next frame.
 */
int gdstep_frame(struct web *w, int width, int height, double dpr, double now_ms)
{
	if (width < 1 || height < 1)
		return 0;
	if (!(dpr >= 0.25 && dpr <= 16))
		dpr = 1;
	/* The frame layer reads the state only: a copy with the text step
	 * raised shows it without changing what + and − step from. */
	struct app_state shown = w->st;
	shown.text_step = readable_step(&w->st, width, height, dpr);
	app_frame_build(&w->dl, &w->info, &shown, width, height, now_ms,
			&w->measure);
	return flatten(w) ? w->dl.n : 0;
}

const float *gdstep_flat(const struct web *w)
{
	return w->flat;
}

const float *gdstep_xs(const struct web *w)
{
	return w->dl.xs;
}

const float *gdstep_ys(const struct web *w)
{
	return w->dl.ys;
}

const char *gdstep_chars(const struct web *w)
{
	return w->dl.chars;
}

int gdstep_stride(void)
{
	return WEB_STRIDE;
}
