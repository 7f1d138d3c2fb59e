/* Runs: stepping, undo and the status are described in include/gdstep/run.h;
 * the update rules are the optimizer table's (src/core/optimizer.c). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/run.h>

static bool valid_w(const double *w, int dim)
{
	for (int k = 0; k < dim; k++)
		if (!isfinite(w[k]) || fabs(w[k]) > GD_RUN_WMAX)
			return false;
	return true;
}

static bool all_finite(const double *v, int n)
{
	for (int i = 0; i < n; i++)
		if (!isfinite(v[i]))
			return false;
	return true;
}

/* Moves the state to w with the optimizer's state st (a state array as
 * struct gd_run's) and recomputes what depends on w. */
static void set_state(struct gd_run *run, const double *w, const void *st)
{
	memcpy(run->w, w, sizeof(run->w));
	memcpy(run->state, st, sizeof(run->state));
	run->E = gd_curve_grad(&run->curve, run->w, run->grad);
}

static const struct gd_update *nth_from_end(const struct gd_run *run, size_t k)
{
	if (k >= run->len)
		return NULL;
	size_t i = (run->head + run->len - 1 - k) % GD_RUN_HISTORY;
	return &run->hist[i];
}

static double dot(const double *a, const double *b, int dim)
{
	double s = 0;
	for (int k = 0; k < dim; k++)
		s += a[k] * b[k];
	return s;
}

/* Whether every |v[k]| is under tol. */
static bool small(const double *v, int dim, double tol)
{
	for (int k = 0; k < dim; k++)
		if (!(fabs(v[k]) < tol))
			return false;
	return true;
}

/* Derives the status from the state and the last few updates. */
static enum gd_status status_of(const struct gd_run *run)
{
	if (!isfinite(run->E) || !all_finite(run->grad, run->dim))
		return GD_STATUS_DIVERGED;
	const struct gd_update *last = nth_from_end(run, 0);
	if (!last)
		return GD_STATUS_STEPPING;
	if (small(last->delta, run->dim, GD_RUN_TOL_STEP) &&
	    small(run->grad, run->dim, GD_RUN_TOL_SLOPE))
		return GD_STATUS_CONVERGED;
	for (size_t k = 0; k < GD_RUN_OSC_FLIPS; k++) {
		const struct gd_update *u = nth_from_end(run, k);
		const struct gd_update *p = nth_from_end(run, k + 1);
		if (!p || !(dot(u->delta, p->delta, run->dim) < 0))
			return GD_STATUS_STEPPING;
	}
	return GD_STATUS_OSCILLATING;
}

static void start(struct gd_run *run, const double *w0)
{
	static const double zero[GD_OPT_STATE][GD_DIM_MAX];
	memset(run->w0, 0, sizeof(run->w0));
	memcpy(run->w0, w0, sizeof(double) * (size_t)run->dim);
	run->step = 0;
	run->head = 0;
	run->len = 0;
	set_state(run, run->w0, zero);
	run->status = status_of(run);
}

int gd_run_create(struct gd_run **out, const struct gd_curve *curve,
		  const double *w0, const struct gd_optim *opt)
{
	*out = NULL;
	if (gd_curve_check(curve) < 0 || gd_optim_check(opt) < 0 ||
	    !valid_w(w0, gd_curve_dim(curve)))
		return -EINVAL;
	struct gd_run *run = calloc(1, sizeof(*run));
	if (!run)
		return -ENOMEM;
	run->hist = calloc(GD_RUN_HISTORY, sizeof(*run->hist));
	if (!run->hist) {
		free(run);
		return -ENOMEM;
	}
	gd_run_start_on(run, curve, w0, opt);
	*out = run;
	return 0;
}

int gd_run_start_on(struct gd_run *run, const struct gd_curve *curve,
		    const double *w0, const struct gd_optim *opt)
{
	if (gd_curve_check(curve) < 0 || gd_optim_check(opt) < 0 ||
	    !valid_w(w0, gd_curve_dim(curve)))
		return -EINVAL;
	run->curve = *curve;
	run->dim = gd_curve_dim(curve);
	run->opt = *opt;
	start(run, w0);
	return 0;
}

void gd_run_destroy(struct gd_run *run)
{
	if (!run)
		return;
	free(run->hist);
	free(run);
}

bool gd_run_peek(const struct gd_run *run, struct gd_update *out)
{
	if (run->status == GD_STATUS_DIVERGED)
		return false;
	const struct gd_optimizer_spec *spec = gd_optimizer_spec(run->opt.kind);
	struct gd_update u = { .step = run->step, .E = run->E, .opt = run->opt };
	memcpy(u.w, run->w, sizeof(u.w));
	memcpy(u.grad, run->grad, sizeof(u.grad));
	memcpy(u.state_prev, run->state, sizeof(u.state_prev));
	struct gd_optim_step st = { .dim = run->dim,
				    .t = run->step,
				    .g = run->grad };
	memcpy(st.state, run->state, sizeof(st.state));
	spec->step(run->opt.hyper, &st);
	memcpy(u.state, st.state, sizeof(u.state));
	memcpy(u.delta, st.delta, sizeof(u.delta));
	for (int k = 0; k < run->dim; k++)
		u.w_next[k] = run->w[k] + u.delta[k];
	double g[GD_DIM_MAX];
	u.E_next = gd_curve_grad(&run->curve, u.w_next, g);
	if (!all_finite(&u.state[0][0], GD_OPT_STATE * GD_DIM_MAX) ||
	    !all_finite(u.delta, run->dim) || !valid_w(u.w_next, run->dim) ||
	    !isfinite(u.E_next) || !all_finite(g, run->dim))
		return false;
	*out = u;
	return true;
}

bool gd_run_step(struct gd_run *run, struct gd_update *out)
{
	struct gd_update u;
	if (!gd_run_peek(run, &u)) {
		run->status = GD_STATUS_DIVERGED;
		return false;
	}
	if (run->len == GD_RUN_HISTORY) {
		/* Full: forget the oldest update. */
		run->head = (run->head + 1) % GD_RUN_HISTORY;
		run->len--;
	}
	run->hist[(run->head + run->len) % GD_RUN_HISTORY] = u;
	run->len++;
	run->step++;
	set_state(run, u.w_next, u.state);
	run->status = status_of(run);
	if (out)
		*out = u;
	return true;
}

bool gd_run_undo(struct gd_run *run)
{
	const struct gd_update *last = nth_from_end(run, 0);
	if (!last)
		return false;
	run->step = last->step;
	run->len--;
	set_state(run, last->w, last->state_prev);
	run->status = status_of(run);
	return true;
}

void gd_run_recheck(struct gd_run *run)
{
	run->status = status_of(run);
}

void gd_run_reset(struct gd_run *run)
{
	double w0[GD_DIM_MAX];
	memcpy(w0, run->w0, sizeof(w0));
	start(run, w0);
}

int gd_run_restart(struct gd_run *run, const double *w0)
{
	if (!valid_w(w0, run->dim))
		return -EINVAL;
	start(run, w0);
	return 0;
}

int gd_run_set_hyper(struct gd_run *run, int i, double v)
{
	const struct gd_optimizer_spec *spec = gd_optimizer_spec(run->opt.kind);
	if (i < 0 || i >= spec->nhyper || !gd_param_ok(&spec->hyper[i], v))
		return -EINVAL;
	run->opt.hyper[i] = v;
	/* A diverged run may step again with other settings. */
	run->status = status_of(run);
	return 0;
}

int gd_run_set_rate(struct gd_run *run, double rate)
{
	return gd_run_set_hyper(run, GD_HYPER_RATE, rate);
}

int gd_run_set_momentum(struct gd_run *run, double momentum)
{
	return gd_run_set_hyper(run, GD_HYPER_MOMENTUM, momentum);
}

double gd_run_rate(const struct gd_run *run)
{
	return run->opt.hyper[GD_HYPER_RATE];
}

double gd_run_momentum(const struct gd_run *run)
{
	const struct gd_optimizer_spec *spec = gd_optimizer_spec(run->opt.kind);
	return spec->nhyper > GD_HYPER_MOMENTUM &&
			       strcmp(spec->hyper[GD_HYPER_MOMENTUM].key,
				      "momentum") == 0 ?
		       run->opt.hyper[GD_HYPER_MOMENTUM] :
		       0;
}

size_t gd_run_history_len(const struct gd_run *run)
{
	return run->len;
}

const struct gd_update *gd_run_history_at(const struct gd_run *run, size_t i)
{
	if (i >= run->len)
		return NULL;
	return &run->hist[(run->head + i) % GD_RUN_HISTORY];
}

const struct gd_update *gd_run_last(const struct gd_run *run)
{
	return nth_from_end(run, 0);
}

const char *gd_status_name(enum gd_status status)
{
	switch (status) {
	case GD_STATUS_STEPPING:
		return "stepping";
	case GD_STATUS_CONVERGED:
		return "converged";
	case GD_STATUS_OSCILLATING:
		return "oscillating";
	case GD_STATUS_DIVERGED:
		return "diverged";
	}
	return "?";
}

enum gd_regime gd_bowl_regime(double rate, double a)
{
	double one = 1.0 / a, two = 2.0 / a;
	if (rate < one)
		return GD_REGIME_CREEPS;
	if (rate == one)
		return GD_REGIME_ONE_STEP;
	if (rate < two)
		return GD_REGIME_OSCILLATES;
	if (rate == two)
		return GD_REGIME_BOUNCES;
	return GD_REGIME_DIVERGES;
}

const char *gd_regime_name(enum gd_regime regime)
{
	static const char *const n[] = {
		[GD_REGIME_CREEPS] = "creeps",
		[GD_REGIME_ONE_STEP] = "one-step",
		[GD_REGIME_OSCILLATES] = "oscillates",
		[GD_REGIME_BOUNCES] = "bounces",
		[GD_REGIME_DIVERGES] = "diverges",
	};
	if ((unsigned)regime > GD_REGIME_DIVERGES)
		return "?";
	return n[regime];
}

bool gd_run_left_domain(const struct gd_run *run)
{
	if (run->status != GD_STATUS_DIVERGED || !all_finite(run->grad, run->dim))
		return false;
	const struct gd_optimizer_spec *spec = gd_optimizer_spec(run->opt.kind);
	struct gd_optim_step st = { .dim = run->dim,
				    .t = run->step,
				    .g = run->grad };
	memcpy(st.state, run->state, sizeof(st.state));
	spec->step(run->opt.hyper, &st);
	double w[GD_DIM_MAX] = { 0, 0 }, g[GD_DIM_MAX] = { 0, 0 };
	for (int k = 0; k < run->dim; k++)
		w[k] = run->w[k] + st.delta[k];
	if (!all_finite(st.delta, run->dim) || !valid_w(w, run->dim))
		return false;
	double e = gd_curve_grad(&run->curve, w, g);
	return !isfinite(e) || !all_finite(g, run->dim);
}
