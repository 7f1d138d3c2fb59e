/*
 * gdstep-bench: figures, not pass/fail. Prints the median time of one
 * update, and the wall time and peak RSS of a million-row trace run as a
 * child process (so its memory is the real program's, not ours).
 *
 *   gdstep-bench [PATH_TO_GDSTEP]
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gdstep/run.h>

#include "bench.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void bench_step(void)
{
	struct gd_run *run;
	struct gd_curve c;
	gd_curve_default(&c, GD_CURVE_WELLS);
	struct gd_optim opt;
	gd_optim_default(&opt, GD_OPTIMIZER_GD, 0.02);
	opt.hyper[GD_HYPER_MOMENTUM] = 0.9;
	enum { ROUNDS = 31, STEPS = 100000 };
	double t[ROUNDS];
	if (gd_run_create(&run, &c, (double[]){ 1.8 }, &opt) < 0)
		return;
	for (int r = 0; r < ROUNDS; r++) {
		gd_run_reset(run);
		double t0 = now();
		for (int k = 0; k < STEPS; k++)
			gd_run_step(run, NULL);
		t[r] = (now() - t0) / STEPS;
	}
	gd_run_destroy(run);
	printf("step (wells, β = 0.9): median %.1f ns per update over %d rounds of %d\n",
	       bench_median(t, ROUNDS) * 1e9, ROUNDS, STEPS);
}

/* Runs argv with stdout to /dev/null; returns wall seconds, *rss_kib. */
double bench_child(char *const argv[], long *rss_kib)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			close(fd);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return -1;
	double t = now() - t0;
	*rss_kib = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return t;
}

static void bench_trace(const char *gdstep)
{
	char *argv[] = { (char *)gdstep, "--trace", "--curve", "wells",
			 "--momentum", "0.9", "--steps", "1000000", NULL };
	enum { ROUNDS = 7 };
	double t[ROUNDS], rss[ROUNDS];
	for (int r = 0; r < ROUNDS; r++) {
		long kib = 0;
		t[r] = bench_child(argv, &kib);
		rss[r] = (double)kib;
		if (t[r] < 0) {
			printf("trace: %s failed\n", gdstep);
			return;
		}
	}
	printf("trace --steps 1000000 (wells, β = 0.9): median %.3f s, peak RSS median %.1f MiB (targets: < 1 s, < 8 MiB)\n",
	       bench_median(t, ROUNDS), bench_median(rss, ROUNDS) / 1024);
}

int main(int argc, char *argv[])
{
	const char *gdstep = argc > 1 ? argv[1] : "./src/cli/gdstep";
	bench_step();
	bench_trace(gdstep);
	bench_app(gdstep);
	return 0;
}
