/* The program's window-side command line, run as a child: --screenshot
 * writes a PNG of the asked size, and bad input (no fonts, a bad lesson)
 * exits 2 with one line on stderr before any window or display. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *args[12]; /* after the program, NULL-terminated */
	const char *datadir;  /* GDSTEP_DATADIR, or NULL to unset it */
	int status;           /* expected exit status */
	int w, h;             /* expected PNG size (screenshot cases) */
	const char *say;      /* stderr says this (a notice) */
	const char *font;     /* check_bad_font: the regular font's bytes */
};

static char out_png[256];

/* Runs $GDSTEP with t->args and no display; stderr into err. */
static int run(const struct tcase *t, char *err, size_t size)
{
	const char *prog = getenv("GDSTEP");
	char errfile[] = "/tmp/gdstep-cli-err-XXXXXX";
	int efd = mkstemp(errfile);
	if (!prog || efd < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(efd, 2);
		int nul = open("/dev/null", O_WRONLY);
		dup2(nul, 1);
		unsetenv("DISPLAY");
		unsetenv("WAYLAND_DISPLAY");
		if (t->datadir)
			setenv("GDSTEP_DATADIR", t->datadir, 1);
		else
			unsetenv("GDSTEP_DATADIR");
		const char *argv[16] = { prog };
		int n = 1;
		for (int i = 0; t->args[i]; i++)
			argv[n++] = strcmp(t->args[i], "@PNG") ? t->args[i] :
								 out_png;
		execv(prog, (char *const *)argv);
		_exit(127);
	}
	int st = -1;
	waitpid(pid, &st, 0);
	ssize_t got = pread(efd, err, size - 1, 0);
	err[got > 0 ? got : 0] = '\0';
	close(efd);
	unlink(errfile);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 |
	       (unsigned)p[2] << 8 | p[3];
}

static void check(const struct tcase *t)
{
	snprintf(out_png, sizeof(out_png), "/tmp/gdstep-cli-%d.png",
		 (int)getpid());
	unlink(out_png);
	char err[4096];
	int st = run(t, err, sizeof(err));
	if (st != t->status)
		fprintf(stderr, "status %d, want %d; stderr: %s\n", st,
			t->status, err);
	CHECK(st == t->status);
	if (t->say && !strstr(err, t->say))
		fprintf(stderr, "stderr lacks '%s': %s\n", t->say, err);
	CHECK(!t->say || strstr(err, t->say) != NULL);
	if (t->status != 0) {
		/* One line naming the problem, and no picture. */
		CHECK(strncmp(err, "gdstep: ", 8) == 0);
		CHECK(strchr(err, '\n') == err + strlen(err) - 1);
		CHECK(access(out_png, F_OK) != 0);
		return;
	}
	if (!t->w)
		return;
	unsigned char head[24];
	FILE *f = fopen(out_png, "rb");
	CHECK(f);
	size_t n = fread(head, 1, sizeof(head), f);
	fclose(f);
	unlink(out_png);
	CHECK(n == sizeof(head) && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0);
	CHECK(be32(head + 16) == (unsigned)t->w &&
	      be32(head + 20) == (unsigned)t->h);
}

/* A fonts directory whose regular font is t->font (a text
 * file, or empty), the bold one any readable file: the program says so
 * in one line naming the file and exits 2, before any window. */
static void check_bad_font(const struct tcase *t)
{
	char dir[128], fonts[160], path[200];
	snprintf(dir, sizeof(dir), "/tmp/gdstep-badfont-%d", (int)getpid());
	snprintf(fonts, sizeof(fonts), "%s/fonts", dir);
	CHECK(mkdir(dir, 0700) == 0 && mkdir(fonts, 0700) == 0);
	const char *names[2] = { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" };
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", fonts, names[i]);
		FILE *f = fopen(path, "w");
		CHECK(f);
		fputs(i == 0 ? t->font : "bold", f);
		fclose(f);
	}
	struct tcase c = *t;
	c.datadir = dir;
	char err[4096];
	int st = run(&c, err, sizeof(err));
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", fonts, names[i]);
		unlink(path);
	}
	rmdir(fonts);
	rmdir(dir);
	if (st != 2 || !strstr(err, "DejaVuSans.ttf: "))
		fprintf(stderr, "status %d, stderr: %s\n", st, err);
	CHECK(st == 2);
	CHECK(strncmp(err, "gdstep: ", 8) == 0);
	CHECK(strstr(err, "fonts/DejaVuSans.ttf: ") != NULL);
	CHECK(strchr(err, '\n') == err + strlen(err) - 1);
}

static const struct tcase cases[] = {
	{ .name = "shot-default-size",
	  .run = check,
	  .args = { "--screenshot", "@PNG", "--steps", "3" },
	  .w = 1280,
	  .h = 720 },
	{ .name = "shot-size-and-scene",
	  .run = check,
	  .args = { "--screenshot", "@PNG", "--scene", "10", "--steps", "40",
		    "--size", "800x600" },
	  .w = 800,
	  .h = 600 },
	{ .name = "shot-smallest",
	  .run = check,
	  .args = { "--screenshot", "@PNG", "--curve", "neuron", "--size",
		    "160x160" },
	  .w = 160,
	  .h = 160 },
	{ .name = "shot-200x150",
	  .run = check,
	  .args = { "--screenshot", "@PNG", "--size", "200x150" },
	  .w = 200,
	  .h = 150 },
	{ .name = "shot-says-fullscreen-ignored",
	  .run = check,
	  .args = { "--screenshot", "@PNG", "--fullscreen", "--size", "320x240" },
	  .w = 320,
	  .h = 240,
	  .say = "gdstep: --fullscreen is ignored with --screenshot" },
	{ .name = "shot-diverged",
	  .run = check,
	  .args = { "--screenshot", "@PNG", "--curve", "bowl", "--rate", "1.5",
		    "--steps", "500" },
	  .w = 1280,
	  .h = 720 },
	{ .name = "shot-zh",
	  .run = check,
	  .args = { "--screenshot", "@PNG", "--lang", "zh", "--size", "640x360" },
	  .w = 640,
	  .h = 360 },
	{ .name = "shot-missing-fonts",
	  .run = check,
	  .args = { "--screenshot", "@PNG" },
	  .datadir = "/nonexistent",
	  .status = 2 },
	{ .name = "window-missing-fonts",
	  .run = check,
	  .args = { "--echo" },
	  .datadir = "/nonexistent",
	  .status = 2 },
	{ .name = "shot-font-not-a-font",
	  .run = check_bad_font,
	  .args = { "--screenshot", "/tmp/gdstep-badfont.png" },
	  .font = "this is not a font\n" },
	{ .name = "shot-font-empty",
	  .run = check_bad_font,
	  .args = { "--screenshot", "/tmp/gdstep-badfont.png" },
	  .font = "" },
	{ .name = "window-font-not-a-font",
	  .run = check_bad_font,
	  .args = { "--echo" },
	  .font = "this is not a font\n" },
	{ .name = "window-bad-lesson",
	  .run = check,
	  .args = { "/nonexistent/lesson.ini" },
	  .status = 2 },
	{ .name = "window-scene-beyond",
	  .run = check,
	  .args = { "--scene", "99" },
	  .status = 2 },
	{ .name = "shot-unwritable",
	  .run = check,
	  .args = { "--screenshot", "/nonexistent/dir/x.png" },
	  .status = 1 },
	/* The file opens but every write fails: the PNG write is checked
	 * to the close (and the device is not removed). */
	{ .name = "shot-disk-full",
	  .run = check,
	  .args = { "--screenshot", "/dev/full" },
	  .status = 1 },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
