/*
 * --screenshot FILE: the view after --steps updates, drawn by SDL's
 * software renderer into a surface and written as a PNG. No video
 * subsystem is initialised, so no display is needed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "actions.h"
#include "window.h"
#include "pngio.h"
#include "render.h"

#define SHOT_DEFAULT_W 1280
#define SHOT_DEFAULT_H 720

static int render(const struct gd_options *opts, struct app_state *s,
		  SDL_Surface *surf)
{
	char err[512];
	SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
	if (!ren) {
		fprintf(stderr, "gdstep: %s\n", SDL_GetError());
		return 1;
	}
	struct app_gfx *g = calloc(1, sizeof(*g));
	int rc = 0;
	if (!g || app_gfx_init(g, ren, opts->ui_lang, err, sizeof(err)) < 0) {
		app_message(g ? err : "out of memory");
		rc = 2;
		goto out;
	}
	g->surface = surf;
	app_draw(g, s, 0);
	SDL_RenderPresent(ren);
	int werr = app_png_write(opts->screenshot, surf);
	if (werr < 0) {
		fprintf(stderr, "gdstep: %s: %s\n", opts->screenshot,
			strerror(-werr));
		rc = 1;
	}
out:
	app_gfx_finish(g);
	free(g);
	SDL_DestroyRenderer(ren);
	return rc;
}

int app_screenshot(const struct gd_options *opts)
{
	struct gd_lesson lesson;
	int start, rc = app_load_lesson(opts, &lesson, &start);
	if (rc)
		return rc;
	if ((rc = app_check_fonts(opts->ui_lang)) != 0)
		goto out_lesson;
	struct app_state *s = malloc(sizeof(*s));
	if (!s) {
		rc = 1;
		goto out_lesson;
	}
	if (app_state_init(s, &lesson, start) < 0) {
		free(s);
		rc = 1;
		goto out_lesson;
	}
	s->lang = opts->ui_lang;
	app_take_steps(s, opts->has_steps ? opts->steps : 0);
	int w = opts->has_size ? opts->width : SHOT_DEFAULT_W;
	int h = opts->has_size ? opts->height : SHOT_DEFAULT_H;
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
		0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!surf) {
		fprintf(stderr, "gdstep: %s\n", SDL_GetError());
		rc = 1;
		goto out_state;
	}
	rc = render(opts, s, surf);
	SDL_FreeSurface(surf);
out_state:
	app_state_finish(s);
	free(s);
out_lesson:
	gd_lesson_finish(&lesson);
	return rc;
}
