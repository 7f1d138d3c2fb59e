/* gdstep-window's entry points: the window and --screenshot. */
#ifndef GDSTEP_WINDOW_H
#define GDSTEP_WINDOW_H

#include "front.h"

/* Checks that the fonts can be found; prints the problem and returns 2 if
 * not, else 0. Called before any window opens. */
int app_check_fonts(enum app_lang lang);

/* --screenshot: renders the view to a PNG with no display; exit status. */
int app_screenshot(const struct gd_options *opts);

/* The window; returns the exit status when it closes. */
int app_window(const struct gd_options *opts);

#endif
