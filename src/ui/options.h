/*
 * The command line of doc/PRODUCT.md, parsed and validated without opening
 * anything, so that every bad input is reported before a window exists.
 */
#ifndef GDSTEP_OPTIONS_H
#define GDSTEP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include <gdstep/curve.h>
#include <gdstep/optimizer.h>

#include "lang.h"

/* Limits a flag's value must respect. */
#define GD_OPT_STEPS_MAX 100000000L
#define GD_OPT_RATE_MAX 1e6
#define GD_OPT_SIZE_MIN 100
#define GD_OPT_SIZE_MAX 16384
#define GD_OPT_SCENE_MAX 99
#define GD_OPT_COMPARE_MAX 4 /* --compare given at most this often */

/* One --compare SPEC: an optimizer and the hyper-parameters it names (the
 * others from the scene: η, or the optimizer's defaults). */
struct app_compare {
	enum gd_optimizer_kind kind;
	bool has[GD_OPT_HYPER];
	double hyper[GD_OPT_HYPER]; /* in the row's order, where has[] */
};

/* The hyper-parameter flags past --rate and --momentum, by their key in
 * the optimizer table. */
enum app_hyper_flag {
	APP_HF_BETA1,
	APP_HF_BETA2,
	APP_HF_ALPHA,
	APP_HF_EPS,
	APP_HF_COUNT
};

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
	const char *lesson; /* LESSON_FILE, or NULL for the built-in one */
	/* The lesson's text, when the program has it already (the browser
	 * edition: fetched or dropped), lesson_len bytes, named lesson in
	 * messages; NULL: the file lesson is read. The parser never sets it. */
	const char *lesson_text;
	size_t lesson_len;
	const char *screenshot; /* --screenshot FILE */
	const char *lang;       /* "en", "zh", or NULL: from the locale */
	enum app_lang ui_lang;  /* the language to speak: app_start sets it */
	bool has_curve, has_w0, has_rate, has_momentum, has_steps, has_size;
	enum gd_curve_kind curve;
	const char *formula; /* --formula EXPR, checked; NULL if not given */
	bool has_formula;
	double w0, rate, momentum;
	bool has_optimizer;
	enum gd_optimizer_kind optimizer; /* --optimizer NAME */
	bool has_hyper[APP_HF_COUNT];     /* --beta1, --beta2, --alpha, --eps */
	double hyper[APP_HF_COUNT];
	int ncompare; /* --compare SPEC given, 0 … GD_OPT_COMPARE_MAX */
	struct app_compare compare[GD_OPT_COMPARE_MAX];
	int run; /* --run K, 1-based; 0 when not given */
	/* --w0 W1,W2: w0 is W1, w0_2 is W2 and w0_dim is 2 (1 for --w0 W). */
	double w0_2;
	int w0_dim;
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

/* The table's key of a hyper-parameter flag ("beta1"). */
const char *app_hyper_flag_key(enum app_hyper_flag f);

/* The usage text of --help in lang, ending in a newline. */
const char *app_options_usage(enum app_lang lang);

#endif
