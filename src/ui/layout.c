/* The window's layout; see layout.h. */
#include <math.h>

#include "layout.h"

bool app_rect_overlap(struct app_rect a, struct app_rect b)
{
	return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.x + b.w &&
	       b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool app_rect_inside(struct app_rect a, struct app_rect b)
{
	return b.x >= a.x && b.y >= a.y && b.x + b.w <= a.x + a.w &&
	       b.y + b.h <= a.y + a.h;
}

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Font sizes: the body text is about 1/34 of the height (21 px at 720,
 * 32 px at 1080, readable from the back of a lecture room), limited by
 * the width so that the update still fits beside the plot. */
static void sizes(struct app_layout *l, int text_step)
{
	double base = fmin(l->height / 34.0, l->width / 60.0);
	base *= pow(APP_TEXT_STEP_FACTOR, text_step);
	l->text_px = clampi((int)lround(base), 7, 400);
	l->small_px = clampi((int)lround(base * 0.8), 6, 320);
	l->title_px = clampi((int)lround(base * 1.25), 8, 500);
	l->line = (int)lround(l->text_px * 1.35);
	l->pad = clampi((int)lround(base * 0.6), 2, 60);
	l->stroke = clampi((int)lround(fmin(l->width, l->height) / 220.0), 2, 12);
}

/* The plot's inner area, leaving room for tick labels on the left and
 * below, and for the axis names. */
static void plot_area(struct app_layout *l)
{
	struct app_rect p = l->plot;
	int left = l->small_px * 4, bottom = l->small_px * 2 + l->pad;
	int top = l->small_px + l->pad / 2, right = l->pad + l->small_px;
	if (p.w < left + right + 20 || p.h < top + bottom + 20) {
		left = right = top = bottom = l->pad;
	}
	l->area = (struct app_rect){ p.x + left, p.y + top, p.w - left - right,
				     p.h - top - bottom };
	if (l->area.w < 1)
		l->area.w = 1;
	if (l->area.h < 1)
		l->area.h = 1;
}

static void place_panel(struct app_layout *l, struct app_rect body,
			int panel_lines, bool right)
{
	int need_h = panel_lines * l->line + 2 * l->pad;
	int want_w = l->text_px * 22;
	l->panel_right = right;
	if (l->panel_right) {
		/* Larger text takes its room from the plot first: up to 60 %
		 * of the width. */
		int w = clampi(want_w, (int)(body.w * 0.3), (int)(body.w * 0.6));
		l->panel = (struct app_rect){ body.x + body.w - w, body.y, w,
					      body.h };
		l->plot = (struct app_rect){ body.x, body.y,
					     body.w - w - l->pad, body.h };
	} else {
		int h = need_h < body.h * 0.6 ? need_h : (int)(body.h * 0.6);
		l->panel = (struct app_rect){ body.x, body.y + body.h - h,
					      body.w, h };
		l->plot = (struct app_rect){ body.x, body.y, body.w,
					     body.h - h - l->pad };
	}
	/* The inset goes under the text in a side panel, if there is room
	 * for a useful one (a third of the panel's width, at least). */
	int inset_h = l->panel.h - need_h - l->pad;
	l->show_inset = l->panel_right && inset_h >= l->text_px * 5;
	if (l->show_inset) {
		int h = inset_h < l->panel.w ? inset_h : l->panel.w * 3 / 4;
		l->inset = (struct app_rect){ l->panel.x + l->pad,
					      l->panel.y + l->panel.h - h,
					      l->panel.w - 2 * l->pad,
					      h - l->pad };
	}
}

void app_layout_compute(struct app_layout *l, int width, int height,
			int text_step, int caption_lines, int panel_lines)
{
	*l = (struct app_layout){ .width = width > 1 ? width : 1,
				  .height = height > 1 ? height : 1 };
	sizes(l, text_step);
	struct app_rect body = { l->pad, l->pad, l->width - 2 * l->pad,
				 l->height - 2 * l->pad };
	int header_h = (int)lround(l->title_px * 1.4);
	l->show_header = body.h >= header_h * 6;
	if (l->show_header) {
		l->header = (struct app_rect){ body.x, body.y, body.w, header_h };
		body.y += header_h + l->pad / 2;
		body.h -= header_h + l->pad / 2;
	}
	/* The caption's band is as high for a short caption as for three
	 * lines, so the plot and the panel keep their size from scene to
	 * scene. */
	int cap_lines = caption_lines > 0 && caption_lines < APP_CAPTION_LINES ?
				APP_CAPTION_LINES :
				caption_lines;
	int cap_h = cap_lines * l->line + l->pad / 2;
	l->show_caption = caption_lines > 0 && cap_h <= body.h * 0.3;
	if (l->show_caption) {
		l->caption = (struct app_rect){ body.x, body.y + body.h - cap_h,
						body.w, cap_h };
		body.h -= cap_h + l->pad / 2;
	}
	/* The panel goes beside the plot in a landscape window, below it in
	 * a portrait one; larger text takes room from the plot (place_panel)
	 * rather than lose the panel, which goes only when not even a few
	 * words or lines of it would fit. */
	bool right = body.w >= body.h * 1.15;
	bool fits = right ? body.w * 0.6 >= l->text_px * 9 &&
				    body.h >= l->line * 4 :
			    body.w >= l->text_px * 9 &&
				    body.h * 0.6 >= l->line * 3;
	l->show_panel = panel_lines > 0 && fits;
	if (l->show_panel)
		place_panel(l, body, panel_lines, right);
	else
		l->plot = body;
	if (l->plot.w < 1)
		l->plot.w = 1;
	if (l->plot.h < 1)
		l->plot.h = 1;
	plot_area(l);
}
