/*
 * The SDL screen of display lists (src/ui/dlist.h): a frame is built by
 * the SDL-free frame builder at the renderer's output size (so high-DPI
 * windows are drawn at full resolution), with text measured by this
 * screen's fonts, then rendered here: shapes through the span rasteriser
 * (raster.h), opaque rectangles with SDL_RenderFillRect, text from the
 * texture cache (text.h). The window, --screenshot, the render tests and
 * the benchmark draw through it.
 */
#ifndef GDSTEP_WINDOW_RENDER_H
#define GDSTEP_WINDOW_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "actions.h"
#include "dlist.h"
#include "frame.h"
#include "layer.h"
#include "raster.h"
#include "text.h"

/* Clips nested deeper than this are cut to the innermost kept one. */
#define APP_RENDER_CLIP_DEPTH 16

/* What follows the plot is kept only when it draws in at most this many
 * rectangles outside any clip. */
#define APP_RENDER_CHROME_REGIONS 16

/* A frame is drawn over the last one only when the prims after its
 * view layer that draw are at most this many (render.c, list_items):
 * enough for four runs' trails of 400 points. */
#define APP_RENDER_ITEMS 4096

/* Prim at of a list, drawing only in r, with clip in force (if
 * clipped; else the output). */
struct app_item {
	int at;
	bool clipped;
	SDL_Rect r, clip;
};

/* The side of the squares the screen's damage is counted in, pixels. */
#define APP_RENDER_TILE 32

/*
 * What the renderer's own output holds after the last frame, when it
 * keeps its pixels from one frame to the next: SDL's software renderer
 * draws straight into the window's surface (or the surface it was made
 * for), which nothing else writes. A frame whose view layer is the one
 * on screen then puts back, from the layer, only the squares where the
 * prims after the layer changed, and draws those prims again there.
 */
struct app_screen {
	bool valid;       /* the fields below describe the output */
	int w, h;         /* its size */
	long layer_keeps; /* the view layer's copy it shows (layer.keeps) */
	int nitems;       /* the prims after the layer, as indices into
			     the copy app_gfx.last */
	struct app_item *items; /* APP_RENDER_ITEMS of them, made when
				   first kept (untouched pages are free) */
	int tw, th;             /* squares across and down */
	uint8_t *marked;        /* per square: to put back this frame */
	size_t cap;             /* squares in marked */
	SDL_Rect *runs; /* the rectangles of squares put back this frame */
	int *row_runs;  /* those whose top row is ty: from row_runs[ty]
			     to [ty + 1] */
	int *open;      /* restore_squares' two rows of rectangles */
	int cap_rows;   /* ints in row_runs */
	int cap_open;   /* ints in open */
	int tall;       /* the most rows a rectangle spans */
	int nruns, cap_runs;
	long frames, reused; /* frames drawn, of which from the last */
};

struct app_gfx {
	SDL_Renderer *ren; /* borrowed */
	struct app_text text;
	struct app_raster raster;
	SDL_FRect cut;   /* dashes are cut to this */
	SDL_Rect *rects; /* a shape's spans, grouped by alpha */
	int cap_rects;
	struct app_dlist dl;        /* the last frame's list */
	struct app_frame_info info; /* where the last frame put things */
	int text_px;                /* body size the text cache holds */
	struct app_layer layer;     /* the view layer (layer.h) */
	struct app_layer chrome;    /* what follows the plot, over the layer */
	long chrome_base;           /* layer.builds when chrome was kept */
	struct app_screen screen;   /* the output as the last frame left it */
	struct app_layer last;      /* its prims after the view layer */
	struct parts *parts;        /* render.c's, for one frame */
	bool full_frames;           /* never start from the last frame */
	bool one_pass;              /* for tests: no shape traced in bands */
	long bands;                 /* shapes traced in bands, for tests */
	SDL_Surface *surface; /* what ren draws into, when it is a software
				 renderer made on a surface (NULL: the
				 window's, or none) */
	SDL_Surface *direct;  /* this frame's output, when shapes are
				 blended into it here (fill_spans) */
	void *mapped;         /* the output's pixels that populate() mapped */
	size_t mapped_len;
};

/*
 * Finds the fonts and sets up drawing on ren. Returns 0, or -ENOENT with
 * one line (no program name) in err when no usable fonts are found.
 */
int app_gfx_init(struct app_gfx *g, SDL_Renderer *ren, enum app_lang lang,
		 char *err, size_t err_size);

/* Frees what app_gfx_init made; accepts NULL and a zeroed struct. */
void app_gfx_finish(struct app_gfx *g);

/* Drops cached text and the view layer (after a language or theme
 * change), and what the output holds. */
void app_gfx_invalidate(struct app_gfx *g);

/* Forgets what the output holds, so the next frame is drawn whole (the
 * window was exposed, resized or its surface made anew). */
void app_gfx_damage(struct app_gfx *g);

/* A text measurer over g's fonts, valid while g is. */
struct app_measure app_gfx_measure(struct app_gfx *g);

/* Renders a display list on g's renderer, in order. Does not present. */
void app_render(struct app_gfx *g, const struct app_dlist *dl);

/*
 * Builds the frame of s at time now_ms at the renderer's output size
 * into g->dl and g->info, and renders it. Does not present; s is not
 * changed.
 */
void app_draw(struct app_gfx *g, const struct app_state *s, double now_ms);

#endif
