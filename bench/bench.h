#ifndef GDSTEP_BENCH_H
#define GDSTEP_BENCH_H

#include <stdbool.h>

/* Monotonic seconds. */
double bench_now(void);

/* Sorts v and returns its median. */
double bench_median(double *v, int n);

/* Runs argv with stdout to /dev/null; wall seconds (−1 on failure) and the
 * child's peak RSS in KiB. */
double bench_child(char *const argv[], long *rss_kib);

/* Frame time of the drawing code in this process, beside the floor of a
 * clear and present; bench_app.c. */
void bench_frames(void);

/* Start-up, memory and CPU of gdstep driven from outside on an Xvfb
 * started here, beside gdstep-bench-floor (the program at floor_prog);
 * bench_x11.c. rss false: the first frames only. */
void bench_window(const char *gdstep, const char *floor_prog, bool rss);

#endif
