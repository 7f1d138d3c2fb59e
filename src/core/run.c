/* Runs: the update rule and its undo are derived in include/gdstep/run.h. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <gdstep/run.h>

static bool valid_rate(double rate)
{
	return isfinite(rate) && rate > 0;
}

static bool valid_momentum(double momentum)
{
	return momentum >= 0 && momentum < 1;
}

static bool valid_w(double w)
{
	return isfinite(w) && fabs(w) <= GD_RUN_WMAX;
}

/* Moves the state to (w, v) and recomputes what depends on w. */
static void set_state(struct gd_run *run, double w, double v)
{
	run->w = w;
	run->v = v;
	run->E = gd_curve_eval(&run->curve, w);
	run->dEdw = gd_curve_slope(&run->curve, w);
}

static const struct gd_update *nth_from_end(const struct gd_run *run, size_t k)
{
	if (k >= run->len)
		return NULL;
	size_t i = (run->head + run->len - 1 - k) % GD_RUN_HISTORY;
	return &run->hist[i];
}

/* Derives the status from the state and the last few updates. */
static enum gd_status status_of(const struct gd_run *run)
{
	if (!isfinite(run->E) || !isfinite(run->dEdw))
		return GD_STATUS_DIVERGED;
	const struct gd_update *last = nth_from_end(run, 0);
	if (!last)
		return GD_STATUS_STEPPING;
	if (fabs(last->delta_w) < GD_RUN_TOL_STEP &&
	    fabs(run->dEdw) < GD_RUN_TOL_SLOPE)
		return GD_STATUS_CONVERGED;
	for (size_t k = 0; k < GD_RUN_OSC_FLIPS; k++) {
		const struct gd_update *u = nth_from_end(run, k);
		const struct gd_update *p = nth_from_end(run, k + 1);
		if (!p || !(u->delta_w * p->delta_w < 0))
			return GD_STATUS_STEPPING;
	}
	return GD_STATUS_OSCILLATING;
}

static void start(struct gd_run *run, double w0)
{
	run->w0 = w0;
	run->step = 0;
	run->head = 0;
	run->len = 0;
	set_state(run, w0, 0.0);
	run->status = status_of(run);
}

int gd_run_init(struct gd_run *run, const struct gd_curve *curve, double w0,
		double rate, double momentum)
{
	int ret = 0;
	if (gd_curve_check(curve) < 0 || !valid_rate(rate) ||
	    !valid_momentum(momentum) || !valid_w(w0)) {
		struct gd_curve_start s = gd_curve_start_default(GD_CURVE_BOWL);
		gd_curve_default(&run->curve, GD_CURVE_BOWL);
		w0 = s.w0;
		rate = s.rate;
		momentum = s.momentum;
		ret = -EINVAL;
	} else {
		run->curve = *curve;
	}
	run->rate = rate;
	run->momentum = momentum;
	start(run, w0);
	return ret;
}

bool gd_run_peek(const struct gd_run *run, struct gd_update *out)
{
	if (run->status == GD_STATUS_DIVERGED)
		return false;
	struct gd_update u = {
		.step = run->step,
		.w = run->w,
		.E = run->E,
		.dEdw = run->dEdw,
		.v_prev = run->v,
		.rate = run->rate,
		.momentum = run->momentum,
	};
	u.v = run->momentum * run->v - run->rate * run->dEdw;
	u.delta_w = u.v;
	u.w_next = run->w + u.v;
	u.E_next = gd_curve_eval(&run->curve, u.w_next);
	if (!isfinite(u.v) || !valid_w(u.w_next) || !isfinite(u.E_next) ||
	    !isfinite(gd_curve_slope(&run->curve, u.w_next)))
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
	set_state(run, u.w_next, u.v);
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
	double w = last->w, v = last->v_prev;
	run->step = last->step;
	run->len--;
	set_state(run, w, v);
	run->status = status_of(run);
	return true;
}

void gd_run_reset(struct gd_run *run)
{
	start(run, run->w0);
}

int gd_run_restart(struct gd_run *run, double w0)
{
	if (!valid_w(w0))
		return -EINVAL;
	start(run, w0);
	return 0;
}

int gd_run_set_rate(struct gd_run *run, double rate)
{
	if (!valid_rate(rate))
		return -EINVAL;
	run->rate = rate;
	/* A diverged run may step again at a smaller rate. */
	run->status = status_of(run);
	return 0;
}

int gd_run_set_momentum(struct gd_run *run, double momentum)
{
	if (!valid_momentum(momentum))
		return -EINVAL;
	run->momentum = momentum;
	run->status = status_of(run);
	return 0;
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
