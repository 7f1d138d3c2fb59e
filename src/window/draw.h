/*
 * Drawing one frame of the app's state with an SDL renderer, at the
 * renderer's output size (so high-DPI windows are drawn at full
 * resolution). The same code draws the window, --screenshot's offscreen
 * surface and the render tests' surfaces.
 */
#ifndef GDSTEP_APP_DRAW_H
#define GDSTEP_APP_DRAW_H

#include <stdbool.h>

#include <SDL.h>

#include "actions.h"
#include "geom.h"
#include "layout.h"
#include "text.h"

/* Where the last frame put things, in output pixels, for tests and for
 * mapping clicks. */
struct app_frame {
	bool has_point, has_arrow, has_tangent;
	float point_x, point_y;  /* the current point's centre */
	float point_r;           /* its radius */
	float tip_x, axis_y;     /* the arrow's tip, and the row it runs on */
	float tan_x0, tan_y0, tan_x1, tan_y1; /* the tangent's ends */
	bool fell;               /* the arrow's colour: E fell */
};

/* The step on screen (the pending one, or the one animating) and where
 * the point is drawn. */
struct app_shown {
	bool has_step; /* false: diverged, no step to show */
	bool growing;  /* a step animating */
	struct gd_update u;
	double w, E;   /* the point */
	double tip_w;  /* the arrow's tip */
};

struct app_shown app_shown_step(const struct app_state *s, double now_ms);

struct app_gfx {
	SDL_Renderer *ren; /* borrowed */
	struct app_text text;
	struct app_geom geom;
	struct app_layout lay; /* of the last frame */
	struct app_frame frame;
	struct gd_view view_drawn; /* the view of the last frame */
	int text_px;           /* body size the text cache holds */
};

/*
 * Finds the fonts and sets up drawing on ren. Returns 0, or -ENOENT with
 * one line (no program name) in err when no usable fonts are found.
 */
int app_gfx_init(struct app_gfx *g, SDL_Renderer *ren, char *err,
		 size_t err_size);

/* Frees what app_gfx_init made; accepts NULL and a zeroed struct. */
void app_gfx_finish(struct app_gfx *g);

/* Drops cached text (after a language or theme change). */
void app_gfx_invalidate(struct app_gfx *g);

/*
 * Draws the whole frame of s at time now_ms (for the animation) and sets
 * s->view's pixel rectangle to the plot area. Does not present.
 */
void app_draw(struct app_gfx *g, struct app_state *s, double now_ms);

/* Draws the plot area (grid, axes, curve, trail, tangent, arrow, points):
 * part of app_draw. */
void app_draw_plot(struct app_gfx *g, const struct app_state *s,
		   double now_ms);

/* Draws the header, panel, inset, caption and help overlay: the rest of
 * app_draw. */
void app_draw_text_parts(struct app_gfx *g, const struct app_state *s,
			 double now_ms);

/* Lines of status and update text the panel will hold for s (for the
 * layout). */
int app_panel_count(const struct app_state *s, double now_ms);

/* The caption of the current scene in the current language, or "". */
const char *app_caption_text(const struct app_state *s);

/* Breaks text into lines of at most width pixels (at size px), at spaces,
 * or anywhere in a word too long for a line; '\n' always breaks. Calls
 * fn(ctx, line) for each line and returns the number of lines. */
int app_wrap(struct app_text *t, const char *text, int px, enum app_face face,
	     int width, void (*fn)(void *ctx, const char *line), void *ctx);

#endif
