/*
 * What every part of the lessons uses: errors and their translation,
 * quoting user text in a message, freeing a lesson, and a scene's title
 * and caption in a language. parse.c and lesson.c call this file, and it
 * calls neither.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/lesson.h>
#include <gdstep/utf8.h>

#include "internal.h"

int lesson_fail(struct gd_lesson_error *err, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	err->line = line;
	return -EINVAL;
}

void lesson_error_clear(struct gd_lesson_error *err)
{
	gd_translate_fn *tr = err->tr;
	void *ctx = err->tr_ctx;
	memset(err, 0, sizeof(*err));
	err->tr = tr;
	err->tr_ctx = ctx;
}

const char *lesson_tr(const struct gd_lesson_error *err, const char *msgid)
{
	return err && err->tr ? err->tr(err->tr_ctx, msgid) : msgid;
}

char *lesson_quote(char *buf, size_t size, const char *text, size_t max_bytes)
{
	return gd_utf8_quote(buf, size, text, max_bytes);
}

char *gd_lesson_error_format(const struct gd_lesson_error *err, char *buf,
			     size_t size)
{
	if (!size)
		return buf;
	/* The name as the one line can hold it: escaped, and short enough
	 * that the problem after it is never cut off. */
	char file[128];
	if (err->file)
		gd_utf8_quote(file, sizeof(file), err->file, 100);
	if (err->file && err->line > 0)
		snprintf(buf, size, "%s:%d: %s", file, err->line, err->message);
	else if (err->file)
		snprintf(buf, size, "%s: %s", file, err->message);
	else if (err->line > 0)
		/* Parsed text with no file name. */
		snprintf(buf, size, lesson_tr(err, "line %d: %s"), err->line,
			 err->message);
	else
		snprintf(buf, size, "%s", err->message);
	return buf;
}

void gd_lesson_finish(struct gd_lesson *lesson)
{
	if (!lesson)
		return;
	free(lesson->scenes);
	memset(lesson, 0, sizeof(*lesson));
}

static const char *pick(const char *en, const char *zh, const char *lang)
{
	bool want_zh = lang && strncmp(lang, "zh", 2) == 0;
	const char *first = want_zh ? zh : en, *other = want_zh ? en : zh;
	return first[0] ? first : other;
}

const char *gd_scene_title(const struct gd_scene *scene, const char *lang)
{
	return pick(scene->title, scene->title_zh, lang);
}

const char *gd_scene_caption(const struct gd_scene *scene, const char *lang)
{
	return pick(scene->caption, scene->caption_zh, lang);
}

int gd_scene_runs(const struct gd_scene *scene)
{
	int n = scene->nruns;
	return n < 1 ? 1 : n > GD_SCENE_RUNS ? GD_SCENE_RUNS : n;
}

const struct gd_optim *gd_scene_optim(const struct gd_scene *scene, int i)
{
	return i <= 0 ? &scene->opt : &scene->also[i - 1];
}

struct gd_optim *gd_scene_optim_mut(struct gd_scene *scene, int i)
{
	return i <= 0 ? &scene->opt : &scene->also[i - 1];
}

const char *gd_question_name(enum gd_question q)
{
	static const char *const names[GD_QUESTION_COUNT] = {
		[GD_QUESTION_NONE] = "none",
		[GD_QUESTION_NEXT_W] = "next-w",
		[GD_QUESTION_DIRECTION] = "direction",
		[GD_QUESTION_ONE_STEP] = "one-step",
	};
	return q >= 0 && q < GD_QUESTION_COUNT ? names[q] : NULL;
}
