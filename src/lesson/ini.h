/*
 * The INI syntax of lesson files, one line at a time; not installed, not
 * public. src/lesson/parse.c gives the lines their meaning.
 *
 *     ; a comment         blank lines and lines starting with ; or # too
 *     [section]
 *     key = value         ("key: value" too); " ;" starts a comment
 *       more value        an indented line after a key line continues it
 *
 * Lines end at '\n' (a '\r' before it is trailing space); the last line
 * needs no line end. A UTF-8 byte order mark before line 1 is skipped.
 * The reader works on its own copy of the text, so lines have no length
 * limit; a NUL byte ends its line's text, as in any C string.
 */
#ifndef GDSTEP_LESSON_INI_H
#define GDSTEP_LESSON_INI_H

#include <stdbool.h>
#include <stddef.h>

enum ini_kind {
	INI_BLANK,        /* blank, or a comment */
	INI_SECTION,      /* "[name]": name */
	INI_KEY,          /* "name = value" */
	INI_CONTINUATION, /* an indented line after a key line: value */
	INI_BAD_SECTION,  /* '[' without ']' */
	INI_BAD_LINE,     /* none of these: no '=' or ':' */
};

struct ini_line {
	enum ini_kind kind;
	int number;        /* 1-based */
	size_t bytes;      /* of the line in the text, its line end included */
	const char *name;  /* section or key; "" for other kinds */
	const char *value; /* key or continuation line's; else "" */
};

struct ini_reader {
	char *text; /* our copy, cut into lines as they are read */
	size_t len, pos;
	int number;    /* of the last line read */
	bool key_seen; /* a key line with a name since the last section */
};

/* Starts reading len bytes of text (copied). Returns 0 or -ENOMEM. */
int lesson_ini_init(struct ini_reader *r, const char *text, size_t len);

/* The next line into *line: true, or false at the end of the text. The
 * strings in *line last until the reader is finished. */
bool lesson_ini_next(struct ini_reader *r, struct ini_line *line);

/* Frees the copy; r may be NULL. */
void lesson_ini_finish(struct ini_reader *r);

#endif
