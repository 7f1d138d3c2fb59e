/*
 * What both programs do first, with no SDL: the locale and the interface
 * language, the command line, and the lesson it names.
 */
#ifndef GDSTEP_UI_FRONT_H
#define GDSTEP_UI_FRONT_H

#include <gdstep/lesson.h>

#include "options.h"

/*
 * Sets up the locale and language, parses the command line, and answers
 * --help and --version. Returns the exit status when that was all (bad
 * input: 2), or -1 when the program is to do opts->mode (a trace, the
 * window or a screenshot).
 */
int app_start(int argc, char *argv[], struct gd_options *opts);

/* Prints "gdstep: TEXT" and a newline on stderr: the one way a program
 * reports a problem. */
void app_message(const char *text);

/*
 * The lesson the command line asks for, and its 0-based starting scene.
 * Returns 0, or prints the problem ("gdstep: FILE:LINE: problem") and
 * returns the exit status (2 for bad input).
 */
int app_load_lesson(const struct gd_options *opts, struct gd_lesson *lesson,
		    int *start);

#endif
