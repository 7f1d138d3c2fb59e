/* Values typed in the window; see entry.h. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/lesson.h>
#include <gdstep/number.h>
#include <gdstep/optimizer.h>
#include <gdstep/run.h>
#include <gdstep/utf8.h>

#include "actions.h"
#include "entry.h"
#include "keys.h"
#include "options.h"

void app_entry_set_text(struct app_entry *e, const char *text)
{
	size_t n = strlen(text);
	n = gd_utf8_cut(text, n, sizeof(e->text) - 1);
	memcpy(e->text, text, n);
	e->text[n] = '\0';
	e->len = e->cursor = n;
	e->fresh = true;
}

bool app_entry_insert(struct app_entry *e, const char *utf8)
{
	bool changed = false;
	/* Well-formed characters only, and no control characters; each
	 * goes in whole or not at all. */
	for (const char *p = utf8; *p;) {
		const char *start = p;
		unsigned c = gd_utf8_next(&p);
		size_t n = (size_t)(p - start);
		if (c == GD_UTF8_BAD || c < 0x20 || c == 0x7f ||
		    (c >= 0x80 && c < 0xa0))
			continue;
		if (e->fresh) {
			e->len = e->cursor = 0;
			e->text[0] = '\0';
			e->fresh = false;
		}
		if (e->len + n > sizeof(e->text) - 1)
			break;
		memmove(e->text + e->cursor + n, e->text + e->cursor,
			e->len - e->cursor + 1);
		memcpy(e->text + e->cursor, start, n);
		e->len += n;
		e->cursor += n;
		changed = true;
	}
	if (changed)
		e->message[0] = '\0';
	return changed;
}

/* The start of the character before byte i, and the end of the one at i. */
static size_t char_before(const struct app_entry *e, size_t i)
{
	while (i > 0 && gd_utf8_is_continuation((unsigned char)e->text[--i]))
		;
	return i;
}

static size_t char_after(const struct app_entry *e, size_t i)
{
	if (i >= e->len)
		return e->len;
	i++;
	while (i < e->len && gd_utf8_is_continuation((unsigned char)e->text[i]))
		i++;
	return i;
}

static void cut(struct app_entry *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	e->message[0] = '\0';
}

void app_entry_edit(struct app_entry *e, enum app_entry_edit k)
{
	bool fresh = e->fresh;
	e->fresh = false;
	switch (k) {
	case APP_EDIT_BACKSPACE:
		if (fresh)
			cut(e, 0, e->len);
		else if (e->cursor > 0)
			cut(e, char_before(e, e->cursor), e->cursor);
		break;
	case APP_EDIT_DELETE:
		if (fresh)
			cut(e, 0, e->len);
		else if (e->cursor < e->len)
			cut(e, e->cursor, char_after(e, e->cursor));
		break;
	case APP_EDIT_LEFT:
		e->cursor = char_before(e, e->cursor);
		break;
	case APP_EDIT_RIGHT:
		e->cursor = char_after(e, e->cursor);
		break;
	case APP_EDIT_HOME:
		e->cursor = 0;
		break;
	case APP_EDIT_END:
		e->cursor = e->len;
		break;
	}
}

/* The shortest of %.15g … %.17g that reads back as v. */
static void shortest(char *buf, size_t size, double v)
{
	for (int digits = 15; digits <= 17; digits++) {
		snprintf(buf, size, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

void app_entry_current(const struct gd_run *run, enum app_entry_field f,
		       char *buf, size_t size)
{
	char a[32], b[32];
	switch (f) {
	case APP_ENTRY_RATE:
		shortest(buf, size, gd_run_rate(run));
		break;
	case APP_ENTRY_BETA:
		shortest(buf, size, gd_run_momentum(run));
		break;
	case APP_ENTRY_W0:
		shortest(a, sizeof(a), run->w0[0]);
		if (run->dim == 2) {
			shortest(b, sizeof(b), run->w0[1]);
			snprintf(buf, size, "%s, %s", a, b);
		} else {
			snprintf(buf, size, "%s", a);
		}
		break;
	default:
		snprintf(buf, size, "%s",
			 gd_curve_is_formula(&run->curve) ?
				 run->curve.formula.text :
				 "");
		break;
	}
}

const char *app_entry_label(const struct gd_run *run, enum app_entry_field f)
{
	switch (f) {
	case APP_ENTRY_RATE:
		return "η = ";
	case APP_ENTRY_BETA:
		return "β = ";
	case APP_ENTRY_W0:
		return run->dim == 2 ? "w0 (w₁, w₂) = " : "w0 = ";
	default:
		return run->dim == 2 ? "E(w₁, w₂) = " : "E(w) = ";
	}
}

static const char *tr_lang(void *ctx, const char *msgid)
{
	return app_tr(*(const enum app_lang *)ctx, msgid);
}

/* One number for name, with the command line's words for a bad one. */
static int number(const char *name, const char *text, double lo, bool lo_open,
		  double hi, bool hi_open, enum app_lang lang, double *out,
		  char *msg, size_t size)
{
	char q[80];
	gd_utf8_quote(q, sizeof(q), text, 40);
	int r = gd_parse_double(text, out);
	if (r == -EINVAL) {
		snprintf(msg, size,
			 app_tr(lang, N_("%s: '%s' is not a number")), name, q);
		return -EINVAL;
	}
	if (r == -ERANGE) {
		snprintf(msg, size,
			 app_tr(lang, N_("%s: '%s' is not a finite number")),
			 name, q);
		return -EINVAL;
	}
	bool below = lo_open ? !(*out > lo) : !(*out >= lo);
	bool above = hi_open ? !(*out < hi) : !(*out <= hi);
	if (below || above) {
		snprintf(msg, size,
			 app_tr(lang, N_("%s: %s is out of range (%s%g, %g%s)")),
			 name, q, lo_open ? "(" : "[", lo, hi,
			 hi_open ? ")" : "]");
		return -EINVAL;
	}
	return 0;
}

/* w0: one number, or two around a comma, as the run has weights. */
static int start(const struct gd_run *run, const char *text, enum app_lang lang,
		 double *v, char *msg, size_t size)
{
	const double lim = GD_RUN_WMAX;
	const char *comma = strchr(text, ',');
	const char *name = gd_curve_name(run->curve.kind);
	if (!comma && run->dim == 2) {
		snprintf(msg, size,
			 app_tr(lang,
				N_("w0: the curve %s has two weights; write w0 = w1, w2")),
			 name);
		return -EINVAL;
	}
	if (comma && run->dim == 1) {
		snprintf(msg, size,
			 app_tr(lang,
				N_("w0: the curve %s has one weight; write w0 = w")),
			 name);
		return -EINVAL;
	}
	if (!comma)
		return number("w0", text, -lim, false, lim, false, lang, &v[0],
			      msg, size);
	char first[64];
	size_t n = (size_t)(comma - text);
	if (n >= sizeof(first) || strchr(comma + 1, ',')) {
		char q[80];
		gd_utf8_quote(q, sizeof(q), text, 40);
		snprintf(msg, size,
			 app_tr(lang,
				N_("w0: '%s' is not a pair of weights w1, w2")),
			 q);
		return -EINVAL;
	}
	memcpy(first, text, n);
	first[n] = '\0';
	if (number("w₁", first, -lim, false, lim, false, lang, &v[0], msg,
		   size) < 0)
		return -EINVAL;
	return number("w₂", comma + 1, -lim, false, lim, false, lang, &v[1],
		      msg, size);
}

int app_entry_parse(const struct gd_run *run, enum app_entry_field f,
		    const char *text, enum app_lang lang, double *v,
		    struct gd_curve *curve, char *msg, size_t size)
{
	switch (f) {
	case APP_ENTRY_RATE:
		return number("η", text, 0, true, GD_OPT_RATE_MAX, false, lang,
			      &v[0], msg, size);
	case APP_ENTRY_BETA:
		return number("β", text, 0, false, 1, true, lang, &v[0], msg,
			      size);
	case APP_ENTRY_W0:
		return start(run, text, lang, v, msg, size);
	default: {
		struct gd_formula_error err;
		if (gd_curve_from_formula(curve, text, &err) == 0)
			return 0;
		gd_formula_error_format(&err, tr_lang, &lang, msg, size);
		return -EINVAL;
	}
	}
}

/* The fields the run in focus offers: β only with momentum (gd and
 * nesterov), the formula only on a formula scene. */
static void offer(struct app_entry *e, const struct gd_run *run)
{
	const struct gd_optimizer_spec *os = gd_optimizer_spec(run->opt.kind);
	e->offered[APP_ENTRY_RATE] = true;
	e->offered[APP_ENTRY_BETA] = os && os->nhyper > GD_HYPER_MOMENTUM &&
				     strcmp(os->hyper[GD_HYPER_MOMENTUM].key,
					    "momentum") == 0;
	e->offered[APP_ENTRY_W0] = true;
	e->offered[APP_ENTRY_FORMULA] = gd_curve_is_formula(&run->curve);
}

static void show_field(struct app_state *s, enum app_entry_field f)
{
	struct app_entry *e = &s->entry;
	char *now = malloc(APP_ENTRY_BYTES);
	e->field = f;
	e->message[0] = '\0';
	if (!now) {
		app_entry_set_text(e, "");
		return;
	}
	app_entry_current(app_state_focus_run(s), f, now, APP_ENTRY_BYTES);
	app_entry_set_text(e, now);
	free(now);
}

void app_entry_open(struct app_state *s)
{
	struct app_entry *e = &s->entry;
	app_anim_finish(s);
	s->running = false;
	offer(e, app_state_focus_run(s));
	e->open = true;
	show_field(s, APP_ENTRY_RATE);
}

static void next_field(struct app_state *s, int dir)
{
	int f = (int)s->entry.field;
	do
		f = (f + dir + APP_ENTRY_FIELDS) % APP_ENTRY_FIELDS;
	while (!s->entry.offered[f]);
	show_field(s, (enum app_entry_field)f);
}

/* Enter: the value to the scene's runs, or the problem on the message
 * line and nothing changed. */
static void apply(struct app_state *s)
{
	struct app_entry *e = &s->entry;
	struct gd_run *focus = gd_presenter_run(&s->pres, s->focus);
	focus = focus ? focus : s->pres.run;
	double v[GD_DIM_MAX] = { 0, 0 };
	struct gd_curve *curve = malloc(sizeof(*curve));
	if (!curve) {
		snprintf(e->message, sizeof(e->message), "%s", strerror(ENOMEM));
		return;
	}
	if (app_entry_parse(focus, e->field, e->text, s->lang, v, curve,
			    e->message, sizeof(e->message)) < 0) {
		free(curve);
		return;
	}
	switch (e->field) {
	case APP_ENTRY_RATE:
		gd_run_set_rate(focus, v[0]);
		break;
	case APP_ENTRY_BETA:
		if (gd_run_set_momentum(focus, v[0]) == 0 && v[0] > 0)
			s->beta_on = v[0];
		break;
	case APP_ENTRY_W0:
		for (int i = 0; i < app_state_runs(s); i++)
			gd_run_restart(gd_presenter_run(&s->pres, i), v);
		break;
	default: {
		double w0[GD_DIM_MAX];
		gd_curve_start(curve, w0);
		for (int i = 0; i < app_state_runs(s); i++) {
			struct gd_run *r = gd_presenter_run(&s->pres, i);
			struct gd_optim opt = r->opt;
			gd_run_start_on(r, curve, w0, &opt);
		}
		app_refit(s);
		break;
	}
	}
	free(curve);
	e->open = false;
	app_keep_in_view(s);
}

void app_entry_key(struct app_state *s, unsigned key, unsigned mod,
		   struct app_result *out)
{
	struct app_entry *e = &s->entry;
	out->fx = APP_FX_REDRAW;
	if (!e->open)
		return;
	switch (key) {
	case APP_KEY_RETURN:
	case APP_KEY_KP_ENTER:
		apply(s);
		break;
	case APP_KEY_ESCAPE:
		e->open = false;
		break;
	case APP_KEY_TAB:
		next_field(s, mod & APP_MOD_SHIFT ? -1 : 1);
		break;
	case APP_KEY_DOWN:
	case APP_KEY_UP:
		next_field(s, key == APP_KEY_DOWN ? 1 : -1);
		break;
	case APP_KEY_BACKSPACE:
		app_entry_edit(e, APP_EDIT_BACKSPACE);
		break;
	case APP_KEY_DELETE:
		app_entry_edit(e, APP_EDIT_DELETE);
		break;
	case APP_KEY_LEFT:
		app_entry_edit(e, APP_EDIT_LEFT);
		break;
	case APP_KEY_RIGHT:
		app_entry_edit(e, APP_EDIT_RIGHT);
		break;
	case APP_KEY_HOME:
		app_entry_edit(e, APP_EDIT_HOME);
		break;
	case APP_KEY_END:
		app_entry_edit(e, APP_EDIT_END);
		break;
	default:
		out->fx = 0;
		break;
	}
}

void app_entry_text(struct app_state *s, const char *utf8, struct app_result *out)
{
	out->fx = 0;
	if (s->entry.open && app_entry_insert(&s->entry, utf8))
		out->fx = APP_FX_REDRAW;
}
