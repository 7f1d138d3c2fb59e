/*
 * libFuzzer target for the lesson parser. Any input must parse or fail
 * cleanly (ASan, UBSan watch the memory); what parses must survive
 * gd_lesson_format → gd_lesson_parse unchanged, bit for bit; and a short
 * clicker walk over it, forward then back, must restore the first state.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/lesson.h>
#include <gdstep/presenter.h>

#include "../tests/lesson_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gd_lesson a, b;
	struct gd_lesson_error err = { 0 };
	if (gd_lesson_parse(&a, (const char *)data, size, &err) != 0) {
		if (err.line < 0 || !err.message[0])
			abort();
		return 0;
	}
	char *text = gd_lesson_format(&a);
	if (!text)
		abort();
	if (gd_lesson_parse(&b, text, strlen(text), &err) != 0)
		abort(); /* what we write, we must read */
	free(text);
	if (a.count != b.count || strcmp(a.title, b.title) ||
	    strcmp(a.title_zh, b.title_zh))
		abort();
	for (int i = 0; i < a.count; i++)
		if (!lesson_scene_same(&a.scenes[i], &b.scenes[i]))
			abort();
	if (!lesson_walk_restores(&a))
		abort();
	gd_lesson_finish(&a);
	gd_lesson_finish(&b);
	return 0;
}
