/*
 * One frame of the app's state as a display list, at an output size in
 * pixels, with no drawing library: every decision of what goes where
 * (layout, colours, words, numbers, label placement) is made here, and a
 * screen only renders the list (src/window/render.c for SDL).
 *
 * The builder reads the state and never writes it: where it put the plot
 * and its parts comes back in struct app_frame_info, which the window
 * keeps to map clicks, the wheel and drags to the world.
 */
#ifndef GDSTEP_UI_FRAME_H
#define GDSTEP_UI_FRAME_H

#include <stdbool.h>

#include <gdstep/view.h>

#include "actions.h"
#include "dlist.h"
#include "layout.h"
#include "measure.h"

/* Where the frame put things, in output pixels. */
struct app_frame_info {
	struct app_layout lay; /* the layout of the frame */
	/* The view drawn: s->view's world intervals with the plot area's
	 * pixel rectangle (lay.area); the map for clicks and the wheel. */
	struct gd_view view;
	bool has_point, has_arrow, has_tangent;
	float point_x, point_y; /* the current point's centre */
	float point_r;          /* its radius */
	float base_x;           /* the arrow's base (the w of the step) */
	float tip_x, axis_y;    /* the arrow's tip, and the w axis's row */
	float arrow_y;          /* the row the arrow runs on */
	float tan_x0, tan_y0, tan_x1, tan_y1; /* the tangent's ends */
	bool fell;                            /* the arrow's colour: E fell */
	/* A curve of two weights: view is the map (w₁ across, w₂ up, one
	 * scale for both), slice[k] the plot of E along wₖ through the
	 * point, and the step arrow on the map is Δw × step_scale. */
	bool two;
	struct gd_view slice[GD_DIM_MAX];
	double step_scale;
	bool blank; /* a blanked screen: nothing but black */
	/* Runs side by side (more than one): each run's point, and the
	 * legend's box. */
	int runs;
	float run_x[GD_SCENE_RUNS], run_y[GD_SCENE_RUNS];
	float legend_x, legend_y, legend_w, legend_h;
};

/*
 * Clears out and fills it with the frame of s at time now_ms (for the
 * animation) on an output of width × height pixels (each at least 1),
 * text measured by m. Sets *info. Reads s only.
 */
/* The pixel of world point (a, b) in view v, as floats for the display
 * list (gd_view_to_screen clamps far points). */
void app_view_px(const struct gd_view *v, double a, double b, float *x, float *y);

void app_frame_build(struct app_dlist *out, struct app_frame_info *info,
		     const struct app_state *s, int width, int height,
		     double now_ms, const struct app_measure *m);

/* The plot area of a layout: grid, axes with round ticks, the curve, the
 * trail, the tangent, the step arrow and the points, for s at now_ms in
 * the view v (s's world intervals on the layout's area). Part of
 * app_frame_build; sets the plot fields of *info. */
void app_plot_build(struct app_dlist *out, struct app_frame_info *info,
		    const struct app_state *s, const struct gd_view *v,
		    double now_ms, const struct app_measure *m);

/* The plot of a run of two weights (frame2.c): the contour map and the
 * two slices, in the layout's area; sets info->view to the map's. */
void app_plot2_build(struct app_dlist *out, struct app_frame_info *info,
		     const struct app_state *s, double now_ms,
		     const struct app_measure *m);

#endif
