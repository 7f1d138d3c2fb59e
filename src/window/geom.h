/*
 * Thick, smooth lines and shapes as triangles for SDL_RenderGeometry:
 * every primitive adds vertices to a batch that one call draws. Edges get
 * a one-pixel feather (alpha fading to 0) that stands in for antialiasing
 * on renderers that have none, such as the software one.
 *
 * Coordinates are output pixels as floats; callers pass finite values
 * (the view clamps them), and segments are clipped to the batch's clip
 * rectangle before they become triangles, so a point a million pixels
 * away never reaches the rasteriser.
 */
#ifndef GDSTEP_APP_GEOM_H
#define GDSTEP_APP_GEOM_H

#include <stdbool.h>

#include <SDL.h>

#include "theme.h"

struct app_geom {
	SDL_Vertex *v;
	int *idx;
	int *opaque; /* room for idx's opaque triangles at a flush */
	int nv, ni, cap_v, cap_i;
	bool failed;    /* out of memory: the batch draws what it has */
	SDL_FRect clip; /* segments outside are dropped */
};

/* An empty batch clipping to (x, y, w, h) widened by a margin. */
void app_geom_init(struct app_geom *g);
void app_geom_finish(struct app_geom *g);
void app_geom_set_clip(struct app_geom *g, float x, float y, float w, float h);

/* Draws and empties the batch: its opaque triangles first, unblended
 * (at alpha 255 blending changes nothing but costs a temporary surface
 * per triangle on the software renderer), then the feathered ones,
 * blended. Returns SDL_RenderGeometry's result. */
int app_geom_flush(struct app_geom *g, SDL_Renderer *ren);

/* A polyline of n points (xs[i], ys[i]) with mitred joins; segments
 * leaving the clip rectangle are cut there. */
void app_geom_polyline(struct app_geom *g, const float *xs, const float *ys,
		       int n, float width, struct app_rgba c);

/* One segment. */
void app_geom_line(struct app_geom *g, float x0, float y0, float x1, float y1,
		   float width, struct app_rgba c);

/* A dashed segment: dash and gap lengths in pixels. */
void app_geom_dashed(struct app_geom *g, float x0, float y0, float x1, float y1,
		     float width, float dash, float gap, struct app_rgba c);

/* A filled disc and a ring (circle outline). */
void app_geom_disc(struct app_geom *g, float cx, float cy, float r,
		   struct app_rgba c);
void app_geom_ring(struct app_geom *g, float cx, float cy, float r, float width,
		   struct app_rgba c);

/* A filled axis-aligned rectangle (no feather) and a filled triangle. */
void app_geom_rect(struct app_geom *g, float x, float y, float w, float h,
		   struct app_rgba c);
void app_geom_triangle(struct app_geom *g, float x0, float y0, float x1,
		       float y1, float x2, float y2, struct app_rgba c);

/* An arrow from (x0, y0) to its tip (x1, y1): shaft and head. */
void app_geom_arrow(struct app_geom *g, float x0, float y0, float x1, float y1,
		    float width, struct app_rgba c);

/* Clips the segment to the rectangle (Liang–Barsky); false if nothing
 * of it is inside. */
bool app_clip_segment(const SDL_FRect *r, float *x0, float *y0, float *x1,
		      float *y1);

#endif
