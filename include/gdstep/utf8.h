/*
 * The one UTF-8 walker: lesson files are checked with it, titles and
 * captions counted and cut with it, and every screen decodes text with it.
 */
#ifndef GDSTEP_UTF8_H
#define GDSTEP_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* The replacement character, for bytes that are not UTF-8. */
#define GD_UTF8_BAD 0xFFFDu

/*
 * Decodes the character at *s and moves *s past it. A byte that does not
 * start a well-formed character (a stray continuation byte, a truncated or
 * overlong sequence, a surrogate, a code point past U+10FFFF) decodes as
 * GD_UTF8_BAD and moves *s one byte on. *s must not point at the NUL.
 */
unsigned gd_utf8_next(const char **s);

/* Whether byte b continues a character (10xxxxxx). */
bool gd_utf8_is_continuation(unsigned char b);

/* Characters (not bytes) in the NUL-terminated s. */
size_t gd_utf8_count(const char *s);

/* The longest length ≤ max bytes at which s (of len bytes) can be cut
 * without splitting a character. */
size_t gd_utf8_cut(const char *s, size_t len, size_t max);

/* The offset of the first byte of s[0, len) that is not well-formed
 * UTF-8, or len when all of it is. */
size_t gd_utf8_check(const char *s, size_t len);

/*
 * Copies text into buf (size bytes, at least 8) for a one-line message:
 * control characters (newline, tab, escape, DEL, …) are written as \n,
 * \t, \r or \xNN, and a text of more than max_bytes (after escaping) is
 * cut at a character boundary and ends with "…". Always terminates buf;
 * returns buf.
 */
char *gd_utf8_quote(char *buf, size_t size, const char *text, size_t max_bytes);

#endif
