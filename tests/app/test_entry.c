/*
 * Values typed in the window (src/ui/entry.h), headless: the editing
 * (fresh text replaced by the first key, UTF-8-aware Backspace and Delete,
 * the cursor), the parsing with the command line's and the formula
 * parser's words, applying to the scene's runs without leaving the scene,
 * Esc, and the box and its message in the display list.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/utf8.h>

#include "actions.h"
#include "dlist.h"
#include "entry.h"
#include "frame.h"
#include "keys.h"

#include "harness.h"

/* Editing scripts: these bytes are keys, the rest is typed text. */
#define BS "\x01"
#define DEL "\x02"
#define LEFT "\x03"
#define RIGHT "\x04"
#define HOME "\x05"
#define END "\x06"

/* A key of an apply script; key 0 ends it, text != NULL types text. */
struct press {
	unsigned key, mod;
	const char *text;
};
#define TYPE(s)         \
	{               \
		0, 0, s \
	}
#define KEY(k)             \
	{                  \
		k, 0, NULL \
	}
#define ENTER KEY(APP_KEY_RETURN)
#define TAB KEY(APP_KEY_TAB)
#define ESC KEY(APP_KEY_ESCAPE)
#define END_OF             \
	{                  \
		0, 0, NULL \
	}

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	/* check_edit: the text at first, the script, what is left */
	const char *initial, *script, *want;
	size_t cursor;
	/* check_parse and check_apply: the scene */
	enum gd_curve_kind kind;
	const char *formula;
	enum gd_optimizer_kind optimizer;
	enum app_entry_field field;
	const char *text;
	int status;       /* check_parse: 0 or -EINVAL */
	const char *says; /* the message contains this ("" none) */
	double v[2];      /* the value parsed, or the run's after applying */
	struct press keys[12];
	bool open;            /* check_apply: the entry still open */
	double rate, beta;    /* … and the run's η (0: not checked) and β */
	bool has_beta, has_w; /* β and v checked */
	const char *formula_after;
	bool fullscreen; /* the state is full screen before and after */
};

static void check_edit(const struct tcase *t)
{
	struct app_entry e;
	memset(&e, 0, sizeof(e));
	app_entry_set_text(&e, t->initial);
	CHECK(e.fresh && e.cursor == strlen(t->initial));
	for (const char *p = t->script; *p;) {
		if (*p >= 1 && *p <= 6) {
			app_entry_edit(&e, (enum app_entry_edit)(*p - 1));
			p++;
			continue;
		}
		const char *q = p;
		while (*q && !(*q >= 1 && *q <= 6))
			q++;
		char typed[64];
		memcpy(typed, p, (size_t)(q - p));
		typed[q - p] = '\0';
		app_entry_insert(&e, typed);
		p = q;
	}
	if (strcmp(e.text, t->want) != 0 || e.cursor != t->cursor)
		fprintf(stderr, "%s: '%s' cursor %zu\n", t->name, e.text,
			e.cursor);
	CHECK(strcmp(e.text, t->want) == 0);
	CHECK(e.cursor == t->cursor && e.len == strlen(e.text));
	CHECK(gd_utf8_check(e.text, e.len) == e.len);
}

/* A long text fills the entry to its last whole character, never more. */
static void check_full(const struct tcase *t)
{
	(void)t;
	struct app_entry e;
	memset(&e, 0, sizeof(e));
	app_entry_set_text(&e, "");
	for (int i = 0; i < 2000; i++)
		app_entry_insert(&e, "w²·");
	CHECK(e.len < sizeof(e.text) && e.len == strlen(e.text));
	CHECK(e.len + 5 >= sizeof(e.text) - 1);
	CHECK(gd_utf8_check(e.text, e.len) == e.len);
	app_entry_edit(&e, APP_EDIT_BACKSPACE);
	CHECK(gd_utf8_check(e.text, e.len) == e.len);
	/* One long insert goes in whole, up to the room there is. */
	static char big[3000];
	memset(big, 'w', sizeof(big) - 1);
	app_entry_set_text(&e, "");
	CHECK(app_entry_insert(&e, big) && e.len == sizeof(big) - 1);
	CHECK(app_entry_insert(&e, big) && e.len == sizeof(e.text) - 1);
}

struct fixture {
	struct gd_lesson lesson;
	struct gd_scene scene;
	struct app_state *s;
};

static void setup(struct fixture *f, const struct tcase *t)
{
	memset(f, 0, sizeof(*f));
	struct gd_scene *sc = &f->scene;
	gd_curve_default(&sc->curve, t->kind);
	if (t->formula && gd_curve_from_formula(&sc->curve, t->formula, NULL))
		abort(); /* a bad formula in the table */
	gd_curve_start(&sc->curve, sc->w0);
	gd_optim_default(&sc->opt, t->optimizer, 0.1);
	sc->steps = GD_SCENE_UNPLANNED;
	f->lesson.count = 1;
	f->lesson.scenes = sc;
	f->s = calloc(1, sizeof(*f->s));
	if (!f->s || app_state_init(f->s, &f->lesson, 0))
		abort(); /* out of memory: no test to run */
}

static void teardown(struct fixture *f)
{
	app_state_finish(f->s);
	free(f->s);
}

static void check_parse(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	double v[2] = { (double)NAN, (double)NAN };
	char msg[256] = "";
	struct gd_curve *c = malloc(sizeof(*c));
	CHECK(c != NULL);
	int r = app_entry_parse(app_state_run(f.s), t->field, t->text,
				APP_LANG_EN, v, c, msg, sizeof(msg));
	if (r != t->status || !strstr(msg, t->says))
		fprintf(stderr, "%s: %d '%s'\n", t->name, r, msg);
	bool ok = r == t->status && strstr(msg, t->says) != NULL;
	if (ok && r == 0 && t->field == APP_ENTRY_FORMULA)
		ok = gd_curve_check(c) == 0 && gd_curve_dim(c) == (int)t->v[0];
	else if (ok && r == 0)
		ok = v[0] == t->v[0] &&
		     (t->field != APP_ENTRY_W0 || t->kind < GD_CURVE_BOWL2 ||
		      v[1] == t->v[1]);
	free(c);
	teardown(&f);
	CHECK(ok);
}

static void check_apply(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_state *s = f.s;
	struct app_result r;
	/* One step first: applying keeps the scene (and here the step). */
	app_apply(s, APP_ACT_NEXT, 1000, &r);
	app_anim_finish(s);
	s->fullscreen = t->fullscreen;
	app_apply(s, APP_ACT_ENTRY, 2000, &r);
	bool ok = s->entry.open && s->entry.field == APP_ENTRY_RATE;
	for (int i = 0; ok && (t->keys[i].key || t->keys[i].text); i++) {
		if (t->keys[i].text)
			app_entry_text(s, t->keys[i].text, &r);
		else
			app_entry_key(s, t->keys[i].key, t->keys[i].mod, &r);
		/* Keys of the app do nothing while the entry is open. */
		if (s->entry.open) {
			app_apply(s, APP_ACT_CLOSE, 3000, &r);
			ok = !s->quit && r.fx == 0;
		}
	}
	const struct gd_run *run = app_state_run(s);
	if (!ok || s->entry.open != t->open || !strstr(s->entry.message, t->says))
		fprintf(stderr, "%s: open %d message '%s'\n", t->name,
			s->entry.open, s->entry.message);
	ok = ok && s->entry.open == t->open &&
	     strstr(s->entry.message, t->says) != NULL && !s->quit &&
	     s->fullscreen == t->fullscreen && s->pres.scene == 0;
	if (ok && t->rate > 0)
		ok = gd_run_rate(run) == t->rate;
	if (ok && t->has_beta)
		ok = gd_run_momentum(run) == t->beta;
	if (ok && t->has_w)
		ok = run->w[0] == t->v[0] &&
		     (run->dim == 1 || run->w[1] == t->v[1]);
	if (ok && t->formula_after)
		ok = strcmp(run->curve.formula.text, t->formula_after) == 0 &&
		     gd_curve_check(&run->curve) == 0 && run->step == 0;
	if (!ok)
		fprintf(stderr, "%s: rate %g beta %g w (%g, %g) step %ld\n",
			t->name, gd_run_rate(run), gd_run_momentum(run),
			run->w[0], run->w[1], run->step);
	/* Esc after the entry closed is the app's again. */
	if (ok && !s->entry.open && t->fullscreen) {
		app_apply(s, APP_ACT_ESCAPE, 4000, &r);
		ok = !s->fullscreen;
	}
	teardown(&f);
	CHECK(ok);
}

static int fake_width(void *ctx, const char *s, int px, enum app_face face)
{
	(void)ctx, (void)face;
	return (int)ceil(0.6 * px * (double)gd_utf8_count(s));
}

static int fake_height(void *ctx, int px, enum app_face face)
{
	(void)ctx, (void)face;
	return px * 6 / 5;
}

static const struct app_prim *find(const struct app_dlist *dl,
				   enum app_role role, const char *has)
{
	for (int i = 0; i < dl->n; i++)
		if (dl->prims[i].role == role &&
		    (!has || strstr(app_dlist_str(dl, &dl->prims[i]), has)))
			return &dl->prims[i];
	return NULL;
}

/* The box lies in the plot with the label, the text, the caret and the
 * hint; a bad value's message replaces the hint; closed, nothing. */
/* A click on the plot while the entry is open starts no new run (on one
 * weight or on the map) and leaves the entry open; once it is closed, a
 * click starts there again. */
static void check_click(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_state *s = f.s;
	struct app_result r;
	const struct gd_run *run = app_state_run(s);
	double w0 = run->w[0];
	app_apply(s, APP_ACT_ENTRY, 1000, &r);
	CHECK(s->entry.open);
	app_click_at(s, w0 + 0.5, 0.25, &r);
	CHECK(s->entry.open && run->w[0] == w0 && r.fx == 0);
	app_entry_key(s, APP_KEY_ESCAPE, 0, &r);
	CHECK(!s->entry.open);
	app_click_at(s, w0 + 0.5, 0.25, &r);
	CHECK(run->w[0] == w0 + 0.5 && (r.fx & APP_FX_REDRAW));
	teardown(&f);
}

static void check_draw(const struct tcase *t)
{
	struct fixture f;
	setup(&f, t);
	struct app_state *s = f.s;
	struct app_measure m = { .width = fake_width, .height = fake_height };
	struct app_dlist dl;
	struct app_frame_info info;
	struct app_result r;
	app_dlist_init(&dl);
	app_frame_build(&dl, &info, s, 1280, 720, 0, &m);
	bool ok = !find(&dl, APP_ROLE_ENTRY_BG, NULL);
	app_apply(s, APP_ACT_ENTRY, 0, &r);
	for (int i = 0; t->keys[i].key || t->keys[i].text; i++) {
		if (t->keys[i].text)
			app_entry_text(s, t->keys[i].text, &r);
		else
			app_entry_key(s, t->keys[i].key, t->keys[i].mod, &r);
	}
	app_frame_build(&dl, &info, s, 1280, 720, 0, &m);
	const struct app_prim *bg = find(&dl, APP_ROLE_ENTRY_BG, NULL);
	const struct app_prim *label = find(&dl, APP_ROLE_ENTRY_TEXT, t->text);
	const struct app_prim *msg = find(&dl, APP_ROLE_ENTRY_MESSAGE, t->says);
	const struct app_prim *caret = find(&dl, APP_ROLE_ENTRY_CARET, NULL);
	struct app_rect p = info.lay.plot;
	ok = ok && bg && label && msg && caret;
	if (!ok)
		fprintf(stderr, "%s: bg %p label %p msg %p caret %p\n", t->name,
			(const void *)bg, (const void *)label,
			(const void *)msg, (const void *)caret);
	ok = ok && bg->box.x >= (float)p.x && bg->box.y >= (float)p.y &&
	     bg->box.x + bg->box.w <= (float)(p.x + p.w) &&
	     bg->box.y + bg->box.h <= (float)(p.y + p.h);
	ok = ok && msg->box.y + msg->box.h <= bg->box.y + bg->box.h &&
	     caret->box.x >= label->box.x + label->box.w &&
	     caret->box.x <= bg->box.x + bg->box.w;
	/* The typed text, cut before the caret when long, ends in the box. */
	for (int i = 0; ok && i < dl.n; i++)
		if (dl.prims[i].role == APP_ROLE_ENTRY_TEXT)
			ok = dl.prims[i].box.x + dl.prims[i].box.w <=
			     bg->box.x + bg->box.w;
	app_entry_key(s, APP_KEY_ESCAPE, 0, &r);
	app_frame_build(&dl, &info, s, 1280, 720, 0, &m);
	ok = ok && !find(&dl, APP_ROLE_ENTRY_BG, NULL) &&
	     !find(&dl, APP_ROLE_ENTRY_MESSAGE, NULL);
	app_dlist_finish(&dl);
	teardown(&f);
	CHECK(ok);
}

#define EDIT(n, init, scr, w, c)                                              \
	{                                                                     \
		.name = n, .run = check_edit, .initial = init, .script = scr, \
		.want = w, .cursor = c                                        \
	}
#define PARSE(n, k, fl, txt, st, msg, v0, v1)                          \
	{                                                              \
		.name = n, .run = check_parse, .kind = k, .field = fl, \
		.text = txt, .status = st, .says = msg,                \
		.v = { v0,                                             \
		       v1 }                                            \
	}

/* 600 characters: far wider than the box. */
#define W10 "w + w + w "
#define W100 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10
#define LONG_FORMULA W100 W100 W100 W100 W100 W100

static const struct tcase cases[] = {
	{ .name = "entry-click-starts-nothing",
	  .run = check_click,
	  .kind = GD_CURVE_BOWL },
	{ .name = "entry-click-starts-nothing-map",
	  .run = check_click,
	  .kind = GD_CURVE_BOWL2 },
	EDIT("entry-fresh-replaces", "0.1", "0.37", "0.37", 4),
	EDIT("entry-fresh-backspace-empties", "0.1", BS "2", "2", 1),
	EDIT("entry-fresh-delete-empties", "0.1", DEL, "", 0),
	EDIT("entry-cursor-keeps", "0.1", LEFT "5", "0.51", 3),
	EDIT("entry-home-end", "23", HOME "1" END "4", "1234", 4),
	EDIT("entry-utf8-backspace", "w²", END BS, "w", 1),
	EDIT("entry-utf8-delete", "−w", HOME DEL, "w", 0),
	EDIT("entry-utf8-left-right", "a×b", LEFT LEFT "c", "ac×b", 2),
	EDIT("entry-utf8-right", "×b", HOME RIGHT "a", "×ab", 3),
	EDIT("entry-backspace-at-start", "ab", HOME BS, "ab", 0),
	EDIT("entry-control-dropped", "",
	     "1\t2\r\x7f"
	     "3",
	     "123", 3),
	EDIT("entry-bad-utf8-dropped", "",
	     "\xff"
	     "1\xc3",
	     "1", 1),
	EDIT("entry-chinese", "", "（w−1）²", "（w−1）²", 13),
	{ .name = "entry-full", .run = check_full },
	PARSE("entry-parse-rate", GD_CURVE_BOWL, APP_ENTRY_RATE, " 0.37 ", 0,
	      "", 0.37, 0),
	PARSE("entry-parse-rate-abc", GD_CURVE_BOWL, APP_ENTRY_RATE, "abc",
	      -EINVAL, "η: 'abc' is not a number", 0, 0),
	PARSE("entry-parse-rate-zero", GD_CURVE_BOWL, APP_ENTRY_RATE, "0",
	      -EINVAL, "η: 0 is out of range ((0, 1e+06]", 0, 0),
	PARSE("entry-parse-rate-overflow", GD_CURVE_BOWL, APP_ENTRY_RATE,
	      "1e999", -EINVAL, "η: '1e999' is not a finite number", 0, 0),
	PARSE("entry-parse-rate-empty", GD_CURVE_BOWL, APP_ENTRY_RATE, "",
	      -EINVAL, "η: '' is not a number", 0, 0),
	PARSE("entry-parse-beta", GD_CURVE_BOWL, APP_ENTRY_BETA, "0.9", 0, "",
	      0.9, 0),
	PARSE("entry-parse-beta-one", GD_CURVE_BOWL, APP_ENTRY_BETA, "1",
	      -EINVAL, "β: 1 is out of range ([0, 1)", 0, 0),
	PARSE("entry-parse-w0", GD_CURVE_BOWL, APP_ENTRY_W0, "-3", 0, "", -3, 0),
	PARSE("entry-parse-w0-pair", GD_CURVE_BOWL2, APP_ENTRY_W0, "-0.8, 0.5",
	      0, "", -0.8, 0.5),
	PARSE("entry-parse-w0-pair-on-one", GD_CURVE_BOWL, APP_ENTRY_W0, "1,2",
	      -EINVAL, "w0: the curve bowl has one weight; write w0 = w", 0, 0),
	PARSE("entry-parse-w0-one-on-two", GD_CURVE_NEURON2, APP_ENTRY_W0, "1",
	      -EINVAL,
	      "w0: the curve neuron2 has two weights; write w0 = w1, w2", 0, 0),
	PARSE("entry-parse-w0-three", GD_CURVE_BOWL2, APP_ENTRY_W0, "1,2,3",
	      -EINVAL, "w0: '1,2,3' is not a pair of weights w1, w2", 0, 0),
	PARSE("entry-parse-w0-bad-second", GD_CURVE_BOWL2, APP_ENTRY_W0, "1,x",
	      -EINVAL, "w₂: 'x' is not a number", 0, 0),
	PARSE("entry-parse-w0-too-far", GD_CURVE_BOWL, APP_ENTRY_W0, "2e12",
	      -EINVAL, "w0: 2e12 is out of range ([-1e+12, 1e+12]", 0, 0),
	PARSE("entry-parse-formula", GD_CURVE_FORMULA, APP_ENTRY_FORMULA,
	      "(w - 1)² + sin(w)", 0, "", 1, 0),
	PARSE("entry-parse-formula-two", GD_CURVE_FORMULA, APP_ENTRY_FORMULA,
	      "w1^2 + 3·w2^2", 0, "", 2, 0),
	PARSE("entry-parse-formula-column", GD_CURVE_FORMULA, APP_ENTRY_FORMULA,
	      "w + ^2", -EINVAL, "column 5: expected a number or '(' after '+'",
	      0, 0),
	PARSE("entry-parse-formula-name", GD_CURVE_FORMULA, APP_ENTRY_FORMULA,
	      "x^2", -EINVAL, "column 1: unknown name 'x' (did you mean 'w'?)",
	      0, 0),
	PARSE("entry-parse-formula-mixed", GD_CURVE_FORMULA, APP_ENTRY_FORMULA,
	      "w1 + w", -EINVAL, "column 6: 'w' mixes w with w1 and w2", 0, 0),
	{ .name = "entry-apply-rate",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL,
	  .keys = { TYPE("0.37"), ENTER, END_OF },
	  .says = "",
	  .rate = 0.37 },
	{ .name = "entry-apply-bad-changes-nothing",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL,
	  .keys = { TYPE("abc"), ENTER, END_OF },
	  .open = true,
	  .says = "η: 'abc' is not a number",
	  .rate = 0.1 },
	{ .name = "entry-apply-esc-cancels",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL,
	  .keys = { TYPE("0.5"), ESC, END_OF },
	  .says = "",
	  .fullscreen = true,
	  .rate = 0.1 },
	{ .name = "entry-apply-beta",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL,
	  .keys = { TAB, TYPE("0.9"), ENTER, END_OF },
	  .says = "",
	  .rate = 0.1,
	  .beta = 0.9 },
	{ .name = "entry-apply-w0-two-weights",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL2,
	  .keys = { TAB, TAB, TYPE("1, -0.5"), ENTER, END_OF },
	  .says = "",
	  .has_w = true,
	  .v = { 1, -0.5 } },
	{ .name = "entry-apply-w0-no-beta-for-adam",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL,
	  .optimizer = GD_OPTIMIZER_ADAM,
	  .keys = { TAB, TYPE("-1.5"), ENTER, END_OF },
	  .says = "",
	  .has_w = true,
	  .v = { -1.5, 0 } },
	{ .name = "entry-apply-shift-tab-back",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL,
	  .keys = { TAB, TAB, { APP_KEY_TAB, APP_MOD_SHIFT, NULL }, TYPE("0.5"), ENTER, END_OF },
	  .says = "",
	  .has_beta = true,
	  .beta = 0.5 },
	{ .name = "entry-apply-formula",
	  .run = check_apply,
	  .kind = GD_CURVE_FORMULA,
	  .keys = { KEY(APP_KEY_UP), TYPE("(w-1)^2"), ENTER, END_OF },
	  .says = "",
	  .formula_after = "(w-1)^2" },
	{ .name = "entry-apply-formula-two-weights",
	  .run = check_apply,
	  .kind = GD_CURVE_FORMULA,
	  .keys = { KEY(APP_KEY_UP), TYPE("w1^2 + 3*w2^2"), ENTER, END_OF },
	  .says = "",
	  .formula_after = "w1^2 + 3*w2^2" },
	{
		.name = "entry-apply-formula-bad",
		.run = check_apply,
		.kind = GD_CURVE_FORMULA,
		.formula = "w^2",
		.keys = { KEY(APP_KEY_UP), TYPE("w + ^2"), ENTER, END_OF },
		.open = true,
		.says = "column 5: expected a number or '(' after '+'",
	},
	{ .name = "entry-apply-no-formula-on-bowl",
	  .run = check_apply,
	  .kind = GD_CURVE_BOWL,
	  /* Up from η wraps to w0, not to a formula the bowl has not. */
	  .keys = { KEY(APP_KEY_UP), TYPE("0.25"), ENTER, END_OF },
	  .says = "",
	  .has_w = true,
	  .v = { 0.25, 0 } },
	{ .name = "entry-draw",
	  .run = check_draw,
	  .kind = GD_CURVE_BOWL,
	  .keys = { TYPE("0.3"), END_OF },
	  .text = "η = ",
	  .says = "Enter applies" },
	{ .name = "entry-draw-long",
	  .run = check_draw,
	  .kind = GD_CURVE_FORMULA,
	  .keys = { KEY(APP_KEY_UP), TYPE(LONG_FORMULA), END_OF },
	  .text = "E(w) = ",
	  .says = "Enter applies" },
	{ .name = "entry-draw-message",
	  .run = check_draw,
	  .kind = GD_CURVE_BOWL2,
	  .keys = { TAB, TAB, TYPE("1"), ENTER, END_OF },
	  .text = "w0 (w₁, w₂) = ",
	  .says = "has two weights" },
};

int main(int argc, char **argv)
{
	HARNESS_MAIN(cases, argc, argv);
}
