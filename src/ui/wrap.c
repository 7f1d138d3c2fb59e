/*
 * Line breaking for the panel, the caption and anything else that wraps;
 * see wrap.h. Widths come from the screen's measurer, so the same breaks
 * are found headless as on screen.
 */
#include <stdbool.h>
#include <string.h>

#include <gdstep/utf8.h>

#include "wrap.h"

/* Copies src without break marks into dst. */
static void strip_marks(char *dst, size_t size, const char *src)
{
	size_t j = 0;
	for (size_t i = 0; src[i] && j + 1 < size; i++)
		if (src[i] != APP_WRAP_BRK[0])
			dst[j++] = src[i];
	dst[j] = '\0';
}

struct wrapper {
	const struct app_measure *m;
	int px, width;
	enum app_face face;
	void (*fn)(void *, const char *);
	void *ctx;
	int lines;
	char line[APP_WRAP_LINE_MAX];
};

static bool fits(struct wrapper *w, const char *s)
{
	char plain[APP_WRAP_LINE_MAX];
	strip_marks(plain, sizeof(plain), s);
	return w->m->width(w->m->ctx, plain, w->px, w->face) <= w->width;
}

static void emit(struct wrapper *w)
{
	char plain[APP_WRAP_LINE_MAX];
	strip_marks(plain, sizeof(plain), w->line);
	if (w->fn)
		w->fn(w->ctx, plain);
	w->lines++;
	w->line[0] = '\0';
}

/* A word too long for any line: as many characters per line as fit. */
static void break_word(struct wrapper *w, const char *word, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t cur = strlen(w->line), j = i;
		do {
			j++;
			while (j < len &&
			       gd_utf8_is_continuation((unsigned char)word[j]))
				j++;
			if (cur + (j - i) >= APP_WRAP_LINE_MAX)
				break;
			memcpy(w->line + cur, word + i, j - i);
			w->line[cur + j - i] = '\0';
		} while (j < len && fits(w, w->line));
		if (!fits(w, w->line) && j - i > 1 && cur + (j - i) > 0) {
			/* Back off the character that overflowed. */
			size_t k = j - 1;
			while (k > i &&
			       gd_utf8_is_continuation((unsigned char)word[k]))
				k--;
			if (k > i)
				j = k;
			w->line[cur + j - i] = '\0';
		}
		i = j;
		if (i < len)
			emit(w);
	}
}

/* The character that starts at s (not the NUL), through the core's one
 * UTF-8 walker. */
static unsigned code_at(const char *s)
{
	return gd_utf8_next(&s);
}

static bool is_cjk(unsigned c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFF00 && c <= 0xFFEF);
}

/* Chinese punctuation that must not start a line, or end one. */
static bool closing(unsigned c)
{
	static const unsigned set[] = { 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A,
					0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x300D,
					0x300F, 0x201D, 0x2019, 0x2026 };
	for (size_t i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (c == set[i])
			return true;
	return false;
}

static bool opening(unsigned c)
{
	return c == 0xFF08 || c == 0x300C || c == 0x300E || c == 0x201C ||
	       c == 0x2018;
}

/* Chinese has no spaces: a line may break between two characters when
 * either is Chinese, except before closing or after opening punctuation. */
static bool cjk_break(const char *p, size_t start, size_t j)
{
	if (j <= start || gd_utf8_is_continuation((unsigned char)p[j]) ||
	    p[j] == ' ')
		return false;
	size_t k = j - 1;
	while (k > start && gd_utf8_is_continuation((unsigned char)p[k]))
		k--;
	unsigned prev = code_at(p + k), next = code_at(p + j);
	if (prev == ' ' || !(is_cjk(prev) || is_cjk(next)))
		return false;
	return !closing(next) && !opening(prev);
}

static void wrap_paragraph(struct wrapper *w, const char *p, size_t len)
{
	char brk = memchr(p, APP_WRAP_BRK[0], len) ? APP_WRAP_BRK[0] : ' ';
	size_t i = 0;
	w->line[0] = '\0';
	/* A paragraph that fits is one line: measured once, not once per
	 * word. The words would give the same line, since a line is never
	 * narrower than any start of it that ends at a break (before a
	 * space or between Chinese characters, whose advances exceed any
	 * kerning). Most of the panel's lines are such paragraphs, with
	 * numbers that change every frame. */
	if (len < APP_WRAP_LINE_MAX && (len == 0 || p[0] != ' ')) {
		memcpy(w->line, p, len);
		w->line[len] = '\0';
		if (fits(w, w->line)) {
			emit(w);
			return;
		}
		w->line[0] = '\0';
	}
	while (i < len) {
		size_t j = i + 1;
		while (j < len && p[j] != brk &&
		       !(brk == ' ' && cjk_break(p, i, j)))
			j++;
		/* The token p[i, j) starts with its break character. */
		size_t cur = strlen(w->line);
		const char *tok = p + i;
		size_t tlen = j - i;
		if (cur == 0 && *tok == ' ') {
			tok++, tlen--;
		}
		if (cur + tlen < APP_WRAP_LINE_MAX) {
			memcpy(w->line + cur, tok, tlen);
			w->line[cur + tlen] = '\0';
		}
		if (!fits(w, w->line)) {
			w->line[cur] = '\0';
			if (cur > 0) {
				emit(w);
				if (*tok == ' ')
					tok++, tlen--;
			}
			if (tlen < APP_WRAP_LINE_MAX) {
				memcpy(w->line, tok, tlen);
				w->line[tlen] = '\0';
			}
			if (!fits(w, w->line)) {
				w->line[0] = '\0';
				break_word(w, tok, tlen);
			}
		}
		i = j;
	}
	if (w->line[0] || len == 0)
		emit(w);
}

int app_wrap(const struct app_measure *m, const char *text, int px,
	     enum app_face face, int width,
	     void (*fn)(void *ctx, const char *line), void *ctx)
{
	struct wrapper w = {
		.m = m, .px = px, .width = width, .face = face, .fn = fn, .ctx = ctx
	};
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		wrap_paragraph(&w, p, len);
		p += len + (nl ? 1 : 0);
	}
	return w.lines;
}
