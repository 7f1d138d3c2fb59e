/*
 * The view layer of render.c: the opening primitives of a display list
 * that change only with the view (the background, grid, axes, tick
 * labels, axis names, the plot's clip, the curve, and on a map of two
 * weights the contour bands, lines and labels), kept as a texture
 * with a copy of the primitives, points and text it was drawn from, so
 * the next frame can tell whether the texture still shows them.
 *
 * Memory: the texture (output width × height × 4 bytes) and the copy,
 * which grows to the largest prefix seen; when a copy cannot grow the
 * layer is not kept and frames are drawn in full.
 */
#ifndef GDSTEP_WINDOW_LAYER_H
#define GDSTEP_WINDOW_LAYER_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "dlist.h"

struct app_layer {
	SDL_Texture *tex; /* made with the renderer that draws into it */
	int w, h;         /* the texture's size in pixels */
	bool valid;       /* the copy below holds a prefix */
	bool shown;       /* tex shows that prefix, at w × h */
	long builds;      /* times a prefix was drawn into tex */
	long keeps;       /* times a copy was kept: names the copy held */
	struct app_prim *prims;
	int n, cap;
	float *xs, *ys;
	int npts, cap_pts;
	char *chars;
	size_t nchars, cap_chars;
};

/* Frees the texture and the copy; accepts NULL and a zeroed struct,
 * and leaves a zeroed struct. */
void app_layer_finish(struct app_layer *l);

/*
 * The number of opening primitives of dl that belong to the view layer:
 * 0 when the list does not open with an opaque background fill followed
 * by at least one such primitive (a blank screen, an empty list).
 */
int app_layer_prefix(const struct app_dlist *dl);

/* Whether l holds a copy of exactly prims [from, to) of dl, with their
 * points and text (wherever in dl those are). */
bool app_layer_same_range(const struct app_layer *l, const struct app_dlist *dl,
			  int from, int to);

/* Whether prims at, at + 1, … of l's copy are prims [from, to) of dl,
 * with their points and text. */
bool app_layer_same_part(const struct app_layer *l, int at,
			 const struct app_dlist *dl, int from, int to);

/* Keeps a copy of prims [from, to) of dl; sets and returns l->valid
 * (false when out of memory). */
bool app_layer_keep_range(struct app_layer *l, const struct app_dlist *dl,
			  int from, int to);

/* Whether l holds a copy of exactly the first k primitives of dl, with
 * their points and text. */
bool app_layer_same(const struct app_layer *l, const struct app_dlist *dl, int k);

/* Keeps a copy of the first k primitives of dl as what tex shows; sets
 * and returns l->valid (false when out of memory). */
bool app_layer_keep(struct app_layer *l, const struct app_dlist *dl, int k);

#endif
