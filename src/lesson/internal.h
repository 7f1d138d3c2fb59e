/* What the lesson module's files share; not installed, not public. */
#ifndef GDSTEP_LESSON_INTERNAL_H
#define GDSTEP_LESSON_INTERNAL_H

#include <gdstep/lesson.h>

/* Records the problem (printf-style, already translated) and its line in
 * *err, keeping err->file. Returns -EINVAL. */
int lesson_fail(struct gd_lesson_error *err, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Copies at most max_bytes of text to buf (size bytes), cut at a UTF-8
 * character boundary and marked with "…" when cut: user text quoted in a
 * message. Returns buf. */
char *lesson_quote(char *buf, size_t size, const char *text, size_t max_bytes);

#endif
