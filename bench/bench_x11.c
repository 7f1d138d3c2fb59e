/*
 * The window's figures, measured from outside: gdstep runs as it is
 * shipped, with no hook, under an Xvfb started here, and a small X client
 * of the benchmark's own watches the screen and types on the keyboard.
 *
 *  - exec to first frame: from fork to the first damage to gdstep's
 *    window (the DAMAGE extension), i.e. the first pixels the program
 *    puts on the screen. The client selects SubstructureNotify on the
 *    root window and creates a Damage object on each new top-level window
 *    as its CreateNotify arrives, before the window is mapped, so even a
 *    fast first present is seen; it notes the MapNotify too. The same is
 *    timed for gdstep-bench-floor, a bare SDL window (init, create, the
 *    software renderer, clear, present): the floor no SDL program gets
 *    under here, so gdstep_ms / floor_ms is what gdstep adds.
 *  - peak RSS over 200 animated steps at 1920x1080: `gdstep --echo`, then
 *    XTEST key presses (] three times for the fastest pace, Enter to
 *    play); the CSV rows on its stdout count the steps applied. VmHWM is
 *    read from /proc/PID/status while it plays and once 200 rows are in;
 *    then Q closes it. The floor's VmHWM after its first frame at the
 *    same size is printed beside it.
 *  - CPU, in the same runs: before playing, one step (Space) and the
 *    second after it (its animation, then nothing moving), then a second
 *    with nothing pressed, then the play. CPU time is the sum over the
 *    program's threads of /proc/PID/task/TID/schedstat (nanoseconds on
 *    a CPU); frames are the window's presents as a second Damage object
 *    reports them, subtracted after each notice (frames presented while
 *    a notice is on its way count once: a lower bound).
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <X11/extensions/Xdamage.h>
#include <X11/extensions/XTest.h>

#include "bench.h"

enum {
	FIRST_FRAME_ROUNDS = 7,
	RSS_ROUNDS = 3,
	RSS_STEPS = 200,
	/* The fastest pace is 100 ms a step; this leaves room for a slow
	 * machine before a run counts as failed. */
	RSS_TIMEOUT_S = RSS_STEPS / 10 * 2 + 10,
};

struct xwatch {
	Display *dpy;
	Window root;
	int damage_event;
	Window win;            /* the top-level window mapped, or 0 */
	double map_s, frame_s; /* monotonic seconds, < 0 until seen */
	Damage counter;        /* frames of win counted, when not 0 */
	long frames;
};

struct child {
	pid_t pid;
	bool done;
	int status;
};

/* Starts Xvfb on a display it picks itself (-displayfd); disp gets ":N".
 * Returns its pid, or −1. */
static pid_t start_xvfb(char *disp, size_t size)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		/* No Xvfb left behind if the benchmark is killed. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		int fd = open("/dev/null", O_RDWR);
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		close(fds[0]);
		char num[16];
		snprintf(num, sizeof(num), "%d", fds[1]);
		execlp("Xvfb", "Xvfb", "-displayfd", num, "-screen", "0",
		       "1920x1080x24", "-nolisten", "tcp", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	/* Read up to the newline: Xvfb writes the number and the newline
	 * apart, and quits if it cannot write the second. */
	char buf[16] = "";
	size_t len = 0;
	struct pollfd p = { .fd = fds[0], .events = POLLIN };
	while (pid > 0 && len < sizeof(buf) - 1 && !strchr(buf, '\n') &&
	       poll(&p, 1, 10000) == 1) {
		ssize_t got = read(fds[0], buf + len, sizeof(buf) - 1 - len);
		if (got <= 0)
			break;
		len += (size_t)got;
		buf[len] = '\0';
	}
	close(fds[0]);
	int n;
	if (!strchr(buf, '\n') || sscanf(buf, "%d", &n) != 1) {
		if (pid > 0) {
			kill(pid, SIGTERM);
			waitpid(pid, NULL, 0);
		}
		return -1;
	}
	snprintf(disp, size, ":%d", n);
	return pid;
}

/* Windows of programs that have just quit go on raising errors
 * (BadDamage, BadWindow); none of them matters to a figure. */
static int ignore_error(Display *dpy, XErrorEvent *e)
{
	(void)dpy, (void)e;
	return 0;
}

/* Connects to disp; 0, or a message of what is missing. */
static const char *xwatch_open(struct xwatch *x, const char *disp, pid_t xvfb)
{
	int damage_error, xtest_event, xtest_error, major, minor;
	/* Xvfb listens once it has named its display; a few tries all
	 * the same on a busy machine, and none once it has quit. */
	for (int k = 0; k < 250 && !(x->dpy = XOpenDisplay(disp)); k++) {
		if (waitpid(xvfb, NULL, WNOHANG) == xvfb)
			return "Xvfb quit";
		usleep(20000);
	}
	if (!x->dpy)
		return "cannot connect to Xvfb";
	if (!XDamageQueryExtension(x->dpy, &x->damage_event, &damage_error) ||
	    !XTestQueryExtension(x->dpy, &xtest_event, &xtest_error, &major,
				 &minor)) {
		XCloseDisplay(x->dpy);
		return "no DAMAGE or XTEST extension";
	}
	XDamageQueryVersion(x->dpy, &major, &minor);
	XSetErrorHandler(ignore_error);
	x->root = DefaultRootWindow(x->dpy);
	XSelectInput(x->dpy, x->root, SubstructureNotifyMask);
	XSync(x->dpy, False);
	return NULL;
}

static void on_xevent(struct xwatch *x, const XEvent *ev, double t)
{
	if (ev->type == CreateNotify && ev->xcreatewindow.parent == x->root) {
		/* ReportNonEmpty: one event when the window's damage
		 * becomes non-empty, and none after, as it is never
		 * subtracted. */
		XDamageCreate(x->dpy, ev->xcreatewindow.window,
			      XDamageReportNonEmpty);
		XFlush(x->dpy);
	} else if (ev->type == MapNotify && ev->xmap.event == x->root &&
		   !ev->xmap.override_redirect && x->map_s < 0) {
		x->win = ev->xmap.window;
		x->map_s = t;
	} else if (ev->type == x->damage_event + XDamageNotify) {
		const XDamageNotifyEvent *d = (const XDamageNotifyEvent *)ev;
		if (x->counter && d->damage == x->counter) {
			x->frames++;
			XDamageSubtract(x->dpy, x->counter, None, None);
		} else if (x->frame_s < 0) {
			x->frame_s = t;
		}
	}
}

/* Handles the X events that come within timeout_ms. */
static void xwatch_pump(struct xwatch *x, int timeout_ms)
{
	XFlush(x->dpy);
	if (!XPending(x->dpy)) {
		struct pollfd p = { .fd = ConnectionNumber(x->dpy),
				    .events = POLLIN };
		poll(&p, 1, timeout_ms);
	}
	while (XPending(x->dpy)) {
		XEvent ev;
		XNextEvent(x->dpy, &ev);
		on_xevent(x, &ev, bench_now());
	}
}

static void press(Display *dpy, KeySym sym)
{
	KeyCode kc = XKeysymToKeycode(dpy, sym);
	XTestFakeKeyEvent(dpy, kc, True, CurrentTime);
	XTestFakeKeyEvent(dpy, kc, False, CurrentTime);
	XFlush(dpy);
}

/* Forks argv on $DISPLAY with stdin from /dev/null and stdout to out_fd
 * (/dev/null if −1). */
static int spawn(struct child *c, char *const argv[], int out_fd)
{
	c->done = false;
	c->pid = fork();
	if (c->pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		int fd = open("/dev/null", O_RDWR);
		dup2(fd, STDIN_FILENO);
		dup2(out_fd >= 0 ? out_fd : fd, STDOUT_FILENO);
		execv(argv[0], argv);
		_exit(127);
	}
	return c->pid > 0 ? 0 : -1;
}

static bool child_exited(struct child *c)
{
	if (!c->done && waitpid(c->pid, &c->status, WNOHANG) == c->pid)
		c->done = true;
	return c->done;
}

/* Waits up to grace_s for the child to quit by itself, then sends
 * SIGTERM (SDL turns it into a quit event), then SIGKILL. True if it
 * quit within the grace with status 0. */
static bool child_finish(struct child *c, double grace_s)
{
	double end = bench_now() + grace_s;
	while (!child_exited(c) && bench_now() < end)
		usleep(2000);
	bool clean = c->done && WIFEXITED(c->status) &&
		     WEXITSTATUS(c->status) == 0;
	for (int sig = 0; !c->done && sig < 2; sig++) {
		kill(c->pid, sig == 0 ? SIGTERM : SIGKILL);
		end = bench_now() + 3;
		while (!child_exited(c) && (sig == 1 || bench_now() < end))
			usleep(2000);
	}
	return clean;
}

/* VmHWM of a live process in KiB, or −1. */
static long vm_hwm_kib(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long kib = -1;
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

/* Starts argv and waits for the first damage to its window. Returns the
 * seconds from fork to it and *map_s from fork to the map, or −1; leaves
 * the program running. */
static double start_and_wait(struct xwatch *x, struct child *c,
			     char *const argv[], int out_fd, double *map_s)
{
	x->win = 0;
	x->map_s = x->frame_s = -1;
	double t0 = bench_now();
	if (spawn(c, argv, out_fd) < 0)
		return -1;
	while (x->frame_s < 0 && bench_now() < t0 + 15 && !child_exited(c))
		xwatch_pump(x, 100);
	*map_s = x->map_s - t0;
	return x->frame_s < 0 ? -1 : x->frame_s - t0;
}

/* One exec-to-first-frame time of argv at size; *hwm_kib the VmHWM then. */
static double first_frame(struct xwatch *x, char *const argv[], double *map_s,
			  long *hwm_kib)
{
	struct child c;
	double t = start_and_wait(x, &c, argv, -1, map_s);
	*hwm_kib = t < 0 ? -1 : vm_hwm_kib(c.pid);
	child_finish(&c, 0);
	/* Drop what the closed window left queued (unmap, destroy). */
	XSync(x->dpy, True);
	return t;
}

static void bench_first_frame(struct xwatch *x, const char *gdstep,
			      const char *floor_prog, const char *size,
			      const char *lang, const char *cache, long *floor_hwm)
{
	char *gd_argv[] = {
		(char *)gdstep, "--lang", (char *)lang, "--curve",    "wells",
		"--momentum",   "0.9",    "--size",     (char *)size, NULL
	};
	char *fl_argv[] = { (char *)floor_prog, "--size", (char *)size, NULL };
	/* English prints as the issue named it; Chinese as first-frame-zh. */
	const char *label = strcmp(lang, "en") == 0 ? "" : "-zh";
	double gd[FIRST_FRAME_ROUNDS], fl[FIRST_FRAME_ROUNDS];
	double gd_map[FIRST_FRAME_ROUNDS], fl_map[FIRST_FRAME_ROUNDS];
	double fl_hwm[FIRST_FRAME_ROUNDS];
	/* The first start ever, with no glyph cache (cache, the file in
	 * bench_window's own $XDG_CACHE_HOME, removed; never the user's):
	 * it renders every glyph and leaves the cache the rounds then start
	 * with, as every start after a user's first does. */
	if (cache)
		unlink(cache);
	double cold_map;
	long cold_kib;
	double cold = first_frame(x, gd_argv, &cold_map, &cold_kib);
	for (int r = 0; r < FIRST_FRAME_ROUNDS; r++) {
		/* In turns, so a slow patch of the machine hits both. */
		long kib;
		gd[r] = first_frame(x, gd_argv, &gd_map[r], &kib);
		fl[r] = first_frame(x, fl_argv, &fl_map[r], &kib);
		fl_hwm[r] = (double)kib;
		if (gd[r] < 0 || fl[r] < 0) {
			printf("first-frame%s %s: %s failed\n", label, size,
			       gd[r] < 0 ? gdstep : floor_prog);
			return;
		}
	}
	double g = bench_median(gd, FIRST_FRAME_ROUNDS);
	double f = bench_median(fl, FIRST_FRAME_ROUNDS);
	printf("first-frame%s %s gdstep_ms=%.1f floor_ms=%.1f ratio=%.2f gdstep_map_ms=%.1f floor_map_ms=%.1f runs=%d gdstep_cold_ms=%.1f\n",
	       label, size, g * 1e3, f * 1e3, g / f,
	       bench_median(gd_map, FIRST_FRAME_ROUNDS) * 1e3,
	       bench_median(fl_map, FIRST_FRAME_ROUNDS) * 1e3,
	       FIRST_FRAME_ROUNDS, cold * 1e3);
	fflush(stdout);
	*floor_hwm = (long)bench_median(fl_hwm, FIRST_FRAME_ROUNDS);
}

/* Newlines read from fd so far, without blocking. */
static void count_rows(int fd, long *rows)
{
	char buf[4096];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	while (poll(&p, 1, 0) == 1) {
		ssize_t got = read(fd, buf, sizeof(buf));
		if (got <= 0)
			return;
		for (ssize_t i = 0; i < got; i++)
			*rows += buf[i] == '\n';
	}
}

/* Seconds on a CPU of every thread of a live process so far, or −1. */
static double cpu_s(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	double sum = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		char stat[320];
		unsigned long long ns = 0;
		if (e->d_name[0] == '.')
			continue;
		snprintf(stat, sizeof(stat), "/proc/%d/task/%.32s/schedstat",
			 (int)pid, e->d_name);
		FILE *f = fopen(stat, "r");
		if (f && fscanf(f, "%llu", &ns) == 1)
			sum += (double)ns * 1e-9;
		if (f)
			fclose(f);
	}
	closedir(d);
	return sum;
}

/* Handles X events for secs seconds. */
static void xwatch_wait(struct xwatch *x, double secs)
{
	double end = bench_now() + secs;
	for (double now = bench_now(); now < end; now = bench_now())
		xwatch_pump(x, (int)((end - now) * 1000) + 1);
}

/* The CPU figures of one run: one step and the second after it, a
 * second of nothing, the play. */
struct cpu_run {
	double step_ms, idle_ms, play_s, play_cpu_s;
	long step_frames, idle_frames, play_frames;
};

/* Plays RSS_STEPS animated steps at the fastest pace; *hwm_kib is the
 * peak RSS, *steps the steps applied, *cpu what it took; returns the
 * seconds they took or −1. */
static double rss_run(struct xwatch *x, const char *gdstep, long *hwm_kib,
		      long *steps, struct cpu_run *cpu)
{
	char *argv[] = { (char *)gdstep, "--lang",     "en",  "--curve",
			 "wells",        "--momentum", "0.9", "--size",
			 "1920x1080",    "--echo",     NULL };
	int fds[2];
	struct child c;
	double map_s;
	if (pipe(fds) != 0)
		return -1;
	double t = start_and_wait(x, &c, argv, fds[1], &map_s);
	close(fds[1]);
	long rows = 0, rows0 = 0;
	*hwm_kib = -1;
	memset(cpu, 0, sizeof(*cpu));
	if (t >= 0) {
		XSetInputFocus(x->dpy, x->win, RevertToPointerRoot, CurrentTime);
		x->counter = XDamageCreate(x->dpy, x->win, XDamageReportNonEmpty);
		xwatch_wait(x, 0.5); /* what the start left to do */
		double c0 = cpu_s(c.pid);
		x->frames = 0;
		press(x->dpy, XK_space);
		xwatch_wait(x, 1);
		double c1 = cpu_s(c.pid);
		cpu->step_frames = x->frames;
		x->frames = 0;
		xwatch_wait(x, 1);
		double c2 = cpu_s(c.pid);
		cpu->idle_frames = x->frames;
		cpu->step_ms = (c1 - c0) * 1e3;
		cpu->idle_ms = (c2 - c1) * 1e3;
		for (int k = 0; k < 3; k++)
			press(x->dpy, XK_bracketright);
		count_rows(fds[0], &rows0);
		rows = rows0;
		cpu->play_cpu_s = -cpu_s(c.pid);
		x->frames = 0;
		press(x->dpy, XK_Return);
	}
	double t0 = bench_now();
	while (t >= 0 && rows - rows0 < RSS_STEPS && !child_exited(&c) &&
	       bench_now() < t0 + RSS_TIMEOUT_S) {
		xwatch_wait(x, 0.05);
		count_rows(fds[0], &rows);
		long kib = vm_hwm_kib(c.pid);
		*hwm_kib = kib > *hwm_kib ? kib : *hwm_kib;
	}
	double play_s = bench_now() - t0;
	cpu->play_cpu_s += cpu_s(c.pid);
	cpu->play_s = play_s;
	cpu->play_frames = x->frames;
	if (x->counter)
		XDamageDestroy(x->dpy, x->counter);
	x->counter = 0;
	*steps = rows - rows0;
	if (t >= 0 && !c.done)
		press(x->dpy, XK_q);
	bool clean = child_finish(&c, 5);
	close(fds[0]);
	XSync(x->dpy, True);
	return clean && *steps >= RSS_STEPS ? play_s : -1;
}

static void bench_rss(struct xwatch *x, const char *gdstep, long floor_hwm)
{
	double hwm[RSS_ROUNDS], secs[RSS_ROUNDS];
	double step_ms[RSS_ROUNDS], step_fr[RSS_ROUNDS], idle_ms[RSS_ROUNDS],
		idle_fr[RSS_ROUNDS], pct[RSS_ROUNDS], fps[RSS_ROUNDS],
		per_frame[RSS_ROUNDS];
	long steps = 0;
	for (int r = 0; r < RSS_ROUNDS; r++) {
		long kib = -1;
		struct cpu_run cr = { 0 };
		secs[r] = rss_run(x, gdstep, &kib, &steps, &cr);
		step_ms[r] = cr.step_ms, step_fr[r] = (double)cr.step_frames;
		idle_ms[r] = cr.idle_ms, idle_fr[r] = (double)cr.idle_frames;
		pct[r] = cr.play_s > 0 ? 100 * cr.play_cpu_s / cr.play_s : 0;
		fps[r] = cr.play_s > 0 ? (double)cr.play_frames / cr.play_s : 0;
		per_frame[r] = cr.play_frames > 0 ?
				       cr.play_cpu_s * 1e3 /
					       (double)cr.play_frames :
				       0;
		hwm[r] = (double)kib;
		if (secs[r] < 0) {
			printf("peak-rss 1920x1080: %s failed after %ld steps\n",
			       gdstep, steps);
			return;
		}
	}
	/* Sorted by bench_median: hwm[0] is the least, the last the most. */
	double g = bench_median(hwm, RSS_ROUNDS) / 1024;
	double f = (double)floor_hwm / 1024;
	printf("peak-rss 1920x1080 steps=%d gdstep_mib=%.1f floor_mib=%.1f ratio=%.2f gdstep_min_mib=%.1f gdstep_max_mib=%.1f play_s=%.2f runs=%d\n",
	       RSS_STEPS, g, f, f > 0 ? g / f : 0, hwm[0] / 1024,
	       hwm[RSS_ROUNDS - 1] / 1024, bench_median(secs, RSS_ROUNDS),
	       RSS_ROUNDS);
	printf("cpu-step 1920x1080 cpu_ms=%.1f frames=%.0f (one step, and the second after it)\n",
	       bench_median(step_ms, RSS_ROUNDS),
	       bench_median(step_fr, RSS_ROUNDS));
	printf("cpu-idle 1920x1080 cpu_ms=%.1f frames=%.0f (a second with nothing moving)\n",
	       bench_median(idle_ms, RSS_ROUNDS),
	       bench_median(idle_fr, RSS_ROUNDS));
	printf("cpu-play 1920x1080 cpu_pct=%.1f frames_per_s=%.1f cpu_ms_per_frame=%.2f runs=%d\n",
	       bench_median(pct, RSS_ROUNDS), bench_median(fps, RSS_ROUNDS),
	       bench_median(per_frame, RSS_ROUNDS), RSS_ROUNDS);
}

void bench_window(const char *gdstep, const char *floor_prog, bool rss)
{
	char disp[16];
	pid_t xvfb = start_xvfb(disp, sizeof(disp));
	if (xvfb < 0) {
		printf("window: cannot start Xvfb; start-up and memory not measured\n");
		return;
	}
	struct xwatch x = { 0 };
	char *old = getenv("DISPLAY") ? strdup(getenv("DISPLAY")) : NULL;
	setenv("DISPLAY", disp, 1);
	const char *err = xwatch_open(&x, disp, xvfb);
	if (err) {
		printf("window: %s (display %s); start-up and memory not measured\n",
		       err, disp);
		goto out;
	}
	/* gdstep's glyph cache in a directory of the benchmark's own, so
	 * neither the user's cache nor its absence moves the figures. */
	char *old_cache = getenv("XDG_CACHE_HOME") ?
				  strdup(getenv("XDG_CACHE_HOME")) :
				  NULL;
	char cache_dir[] = "/tmp/gdstep-bench-cache-XXXXXX";
	char cache_sub[64], cache_file[sizeof(cache_sub) + 8];
	bool have_cache = mkdtemp(cache_dir) != NULL;
	if (have_cache) {
		setenv("XDG_CACHE_HOME", cache_dir, 1);
		snprintf(cache_sub, sizeof(cache_sub), "%s/gdstep", cache_dir);
		snprintf(cache_file, sizeof(cache_file), "%s/glyphs", cache_sub);
	}
	const char *cache = have_cache ? cache_file : NULL;
	long floor_hwm = -1;
	bench_first_frame(&x, gdstep, floor_prog, "1280x720", "en", cache,
			  &floor_hwm);
	bench_first_frame(&x, gdstep, floor_prog, "1920x1080", "en", cache,
			  &floor_hwm);
	bench_first_frame(&x, gdstep, floor_prog, "1280x720", "zh", cache,
			  &floor_hwm);
	bench_first_frame(&x, gdstep, floor_prog, "1920x1080", "zh", cache,
			  &floor_hwm);
	if (rss)
		bench_rss(&x, gdstep, floor_hwm);
	if (have_cache) {
		unlink(cache_file);
		rmdir(cache_sub);
		rmdir(cache_dir);
	}
	if (old_cache)
		setenv("XDG_CACHE_HOME", old_cache, 1);
	else
		unsetenv("XDG_CACHE_HOME");
	free(old_cache);
	XCloseDisplay(x.dpy);
out:
	if (old)
		setenv("DISPLAY", old, 1);
	else
		unsetenv("DISPLAY");
	free(old);
	kill(xvfb, SIGTERM);
	waitpid(xvfb, NULL, 0);
}
