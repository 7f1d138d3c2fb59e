/*
 * Lesson files: INI text read by our own reader (ini.c), checked here.
 *
 *     [lesson]            optional, before the first scene: title, title.zh
 *     [scene]             one per scene, in order, at most 99
 *     curve = wells       required: bowl | neuron | wells | abs | bowl2 |
 *                         neuron2 | wells2
 *     w0 = 1.8            ... every other key has the curve's default
 *     w0 = -0.8, 0.5      (a curve of two weights: w₁, w₂)
 *     caption = first line
 *       an indented line continues the caption on a new line
 *
 * The reader does the lexing (comments, "key = value", continuation
 * lines) as libinih did before it, so files read as they always have. A
 * ';' after a space starts a comment. Continuation lines (indented, after
 * a key line) are more values of the same key: they are new caption lines
 * or more x, b, y values, and an error for any other key. Lines may be up
 * to GD_LESSON_LINE_BYTES long: a whole caption fits on one.
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

#include <gdstep/lesson.h>
#include <gdstep/names.h>
#include <gdstep/number.h>
#include <gdstep/utf8.h>
#include <gdstep/run.h>

#include "ini.h"
#include "internal.h"

/* The keys every scene has; after them come the curves' parameters and
 * the optimizer's hyper-parameters, named by their tables
 * (src/core/curve.c, src/core/optimizer.c). */
enum key {
	K_CURVE,
	K_W0,
	K_STEPS,
	K_TITLE,
	K_TITLE_ZH,
	K_CAPTION,
	K_CAPTION_ZH,
	K_WMIN,
	K_WMAX,
	K_OPTIMIZER,
	K_RUN,
	K_FORMULA,
	K_FIXED,
	K_MAX = K_FIXED + 32,
};

static const char *const fixed_names[K_FIXED] = {
	[K_CURVE] = "curve",
	[K_W0] = "w0",
	[K_STEPS] = "steps",
	[K_TITLE] = "title",
	[K_TITLE_ZH] = "title.zh",
	[K_CAPTION] = "caption",
	[K_CAPTION_ZH] = "caption.zh",
	[K_WMIN] = "wmin",
	[K_WMAX] = "wmax",
	[K_OPTIMIZER] = "optimizer",
	[K_RUN] = "run",
	[K_FORMULA] = "formula",
};

/* A `run = NAME, key=value, …` line, resolved when its scene ends (η
 * defaults to the scene's). */
struct prun {
	enum gd_optimizer_kind kind;
	bool has[GD_OPT_HYPER];
	double v[GD_OPT_HYPER];
};

/* What a key after the fixed ones stands for. */
struct pkey {
	const struct gd_param_spec *spec; /* its first row's (for messages) */
	bool list;                        /* a per-sample list */
	bool hyper;                       /* an optimizer's */
};

/* Every key a scene may have, built from the tables. */
struct keys {
	int count;
	const char *names[K_MAX];
	struct pkey p[K_MAX];
};

enum section { SEC_NONE, SEC_LESSON, SEC_SCENE };

struct parser {
	int line;         /* of the line being read */
	int syntax;       /* the first line that is not INI, or 0 */
	bool bad_section; /* that line is a '[' without ']' */
	enum section sec;
	int sec_line;
	bool lesson_seen;
	struct keys keys;
	int last;                /* key of the last key line */
	int key_line[K_MAX];     /* where each key of this section is, or 0 */
	enum gd_curve_kind kind; /* of this scene, once its curve key is read */
	int nw0;                 /* weights given by w0: 1 or 2 */
	int nv[K_MAX];           /* values given for each parameter key */
	double v[K_MAX][GD_SAMPLES_MAX]; /* and the values */
	struct gd_scene scene;           /* being read */
	enum gd_optimizer_kind opt_kind; /* its first run's optimizer */
	int nrun;                        /* its run lines */
	struct prun runs[GD_SCENE_RUNS - 1];
	struct gd_formula formula; /* its `formula =`, compiled */
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

/* The known name nearest a typo, or NULL when none is close. */
static const char *nearest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	int best_d = 3;
	for (size_t i = 0; i < n; i++) {
		int d = gd_edit_distance(word, names[i]);
		if (d < best_d && (size_t)d < strlen(names[i])) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

/* Strict UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF), and no control characters but tab and line endings. Returns
 * the 1-based line of the first problem, or 0. */
static int check_text(const struct gd_lesson_error *err, const char *text,
		      size_t len, char *what, size_t size)
{
	int line = 1;
	const unsigned char *s = (const unsigned char *)text;
	size_t bad = gd_utf8_check(text, len);
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (i == bad) {
			snprintf(what, size,
				 lesson_tr(err,
					   "the file is not UTF-8 text (byte 0x%02X)"),
				 c);
			return line;
		}
		if (c == '\n')
			line++;
		/* A carriage return only as part of a CRLF line end. */
		bool cr_ok = c == '\r' && i + 1 < len && s[i + 1] == '\n';
		if ((c < 0x20 && c != '\t' && c != '\n' && !cr_ok) || c == 0x7F) {
			snprintf(what, size,
				 lesson_tr(err,
					   "a control character (byte 0x%02X): a lesson is plain text"),
				 c);
			return line;
		}
	}
	return 0;
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
			fail(ps, ps->line,
			     lesson_tr(ps->err,
				       "a second [lesson] section; a lesson has one"));
			return;
		}
		if (ps->lesson->count) {
			fail(ps, ps->line,
			     lesson_tr(ps->err,
				       "[lesson] must come before the first [scene]"));
			return;
		}
		ps->lesson_seen = true;
		ps->sec = SEC_LESSON;
		return;
	}
	if (n == 5 && memcmp(name, "scene", 5) == 0) {
		if (ps->lesson->count >= GD_LESSON_MAX_SCENES) {
			fail(ps, ps->line,
			     lesson_tr(ps->err, "more than %d scenes"),
			     GD_LESSON_MAX_SCENES);
			return;
		}
		ps->sec = SEC_SCENE;
		memset(&ps->scene, 0, sizeof(ps->scene));
		memset(ps->nv, 0, sizeof(ps->nv));
		ps->opt_kind = GD_OPTIMIZER_GD;
		ps->nrun = 0;
		return;
	}
	char word[64], q[80];
	snprintf(word, sizeof(word), "%.*s", (int)(n < 63 ? n : 63), name);
	lesson_quote(q, sizeof(q), word, 40);
	static const char *const sections[] = { "lesson", "scene" };
	const char *near = nearest(word, sections, 2);
	if (near)
		fail(ps, ps->line,
		     lesson_tr(ps->err,
			       "unknown section [%s] (did you mean [%s]?)"),
		     q, near);
	else
		fail(ps, ps->line,
		     lesson_tr(ps->err,
			       "unknown section [%s]; a lesson has [lesson] and [scene] sections"),
		     q);
}

/* Adds a parameter key unless a row before named it already. */
static void add_key(struct keys *ks, const struct gd_param_spec *spec,
		    bool list, bool hyper)
{
	for (int k = K_FIXED; k < ks->count; k++)
		if (strcmp(ks->names[k], spec->key) == 0)
			return;
	if (ks->count == K_MAX)
		return;
	ks->p[ks->count] = (struct pkey){ spec, list, hyper };
	ks->names[ks->count++] = spec->key;
}

/* The fixed keys, then every curve's parameters, then the optimizer's. */
static void build_keys(struct keys *ks)
{
	for (int k = 0; k < K_FIXED; k++)
		ks->names[k] = fixed_names[k];
	ks->count = K_FIXED;
	for (int c = 0; c < GD_CURVE_COUNT; c++) {
		const struct gd_curve_spec *cs = gd_curve_spec(c);
		for (int i = 0; i < cs->nparams; i++)
			add_key(ks, &cs->params[i], false, false);
		for (int i = 0; i < cs->nlists; i++)
			add_key(ks, &cs->lists[i], true, false);
	}
	for (int k = 0; k < GD_OPTIMIZER_COUNT; k++) {
		const struct gd_optimizer_spec *os = gd_optimizer_spec(k);
		for (int i = 0; i < os->nhyper; i++)
			add_key(ks, &os->hyper[i], false, true);
	}
}

static int find_key(const struct keys *ks, const char *name)
{
	for (int k = 0; k < ks->count; k++)
		if (strcmp(name, ks->names[k]) == 0)
			return k;
	return -1;
}

/* Where key k is in a curve's params[] (*list false) or lists[] (true);
 * -1 if the curve does not have it. */
static int curve_slot(const struct gd_curve_spec *cs, const char *key, bool *list)
{
	for (int i = 0; i < cs->nparams; i++)
		if (strcmp(cs->params[i].key, key) == 0)
			return *list = false, i;
	for (int i = 0; i < cs->nlists; i++)
		if (strcmp(cs->lists[i].key, key) == 0)
			return *list = true, i;
	return -1;
}

/* Whether a key means something for a kind of curve. */
static bool applies(const struct keys *ks, int k, enum gd_curve_kind kind)
{
	bool list;
	if (k < K_FIXED || ks->p[k].hyper)
		return true;
	return curve_slot(gd_curve_spec(kind), ks->names[k], &list) >= 0;
}

static int not_applicable(struct parser *ps, int k, int line)
{
	return fail(ps, line,
		    lesson_tr(ps->err, "'%s' does not apply to the %s curve"),
		    ps->keys.names[k], gd_curve_name(ps->kind));
}

/* A finite number within spec's range. */
static int number(struct parser *ps, int k, const char *text,
		  const struct gd_param_spec *spec, double *out)
{
	char q[80];
	const char *name = ps->keys.names[k];
	int r = gd_parse_double(text, out);
	if (r == -EINVAL)
		return fail(ps, ps->line,
			    lesson_tr(ps->err, "%s: '%s' is not a number"),
			    name, lesson_quote(q, sizeof(q), text, 40));
	if (r < 0)
		return fail(ps, ps->line,
			    lesson_tr(ps->err, "%s: '%s' is not a finite number"),
			    name, lesson_quote(q, sizeof(q), text, 40));
	if (spec->min_open ? !(*out > spec->min) : !(*out >= spec->min))
		return fail(ps, ps->line,
			    spec->min_open ?
				    lesson_tr(ps->err,
					      "%s must be greater than %g") :
				    lesson_tr(ps->err, "%s must be at least %g"),
			    name, spec->min);
	if (spec->max_open && !(*out < spec->max))
		return fail(ps, ps->line,
			    lesson_tr(ps->err, "%s must be less than %g"), name,
			    spec->max);
	if (!(*out <= spec->max))
		return fail(ps, ps->line,
			    lesson_tr(ps->err, "%s must be at most %g"), name,
			    spec->max);
	return 1;
}

/* More comma-separated values of a list (or the one value of a scalar). */
static int list(struct parser *ps, int k, const char *text)
{
	const struct pkey *pk = &ps->keys.p[k];
	int *n = &ps->nv[k];
	for (;;) {
		const char *comma = pk->list ? strchr(text, ',') : NULL;
		size_t len = comma ? (size_t)(comma - text) : strlen(text);
		char item[64];
		while (len && isspace((unsigned char)*text)) {
			text++;
			len--;
		}
		while (len && isspace((unsigned char)text[len - 1]))
			len--;
		snprintf(item, sizeof(item), "%.*s", (int)(len < 63 ? len : 63),
			 text);
		if (*n >= GD_SAMPLES_MAX)
			return fail(ps, ps->line,
				    lesson_tr(ps->err, "%s: more than %d values"),
				    ps->keys.names[k], GD_SAMPLES_MAX);
		if (len > 63)
			item[0] = '?'; /* too long to be a number */
		if (!number(ps, k, item, pk->spec, &ps->v[k][*n]))
			return 0;
		(*n)++;
		if (!comma)
			return 1;
		text = comma + 1;
	}
}

/* A title or caption line into dst, after the text already there. */
static int text_line(struct parser *ps, int k, char *dst, size_t size,
		     const char *value, bool more)
{
	bool title = k == K_TITLE || k == K_TITLE_ZH;
	size_t max = title ? GD_LESSON_TITLE_CHARS : GD_LESSON_CAPTION_CHARS;
	size_t have = strlen(dst), add = strlen(value);
	if (gd_utf8_count(dst) + gd_utf8_count(value) + more > max ||
	    have + add + 2 > size)
		return fail(ps, ps->line,
			    title ? lesson_tr(ps->err,
					      "a title over %zu characters") :
				    lesson_tr(ps->err,
					      "a caption over %zu characters"),
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
	long n;
	if (gd_parse_long(value, 0, GD_LESSON_MAX_STEPS, &n) < 0) {
		char q[80];
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "steps: '%s' is not a whole number from 0 to %ld (or none)"),
			    lesson_quote(q, sizeof(q), value, 40),
			    GD_LESSON_MAX_STEPS);
	}
	ps->scene.steps = n;
	return 1;
}

static int curve(struct parser *ps, const char *value)
{
	enum gd_curve_kind kind;
	if (gd_curve_kind_from_name(value, &kind) < 0) {
		const char *names[GD_CURVE_COUNT];
		char all[128] = "";
		for (int k = 0; k < GD_CURVE_COUNT; k++) {
			names[k] = gd_curve_name(k);
			snprintf(all + strlen(all), sizeof(all) - strlen(all),
				 "%s%s",
				 k == 0 ? "" :
				 k + 1 < GD_CURVE_COUNT ?
					  lesson_tr(ps->err, ", ") :
					  lesson_tr(ps->err, " and "),
				 names[k]);
		}
		const char *near = nearest(value, names, GD_CURVE_COUNT);
		char q[80];
		lesson_quote(q, sizeof(q), value, 40);
		if (near)
			return fail(ps, ps->line,
				    lesson_tr(ps->err,
					      "unknown curve '%s' (did you mean '%s'?)"),
				    q, near);
		return fail(ps, ps->line,
			    lesson_tr(ps->err, "unknown curve '%s'; curves are %s"),
			    q, all);
	}
	ps->kind = kind;
	/* Keys given before the curve are checked when the scene ends. */
	return 1;
}

/* A weight, or an end of the w range. */
static const struct gd_param_spec weight = {
	.key = "w",
	.min = -GD_RUN_WMAX,
	.max = GD_RUN_WMAX,
};

/* An optimizer's name, with a hint for a near miss. */
static int optimizer_kind(struct parser *ps, const char *v,
			  enum gd_optimizer_kind *kind)
{
	if (gd_optimizer_kind_from_name(v, kind) == 0)
		return 1;
	char q[80];
	return fail(ps, ps->line,
		    lesson_tr(ps->err,
			      "unknown optimizer '%s' (did you mean '%s'?); optimizers are gd, nesterov, adagrad, rmsprop and adam"),
		    lesson_quote(q, sizeof(q), v, 40), gd_optimizer_nearest(v));
}

/* One "key=value" of a run line. */
static int run_pair(struct parser *ps, struct prun *r, char *pair)
{
	char *eq = strchr(pair, '='), q[80];
	char *key = pair, *val = eq ? eq + 1 : NULL;
	if (eq)
		*eq = '\0';
	while (isspace((unsigned char)*key))
		key++;
	for (char *e = key + strlen(key);
	     e > key && isspace((unsigned char)e[-1]);)
		*--e = '\0';
	int i = gd_optimizer_hyper_index(r->kind, key);
	if (!val || i < 0)
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "run: '%s' is not key=value with a key of %s"),
			    lesson_quote(q, sizeof(q), key, 40),
			    gd_optimizer_spec(r->kind)->name);
	while (isspace((unsigned char)*val))
		val++;
	r->has[i] = true;
	return number(ps, K_RUN, val, &gd_optimizer_spec(r->kind)->hyper[i],
		      &r->v[i]);
}

/* run = NAME[, key=value…]: one more run side by side. */
static int run_line(struct parser *ps, const char *v)
{
	if (ps->nrun == GD_SCENE_RUNS - 1)
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "more than %d runs in a scene (the scene's own and %d run lines)"),
			    GD_SCENE_RUNS, GD_SCENE_RUNS - 1);
	char buf[GD_LESSON_LINE_BYTES + 1];
	snprintf(buf, sizeof(buf), "%s", v);
	struct prun *r = &ps->runs[ps->nrun];
	*r = (struct prun){ 0 };
	char *save = NULL, *tok = strtok_r(buf, ",", &save);
	char *name = tok ? tok : buf;
	while (isspace((unsigned char)*name))
		name++;
	for (char *e = name + strlen(name);
	     e > name && isspace((unsigned char)e[-1]);)
		*--e = '\0';
	if (!optimizer_kind(ps, name, &r->kind))
		return 0;
	while ((tok = strtok_r(NULL, ",", &save)))
		if (!run_pair(ps, r, tok))
			return 0;
	ps->nrun++;
	return 1;
}

/* w0 = W, or w0 = W1, W2 for a curve of two weights. */
static int start(struct parser *ps, const char *text)
{
	struct gd_scene *s = &ps->scene;
	const char *comma = strchr(text, ',');
	char item[64];
	ps->nw0 = comma ? 2 : 1;
	if (!comma)
		return number(ps, K_W0, text, &weight, &s->w0[0]);
	size_t len = (size_t)(comma - text);
	snprintf(item, sizeof(item), "%.*s", (int)(len < 63 ? len : 63), text);
	if (len > 63)
		item[0] = '?'; /* too long to be a number */
	char *end = item + strlen(item);
	while (end > item && isspace((unsigned char)end[-1]))
		*--end = '\0';
	const char *second = comma + 1;
	while (isspace((unsigned char)*second))
		second++;
	if (strchr(second, ',')) {
		char q[80];
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "w0: '%s' is not a weight or a pair w1, w2"),
			    lesson_quote(q, sizeof(q), text, 40));
	}
	return number(ps, K_W0, item, &weight, &s->w0[0]) &&
	       number(ps, K_W0, second, &weight, &s->w0[1]);
}

/* `formula = EXPR` in place of `curve`: compiled now, so the message
 * names this line and the formula's column. */
static int formula(struct parser *ps, const char *value)
{
	struct gd_formula_error e;
	struct gd_curve *c = &ps->scene.curve;
	if (ps->key_line[K_CURVE])
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "give 'curve' or 'formula', not both"));
	if (gd_curve_from_formula(c, value, &e) < 0) {
		char line[200];
		return fail(ps, ps->line, "%s",
			    gd_formula_error_format(&e, ps->err->tr,
						    ps->err->tr_ctx, line,
						    sizeof(line)));
	}
	ps->formula = c->formula;
	ps->kind = c->kind;
	return 1;
}

static int scene_value(struct parser *ps, int k, const char *v)
{
	struct gd_scene *s = &ps->scene;
	switch (k) {
	case K_CURVE:
		if (ps->key_line[K_FORMULA])
			return fail(
				ps, ps->line,
				lesson_tr(ps->err,
					  "give 'curve' or 'formula', not both"));
		return curve(ps, v);
	case K_FORMULA:
		return formula(ps, v);
	case K_W0:
		return start(ps, v);
	case K_STEPS:
		return steps(ps, v);
	case K_TITLE:
		return text_line(ps, k, s->title, sizeof(s->title), v, false);
	case K_TITLE_ZH:
		return text_line(ps, k, s->title_zh, sizeof(s->title_zh), v,
				 false);
	case K_CAPTION:
		return text_line(ps, k, s->caption, sizeof(s->caption), v, false);
	case K_CAPTION_ZH:
		return text_line(ps, k, s->caption_zh, sizeof(s->caption_zh), v,
				 false);
	case K_WMIN:
		return number(ps, k, v, &weight, &s->wmin);
	case K_WMAX:
		return number(ps, k, v, &weight, &s->wmax);
	case K_OPTIMIZER:
		return optimizer_kind(ps, v, &ps->opt_kind);
	case K_RUN:
		return run_line(ps, v);
	default:
		return list(ps, k, v);
	}
}

static int unknown_key(struct parser *ps, const char *name,
		       const char *const *names, size_t n, const char *section)
{
	char q[80];
	lesson_quote(q, sizeof(q), name, 40);
	const char *near = nearest(name, names, n);
	if (near)
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "unknown key '%s' (did you mean '%s'?)"),
			    q, near);
	return fail(ps, ps->line,
		    lesson_tr(ps->err, "unknown key '%s' in [%s]"), q, section);
}

static int key_line(struct parser *ps, const char *name, const char *value)
{
	char q[80];
	if (ps->sec == SEC_NONE)
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "'%s' comes before any section; start with [lesson] or [scene]"),
			    lesson_quote(q, sizeof(q), name, 40));
	int k = find_key(&ps->keys, name);
	if (ps->sec == SEC_LESSON) {
		static const char *const names[] = { "title", "title.zh" };
		if (k != K_TITLE && k != K_TITLE_ZH)
			return unknown_key(ps, name, names, 2, "lesson");
	} else if (k < 0) {
		return unknown_key(ps, name, ps->keys.names,
				   (size_t)ps->keys.count, "scene");
	}
	if (ps->key_line[k] && k != K_RUN)
		return fail(ps, ps->line,
			    lesson_tr(ps->err,
				      "'%s' is given twice (first on line %d)"),
			    ps->keys.names[k], ps->key_line[k]);
	ps->key_line[k] = ps->line;
	ps->last = k;
	if (ps->sec == SEC_LESSON) {
		struct gd_lesson *l = ps->lesson;
		return k == K_TITLE ?
			       text_line(ps, k, l->title, sizeof(l->title),
					 value, false) :
			       text_line(ps, k, l->title_zh,
					 sizeof(l->title_zh), value, false);
	}
	if (ps->key_line[K_CURVE] && k != K_CURVE &&
	    !applies(&ps->keys, k, ps->kind))
		return not_applicable(ps, k, ps->line);
	return scene_value(ps, k, value);
}

/* An indented line after a key line: more of the same key's value. */
static int continued(struct parser *ps, const char *value)
{
	struct gd_scene *s = &ps->scene;
	int k = ps->last;
	if (ps->sec == SEC_SCENE && k == K_CAPTION)
		return text_line(ps, k, s->caption, sizeof(s->caption), value,
				 true);
	if (ps->sec == SEC_SCENE && k == K_CAPTION_ZH)
		return text_line(ps, k, s->caption_zh, sizeof(s->caption_zh),
				 value, true);
	if (ps->sec == SEC_SCENE && k >= K_FIXED && ps->keys.p[k].list)
		return list(ps, k, value);
	return fail(ps, ps->line,
		    lesson_tr(ps->err,
			      "this indented line continues '%s'; only a caption or the x, b, y lists go on over lines (unindent it)"),
		    ps->keys.names[k]);
}

/* The curve's parameters as given; a list not given repeats the default
 * sample's value, and the given lists must be of one length. */
static int curve_params(struct parser *ps, struct gd_curve *c)
{
	const struct gd_curve_spec *cs = gd_curve_spec(c->kind);
	int given[GD_CURVE_LISTS], n = 0;
	for (int i = 0; i < cs->nparams; i++) {
		int k = find_key(&ps->keys, cs->params[i].key);
		if (ps->key_line[k])
			c->p[i] = ps->v[k][0];
	}
	for (int i = 0; i < cs->nlists; i++) {
		given[i] = find_key(&ps->keys, cs->lists[i].key);
		if (ps->key_line[given[i]] && ps->nv[given[i]] > n)
			n = ps->nv[given[i]];
	}
	if (n == 0)
		return 1;
	for (int i = 0; i < cs->nlists; i++) {
		int k = given[i];
		if (ps->key_line[k] && ps->nv[k] != n)
			return fail(ps, ps->key_line[k],
				    lesson_tr(ps->err,
					      "x, b and y need the same number of values (%s has %d, another has %d)"),
				    ps->keys.names[k], ps->nv[k], n);
		for (int u = 0; u < n; u++)
			c->list[i][u] = ps->key_line[k] ? ps->v[k][u] :
							  cs->lists[i].def;
	}
	c->n = n;
	return 1;
}

/* The optimizer's hyper-parameters as given, the rest its defaults; then
 * the run lines, η from the scene's unless given. Returns 0 if a key
 * does not apply to the scene's optimizer. */
static int hyper_params(struct parser *ps, struct gd_scene *s)
{
	struct gd_optim *opt = &s->opt;
	gd_optim_default(opt, ps->opt_kind,
			 gd_curve_rate(&ps->scene.curve, ps->scene.w0));
	for (int k = K_FIXED; k < ps->keys.count; k++) {
		if (!ps->keys.p[k].hyper || !ps->key_line[k])
			continue;
		int i = gd_optimizer_hyper_index(opt->kind, ps->keys.names[k]);
		if (i < 0)
			return fail(ps, ps->key_line[k],
				    lesson_tr(ps->err,
					      "'%s' does not apply to the %s optimizer"),
				    ps->keys.names[k],
				    gd_optimizer_spec(opt->kind)->name);
		opt->hyper[i] = ps->v[k][0];
	}
	for (int r = 0; r < ps->nrun; r++) {
		struct gd_optim *o = &s->also[r];
		gd_optim_default(o, ps->runs[r].kind, opt->hyper[GD_HYPER_RATE]);
		for (int i = 0; i < GD_OPT_HYPER; i++)
			if (ps->runs[r].has[i])
				o->hyper[i] = ps->runs[r].v[i];
	}
	s->nruns = 1 + ps->nrun;
	return 1;
}

/* The scene just read, checked and completed with defaults. */
static void finish_scene(struct parser *ps)
{
	struct gd_scene *s = &ps->scene;
	const int *at = ps->key_line;
	if (!at[K_CURVE] && !at[K_FORMULA]) {
		fail(ps, ps->sec_line,
		     lesson_tr(ps->err,
			       "this scene has no 'curve' (bowl, neuron, wells, abs, bowl2, neuron2 or wells2); it is required"));
		return;
	}
	for (int k = 0; k < ps->keys.count; k++)
		if (at[k] && !applies(&ps->keys, k, ps->kind)) {
			not_applicable(ps, k, at[k]);
			return;
		}
	gd_curve_default(&s->curve, ps->kind);
	if (at[K_FORMULA])
		s->curve.formula = ps->formula;
	if (!curve_params(ps, &s->curve))
		return;
	const struct gd_curve_spec *cs = gd_curve_spec(ps->kind);
	if (!at[K_W0])
		memcpy(s->w0, cs->w0, sizeof(s->w0));
	else if (ps->nw0 != cs->dim) {
		fail(ps, at[K_W0],
		     cs->dim == 2 ?
			     lesson_tr(ps->err,
				       "w0: the curve %s has two weights; write w0 = w1, w2") :
			     lesson_tr(ps->err,
				       "w0: the curve %s has one weight; write w0 = w"),
		     cs->name);
		return;
	}
	if (!at[K_W0] && at[K_FORMULA])
		gd_curve_start(&s->curve, s->w0);
	if (!hyper_params(ps, s))
		return;
	if (!at[K_STEPS])
		s->steps = GD_SCENE_DEFAULT_STEPS;
	if (!at[K_WMIN] != !at[K_WMAX]) {
		fail(ps, at[K_WMIN] ? at[K_WMIN] : at[K_WMAX],
		     lesson_tr(ps->err,
			       "wmin and wmax come together: give both or neither"));
		return;
	}
	s->has_range = at[K_WMIN] != 0;
	if (s->has_range && !(s->wmin < s->wmax)) {
		fail(ps, at[K_WMAX],
		     lesson_tr(ps->err, "wmin must be less than wmax"));
		return;
	}
	if (gd_curve_check(&s->curve) < 0) {
		fail(ps, ps->sec_line,
		     lesson_tr(ps->err, "the curve's parameters are not valid"));
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

/* Every line of the text, until the first error of meaning; a line that
 * is not INI is noted (the first one) and reading goes on, so that an
 * earlier error of meaning is the one reported. */
static void read_lines(struct parser *ps, struct ini_reader *r)
{
	struct ini_line l;
	while (!ps->failed && lesson_ini_next(r, &l)) {
		ps->line = l.number;
		if (l.bytes > GD_LESSON_LINE_BYTES) {
			fail(ps, ps->line,
			     lesson_tr(ps->err,
				       "the line is longer than %zu bytes; continue a caption on indented lines"),
			     (size_t)GD_LESSON_LINE_BYTES);
			return;
		}
		switch (l.kind) {
		case INI_BLANK:
			break;
		case INI_SECTION:
			begin_section(ps, l.name, strlen(l.name));
			break;
		case INI_KEY:
			key_line(ps, l.name, l.value);
			break;
		case INI_CONTINUATION:
			continued(ps, l.value);
			break;
		case INI_BAD_SECTION:
		case INI_BAD_LINE:
			if (!ps->syntax) {
				ps->syntax = l.number;
				ps->bad_section = l.kind == INI_BAD_SECTION;
			}
			break;
		}
	}
}

int gd_lesson_parse(struct gd_lesson *lesson, const char *text, size_t len,
		    struct gd_lesson_error *err)
{
	memset(lesson, 0, sizeof(*lesson));
	lesson_error_clear(err);
	if (len > GD_LESSON_MAX_FILE)
		return lesson_fail(
			err, 0, lesson_tr(err, "the file is larger than %d MiB"),
			GD_LESSON_MAX_FILE / (1024 * 1024));
	char what[200];
	int bad = check_text(err, text, len, what, sizeof(what));
	if (bad)
		return lesson_fail(err, bad, "%s", what);
	struct parser *ps = calloc(1, sizeof(*ps));
	if (!ps)
		return -ENOMEM;
	ps->lesson = lesson;
	ps->err = err;
	build_keys(&ps->keys);
	struct ini_reader r;
	if (lesson_ini_init(&r, text, len) < 0)
		ps->nomem = true;
	else
		read_lines(ps, &r);
	lesson_ini_finish(&r);
	if (!ps->failed && !ps->nomem)
		finish_section(ps);
	/* The first error by line wins, a syntax error too. */
	if (ps->syntax && (!ps->failed || ps->syntax < err->line)) {
		ps->failed = false;
		if (ps->bad_section)
			fail(ps, ps->syntax,
			     lesson_tr(err,
				       "a section header without its closing ']'"));
		else
			fail(ps, ps->syntax,
			     lesson_tr(err,
				       "expected 'key = value', a [section] or a ; comment"));
	}
	if (!ps->failed && !ps->nomem && lesson->count == 0)
		fail(ps, 0, lesson_tr(err, "the lesson has no [scene]"));
	bool nomem = ps->nomem, failed = ps->failed;
	free(ps);
	if (nomem || failed) {
		gd_lesson_finish(lesson);
		return nomem ? -ENOMEM : -EINVAL;
	}
	return 0;
}
