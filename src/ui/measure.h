/*
 * Measuring text, which each screen provides: the window measures with
 * its fonts (src/window/text.c), tests with a fake or the real fonts. The
 * frame builder lays text out through this and never draws it.
 */
#ifndef GDSTEP_UI_MEASURE_H
#define GDSTEP_UI_MEASURE_H

enum app_face {
	APP_FACE_REGULAR,
	APP_FACE_BOLD,
	APP_FACE_COUNT,
};

struct app_measure {
	void *ctx; /* the screen's, passed back to both functions */
	/* Width in pixels of s (UTF-8, one line) at font size px; 0 for ""
	 * or when it cannot be measured. */
	int (*width)(void *ctx, const char *s, int px, enum app_face face);
	/* Line height in pixels of the face at font size px. */
	int (*height)(void *ctx, int px, enum app_face face);
};

#endif
