/*
 * Actions on the app's state; see actions.h. Nothing here knows SDL: the
 * shell owns events, time and pixels, and asks for redraws, echoes and
 * saves through struct app_result.
 */
#include <math.h>
#include <string.h>

#include "options.h"

#include "actions.h"
#include "contour.h"
#include "lang.h"

const double app_pace_ms[APP_PACE_COUNT] = {
	2000, 1200, 800, 500, 300, 180, 100,
};

static const double rate_mantissa[] = { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 };
#define N_MANTISSA (int)(sizeof(rate_mantissa) / sizeof(rate_mantissa[0]))

static const double beta_grid[] = { 0,   0.1, 0.2, 0.3, 0.4,  0.5,
				    0.6, 0.7, 0.8, 0.9, 0.95, 0.99 };
#define N_BETA (int)(sizeof(beta_grid) / sizeof(beta_grid[0]))

/* m × 10ᵉ, divided rather than multiplied for e < 0 so that 0.12 is the
 * same double as the literal 0.12. */
static double grid_value(double m, int e)
{
	return e < 0 ? m / pow(10, -e) : m * pow(10, e);
}

double app_rate_step(double rate, int dir)
{
	if (!isfinite(rate) || rate <= 0)
		return 0.1;
	int k = (int)floor(log10(rate));
	double found = rate;
	if (dir > 0) {
		for (int e = k - 1; e <= k + 1 && found == rate; e++)
			for (int i = 0; i < N_MANTISSA; i++) {
				double v = grid_value(rate_mantissa[i], e);
				if (v > rate * (1 + 1e-9)) {
					found = v;
					break;
				}
			}
	} else {
		for (int e = k + 1; e >= k - 1 && found == rate; e--)
			for (int i = N_MANTISSA - 1; i >= 0; i--) {
				double v = grid_value(rate_mantissa[i], e);
				if (v < rate * (1 - 1e-9)) {
					found = v;
					break;
				}
			}
	}
	return fmin(fmax(found, APP_RATE_MIN), GD_OPT_RATE_MAX);
}

double app_beta_step(double beta, int dir)
{
	if (dir > 0) {
		for (int i = 0; i < N_BETA; i++)
			if (beta_grid[i] > beta + 1e-9)
				return beta_grid[i];
		return beta_grid[N_BETA - 1];
	}
	for (int i = N_BETA - 1; i >= 0; i--)
		if (beta_grid[i] < beta - 1e-9)
			return beta_grid[i];
	return 0;
}

const struct gd_run *app_state_run(const struct app_state *s)
{
	return s->pres.run;
}

int app_state_runs(const struct app_state *s)
{
	return s->pres.nruns > 0 ? s->pres.nruns : 1;
}

const struct gd_run *app_state_run_at(const struct app_state *s, int i)
{
	return gd_presenter_run(&s->pres, i);
}

const struct gd_run *app_state_focus_run(const struct app_state *s)
{
	const struct gd_run *r = gd_presenter_run(&s->pres, s->focus);
	return r ? r : s->pres.run;
}

static struct gd_run *focus_run(struct app_state *s)
{
	struct gd_run *r = gd_presenter_run(&s->pres, s->focus);
	return r ? r : s->pres.run;
}

static void after_scene_change(struct app_state *s)
{
	s->running = false;
	s->anim.active = false;
	if (s->focus >= app_state_runs(s))
		s->focus = 0;
	if (gd_run_momentum(focus_run(s)) > 0)
		s->beta_on = gd_run_momentum(focus_run(s));
	if (s->pres.scene != s->predict.scene || !s->predict.sc)
		app_predict_scene(&s->predict, s->pres.scene,
				  gd_presenter_scene(&s->pres));
	app_predict_undo(&s->predict, s->pres.run->step);
	app_refit(s);
}

int app_state_init(struct app_state *s, const struct gd_lesson *lesson, int k)
{
	memset(s, 0, sizeof(*s));
	s->lesson = lesson;
	s->caption = true;
	s->pace = APP_PACE_DEFAULT;
	s->beta_on = 0.9;
	s->run_to = -1;
	s->view = (struct gd_view){
		.wmin = -1, .wmax = 1, .emin = 0, .emax = 1, .width = 800, .height = 600
	};
	int r = gd_presenter_init(&s->pres, lesson, k);
	if (r < 0)
		return r;
	s->contours = app_contours_create();
	app_predict_init(&s->predict, -1);
	after_scene_change(s);
	return 0;
}

void app_state_finish(struct app_state *s)
{
	if (!s)
		return;
	gd_presenter_finish(&s->pres);
	app_contours_destroy(s->contours);
	s->contours = NULL;
}

/*
 * The highest E among the points the run shows: its start, its kept
 * trail, where it is and where it goes next.
 */
static double points_emax(const struct gd_run *run)
{
	if (run->dim == 2)
		return (double)NAN;
	double e = fmax(run->E, gd_curve_eval1(&run->curve, run->w0[0]));
	size_t n = gd_run_history_len(run);
	for (size_t i = 0; i < n; i++)
		e = fmax(e, gd_run_history_at(run, i)->E);
	struct gd_update u;
	if (gd_run_peek(run, &u))
		e = fmax(e, u.E_next);
	return e;
}

/* Where a run is, goes next, and has been (its trail's extremes). */
static int run_ws(const struct gd_run *run, double *ws)
{
	int n = 0;
	ws[n++] = run->w[0];
	struct gd_update u;
	if (gd_run_peek(run, &u))
		ws[n++] = u.w_next[0];
	double tmin = run->w[0], tmax = run->w[0];
	size_t len = gd_run_history_len(run);
	for (size_t i = 0; i < len; i++) {
		double w = gd_run_history_at(run, i)->w[0];
		tmin = fmin(tmin, w);
		tmax = fmax(tmax, w);
	}
	ws[n++] = tmin;
	ws[n++] = tmax;
	return n;
}

/* Several runs: the curve's range (or the scene's) and every run's points. */
static void refit_runs(struct app_state *s, const struct gd_scene *scene)
{
	const struct gd_run *run = s->pres.run;
	double ws[GD_SCENE_RUNS * 4], lo, hi, top = -(double)INFINITY;
	int n = 0;
	for (int i = 0; i < app_state_runs(s); i++) {
		const struct gd_run *r = app_state_run_at(s, i);
		n += run_ws(r, ws + n);
		top = fmax(top, points_emax(r));
	}
	if (scene && scene->has_range) {
		lo = scene->wmin, hi = scene->wmax;
	} else {
		gd_curve_range(&run->curve, run->w0, 0, &lo, &hi);
	}
	gd_view_fit(&s->view, &run->curve, lo, hi, ws, n);
	double pad = 0.04 * (s->view.wmax - s->view.wmin);
	s->view.wmin -= pad;
	s->view.wmax += pad;
	double v = s->view.emin;
	if (isfinite(top) && top > v && top - v < 0.5 * (s->view.emax - v))
		s->view.emax = v + 1.6 * (top - v);
}

/* A step arrow shorter than this share of the plot's width is framed
 * (gd_view_frame_step) to this one: at 1280 × 720 the plot is about 700 px
 * wide, so at least 14 px, and 70 px once framed. */
/* The point and the next one lower than this share of the view's height
 * are squashed (frame_action). */
#define ACTION_MIN_FRAC 0.2

#define ARROW_MIN_FRAC 0.02
#define ARROW_WANT_FRAC 0.1

/* The view follows the action: the pending step is always long enough to
 * see. Returns whether the view changed. */
static bool frame_step(struct app_state *s)
{
	const struct gd_run *run = s->pres.run;
	struct gd_update u;
	/* A run that no longer moves has no step to show (status.h). */
	/* One weight, one run: a map of two weights and runs side by side
	 * keep their whole view. */
	if (run->dim != 1 || app_state_runs(s) > 1)
		return false;
	return gd_run_peek(run, &u) &&
	       fabs(u.delta[0]) > 1e-4 * (1 + fabs(u.w[0])) &&
	       gd_view_frame_step(&s->view, &run->curve, u.w[0], u.w_next[0],
				  ARROW_MIN_FRAC, ARROW_WANT_FRAC);
}

/* The whole scene, as its range or the run asks, with no framing. */
static void fit_whole(struct app_state *s)
{
	const struct gd_scene *scene = gd_presenter_scene(&s->pres);
	const struct gd_run *run = s->pres.run;
	/* Runs side by side on one weight's curve share its view; on a map
	 * of two weights the view is the first run's. */
	if (app_state_runs(s) > 1 && run->dim == 1) {
		refit_runs(s, scene);
		return;
	}
	if (!scene || !scene->has_range || run->dim == 2) {
		gd_view_fit_run(&s->view, run);
	} else {
		double ws[2] = { run->w[0], run->w[0] };
		struct gd_update u;
		if (gd_run_peek(run, &u))
			ws[1] = u.w_next[0];
		gd_view_fit(&s->view, &run->curve, scene->wmin, scene->wmax, ws,
			    2);
	}
	/* The curve's walls can tower over everything the run visits (wells
	 * at w = 2.6 is 31, its minima are below 1.5): then let them leave
	 * the top, as a textbook figure does, so the run gets the height. */
	double top = points_emax(run), v = s->view.emin;
	if (isfinite(top) && top > v && top - v < 0.5 * (s->view.emax - v))
		s->view.emax = v + 1.6 * (top - v);
}

/* The action on one weight's curve: the point, the next one and the one
 * before it (where the step just taken, or animating, began); returns
 * how many went to ws and their highest E in *top. */
static int action_ws(const struct gd_run *run, double ws[3], double *top)
{
	int n = 0;
	struct gd_update u;
	ws[n++] = run->w[0];
	*top = run->E;
	if (gd_run_peek(run, &u)) {
		ws[n++] = u.w_next[0];
		*top = fmax(*top, u.E_next);
	}
	size_t len = gd_run_history_len(run);
	if (len > 0) {
		const struct gd_update *h = gd_run_history_at(run, len - 1);
		ws[n++] = h->w[0];
		*top = fmax(*top, h->E);
	}
	return n;
}

/* The point and the next one sit in the bottom fifth of the view's
 * height (the walls or the first steps take the rest), with a step that
 * still moves: a view that does not follow the action. */
static bool squashed(const struct app_state *s)
{
	const struct gd_run *run = s->pres.run;
	const struct gd_view *v = &s->view;
	struct gd_update u;
	if (run->dim != 1 || app_state_runs(s) > 1 || !gd_run_peek(run, &u) ||
	    !(fabs(u.delta[0]) > 1e-4 * (1 + fabs(u.w[0]))))
		return false;
	double span = v->emax - v->emin;
	double high = fmax(run->E, u.E_next) - v->emin;
	return isfinite(high) && span > 0 && high < ACTION_MIN_FRAC * span;
}

/* Frames the action: w over the action's interval (never wider than the
 * view was, never narrower than frame_step allows), E over the curve
 * there with the walls cut at 1.6 × the action's height, so the point
 * and the next one are not squashed into a corner. */
static void frame_action(struct app_state *s)
{
	const struct gd_run *run = s->pres.run;
	struct gd_view *v = &s->view;
	double ws[3], top;
	int n = action_ws(run, ws, &top);
	double lo = ws[0], hi = ws[0];
	for (int i = 1; i < n; i++)
		lo = fmin(lo, ws[i]), hi = fmax(hi, ws[i]);
	double pad = 0.1 * (hi - lo), wide = v->wmax - v->wmin;
	double least = 3e-3 * (1 + fabs(run->w[0]));
	lo -= pad, hi += pad;
	if (hi - lo < least) {
		double mid = 0.5 * (lo + hi);
		lo = mid - least / 2, hi = mid + least / 2;
	}
	if (!isfinite(lo) || !isfinite(hi) || !isfinite(top) || hi - lo >= wide)
		lo = v->wmin, hi = v->wmax;
	gd_view_fit(v, &run->curve, lo, hi, ws, n);
	double e0 = v->emin;
	if (top > e0 && top - e0 < 0.6 * (v->emax - e0))
		v->emax = e0 + 1.6 * (top - e0);
	/* E no finer than 2 % of its size (gd_view_frame_step's rule). */
	double mid = 0.5 * (v->emin + v->emax);
	double least_e = 0.02 * fmax(fabs(v->emin), fabs(v->emax));
	if (v->emax - v->emin < least_e)
		v->emin = mid - least_e / 2, v->emax = mid + least_e / 2;
}

void app_refit(struct app_state *s)
{
	fit_whole(s);
	if (squashed(s))
		frame_action(s);
	frame_step(s);
}

void app_take_steps(struct app_state *s, long steps)
{
	for (int k = 0; k < s->pres.nruns; k++) {
		struct gd_run *run = gd_presenter_run(&s->pres, k);
		for (long i = 0; i < steps; i++)
			if (!gd_run_step(run, NULL))
				break;
	}
	app_refit(s);
}

struct gd_view app_drawn_view(const struct app_state *s,
			      const struct gd_view *drawn)
{
	struct gd_view v = *drawn;
	v.wmin = s->view.wmin, v.wmax = s->view.wmax;
	v.emin = s->view.emin, v.emax = s->view.emax;
	return v;
}

bool app_in_plot(const struct app_state *s, const struct gd_view *drawn,
		 double x, double y)
{
	struct gd_view v = app_drawn_view(s, drawn);
	return v.width > 0 && gd_view_contains(&v, x, y) && !s->help && !s->blank;
}

static bool in_view(const struct gd_view *v, double w, double e)
{
	return w >= v->wmin && w <= v->wmax && e <= v->emax && e >= v->emin;
}

/* Refits only when the point or the next one would leave the view, so the
 * picture stays still while the run moves inside it. */
static void keep_in_view(struct app_state *s)
{
	bool ok = true;
	for (int i = 0; ok && i < app_state_runs(s); i++) {
		const struct gd_run *run = app_state_run_at(s, i);
		struct gd_update u;
		bool two = run->dim == 2; /* the map's vertical axis is w₂ */
		ok = in_view(&s->view, run->w[0], two ? run->w[1] : run->E);
		if (ok && gd_run_peek(run, &u))
			ok = in_view(&s->view, u.w_next[0],
				     two ? u.w_next[1] : u.E_next);
	}
	if (!ok) {
		app_refit(s);
		return;
	}
	if (squashed(s))
		frame_action(s);
	frame_step(s);
}

void app_keep_in_view(struct app_state *s)
{
	keep_in_view(s);
}

static void anim_start(struct app_state *s, double now, double dur, double from,
		       double to, const struct gd_update *u)
{
	s->anim = (struct app_anim){ .active = from != to,
				     .start_ms = now,
				     .dur_ms = dur,
				     .w_from = from,
				     .w_to = to,
				     .grow = u != NULL };
	if (u)
		s->anim.update = *u;
}

void app_anim_finish(struct app_state *s)
{
	s->anim.active = false;
}

double app_anim_progress(const struct app_state *s, double now_ms)
{
	if (!s->anim.active || s->anim.dur_ms <= 0)
		return 1;
	double p = (now_ms - s->anim.start_ms) / s->anim.dur_ms;
	if (!(p > 0))
		return 0;
	if (p >= 1)
		return 1;
	/* Cubic ease-in-out: starts and lands gently, as a hand would. */
	return p < 0.5 ? 4 * p * p * p : 1 - pow(-2 * p + 2, 3) / 2;
}

/* Next at the planned end of the last scene of a lesson that asked
 * questions: the summary of the answers, instead of stepping on. */
static bool lesson_done(const struct app_state *s)
{
	const struct gd_scene *sc = gd_presenter_scene(&s->pres);
	return s->lesson && s->pres.scene == s->lesson->count - 1 &&
	       sc->steps != GD_SCENE_UNPLANNED &&
	       s->pres.run->step >= sc->steps && app_lesson_asks(s->lesson);
}

static void do_next(struct app_state *s, double now, struct app_result *out)
{
	struct gd_update u;
	if (lesson_done(s)) {
		s->predict.summary = true;
		return;
	}
	switch (gd_presenter_next(&s->pres, &u)) {
	case GD_MOVE_STEPPED:
		out->fx |= APP_FX_STEPPED;
		out->update = u;
		anim_start(s, now, APP_ANIM_MS, u.w[0], u.w_next[0], &u);
		keep_in_view(s);
		if (app_predict_reveal(&s->predict, &u, s->pres.run->dim,
				       &out->guess))
			out->fx |= APP_FX_GUESSED;
		break;
	case GD_MOVE_SCENE:
		after_scene_change(s);
		break;
	case GD_MOVE_NONE:
		break;
	}
}

static void do_back(struct app_state *s, double now)
{
	double before = s->pres.run->w[0], before2 = s->pres.run->w[1];
	s->running = false;
	if (s->predict.has_guess) { /* first takes back the guess alone */
		s->predict.has_guess = false;
		return;
	}
	switch (gd_presenter_back(&s->pres)) {
	case GD_MOVE_STEPPED:
		app_predict_undo(&s->predict, s->pres.run->step);
		anim_start(s, now, APP_ANIM_MS, before, s->pres.run->w[0], NULL);
		s->anim.active |= before2 != s->pres.run->w[1];
		s->anim.w2_from = before2;
		s->anim.w2_to = s->pres.run->w[1];
		keep_in_view(s);
		break;
	case GD_MOVE_SCENE:
		after_scene_change(s);
		break;
	case GD_MOVE_NONE:
		break;
	}
}

static void goto_scene(struct app_state *s, int k)
{
	if (gd_presenter_goto(&s->pres, k))
		after_scene_change(s);
}

static void set_momentum(struct app_state *s, double beta)
{
	if (gd_run_set_momentum(focus_run(s), beta) == 0 && beta > 0)
		s->beta_on = beta;
}

/* Settings and view actions: nothing moves along the curve. */
static void apply_setting(struct app_state *s, enum app_action a,
			  struct app_result *out)
{
	struct gd_run *run = focus_run(s);
	switch (a) {
	case APP_ACT_FOCUS:
		s->focus = (s->focus + 1) % app_state_runs(s);
		if (gd_run_momentum(focus_run(s)) > 0)
			s->beta_on = gd_run_momentum(focus_run(s));
		break;
	case APP_ACT_RATE_UP:
	case APP_ACT_RATE_DOWN:
		gd_run_set_rate(run, app_rate_step(gd_run_rate(run),
						   a == APP_ACT_RATE_UP ? 1 : -1));
		keep_in_view(s);
		break;
	case APP_ACT_MOMENTUM:
		gd_run_set_momentum(run,
				    gd_run_momentum(run) > 0 ? 0 : s->beta_on);
		break;
	case APP_ACT_BETA_DOWN:
		set_momentum(s, app_beta_step(gd_run_momentum(run), -1));
		break;
	case APP_ACT_BETA_UP:
		set_momentum(s, app_beta_step(gd_run_momentum(run), 1));
		break;
	case APP_ACT_SLOWER:
		s->pace = s->pace > 0 ? s->pace - 1 : 0;
		break;
	case APP_ACT_FASTER:
		s->pace = s->pace < APP_PACE_COUNT - 1 ? s->pace + 1 : s->pace;
		break;
	case APP_ACT_REFIT:
		fit_whole(s); /* 0: the whole scene, even if the step is tiny */
		break;
	case APP_ACT_FULLSCREEN:
		s->fullscreen = !s->fullscreen;
		out->fx |= APP_FX_FULLSCREEN;
		break;
	case APP_ACT_TEXT_LARGER:
	case APP_ACT_TEXT_SMALLER: {
		int t = s->text_step + (a == APP_ACT_TEXT_LARGER ? 1 : -1);
		if (t >= APP_TEXT_STEP_MIN && t <= APP_TEXT_STEP_MAX) {
			s->text_step = t;
			out->fx |= APP_FX_TEXT;
		}
		break;
	}
	case APP_ACT_THEME:
		s->dark = !s->dark;
		break;
	case APP_ACT_CAPTION:
		s->caption = !s->caption;
		break;
	case APP_ACT_LANG:
		s->lang = s->lang == APP_LANG_ZH ? APP_LANG_EN : APP_LANG_ZH;
		out->fx |= APP_FX_LANG;
		break;
	case APP_ACT_SAVE:
		out->fx |= APP_FX_SAVE;
		break;
	default:
		break;
	}
}

/* Whether the help overlay stays up through this action: only the ones
 * that change how things look, not what the run does. */
static bool keeps_help(enum app_action a)
{
	return a == APP_ACT_HELP || a == APP_ACT_TEXT_LARGER ||
	       a == APP_ACT_TEXT_SMALLER || a == APP_ACT_THEME ||
	       a == APP_ACT_LANG || a == APP_ACT_FULLSCREEN ||
	       a == APP_ACT_PRESENT || a == APP_ACT_SAVE;
}

/* The digit a scene key or 0 types, or −1. */
static int digit_of(enum app_action a)
{
	if (a >= APP_ACT_SCENE_1 && a <= APP_ACT_SCENE_9)
		return (int)(a - APP_ACT_SCENE_1) + 1;
	return a == APP_ACT_REFIT ? 0 : -1;
}

/*
 * Scene numbers as slide software takes them: digits, then Enter. A first
 * digit that no longer scene number starts with (any digit in a lesson of
 * fewer than ten scenes) goes there at once, so 1 … 9 stay one press.
 * Returns whether the action was a digit taken here (0 is one only after
 * another digit; alone it refits).
 */
static bool type_digit(struct app_state *s, enum app_action a)
{
	int d = digit_of(a), count = s->lesson ? s->lesson->count : 1;
	if (d < 0 || (d == 0 && s->typed == 0))
		return false;
	if (s->typed == 0 && d * 10 > count) {
		goto_scene(s, d - 1);
		return true;
	}
	int n = s->typed * 10 + d;
	s->typed = n <= APP_TYPED_MAX ? n : s->typed;
	return true;
}

/* Enter after typed digits: that scene (nothing if there is none). */
static void typed_enter(struct app_state *s)
{
	int k = s->typed;
	s->typed = 0;
	if (k >= 1)
		goto_scene(s, k - 1);
}

/*
 * Esc, as a clicker's "stop the show" and a keyboard's "get me out":
 * first it closes what is open (the help is closed before this), drops a
 * half-typed scene number, leaves full screen; only outside full screen,
 * and only a second time within APP_QUIT_MS, does it quit. The place in
 * the lesson is never lost.
 */
static void do_escape(struct app_state *s, double now, struct app_result *out)
{
	if (s->fullscreen) {
		s->fullscreen = false;
		out->fx |= APP_FX_FULLSCREEN;
	} else if (s->quit_until > 0 && now < s->quit_until) {
		s->quit_until = 0;
		s->quit = true;
		out->fx |= APP_FX_QUIT;
	} else {
		s->quit_until = now + APP_QUIT_MS;
	}
}

/* Plays the scene to its planned end, animated at the run's pace; an
 * unplanned scene runs as Enter does. */
static void play_scene(struct app_state *s, double now)
{
	long planned = gd_presenter_scene(&s->pres)->steps;
	bool planned_ok = planned != GD_SCENE_UNPLANNED;
	if (planned_ok && s->pres.run->step >= planned)
		return;
	s->running = true;
	s->run_to = planned_ok ? planned : -1;
	s->next_run_ms = now;
}

/* The moving actions: along the run, through the lesson, and quitting. */
static void apply_move(struct app_state *s, enum app_action a, double now,
		       struct app_result *out)
{
	switch (a) {
	case APP_ACT_NEXT:
		do_next(s, now, out);
		break;
	case APP_ACT_BACK:
		do_back(s, now);
		break;
	case APP_ACT_RUN:
		s->running = !s->running;
		s->run_to = -1;
		s->next_run_ms = now;
		break;
	case APP_ACT_PLAY_SCENE:
		play_scene(s, now);
		break;
	case APP_ACT_RESET:
		s->running = false;
		for (int i = 0; i < app_state_runs(s); i++)
			gd_run_reset(gd_presenter_run(&s->pres, i));
		app_predict_undo(&s->predict, 0);
		keep_in_view(s);
		break;
	case APP_ACT_PREDICT:
		s->running = false;
		app_predict_toggle(&s->predict);
		break;
	case APP_ACT_SCENE_NEXT:
		goto_scene(s, s->pres.scene + 1);
		break;
	case APP_ACT_SCENE_PREV:
		goto_scene(s, s->pres.scene - 1);
		break;
	case APP_ACT_BLANK:
		s->blank = true;
		break;
	case APP_ACT_HELP:
		s->help = !s->help;
		break;
	case APP_ACT_PRESENT:
		out->fx |= s->fullscreen ? 0 : APP_FX_FULLSCREEN;
		s->fullscreen = true;
		break;
	case APP_ACT_ESCAPE:
		do_escape(s, now, out);
		break;
	case APP_ACT_CLOSE:
		s->quit = true;
		out->fx |= APP_FX_QUIT;
		break;
	case APP_ACT_ENTRY:
		app_entry_open(s);
		break;
	default:
		apply_setting(s, a, out);
		break;
	}
}

void app_apply(struct app_state *s, enum app_action a, double now,
	       struct app_result *out)
{
	out->fx = 0;
	if (a <= APP_ACT_NONE || a >= APP_ACT_COUNT)
		return;
	/* The entry takes its keys through app_entry_key. */
	if (s->entry.open)
		return;
	out->fx = APP_FX_REDRAW;
	app_anim_finish(s);
	if (a != APP_ACT_ESCAPE)
		s->quit_until = 0;
	/* As slide software does: while blank, a key brings the picture
	 * back and does nothing else. */
	if (s->blank && a != APP_ACT_SAVE && a != APP_ACT_FULLSCREEN &&
	    a != APP_ACT_PRESENT) {
		s->blank = false;
		return;
	}
	if (s->help && !keeps_help(a)) {
		s->help = false;
		if (a == APP_ACT_CLOSE || a == APP_ACT_ESCAPE)
			return;
	}
	if (s->predict.summary && !keeps_help(a)) {
		s->predict.summary = false; /* any key goes back */
		return;
	}
	if (type_digit(s, a))
		return;
	if (s->typed && a == APP_ACT_RUN) {
		typed_enter(s);
		return;
	}
	if (s->typed && a == APP_ACT_ESCAPE) {
		s->typed = 0;
		return;
	}
	s->typed = 0;
	apply_move(s, a, now, out);
}

static void tick_run(struct app_state *s, double now, struct app_result *out,
		     double *wait_ms)
{
	out->fx = 0;
	*wait_ms = -1;
	if (s->anim.active) {
		out->fx |= APP_FX_REDRAW;
		if (now >= s->anim.start_ms + s->anim.dur_ms)
			s->anim.active = false;
		else
			*wait_ms = 1000.0 / 60;
	}
	if (!s->running)
		return;
	bool moving = false;
	for (int i = 0; i < app_state_runs(s); i++) {
		enum gd_status st = app_state_run_at(s, i)->status;
		moving |= st != GD_STATUS_CONVERGED && st != GD_STATUS_DIVERGED;
	}
	if (!moving || (s->run_to >= 0 && s->pres.run->step >= s->run_to)) {
		s->running = false;
		s->run_to = -1;
		out->fx |= APP_FX_REDRAW;
		return;
	}
	if (now >= s->next_run_ms) {
		double pace = app_pace_ms[s->pace];
		struct gd_update u;
		s->anim.active = false;
		out->fx |= APP_FX_REDRAW;
		bool first = gd_run_step(s->pres.run, &u);
		for (int i = 1; i < app_state_runs(s); i++)
			gd_run_step(gd_presenter_run(&s->pres, i), NULL);
		if (first) {
			out->fx |= APP_FX_STEPPED;
			out->update = u;
			if (app_predict_reveal(&s->predict, &u,
					       s->pres.run->dim, &out->guess))
				out->fx |= APP_FX_GUESSED;
			anim_start(s, now, fmin(APP_ANIM_MS, 0.8 * pace),
				   u.w[0], u.w_next[0], &u);
			keep_in_view(s);
		}
		s->next_run_ms = now + pace;
		*wait_ms = s->anim.active ? 1000.0 / 60 : -1;
	}
	if (s->running) {
		double until = s->next_run_ms - now;
		if (*wait_ms < 0 || until < *wait_ms)
			*wait_ms = until > 0 ? until : 0;
	}
}

void app_tick(struct app_state *s, double now, struct app_result *out,
	      double *wait_ms)
{
	tick_run(s, now, out, wait_ms);
	/* The Esc prompt and a notice go away by themselves. */
	double *until[2] = { &s->quit_until, &s->notice_until };
	for (int i = 0; i < 2; i++) {
		if (!(*until[i] > 0))
			continue;
		if (now >= *until[i]) {
			*until[i] = 0;
			out->fx |= APP_FX_REDRAW;
		} else if (*wait_ms < 0 || *until[i] - now < *wait_ms) {
			*wait_ms = *until[i] - now;
		}
	}
}

void app_notice(struct app_state *s, double now, const char *msg)
{
	size_t n = strlen(msg);
	if (n > APP_NOTICE_MAX - 1) {
		n = APP_NOTICE_MAX - 1;
		while (n > 0 && ((unsigned char)msg[n] & 0xC0) == 0x80)
			n--; /* not inside a character */
	}
	memcpy(s->notice, msg, n);
	s->notice[n] = '\0';
	s->notice_until = now + APP_NOTICE_MS;
}

void app_click(struct app_state *s, double w, struct app_result *out)
{
	out->fx = 0;
	if (s->entry.open)
		return; /* the entry is being typed in: no new start */
	out->fx = APP_FX_REDRAW;
	app_anim_finish(s);
	if (s->predict.summary) { /* a click closes the answers */
		s->predict.summary = false;
		return;
	}
	if (app_predict_click(&s->predict, 1, w, 0))
		return; /* predict mode: a guess, not a new run */
	s->running = false;
	s->help = false;
	/* Each refuses a w it cannot start at. */
	for (int i = 0; i < app_state_runs(s); i++)
		gd_run_restart(gd_presenter_run(&s->pres, i), &w);
	keep_in_view(s);
}

void app_click_at(struct app_state *s, double w, double e, struct app_result *out)
{
	if (app_state_run(s)->dim != 2 || s->predict.summary || s->entry.open) {
		app_click(s, w, out);
		return;
	}
	out->fx = APP_FX_REDRAW;
	app_anim_finish(s);
	if (app_predict_click(&s->predict, 2, w, e))
		return;
	s->running = false;
	s->help = false;
	double w0[GD_DIM_MAX] = { w, e };
	gd_run_restart(s->pres.run, w0); /* refuses a w it cannot start at */
	keep_in_view(s);
}

/* Whether at least two of 64 samples (as few as the plot draws) of one weight's
 * curve (frame.c) fall inside view v; always true on a map. */
static bool curve_shown(const struct app_state *s, const struct gd_view *v)
{
	const struct gd_run *run = app_state_run(s);
	if (run->dim != 1)
		return true;
	int n = 64, in = 0; /* the fewest curve() draws */
	for (int i = 0; i < n && in < 2; i++) {
		double w = v->wmin + (v->wmax - v->wmin) * i / (n - 1);
		double e = gd_curve_eval1(&run->curve, w);
		in += isfinite(e) && e >= v->emin && e <= v->emax;
	}
	return in >= 2;
}

void app_zoom(struct app_state *s, double factor, double w, double e,
	      struct app_result *out)
{
	out->fx = APP_FX_REDRAW;
	struct gd_view before = s->view;
	gd_view_zoom(&s->view, factor, w, e);
	/* Zooming out never loses the curve: far out a bowl's E outgrows
	 * the view everywhere but in a sliver between two samples. */
	if (factor < 1 && curve_shown(s, &before) && !curve_shown(s, &s->view))
		s->view = before;
}

void app_pan(struct app_state *s, double dx, double dy, int width, int height,
	     struct app_result *out)
{
	out->fx = APP_FX_REDRAW;
	struct gd_view v = s->view;
	v.width = width > 0 ? width : 1;
	v.height = height > 0 ? height : 1;
	if (app_state_run(s)->dim == 2) {
		/* The map shows the view widened to one scale, k units a
		 * pixel both ways (frame2.c): pan by that. */
		double k = fmax((v.wmax - v.wmin) / v.width,
				(v.emax - v.emin) / v.height);
		dx *= k * v.width / (v.wmax - v.wmin);
		dy *= k * v.height / (v.emax - v.emin);
	}
	gd_view_pan(&v, dx, dy);
	s->view.wmin = v.wmin, s->view.wmax = v.wmax;
	s->view.emin = v.emin, s->view.emax = v.emax;
}

struct app_shown app_shown_step(const struct app_state *s, double now)
{
	const struct gd_run *run = app_state_run(s);
	struct app_shown sh = { .w = run->w[0], .E = run->E };
	double p = app_anim_progress(s, now);
	if (s->anim.active && s->anim.grow) {
		sh.has_step = sh.growing = true;
		sh.u = s->anim.update;
		sh.w = sh.u.w[0] + (sh.u.w_next[0] - sh.u.w[0]) * p;
		sh.tip_w = sh.w;
	} else {
		sh.has_step = gd_run_peek(run, &sh.u);
		sh.tip_w = sh.u.w_next[0];
		if (s->anim.active)
			sh.w = s->anim.w_from +
			       (s->anim.w_to - s->anim.w_from) * p;
	}
	if (run->dim == 2) {
		sh.w2 = run->w[1];
		if (s->anim.active && s->anim.grow)
			sh.w2 = sh.u.w[1] + (sh.u.w_next[1] - sh.u.w[1]) * p;
		else if (s->anim.active)
			sh.w2 = s->anim.w2_from +
				(s->anim.w2_to - s->anim.w2_from) * p;
		if (!s->anim.active)
			sh.w = run->w[0];
		double w[GD_DIM_MAX] = { sh.w, sh.w2 };
		sh.E = gd_curve_eval(&run->curve, w);
	} else {
		sh.E = gd_curve_eval1(&run->curve, sh.w);
	}
	if (!isfinite(sh.E)) {
		sh.w = run->w[0];
		sh.w2 = run->dim == 2 ? run->w[1] : 0;
		sh.E = run->E;
	}
	return sh;
}

struct app_shown app_shown_focus(const struct app_state *s, double now)
{
	if (s->focus == 0)
		return app_shown_step(s, now);
	const struct gd_run *run = app_state_focus_run(s);
	struct app_shown sh = { .w = run->w[0], .E = run->E };
	sh.has_step = gd_run_peek(run, &sh.u);
	sh.tip_w = sh.u.w_next[0];
	return sh;
}
