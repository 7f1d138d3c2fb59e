#ifndef GDSTEP_BENCH_H
#define GDSTEP_BENCH_H

/* Sorts v and returns its median. */
double bench_median(double *v, int n);

/* Runs argv with stdout to /dev/null; wall seconds (−1 on failure) and the
 * child's peak RSS in KiB. */
double bench_child(char *const argv[], long *rss_kib);

/* The window's figures (frame time, start-up, memory); bench_app.c. */
void bench_app(const char *gdstep);

#endif
