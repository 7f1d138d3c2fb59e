/* What the lesson module's files share; not installed, not public. */
#ifndef GDSTEP_LESSON_INTERNAL_H
#define GDSTEP_LESSON_INTERNAL_H

#include <gdstep/lesson.h>

/* Marks a message for the catalogue without translating it. */
#define N_(s) s

/* Clears *err but for its translator. */
void lesson_error_clear(struct gd_lesson_error *err);

/* msgid in the caller's language (err->tr), else itself. */
const char *lesson_tr(const struct gd_lesson_error *err, const char *msgid)
	__attribute__((format_arg(2)));

/* Records the problem (printf-style, already translated) and its line in
 * *err, keeping err->file. Returns -EINVAL. */
int lesson_fail(struct gd_lesson_error *err, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Copies at most max_bytes of text to buf (size bytes), cut at a UTF-8
 * character boundary and marked with "…" when cut: user text quoted in a
 * message. Returns buf. */
char *lesson_quote(char *buf, size_t size, const char *text, size_t max_bytes);

#endif
