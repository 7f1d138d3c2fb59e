/* Lessons: the built-in lesson, lesson files (every error with its line),
 * the shipped .ini against the built-in lesson, and round trips. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdstep/lesson.h>
#include <gdstep/presenter.h>

#include "harness.h"
#include "runs.h"
#include "runs.h"
#include "lesson_walk.h"
#include "gdstep-config.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *text; /* a lesson file's text */
	int line;         /* the error's line */
	const char *want; /* text the message contains */
	size_t len;       /* of text, when it holds a NUL; else 0 */
};

static bool lesson_eq(const struct gd_lesson *a, const struct gd_lesson *b)
{
	if (a->count != b->count || strcmp(a->title, b->title) ||
	    strcmp(a->title_zh, b->title_zh))
		return false;
	for (int i = 0; i < a->count; i++)
		if (!lesson_scene_same(&a->scenes[i], &b->scenes[i])) {
			fprintf(stderr, "scene %d differs\n", i + 1);
			return false;
		}
	return true;
}

static void check_builtin(const struct tcase *t)
{
	(void)t;
	struct gd_lesson l;
	CHECK(gd_lesson_builtin(&l) == 0);
	CHECK(l.count == 18);
	for (int i = 0; i < l.count; i++) {
		const struct gd_scene *s = &l.scenes[i];
		CHECK(s->title[0] && s->title_zh[0] && s->caption[0] &&
		      s->caption_zh[0]);
		CHECK(s->steps >= 0 && s->steps <= GD_LESSON_MAX_STEPS);
		CHECK(gd_curve_check(&s->curve) == 0);
		/* Captions a projector shows: 2 or 3 short lines. */
		int lines = 1;
		size_t len = 0, longest = 0;
		for (const char *c = s->caption; *c; c++) {
			if (*c == '\n') {
				lines++;
				len = 0;
			} else if (((unsigned char)*c & 0xC0) != 0x80 &&
				   ++len > longest) {
				longest = len;
			}
		}
		CHECK(lines >= 2 && lines <= 3);
		CHECK(longest <= 70);
	}
	/* Scene 1 is doc/PRODUCT.md's bowl default: E = w², w0 = 2, η = 0.1. */
	CHECK(l.scenes[0].curve.kind == GD_CURVE_BOWL && l.scenes[0].w0[0] == 2 &&
	      l.scenes[0].opt.hyper[GD_HYPER_RATE] == 0.1 &&
	      l.scenes[0].opt.hyper[GD_HYPER_MOMENTUM] == 0);
	CHECK(strcmp(gd_scene_title(&l.scenes[0], "zh"), l.scenes[0].title_zh) ==
	      0);
	CHECK(strcmp(gd_scene_caption(&l.scenes[0], "en"),
		     l.scenes[0].caption) == 0);
	gd_lesson_finish(&l);
	gd_lesson_finish(&l);
	gd_lesson_finish(NULL);
}

/* format, then parse: the same lesson, doubles bit for bit. */
static void check_round_trip_builtin(const struct tcase *t)
{
	(void)t;
	struct gd_lesson a, b;
	struct gd_lesson_error err = { 0 };
	CHECK(gd_lesson_builtin(&a) == 0);
	char *text = gd_lesson_format(&a);
	CHECK(text);
	int r = gd_lesson_parse(&b, text, strlen(text), &err);
	if (r)
		fprintf(stderr, "line %d: %s\n", err.line, err.message);
	CHECK(r == 0);
	CHECK(lesson_eq(&a, &b));
	free(text);
	gd_lesson_finish(&a);
	gd_lesson_finish(&b);
}

/* Parses t->text; it must fail on t->line with t->want in the message. */
static void check_bad(const struct tcase *t)
{
	struct gd_lesson l;
	struct gd_lesson_error err = { 0 };
	size_t len = t->len ? t->len : strlen(t->text);
	int r = gd_lesson_parse(&l, t->text, len, &err);
	if (r != -EINVAL || err.line != t->line || !strstr(err.message, t->want))
		fprintf(stderr, "%s: got %d, line %d: %s\n", t->name, r,
			err.line, err.message);
	CHECK(r == -EINVAL);
	CHECK(err.line == t->line);
	CHECK(strstr(err.message, t->want) != NULL);
	CHECK(strchr(err.message, '\n') == NULL);
	CHECK(err.file == NULL);
	CHECK(l.count == 0 && l.scenes == NULL);
}

/* Parses t->text; it must succeed and survive format → parse. */
static void check_good(const struct tcase *t)
{
	struct gd_lesson a, b;
	struct gd_lesson_error err = { 0 };
	int r = gd_lesson_parse(&a, t->text, strlen(t->text), &err);
	if (r)
		fprintf(stderr, "%s: line %d: %s\n", t->name, err.line,
			err.message);
	CHECK(r == 0);
	CHECK(a.count == t->line); /* .line holds the scene count here */
	char *text = gd_lesson_format(&a);
	CHECK(text);
	r = gd_lesson_parse(&b, text, strlen(text), &err);
	if (r)
		fprintf(stderr, "%s: formatted text, line %d: %s\n%s", t->name,
			err.line, err.message, text);
	free(text);
	CHECK(r == 0);
	CHECK(lesson_eq(&a, &b));
	gd_lesson_finish(&a);
	gd_lesson_finish(&b);
}

static struct gd_lesson parsed;

static bool parse_ok(const char *text)
{
	struct gd_lesson_error err = { 0 };
	int r = gd_lesson_parse(&parsed, text, strlen(text), &err);
	if (r)
		fprintf(stderr, "line %d: %s\n", err.line, err.message);
	return r == 0;
}

/* Defaults come from the curve. */
static void check_defaults(const struct tcase *t)
{
	(void)t;
	CHECK(parse_ok("[scene]\ncurve = wells\n[scene]\ncurve=neuron\n"));
	const struct gd_scene *s = &parsed.scenes[0];
	CHECK(s->curve.kind == GD_CURVE_WELLS && s->w0[0] == 1.8 &&
	      s->opt.hyper[GD_HYPER_RATE] == 0.02 &&
	      s->opt.hyper[GD_HYPER_MOMENTUM] == 0 && s->steps == 20 &&
	      !s->has_range && !s->title[0] && !s->caption[0]);
	s = &parsed.scenes[1];
	CHECK(s->curve.kind == GD_CURVE_NEURON && s->curve.n == 1 &&
	      s->curve.list[GD_NEURON_X][0] == 0.1 &&
	      s->curve.list[GD_NEURON_B][0] == 0.15 &&
	      s->curve.list[GD_NEURON_Y][0] == 0.2 && s->w0[0] == -0.8 &&
	      s->opt.hyper[GD_HYPER_RATE] == 0.5);
	gd_lesson_finish(&parsed);
}

/* Every key, comments, a BOM, CRLF line ends, continuation lines. */
static void check_every_key(const struct tcase *t)
{
	(void)t;
	CHECK(parse_ok("\xEF\xBB\xBF; a comment\r\n"
		       "[lesson]\r\ntitle = Mine ; inline comment\r\n"
		       "title.zh = 我的\r\n\r\n"
		       "# another comment\n"
		       "[scene]\n"
		       "title = One\ntitle.zh = 一\n"
		       "rate = 0.25\n" /* before the curve: still kept */
		       "curve = neuron\n"
		       "x = 0.1, -0.5,2\n   3e-1\n"
		       "y = 0.2,0.9,0.5,0.5\n"
		       "w0 = -1\nmomentum = 0.5\nsteps = 7\n"
		       "wmin = -3\nwmax = 1.5\n"
		       "caption = line one\n  line two\n\tline three\n"
		       "caption.zh = 第一行\n  第二行\n"
		       "[scene]\ncurve = bowl\na = 4\nc = -1\nsteps = none\n"
		       "[scene]\ncurve: abs\nc = 2\nsteps=0\n"));
	CHECK(parsed.count == 3);
	CHECK(strcmp(parsed.title, "Mine") == 0);
	CHECK(strcmp(parsed.title_zh, "我的") == 0);
	const struct gd_scene *s = &parsed.scenes[0];
	CHECK(strcmp(s->title, "One") == 0 && strcmp(s->title_zh, "一") == 0);
	CHECK(s->curve.kind == GD_CURVE_NEURON && s->curve.n == 4);
	CHECK(s->curve.list[GD_NEURON_X][1] == -0.5 &&
	      s->curve.list[GD_NEURON_X][2] == 2 &&
	      s->curve.list[GD_NEURON_X][3] == 0.3);
	/* b not given: the default sample's b for every sample. */
	CHECK(s->curve.list[GD_NEURON_B][0] == 0.15 &&
	      s->curve.list[GD_NEURON_B][3] == 0.15);
	CHECK(s->curve.list[GD_NEURON_Y][1] == 0.9);
	CHECK(s->w0[0] == -1 && s->opt.hyper[GD_HYPER_RATE] == 0.25 &&
	      s->opt.hyper[GD_HYPER_MOMENTUM] == 0.5 && s->steps == 7);
	CHECK(s->has_range && s->wmin == -3 && s->wmax == 1.5);
	CHECK(strcmp(s->caption, "line one\nline two\nline three") == 0);
	CHECK(strcmp(s->caption_zh, "第一行\n第二行") == 0);
	s = &parsed.scenes[1];
	CHECK(s->curve.kind == GD_CURVE_BOWL && s->curve.p[GD_BOWL_A] == 4 &&
	      CURVE_C(s->curve) == -1 && s->steps == GD_SCENE_UNPLANNED);
	s = &parsed.scenes[2];
	CHECK(s->curve.kind == GD_CURVE_ABS && CURVE_C(s->curve) == 2 &&
	      s->steps == 0 && s->w0[0] == 3 &&
	      s->opt.hyper[GD_HYPER_RATE] == 0.3);
	gd_lesson_finish(&parsed);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[1 << 20];
	*len = fread(buf, 1, sizeof(buf) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* The shipped file and the built-in lesson are the same lesson. */
static void check_shipped_ini(const struct tcase *t)
{
	(void)t;
	struct gd_lesson file, builtin;
	struct gd_lesson_error err = { 0 };
	const char *path = GDSTEP_SOURCE_ROOT "/lessons/gradient-descent.ini";
	int r = gd_lesson_load(&file, path, &err);
	if (r)
		fprintf(stderr, "%s:%d: %s\n", path, err.line, err.message);
	CHECK(r == 0);
	CHECK(gd_lesson_builtin(&builtin) == 0);
	CHECK(lesson_eq(&file, &builtin));
	gd_lesson_finish(&file);
	gd_lesson_finish(&builtin);
	/* The example a lecturer copies opens too. */
	r = gd_lesson_load(&file, GDSTEP_SOURCE_ROOT "/lessons/example.ini", &err);
	if (r)
		fprintf(stderr, "example.ini:%d: %s\n", err.line, err.message);
	CHECK(r == 0);
	gd_lesson_finish(&file);
}

/* Files that broke the parser once (found by fuzzing or by hand) parse
 * or fail cleanly, and what parses survives a round trip. */
static void check_regressions(const struct tcase *t)
{
	(void)t;
	static const char *const names[] = {
#include "lesson-cases/list.h"
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/tests/lesson-cases/%s",
			 GDSTEP_SOURCE_ROOT, names[i]);
		size_t len;
		char *text = read_file(path, &len);
		CHECK(text);
		struct gd_lesson a, b;
		struct gd_lesson_error err = { 0 };
		int r = gd_lesson_parse(&a, text, len, &err);
		CHECK(r == 0 || r == -EINVAL);
		if (r == -EINVAL) {
			CHECK(err.line >= 0 && err.message[0]);
			continue;
		}
		char *out = gd_lesson_format(&a);
		CHECK(out);
		r = gd_lesson_parse(&b, out, strlen(out), &err);
		if (r)
			fprintf(stderr, "%s: formatted, line %d: %s\n",
				names[i], err.line, err.message);
		free(out);
		CHECK(r == 0);
		CHECK(lesson_eq(&a, &b));
		if (!lesson_walk_restores(&a))
			fprintf(stderr, "%s: the walk back does not restore\n",
				names[i]);
		CHECK(lesson_walk_restores(&a));
		gd_lesson_finish(&a);
		gd_lesson_finish(&b);
	}
}

/* Errors of the file as a whole, and those too big for a table row. */
static void check_load_errors(const struct tcase *t)
{
	(void)t;
	struct gd_lesson l;
	struct gd_lesson_error err = { 0 };
	CHECK(gd_lesson_load(&l, "/nonexistent/lesson.ini", &err) == -EINVAL);
	CHECK(err.line == 0 && strstr(err.message, strerror(ENOENT)));
	CHECK(strcmp(err.file, "/nonexistent/lesson.ini") == 0);
	char buf[512];
	gd_lesson_error_format(&err, buf, sizeof(buf));
	CHECK(strncmp(buf, "/nonexistent/lesson.ini: ", 25) == 0);
	CHECK(gd_lesson_load(&l, "/", &err) == -EINVAL && err.line == 0);
	/* Over 1 MiB on disk: refused before it is read. */
#ifdef __wasi__
	/* WASI has no mkstemp; tests/wasi runs one case at a time. */
	char path[] = "/tmp/gdstep-lesson-wasi.ini";
	FILE *f = fopen(path, "w");
#else
	char path[] = "/tmp/gdstep-lesson-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	FILE *f = fdopen(fd, "w");
#endif
	CHECK(f);
	fputs("[scene]\ncurve = bowl\n", f);
	for (int i = 0; i < GD_LESSON_MAX_FILE / 16; i++)
		fputs("; padding......\n", f);
	fclose(f);
	int r = gd_lesson_load(&l, path, &err);
	remove(path);
	CHECK(r == -EINVAL && err.line == 0 && strstr(err.message, "1 MiB"));
	/* A file error on a line formats as FILE:LINE: problem. */
	err = (struct gd_lesson_error){ .file = "a.ini", .line = 7 };
	strcpy(err.message, "bad");
	CHECK(strcmp(gd_lesson_error_format(&err, buf, sizeof(buf)),
		     "a.ini:7: bad") == 0);
}

/* A FIFO (no writer) and a device answer at once, not hang in open or
 * read; a name with a newline or an escape is written escaped. */
static void check_special_files(const struct tcase *t)
{
	struct gd_lesson_error err = { 0 };
#ifndef __wasi__ /* no FIFOs nor devices: tests/wasi leaves this case out */
	struct gd_lesson l;
	char path[] = "/tmp/gdstep-fifo-XXXXXX";
	CHECK(mkdtemp(path) != NULL);
	char fifo[64];
	snprintf(fifo, sizeof(fifo), "%s/lesson.ini", path);
	CHECK(mkfifo(fifo, 0600) == 0);
	CHECK(gd_lesson_load(&l, fifo, &err) == -EINVAL && err.line == 0);
	CHECK(strstr(err.message, "not a regular file") != NULL);
	remove(fifo);
	remove(path);
	CHECK(gd_lesson_load(&l, "/dev/zero", &err) == -EINVAL);
	CHECK(strstr(err.message, "not a regular file") != NULL);
#endif
	err = (struct gd_lesson_error){ .file = "a\nb\x1b[2J.ini" };
	strcpy(err.message, "bad");
	char buf[512];
	gd_lesson_error_format(&err, buf, sizeof(buf));
	CHECK(strcmp(buf, "a\\nb\\x1b[2J.ini: bad") == 0);
	/* A very long name is cut; the problem still shows. */
	static char longname[4000];
	memset(longname, 'x', sizeof(longname) - 1);
	err = (struct gd_lesson_error){ .file = longname };
	strcpy(err.message, "the problem");
	gd_lesson_error_format(&err, buf, sizeof(buf));
	CHECK(strstr(buf, "…: the problem") != NULL);
	(void)t;
}

static void check_big_errors(const struct tcase *t)
{
	(void)t;
	static char text[GD_LESSON_MAX_FILE + 64];
	struct gd_lesson l;
	struct gd_lesson_error err = { 0 };
	/* 100 scenes: the error is on the 100th header, line 199. */
	text[0] = '\0';
	for (int i = 0; i < 100; i++)
		strcat(text, "[scene]\ncurve = bowl\n");
	CHECK(gd_lesson_parse(&l, text, strlen(text), &err) == -EINVAL);
	CHECK(err.line == 199 && strstr(err.message, "more than 99 scenes"));
	/* 99 are fine. */
	text[strlen(text) - 21] = '\0';
	CHECK(gd_lesson_parse(&l, text, strlen(text), &err) == 0 && l.count == 99);
	gd_lesson_finish(&l);
	/* Over 1 MiB of text. */
	memset(text, ';', GD_LESSON_MAX_FILE + 1);
	CHECK(gd_lesson_parse(&l, text, GD_LESSON_MAX_FILE + 1, &err) == -EINVAL);
	CHECK(err.line == 0);
	/* A caption of 501 characters over lines of 50 (and the line
	 * breaks count): line 2 + 10 = the 11th caption line. */
	strcpy(text, "[scene]\ncurve = bowl\ncaption = ");
	for (int i = 0; i < 11; i++) {
		if (i)
			strcat(text, "\n  ");
		strcat(text,
		       "ééééééééééééééééééééééééééééééééééééééééééééééééé"); /* 49 */
	}
	strcat(text, "\n");
	CHECK(gd_lesson_parse(&l, text, strlen(text), &err) == -EINVAL);
	CHECK(err.line == 13 && strstr(err.message, "caption over 500"));
	/* 500 exactly is fine: 10 lines of 49 + 9 breaks = 499, plus "x". */
	strcpy(text, "[scene]\ncurve = bowl\ncaption = ");
	for (int i = 0; i < 10; i++) {
		if (i)
			strcat(text, "\n  ");
		strcat(text, "ééééééééééééééééééééééééééééééééééééééééééééééééé");
	}
	strcat(text, "x\n");
	CHECK(gd_lesson_parse(&l, text, strlen(text), &err) == 0);
	CHECK(strlen(l.scenes[0].caption) == 10 * 98 + 9 + 1);
	gd_lesson_finish(&l);
}

/* Lines up to GD_LESSON_LINE_BYTES, a whole caption on one line; a line
 * one byte longer is refused on its line. */
static void check_long_lines(const struct tcase *t)
{
	(void)t;
	static char text[2 * GD_LESSON_LINE_BYTES];
	struct gd_lesson l;
	struct gd_lesson_error err = { 0 };
	const char *key = "curve = bowl\n";
	/* Line 2 indented to GD_LESSON_LINE_BYTES (a key line: no key
	 * before it to continue), then one byte more. */
	for (size_t more = 0; more < 2; more++) {
		size_t pad = GD_LESSON_LINE_BYTES - strlen(key) + more;
		strcpy(text, "[scene]\n");
		memset(text + 8, ' ', pad);
		strcpy(text + 8 + pad, key);
		int r = gd_lesson_parse(&l, text, strlen(text), &err);
		gd_lesson_finish(&l);
		CHECK(r == (more ? -EINVAL : 0));
	}
	CHECK(err.line == 2 && strstr(err.message, "longer than 4096 bytes"));
	/* A caption of 500 Chinese characters on one line, and back. */
	strcpy(text, "[scene]\ncurve = bowl\ncaption.zh = ");
	for (int i = 0; i < GD_LESSON_CAPTION_CHARS; i++)
		strcat(text, "梯");
	strcat(text, "\r\n");
	CHECK(gd_lesson_parse(&l, text, strlen(text), &err) == 0);
	CHECK(strlen(l.scenes[0].caption_zh) == 3 * GD_LESSON_CAPTION_CHARS);
	char *again = gd_lesson_format(&l);
	CHECK(again);
	struct gd_lesson b;
	int r = gd_lesson_parse(&b, again, strlen(again), &err);
	free(again);
	CHECK(r == 0);
	CHECK(lesson_eq(&l, &b));
	gd_lesson_finish(&l);
	gd_lesson_finish(&b);
}

#define BAD(n, l, w, txt)                                                      \
	{                                                                      \
		.name = n, .run = check_bad, .line = l, .want = w, .text = txt \
	}
#define GOOD(n, count, txt)                                              \
	{                                                                \
		.name = n, .run = check_good, .line = count, .text = txt \
	}
#define S "[scene]\ncurve = bowl\n" /* lines 1 and 2 */
#define X60 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
/* 30 characters, 90 bytes */
#define ZH30 "梯度下降每一步都沿着斜率的反方向走一小步步长由学习率来决定啊"

static const struct tcase cases[] = {
	{ .name = "lesson-builtin", .run = check_builtin },
	{ .name = "lesson-round-trip-builtin", .run = check_round_trip_builtin },
	{ .name = "lesson-shipped-ini", .run = check_shipped_ini },
	{ .name = "lesson-defaults", .run = check_defaults },
	{ .name = "lesson-every-key", .run = check_every_key },
	{ .name = "lesson-load-errors", .run = check_load_errors },
	{ .name = "lesson-fifo-device-escaped", .run = check_special_files },
	{ .name = "lesson-big-errors", .run = check_big_errors },
	{ .name = "lesson-long-lines", .run = check_long_lines },
	{ .name = "lesson-regressions", .run = check_regressions },
	GOOD("good-runs", 1,
	     S "rate = 0.1\nrun = gd, rate=0.5\nrun = adam , rate = 0.3, "
	       "beta1=0.8\nrun = nesterov\n"),
	GOOD("good-optimizer-adam", 1,
	     S "optimizer = adam\nbeta2 = 0.99\neps = 1e-6\nrate = 0.3\n"),
	GOOD("good-optimizer-rmsprop-run", 2,
	     S "optimizer = rmsprop\nalpha = 0.9\nrun = adagrad, eps=1e-8\n" S),
	BAD("bad-optimizer-unknown", 3, "did you mean 'adam'?",
	    S "optimizer = adamw\n"),
	BAD("bad-hyper-not-for-gd", 3,
	    "'beta1' does not apply to the gd optimizer", S "beta1 = 0.5\n"),
	BAD("bad-hyper-not-for-adam", 4,
	    "'momentum' does not apply to the adam optimizer",
	    S "optimizer = adam\nmomentum = 0.5\n"),
	BAD("bad-run-key", 3, "run: 'beta1' is not key=value with a key of gd",
	    S "run = gd, beta1=0.5\n"),
	BAD("bad-run-value", 3, "run", S "run = adam, beta2=1\n"),
	BAD("bad-run-name", 3, "unknown optimizer 'sgd'", S "run = sgd\n"),
	BAD("bad-run-four", 6, "more than 4 runs",
	    S "run = gd\nrun = gd\nrun = gd\nrun = gd\n"),
	BAD("bad-unknown-section", 3,
	    "unknown section [scen] (did you mean [scene]?)", S "[scen]\n"),
	BAD("bad-unknown-section-far", 1, "unknown section [settings]",
	    "[settings]\n"),
	BAD("bad-key-typo", 3, "unknown key 'rat' (did you mean 'rate'?)",
	    S "rat = 0.1\n"),
	BAD("bad-key-typo-momentum", 3, "did you mean 'momentum'?",
	    S "momentun = 0.5\n"),
	BAD("bad-key-unknown", 3, "unknown key 'colour' in [scene]",
	    S "colour = red\n"),
	BAD("bad-lesson-key", 2, "unknown key 'titel' (did you mean 'title'?)",
	    "[lesson]\ntitel = x\n" S),
	BAD("bad-lesson-scene-key", 2, "unknown key 'curve' in [lesson]",
	    "[lesson]\ncurve = bowl\n" S),
	BAD("bad-key-before-section", 1, "comes before any section",
	    "curve = bowl\n" S),
	BAD("bad-number", 3, "rate: 'fast' is not a number", S "rate = fast\n"),
	BAD("bad-number-trailing", 3, "w0: '1.5x' is not a number",
	    S "w0 = 1.5x\n"),
	BAD("bad-number-empty", 3, "w0: '' is not a number", S "w0 =\n"),
	BAD("bad-number-hex", 3, "rate: '0x10' is not a number", S "rate = 0x10\n"),
	BAD("bad-steps-hex", 3, "steps: '0x5' is not a whole number",
	    S "steps = 0x5\n"),
	BAD("bad-number-nan", 3, "not a finite number", S "w0 = nan\n"),
	BAD("bad-number-inf", 3, "not a finite number", S "rate = inf\n"),
	BAD("bad-number-overflow", 3, "not a finite number", S "w0 = 1e999\n"),
	BAD("bad-w0-huge", 3, "w0 must be at most", S "w0 = 2e12\n"),
	BAD("bad-unknown-curve", 2, "unknown curve 'cone'",
	    "[scene]\ncurve = cone\n"),
	BAD("bad-curve-typo", 2, "unknown curve 'bowel' (did you mean 'bowl'?)",
	    "[scene]\ncurve = bowel\n"),
	BAD("bad-rate-zero", 3, "rate must be greater than 0", S "rate = 0\n"),
	BAD("bad-rate-negative", 3, "rate must be greater than 0",
	    S "rate = -0.1\n"),
	BAD("bad-momentum-one", 3, "momentum must be less than 1",
	    S "momentum = 1\n"),
	BAD("bad-momentum-above-one", 3, "momentum must be less than 1",
	    S "momentum = 1.5\n"),
	BAD("bad-momentum-negative", 3, "momentum must be at least 0",
	    S "momentum = -0.1\n"),
	BAD("bad-a-zero", 3, "a must be greater than 0", S "a = 0\n"),
	BAD("bad-no-curve", 1, "no 'curve'", "[scene]\nw0 = 1\n"),
	BAD("bad-no-curve-second", 4, "no 'curve'", S "\n[scene]\nrate = 0.2\n" S),
	BAD("bad-no-curve-last", 3, "no 'curve'", S "[scene]\n"),
	BAD("bad-no-scene", 0, "no [scene]", "[lesson]\ntitle = empty\n"),
	BAD("bad-empty-file", 0, "no [scene]", ""),
	BAD("bad-utf8-byte", 3, "not UTF-8", S "title = caf\xE9\n"),
	BAD("bad-utf8-overlong", 3, "not UTF-8", S "title = \xC0\xAF\n"),
	BAD("bad-utf8-overlong-3", 3, "not UTF-8", S "title = \xE0\x80\xAF\n"),
	BAD("bad-utf8-surrogate", 3, "not UTF-8", S "title = \xED\xA0\x80\n"),
	BAD("bad-utf8-too-big", 3, "not UTF-8", S "title = \xF4\x90\x80\x80\n"),
	BAD("bad-utf8-truncated", 3, "not UTF-8", S "title = \xE6\x97"),
	BAD("bad-control-char", 3, "control character", S "title = a\x01b\n"),
	BAD("bad-lone-cr", 3, "control character (byte 0x0D)", S "title = a\rb\n"),
	{ .name = "bad-nul",
	  .run = check_bad,
	  .line = 3,
	  .want = "control character (byte 0x00)",
	  .text = S "title = a\0b\n",
	  .len = sizeof(S "title = a\0b\n") - 1 },
	BAD("bad-twice", 4, "'rate' is given twice (first on line 3)",
	    S "rate = 0.1\nrate = 0.2\n"),
	BAD("bad-a-for-abs", 3, "'a' does not apply to the abs curve",
	    "[scene]\ncurve = abs\na = 2\n"),
	BAD("bad-a-before-curve", 2, "'a' does not apply to the wells curve",
	    "[scene]\na = 2\ncurve = wells\n"),
	BAD("bad-x-for-bowl", 3, "'x' does not apply to the bowl curve",
	    S "x = 1\n"),
	BAD("bad-list-lengths", 4, "same number of values (y has 1, another has 2)",
	    "[scene]\ncurve = neuron\nx = 0.1, 0.2\ny = 0.5\n"),
	BAD("bad-list-too-long", 3, "x: more than 8 values",
	    "[scene]\ncurve = neuron\nx = 1,2,3,4,5,6,7,8,9\n"),
	BAD("bad-list-empty-item", 3, "x: '' is not a number",
	    "[scene]\ncurve = neuron\nx = 1,,2\n"),
	BAD("bad-steps-negative", 3, "steps: '-1' is not a whole number",
	    S "steps = -1\n"),
	BAD("bad-steps-fraction", 3, "steps: '1.5'", S "steps = 1.5\n"),
	BAD("bad-steps-too-many", 3, "from 0 to 4096", S "steps = 4097\n"),
	BAD("bad-wmin-alone", 3, "wmin and wmax come together", S "wmin = -1\n"),
	BAD("bad-wmin-above-wmax", 4, "wmin must be less than wmax",
	    S "wmin = 1\nwmax = 1\n"),
	BAD("bad-continued-rate", 4, "continues 'rate'", S "rate = 0.1\n  0.2\n"),
	BAD("bad-indented-key", 3, "continues 'curve'",
	    "[scene]\n  curve = bowl\n  rate = 0.1\n"),
	BAD("bad-continued-title", 4, "continues 'title'",
	    S "title = Two\n  lines\n"),
	BAD("bad-syntax", 3, "expected 'key = value'", S "rate 0.1\n"),
	BAD("bad-bracket", 3, "without its closing ']'", S "[scene\n"),
	BAD("bad-first-error-wins", 3, "expected 'key = value'",
	    S "oops\nrat = 1\n"),
	BAD("bad-lesson-twice", 3, "a second [lesson]", "[lesson]\n\n[lesson]\n" S),
	BAD("bad-lesson-after-scene", 3, "must come before the first [scene]",
	    S "[lesson]\n"),
	GOOD("good-long-caption-line", 1, S "caption=" X60 X60 X60 "x\n"),
	GOOD("good-chinese-caption-300", 1,
	     S "caption.zh = " ZH30 ZH30 ZH30 ZH30 ZH30 ZH30 ZH30 ZH30 ZH30 ZH30
	       "\n"),
	BAD("bad-long-title", 3, "a title over 100 characters",
	    S "title = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
	GOOD("good-minimal", 1, S),
	GOOD("good-steps-plus", 1, S "steps = +5\n"),
	GOOD("good-formula", 2,
	     "[scene]\nformula = (w - 1)² × 2 + sin(3·w)\n"
	     "[scene]\nformula = sqrt(w) + (w-2)^2 ; a gap left of 0\nw0 = 1\n"),
	BAD("bad-formula-column", 3, "column 5: expected a number or '(' after '+'",
	    "[scene]\ntitle = t\nformula = w + ^2\n"),
	BAD("bad-formula-name", 2, "column 1: unknown name 'x' (did you mean 'w'?)",
	    "[scene]\nformula = x^2\n"),
	BAD("bad-formula-and-curve", 3, "give 'curve' or 'formula', not both",
	    S "formula = w^2\n"),
	GOOD("good-formula-two-weights", 2,
	     "[scene]\nformula = w1^2 + 4·w2² ; two weights\n"
	     "[scene]\nformula = (w1-1)^2 + w2^2\nw0 = -0.8, 0.5\nrate = 0.2\n"),
	BAD("bad-formula-mixed", 2, "column 6: 'w' mixes w with w1 and w2",
	    "[scene]\nformula = w1 + w\n"),
	BAD("bad-formula-two-weights-start", 3,
	    "w0: the curve formula2 has two weights; write w0 = w1, w2",
	    "[scene]\nformula = w1^2 + w2^2\nw0 = 1\n"),
	GOOD("good-comments-only-around", 2,
	     "; top\n\n" S "; between\n" S "# end\n"),
	GOOD("good-semicolon-value", 1,
	     S "caption=;starts with a semicolon\n  and w₁;w₂ stay\n"),
	GOOD("good-caption-empty-first-line", 1,
	     S "caption =\n  second line only\n"),
	GOOD("good-neuron-eight", 1,
	     "[scene]\ncurve = neuron\n"
	     "x = 0.1000000000000001, 0.2000000000000001, 0.3000000000000001, "
	     "0.4000000000000001, 0.5000000000000001, 0.6000000000000001, "
	     "0.7000000000000001, 0.8000000000000001\n"
	     "y = 1e-300, -0, 5e-324, 1,2,3,4,5\n"
	     "b = 0,0,0,0,0,0,0,0\n"),
	GOOD("good-tiny-numbers", 1,
	     S "w0 = 4.9406564584124654e-324\nrate = 2.2250738585072014e-308\n"
	       "momentum = 0.99999999999999989\n"),
	GOOD("good-steps-none", 1, S "steps = none\n"),
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
