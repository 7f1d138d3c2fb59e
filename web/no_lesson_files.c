/*
 * TEMPORARY, while src/lesson/parse.c still reads INI through libinih,
 * whose Debian package ships no source to compile for wasm: the browser
 * build's stand-in for gd_lesson_parse, chosen by the meson option
 * web_without_lesson_files. The built-in lesson needs no parsing; a
 * lesson file is refused with one line. It goes once parse.c has its
 * own reader.
 */
#include <errno.h>
#include <string.h>

#include <gdstep/lesson.h>

#include "internal.h"

int gd_lesson_parse(struct gd_lesson *lesson, const char *text, size_t len,
		    struct gd_lesson_error *err)
{
	(void)text;
	(void)len;
	memset(lesson, 0, sizeof(*lesson));
	return lesson_fail(
		err, 0, "lesson files cannot be opened in this build of the page");
}
