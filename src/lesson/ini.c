/*
 * The INI reader of lesson files, hand-written rather than libinih: the
 * browser edition compiles src/lesson to WebAssembly (wasm32-wasi), where
 * no system libinih exists (Debian's libinih-dev ships no source), and
 * libinih's 200-byte line buffer cut captions at about 60 Chinese
 * characters. It keeps the syntax lesson files had with libinih 55 (as
 * Debian builds it: multi-line values, inline ';' comments after a space,
 * a byte order mark skipped), so every lesson file reads as before. It is
 * small, table-tested (tests/test_ini.c) and fuzzed through the lesson
 * parser (fuzz/fuzz_lesson.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"

/* isspace of the C locale, whatever the locale is. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

static char *skip_space(char *s)
{
	while (*s && is_space(*s))
		s++;
	return s;
}

/* Cuts trailing white space off s. */
static void trim_end(char *s)
{
	char *e = s + strlen(s);
	while (e > s && is_space(e[-1]))
		*--e = '\0';
}

/* The first of chars (none if NULL) in s, or of a ';' that follows white
 * space (a comment), or the end of s. */
static char *find_or_comment(char *s, const char *chars)
{
	bool was_space = false;
	while (*s && (!chars || !strchr(chars, *s)) && !(was_space && *s == ';')) {
		was_space = is_space(*s);
		s++;
	}
	return s;
}

int lesson_ini_init(struct ini_reader *r, const char *text, size_t len)
{
	*r = (struct ini_reader){ .len = len };
	r->text = malloc(len + 1);
	if (!r->text)
		return -ENOMEM;
	if (len)
		memcpy(r->text, text, len);
	r->text[len] = '\0';
	return 0;
}

void lesson_ini_finish(struct ini_reader *r)
{
	if (!r)
		return;
	free(r->text);
	r->text = NULL;
}

/* A line that is not blank, a comment or a continuation, at s. */
static void sort_line(struct ini_reader *r, struct ini_line *l, char *s)
{
	if (*s == '[') {
		char *end = find_or_comment(s + 1, "]");
		if (*end != ']') {
			l->kind = INI_BAD_SECTION;
			return;
		}
		*end = '\0';
		l->kind = INI_SECTION;
		l->name = s + 1;
		r->key_seen = false;
		return;
	}
	char *end = find_or_comment(s, "=:");
	if (*end != '=' && *end != ':') {
		l->kind = INI_BAD_LINE;
		return;
	}
	*end = '\0';
	trim_end(s);
	char *value = end + 1;
	*find_or_comment(value, NULL) = '\0';
	value = skip_space(value);
	trim_end(value);
	l->kind = INI_KEY;
	l->name = s;
	l->value = value;
	r->key_seen = s[0] != '\0';
}

bool lesson_ini_next(struct ini_reader *r, struct ini_line *l)
{
	if (!r->text || r->pos >= r->len)
		return false;
	char *line = r->text + r->pos;
	char *nl = memchr(line, '\n', r->len - r->pos);
	size_t n = nl ? (size_t)(nl - line) + 1 : r->len - r->pos;
	if (nl)
		*nl = '\0';
	r->pos += n;
	*l = (struct ini_line){
		.kind = INI_BLANK,
		.number = ++r->number,
		.bytes = n,
		.name = "",
		.value = "",
	};
	char *s = line;
	if (r->number == 1 && memcmp(s, "\xEF\xBB\xBF", strnlen(s, 3)) == 0 &&
	    strnlen(s, 3) == 3)
		s += 3;
	trim_end(s);
	s = skip_space(s);
	if (*s == '\0' || *s == ';' || *s == '#')
		return true;
	if (r->key_seen && s > line) {
		*find_or_comment(s, NULL) = '\0';
		trim_end(s);
		l->kind = INI_CONTINUATION;
		l->value = s;
		return true;
	}
	sort_line(r, l, s);
	return true;
}
