/* What both programs do first: the locale and the interface language,
 * the command line, and the lesson it names. No SDL here: `gdstep
 * --trace` links this and not the window. */
#include <errno.h>
#include <math.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gdstep/run.h>

#include "options.h"

#include "front.h"
#include "lang.h"

#include "gdstep-config.h"

void app_message(const char *text)
{
	fprintf(stderr, "gdstep: %s\n", text);
}

/* The kind with its default parameters and start (w0, η, β). */
static void scene_defaults(struct gd_scene *s, enum gd_curve_kind kind)
{
	const struct gd_curve_spec *cs = gd_curve_spec(kind);
	gd_curve_default(&s->curve, kind);
	memcpy(s->w0, cs->w0, sizeof(s->w0));
	gd_optim_default(&s->opt, GD_OPTIMIZER_GD, cs->rate);
}

/* A hyper-parameter flag the scene's optimizer does not have. */
static int not_for(const struct gd_scene *s, const char *flag,
		   enum app_lang lang, char *msg, size_t size)
{
	snprintf(msg, size,
		 app_tr(lang,
			"%s does not apply to the scene's optimizer, %s (give --optimizer)"),
		 flag, gd_optimizer_spec(s->opt.kind)->name);
	return -EINVAL;
}

/* --optimizer and the hyper-parameter flags on the scene's first run. */
static int override_optim(struct gd_scene *s, const struct gd_options *opts,
			  char *msg, size_t size)
{
	enum app_lang lang = opts->ui_lang;
	if (opts->has_optimizer && opts->optimizer != s->opt.kind)
		gd_optim_default(&s->opt, opts->optimizer,
				 s->opt.hyper[GD_HYPER_RATE]);
	if (opts->has_rate)
		s->opt.hyper[GD_HYPER_RATE] = opts->rate;
	if (opts->has_momentum) {
		int i = gd_optimizer_hyper_index(s->opt.kind, "momentum");
		if (i < 0)
			return not_for(s, "--momentum", lang, msg, size);
		s->opt.hyper[i] = opts->momentum;
	}
	for (int h = 0; h < APP_HF_COUNT; h++) {
		if (!opts->has_hyper[h])
			continue;
		int i = gd_optimizer_hyper_index(s->opt.kind,
						 app_hyper_flag_key(h));
		char flag[16];
		snprintf(flag, sizeof(flag), "--%s", app_hyper_flag_key(h));
		if (i < 0)
			return not_for(s, flag, lang, msg, size);
		s->opt.hyper[i] = opts->hyper[h];
	}
	return 0;
}

/* --compare: the scene's runs, each from its SPEC; η from the SPEC, else
 * --rate, else the scene's. */
static void override_compare(struct gd_scene *s, const struct gd_options *opts)
{
	double rate = opts->has_rate ? opts->rate : s->opt.hyper[GD_HYPER_RATE];
	for (int r = 0; r < opts->ncompare; r++) {
		const struct app_compare *c = &opts->compare[r];
		struct gd_optim *o = gd_scene_optim_mut(s, r);
		gd_optim_default(o, c->kind, rate);
		for (int i = 0; i < GD_OPT_HYPER; i++)
			if (c->has[i])
				o->hyper[i] = c->hyper[i];
	}
	s->nruns = opts->ncompare;
}

/* The starting scene as the flags change it. Returns 0, or -EINVAL with
 * the problem in msg. */
static int override(struct gd_scene *s, const struct gd_options *opts,
		    char *msg, size_t size)
{
	if (opts->has_curve && opts->curve != s->curve.kind) {
		scene_defaults(s, opts->curve);
		s->has_range = false;
	}
	if (opts->has_formula) {
		scene_defaults(s, GD_CURVE_FORMULA);
		gd_curve_from_formula(&s->curve, opts->formula, NULL);
		gd_curve_start(&s->curve, s->w0);
		s->opt.hyper[GD_HYPER_RATE] = gd_curve_rate(&s->curve, s->w0);
		s->has_range = false;
	}
	if (opts->has_w0) {
		s->w0[0] = opts->w0;
		s->w0[1] = opts->w0_dim == 2 ? opts->w0_2 : 0;
		if (s->has_range && (s->w0[0] < s->wmin || s->w0[0] > s->wmax))
			s->has_range = false; /* the start must show */
	}
	if (opts->ncompare) {
		override_compare(s, opts);
		return 0;
	}
	return override_optim(s, opts, msg, size);
}

/* One scene, the curve's defaults, no plan: what plain flags ask for. */
static int free_lesson(struct gd_lesson *lesson, enum gd_curve_kind kind)
{
	lesson->scenes = calloc(1, sizeof(*lesson->scenes));
	if (!lesson->scenes)
		return -ENOMEM;
	lesson->count = 1;
	scene_defaults(&lesson->scenes[0], kind);
	lesson->scenes[0].steps = GD_SCENE_UNPLANNED;
	return 0;
}

static const char *translate(void *ctx, const char *msgid)
{
	return app_tr(*(const enum app_lang *)ctx, msgid);
}

/* The file, a free scene, or the built-in lesson. */
static int choose_lesson(const struct gd_options *opts,
			 struct gd_lesson *lesson, struct gd_lesson_error *err)
{
	memset(lesson, 0, sizeof(*lesson));
	if (opts->lesson && opts->lesson_text) {
		int r = gd_lesson_parse(lesson, opts->lesson_text,
					opts->lesson_len, err);
		err->file = opts->lesson;
		return r;
	}
	if (opts->lesson)
		return gd_lesson_load(lesson, opts->lesson, err);
	bool hyper = false;
	for (int h = 0; h < APP_HF_COUNT; h++)
		hyper |= opts->has_hyper[h];
	if (!opts->scene && (opts->has_curve || opts->has_formula ||
			     opts->has_w0 || opts->has_rate || opts->has_momentum ||
			     opts->has_optimizer || hyper || opts->ncompare))
		return free_lesson(lesson, opts->has_curve ? opts->curve :
							     GD_CURVE_BOWL);
	return gd_lesson_builtin(lesson);
}

/* Whether --w0 gave as many weights as the scene's curve has; if not, says
 * so in err and returns true. */
static bool check_w0_dim(const struct gd_options *opts, const struct gd_scene *s,
			 enum app_lang lang, struct gd_lesson_error *err)
{
	int dim = gd_curve_dim(&s->curve);
	if (!opts->has_w0 || opts->w0_dim == dim)
		return false;
	const char *name = gd_curve_name(s->curve.kind);
	if (dim == 2)
		snprintf(err->message, sizeof(err->message),
			 app_tr(lang,
				"--w0: the curve %s has two weights; give --w0 W1,W2"),
			 name);
	else
		snprintf(err->message, sizeof(err->message),
			 app_tr(lang,
				"--w0: the curve %s has one weight; give --w0 W"),
			 name);
	return true;
}

int app_load_lesson(const struct gd_options *opts, struct gd_lesson *lesson,
		    int *start)
{
	enum app_lang lang = opts->ui_lang;
	struct gd_lesson_error err = { .tr = translate, .tr_ctx = &lang };
	*start = 0;
	int r = choose_lesson(opts, lesson, &err);
	char line[512];
	if (r == -EINVAL) {
		app_message(gd_lesson_error_format(&err, line, sizeof(line)));
		return 2;
	}
	if (r < 0) {
		app_message(strerror(-r));
		return 1;
	}
	err = (struct gd_lesson_error){ .file = opts->lesson };
	if (opts->scene < 0 || opts->scene > lesson->count)
		snprintf(err.message, sizeof(err.message),
			 app_tr(lang, "--scene %d: this lesson ends at scene %d"),
			 opts->scene, lesson->count);
	else if (opts->has_w0 && !(fabs(opts->w0) <= GD_RUN_WMAX))
		snprintf(err.message, sizeof(err.message),
			 app_tr(lang, "--w0: %g is beyond the largest weight, %g"),
			 opts->w0, GD_RUN_WMAX);
	if (err.message[0]) {
		app_message(gd_lesson_error_format(&err, line, sizeof(line)));
		gd_lesson_finish(lesson);
		return 2;
	}
	*start = opts->scene ? opts->scene - 1 : 0;
	if (override(&lesson->scenes[*start], opts, err.message,
		     sizeof(err.message)) < 0 ||
	    check_w0_dim(opts, &lesson->scenes[*start], lang, &err)) {
		app_message(gd_lesson_error_format(&err, line, sizeof(line)));
		gd_lesson_finish(lesson);
		return 2;
	}
	return 0;
}

/* The --lang value, looked for before parsing so that even an error in
 * the options is told in the asked-for language. NULL if absent. */
static const char *lang_from_argv(int argc, char *argv[])
{
	const char *lang = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
	}
	return lang && (strcmp(lang, "en") == 0 || strcmp(lang, "zh") == 0) ?
		       lang :
		       NULL;
}

int app_start(int argc, char *argv[], struct gd_options *opts)
{
	enum app_lang lang = app_lang_setup();
	app_lang_parse(lang_from_argv(argc, argv), &lang);
	char err[512];
	if (app_options_parse(opts, lang, argc, argv, err, sizeof(err)) < 0) {
		app_message(err);
		return 2;
	}
	opts->ui_lang = lang;
	switch (opts->mode) {
	case GD_MODE_HELP:
		fputs(app_options_usage(lang), stdout);
		return 0;
	case GD_MODE_VERSION:
		printf("gdstep %s\n", GDSTEP_VERSION);
		return 0;
	case GD_MODE_TRACE:
	case GD_MODE_SCREENSHOT:
	case GD_MODE_WINDOW:
		break;
	}
	return -1;
}
