/*
 * No tofu: every character the program can show is provided by one of the
 * fonts it loads, in both faces. The text comes from the translations (both
 * sides of po/zh_CN.po), the built-in lesson in both languages, and every
 * non-ASCII character written in the program's sources (formulas, labels).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include <gdstep/lesson.h>

#include "text.h"

#include "gdstep-config.h"
#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum app_face face;
	const char *file; /* relative to the source root, or NULL */
};

/* Decodes one UTF-8 character; 0 at the end, 0xFFFD for a bad byte. */
static Uint32 next_char(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	if (!*p)
		return 0;
	int n = *p < 0x80  ? 0 :
		*p >= 0xF0 ? 3 :
		*p >= 0xE0 ? 2 :
		*p >= 0xC0 ? 1 :
			     -1;
	if (n < 0) {
		(*s)++;
		return 0xFFFD;
	}
	Uint32 c = n == 0 ? *p : *p & (0x3F >> n);
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s += i;
			return 0xFFFD;
		}
		c = c << 6 | (p[i] & 0x3F);
	}
	*s += n + 1;
	return c;
}

/* The fonts of a face, as the program opens them (kept open: the
 * renderer and surface are never drawn to). */
static struct app_text opened;
static enum app_face text_face;
static int nfonts;
static int missing;

static void open_face(enum app_face face)
{
	char dir[4096], err[512];
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
		0, 8, 8, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
	nfonts = 0;
	if (app_font_dir(dir, sizeof(dir)) < 0 ||
	    app_text_init(&opened, ren, dir, err, sizeof(err)) < 0) {
		fprintf(stderr, "fonts: %s\n", err);
		return;
	}
	text_face = face;
	nfonts = opened.nfiles[face];
}

/* Checks every character of s; whitespace and controls need no glyph. */
static void need(const char *s, const char *where)
{
	for (Uint32 c; (c = next_char(&s));) {
		if (c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x3000)
			continue;
		bool found = app_text_font_for(&opened, text_face, c) >= 0;
		if (!found && missing++ < 20)
			fprintf(stderr, "%s: U+%04X has no glyph in any font\n",
				where, (unsigned)c);
	}
}

static char *slurp(const char *rel)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", GDSTEP_SOURCE_ROOT, rel);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void check_file(const struct tcase *t)
{
	open_face(t->face);
	CHECK(nfonts >= 2); /* a Latin and a Chinese font at least */
	const char *text = slurp(t->file);
	CHECK(text != NULL);
	need(text, t->file);
	CHECK(missing == 0);
}

static void check_lesson(const struct tcase *t)
{
	open_face(t->face);
	CHECK(nfonts >= 2);
	struct gd_lesson lesson;
	CHECK(gd_lesson_builtin(&lesson) == 0);
	need(lesson.title, "lesson title");
	need(lesson.title_zh, "lesson title.zh");
	for (int i = 0; i < lesson.count; i++) {
		const struct gd_scene *s = &lesson.scenes[i];
		need(s->title, "title");
		need(s->title_zh, "title.zh");
		need(s->caption, "caption");
		need(s->caption_zh, "caption.zh");
	}
	gd_lesson_finish(&lesson);
	CHECK(missing == 0);
}

/* The checker itself finds a character no font has (U+E000, private use). */
static void check_detects(const struct tcase *t)
{
	open_face(t->face);
	CHECK(nfonts >= 2);
	need("\xee\x80\x80", "probe");
	CHECK(missing == 1);
	missing = 0;
	need("误差 η Δw ← ½", "probe");
	CHECK(missing == 0);
}

static const struct tcase cases[] = {
	{ .name = "glyphs-catalogue-regular",
	  .run = check_file,
	  .face = APP_FACE_REGULAR,
	  .file = "po/zh_CN.po" },
	{ .name = "glyphs-catalogue-bold",
	  .run = check_file,
	  .face = APP_FACE_BOLD,
	  .file = "po/zh_CN.po" },
	{ .name = "glyphs-lesson-file-regular",
	  .run = check_file,
	  .face = APP_FACE_REGULAR,
	  .file = "lessons/gradient-descent.ini" },
	{ .name = "glyphs-panel-source-bold",
	  .run = check_file,
	  .face = APP_FACE_BOLD,
	  .file = "src/ui/panel.c" },
	{ .name = "glyphs-panel-source-regular",
	  .run = check_file,
	  .face = APP_FACE_REGULAR,
	  .file = "src/ui/panel.c" },
	{ .name = "glyphs-frame-source",
	  .run = check_file,
	  .face = APP_FACE_BOLD,
	  .file = "src/ui/frame.c" },
	{ .name = "glyphs-keys-source",
	  .run = check_file,
	  .face = APP_FACE_REGULAR,
	  .file = "src/ui/keys.c" },
	{ .name = "glyphs-builtin-lesson-regular",
	  .run = check_lesson,
	  .face = APP_FACE_REGULAR },
	{ .name = "glyphs-builtin-lesson-bold",
	  .run = check_lesson,
	  .face = APP_FACE_BOLD },
	{ .name = "glyphs-checker-detects",
	  .run = check_detects,
	  .face = APP_FACE_REGULAR },
};

int main(int argc, char *argv[])
{
	if (SDL_Init(0) < 0)
		return 1;
	HARNESS_MAIN(cases, argc, argv);
}
