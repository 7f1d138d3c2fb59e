/*
 * gdstep-bench: figures, not pass/fail. Prints the median time of one
 * update, and the wall time and peak RSS of a million-row trace run as a
 * child process (so its memory is the real program's, not ours); then
 * the window's figures (bench_app.c, bench_x11.c).
 *
 *   gdstep-bench [--only step|trace|frames|window|first-frame] [PATH_TO_GDSTEP]
 *
 * gdstep-bench-floor is looked for beside this program.
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gdstep/run.h>

#include "bench.h"

double bench_now(void)
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
		double t0 = bench_now();
		for (int k = 0; k < STEPS; k++)
			gd_run_step(run, NULL);
		t[r] = (bench_now() - t0) / STEPS;
	}
	gd_run_destroy(run);
	printf("step (wells, β = 0.9): median %.1f ns per update over %d rounds of %d\n",
	       bench_median(t, ROUNDS) * 1e9, ROUNDS, STEPS);
}

/* Runs argv with stdout to /dev/null; returns wall seconds, *rss_kib. */
double bench_child(char *const argv[], long *rss_kib)
{
	double t0 = bench_now();
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
	double t = bench_now() - t0;
	*rss_kib = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return t;
}

static void bench_trace(const char *gdstep)
{
	char *argv[] = { (char *)gdstep, "--trace",    "--curve",
			 "wells",        "--momentum", "0.9",
			 "--steps",      "1000000",    NULL };
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

/* gdstep-bench-floor in this program's folder. */
static void floor_path(char *path, size_t size)
{
	char exe[PATH_MAX] = "";
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(exe, '/');
	snprintf(path, size, "%.*s/gdstep-bench-floor",
		 slash ? (int)(slash - exe) : 1, slash ? exe : ".");
}

int main(int argc, char *argv[])
{
	const char *only = NULL, *gdstep = "./src/cli/gdstep";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
			only = argv[++i];
		} else if (argv[i][0] != '-') {
			gdstep = argv[i];
		} else {
			fprintf(stderr,
				"usage: gdstep-bench [--only step|trace|frames|window|first-frame] [PATH_TO_GDSTEP]\n");
			return 2;
		}
	}
	char floor_prog[PATH_MAX + 32];
	floor_path(floor_prog, sizeof(floor_prog));
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!only || strcmp(only, "step") == 0)
		bench_step();
	if (!only || strcmp(only, "trace") == 0)
		bench_trace(gdstep);
	if (!only || strcmp(only, "frames") == 0)
		bench_frames();
	if (!only || strcmp(only, "window") == 0)
		bench_window(gdstep, floor_prog, true);
	if (only && strcmp(only, "first-frame") == 0)
		bench_window(gdstep, floor_prog, false);
	return 0;
}
