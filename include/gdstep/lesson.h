/*
 * Lessons: an ordered list of scenes, each a curve with its start, η, β, a
 * planned number of steps, a title and a caption (English, and optionally
 * Simplified Chinese). The built-in lesson tells the lecture notes' story;
 * a lesson file (INI, one [scene] section per scene) is a lecturer's own.
 *
 * Implemented in src/lesson/ (with its own INI reader), not in the core:
 * nothing here draws or opens a window.
 */
#ifndef GDSTEP_LESSON_H
#define GDSTEP_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include <gdstep/curve.h>
#include <gdstep/optimizer.h>

#define GD_LESSON_MAX_SCENES 99
#define GD_LESSON_MAX_FILE (1024 * 1024) /* bytes */
#define GD_LESSON_CAPTION_CHARS 500      /* characters, not bytes */
#define GD_LESSON_TITLE_CHARS 100
/* A scene's planned steps at most: within the run's history, so Back can
 * undo every one of them. */
#define GD_LESSON_MAX_STEPS 4096L
/* One line of a lesson file at most, its line ending included: room for
 * a whole caption of GD_LESSON_CAPTION_CHARS characters on one line, so
 * that gd_lesson_format can always write each caption line on one line. */
#define GD_LESSON_LINE_BYTES 4096

/* Runs side by side in one scene at most (all on its curve, from w0). */
#define GD_SCENE_RUNS 4

/* A scene's planned steps when it has no plan: Next always steps. */
#define GD_SCENE_UNPLANNED (-1L)
/* A lesson file scene's planned steps when it gives no `steps`. */
#define GD_SCENE_DEFAULT_STEPS 20L

struct gd_scene {
	char title[GD_LESSON_TITLE_CHARS * 4 + 1]; /* UTF-8, "" if none */
	char title_zh[GD_LESSON_TITLE_CHARS * 4 + 1];
	char caption[GD_LESSON_CAPTION_CHARS * 4 + 1]; /* '\n' between lines */
	char caption_zh[GD_LESSON_CAPTION_CHARS * 4 + 1];
	struct gd_curve curve;
	double w0[GD_DIM_MAX]; /* the start, the curve's dimension of it */
	struct gd_optim opt;   /* the (first) run's optimizer and settings */
	int nruns; /* runs side by side, 1 … GD_SCENE_RUNS; 0 reads as 1 */
	struct gd_optim also[GD_SCENE_RUNS - 1]; /* runs 2 … nruns */
	long steps; /* planned updates, ≥ 0, or GD_SCENE_UNPLANNED */
	bool has_range;
	double wmin, wmax; /* w range to show, when has_range */
};

struct gd_lesson {
	char title[GD_LESSON_TITLE_CHARS * 4 + 1];
	char title_zh[GD_LESSON_TITLE_CHARS * 4 + 1];
	int count;               /* 1 … GD_LESSON_MAX_SCENES */
	struct gd_scene *scenes; /* owned, count of them */
};

/* Translates a message (an English printf format, marked N_ in the
 * source) into the program's language: the lessons never translate
 * themselves. */
typedef const char *gd_translate_fn(void *ctx, const char *msgid);

/*
 * Where a lesson file went wrong: line 0 for the file as a whole. The
 * caller may set tr (and tr_ctx) before a parse or load: the message is
 * then in its language, else in English. Parse and load keep tr and
 * tr_ctx and clear the rest.
 */
struct gd_lesson_error {
	const char *file;  /* borrowed path the problem is in, or NULL (the
			    * command line, the built-in lesson, parsed text) */
	int line;          /* 1-based, or 0 for the file as a whole */
	char message[256]; /* the problem, translated, no file or line */
	gd_translate_fn *tr;
	void *tr_ctx;
};

/*
 * The error as the shell prints it after "gdstep: ": "FILE:LINE: problem",
 * "FILE: problem" for line 0, or "problem" when there is no file. Writes at
 * most size bytes (NUL included) to buf and returns buf.
 */
char *gd_lesson_error_format(const struct gd_lesson_error *err, char *buf,
			     size_t size);

/* Fills *lesson with the built-in lesson. Returns 0, or -ENOMEM. */
int gd_lesson_builtin(struct gd_lesson *lesson);

/*
 * Parses a lesson from INI text of len bytes. Returns 0, or -EINVAL with
 * *err set (the lesson is then empty and needs no finish), or -ENOMEM.
 */
int gd_lesson_parse(struct gd_lesson *lesson, const char *text, size_t len,
		    struct gd_lesson_error *err);

/* Reads and parses a file; an unreadable, over-large or non-UTF-8 file is
 * -EINVAL with line 0 (or the offending line). */
int gd_lesson_load(struct gd_lesson *lesson, const char *path,
		   struct gd_lesson_error *err);

/* Writes the lesson as INI text that gd_lesson_parse reads back to the
 * same scenes. Returns a malloc'ed string (caller frees), or NULL. */
char *gd_lesson_format(const struct gd_lesson *lesson);

/* Frees what the lesson owns; accepts NULL and a zeroed lesson. */
void gd_lesson_finish(struct gd_lesson *lesson);

/* The title or caption for a language ("en" or "zh"), falling back to the
 * other language when this one is empty. */
const char *gd_scene_title(const struct gd_scene *scene, const char *lang);
const char *gd_scene_caption(const struct gd_scene *scene, const char *lang);

/* The scene's number of runs, 1 … GD_SCENE_RUNS. */
int gd_scene_runs(const struct gd_scene *scene);

/* Run i's optimizer (0: scene->opt), i < gd_scene_runs(scene). */
const struct gd_optim *gd_scene_optim(const struct gd_scene *scene, int i);
struct gd_optim *gd_scene_optim_mut(struct gd_scene *scene, int i);

/*
 * A formula's parse error as one line in the caller's language (tr, or
 * English when tr is NULL): "column C: problem". Writes at most size bytes
 * to buf and returns buf. The lesson parser and the command line share it.
 */
char *gd_formula_error_format(const struct gd_formula_error *err,
			      gd_translate_fn *tr, void *tr_ctx, char *buf,
			      size_t size);

#endif
