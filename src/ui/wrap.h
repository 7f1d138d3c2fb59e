/*
 * Breaking text into lines that fit a width, measured through the
 * screen's measurer. Sentences break at spaces, Chinese between any two
 * characters (not before closing or after opening punctuation), a word
 * too long for a line anywhere; '\n' always breaks. A paragraph that
 * holds APP_WRAP_BRK breaks only there (equations: between their
 * "= …" parts); the mark itself is never emitted.
 */
#ifndef GDSTEP_UI_WRAP_H
#define GDSTEP_UI_WRAP_H

#include "measure.h"

/* Where an equation may break. */
#define APP_WRAP_BRK "\x1f"

/* Longest line, in bytes with its NUL; longer paragraphs are cut. */
#define APP_WRAP_LINE_MAX 512

/*
 * Breaks text into lines of at most width pixels at size px in face.
 * Calls fn(ctx, line) for each line (fn may be NULL: only counting) and
 * returns the number of lines; "" is no lines.
 */
int app_wrap(const struct app_measure *m, const char *text, int px,
	     enum app_face face, int width,
	     void (*fn)(void *ctx, const char *line), void *ctx);

#endif
