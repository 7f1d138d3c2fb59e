/*
 * Frame time: the real drawing code, linked in, on SDL's software
 * renderer into an offscreen surface, every frame of a run of animated
 * steps (wells, β = 0.9; and at 1920×1080 again with 4 runs side by
 * side), median and 95th percentile; beside it the
 * floor, a clear and present of the same surface with the same renderer,
 * as many times. Start-up and memory are measured on the real program
 * from outside (bench_x11.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>

#include "actions.h"
#include "render.h"
#include "lang.h"

#include "bench.h"

enum { FRAME_STEPS = 40, FRAMES_PER_STEP = 16 };

/* The one call into the drawing code: the frame of s at now_ms. */
static void draw_frame(struct app_gfx *g, struct app_state *s, double now_ms)
{
	app_draw(g, s, now_ms);
}

/* Draws FRAME_STEPS animated steps at 60 frames a second of animation
 * time; t[] gets each frame's draw time in seconds. */
static int frame_times(SDL_Renderer *ren, struct app_gfx *g,
		       struct app_state *s, double *t)
{
	int n = 0;
	double clock = 0;
	for (int k = 0; k < FRAME_STEPS; k++) {
		struct app_result r;
		app_apply(s, APP_ACT_NEXT, clock, &r);
		for (int f = 0; f < FRAMES_PER_STEP; f++) {
			double t0 = bench_now();
			draw_frame(g, s, clock);
			SDL_RenderPresent(ren);
			t[n++] = bench_now() - t0;
			clock += APP_ANIM_MS / (FRAMES_PER_STEP - 1);
		}
	}
	return n;
}

/* The floor: n frames that only clear and present. */
static void floor_times(SDL_Renderer *ren, double *t, int n)
{
	for (int k = 0; k < n; k++) {
		double t0 = bench_now();
		SDL_SetRenderDrawColor(ren, 250, 250, 245, 255);
		SDL_RenderClear(ren);
		SDL_RenderPresent(ren);
		t[k] = bench_now() - t0;
	}
}

/* runs > 1: that many runs side by side on the same wells (plain descent,
 * Adam, RMSProp beside momentum), each with its trail. */
static void frames_at(int w, int h, int runs)
{
	static struct gd_scene scene;
	struct gd_lesson lesson = { .count = 1, .scenes = &scene };
	gd_curve_default(&scene.curve, GD_CURVE_WELLS);
	scene.w0[0] = 1.8;
	gd_optim_default(&scene.opt, GD_OPTIMIZER_GD, 0.02);
	scene.opt.hyper[GD_HYPER_MOMENTUM] = 0.9;
	scene.steps = GD_SCENE_UNPLANNED;
	scene.nruns = runs;
	gd_optim_default(&scene.also[0], GD_OPTIMIZER_GD, 0.02);
	gd_optim_default(&scene.also[1], GD_OPTIMIZER_ADAM, 0.1);
	gd_optim_default(&scene.also[2], GD_OPTIMIZER_RMSPROP, 0.02);
	snprintf(scene.title, sizeof(scene.title), "Momentum");
	snprintf(scene.caption, sizeof(scene.caption),
		 "Momentum carries the ball over the hump into the global minimum.");
	struct app_state *s = calloc(1, sizeof(*s));
	struct app_gfx *g = calloc(1, sizeof(*g));
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
		0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
	char err[512];
	if (!s || !g || !ren ||
	    app_gfx_init(g, ren, APP_LANG_EN, err, sizeof(err)) < 0) {
		printf("frames: cannot set up (%s)\n", ren ? err : SDL_GetError());
		goto out;
	}
	g->surface = surf; /* as --screenshot draws */
	if (app_state_init(s, &lesson, 0) < 0)
		goto out;
	static double t[FRAME_STEPS * FRAMES_PER_STEP];
	static double fl[FRAME_STEPS * FRAMES_PER_STEP];
	int n = frame_times(ren, g, s, t);
	floor_times(ren, fl, n);
	double med = bench_median(t, n), fl_med = bench_median(fl, n);
	printf("frame%s %dx%d gdstep_ms=%.2f floor_ms=%.2f ratio=%.2f gdstep_p95_ms=%.2f frames=%d updated=%ld\n",
	       runs > 1 ? "-4runs" : "", w, h, med * 1e3, fl_med * 1e3,
	       med / fl_med, t[n * 95 / 100] * 1e3, n, g->screen.reused);
out:
	app_gfx_finish(g);
	if (ren)
		SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	free(g);
	app_state_finish(s);
	free(s);
}

/* Zooms about the map's centre and draws, n times: t[] gets the draw
 * times, each recomputing the contour map. */
static int zoom_times(SDL_Renderer *ren, struct app_gfx *g, struct app_state *s,
		      double *t, int n)
{
	for (int k = 0; k < n; k++) {
		struct app_result r;
		app_zoom(s, k % 2 ? 1 / 1.1 : 1.1,
			 0.5 * (s->view.wmin + s->view.wmax),
			 0.5 * (s->view.emin + s->view.emax), &r);
		double t0 = bench_now();
		draw_frame(g, s, 1e9);
		SDL_RenderPresent(ren);
		t[k] = bench_now() - t0;
	}
	return n;
}

/* The frames of a run on a curve of two weights (the contour view) at
 * w × h (runs > 1: that many side by side: momentum, plain descent,
 * Adam, RMSProp), and, for one run, frames that recompute the map after
 * a zoom. */
static void frames_contour(int w, int h, enum gd_curve_kind kind, int runs)
{
	static struct gd_scene scene;
	struct gd_lesson lesson = { .count = 1, .scenes = &scene };
	const struct gd_curve_spec *cs = gd_curve_spec(kind);
	bool two = cs->dim == 2;
	gd_curve_default(&scene.curve, kind);
	memcpy(scene.w0, cs->w0, sizeof(scene.w0));
	gd_optim_default(&scene.opt, GD_OPTIMIZER_GD, cs->rate);
	scene.opt.hyper[GD_HYPER_MOMENTUM] = 0.9;
	scene.nruns = runs;
	gd_optim_default(&scene.also[0], GD_OPTIMIZER_GD, cs->rate);
	gd_optim_default(&scene.also[1], GD_OPTIMIZER_ADAM, 0.1);
	gd_optim_default(&scene.also[2], GD_OPTIMIZER_RMSPROP, 0.02);
	scene.steps = GD_SCENE_UNPLANNED;
	snprintf(scene.title, sizeof(scene.title), "Momentum");
	snprintf(scene.caption, sizeof(scene.caption),
		 "Momentum carries the ball over the hump into the global minimum.");
	struct app_state *s = calloc(1, sizeof(*s));
	struct app_gfx *g = calloc(1, sizeof(*g));
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
		0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
	char err[512];
	if (!s || !g || !ren ||
	    app_gfx_init(g, ren, APP_LANG_EN, err, sizeof(err)) < 0) {
		printf("frames: cannot set up (%s)\n", ren ? err : SDL_GetError());
		goto out;
	}
	g->surface = surf; /* as --screenshot draws */
	if (app_state_init(s, &lesson, 0) < 0)
		goto out;
	static double t[FRAME_STEPS * FRAMES_PER_STEP];
	static double fl[FRAME_STEPS * FRAMES_PER_STEP];
	int n = frame_times(ren, g, s, t);
	floor_times(ren, fl, n);
	double med = bench_median(t, n), fl_med = bench_median(fl, n);
	printf("frame%s%s %dx%d gdstep_ms=%.2f floor_ms=%.2f ratio=%.2f gdstep_p95_ms=%.2f frames=%d updated=%ld\n",
	       two ? "-contour" : "", runs > 1 ? "-4runs" : "", w, h, med * 1e3,
	       fl_med * 1e3, med / fl_med, t[n * 95 / 100] * 1e3, n,
	       g->screen.reused);
	if (two && runs == 1) {
		int z = zoom_times(ren, g, s, t, 40);
		printf("contour-zoom %dx%d frame_with_recompute_ms=%.2f p95_ms=%.2f zooms=%d\n",
		       w, h, bench_median(t, z) * 1e3, t[z * 95 / 100] * 1e3, z);
	}
out:
	app_gfx_finish(g);
	if (ren)
		SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	free(g);
	app_state_finish(s);
	free(s);
}

void bench_frames(void)
{
	app_lang_setup();
	/* app_lang_setup sets LANGUAGE for gettext; the programs the
	 * benchmark starts later get the environment it was given. */
	app_lang_restore_env();
	frames_at(1920, 1080, 1);
	frames_at(1920, 1080, 4);
	frames_at(1280, 720, 1);
	frames_at(3840, 2160, 1);
	frames_contour(1920, 1080, GD_CURVE_BOWL2, 1);
	frames_contour(1920, 1080, GD_CURVE_BOWL2, 4);
}
