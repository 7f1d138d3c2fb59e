/*
 * Lesson files: reading one (the INI grammar itself is in parse.c) and
 * writing one back. The built-in lesson is in builtin.c; errors, quoting and
 * the accessors that every part uses are in common.c.
 */
#define _GNU_SOURCE /* O_CLOEXEC */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdstep/lesson.h>
#include <gdstep/run.h>

#include "internal.h"

/* A list of numbers longer than this goes on over indented lines, to be
 * read at a glance. */
#define LIST_LINE_BYTES 180

/* Reads at most GD_LESSON_MAX_FILE + 1 bytes of fd into a NUL-terminated
 * buffer: one byte more than allowed tells a file that is too large. */
static int slurp(int fd, size_t hint, char **out, size_t *len)
{
	size_t cap = hint < GD_LESSON_MAX_FILE ? hint + 1 : GD_LESSON_MAX_FILE + 1;
	if (cap < 4096)
		cap = 4096;
	char *buf = malloc(cap + 1);
	if (!buf)
		return -ENOMEM;
	size_t n = 0;
	for (;;) {
		if (n == cap) {
			if (cap > GD_LESSON_MAX_FILE)
				break;
			size_t bigger = cap * 2 > GD_LESSON_MAX_FILE + 1 ?
						GD_LESSON_MAX_FILE + 1 :
						cap * 2;
			char *p = realloc(buf, bigger + 1);
			if (!p) {
				free(buf);
				return -ENOMEM;
			}
			buf = p;
			cap = bigger;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			return -e;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int gd_lesson_load(struct gd_lesson *lesson, const char *path,
		   struct gd_lesson_error *err)
{
	memset(lesson, 0, sizeof(*lesson));
	lesson_error_clear(err);
	err->file = path;
	/* O_NONBLOCK: a FIFO with no writer must not hang the open; it is
	 * refused below with devices, as not a regular file. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return lesson_fail(err, 0,
				   lesson_tr(err, "cannot open the lesson: %s"),
				   strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
		close(fd);
		return lesson_fail(err, 0,
				   lesson_tr(err, "cannot read the lesson: %s"),
				   strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return lesson_fail(
			err, 0,
			lesson_tr(err,
				  "not a regular file (a pipe or a device); give a lesson file"));
	}
	/* Refuse a large file before reading it; a pipe or a growing file is
	 * caught by reading one byte past the limit. */
	if (S_ISREG(st.st_mode) && st.st_size > GD_LESSON_MAX_FILE) {
		close(fd);
		return lesson_fail(
			err, 0, lesson_tr(err, "the file is larger than %d MiB"),
			GD_LESSON_MAX_FILE / (1024 * 1024));
	}
	char *text = NULL;
	size_t len = 0;
	int r = slurp(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, &text,
		      &len);
	close(fd);
	if (r == -ENOMEM)
		return r;
	if (r < 0)
		return lesson_fail(err, 0,
				   lesson_tr(err, "cannot read the lesson: %s"),
				   strerror(-r));
	r = gd_lesson_parse(lesson, text, len, err);
	err->file = path;
	free(text);
	return r;
}

/* Writing a lesson back: see parse.c for the grammar it must meet. */
struct out {
	char *buf;
	size_t len, cap;
	bool failed;
};

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	if (o->failed)
		return;
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			o->failed = true;
			return;
		}
		if ((size_t)n < o->cap - o->len) {
			o->len += (size_t)n;
			return;
		}
		size_t cap = (o->cap + (size_t)n) * 2;
		char *p = realloc(o->buf, cap);
		if (!p) {
			o->failed = true;
			return;
		}
		o->buf = p;
		o->cap = cap;
	}
}

/* The shortest %g text that strtod reads back to the same double. */
static void number(char *buf, size_t size, double d)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, d);
		if (memcmp(&(double){ strtod(buf, NULL) }, &d, sizeof(d)) == 0)
			return;
	}
}

static void put_number(struct out *o, const char *key, double d)
{
	char num[40];
	number(num, sizeof(num), d);
	put(o, "%s = %s\n", key, num);
}

/* A value's first line; a value that starts with ';' must follow the '='
 * directly, or the reader takes it for a comment. */
static void put_text(struct out *o, const char *key, const char *text)
{
	if (!text[0])
		return;
	const char *nl = strchr(text, '\n');
	int n = nl ? (int)(nl - text) : (int)strlen(text);
	put(o, "%s =%s%.*s\n", key, text[0] == ';' ? "" : " ", n, text);
	/* Each further line is an indented continuation line. */
	while (nl) {
		text = nl + 1;
		nl = strchr(text, '\n');
		n = nl ? (int)(nl - text) : (int)strlen(text);
		put(o, "  %.*s\n", n, text);
	}
}

static void put_list(struct out *o, const char *key, const double *v, int n)
{
	char nums[GD_NEURON_MAX_SAMPLES][40];
	size_t total = strlen(key) + 3;
	for (int i = 0; i < n; i++) {
		number(nums[i], sizeof(nums[i]), v[i]);
		total += strlen(nums[i]) + 2;
	}
	bool one_line = total < LIST_LINE_BYTES;
	put(o, "%s =", key);
	for (int i = 0; i < n; i++)
		put(o, "%s%s",
		    i == 0   ? " " :
		    one_line ? ", " :
			       "\n  ",
		    nums[i]);
	put(o, "\n");
}

/* The curve's parameters and lists, by its row of the table. */
static void put_curve(struct out *o, const struct gd_curve *c)
{
	const struct gd_curve_spec *cs = gd_curve_spec(c->kind);
	if (gd_curve_is_formula(c))
		put(o, "formula = %s\n", c->formula.text);
	else
		put(o, "curve = %s\n", cs->name);
	for (int i = 0; i < cs->nparams; i++)
		put_number(o, cs->params[i].key, c->p[i]);
	for (int i = 0; i < cs->nlists; i++)
		put_list(o, cs->lists[i].key, c->list[i], c->n);
}

/* run = NAME, key=value, … with every hyper-parameter. */
static void put_run(struct out *o, const struct gd_optim *opt)
{
	const struct gd_optimizer_spec *os = gd_optimizer_spec(opt->kind);
	put(o, "run = %s", os->name);
	for (int i = 0; i < os->nhyper; i++) {
		char num[40];
		number(num, sizeof(num), opt->hyper[i]);
		put(o, ", %s=%s", os->hyper[i].key, num);
	}
	put(o, "\n");
}

static void put_scene(struct out *o, const struct gd_scene *s)
{
	put(o, "\n[scene]\n");
	put_text(o, "title", s->title);
	put_text(o, "title.zh", s->title_zh);
	put_curve(o, &s->curve);
	if (gd_curve_dim(&s->curve) == 2)
		put_list(o, "w0", s->w0, 2);
	else
		put_number(o, "w0", s->w0[0]);
	const struct gd_optimizer_spec *os = gd_optimizer_spec(s->opt.kind);
	if (s->opt.kind != GD_OPTIMIZER_GD)
		put(o, "optimizer = %s\n", os->name);
	for (int i = 0; i < os->nhyper; i++)
		put_number(o, os->hyper[i].key, s->opt.hyper[i]);
	for (int r = 1; r < gd_scene_runs(s); r++)
		put_run(o, gd_scene_optim(s, r));
	if (s->steps == GD_SCENE_UNPLANNED)
		put(o, "steps = none\n");
	else
		put(o, "steps = %ld\n", s->steps);
	if (s->has_range) {
		put_number(o, "wmin", s->wmin);
		put_number(o, "wmax", s->wmax);
	}
	put_text(o, "caption", s->caption);
	put_text(o, "caption.zh", s->caption_zh);
}

char *gd_lesson_format(const struct gd_lesson *lesson)
{
	struct out o = { .cap = 4096 };
	o.buf = malloc(o.cap);
	if (!o.buf)
		return NULL;
	o.buf[0] = '\0';
	put(&o, "; A gdstep lesson: see \"Lessons\" in gdstep's README.\n");
	if (lesson->title[0] || lesson->title_zh[0]) {
		put(&o, "[lesson]\n");
		put_text(&o, "title", lesson->title);
		put_text(&o, "title.zh", lesson->title_zh);
	}
	for (int i = 0; i < lesson->count; i++)
		put_scene(&o, &lesson->scenes[i]);
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	return o.buf;
}
