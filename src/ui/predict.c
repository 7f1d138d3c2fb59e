/* Predict, then reveal; see predict.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "predict.h"
#include "theme.h"

/* The guess's colour: Okabe–Ito's reddish purple, the fourth run's (a
 * scene in predict mode shows one run). */
#define GUESS_RUN 3

void app_predict_init(struct app_predict *p, int scene)
{
	memset(p, 0, sizeof(*p));
	p->scene = scene;
}

void app_predict_toggle(struct app_predict *p)
{
	p->on = !p->on;
	if (!p->on)
		p->has_guess = false;
}

void app_predict_scene(struct app_predict *p, int k, const struct gd_scene *sc)
{
	if (p->scene >= 0 && p->scene < GD_LESSON_MAX_SCENES)
		p->scenes[p->scene] = p->score;
	p->on = p->has_guess = false;
	p->kept = 0;
	p->scene = k;
	p->sc = sc;
	p->score = (k >= 0 && k < GD_LESSON_MAX_SCENES) ? p->scenes[k] :
							  (struct app_score){ 0 };
	p->score.question = sc ? sc->question : GD_QUESTION_NONE;
	p->on = p->score.question != GD_QUESTION_NONE;
}

bool app_lesson_asks(const struct gd_lesson *lesson)
{
	for (int i = 0; lesson && i < lesson->count; i++)
		if (lesson->scenes[i].question != GD_QUESTION_NONE)
			return true;
	return false;
}

static bool one_step(const struct app_predict *p)
{
	return p->score.question == GD_QUESTION_ONE_STEP && p->sc;
}

bool app_predict_asks_rate(const struct app_predict *p)
{
	return one_step(p);
}

bool app_predict_click(struct app_predict *p, int dim, double a, double b)
{
	if (p->on && one_step(p))
		return true; /* η is the answer: a click changes nothing */
	if (!p->on || !isfinite(a) || (dim == 2 && !isfinite(b)))
		return false;
	p->guess[0] = a;
	p->guess[1] = dim == 2 ? b : 0;
	p->has_guess = true;
	return true;
}

static void score_add(struct app_score *s, const struct app_guess *g, int sign)
{
	s->guesses += sign;
	s->right += g->right_dir ? sign : 0;
	s->error_sum += sign * g->error;
	if (s->guesses <= 0)
		*s = (struct app_score){ 0 };
}

bool app_predict_reveal(struct app_predict *p, const struct gd_update *u,
			int dim, struct app_guess *out)
{
	if (p->on && one_step(p)) {
		/* The first update is the answer: did it land? */
		if (u->step == 0) {
			p->score.tried = true;
			p->score.rate = u->opt.hyper[GD_HYPER_RATE];
			p->score.landed_w = u->w_next[0];
			p->score.landed = fabs(u->w_next[0] - p->sc->target) <=
					  p->sc->tolerance;
			p->on = false;
		}
		return false;
	}
	if (!p->has_guess)
		return false;
	p->has_guess = false;
	dim = dim == 2 ? 2 : 1;
	struct app_guess g = { .step = u->step, .dim = dim };
	double e2 = 0, dot = 0, d2 = 0, off = 0;
	for (int k = 0; k < dim; k++) {
		g.from[k] = u->w[k];
		g.guess[k] = p->guess[k];
		g.actual[k] = u->w_next[k];
		double e = g.guess[k] - g.actual[k];
		e2 += e * e;
		dot += (g.guess[k] - g.from[k]) * u->delta[k];
		d2 += u->delta[k] * u->delta[k];
		off += fabs(g.guess[k] - g.from[k]);
	}
	g.error = sqrt(e2);
	g.share = d2 > 0 ? g.error / sqrt(d2) : -1;
	g.right_dir = d2 > 0 ? dot > 0 : off == 0;
	if (!isfinite(g.error)) /* a guess far off in a huge step */
		g.error = 0, g.share = -1;
	if (p->kept == APP_PREDICT_KEEP) {
		memmove(p->rec, p->rec + 1,
			sizeof(p->rec[0]) * (APP_PREDICT_KEEP - 1));
		p->kept--;
	}
	p->rec[p->kept++] = g;
	score_add(&p->score, &g, 1);
	*out = g;
	return true;
}

void app_predict_undo(struct app_predict *p, long step)
{
	p->has_guess = false;
	if (one_step(p) && step == 0) { /* back before the answer: ask again */
		p->on = true;
		p->score.tried = p->score.landed = false;
	} else if (one_step(p)) {
		p->on = false; /* past the question's update */
	}
	while (p->kept > 0 && p->rec[p->kept - 1].step >= step) {
		score_add(&p->score, &p->rec[p->kept - 1], -1);
		p->kept--;
	}
}

const struct app_guess *app_predict_last(const struct app_predict *p, long step)
{
	if (p->kept == 0 || p->rec[p->kept - 1].step != step - 1)
		return NULL;
	return &p->rec[p->kept - 1];
}

bool app_predict_hides(const struct app_predict *p, bool revealing)
{
	return p->on && !revealing;
}

int app_guess_format(char *buf, size_t size, const struct app_guess *g)
{
	if (g->dim == 2)
		return snprintf(buf, size, "guess,%ld,%.17g,%.17g,%.17g,%.17g\n",
				g->step, g->guess[0], g->guess[1], g->actual[0],
				g->actual[1]);
	return snprintf(buf, size, "guess,%ld,%.17g,%.17g\n", g->step,
			g->guess[0], g->actual[0]);
}

double app_score_mean(const struct app_score *s)
{
	return s->guesses > 0 ? s->error_sum / s->guesses : 0;
}

/* A point as the panel writes it: w, or (w₁, w₂). */
static const char *point(char *buf, size_t size, const double *w, int dim)
{
	char a[APP_FMT_MAX], b[APP_FMT_MAX];
	if (dim == 2)
		snprintf(buf, size, "(%s, %s)", app_fmt_value(a, sizeof(a), w[0]),
			 app_fmt_value(b, sizeof(b), w[1]));
	else
		snprintf(buf, size, "%s", app_fmt_value(a, sizeof(a), w[0]));
	return buf;
}

/* How the last reveal went: two lines. */
static int result_lines(const struct app_guess *g, enum app_lang lang,
			char (*lines)[160], int max)
{
	char gs[64], as[64], e[APP_FMT_MAX];
	if (max < 2)
		return 0;
	snprintf(lines[0], 160, app_tr(lang, "Guess %s, w landed at %s"),
		 point(gs, sizeof(gs), g->guess, g->dim),
		 point(as, sizeof(as), g->actual, g->dim));
	const char *dir = g->right_dir ? app_tr(lang, "right direction") :
					 app_tr(lang, "wrong direction");
	if (g->share >= 0)
		snprintf(lines[1], 160,
			 app_tr(lang, "off by %s (%.0f%% of the step), %s"),
			 app_fmt_value(e, sizeof(e), g->error),
			 fmin(g->share * 100, 1e6), dir);
	else
		snprintf(lines[1], 160, app_tr(lang, "off by %s, %s"),
			 app_fmt_value(e, sizeof(e), g->error), dir);
	return 2;
}

/* A one-step question's lines: what to do, or how it went. */
static int rate_lines(const struct app_predict *p, enum app_lang lang,
		      char (*lines)[160])
{
	char t[APP_FMT_MAX], tol[APP_FMT_MAX], w[APP_FMT_MAX], r[APP_FMT_MAX];
	app_fmt_value(t, sizeof(t), p->sc->target);
	app_fmt_param(tol, sizeof(tol), p->sc->tolerance);
	if (!p->score.tried) {
		snprintf(lines[0], 160,
			 app_tr(lang,
				"Question: choose η (Up / Down) so that w lands on %s ± %s in one step, then Next"),
			 t, tol);
		return 1;
	}
	app_fmt_value(w, sizeof(w), p->score.landed_w);
	app_fmt_param(r, sizeof(r), p->score.rate);
	snprintf(lines[0], 160,
		 p->score.landed ?
			 app_tr(lang,
				"Landed: η = %s took w to %s (target %s ± %s)") :
			 app_tr(lang,
				"Missed: η = %s took w to %s (target %s ± %s); Back, change η, try again"),
		 r, w, t, tol);
	return 1;
}

/* What to do before a guess: click where w lands, or which way. */
static const char *prompt(const struct app_predict *p, int dim, enum app_lang lang)
{
	if (p->score.question == GD_QUESTION_DIRECTION)
		return dim == 2 ?
			       app_tr(lang,
				      "Question: which way will the next step go? Click on the map in that direction from the point, then Next") :
			       app_tr(lang,
				      "Question: which way will the next step go? Click on that side of the point, then Next");
	return dim == 2 ?
		       app_tr(lang,
			      "Predict: click on the map where w will land, then Next") :
		       app_tr(lang, "Predict: click where w will land, then Next");
}

int app_predict_lines(const struct app_predict *p, long step, int dim,
		      enum app_lang lang, char (*lines)[160], int max)
{
	int n = 0;
	if (max < 4)
		return 0;
	if (one_step(p))
		return rate_lines(p, lang, lines);
	if (!p->on)
		return 0;
	char gs[64], m[APP_FMT_MAX];
	bool dir = p->score.question == GD_QUESTION_DIRECTION;
	if (p->has_guess)
		snprintf(lines[n++], 160,
			 dir ? app_tr(lang,
				      "Your answer: towards the marker. Next reveals the step") :
			       app_tr(lang,
				      "Your guess: w = %s. Next reveals the step"),
			 point(gs, sizeof(gs), p->guess, dim));
	else
		snprintf(lines[n++], 160, "%s", prompt(p, dim, lang));
	const struct app_guess *g = app_predict_last(p, step);
	if (g && dir)
		snprintf(lines[n++], 160, "%s",
			 g->right_dir ? app_tr(lang, "Answer: right direction") :
					app_tr(lang, "Answer: wrong direction"));
	else if (g)
		n += result_lines(g, lang, lines + n, max - n - 1);
	if (p->score.guesses > 0 && dir)
		snprintf(lines[n++], 160,
			 app_tr(lang, "Score: %d of %d in the right direction"),
			 p->score.right, p->score.guesses);
	else if (p->score.guesses > 0)
		snprintf(lines[n++], 160,
			 app_tr(lang,
				"Score: guesses %d, right direction %d, mean error %s"),
			 p->score.guesses, p->score.right,
			 app_fmt_value(m, sizeof(m), app_score_mean(&p->score)));
	return n;
}

bool app_predict_mark_at(const struct app_predict *p, long step, double *w,
			 bool *revealed)
{
	if (!p->on)
		return false;
	if (p->has_guess) {
		w[0] = p->guess[0], w[1] = p->guess[1];
		*revealed = false;
		return true;
	}
	const struct app_guess *g = app_predict_last(p, step);
	if (!g)
		return false;
	w[0] = g->guess[0], w[1] = g->dim == 2 ? g->guess[1] : 0;
	*revealed = true;
	return true;
}

void app_predict_mark(struct app_dlist *dl, float x, float y, float r,
		      float label_y, bool revealed, bool dark, int px,
		      const struct app_measure *m, enum app_lang lang)
{
	const struct app_theme *th = app_theme_get(dark);
	app_dlist_marker(dl, APP_ROLE_GUESS, 3, x, y, r + 2.5f, th->bg);
	app_dlist_marker(dl, APP_ROLE_GUESS, 3, x, y, r, th->run[GUESS_RUN]);
	struct app_text_style st = { .px = px,
				     .face = APP_FACE_BOLD,
				     .color = th->run_text[GUESS_RUN],
				     .align = APP_ALIGN_CENTRE };
	app_dlist_text(dl, APP_ROLE_GUESS_LABEL, &st, x, label_y,
		       revealed ? app_tr(lang, "guessed") :
				  app_tr(lang, "your guess"),
		       m);
}

/* One scene's answers in words, into buf; false when it asked nothing
 * and had no guesses. */
static bool answer_line(char *buf, size_t size, const struct app_score *sc,
			const struct gd_scene *scene, int k, enum app_lang lang)
{
	char a[APP_FMT_MAX], what[200];
	const char *title = gd_scene_title(scene,
					   lang == APP_LANG_ZH ? "zh" : "en");
	if (sc->question == GD_QUESTION_NONE && sc->guesses == 0)
		return false;
	if (sc->question == GD_QUESTION_ONE_STEP && sc->tried)
		snprintf(what, sizeof(what),
			 sc->landed ? app_tr(lang, "landed, with η = %s") :
				      app_tr(lang, "missed, with η = %s"),
			 app_fmt_param(a, sizeof(a), sc->rate));
	else if (sc->guesses == 0)
		snprintf(what, sizeof(what), "%s", app_tr(lang, "not answered"));
	else if (sc->question == GD_QUESTION_DIRECTION)
		snprintf(what, sizeof(what),
			 app_tr(lang, "%d of %d in the right direction"),
			 sc->right, sc->guesses);
	else
		snprintf(what, sizeof(what),
			 app_tr(lang,
				"guesses %d, right direction %d, mean error %s"),
			 sc->guesses, sc->right,
			 app_fmt_value(a, sizeof(a), app_score_mean(sc)));
	snprintf(buf, size, app_tr(lang, "Scene %d (%s): %s"), k + 1, title, what);
	return true;
}

void app_predict_summary(struct app_dlist *dl, const struct app_predict *p,
			 const struct gd_lesson *lesson, int width, int height,
			 int px, bool dark, const struct app_measure *m,
			 enum app_lang lang)
{
	const struct app_theme *th = app_theme_get(dark);
	app_dlist_rect(dl, APP_ROLE_OVERLAY_BG,
		       (struct app_box){ 0, 0, (float)width, (float)height },
		       app_rgba_alpha(th->bg, 245));
	struct app_text_style st = { .px = px * 3 / 2,
				     .face = APP_FACE_BOLD,
				     .color = th->text,
				     .align = APP_ALIGN_LEFT };
	float x = (float)px * 2, y = (float)px * 2, row = (float)px * 1.6f;
	app_dlist_text(dl, APP_ROLE_HELP_TITLE, &st, x, y,
		       app_tr(lang, "Your answers"), m);
	y += row * 2;
	st.px = px;
	st.face = APP_FACE_REGULAR;
	int shown = 0;
	for (int k = 0; lesson && k < lesson->count &&
			k < GD_LESSON_MAX_SCENES && y < (float)height - row * 2;
	     k++) {
		char line[400];
		const struct app_score *sc = k == p->scene ? &p->score :
							     &p->scenes[k];
		struct app_score asked = *sc;
		asked.question = lesson->scenes[k].question;
		if (!answer_line(line, sizeof(line), &asked, &lesson->scenes[k],
				 k, lang))
			continue;
		app_dlist_text(dl, APP_ROLE_HELP_TEXT, &st, x, y, line, m);
		y += row;
		shown++;
	}
	if (!shown)
		app_dlist_text(dl, APP_ROLE_HELP_TEXT, &st, x, y,
			       app_tr(lang, "No answers yet"), m);
	st.color = th->muted;
	app_dlist_text(
		dl, APP_ROLE_HELP_TEXT, &st, x, (float)height - row * 1.5f,
		app_tr(lang,
		       "S saves this screen as a PNG; any other key goes back"),
		m);
}
