/*
 * Where things go in the window, in output pixels, with no SDL: computed
 * from the output size and the text size, so that it scales from a 200×150
 * window to a 4K projector, and tested headless for overlaps.
 *
 * Landscape windows put the panel (status and update) on the right of the
 * plot, portrait ones below it. The header (scene title) runs along the
 * top, the caption along the bottom. Parts that do not fit are hidden, in
 * this order: the inset, the caption, the header, the panel; the plot
 * always stays, with at least a few pixels.
 */
#ifndef GDSTEP_APP_LAYOUT_H
#define GDSTEP_APP_LAYOUT_H

#include <stdbool.h>

struct app_rect {
	int x, y, w, h;
};

struct app_layout {
	int width, height; /* output size */
	int text_px;       /* body text size (font pixel size) */
	int small_px;      /* tick labels, inset, help keys */
	int title_px;      /* the scene title */
	int line;          /* body line advance */
	int pad;           /* spacing between parts */
	int stroke;        /* curve line width, px */
	bool show_header, show_panel, show_inset, show_caption;
	bool panel_right; /* else below the plot */
	struct app_rect header, plot, panel, inset, caption;
	struct app_rect area; /* the plot's inner area: the view's rect */
};

/* Font size scale of one text step. */
#define APP_TEXT_STEP_FACTOR 1.15

/* The caption band's height in lines when the caption is shorter. */
#define APP_CAPTION_LINES 3

/*
 * Lays out an output of width × height pixels at text step text_step
 * (0 = the default size), with a caption of caption_lines lines (0: no
 * caption band) and panel_lines lines of status and update text.
 */
void app_layout_compute(struct app_layout *l, int width, int height,
			int text_step, int caption_lines, int panel_lines);

/* Whether two rectangles share a pixel. */
bool app_rect_overlap(struct app_rect a, struct app_rect b);

/* Whether a contains b entirely. */
bool app_rect_inside(struct app_rect a, struct app_rect b);

#endif
