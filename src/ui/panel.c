/*
 * The text around the plot: the header (scene title, scene k / n), the
 * panel (iteration, E, η and β, status, the bowl's regime, the update with
 * its numbers substituted), the inset of E against the iteration, the
 * caption and the help overlay. See panel.h.
 *
 * Equations break only between their "= …" parts (marked with BRK), and
 * sentences between words, so a narrow panel wraps rather than clips.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "keys.h"
#include "lang.h"
#include "panel.h"
#include "status.h"
#include "wrap.h"

/* Where an equation may break: never drawn. */
#define BRK APP_WRAP_BRK
#define PANEL_MAX 32
#define LINE_MAX APP_WRAP_LINE_MAX
/* Neuron samples written out one by one. */
#define SAMPLES_SHOWN 4

struct pline {
	char text[LINE_MAX];
	struct app_rgba color;
	enum app_face face;
	bool gap; /* a little space above */
};

struct plines {
	int n;
	struct pline l[PANEL_MAX];
	const struct app_theme *th;
	enum app_lang lang;
};

static struct pline *add(struct plines *p, struct app_rgba c, enum app_face face)
{
	if (p->n == PANEL_MAX)
		return NULL;
	struct pline *l = &p->l[p->n++];
	*l = (struct pline){ .color = c, .face = face };
	return l;
}

/* Adds a line: printf into it. */
#define LINE(p, c, face, ...)                                              \
	do {                                                               \
		struct pline *l_ = add((p), (c), (face));                  \
		if (l_)                                                    \
			snprintf(l_->text, sizeof(l_->text), __VA_ARGS__); \
	} while (0)

#define V(x) app_fmt_value((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))
#define P(x) app_fmt_paren((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))
#define K(x) app_fmt_param((char[APP_FMT_MAX]){ 0 }, APP_FMT_MAX, (x))

/* The run's status as the class sees it (status.h), in words. */
static void status_line(struct plines *p, const struct gd_run *run)
{
	const struct app_theme *th = p->th;
	struct app_rgba c = th->muted;
	const char *msg = "";
	enum app_face face = APP_FACE_BOLD;
	switch (app_status_of(run)) {
	case APP_STATUS_START:
		msg = N_("Status: at the start");
		face = APP_FACE_REGULAR;
		break;
	case APP_STATUS_FALLING:
		msg = N_("Status: E falling");
		c = th->fell_text;
		break;
	case APP_STATUS_RISING:
		msg = N_("Status: E rising");
		c = th->rose_text;
		break;
	case APP_STATUS_OSCILLATING:
		msg = N_("Status: oscillating (Δw changes sign every step), converging");
		c = th->rose_text;
		break;
	case APP_STATUS_BOUNCING:
		msg = N_("Status: bouncing (Δw changes sign and keeps its size): never converges");
		c = th->rose_text;
		break;
	case APP_STATUS_DIVERGING:
		msg = N_("Status: diverging (each step overshoots further)");
		c = th->bad_text;
		break;
	case APP_STATUS_STUCK:
		msg = N_("Status: stuck in a local minimum (it no longer moves)");
		c = th->bad_text;
		break;
	case APP_STATUS_CONVERGED:
		msg = N_("Status: converged");
		c = th->fell_text;
		break;
	case APP_STATUS_DIVERGED:
		msg = gd_run_left_domain(run) ?
			      N_("Status: left the domain — E or its slope is not a number at the next w; this is the last state where it is") :
			      N_("Status: diverged — the next step would leave the finite numbers; this is the last finite state");
		c = th->bad_text;
		break;
	}
	LINE(p, c, face, "%s", app_tr(p->lang, msg));
}

char *app_run_label(char *buf, size_t size, const struct gd_run *run,
		    enum app_lang lang)
{
	const struct gd_optim *o = &run->opt;
	const char *name = "?";
	switch (o->kind) {
	case GD_OPTIMIZER_GD:
		name = gd_run_momentum(run) > 0 ?
			       app_tr(lang, "Momentum") :
			       app_tr(lang, "Gradient descent");
		break;
	case GD_OPTIMIZER_NESTEROV:
		name = "Nesterov";
		break;
	case GD_OPTIMIZER_ADAGRAD:
		name = "AdaGrad";
		break;
	case GD_OPTIMIZER_RMSPROP:
		name = "RMSProp";
		break;
	case GD_OPTIMIZER_ADAM:
		name = "Adam";
		break;
	case GD_OPTIMIZER_COUNT:
		break;
	}
	if (gd_run_momentum(run) > 0)
		snprintf(buf, size, "%s, η = %s, β = %s", name,
			 K(gd_run_rate(run)), K(gd_run_momentum(run)));
	else
		snprintf(buf, size, "%s, η = %s", name, K(gd_run_rate(run)));
	return buf;
}

const char *app_status_word(const struct gd_run *run, enum app_lang lang)
{
	static const char *const words[] = {
		[APP_STATUS_START] = N_("at the start"),
		[APP_STATUS_FALLING] = N_("E falling"),
		[APP_STATUS_RISING] = N_("E rising"),
		[APP_STATUS_OSCILLATING] = N_("oscillating, converging"),
		[APP_STATUS_BOUNCING] = N_("bouncing"),
		[APP_STATUS_DIVERGING] = N_("diverging"),
		[APP_STATUS_STUCK] = N_("stuck"),
		[APP_STATUS_CONVERGED] = N_("converged"),
		[APP_STATUS_DIVERGED] = N_("diverged"),
	};
	return app_tr(lang, words[app_status_of(run)]);
}

/* The hyper-parameters of an optimizer past η and β, as "β₁ = 0.9, …". */
static void more_settings(char *buf, size_t size, const struct gd_optim *o)
{
	buf[0] = '\0';
	switch (o->kind) {
	case GD_OPTIMIZER_ADAGRAD:
		snprintf(buf, size, "ε = %s", K(o->hyper[GD_ADAGRAD_EPS]));
		break;
	case GD_OPTIMIZER_RMSPROP:
		snprintf(buf, size, "α = %s, ε = %s",
			 K(o->hyper[GD_RMSPROP_ALPHA]),
			 K(o->hyper[GD_RMSPROP_EPS]));
		break;
	case GD_OPTIMIZER_ADAM:
		snprintf(buf, size, "β₁ = %s, β₂ = %s, ε = %s",
			 K(o->hyper[GD_ADAM_BETA1]), K(o->hyper[GD_ADAM_BETA2]),
			 K(o->hyper[GD_ADAM_EPS]));
		break;
	default:
		break;
	}
}

static void status_lines(struct plines *p, const struct app_state *s)
{
	const struct gd_run *run = app_state_run(s);
	const struct app_theme *th = p->th;
	LINE(p, th->text, APP_FACE_BOLD, app_tr(p->lang, "Iteration %ld"),
	     run->step);
	if (run->dim == 2)
		LINE(p, th->text, APP_FACE_REGULAR, "w = (%s, %s)    E(w) = %s",
		     V(run->w[0]), V(run->w[1]), V(run->E));
	else
		LINE(p, th->text, APP_FACE_REGULAR, "w = %s    E(w) = %s",
		     V(run->w[0]), V(run->E));
	char more[96];
	more_settings(more, sizeof(more), &run->opt);
	if (run->opt.kind != GD_OPTIMIZER_GD)
		LINE(p, th->text, APP_FACE_REGULAR, "%s%s%s",
		     app_run_label((char[128]){ 0 }, 128, run, p->lang),
		     more[0] ? ", " : "", more);
	else if (gd_run_momentum(run) > 0)
		LINE(p, th->text, APP_FACE_REGULAR,
		     app_tr(p->lang, "η = %s, momentum β = %s"),
		     K(gd_run_rate(run)), K(gd_run_momentum(run)));
	else
		LINE(p, th->text, APP_FACE_REGULAR,
		     app_tr(p->lang, "η = %s, no momentum (β = 0)"),
		     K(gd_run_rate(run)));
	status_line(p, run);
	if (s->running)
		LINE(p, th->muted, APP_FACE_REGULAR,
		     app_tr(p->lang,
			    "Running: one step every %s s ([ and ] change the pace)"),
		     K(app_pace_ms[s->pace] / 1000));
}

/* The bowl's regime of the current η, with the thresholds 1/a and 2/a. */
static void regime_line(struct plines *p, const struct gd_run *run)
{
	/* The regimes are plain descent's (and the heavy ball's thresholds
	 * as the lesson tells them); the adaptive rules have none. */
	if (run->curve.kind != GD_CURVE_BOWL || run->opt.kind != GD_OPTIMIZER_GD)
		return;
	double a = run->curve.p[GD_BOWL_A], eta = gd_run_rate(run);
	struct pline *l = add(p, p->th->text, APP_FACE_REGULAR);
	if (!l)
		return;
	switch (gd_bowl_regime(eta, a)) {
	case GD_REGIME_CREEPS:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s is below 1/a = %s: creeps down to the minimum without overshooting"),
			 K(eta), K(1 / a));
		break;
	case GD_REGIME_ONE_STEP:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s equals 1/a: lands on the minimum in one step"),
			 K(eta));
		break;
	case GD_REGIME_OSCILLATES:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s is between 1/a = %s and 2/a = %s: oscillates, converges"),
			 K(eta), K(1 / a), K(2 / a));
		break;
	case GD_REGIME_BOUNCES:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s equals 2/a: bounces between two points forever"),
			 K(eta));
		break;
	case GD_REGIME_DIVERGES:
		snprintf(l->text, sizeof(l->text),
			 app_tr(p->lang,
				"η = %s is above 2/a = %s: every step overshoots further, diverges"),
			 K(eta), K(2 / a));
		break;
	}
}

/* The delta rule's factors for each sample (the neuron curve). */
static void neuron_lines(struct plines *p, const struct gd_run *run, double w)
{
	const struct app_theme *th = p->th;
	int n = run->curve.n;
	for (int u = 0; u < n && u < SAMPLES_SHOWN; u++) {
		struct gd_neuron_terms t;
		if (gd_curve_neuron_terms(&run->curve, w, u, &t) < 0)
			return;
		if (n > 1)
			LINE(p, th->muted, APP_FACE_BOLD,
			     app_tr(p->lang, "Sample %d"), u + 1);
		LINE(p, th->text, APP_FACE_REGULAR,
		     "ŷ = σ(w·x + b)" BRK " = σ(%s × %s + %s)" BRK " = %s",
		     P(w), P(t.x), P(t.b), V(t.yhat));
		LINE(p, th->text, APP_FACE_REGULAR,
		     "y − ŷ = %s − %s" BRK " = %s", V(t.y), P(t.yhat), V(t.err));
		/* δ by name, as seed 002 and the scene's caption call it. */
		double delta = t.err * t.dsig;
		LINE(p, th->text, APP_FACE_REGULAR,
		     "δ = (y − ŷ)·ŷ(1 − ŷ)" BRK " = %s × %s × %s" BRK " = %s",
		     P(t.err), V(t.yhat), V(1 - t.yhat), V(delta));
		LINE(p, th->tangent_text, APP_FACE_REGULAR,
		     "−δ·x" BRK " = −%s × %s" BRK " = %s", P(delta), P(t.x),
		     V(t.grad));
	}
	if (n > SAMPLES_SHOWN)
		LINE(p, th->muted, APP_FACE_REGULAR,
		     app_tr(p->lang, "(%d more samples not shown)"),
		     n - SAMPLES_SHOWN);
}

/* How E changes, in the one format E has everywhere: when the digits
 * shown cannot tell the two apart, the change itself is given. */
static void change_line(struct plines *p, const struct gd_update *u,
			struct app_rgba c)
{
	char e0[APP_FMT_MAX], e1[APP_FMT_MAX];
	app_fmt_value(e0, sizeof(e0), u->E);
	app_fmt_value(e1, sizeof(e1), u->E_next);
	double d = u->E_next - u->E;
	if (u->E_next == u->E)
		LINE(p, c, APP_FACE_REGULAR, app_tr(p->lang, "E stays at %s"), e0);
	else if (strcmp(e0, e1) == 0)
		LINE(p, c, APP_FACE_REGULAR,
		     d < 0 ? app_tr(p->lang, "E falls by %s, from %s") :
			     app_tr(p->lang, "E rises by %s, from %s"),
		     V(fabs(d)), e0);
	else
		LINE(p, c, APP_FACE_REGULAR,
		     d < 0 ? app_tr(p->lang, "E falls from %s to %s") :
			     app_tr(p->lang, "E rises from %s to %s"),
		     e0, e1);
}

/* Nesterov's look-ahead: the buffer, then the step with it. */
static void nesterov_lines(struct plines *p, const struct gd_update *u,
			   struct app_rgba c)
{
	double rate = u->opt.hyper[GD_HYPER_RATE];
	double beta = u->opt.hyper[GD_HYPER_MOMENTUM];
	double b0 = u->state_prev[GD_NESTEROV_BUF][0];
	double b = u->state[GD_NESTEROV_BUF][0];
	LINE(p, p->th->text, APP_FACE_REGULAR,
	     "b ← β·b + dE/dw" BRK " = %s × %s + %s" BRK " = %s", K(beta),
	     P(b0), P(u->grad[0]), V(b));
	LINE(p, c, APP_FACE_BOLD,
	     "Δw = −η·(dE/dw + β·b)" BRK " = −%s × (%s + %s × %s)" BRK " = %s",
	     K(rate), V(u->grad[0]), K(beta), P(b), V(u->delta[0]));
}

/* AdaGrad's sum and RMSProp's running mean of squares, then the step. */
static void square_lines(struct plines *p, const struct gd_update *u,
			 struct app_rgba c)
{
	double rate = u->opt.hyper[GD_HYPER_RATE], g = u->grad[0];
	bool ada = u->opt.kind == GD_OPTIMIZER_ADAGRAD;
	double eps = u->opt.hyper[ada ? GD_ADAGRAD_EPS : GD_RMSPROP_EPS];
	double s0 = u->state_prev[0][0], s1 = u->state[0][0];
	if (ada) {
		LINE(p, p->th->text, APP_FACE_REGULAR,
		     "s ← s + (dE/dw)²" BRK " = %s + %s²" BRK " = %s", V(s0),
		     P(g), V(s1));
	} else {
		double a = u->opt.hyper[GD_RMSPROP_ALPHA];
		LINE(p, p->th->text, APP_FACE_REGULAR,
		     "s ← α·s + (1 − α)·(dE/dw)²" BRK
		     " = %s × %s + %s × %s²" BRK " = %s",
		     K(a), V(s0), K(1 - a), P(g), V(s1));
	}
	LINE(p, c, APP_FACE_BOLD,
	     "Δw = −η·dE/dw / (√s + ε)" BRK " = −%s × %s / (%s + %s)" BRK " = %s",
	     K(rate), P(g), V(sqrt(s1)), K(eps), V(u->delta[0]));
}

/* Adam: both averages, their bias corrections at step t, the step. */
static void adam_lines(struct plines *p, const struct gd_update *u,
		       struct app_rgba c)
{
	const double *h = u->opt.hyper;
	double b1 = h[GD_ADAM_BETA1], b2 = h[GD_ADAM_BETA2], g = u->grad[0];
	double t = (double)u->step + 1;
	double c1 = 1 - pow(b1, t), c2 = 1 - pow(b2, t);
	double m = u->state[GD_ADAM_M][0], v = u->state[GD_ADAM_V][0];
	struct app_rgba tx = p->th->text;
	LINE(p, tx, APP_FACE_REGULAR,
	     "m ← β₁·m + (1 − β₁)·dE/dw" BRK " = %s × %s + %s × %s" BRK " = %s",
	     K(b1), P(u->state_prev[GD_ADAM_M][0]), K(1 - b1), P(g), V(m));
	LINE(p, tx, APP_FACE_REGULAR,
	     "v ← β₂·v + (1 − β₂)·(dE/dw)²" BRK " = %s × %s + %s × %s²" BRK
	     " = %s",
	     K(b2), V(u->state_prev[GD_ADAM_V][0]), K(1 - b2), P(g), V(v));
	LINE(p, tx, APP_FACE_REGULAR,
	     "m̂ = m / (1 − β₁ᵗ)" BRK " = %s / %s" BRK " = %s    (t = %ld)",
	     V(m), V(c1), V(m / c1), u->step + 1);
	LINE(p, tx, APP_FACE_REGULAR,
	     "v̂ = v / (1 − β₂ᵗ)" BRK " = %s / %s" BRK " = %s", V(v), V(c2),
	     V(v / c2));
	LINE(p, c, APP_FACE_BOLD,
	     "Δw = −η·m̂ / (√v̂ + ε)" BRK " = −%s × %s / (%s + %s)" BRK " = %s",
	     K(h[GD_HYPER_RATE]), P(m / c1), V(sqrt(v / c2)), K(h[GD_ADAM_EPS]),
	     V(u->delta[0]));
}

/* The other optimizers' update, then w ← w + Δw. */
static void optimizer_lines(struct plines *p, const struct gd_update *u,
			    struct app_rgba c)
{
	switch (u->opt.kind) {
	case GD_OPTIMIZER_NESTEROV:
		nesterov_lines(p, u, c);
		break;
	case GD_OPTIMIZER_ADAGRAD:
	case GD_OPTIMIZER_RMSPROP:
		square_lines(p, u, c);
		break;
	default:
		adam_lines(p, u, c);
		break;
	}
	LINE(p, p->th->text, APP_FACE_BOLD, "w ← %s + %s" BRK " = %s",
	     V(u->w[0]), P(u->delta[0]), V(u->w_next[0]));
}

/* The delta rule of seed 002 in two weights: written out for one sample,
 * one line per sample for several. */
static void neuron2_lines(struct plines *p, const struct gd_run *run,
			  const double *w)
{
	const struct app_theme *th = p->th;
	int n = run->curve.n;
	struct gd_neuron2_terms t;
	if (n > 1) {
		for (int u = 0; u < n && u < SAMPLES_SHOWN; u++)
			if (gd_curve_neuron2_terms(&run->curve, w, u, &t) == 0)
				LINE(p, th->text, APP_FACE_REGULAR,
				     app_tr(p->lang,
					    "Sample %d: ŷ = %s, y − ŷ = %s, δ = %s"),
				     u + 1, V(t.yhat), V(t.err), V(t.delta));
		if (n > SAMPLES_SHOWN)
			LINE(p, th->muted, APP_FACE_REGULAR,
			     app_tr(p->lang, "(%d more samples not shown)"),
			     n - SAMPLES_SHOWN);
		LINE(p, th->muted, APP_FACE_REGULAR, "∂E/∂wᵢ = −Σ δ·xᵢ");
		return;
	}
	if (gd_curve_neuron2_terms(&run->curve, w, 0, &t) < 0)
		return;
	LINE(p, th->text, APP_FACE_REGULAR,
	     "h = w₁·x₁ + w₂·x₂ + b" BRK " = %s × %s + %s × %s + %s" BRK " = %s",
	     V(w[0]), V(t.x[0]), P(w[1]), V(t.x[1]), P(t.b), V(t.h));
	LINE(p, th->text, APP_FACE_REGULAR,
	     "ŷ = σ(h) = %s" BRK "    y − ŷ = %s − %s = %s", V(t.yhat), V(t.y),
	     V(t.yhat), V(t.err));
	LINE(p, th->text, APP_FACE_REGULAR,
	     "δ = (y − ŷ)·ŷ(1 − ŷ)" BRK " = %s × %s × %s" BRK " = %s", P(t.err),
	     V(t.yhat), V(1 - t.yhat), V(t.delta));
}

/* Each weight's update with its numbers: wₖ moves by its own slope. */
static void update_lines2(struct plines *p, const struct gd_run *run,
			  const struct gd_update *u)
{
	const struct app_theme *th = p->th;
	static const char *const sub[2] = { "₁", "₂" };
	struct app_rgba step_c = u->E_next <= u->E ? th->fell_text : th->rose_text;
	double rate = u->opt.hyper[GD_HYPER_RATE];
	double beta = u->opt.hyper[GD_HYPER_MOMENTUM];
	struct gd_neuron2_terms t;
	bool delta_rule = beta == 0 && run->curve.n == 1 &&
			  gd_curve_neuron2_terms(&run->curve, u->w, 0, &t) == 0;
	if (run->curve.kind == GD_CURVE_NEURON2)
		neuron2_lines(p, run, u->w);
	for (int k = 0; k < 2; k++) {
		const char *i = sub[k];
		LINE(p, th->tangent_text, APP_FACE_BOLD, "∂E/∂w%s = %s", i,
		     V(u->grad[k]));
		if (beta > 0)
			LINE(p, step_c, APP_FACE_BOLD,
			     "v%s ← β·v%s − η·∂E/∂w%s" BRK
			     " = %s × %s − %s × %s" BRK " = %s",
			     i, i, i, K(beta), P(u->state_prev[GD_GD_V][k]),
			     K(rate), P(u->grad[k]), V(u->state[GD_GD_V][k]));
		else if (delta_rule)
			LINE(p, step_c, APP_FACE_BOLD,
			     "Δw%s = η·δ·x%s" BRK " = %s × %s × %s" BRK " = %s", i,
			     i, K(rate), P(t.delta), V(t.x[k]), V(u->delta[k]));
		else
			LINE(p, step_c, APP_FACE_BOLD,
			     "Δw%s = −η·∂E/∂w%s" BRK " = −%s × %s" BRK " = %s",
			     i, i, K(rate), P(u->grad[k]), V(u->delta[k]));
		LINE(p, th->text, APP_FACE_BOLD, "w%s ← %s + %s" BRK " = %s", i,
		     V(u->w[k]), P(u->delta[k]), V(u->w_next[k]));
	}
	change_line(p, u, step_c);
}

static void update_lines(struct plines *p, const struct app_state *s,
			 const struct app_shown *sh)
{
	const struct app_theme *th = p->th;
	const struct gd_run *run = app_state_focus_run(s);
	const struct gd_update *u = &sh->u;
	struct pline *head = add(p, th->muted, APP_FACE_BOLD);
	if (head) {
		head->gap = true;
		snprintf(head->text, sizeof(head->text), "%s",
			 sh->growing ? app_tr(p->lang, "This update") :
				       app_tr(p->lang, "Next update"));
	}
	if (run->dim == 2) {
		update_lines2(p, run, u);
		return;
	}
	if (run->curve.kind == GD_CURVE_NEURON)
		neuron_lines(p, run, u->w[0]);
	struct app_rgba step_c = u->E_next <= u->E ? th->fell_text : th->rose_text;
	double rate = u->opt.hyper[GD_HYPER_RATE];
	double beta = u->opt.hyper[GD_HYPER_MOMENTUM];
	LINE(p, th->tangent_text, APP_FACE_BOLD, "dE/dw = %s", V(u->grad[0]));
	if (u->opt.kind != GD_OPTIMIZER_GD) {
		optimizer_lines(p, u, step_c);
	} else if (beta > 0) {
		LINE(p, step_c, APP_FACE_BOLD,
		     "v ← β·v − η·dE/dw" BRK " = %s × %s − %s × %s" BRK " = %s",
		     K(beta), P(u->state_prev[GD_GD_V][0]), K(rate),
		     P(u->grad[0]), V(u->state[GD_GD_V][0]));
		LINE(p, th->text, APP_FACE_BOLD,
		     "w ← w + v" BRK " = %s + %s" BRK " = %s", V(u->w[0]),
		     P(u->delta[0]), V(u->w_next[0]));
	} else {
		LINE(p, step_c, APP_FACE_BOLD,
		     "Δw = −η·dE/dw" BRK " = −%s × %s" BRK " = %s", K(rate),
		     P(u->grad[0]), V(u->delta[0]));
		LINE(p, th->text, APP_FACE_BOLD, "w ← %s + %s" BRK " = %s",
		     V(u->w[0]), P(u->delta[0]), V(u->w_next[0]));
	}
	change_line(p, u, step_c);
}

/* Several runs: the iteration, then one compact block per run in its
 * colour (the one in focus in bold); the focus run's update follows. */
static void compare_lines(struct plines *p, const struct app_state *s)
{
	const struct app_theme *th = p->th;
	LINE(p, th->text, APP_FACE_BOLD, app_tr(p->lang, "Iteration %ld"),
	     gd_presenter_step(&s->pres));
	for (int i = 0; i < app_state_runs(s); i++) {
		const struct gd_run *run = app_state_run_at(s, i);
		enum app_face face = i == s->focus ? APP_FACE_BOLD :
						     APP_FACE_REGULAR;
		struct pline *l = add(p, th->run_text[i], face);
		if (!l)
			return;
		l->gap = true;
		snprintf(l->text, sizeof(l->text), "%d. %s — %s", i + 1,
			 app_run_label((char[128]){ 0 }, 128, run, p->lang),
			 app_status_word(run, p->lang));
		LINE(p, th->text, APP_FACE_REGULAR,
		     "w = %s    E(w) = %s    Δw = %s", V(run->w[0]), V(run->E),
		     V(gd_run_last(run) ? gd_run_last(run)->delta[0] : 0));
	}
	if (app_state_runs(s) > 1)
		LINE(p, th->muted, APP_FACE_REGULAR,
		     app_tr(p->lang, "O: the next run's arithmetic (run %d now)"),
		     s->focus + 1);
}

/* G: what to do, how the last guess went, and the scene's score. */
static void predict_lines(struct plines *p, const struct app_state *s)
{
	char lines[4][160];
	const struct gd_run *run = app_state_run(s);
	int n = app_predict_lines(&s->predict, run->step, run->dim, p->lang,
				  lines, 4);
	for (int i = 0; i < n; i++) {
		struct pline *l = add(p, p->th->run_text[3], APP_FACE_BOLD);
		if (!l)
			return;
		l->gap = i == 0;
		snprintf(l->text, sizeof(l->text), "%.159s", lines[i]);
	}
	if (!app_predict_hides(&s->predict, s->anim.active && s->anim.grow))
		return;
	/* The rule stays, without its numbers. */
	const struct gd_run *f = app_state_focus_run(s);
	bool two = f->dim == 2, gd = f->opt.kind == GD_OPTIMIZER_GD;
	if (gd && gd_run_momentum(f) > 0)
		LINE(p, p->th->text, APP_FACE_BOLD, "%s",
		     two ? "vₖ ← β·vₖ − η·∂E/∂wₖ,  wₖ ← wₖ + vₖ" :
			   "v ← β·v − η·dE/dw,  w ← w + v");
	else if (gd)
		LINE(p, p->th->text, APP_FACE_BOLD, "%s",
		     two ? "Δwₖ = −η·∂E/∂wₖ,  wₖ ← wₖ + Δwₖ" :
			   "Δw = −η·dE/dw,  w ← w + Δw");
	else
		LINE(p, p->th->text, APP_FACE_BOLD, "%s",
		     two ? "wₖ ← wₖ + Δwₖ" : "w ← w + Δw");
}

static void build_panel(struct plines *p, const struct app_state *s,
			const struct app_theme *th, double now)
{
	p->n = 0;
	p->th = th;
	p->lang = s->lang;
	if (app_state_runs(s) > 1) {
		compare_lines(p, s);
	} else {
		status_lines(p, s);
		if (!app_predict_asks_rate(&s->predict)) /* not the answer */
			regime_line(p, app_state_run(s));
	}
	predict_lines(p, s);
	struct app_shown sh = app_shown_focus(s, now);
	bool revealing = s->anim.active && s->anim.grow;
	if (sh.has_step && !app_predict_hides(&s->predict, revealing))
		update_lines(p, s, &sh);
}

int app_panel_count(const struct app_state *s, double now_ms)
{
	struct plines p;
	build_panel(&p, s, app_theme_get(s->dark), now_ms);
	return p.n + 1;
}

/* The value a caption placeholder names (its name without braces, len
 * bytes), formatted into out; false for an unknown name. */
static bool placeholder(const struct gd_run *run, const char *name, size_t len,
			char *out)
{
	double v;
	if (len == 4 && strncmp(name, "rate", 4) == 0)
		v = gd_run_rate(run);
	else if (len == 8 && strncmp(name, "momentum", 8) == 0)
		v = gd_run_momentum(run);
	else if (len == 2 && strncmp(name, "w0", 2) == 0)
		v = run->w0[0];
	else
		return false;
	app_fmt_param(out, APP_FMT_MAX, v);
	return true;
}

/* Appends n bytes of s to buf (of APP_CAPTION_MAX), as many as fit. */
static void append(char *buf, size_t *len, const char *s, size_t n)
{
	if (n > APP_CAPTION_MAX - 1 - *len)
		n = APP_CAPTION_MAX - 1 - *len;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

const char *app_caption_text(const struct app_state *s, char *buf)
{
	const struct gd_scene *scene = gd_presenter_scene(&s->pres);
	const struct gd_run *run = app_state_run(s);
	const char *src = scene ? gd_scene_caption(scene, app_lang_code(s->lang)) :
				  "";
	size_t len = 0;
	buf[0] = '\0';
	while (*src) {
		const char *open = strchr(src, '{');
		const char *close = open ? strchr(open, '}') : NULL;
		char v[APP_FMT_MAX];
		if (!close) {
			append(buf, &len, src, strlen(src));
			break;
		}
		bool known = placeholder(run, open + 1,
					 (size_t)(close - open - 1), v);
		append(buf, &len, src,
		       (size_t)(known ? open - src : close + 1 - src));
		if (known)
			append(buf, &len, v, strlen(v));
		src = close + 1;
	}
	if (*buf && scene &&
	    (gd_run_rate(run) != scene->opt.hyper[GD_HYPER_RATE] ||
	     gd_run_momentum(run) != scene->opt.hyper[GD_HYPER_MOMENTUM])) {
		char note[256];
		snprintf(note, sizeof(note),
			 app_tr(s->lang,
				"\n(Settings changed: η = %s, β = %s; the scene's are η = %s, β = %s.)"),
			 K(gd_run_rate(run)), K(gd_run_momentum(run)),
			 K(scene->opt.hyper[GD_HYPER_RATE]),
			 K(scene->opt.hyper[GD_HYPER_MOMENTUM]));
		append(buf, &len, note, strlen(note));
	}
	return buf;
}

/* What the text parts share while they add to the list. */
struct ctx {
	struct app_dlist *dl;
	const struct app_layout *l;
	const struct app_state *s;
	const struct app_theme *th;
	const struct app_measure *m;
	enum app_lang lang;
};

static void text(const struct ctx *c, enum app_role role, int px,
		 enum app_face face, struct app_rgba color, int x, int y,
		 enum app_align align, const char *s)
{
	struct app_text_style st = {
		.px = px, .face = face, .color = color, .align = align
	};
	app_dlist_text(c->dl, role, &st, (float)x, (float)y, s, c->m);
}

static int width(const struct ctx *c, const char *s, int px, enum app_face face)
{
	return c->m->width(c->m->ctx, s, px, face);
}

static struct app_box box(struct app_rect r)
{
	return (struct app_box){ (float)r.x, (float)r.y, (float)r.w, (float)r.h };
}

/* A clip of at least one pixel each way, as a renderer needs. */
static void clip(const struct ctx *c, enum app_role role, struct app_rect r)
{
	r.w = r.w > 0 ? r.w : 1;
	r.h = r.h > 0 ? r.h : 1;
	app_dlist_clip_push(c->dl, role, box(r));
}

/* A title for a scene without one: the curve's formula. */
static const char *curve_title(enum gd_curve_kind kind)
{
	switch (kind) {
	case GD_CURVE_BOWL:
		return "E(w) = ½·a·(w − c)²";
	case GD_CURVE_NEURON:
		return "E(w) = ½·Σ (y − σ(w·x + b))²";
	case GD_CURVE_WELLS:
		return "E(w) = (w² − 1)² + 0.3·w + 0.45";
	case GD_CURVE_ABS:
		return "E(w) = |w − c|";
	default:
		return gd_curve_spec(kind) ? gd_curve_spec(kind)->formula :
					     "gdstep";
	}
}

/*
 * Where the lesson stands, so a lecturer knows when the next press
 * changes scene: "scene 3 / 11 · step 4 / 6" ("step 4" in an unplanned
 * scene), or the scene number being typed.
 */
static void where(const struct ctx *c, char *buf, size_t size)
{
	const struct app_state *s = c->s;
	const struct gd_scene *scene = gd_presenter_scene(&s->pres);
	int k = s->pres.scene + 1, n = s->lesson ? s->lesson->count : 1;
	long step = app_state_run(s)->step;
	if (s->typed)
		snprintf(buf, size,
			 app_tr(c->lang, "go to scene %d… (Enter; Esc cancels)"),
			 s->typed);
	else if (scene && scene->steps != GD_SCENE_UNPLANNED)
		snprintf(buf, size,
			 app_tr(c->lang, "scene %d / %d · step %ld / %ld"), k,
			 n, step, scene->steps);
	else
		snprintf(buf, size, app_tr(c->lang, "scene %d / %d · step %ld"),
			 k, n, step);
}

/* After a first Esc outside full screen: how to quit, for two seconds. */
static void quit_prompt(const struct ctx *c, double now)
{
	const struct app_layout *l = c->l;
	if (!(c->s->quit_until > now))
		return;
	const char *msg = app_tr(c->lang, "Press Esc again to quit (Q quits)");
	int px = l->title_px;
	int w = width(c, msg, px, APP_FACE_BOLD) + 2 * px;
	int h = px * 2;
	struct app_rect r = { (l->width - w) / 2, (l->height - h) / 2, w, h };
	app_dlist_rect(c->dl, APP_ROLE_OVERLAY_BG, box(r), c->th->panel_bg);
	text(c, APP_ROLE_NOTICE, px, APP_FACE_BOLD, c->th->text, l->width / 2,
	     r.y + (h - px * 6 / 5) / 2, APP_ALIGN_CENTRE, msg);
}

/* A passing notice (where S put the picture, or why it could not), on a
 * band at the bottom of the window: the text's start cut off (with "…")
 * when the window is too narrow, so the file's name stays. */
static void notice(const struct ctx *c, double now)
{
	const struct app_layout *l = c->l;
	if (!(c->s->notice_until > now) || !c->s->notice[0])
		return;
	int px = l->text_px, room = l->width - 4 * l->pad;
	const char *msg = c->s->notice;
	char cut[APP_NOTICE_MAX + 4];
	if (width(c, msg, px, APP_FACE_BOLD) > room) {
		const char *rest = msg;
		do {
			rest++;
			while ((*rest & 0xC0) == 0x80)
				rest++;
			snprintf(cut, sizeof(cut), "…%s", rest);
		} while (*rest && width(c, cut, px, APP_FACE_BOLD) > room);
		msg = cut;
	}
	int h = px * 2;
	struct app_rect r = { l->pad, l->height - h - l->pad,
			      l->width - 2 * l->pad, h };
	app_dlist_rect(c->dl, APP_ROLE_OVERLAY_BG, box(r), c->th->panel_bg);
	text(c, APP_ROLE_NOTICE, px, APP_FACE_BOLD, c->th->text, l->width / 2,
	     r.y + (h - px * 6 / 5) / 2, APP_ALIGN_CENTRE, msg);
}

/* "E(w) = " (or "E(w₁, w₂) = ") and the formula as typed, pretty printed:
 * '*' as '·', '-' as '−', '^2' as '²', w1 and w2 as w₁ and w₂. Returns buf. */
static const char *formula_title(const struct gd_formula *f, char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "%s",
				    f->dim == 2 ? "E(w₁, w₂) = " : "E(w) = ");
	const char *text = f->text;
	for (const char *p = text; *p && n + 4 < size; p++) {
		const char *put = NULL;
		bool word = p > text &&
			    (isalnum((unsigned char)p[-1]) || p[-1] == '_');
		if (*p == '*')
			put = "·";
		else if (*p == '-')
			put = "−";
		else if (p[0] == '^' && p[1] == '2' &&
			 !strchr("0123456789.eE", p[2] ? p[2] : 'x'))
			put = "²", p++;
		else if (!word && p[0] == 'w' && (p[1] == '1' || p[1] == '2') &&
			 !isalnum((unsigned char)p[2]) && p[2] != '_')
			put = p[1] == '1' ? "w₁" : "w₂", p++;
		if (put) {
			memcpy(buf + n, put, strlen(put));
			n += strlen(put);
		} else {
			buf[n++] = *p;
		}
	}
	buf[n] = '\0';
	return buf;
}

/* How many bytes of title go before "…" within room at px: up to a space
 * (words) or a character's end. */
static size_t cut_at(const struct ctx *c, const char *title, int px, int room,
		     bool words, char *cut, size_t size)
{
	size_t keep = 0;
	for (size_t i = 1; title[i - 1] && i + 4 < size; i++) {
		bool end = words ? title[i] == ' ' : (title[i] & 0xC0) != 0x80;
		if (!end)
			continue;
		snprintf(cut, size, "%.*s…", (int)i, title);
		if (width(c, cut, px, APP_FACE_BOLD) > room)
			break;
		keep = i;
	}
	return keep;
}

/*
 * The title's size in a header room px wide beside the scene counter (a
 * narrow window, a phone upright): the title's own size, or smaller down
 * to the body text's; when even that is too wide, the title is cut after
 * its last word that fits, with "…", into cut, and the size returned is
 * negative.
 */
static int fit_title(const struct ctx *c, const char *title, int room,
		     char *cut, size_t size)
{
	const struct app_layout *l = c->l;
	int px = l->title_px;
	while (px > l->text_px && width(c, title, px, APP_FACE_BOLD) > room)
		px--;
	if (width(c, title, px, APP_FACE_BOLD) <= room)
		return px;
	/* After the last word that fits; with none (or a title without
	 * spaces: Chinese), after the last character that fits. */
	size_t keep = cut_at(c, title, px, room, true, cut, size);
	if (keep == 0)
		keep = cut_at(c, title, px, room, false, cut, size);
	snprintf(cut, size, "%.*s…", (int)keep, title);
	return -px;
}

static void header(const struct ctx *c)
{
	const struct app_layout *l = c->l;
	const struct app_state *s = c->s;
	if (!l->show_header)
		return;
	const struct gd_scene *scene = gd_presenter_scene(&s->pres);
	const char *title = scene ? gd_scene_title(scene, app_lang_code(c->lang)) :
				    "";
	const struct gd_curve *curve = &app_state_run(s)->curve;
	char typed[GD_FORMULA_BYTES * 2 + 16];
	if (!*title && gd_curve_is_formula(curve))
		title = formula_title(&curve->formula, typed, sizeof(typed));
	else if (!*title)
		title = curve_title(curve->kind);
	char count[160];
	where(c, count, sizeof(count));
	int cw = width(c, count, l->text_px, APP_FACE_REGULAR);
	int y = l->header.y + (l->header.h - l->title_px * 6 / 5) / 2;
	text(c, APP_ROLE_SCENE_COUNT, l->text_px, APP_FACE_REGULAR,
	     c->th->muted, l->header.x + l->header.w,
	     y + (l->title_px - l->text_px) / 2, APP_ALIGN_RIGHT, count);
	struct app_rect room = l->header;
	room.w -= cw + l->pad * 2;
	char cut[sizeof(typed) + 4];
	int px = fit_title(c, title, room.w, cut, sizeof(cut));
	if (px < 0)
		title = cut, px = -px;
	clip(c, APP_ROLE_HEADER_CLIP, room);
	text(c, APP_ROLE_HEADER_TITLE, px, APP_FACE_BOLD, c->th->text,
	     l->header.x, y + (l->title_px - px) / 2, APP_ALIGN_LEFT, title);
	app_dlist_clip_pop(c->dl);
}

/* Where wrapped lines go: a column from y down, none below bottom. */
struct column {
	const struct ctx *c;
	const struct pline *pl;
	enum app_role role;
	int x, y, indent, px, line, bottom;
	bool first;
};

static void column_emit(void *ctx, const char *s)
{
	struct column *col = ctx;
	if (col->y + col->line <= col->bottom)
		text(col->c, col->role, col->px, col->pl->face, col->pl->color,
		     col->x + (col->first ? 0 : col->indent), col->y,
		     APP_ALIGN_LEFT, s);
	col->y += col->line;
	col->first = false;
}

/* Wraps every line at size px; adds them when emit, and returns the
 * height they take. */
static int panel_pass(const struct plines *p, struct column *col, bool emit)
{
	const struct ctx *c = col->c;
	int w = c->l->panel.w - 2 * c->l->pad - col->indent;
	int start = col->y;
	for (int i = 0; i < p->n; i++) {
		col->pl = &p->l[i];
		col->first = true;
		if (p->l[i].gap)
			col->y += col->line / 2;
		if (emit)
			app_wrap(c->m, p->l[i].text, col->px, p->l[i].face, w,
				 column_emit, col);
		else
			col->y += col->line * app_wrap(c->m, p->l[i].text,
						       col->px, p->l[i].face, w,
						       NULL, NULL);
	}
	return col->y - start;
}

/* The panel's text; returns the top of the inset under it, which gives
 * the text room (down to an inset of five lines) before the text is set
 * smaller. */
static int panel(const struct ctx *c, double now)
{
	const struct app_layout *l = c->l;
	if (!l->show_panel)
		return l->inset.y;
	app_dlist_rect(c->dl, APP_ROLE_PANEL_BG, box(l->panel), c->th->panel_bg);
	struct plines p;
	build_panel(&p, c->s, c->th, now);
	int inset_top = l->inset.y;
	if (l->show_inset) {
		struct column col = { .c = c,
				      .y = l->panel.y + l->pad,
				      .indent = l->text_px,
				      .px = l->text_px,
				      .line = l->text_px * 135 / 100 };
		int end = col.y + panel_pass(&p, &col, false) + l->pad / 2;
		int lowest = l->inset.y + l->inset.h - l->text_px * 5;
		if (end > inset_top)
			inset_top = end < lowest ? end : lowest;
		if (inset_top < l->inset.y)
			inset_top = l->inset.y;
	}
	int bottom = (l->show_inset ? inset_top : l->panel.y + l->panel.h) -
		     l->pad / 2;
	/* Shrink the text a little when the wrapped lines would not fit,
	 * rather than lose the last ones. */
	int px = l->text_px;
	for (int tries = 0; tries < 6; tries++) {
		struct column col = { .c = c,
				      .y = l->panel.y + l->pad,
				      .indent = px,
				      .px = px,
				      .line = px * 135 / 100 };
		if (col.y + panel_pass(&p, &col, false) <= bottom ||
		    px <= l->text_px * 3 / 5)
			break;
		px = px * 9 / 10;
	}
	struct column col = { .c = c,
			      .role = APP_ROLE_PANEL_LINE,
			      .x = l->panel.x + l->pad,
			      .y = l->panel.y + l->pad,
			      .indent = px,
			      .px = px,
			      .line = px * 135 / 100,
			      .bottom = bottom };
	clip(c, APP_ROLE_PANEL_CLIP, l->panel);
	panel_pass(&p, &col, true);
	app_dlist_clip_pop(c->dl);
	return inset_top;
}

/* The inset's E scale and iteration span, over every run. */
struct erange {
	double emin, emax;
	size_t span;
};

/* The E range and iteration span of the runs' kept histories. */
static struct erange inset_range(const struct app_state *s)
{
	struct erange r = { (double)INFINITY, -(double)INFINITY, 10 };
	for (int k = 0; k < app_state_runs(s); k++) {
		const struct gd_run *run = app_state_run_at(s, k);
		size_t len = gd_run_history_len(run);
		r.emax = fmax(r.emax, run->E);
		r.emin = fmin(r.emin, run->E);
		for (size_t i = 0; i < len; i++) {
			double e = gd_run_history_at(run, i)->E;
			r.emax = fmax(r.emax, e);
			r.emin = fmin(r.emin, e);
		}
		r.span = len > r.span ? len : r.span;
	}
	/* From 0 (E is an error, never below it here; a curve that goes
	 * below starts there) to a little above the highest E seen, so a run
	 * trapped at E = 0.744 does not look like one at 0 and a constant E
	 * is drawn near the top, not on the baseline. */
	r.emin = fmin(0, r.emin);
	r.emax = r.emax > r.emin ? r.emin + 1.1 * (r.emax - r.emin) : r.emin + 1;
	return r;
}

/* The inset's line of E over one run's kept history on the scale rg.
 * Returns the number of points. */
static int inset_points(const struct gd_run *run, struct app_rect a, float *xs,
			float *ys, int max, const struct erange *rg)
{
	size_t len = gd_run_history_len(run);
	double lo = rg->emin, hi = rg->emax;
	const size_t *span = &rg->span;
	int n = 0;
	size_t stride = len / (size_t)(max - 1) + 1;
	for (size_t i = 0; i <= len && n < max; i += stride) {
		double e = i < len ? gd_run_history_at(run, i)->E : run->E;
		xs[n] = (float)(a.x + (double)a.w * (double)i / (double)*span);
		ys[n] = (float)(a.y + a.h - (e - lo) / (hi - lo) * a.h);
		n++;
	}
	return n;
}

/* E against the iteration number, over the kept history, with its E axis
 * labelled at 0 and at the top. */
static void inset(const struct ctx *c, int from)
{
	const struct app_layout *l = c->l;
	const struct app_theme *th = c->th;
	if (!l->show_inset)
		return;
	struct app_rect r = l->inset;
	r.h -= from - r.y;
	r.y = from;
	int lab = l->small_px * 13 / 10;
	struct erange rg = inset_range(c->s);
	char top[APP_FMT_MAX], bottom[APP_FMT_MAX];
	app_fmt_sig(top, sizeof(top), rg.emax, 3);
	app_fmt_param(bottom, sizeof(bottom), rg.emin);
	int lw = width(c, top, l->small_px, APP_FACE_REGULAR);
	int bw = width(c, bottom, l->small_px, APP_FACE_REGULAR);
	lw = (lw > bw ? lw : bw) + l->small_px / 2;
	struct app_rect a = { r.x + l->pad / 2 + lw, r.y + lab,
			      r.w - l->pad * 3 / 2 - lw, r.h - 2 * lab };
	app_dlist_rect(c->dl, APP_ROLE_INSET_BG, box(r), th->bg);
	text(c, APP_ROLE_INSET_LABEL, l->small_px, APP_FACE_REGULAR, th->muted,
	     r.x + l->pad / 2, r.y, APP_ALIGN_LEFT,
	     app_tr(c->lang, "E against the iteration"));
	if (a.w < 8 || a.h < 8)
		return;
	enum { MAXN = 512 };
	float xs[MAXN], ys[MAXN];
	size_t span = rg.span;
	float ax = (float)a.x, ay = (float)a.y;
	float bx = (float)(a.x + a.w), by = (float)(a.y + a.h);
	text(c, APP_ROLE_INSET_LABEL, l->small_px, APP_FACE_REGULAR, th->muted,
	     a.x - l->small_px / 4, a.y, APP_ALIGN_RIGHT, top);
	text(c, APP_ROLE_INSET_LABEL, l->small_px, APP_FACE_REGULAR, th->muted,
	     a.x - l->small_px / 4, a.y + a.h - l->small_px * 3 / 5,
	     APP_ALIGN_RIGHT, bottom);
	clip(c, APP_ROLE_INSET_CLIP, r);
	app_dlist_line(c->dl, APP_ROLE_INSET_AXIS, ax, by, bx, by, 1.5f, th->axis);
	app_dlist_line(c->dl, APP_ROLE_INSET_AXIS, ax, ay, ax, by, 1.5f, th->axis);
	int runs = app_state_runs(c->s);
	for (int k = 0; k < runs; k++) {
		int n = inset_points(app_state_run_at(c->s, k), a, xs, ys, MAXN,
				     &rg);
		struct app_rgba lc = runs > 1 ? th->run[k] : th->curve;
		app_dlist_polyline(c->dl, APP_ROLE_INSET_CURVE, xs, ys, n, 2.5f,
				   lc, 0, 0);
		if (runs > 1)
			app_dlist_marker(c->dl, APP_ROLE_INSET_POINT, k,
					 xs[n - 1], ys[n - 1], 4, th->run[k]);
		else
			app_dlist_disc(c->dl, APP_ROLE_INSET_POINT, xs[n - 1],
				       ys[n - 1], 4, th->point);
	}
	app_dlist_clip_pop(c->dl);
	char buf[96];
	snprintf(buf, sizeof(buf), app_tr(c->lang, "iterations 0 … %zu"), span);
	text(c, APP_ROLE_INSET_LABEL, l->small_px, APP_FACE_REGULAR, th->muted,
	     a.x + a.w, a.y + a.h + 2, APP_ALIGN_RIGHT, buf);
}

static void caption(const struct ctx *c)
{
	const struct app_layout *l = c->l;
	char buf[APP_CAPTION_MAX];
	const char *cap = app_caption_text(c->s, buf);
	if (!l->show_caption || !c->s->caption || !*cap)
		return;
	struct pline pl = { .color = c->th->text, .face = APP_FACE_REGULAR };
	struct column col = { .c = c,
			      .pl = &pl,
			      .role = APP_ROLE_CAPTION,
			      .x = l->caption.x,
			      .y = l->caption.y + l->pad / 4,
			      .px = l->text_px,
			      .line = l->line,
			      .bottom = l->caption.y + l->caption.h };
	clip(c, APP_ROLE_CAPTION_CLIP, l->caption);
	app_wrap(c->m, cap, l->text_px, APP_FACE_REGULAR, l->caption.w,
		 column_emit, &col);
	app_dlist_clip_pop(c->dl);
}

enum { HELP_MAX = 48 };

/* The help's size and columns. */
struct help_fit {
	int cols, rows, px, kw, hw, total;
};

/* Widest keys and help texts of the lines at size px. */
static void help_widths(const struct ctx *c, const struct app_help_line *lines,
			int n, struct help_fit *h)
{
	h->kw = h->hw = 0;
	for (int i = 0; i < n; i++) {
		int a = width(c, lines[i].keys, h->px, APP_FACE_BOLD);
		int b = width(c, lines[i].help, h->px, APP_FACE_REGULAR);
		h->kw = a > h->kw ? a : h->kw;
		h->hw = b > h->hw ? b : h->hw;
	}
	h->total = h->cols * (h->kw + h->px + h->hw) + (h->cols - 1) * 2 * h->px;
}

/* One or two columns, at the largest size (up to the body text's) that
 * fits the window. */
static struct help_fit help_fit(const struct ctx *c,
				const struct app_help_line *lines, int n)
{
	const struct app_layout *l = c->l;
	int avail_w = l->width - 2 * l->pad, avail_h = l->height - 2 * l->pad;
	struct help_fit h = { .cols = 1, .px = l->text_px };
	if ((n + 2) * h.px * 13 / 10 > avail_h && l->width > l->height)
		h.cols = 2;
	h.rows = (n + h.cols - 1) / h.cols;
	int fit_h = avail_h * 10 / ((h.rows + 2) * 13);
	h.px = fit_h < h.px ? fit_h : h.px;
	h.px = h.px < 5 ? 5 : h.px;
	help_widths(c, lines, n, &h);
	if (h.total > avail_w) {
		h.px = h.px * avail_w / h.total;
		h.px = h.px < 5 ? 5 : h.px;
		help_widths(c, lines, n, &h);
	}
	return h;
}

/* The help overlay: every key of the table. */
static void help(const struct ctx *c)
{
	const struct app_layout *l = c->l;
	const struct app_theme *th = c->th;
	struct app_help_line lines[HELP_MAX];
	int n = app_help_lines(c->lang, lines, HELP_MAX);
	struct app_rect all = { 0, 0, l->width, l->height };
	app_dlist_rect(c->dl, APP_ROLE_OVERLAY_BG, box(all), th->overlay_bg);
	struct help_fit h = help_fit(c, lines, n);
	int line = h.px * 13 / 10;
	int x0 = (l->width - h.total) / 2, y0 = l->pad;
	x0 = x0 < l->pad ? l->pad : x0;
	clip(c, APP_ROLE_HELP_CLIP, all);
	text(c, APP_ROLE_HELP_TITLE, h.px, APP_FACE_BOLD, th->text, x0, y0,
	     APP_ALIGN_LEFT, app_tr(c->lang, "Keys"));
	text(c, APP_ROLE_HELP_TITLE, h.px, APP_FACE_REGULAR, th->muted,
	     x0 + h.total, y0, APP_ALIGN_RIGHT,
	     app_tr(c->lang, "Esc or H closes this help"));
	y0 += line * 2;
	for (int i = 0; i < n; i++) {
		int col = i / h.rows, row = i % h.rows;
		int x = x0 + col * (h.kw + h.hw + 3 * h.px);
		int y = y0 + row * line;
		text(c, APP_ROLE_HELP_KEY, h.px, APP_FACE_BOLD, th->text, x, y,
		     APP_ALIGN_LEFT, lines[i].keys);
		text(c, APP_ROLE_HELP_TEXT, h.px, APP_FACE_REGULAR, th->text,
		     x + h.kw + h.px, y, APP_ALIGN_LEFT, lines[i].help);
	}
	app_dlist_clip_pop(c->dl);
}

void app_panel_build(struct app_dlist *out, const struct app_layout *l,
		     const struct app_state *s, double now_ms,
		     const struct app_measure *m)
{
	struct ctx c = { .dl = out,
			 .l = l,
			 .s = s,
			 .th = app_theme_get(s->dark),
			 .m = m,
			 .lang = s->lang };
	header(&c);
	inset(&c, panel(&c, now_ms));
	caption(&c);
	if (s->help)
		help(&c);
	notice(&c, now_ms);
	quit_prompt(&c, now_ms);
}
