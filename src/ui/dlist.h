/*
 * A display list: what one frame shows, as primitives in output pixels
 * (floats, y down), in drawing order. The frame builder (frame.h) fills
 * it from the app's state; a screen only renders it (the SDL window's
 * src/window/render.c), and tests read it: which label went where, how
 * long the arrow is, what numbers the text shows.
 *
 * Every primitive has a role, so a test or a renderer can find "the
 * current point" or "the tangent" without knowing the drawing order.
 *
 * Memory: three growable heap arrays (primitives, points, text bytes),
 * reused from frame to frame, each with a bound (APP_DLIST_MAX_*). When
 * a bound is reached or memory runs out, the primitive is not added, the
 * add function returns false and `dropped` counts it; the list stays
 * valid. A clip push reserves the room for its pop, so pushes and pops
 * always pair.
 */
#ifndef GDSTEP_UI_DLIST_H
#define GDSTEP_UI_DLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "measure.h"
#include "theme.h"

/* Bounds of one list; a full-HD frame uses a few hundred primitives,
 * about two thousand points and a few kilobytes of text. */
#define APP_DLIST_MAX_PRIMS 16384
#define APP_DLIST_MAX_POINTS 262144
#define APP_DLIST_MAX_CHARS (1 << 20)

enum app_prim_kind {
	APP_PRIM_LINE,      /* polyline: points, width, dash */
	APP_PRIM_RECT,      /* filled rectangle: box */
	APP_PRIM_DISC,      /* filled circle: cx, cy, r */
	APP_PRIM_RING,      /* circle outline: cx, cy, r, width */
	APP_PRIM_POLYGON,   /* filled convex polygon: points (3: a triangle) */
	APP_PRIM_ARROW,     /* shaft and head: 2 points, base then tip */
	APP_PRIM_TEXT,      /* a text run */
	APP_PRIM_CLIP_PUSH, /* later primitives are cut to box */
	APP_PRIM_CLIP_POP,  /* back to the clip before the last push */
};

/* What a primitive shows. */
enum app_role {
	APP_ROLE_NONE,
	APP_ROLE_BACKGROUND, /* the whole output: bg, or black when blank */
	/* the plot */
	APP_ROLE_GRID,
	APP_ROLE_AXIS,
	APP_ROLE_CURVE,
	APP_ROLE_TRAIL,
	APP_ROLE_TANGENT,
	APP_ROLE_DROP, /* dashed guide from a point down to the w axis */
	APP_ROLE_NEXT_POINT,
	APP_ROLE_STEP_ARROW,
	APP_ROLE_POINT_HALO, /* background ring around the current point */
	APP_ROLE_POINT,      /* the current point */
	APP_ROLE_RUN_POINT,  /* a compared run's point, trail or marker */
	APP_ROLE_PLOT_CLIP,
	APP_ROLE_LABEL_BACK, /* the band of background behind a plot label */
	/* the map of two weights */
	APP_ROLE_CONTOUR_BAND, /* a filled run of one band */
	APP_ROLE_CONTOUR,      /* a piece of a contour line */
	APP_ROLE_GRADIENT,     /* ∇E at the point, its direction */
	APP_ROLE_STEP_W1,      /* the step's component along w₁ */
	APP_ROLE_STEP_W2,      /* … and along w₂ */
	/* the rest */
	APP_ROLE_PANEL_BG,
	APP_ROLE_PANEL_CLIP,
	APP_ROLE_HEADER_CLIP,
	APP_ROLE_CAPTION_CLIP,
	APP_ROLE_INSET_BG,
	APP_ROLE_INSET_CLIP,
	APP_ROLE_INSET_AXIS,
	APP_ROLE_INSET_CURVE,
	APP_ROLE_INSET_POINT,
	APP_ROLE_OVERLAY_BG,
	APP_ROLE_HELP_CLIP,
	/* text runs */
	APP_ROLE_TICK_LABEL,
	APP_ROLE_AXIS_NAME,
	APP_ROLE_SLOPE_LABEL,
	APP_ROLE_DW_LABEL,
	APP_ROLE_LEGEND, /* a compared run's name, settings and status */
	APP_ROLE_PANEL_LINE,
	APP_ROLE_HEADER_TITLE,
	APP_ROLE_SCENE_COUNT,
	APP_ROLE_CAPTION,
	APP_ROLE_INSET_LABEL,
	APP_ROLE_CONTOUR_LABEL,
	APP_ROLE_HELP_TITLE,
	APP_ROLE_HELP_KEY,
	APP_ROLE_HELP_TEXT,
	APP_ROLE_NOTICE, /* a passing message: the Esc prompt */
	/* the entry for typed values (entry.h) */
	APP_ROLE_ENTRY_BG,      /* its box */
	APP_ROLE_ENTRY_CARET,   /* where typing goes */
	APP_ROLE_ENTRY_TEXT,    /* the field's label and what is typed */
	APP_ROLE_ENTRY_MESSAGE, /* the problem, or how to use it */
	APP_ROLE_COUNT,
};

/* Where a text run's anchor x is: its left edge, centre or right edge.
 * The anchor y is always the run's top. */
enum app_align {
	APP_ALIGN_LEFT,
	APP_ALIGN_CENTRE,
	APP_ALIGN_RIGHT,
};

/* A rectangle in output pixels. */
struct app_box {
	float x, y, w, h;
};

struct app_text_style {
	int px; /* font size */
	enum app_face face;
	struct app_rgba color;
	enum app_align align;
};

struct app_prim {
	enum app_prim_kind kind;
	enum app_role role;
	struct app_rgba color;
	float width;      /* LINE, RING, ARROW: stroke width */
	float dash, gap;  /* LINE: dash and gap lengths; dash 0: solid */
	float cx, cy, r;  /* DISC, RING */
	int first, count; /* LINE, POLYGON, ARROW: their points' indices */
	/* RECT, CLIP_PUSH: the rectangle. TEXT: the measured box (anchor,
	 * alignment and the measurer's width and height). Others: their
	 * points' or circle's bounds, without the stroke width. */
	struct app_box box;
	/* TEXT */
	size_t str; /* offset of its NUL-terminated UTF-8 in chars */
	struct app_text_style style;
	float ax, ay; /* anchor */
};

struct app_dlist {
	struct app_prim *prims;
	int n, cap;
	float *xs, *ys; /* points */
	int npts, cap_pts;
	char *chars; /* text runs' bytes */
	size_t nchars, cap_chars;
	int depth;   /* clip pushes not yet popped */
	int lost;    /* dropped clip pushes not yet popped */
	int dropped; /* primitives refused since the last clear */
};

/* An empty list with no memory yet. */
void app_dlist_init(struct app_dlist *dl);

/* Frees the list's memory; accepts NULL and a zeroed struct. */
void app_dlist_finish(struct app_dlist *dl);

/* Empties the list, keeping its memory for the next frame. */
void app_dlist_clear(struct app_dlist *dl);

/* A polyline of n ≥ 1 points; dash > 0 with gap ≥ 0 makes it dashed.
 * The add functions return false when the primitive was dropped. */
bool app_dlist_polyline(struct app_dlist *dl, enum app_role role,
			const float *xs, const float *ys, int n, float width,
			struct app_rgba c, float dash, float gap);

/* One solid segment. */
bool app_dlist_line(struct app_dlist *dl, enum app_role role, float x0, float y0,
		    float x1, float y1, float width, struct app_rgba c);

/* One dashed segment: dash and gap lengths in pixels. */
bool app_dlist_dashed(struct app_dlist *dl, enum app_role role, float x0,
		      float y0, float x1, float y1, float width, float dash,
		      float gap, struct app_rgba c);

/* A filled rectangle (a screen may fill it without antialiasing). */
bool app_dlist_rect(struct app_dlist *dl, enum app_role role, struct app_box r,
		    struct app_rgba c);

/* A filled disc, and a ring (outline of width) of radius r. */
bool app_dlist_disc(struct app_dlist *dl, enum app_role role, float cx,
		    float cy, float r, struct app_rgba c);
bool app_dlist_ring(struct app_dlist *dl, enum app_role role, float cx,
		    float cy, float r, float width, struct app_rgba c);

/* Run k's marker of radius r: a disc, square, triangle or diamond for k
 * = 0, 1, 2, 3 (and on, modulo 4). */
bool app_dlist_marker(struct app_dlist *dl, enum app_role role, int k, float cx,
		      float cy, float r, struct app_rgba c);

/* A filled convex polygon of n ≥ 3 points. */
bool app_dlist_polygon(struct app_dlist *dl, enum app_role role, const float *xs,
		       const float *ys, int n, struct app_rgba c);

/* An arrow from (x0, y0) to its tip (x1, y1). */
bool app_dlist_arrow(struct app_dlist *dl, enum app_role role, float x0, float y0,
		     float x1, float y1, float width, struct app_rgba c);

/* A text run s (UTF-8, one line; copied) anchored at (x, y), measured
 * with m for its box. */
bool app_dlist_text(struct app_dlist *dl, enum app_role role,
		    const struct app_text_style *st, float x, float y,
		    const char *s, const struct app_measure *m);

/* Cuts what follows to r (and to the clip already in force) until the
 * matching pop. A pop with no push open is ignored. */
bool app_dlist_clip_push(struct app_dlist *dl, enum app_role role,
			 struct app_box r);
void app_dlist_clip_pop(struct app_dlist *dl);

/* A text run's string; "" for any other primitive. */
const char *app_dlist_str(const struct app_dlist *dl, const struct app_prim *p);

/* Whether two boxes share some area. */
bool app_box_overlap(struct app_box a, struct app_box b);

#endif
