/*
 * Colours of the light (default, for projectors) and dark themes, from the
 * Okabe–Ito palette, which stays distinguishable under the common forms of
 * colour blindness. Every colour text is drawn in has a contrast of at
 * least 4.5:1 against its background (WCAG 2 relative luminance), which
 * tests/app checks.
 */
#ifndef GDSTEP_APP_THEME_H
#define GDSTEP_APP_THEME_H

#include <stdbool.h>
#include <stdint.h>

struct app_rgba {
	uint8_t r, g, b, a;
};

/* Runs a theme has colours for (as GD_SCENE_RUNS). */
#define APP_THEME_RUNS 4

struct app_theme {
	const char *name;
	struct app_rgba bg, panel_bg, overlay_bg, blank;
	struct app_rgba text, muted; /* text */
	struct app_rgba grid, axis;  /* lines */
	struct app_rgba curve, tangent, point, next, trail;
	struct app_rgba fell, rose; /* the step arrow: E fell / rose */
	struct app_rgba tangent_text, fell_text, rose_text, curve_text;
	struct app_rgba bad_text; /* "diverged" */
	/* Runs side by side: run i's lines and markers, and its text. */
	struct app_rgba run[APP_THEME_RUNS], run_text[APP_THEME_RUNS];
};

/* The light or the dark theme. */
const struct app_theme *app_theme_get(bool dark);

/* WCAG 2 contrast ratio of two opaque colours, 1 … 21. */
double app_contrast(struct app_rgba a, struct app_rgba b);

/* c with its alpha set to a, clamped to 0 … 255. */
struct app_rgba app_rgba_alpha(struct app_rgba c, int a);

#endif
