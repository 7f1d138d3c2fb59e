/* The run's status as the class sees it; see status.h. */
#include <math.h>
#include <stdbool.h>

#include "status.h"

/* |Δw| this small next to the weight is a run that no longer moves. */
#define STILL_REL 1e-4
/* How near a known minimum a still run must be to be at it. */
#define AT_MIN_REL 1e-2
/* Δw sizes within this ratio of each other are the same size. */
#define SAME_REL 1e-6

/* At a known minimum (every weight near it): 0 the lowest, 1 another,
 * −1 none near. */
static int at_minimum(const struct gd_run *run)
{
	double m[GD_CURVE_MINIMA][GD_DIM_MAX];
	int n = gd_curve_minima(&run->curve, m), best = -1;
	double best_d = (double)INFINITY;
	for (int i = 0; i < n; i++) {
		double d = 0;
		bool near = true;
		for (int k = 0; k < run->dim; k++) {
			double dk = fabs(run->w[k] - m[i][k]);
			near = near && dk <= AT_MIN_REL * (1 + fabs(m[i][k]));
			d += dk;
		}
		if (near && d < best_d)
			best = i, best_d = d;
	}
	return best < 0 ? -1 : best > 0;
}

/* Whether an update of delta hardly moves any weight of the run. */
static bool hardly_moves(const struct gd_run *run, const double *delta)
{
	for (int k = 0; k < run->dim; k++)
		if (!(fabs(delta[k]) <= STILL_REL * (1 + fabs(run->w[k]))))
			return false;
	return true;
}

static enum app_status still(const struct gd_run *run)
{
	return at_minimum(run) == 1 ? APP_STATUS_STUCK : APP_STATUS_CONVERGED;
}

enum app_status app_status_of(const struct gd_run *run)
{
	if (run->status == GD_STATUS_DIVERGED)
		return APP_STATUS_DIVERGED;
	if (run->status == GD_STATUS_CONVERGED)
		return still(run);
	size_t n = gd_run_history_len(run);
	if (n == 0)
		return run->step == 0 ? APP_STATUS_START : APP_STATUS_FALLING;
	const struct gd_update *last = gd_run_history_at(run, n - 1);
	double d1 = last->delta[0];
	/* Still: the next step (or, diverged, the last) hardly moves. */
	struct gd_update next;
	const double *dn = gd_run_peek(run, &next) ? next.delta : last->delta;
	if (hardly_moves(run, dn) && at_minimum(run) >= 0)
		return still(run);
	if (n >= 2) {
		double d0 = gd_run_history_at(run, n - 2)->delta[0];
		double r = fabs(d1) / fabs(d0);
		if (d0 * d1 < 0) {
			if (r > 1 + SAME_REL)
				return APP_STATUS_DIVERGING;
			return r < 1 - SAME_REL ? APP_STATUS_OSCILLATING :
						  APP_STATUS_BOUNCING;
		}
		if (r > 1 + SAME_REL && last->E_next > last->E)
			return APP_STATUS_DIVERGING;
	}
	return last->E_next > last->E ? APP_STATUS_RISING : APP_STATUS_FALLING;
}
