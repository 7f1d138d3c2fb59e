/*
 * The window's figures:
 *  - frame time: the real drawing code at 1920×1080 on SDL's software
 *    renderer into an offscreen surface, every frame of a run of animated
 *    steps (wells, β = 0.9), median and 95th percentile;
 *  - start-up: exec of `gdstep` to its first frame presented on an X
 *    display (GDSTEP_BENCH=first-frame makes it print the time and quit);
 *  - memory: peak RSS of the window process over a run of animated steps
 *    (GDSTEP_BENCH=run plays 200 steps at the fastest pace, then quits).
 * The last two need a display: $DISPLAY, or an Xvfb started here.
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "actions.h"
#include "render.h"
#include "lang.h"

#include "bench.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

enum { FRAME_STEPS = 40, FRAMES_PER_STEP = 16 };

/* Draws FRAME_STEPS animated steps at 60 frames a second of animation
 * time; t[] gets each frame's draw time in seconds. */
static int frame_times(SDL_Renderer *ren, struct app_gfx *g,
		       struct app_state *s, double *t)
{
	int n = 0;
	double clock = 0;
	for (int k = 0; k < FRAME_STEPS; k++) {
		struct app_result r;
		app_apply(s, APP_ACT_NEXT, clock, &r);
		for (int f = 0; f < FRAMES_PER_STEP; f++) {
			double t0 = now_s();
			app_draw(g, s, clock);
			SDL_RenderPresent(ren);
			t[n++] = now_s() - t0;
			clock += APP_ANIM_MS / (FRAMES_PER_STEP - 1);
		}
	}
	return n;
}

static void bench_frames(int w, int h)
{
	static struct gd_scene scene;
	struct gd_lesson lesson = { .count = 1, .scenes = &scene };
	gd_curve_default(&scene.curve, GD_CURVE_WELLS);
	scene.w0[0] = 1.8, scene.opt.hyper[GD_HYPER_RATE] = 0.02, scene.opt.hyper[GD_HYPER_MOMENTUM] = 0.9;
	scene.steps = GD_SCENE_UNPLANNED;
	snprintf(scene.title, sizeof(scene.title), "Momentum");
	snprintf(scene.caption, sizeof(scene.caption),
		 "Momentum carries the ball over the hump into the global minimum.");
	struct app_state *s = malloc(sizeof(*s));
	struct app_gfx *g = calloc(1, sizeof(*g));
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(
		0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
	char err[512];
	if (!s || !g || !ren || app_gfx_init(g, ren, APP_LANG_EN, err, sizeof(err)) < 0) {
		printf("frames: cannot set up (%s)\n", ren ? err : SDL_GetError());
		goto out;
	}
	app_state_init(s, &lesson, 0);
	static double t[FRAME_STEPS * FRAMES_PER_STEP];
	int n = frame_times(ren, g, s, t);
	double med = bench_median(t, n);
	printf("frame %dx%d (software renderer, offscreen; %d animated steps, %d frames): median %.2f ms, 95th percentile %.2f ms (target ≤ 8 ms)\n",
	       w, h, FRAME_STEPS, n, med * 1e3, t[n * 95 / 100] * 1e3);
out:
	app_gfx_finish(g);
	if (ren)
		SDL_DestroyRenderer(ren);
	SDL_FreeSurface(surf);
	free(g);
	app_state_finish(s);
	free(s);
}

/* Starts Xvfb on a free display if there is no $DISPLAY; returns its
 * pid, 0 if a display was already there, −1 if none can be had. */
static pid_t ensure_display(void)
{
	if (getenv("DISPLAY") && *getenv("DISPLAY"))
		return 0;
	int n = 80;
	char sock[64], lock[64], disp[16];
	for (;; n++) {
		snprintf(sock, sizeof(sock), "/tmp/.X11-unix/X%d", n);
		snprintf(lock, sizeof(lock), "/tmp/.X%d-lock", n);
		if (access(sock, F_OK) != 0 && access(lock, F_OK) != 0)
			break;
	}
	snprintf(disp, sizeof(disp), ":%d", n);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);
		dup2(fd, 1);
		dup2(fd, 2);
		execlp("Xvfb", "Xvfb", disp, "-screen", "0", "1920x1080x24",
		       "-nolisten", "tcp", (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 200 && pid > 0; i++) {
		if (access(sock, F_OK) == 0) {
			setenv("DISPLAY", disp, 1);
			usleep(100000);
			return pid;
		}
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return -1;
		usleep(25000);
	}
	if (pid > 0)
		kill(pid, SIGTERM);
	return -1;
}

/* Runs gdstep with GDSTEP_BENCH=mode; returns seconds from fork to the
 * first frame (first-frame) or to exit (run), and the peak RSS. */
static double run_window(const char *gdstep, const char *mode,
			 const char *size, long *rss_kib)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	double t0 = now_s();
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		dup2(fd, 1);
		dup2(fds[1], 2);
		close(fds[0]);
		setenv("GDSTEP_BENCH", mode, 1);
		execl(gdstep, gdstep, "--curve", "wells", "--momentum", "0.9",
		      "--size", size, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	char buf[256] = "";
	ssize_t got = read(fds[0], buf, sizeof(buf) - 1);
	buf[got > 0 ? got : 0] = '\0';
	close(fds[0]);
	int status;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return -1;
	double t1 = now_s();
	*rss_kib = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	double first;
	const char *p = strstr(buf, "first-frame ");
	if (strcmp(mode, "first-frame") == 0)
		return p && sscanf(p, "first-frame %lf", &first) == 1 ?
			       first - t0 : -1;
	return t1 - t0;
}

static void bench_window(const char *gdstep)
{
	pid_t xvfb = ensure_display();
	if (xvfb < 0) {
		printf("window: no $DISPLAY and no Xvfb; start-up and memory not measured\n");
		return;
	}
	const char *where = xvfb > 0 ? "Xvfb started by the benchmark" :
				       getenv("DISPLAY");
	enum { ROUNDS = 11 };
	double t[ROUNDS], rss[ROUNDS];
	static const char *const sizes[] = { "1280x720", "1920x1080" };
	for (int k = 0; k < 2; k++) {
		for (int r = 0; r < ROUNDS; r++) {
			long kib = 0;
			t[r] = run_window(gdstep, "first-frame", sizes[k], &kib);
			rss[r] = (double)kib;
			if (t[r] < 0) {
				printf("start-up: %s failed\n", gdstep);
				goto out;
			}
		}
		printf("start-up, exec to first frame presented (%s%s, %s): median %.1f ms (target ≤ 150 ms); peak RSS then %.1f MiB\n",
		       sizes[k], k == 0 ? ", the default size" : "", where,
		       bench_median(t, ROUNDS) * 1e3,
		       bench_median(rss, ROUNDS) / 1024);
	}
	for (int r = 0; r < 3; r++) {
		long kib = 0;
		t[r] = run_window(gdstep, "run", "1920x1080", &kib);
		rss[r] = (double)kib;
		if (t[r] < 0) {
			printf("run: %s failed\n", gdstep);
			goto out;
		}
	}
	printf("window run of 200 animated steps (1920x1080, %s): peak RSS median %.1f MiB (target ≤ 40 MiB), wall %.2f s\n",
	       where, bench_median(rss, 3) / 1024, bench_median(t, 3));
out:
	if (xvfb > 0) {
		kill(xvfb, SIGTERM);
		waitpid(xvfb, NULL, 0);
		unsetenv("DISPLAY");
	}
}

void bench_app(const char *gdstep)
{
	app_lang_setup();
	if (TTF_Init() != 0) {
		printf("frames: %s\n", TTF_GetError());
		return;
	}
	bench_frames(1920, 1080);
	bench_frames(1280, 720);
	TTF_Quit();
	bench_window(gdstep);
}
