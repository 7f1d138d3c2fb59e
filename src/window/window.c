/*
 * The window: SDL events in, actions out, frames drawn only when
 * something changed. Idle, the loop blocks in SDL_WaitEvent (no CPU while
 * a lecturer talks); while a step animates or the run plays, it wakes on
 * a timeout for the next frame or step.
 *
 * The renderer is chosen on purpose: SDL's software renderer on the
 * window surface maps in about half the time of the OpenGL one under a
 * software GL and uses a seventh of its memory, and draws a full-HD frame
 * in a few milliseconds. The hints are set at default priority, so
 * SDL_RENDER_DRIVER and SDL_FRAMEBUFFER_ACCELERATION in the environment
 * still win.
 */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include <gdstep/csv.h>

#include "actions.h"
#include "window.h"
#include "keymap.h"
#include "keys.h"
#include "pngio.h"
#include "render.h"
#include "gdstep-config.h"

#define WIN_DEFAULT_W 1280
#define WIN_DEFAULT_H 720
/* A press that moves less than this many pixels is a click, not a drag. */
#define CLICK_SLOP 5
/* One wheel notch zooms by this factor. */
#define WHEEL_ZOOM 1.15

struct win {
	struct app_state st;
	struct gd_lesson lesson;
	SDL_Window *window;
	SDL_Renderer *ren;
	struct app_gfx gfx;
	bool echo, redraw;
	bool pressed, dragging;
	double press_x, press_y, last_x, last_y; /* output pixels */
};

static double now_ms(void)
{
	return (double)SDL_GetTicks64();
}

/* Window coordinates to output pixels (they differ on high-DPI). */
static void to_output(struct win *w, int x, int y, double *ox, double *oy)
{
	int ww = 1, wh = 1, ow = 1, oh = 1;
	SDL_GetWindowSize(w->window, &ww, &wh);
	SDL_GetRendererOutputSize(w->ren, &ow, &oh);
	*ox = x * (double)ow / (ww > 0 ? ww : 1);
	*oy = y * (double)oh / (wh > 0 ? wh : 1);
}

/* Writes one of --echo's lines (n bytes of row), flushed; when the
 * reader goes away (`gdstep --echo | head -2`) it says so once and the
 * window goes on without echoing. SIGPIPE is ignored (main.c), so the
 * write fails with EPIPE instead of killing. */
static void echo_line(struct win *w, const char *row, int n)
{
	if (fwrite(row, 1, (size_t)n, stdout) != (size_t)n || fflush(stdout) != 0) {
		fprintf(stderr, "%s\n",
			app_tr(w->st.lang,
			       "gdstep: --echo: the output was closed; the window goes on without echoing"));
		w->echo = false;
	}
}

/* --echo's row for an applied update. */
static void echo_update(struct win *w, const struct gd_update *u, int dim)
{
	char row[GD_CSV_ROW_MAX];
	int n = gd_csv_format(row, sizeof(row), u, dim);
	if (n > 0)
		echo_line(w, row, n);
}

/* --echo's header, for the run's weights and optimizer. */
static void echo_header(struct win *w)
{
	const struct gd_run *run = app_state_run(&w->st);
	char head[GD_CSV_ROW_MAX];
	if (gd_csv_header(head, sizeof(head), run->dim, run->opt.kind) > 0) {
		printf("%s\n", head);
		fflush(stdout);
	}
}

/* --echo's line for a revealed guess (G): guess,STEP,GUESSED_W,ACTUAL_W,
 * with two weights guess,STEP,GUESSED_W1,GUESSED_W2,ACTUAL_W1,ACTUAL_W2,
 * numbers as the CSV rows write them, flushed at once. */
static void echo_guess(struct win *w, const struct app_guess *g)
{
	char row[256];
	int n = app_guess_format(row, sizeof(row), g);
	if (n > 0 && (size_t)n < sizeof(row))
		echo_line(w, row, n);
}

/* A free name for a picture taken at t in dir: gdstep-YYYYMMDD-HHMMSS.png,
 * or with -2, -3 … when a picture of the same second is there already.
 * False when 99 are. */
static bool free_name(char *path, size_t size, const char *dir, time_t t)
{
	char stem[64];
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(stem, sizeof(stem), "gdstep-%Y%m%d-%H%M%S", &tm);
	for (int k = 1; k < 100; k++) {
		if (k == 1)
			snprintf(path, size, "%s%s%s.png", dir, *dir ? "/" : "",
				 stem);
		else
			snprintf(path, size, "%s%s%s-%d.png", dir,
				 *dir ? "/" : "", stem, k);
		if (access(path, F_OK) != 0 && errno == ENOENT)
			return true;
	}
	return false;
}

/* Writes surface s as a new picture taken at t in dir (free_name): 0,
 * with its path in path, or a negative errno (nothing left behind). */
static int write_new(char *path, size_t size, const char *dir, time_t t,
		     SDL_Surface *s)
{
	if (!free_name(path, size, dir, t))
		return -EEXIST;
	int err = app_png_write(path, s);
	if (err < 0)
		unlink(path); /* a partial picture is no picture */
	return err;
}

/* S: the frame as it is on screen, as a new PNG (free_name) in the
 * current directory, or in $HOME when it cannot be written there. A
 * notice in the window says where it went, or why it went nowhere
 * (naming both places); the path goes to stdout (or stderr beside
 * --echo's CSV), an error to stderr. */
static void save_png(struct win *w)
{
	int ow, oh;
	char path[4200], msg[APP_NOTICE_MAX];
	double now = now_ms();
	if (SDL_GetRendererOutputSize(w->ren, &ow, &oh) != 0)
		return;
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, ow, oh, 32,
							SDL_PIXELFORMAT_ARGB8888);
	if (!s) {
		app_notice(&w->st, now, SDL_GetError());
		w->redraw = true;
		return;
	}
	/* The picture shows the lesson, not an earlier picture's notice. */
	w->st.notice_until = 0;
	app_draw(&w->gfx, &w->st, now);
	time_t t = time(NULL);
	const char *home = getenv("HOME");
	int err = -EIO, home_err = -ENOENT;
	if (SDL_RenderReadPixels(w->ren, NULL, SDL_PIXELFORMAT_ARGB8888,
				 s->pixels, s->pitch) != 0) {
		snprintf(msg, sizeof(msg), "%s", SDL_GetError());
	} else if ((err = write_new(path, sizeof(path), "", t, s)) == 0 ||
		   (home && *home &&
		    (home_err = write_new(path, sizeof(path), home, t, s)) == 0)) {
		err = 0;
		snprintf(msg, sizeof(msg), app_tr(w->st.lang, "Saved %s"), path);
		/* stdout is --echo's CSV stream; the path goes beside it. */
		if (w->echo) {
			fprintf(stderr, "gdstep: saved %s\n", path);
		} else {
			printf("%s\n", path);
			fflush(stdout);
		}
	} else {
		snprintf(msg, sizeof(msg),
			 app_tr(w->st.lang,
				"Picture not saved: not in the current directory (%s), nor in $HOME (%s)"),
			 strerror(-err),
			 home && *home ? strerror(-home_err) :
					 app_tr(w->st.lang, "not set"));
	}
	if (err != 0)
		fprintf(stderr, "gdstep: %s\n", msg);
	app_notice(&w->st, now, msg);
	w->redraw = true;
	SDL_FreeSurface(s);
}

static void handle_result(struct win *w, const struct app_result *r)
{
	if (r->fx & APP_FX_REDRAW)
		w->redraw = true;
	if ((r->fx & APP_FX_STEPPED) && w->echo)
		echo_update(w, &r->update, app_state_run(&w->st)->dim);
	if ((r->fx & APP_FX_GUESSED) && w->echo)
		echo_guess(w, &r->guess);
	if (r->fx & APP_FX_FULLSCREEN)
		SDL_SetWindowFullscreen(
			w->window,
			w->st.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
	if (r->fx & APP_FX_LANG)
		app_gfx_invalidate(&w->gfx);
	if (r->fx & APP_FX_SAVE)
		save_png(w);
}

/* Text input (SDL_TEXTINPUT) is on only while the entry is open, so no
 * other key starts an input method or sends text. */
static void text_input_follow(const struct win *w)
{
	bool on = SDL_IsTextInputActive() == SDL_TRUE;
	if (w->st.entry.open && !on)
		SDL_StartTextInput();
	else if (!w->st.entry.open && on)
		SDL_StopTextInput();
}

static void on_key(struct win *w, const SDL_KeyboardEvent *k)
{
	unsigned key = app_key_from_sdl(k->keysym.sym);
	unsigned mod = app_key_mods((SDL_Keymod)k->keysym.mod);
	struct app_result r;
	/* The open entry takes every key: Esc closes it, never the window
	 * or full screen. */
	if (w->st.entry.open) {
		int dim = app_state_run(&w->st)->dim;
		app_entry_key(&w->st, key, mod, &r);
		handle_result(w, &r);
		text_input_follow(w);
		/* A formula of the other number of weights: --echo's rows
		 * have other columns from here on, under a header of theirs. */
		if (w->echo && app_state_run(&w->st)->dim != dim)
			echo_header(w);
		return;
	}
	enum app_action a = app_key_action(key, mod);
	if (a == APP_ACT_NONE)
		return;
	bool dark = w->st.dark;
	app_apply(&w->st, a, now_ms(), &r);
	if (dark != w->st.dark)
		app_gfx_invalidate(&w->gfx);
	handle_result(w, &r);
	text_input_follow(w);
}

static void on_text(struct win *w, const SDL_TextInputEvent *t)
{
	struct app_result r;
	app_entry_text(&w->st, t->text, &r);
	handle_result(w, &r);
}

static void on_mouse(struct win *w, const SDL_Event *ev)
{
	struct app_result r = { 0 };
	struct gd_view v = app_drawn_view(&w->st, &w->gfx.info.view);
	double x, y;
	switch (ev->type) {
	case SDL_MOUSEBUTTONDOWN:
		if (ev->button.button != SDL_BUTTON_LEFT)
			return;
		to_output(w, ev->button.x, ev->button.y, &x, &y);
		w->pressed = app_in_plot(&w->st, &w->gfx.info.view, x, y);
		w->dragging = false;
		w->press_x = w->last_x = x;
		w->press_y = w->last_y = y;
		return;
	case SDL_MOUSEMOTION:
		if (!w->pressed)
			return;
		to_output(w, ev->motion.x, ev->motion.y, &x, &y);
		if (fabs(x - w->press_x) + fabs(y - w->press_y) > CLICK_SLOP)
			w->dragging = true;
		if (w->dragging)
			app_pan(&w->st, x - w->last_x, y - w->last_y, v.width,
				v.height, &r);
		w->last_x = x, w->last_y = y;
		break;
	case SDL_MOUSEBUTTONUP:
		if (ev->button.button != SDL_BUTTON_LEFT || !w->pressed)
			return;
		w->pressed = false;
		if (!w->dragging) {
			double wx, we;
			gd_view_from_screen(&v, w->press_x, w->press_y, &wx, &we);
			app_click_at(&w->st, wx, we, &r);
		}
		break;
	case SDL_MOUSEWHEEL: {
		int mx, my;
		SDL_GetMouseState(&mx, &my);
		to_output(w, mx, my, &x, &y);
		if (!app_in_plot(&w->st, &w->gfx.info.view, x, y) ||
		    ev->wheel.y == 0)
			return;
		double wx, we;
		gd_view_from_screen(&v, x, y, &wx, &we);
		app_zoom(&w->st, pow(WHEEL_ZOOM, ev->wheel.y), wx, we, &r);
		break;
	}
	default:
		return;
	}
	handle_result(w, &r);
}

static void on_event(struct win *w, const SDL_Event *ev)
{
	switch (ev->type) {
	case SDL_QUIT:
		w->st.quit = true;
		break;
	case SDL_KEYDOWN:
		on_key(w, &ev->key);
		break;
	case SDL_TEXTINPUT:
		on_text(w, &ev->text);
		break;
	case SDL_WINDOWEVENT:
		/* Shown, exposed, resized: drawn whole, not over what the
		 * surface may no longer hold. */
		app_gfx_damage(&w->gfx);
		w->redraw = true;
		break;
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET:
		app_gfx_invalidate(&w->gfx);
		w->redraw = true;
		break;
	default:
		on_mouse(w, ev);
		break;
	}
}

static void set_icon(SDL_Window *window);

static void loop(struct win *w)
{
	bool first = true;
	w->redraw = true;
	while (!w->st.quit) {
		struct app_result r;
		double wait;
		app_tick(&w->st, now_ms(), &r, &wait);
		handle_result(w, &r);
		if (w->redraw) {
			app_draw(&w->gfx, &w->st, now_ms());
			SDL_RenderPresent(w->ren);
			w->redraw = false;
		}
		/* The icon once the first frame is up: decoding it and
		 * sending it took about 1 ms before anything was shown. */
		if (first)
			set_icon(w->window);
		first = false;
		SDL_Event ev;
		int got = wait < 0 ? SDL_WaitEvent(&ev) :
				     SDL_WaitEventTimeout(&ev, (int)ceil(wait));
		if (!got)
			continue;
		on_event(w, &ev);
		while (!w->st.quit && SDL_PollEvent(&ev))
			on_event(w, &ev);
	}
}

/* The window's icon, embedded in the program (pngio.h); having none is
 * not an error. */
static void set_icon(SDL_Window *window)
{
	SDL_Surface *icon = app_png_icon();
	if (icon) {
		SDL_SetWindowIcon(window, icon);
		SDL_FreeSurface(icon);
	}
}

/* Whether SDL fell back to a video driver that shows nothing when the
 * user did not name it in SDL_VIDEODRIVER. */
static bool invisible_driver(void)
{
	const char *drv = SDL_GetCurrentVideoDriver();
	const char *asked = SDL_getenv("SDL_VIDEODRIVER");
	if (!drv || (strcmp(drv, "offscreen") != 0 && strcmp(drv, "dummy") != 0))
		return false;
	return !asked || !strstr(asked, drv);
}

/*
 * SDL_Init(SDL_INIT_VIDEO), refusing SDL's invisible drivers: SDL tries
 * the X11 driver first and, when XOpenDisplay fails, silently takes the
 * "offscreen" one, which opens no window. A display that is set but
 * refused a connection (a server busy or resetting as its last client
 * leaves) is tried again for about half a second before giving up.
 * Returns 0, or -1 with one line printed.
 */
static int init_video(enum app_lang lang)
{
	/* The X11 window class the desktop file names (StartupWMClass),
	 * whichever program runs the window; SDL's default is the running
	 * program's name. The user's own setting stands. */
	setenv("SDL_VIDEO_X11_WMCLASS", "gdstep", 0);
	const char *display = getenv("DISPLAY");
	int tries = display && *display ? 6 : 1;
	for (int i = 0; i < tries; i++) {
		if (i > 0)
			SDL_Delay(100);
		if (SDL_Init(SDL_INIT_VIDEO) != 0) {
			fprintf(stderr, "gdstep: %s: %s\n",
				app_tr(lang,
				       "cannot open a window (is there a display? --screenshot needs none)"),
				SDL_GetError());
			return -1;
		}
		if (!invisible_driver())
			return 0;
		SDL_QuitSubSystem(SDL_INIT_VIDEO);
	}
	fprintf(stderr, "gdstep: %s\n",
		app_tr(lang,
		       "no display found (DISPLAY is unset or cannot be opened); use --screenshot FILE or --trace"));
	SDL_Quit();
	return -1;
}

static int open_window(struct win *w, const struct gd_options *opts)
{
	SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software",
				SDL_HINT_DEFAULT);
	SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0",
				SDL_HINT_DEFAULT);
	if (init_video(opts->ui_lang) < 0)
		return -1;
	Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
	if (opts->fullscreen)
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
	char title[600];
	snprintf(title, sizeof(title), "gdstep — %s", w->lesson.title);
	w->window = SDL_CreateWindow(
		w->lesson.title[0] ? title : "gdstep", SDL_WINDOWPOS_CENTERED,
		SDL_WINDOWPOS_CENTERED,
		opts->has_size ? opts->width : WIN_DEFAULT_W,
		opts->has_size ? opts->height : WIN_DEFAULT_H, flags);
	if (!w->window)
		goto err_sdl;
	SDL_SetWindowMinimumSize(w->window, 160, 120);
	w->ren = SDL_CreateRenderer(w->window, -1, 0);
	if (!w->ren)
		goto err_window;
	SDL_StopTextInput(); /* on by default; the entry turns it on */
	return 0;
err_window:
	fprintf(stderr, "gdstep: %s\n", SDL_GetError());
	SDL_DestroyWindow(w->window);
	SDL_Quit();
	return -1;
err_sdl:
	fprintf(stderr, "gdstep: %s\n", SDL_GetError());
	SDL_Quit();
	return -1;
}

int app_window(const struct gd_options *opts)
{
	struct win *w = calloc(1, sizeof(*w));
	if (!w)
		return 1;
	int start, rc = app_load_lesson(opts, &w->lesson, &start);
	if (rc)
		goto out_free;
	if ((rc = app_check_fonts(opts->ui_lang)) != 0)
		goto out_lesson;
	rc = 1;
	if (app_state_init(&w->st, &w->lesson, start) < 0) {
		app_message(strerror(ENOMEM));
		goto out_lesson;
	}
	w->st.lang = opts->ui_lang;
	w->st.fullscreen = opts->fullscreen;
	w->echo = opts->echo;
	if (open_window(w, opts) < 0)
		goto out_state;
	char err[512];
	if (app_gfx_init(&w->gfx, w->ren, opts->ui_lang, err, sizeof(err)) < 0) {
		app_message(err);
		rc = 2;
		goto out_sdl;
	}
	/* The glyphs the last run rendered, so the first frame finds them
	 * instead of rendering them again (glyphcache.h); without a cache
	 * directory, or memory for it, they are rendered as before. */
	char cache[4096];
	if (app_gcache_path(cache, sizeof(cache)) == 0)
		(void)app_text_cache_open(&w->gfx.text, cache);
	if (w->echo)
		echo_header(w);
	loop(w);
	rc = 0;
	app_gfx_finish(&w->gfx);
out_sdl:
	SDL_DestroyRenderer(w->ren);
	SDL_DestroyWindow(w->window);
	SDL_Quit();
out_state:
	app_state_finish(&w->st);
out_lesson:
	gd_lesson_finish(&w->lesson);
out_free:
	free(w);
	return rc;
}
