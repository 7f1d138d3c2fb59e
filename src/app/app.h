/* What the program's parts share. */
#ifndef GDSTEP_APP_H
#define GDSTEP_APP_H

#include <gdstep/lesson.h>
#include <gdstep/options.h>

/*
 * Sets up the locale and language, parses the command line, and answers
 * --help, --version and --trace. Returns the exit status when that was
 * all (bad input: 2), or -1 when the window or a screenshot is asked for.
 */
int app_start(int argc, char *argv[], struct gd_options *opts);

/* Prints "gdstep: TEXT" and a newline on stderr. */
void app_message(const char *text);

/* --trace: prints the CSV table and returns the exit status. */
int app_trace(const struct gd_options *opts);

/*
 * The lesson the command line asks for, and its 0-based starting scene.
 * Returns 0, or prints the problem ("gdstep: FILE:LINE: problem") and
 * returns the exit status (2 for bad input).
 */
int app_load_lesson(const struct gd_options *opts, struct gd_lesson *lesson,
		    int *start);

/* Checks that the fonts can be found; prints the problem and returns 2 if
 * not, else 0. Called before any window opens. */
int app_check_fonts(void);

/* --screenshot: renders the view to a PNG with no display; exit status. */
int app_screenshot(const struct gd_options *opts);

/* The window; returns the exit status when it closes. */
int app_window(const struct gd_options *opts);

#endif
