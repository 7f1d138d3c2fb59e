/*
 * The command line of doc/PRODUCT.md, parsed and validated without opening
 * anything, so that every bad input is reported before a window exists.
 */
#ifndef GDSTEP_OPTIONS_H
#define GDSTEP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include <gdstep/curve.h>

#include "lang.h"

/* Limits a flag's value must respect. */
#define GD_OPT_STEPS_MAX 100000000L
#define GD_OPT_RATE_MAX 1e6
#define GD_OPT_SIZE_MIN 160
#define GD_OPT_SIZE_MAX 16384
#define GD_OPT_SCENE_MAX 99

/* What to run: a window, a CSV trace, a PNG, or a text answer. */
enum gd_mode {
	GD_MODE_WINDOW,
	GD_MODE_TRACE,
	GD_MODE_SCREENSHOT,
	GD_MODE_HELP,
	GD_MODE_VERSION,
};

struct gd_options {
	enum gd_mode mode;
	const char *lesson;     /* LESSON_FILE, or NULL for the built-in one */
	const char *screenshot; /* --screenshot FILE */
	const char *lang;       /* "en", "zh", or NULL: from the locale */
	enum app_lang ui_lang;  /* the language to speak: app_start sets it */
	bool has_curve, has_w0, has_rate, has_momentum, has_steps, has_size;
	enum gd_curve_kind curve;
	const char *formula; /* --formula EXPR, checked; NULL if not given */
	bool has_formula;
	double w0, rate, momentum;
	long steps; /* --steps N, 0 … GD_OPT_STEPS_MAX */
	int scene;  /* --scene K, 1-based; 0 when not given */
	int width, height;
	bool echo, fullscreen;
};

/*
 * Parses argv[1 … argc−1] into *opts (argv strings are borrowed, not
 * copied). On a bad input, writes one line naming the flag and the problem
 * in lang (no program name, no newline) to err and returns -EINVAL. --help and
 * --version win over everything after them. Returns 0 on success.
 */
int app_options_parse(struct gd_options *opts, enum app_lang lang, int argc,
		      char *const argv[], char *err, size_t err_size);

/* The usage text of --help in lang, ending in a newline. */
const char *app_options_usage(enum app_lang lang);

#endif
