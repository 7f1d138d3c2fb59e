/*
 * What the class sees a run do, named from its history: the core's status
 * (include/gdstep/run.h: stepping, converged, oscillating, diverged) is
 * the iteration table's and stays as it is; the panel says more. A run
 * whose Δw changes sign and grows is diverging, one whose Δw keeps its
 * size bounces, one that shrinks oscillates and converges; a run that no
 * longer moves is converged at the lowest known minimum and stuck at any
 * other.
 */
#ifndef GDSTEP_UI_STATUS_H
#define GDSTEP_UI_STATUS_H

#include <gdstep/run.h>

enum app_status {
	APP_STATUS_START,       /* no update taken yet */
	APP_STATUS_FALLING,     /* the last step lowered E */
	APP_STATUS_RISING,      /* the last step raised E, not oscillating */
	APP_STATUS_OSCILLATING, /* Δw changes sign and shrinks: converging */
	APP_STATUS_BOUNCING,    /* Δw changes sign and keeps its size */
	APP_STATUS_DIVERGING,   /* each step overshoots further */
	APP_STATUS_STUCK,     /* no longer moves, at a minimum not the lowest */
	APP_STATUS_CONVERGED, /* no longer moves, at the lowest minimum */
	APP_STATUS_DIVERGED,  /* the core's: the next step is not finite */
};

/*
 * The status of run from its last updates (at most three are read). An
 * empty history after steps (more were taken than it keeps) reads as
 * falling. Pure; never fails.
 */
enum app_status app_status_of(const struct gd_run *run);

#endif
