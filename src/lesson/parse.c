/*
 * Lesson files: INI text read with libinih, checked here.
 *
 *     [lesson]            optional, before the first scene: title, title.zh
 *     [scene]             one per scene, in order, at most 99
 *     curve = wells       required: bowl | neuron | wells | abs
 *     w0 = 1.8            ... every other key has the curve's default
 *     caption = first line
 *       an indented line continues the caption on a new line
 *
 * libinih does the lexing (comments, "key = value", continuation lines);
 * its limits shape the grammar. It reads each line into a 200-byte buffer,
 * so longer lines are refused here rather than silently split. A ';' after
 * a space starts a comment. Continuation lines (indented, after a key line)
 * are delivered as more values of the same key: they are new caption lines
 * or more x, b, y values, and an error for any other key.
 *
 * libinih does not tell the handler where a section starts (the Debian
 * build has no INI_CALL_HANDLER_ON_NEW_SECTION) nor the line number (no
 * INI_HANDLER_LINENO), and two [scene] sections in a row have the same
 * name. So the text reaches libinih through our own line reader, which
 * counts lines and classifies each one exactly as libinih 55 will
 * (comment, continuation, section header, key line): a section starts in
 * the reader, keys arrive in the handler with the reader's line number.
 *
 * Every error stops the parse; the first one, by line, is reported.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include <gdstep/lesson.h>
#include "options.h"
#include <gdstep/run.h>

#include "intl.h"
#include "internal.h"

enum key {
	K_CURVE, K_A, K_C, K_X, K_B, K_Y, K_W0, K_RATE, K_MOMENTUM, K_STEPS,
	K_TITLE, K_TITLE_ZH, K_CAPTION, K_CAPTION_ZH, K_WMIN, K_WMAX,
	K_COUNT,
};

static const char *const key_names[K_COUNT] = {
	[K_CURVE] = "curve", [K_A] = "a", [K_C] = "c", [K_X] = "x",
	[K_B] = "b", [K_Y] = "y", [K_W0] = "w0", [K_RATE] = "rate",
	[K_MOMENTUM] = "momentum", [K_STEPS] = "steps", [K_TITLE] = "title",
	[K_TITLE_ZH] = "title.zh", [K_CAPTION] = "caption",
	[K_CAPTION_ZH] = "caption.zh", [K_WMIN] = "wmin", [K_WMAX] = "wmax",
};

enum section { SEC_NONE, SEC_LESSON, SEC_SCENE };

struct parser {
	const char *text;
	size_t len, pos;
	int line;          /* of the line libinih is working on */
	bool continuation; /* that line continues the previous key's value */
	bool key_seen;     /* libinih's prev_name is set */
	int bad_bracket;   /* first '[' line without ']' */
	enum section sec;
	int sec_line;
	bool lesson_seen;
	enum key last;           /* key of the last key line */
	int key_line[K_COUNT];   /* where each key of this section is, or 0 */
	enum gd_curve_kind kind; /* of this scene, once its curve key is read */
	double a, c;             /* curve parameters as given */
	int nx, nb, ny;          /* values given for x, b, y */
	double x[GD_NEURON_MAX_SAMPLES], b[GD_NEURON_MAX_SAMPLES],
		y[GD_NEURON_MAX_SAMPLES];
	struct gd_scene scene;   /* being read */
	struct gd_lesson *lesson;
	int cap;
	struct gd_lesson_error *err;
	bool failed, nomem;
};

static int fail(struct parser *ps, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct parser *ps, int line, const char *fmt, ...)
{
	if (ps->failed)
		return 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ps->err->message, sizeof(ps->err->message), fmt, ap);
	va_end(ap);
	ps->err->line = line;
	ps->failed = true;
	return 0;
}

/* Levenshtein distance of two short strings (longer ones: "far"). */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 31 || lb > 31)
		return 99;
	size_t row[32];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The known name nearest a typo, or NULL when none is close. */
static const char *nearest(const char *word, const char *const *names,
			   size_t n)
{
	const char *best = NULL;
	size_t best_d = 3;
	for (size_t i = 0; i < n; i++) {
		size_t d = distance(word, names[i]);
		if (d < best_d && d < strlen(names[i])) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

/* Strict UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF), and no control characters but tab and line endings. Returns
 * the 1-based line of the first problem, or 0. */
static int check_text(const char *text, size_t len, char *what, size_t size)
{
	int line = 1;
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		unsigned c = s[i];
		if (c == '\n')
			line++;
		if (c < 0x80) {
			/* A carriage return only as part of a CRLF line end. */
			bool cr_ok = c == '\r' && i + 1 < len && s[i + 1] == '\n';
			if ((c < 0x20 && c != '\t' && c != '\n' && !cr_ok) ||
			    c == 0x7F) {
				snprintf(what, size,
					 _("a control character (byte 0x%02X): a lesson is plain text"),
					 c);
				return line;
			}
			i++;
			continue;
		}
		size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		unsigned lo = 0x80, hi = 0xBF;
		if (c < 0xC2 || c > 0xF4)
			goto bad;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
		else if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
		if (i + n > len || s[i + 1] < lo || s[i + 1] > hi)
			goto bad;
		for (size_t k = 2; k < n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				goto bad;
		i += n;
		continue;
	bad:
		snprintf(what, size,
			 _("the file is not UTF-8 text (byte 0x%02X)"), c);
		return line;
	}
	return 0;
}

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* libinih's find_chars_or_comment: the first of chars, or of a ';' that
 * follows whitespace, or the end. */
static const char *find_chars_or_comment(const char *s, const char *chars)
{
	bool was_space = false;
	while (*s && (!chars || !strchr(chars, *s)) &&
	       !(was_space && *s == ';')) {
		was_space = isspace((unsigned char)*s);
		s++;
	}
	return s;
}

static void finish_section(struct parser *ps);

static void begin_section(struct parser *ps, const char *name, size_t n)
{
	finish_section(ps);
	if (ps->failed)
		return;
	memset(ps->key_line, 0, sizeof(ps->key_line));
	ps->sec_line = ps->line;
	if (n == 6 && memcmp(name, "lesson", 6) == 0) {
		if (ps->lesson_seen) {
			fail(ps, ps->line, _("a second [lesson] section; a lesson has one"));
			return;
		}
		if (ps->lesson->count) {
			fail(ps, ps->line, _("[lesson] must come before the first [scene]"));
			return;
		}
		ps->lesson_seen = true;
		ps->sec = SEC_LESSON;
		return;
	}
	if (n == 5 && memcmp(name, "scene", 5) == 0) {
		if (ps->lesson->count >= GD_LESSON_MAX_SCENES) {
			fail(ps, ps->line, _("more than %d scenes"),
			     GD_LESSON_MAX_SCENES);
			return;
		}
		ps->sec = SEC_SCENE;
		memset(&ps->scene, 0, sizeof(ps->scene));
		ps->nx = ps->nb = ps->ny = 0;
		return;
	}
	char word[64], q[80];
	snprintf(word, sizeof(word), "%.*s", (int)(n < 63 ? n : 63), name);
	lesson_quote(q, sizeof(q), word, 40);
	static const char *const sections[] = { "lesson", "scene" };
	const char *near = nearest(word, sections, 2);
	if (near)
		fail(ps, ps->line, _("unknown section [%s] (did you mean [%s]?)"),
		     q, near);
	else
		fail(ps, ps->line,
		     _("unknown section [%s]; a lesson has [lesson] and [scene] sections"),
		     q);
}

/* Sorts the line libinih is about to get, as libinih 55 will. */
static void classify(struct parser *ps, const char *line)
{
	const char *s = line;
	if (ps->line == 1 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (*s && isspace((unsigned char)*s))
		s++;
	ps->continuation = false;
	if (*s == '\0' || *s == ';' || *s == '#')
		return; /* blank or comment */
	if (ps->key_seen && s > line) {
		ps->continuation = true;
		return;
	}
	if (*s != '[')
		return; /* a key line: the handler sees it */
	const char *end = find_chars_or_comment(s + 1, "]");
	if (*end != ']') {
		if (!ps->bad_bracket)
			ps->bad_bracket = ps->line;
		return;
	}
	ps->key_seen = false;
	begin_section(ps, s + 1, (size_t)(end - s - 1));
}

/* libinih's line reader, over our text: one line per call. */
static char *reader(char *buf, int num, void *stream)
{
	struct parser *ps = stream;
	if (ps->failed || ps->pos >= ps->len)
		return NULL;
	const char *start = ps->text + ps->pos;
	const char *nl = memchr(start, '\n', ps->len - ps->pos);
	size_t n = nl ? (size_t)(nl - start) + 1 : ps->len - ps->pos;
	ps->line++;
	size_t limit = GD_LESSON_LINE_BYTES < num - 1 ? GD_LESSON_LINE_BYTES :
							 (size_t)num - 1;
	if (n > limit) {
		fail(ps, ps->line,
		     _("the line is longer than %zu bytes; continue a caption on indented lines"),
		     limit);
		return NULL;
	}
	memcpy(buf, start, n);
	buf[n] = '\0';
	ps->pos += n;
	classify(ps, buf);
	return buf;
}

static enum key find_key(const char *name)
{
	for (int k = 0; k < K_COUNT; k++)
		if (strcmp(name, key_names[k]) == 0)
			return (enum key)k;
	return K_COUNT;
}

/* Whether a key means something for a kind of curve. */
static bool applies(enum key k, enum gd_curve_kind kind)
{
	switch (k) {
	case K_A:
		return kind == GD_CURVE_BOWL;
	case K_C:
		return kind == GD_CURVE_BOWL || kind == GD_CURVE_ABS;
	case K_X:
	case K_B:
	case K_Y:
		return kind == GD_CURVE_NEURON;
	default:
		return true;
	}
}

static int not_applicable(struct parser *ps, enum key k, int line)
{
	return fail(ps, line, _("'%s' does not apply to the %s curve"),
		    key_names[k], gd_curve_name(ps->kind));
}

/* A finite number in [lo, hi] (open at lo if lo_open). */
static int number(struct parser *ps, enum key k, const char *text, double lo,
		  bool lo_open, double hi, double *out)
{
	char q[80];
	int r = gd_parse_double(text, out);
	if (r == -EINVAL)
		return fail(ps, ps->line, _("%s: '%s' is not a number"),
			    key_names[k], lesson_quote(q, sizeof(q), text, 40));
	if (r < 0)
		return fail(ps, ps->line, _("%s: '%s' is not a finite number"),
			    key_names[k], lesson_quote(q, sizeof(q), text, 40));
	if (lo_open ? !(*out > lo) : !(*out >= lo))
		return fail(ps, ps->line, lo_open ? _("%s must be greater than %g") :
						    _("%s must be at least %g"),
			    key_names[k], lo);
	if (!(*out <= hi))
		return fail(ps, ps->line, _("%s must be at most %g"),
			    key_names[k], hi);
	return 1;
}

/* More comma-separated values of x, b or y. */
static int list(struct parser *ps, enum key k, const char *text)
{
	double *v = k == K_X ? ps->x : k == K_B ? ps->b : ps->y;
	int *n = k == K_X ? &ps->nx : k == K_B ? &ps->nb : &ps->ny;
	for (;;) {
		const char *comma = strchr(text, ',');
		size_t len = comma ? (size_t)(comma - text) : strlen(text);
		char item[64];
		while (len && isspace((unsigned char)*text)) {
			text++;
			len--;
		}
		while (len && isspace((unsigned char)text[len - 1]))
			len--;
		snprintf(item, sizeof(item), "%.*s", (int)(len < 63 ? len : 63), text);
		if (*n >= GD_NEURON_MAX_SAMPLES)
			return fail(ps, ps->line, _("%s: more than %d values"),
				    key_names[k], GD_NEURON_MAX_SAMPLES);
		if (len > 63)
			item[0] = '?'; /* too long to be a number */
		if (!number(ps, k, item, -1e6, false, 1e6, &v[*n]))
			return 0;
		(*n)++;
		if (!comma)
			return 1;
		text = comma + 1;
	}
}

/* A title or caption line into dst, after the text already there. */
static int text_line(struct parser *ps, enum key k, char *dst, size_t size,
		     const char *value, bool more)
{
	bool title = k == K_TITLE || k == K_TITLE_ZH;
	size_t max = title ? GD_LESSON_TITLE_CHARS : GD_LESSON_CAPTION_CHARS;
	size_t have = strlen(dst), add = strlen(value);
	if (add > GD_LESSON_TEXT_LINE_BYTES)
		return fail(ps, ps->line,
			    _("%s: a line of more than %d bytes; continue on an indented line"),
			    key_names[k], GD_LESSON_TEXT_LINE_BYTES);
	if (chars(dst) + chars(value) + more > max || have + add + 2 > size)
		return fail(ps, ps->line, title ? _("a title over %zu characters") :
						  _("a caption over %zu characters"),
			    max);
	if (more)
		dst[have++] = '\n';
	memcpy(dst + have, value, add + 1);
	return 1;
}

static int steps(struct parser *ps, const char *value)
{
	if (strcmp(value, "none") == 0) {
		ps->scene.steps = GD_SCENE_UNPLANNED;
		return 1;
	}
	char *end;
	errno = 0;
	long n = strtol(value, &end, 10);
	if (!*value || *end || errno || n < 0 || n > GD_LESSON_MAX_STEPS ||
	    !isdigit((unsigned char)value[0])) {
		char q[80];
		return fail(ps, ps->line,
			    _("steps: '%s' is not a whole number from 0 to %ld (or none)"),
			    lesson_quote(q, sizeof(q), value, 40), GD_LESSON_MAX_STEPS);
	}
	ps->scene.steps = n;
	return 1;
}

static int curve(struct parser *ps, const char *value)
{
	enum gd_curve_kind kind;
	if (gd_curve_kind_from_name(value, &kind) < 0) {
		static const char *const names[] = { "bowl", "neuron", "wells", "abs" };
		const char *near = nearest(value, names, 4);
		char q[80];
		lesson_quote(q, sizeof(q), value, 40);
		if (near)
			return fail(ps, ps->line,
				    _("unknown curve '%s' (did you mean '%s'?)"), q, near);
		return fail(ps, ps->line,
			    _("unknown curve '%s'; curves are bowl, neuron, wells and abs"), q);
	}
	ps->kind = kind;
	/* Keys given before the curve are checked when the scene ends. */
	return 1;
}

static int scene_value(struct parser *ps, enum key k, const char *v)
{
	struct gd_scene *s = &ps->scene;
	switch (k) {
	case K_CURVE:
		return curve(ps, v);
	case K_A:
		return number(ps, k, v, 0, true, 1e6, &ps->a);
	case K_C:
		return number(ps, k, v, -1e6, false, 1e6, &ps->c);
	case K_X:
	case K_B:
	case K_Y:
		return list(ps, k, v);
	case K_W0:
		return number(ps, k, v, -GD_RUN_WMAX, false, GD_RUN_WMAX, &s->w0);
	case K_RATE:
		return number(ps, k, v, 0, true, GD_OPT_RATE_MAX, &s->rate);
	case K_MOMENTUM:
		/* β lies in [0, 1): the upper end is open, so it has its own
		 * message rather than number()'s "at most". */
		if (!number(ps, k, v, 0, false, 1e300, &s->momentum))
			return 0;
		if (s->momentum >= 1)
			return fail(ps, ps->line, _("momentum must be less than 1"));
		return 1;
	case K_STEPS:
		return steps(ps, v);
	case K_TITLE:
		return text_line(ps, k, s->title, sizeof(s->title), v, false);
	case K_TITLE_ZH:
		return text_line(ps, k, s->title_zh, sizeof(s->title_zh), v, false);
	case K_CAPTION:
		return text_line(ps, k, s->caption, sizeof(s->caption), v, false);
	case K_CAPTION_ZH:
		return text_line(ps, k, s->caption_zh, sizeof(s->caption_zh), v, false);
	case K_WMIN:
		return number(ps, k, v, -GD_RUN_WMAX, false, GD_RUN_WMAX, &s->wmin);
	case K_WMAX:
		return number(ps, k, v, -GD_RUN_WMAX, false, GD_RUN_WMAX, &s->wmax);
	default:
		return 0;
	}
}

static int unknown_key(struct parser *ps, const char *name,
		       const char *const *names, size_t n, const char *section)
{
	char q[80];
	lesson_quote(q, sizeof(q), name, 40);
	const char *near = nearest(name, names, n);
	if (near)
		return fail(ps, ps->line, _("unknown key '%s' (did you mean '%s'?)"),
			    q, near);
	return fail(ps, ps->line, _("unknown key '%s' in [%s]"), q, section);
}

static int key_line(struct parser *ps, const char *name, const char *value)
{
	char q[80];
	if (ps->sec == SEC_NONE)
		return fail(ps, ps->line,
			    _("'%s' comes before any section; start with [lesson] or [scene]"),
			    lesson_quote(q, sizeof(q), name, 40));
	enum key k = find_key(name);
	if (ps->sec == SEC_LESSON) {
		static const char *const names[] = { "title", "title.zh" };
		if (k != K_TITLE && k != K_TITLE_ZH)
			return unknown_key(ps, name, names, 2, "lesson");
	} else if (k == K_COUNT) {
		return unknown_key(ps, name, key_names, K_COUNT, "scene");
	}
	if (ps->key_line[k])
		return fail(ps, ps->line, _("'%s' is given twice (first on line %d)"),
			    key_names[k], ps->key_line[k]);
	ps->key_line[k] = ps->line;
	ps->last = k;
	if (ps->sec == SEC_LESSON) {
		struct gd_lesson *l = ps->lesson;
		return k == K_TITLE ?
			       text_line(ps, k, l->title, sizeof(l->title), value, false) :
			       text_line(ps, k, l->title_zh, sizeof(l->title_zh), value, false);
	}
	if (ps->key_line[K_CURVE] && k != K_CURVE &&
	    !applies(k, ps->kind))
		return not_applicable(ps, k, ps->line);
	return scene_value(ps, k, value);
}

/* An indented line after a key line: more of the same key's value. */
static int continued(struct parser *ps, const char *value)
{
	struct gd_scene *s = &ps->scene;
	enum key k = ps->last;
	if (ps->sec == SEC_SCENE && k == K_CAPTION)
		return text_line(ps, k, s->caption, sizeof(s->caption), value, true);
	if (ps->sec == SEC_SCENE && k == K_CAPTION_ZH)
		return text_line(ps, k, s->caption_zh, sizeof(s->caption_zh), value,
				 true);
	if (ps->sec == SEC_SCENE && (k == K_X || k == K_B || k == K_Y))
		return list(ps, k, value);
	return fail(ps, ps->line,
		    _("this indented line continues '%s'; only a caption or the x, b, y lists go on over lines (unindent it)"),
		    key_names[k]);
}

static int handler(void *user, const char *section, const char *name,
		   const char *value)
{
	struct parser *ps = user;
	(void)section; /* sections are tracked by the reader */
	if (ps->failed)
		return 1;
	if (ps->continuation)
		return continued(ps, value);
	ps->key_seen = name[0] != '\0';
	return key_line(ps, name, value);
}

/* The neuron's samples: lists of one length; a list not given repeats
 * the default sample's value. */
static int samples(struct parser *ps, struct gd_curve *c)
{
	int n = ps->nx > ps->nb ? ps->nx : ps->nb;
	n = ps->ny > n ? ps->ny : n;
	if (n == 0)
		return 1;
	const int counts[] = { ps->nx, ps->nb, ps->ny };
	const enum key keys[] = { K_X, K_B, K_Y };
	const double *given[] = { ps->x, ps->b, ps->y };
	double *v[] = { c->x, c->b, c->y };
	for (int i = 0; i < 3; i++) {
		if (counts[i] && counts[i] != n)
			return fail(ps, ps->key_line[keys[i]],
				    _("x, b and y need the same number of values (%s has %d, another has %d)"),
				    key_names[keys[i]], counts[i], n);
		double dflt = v[i][0];
		for (int u = 0; u < n; u++)
			v[i][u] = counts[i] ? given[i][u] : dflt;
	}
	c->n = n;
	return 1;
}

/* The scene just read, checked and completed with defaults. */
static void finish_scene(struct parser *ps)
{
	struct gd_scene *s = &ps->scene;
	const int *at = ps->key_line;
	if (!at[K_CURVE]) {
		fail(ps, ps->sec_line,
		     _("this scene has no 'curve' (bowl, neuron, wells or abs); it is required"));
		return;
	}
	for (int k = 0; k < K_COUNT; k++)
		if (at[k] && !applies((enum key)k, ps->kind)) {
			not_applicable(ps, (enum key)k, at[k]);
			return;
		}
	gd_curve_default(&s->curve, ps->kind);
	if (at[K_A])
		s->curve.a = ps->a;
	if (at[K_C])
		s->curve.c = ps->c;
	if (!samples(ps, &s->curve))
		return;
	struct gd_curve_start d = gd_curve_start_default(s->curve.kind);
	if (!at[K_W0])
		s->w0 = d.w0;
	if (!at[K_RATE])
		s->rate = d.rate;
	if (!at[K_MOMENTUM])
		s->momentum = d.momentum;
	if (!at[K_STEPS])
		s->steps = GD_SCENE_DEFAULT_STEPS;
	if (!at[K_WMIN] != !at[K_WMAX]) {
		fail(ps, at[K_WMIN] ? at[K_WMIN] : at[K_WMAX],
		     _("wmin and wmax come together: give both or neither"));
		return;
	}
	s->has_range = at[K_WMIN] != 0;
	if (s->has_range && !(s->wmin < s->wmax)) {
		fail(ps, at[K_WMAX], _("wmin must be less than wmax"));
		return;
	}
	if (gd_curve_check(&s->curve) < 0) {
		fail(ps, ps->sec_line, _("the curve's parameters are not valid"));
		return;
	}
	struct gd_lesson *l = ps->lesson;
	if (l->count == ps->cap) {
		int cap = ps->cap ? ps->cap * 2 : 8;
		struct gd_scene *p = realloc(l->scenes, (size_t)cap * sizeof(*p));
		if (!p) {
			ps->nomem = true;
			fail(ps, ps->sec_line, "%s", strerror(ENOMEM));
			return;
		}
		l->scenes = p;
		ps->cap = cap;
	}
	l->scenes[l->count++] = *s;
}

static void finish_section(struct parser *ps)
{
	if (ps->sec == SEC_SCENE && !ps->failed)
		finish_scene(ps);
	ps->sec = SEC_NONE;
}

int gd_lesson_parse(struct gd_lesson *lesson, const char *text, size_t len,
		    struct gd_lesson_error *err)
{
	memset(lesson, 0, sizeof(*lesson));
	memset(err, 0, sizeof(*err));
	if (len > GD_LESSON_MAX_FILE)
		return lesson_fail(err, 0, _("the file is larger than %d MiB"),
				   GD_LESSON_MAX_FILE / (1024 * 1024));
	char what[200];
	int bad = check_text(text, len, what, sizeof(what));
	if (bad)
		return lesson_fail(err, bad, "%s", what);
	struct parser *ps = calloc(1, sizeof(*ps));
	if (!ps)
		return -ENOMEM;
	ps->text = text;
	ps->len = len;
	ps->lesson = lesson;
	ps->err = err;
	int r = ini_parse_stream(reader, ps, handler, ps);
	if (!ps->failed && r >= 0)
		finish_section(ps);
	if (r == -2)
		ps->nomem = true;
	if (r > 0 && (!ps->failed || r < err->line)) {
		ps->failed = false;
		if (r == ps->bad_bracket)
			fail(ps, r, _("a section header without its closing ']'"));
		else
			fail(ps, r, _("expected 'key = value', a [section] or a ; comment"));
	}
	if (!ps->failed && !ps->nomem && lesson->count == 0)
		fail(ps, 0, _("the lesson has no [scene]"));
	bool nomem = ps->nomem, failed = ps->failed;
	free(ps);
	if (nomem || failed) {
		gd_lesson_finish(lesson);
		return nomem ? -ENOMEM : -EINVAL;
	}
	return 0;
}
