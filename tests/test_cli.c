/* The gdstep binary from outside: exit status, stderr lines, and a trace
 * that parses back to the very doubles the core computes. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gdstep/csv.h>
#include <gdstep/run.h>

#include "harness.h"
#include "runs.h"
#include "gdstep-config.h"

#define CASES GDSTEP_SOURCE_ROOT "/tests/lesson-cases/"
#define LESSONS GDSTEP_SOURCE_ROOT "/lessons/"

static const char *gdstep; /* path, from argv */

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *argv[12];
	int status;       /* expected exit status */
	const char *want; /* text stderr (or stdout for status 0) contains */
	enum gd_curve_kind kind;
	double w0, rate, momentum;
	long steps;
	const char *lang_env; /* LANG for the run; "C" when NULL */
};

struct result {
	int status;
	char out[1 << 16], err[4096];
	size_t out_len;
};

static size_t slurp(int fd, char *buf, size_t cap)
{
	size_t n = 0;
	lseek(fd, 0, SEEK_SET);
	for (ssize_t r; n + 1 < cap && (r = read(fd, buf + n, cap - 1 - n)) > 0;)
		n += (size_t)r;
	buf[n] = '\0';
	return n;
}

/* Runs gdstep with t->argv, its stdout and stderr into files. */
static void run_gdstep(const struct tcase *t, struct result *res)
{
	char out_path[] = "/tmp/gdstep-cli-XXXXXX",
	     err_path[] = "/tmp/gdstep-cli-XXXXXX";
	int out = mkstemp(out_path), err = mkstemp(err_path);
	unlink(out_path);
	unlink(err_path);
	char *argv[16] = { (char *)gdstep };
	int argc = 1;
	for (int i = 0; t->argv[i]; i++)
		argv[argc++] = (char *)t->argv[i];
	argv[argc] = NULL;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(out, STDOUT_FILENO);
		dup2(err, STDERR_FILENO);
		int null = open("/dev/null", O_RDONLY);
		dup2(null, STDIN_FILENO);
		/* No display: nothing here may need one. */
		unsetenv("DISPLAY");
		unsetenv("WAYLAND_DISPLAY");
		setenv("LANG", t->lang_env ? t->lang_env : "C", 1);
		unsetenv("LANGUAGE");
		unsetenv("LC_ALL");
		unsetenv("LC_MESSAGES");
		execv(gdstep, argv);
		_exit(127);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	res->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	res->out_len = slurp(out, res->out, sizeof(res->out));
	slurp(err, res->err, sizeof(res->err));
	close(out);
	close(err);
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void check_bad(const struct tcase *t)
{
	static struct result r;
	run_gdstep(t, &r);
	if (r.status != 2)
		fprintf(stderr, "%s: status %d, stderr: %s\n", t->name,
			r.status, r.err);
	CHECK(r.status == 2);
	CHECK(count_lines(r.err) == 1);
	CHECK(strncmp(r.err, "gdstep: ", 8) == 0);
	CHECK(strstr(r.err, t->want) != NULL);
	CHECK(r.out_len == 0);
}

static void check_ok(const struct tcase *t)
{
	static struct result r;
	run_gdstep(t, &r);
	CHECK(r.status == 0);
	CHECK(strstr(r.out, t->want) != NULL);
	CHECK(r.err[0] == '\0');
}

/* The trace's rows parse back to the core's doubles, bit for bit. */
static void check_trace(const struct tcase *t)
{
	static struct result r;
	run_gdstep(t, &r);
	CHECK(r.status == 0);
	struct gd_run *run = NULL;
	struct gd_curve c;
	gd_curve_default(&c, t->kind);
	CHECK(run_init(&run, &c, t->w0, t->rate, t->momentum) == 0);
	char *line = strtok(r.out, "\n"), head[GD_CSV_ROW_MAX];
	CHECK(gd_csv_header(head, sizeof(head), 1, GD_OPTIMIZER_GD) > 0);
	CHECK(strcmp(head, "step,w,E,dEdw,v,delta_w,w_next") == 0);
	CHECK(line && strcmp(line, head) == 0);
	long rows = 0;
	while ((line = strtok(NULL, "\n"))) {
		struct gd_update u;
		CHECK(gd_run_step(run, &u));
		char *p = line;
		CHECK(strtol(p, &p, 10) == rows && *p == ',');
		const double want[] = { u.w[0],     u.E,
					u.grad[0],  u.state[GD_GD_V][0],
					u.delta[0], u.w_next[0] };
		for (int i = 0; i < 6; i++) {
			CHECK(*p == ',');
			double d = strtod(p + 1, &p);
			CHECK(isfinite(d));
			CHECK(same_bits(d, want[i]));
		}
		CHECK(*p == '\0');
		rows++;
	}
	CHECK(rows == t->steps);
}

/* A diverging trace ends at its last finite row and says so on stderr. */
static void check_diverging_trace(const struct tcase *t)
{
	static struct result r;
	run_gdstep(t, &r);
	CHECK(r.status == 0);
	CHECK(strstr(r.err, "diverged") != NULL && count_lines(r.err) == 1);
	int rows = count_lines(r.out) - 1;
	CHECK(rows > 10 && rows < 100);
	CHECK(strstr(r.out, "nan") == NULL && strstr(r.out, "inf") == NULL);
}

#define BAD(n, w, ...)                                                      \
	{                                                                   \
		.name = n, .run = check_bad, .argv = { __VA_ARGS__, NULL }, \
		.want = w                                                   \
	}

static const struct tcase cases[] = {
	BAD("cli-unknown-flag", "--bogus", "--bogus"),
	BAD("cli-unknown-curve", "--curve", "--trace", "--curve", "cone"),
	BAD("cli-formula-column",
	    "--formula: column 5: expected a number or '(' after '+'",
	    "--trace", "--formula", "w + ^2"),
	BAD("cli-formula-unknown-name", "unknown name 'x' (did you mean 'w'?)",
	    "--trace", "--formula", "x^2"),
	BAD("cli-formula-and-curve", "--curve and --formula", "--trace",
	    "--curve", "bowl", "--formula", "w^2"),
	BAD("cli-formula-mixed", "--formula: column 6: 'w' mixes w with w1 and w2",
	    "--trace", "--formula", "w1 + w"),
	BAD("cli-formula2-one-start", "the curve formula2 has two weights",
	    "--trace", "--formula", "w1^2 + w2^2", "--w0", "1"),
	BAD("cli-formula-pair-start", "the curve formula has one weight",
	    "--trace", "--formula", "w^2", "--w0", "1,2"),
	/* A formula in w1 and w2: the two-weight columns; bowl2's numbers. */
	{ .name = "cli-formula2-trace-bowl2",
	  .run = check_ok,
	  .argv = { "--trace", "--formula", "0.5*(w1^2 + 10*w2^2)", "--w0",
		    "-2,1", "--rate", "0.15", "--steps", "2", NULL },
	  .want = "step,w1,w2,E,dEdw1,dEdw2,v1,v2,delta_w1,delta_w2,w1_next,w2_next\n"
		  "0,-2,1,7,-2,10,0.29999999999999999,-1.5,0.29999999999999999,-1.5,-1.7,-0.5\n" },
	/* The bowl's formula gives the bowl's trace, digit for digit. */
	{ .name = "cli-formula-trace-bowl",
	  .run = check_ok,
	  .argv = { "--trace", "--formula", "0.5*2*(w-0)^2", "--w0", "2",
		    "--rate", "0.1", "--steps", "3", NULL },
	  .want = "step,w,E,dEdw,v,delta_w,w_next\n"
		  "0,2,4,4,-0.40000000000000002,-0.40000000000000002,1.6000000000000001\n"
		  "1,1.6000000000000001,2.5600000000000005,3.2000000000000002,-0.32000000000000006,-0.32000000000000006,1.28\n"
		  "2,1.28,1.6384000000000001,2.5600000000000001,-0.25600000000000001,-0.25600000000000001,1.024\n" },
	BAD("cli-missing-value", "--w0", "--trace", "--w0"),
	BAD("cli-rate-abc", "--rate", "--trace", "--rate", "abc"),
	BAD("cli-rate-1e999", "--rate", "--rate", "1e999"),
	BAD("cli-w0-nan", "--w0", "--w0", "nan"),
	BAD("cli-rate-inf", "--rate", "--rate", "inf"),
	BAD("cli-rate-zero", "--rate", "--trace", "--rate", "0"),
	BAD("cli-momentum-one", "--momentum", "--momentum", "1"),
	BAD("cli-steps-negative", "--steps", "--trace", "--steps", "-5"),
	BAD("cli-steps-absurd", "--steps", "--steps", "99999999999"),
	BAD("cli-size-0x0", "--size", "--size", "0x0"),
	BAD("cli-lang", "--lang", "--lang", "klingon"),
	{ .name = "cli-help",
	  .run = check_ok,
	  .argv = { "--help", NULL },
	  .want = "--screenshot FILE" },
	{ .name = "cli-version",
	  .run = check_ok,
	  .argv = { "--version", NULL },
	  .want = "gdstep " },
	{ .name = "cli-trace-bowl",
	  .run = check_trace,
	  .argv = { "--trace", "--steps", "30", NULL },
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.1,
	  .steps = 30 },
	{ .name = "cli-trace-wells-momentum",
	  .run = check_trace,
	  .argv = { "--trace", "--curve", "wells", "--momentum", "0.9",
		    "--steps", "400", NULL },
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .momentum = 0.9,
	  .steps = 400 },
	{ .name = "cli-trace-neuron",
	  .run = check_trace,
	  .argv = { "--trace", "--curve", "neuron", "--steps", "5", NULL },
	  .kind = GD_CURVE_NEURON,
	  .w0 = -0.8,
	  .rate = 0.5,
	  .steps = 5 },
	{ .name = "cli-trace-abs-flags",
	  .run = check_trace,
	  .argv = { "--trace", "--curve=abs", "--w0", "-2.5", "--rate", "0.7",
		    "--steps", "25", NULL },
	  .kind = GD_CURVE_ABS,
	  .w0 = -2.5,
	  .rate = 0.7,
	  .steps = 25 },
	/* Lessons: --scene picks the scene and its planned steps. */
	BAD("cli-scene-50", "--scene 50: this lesson ends at scene 18",
	    "--trace", "--scene", "50"),
	/* The same checks before any window opens (no display here). */
	BAD("cli-scene-50-window", "--scene 50: this lesson ends at scene 18",
	    "--scene", "50"),
	BAD("cli-lesson-typo-window", "typo.ini:4: unknown key 'rat'",
	    CASES "typo.ini"),
	BAD("cli-lesson-typo",
	    "lesson-cases/typo.ini:4: unknown key 'rat' (did you mean 'rate'?)",
	    "--trace", CASES "typo.ini"),
	BAD("cli-lesson-not-utf8", "latin1.ini:4: the file is not UTF-8 text",
	    "--trace", CASES "latin1.ini"),
	BAD("cli-lesson-missing", "missing.ini: cannot open the lesson: ",
	    "--trace", CASES "missing.ini"),
	BAD("cli-lesson-scene-beyond",
	    "example.ini: --scene 9: this lesson ends at scene 3", "--trace",
	    "--scene", "9", LESSONS "example.ini"),
	{ .name = "cli-trace-scene-4",
	  .run = check_trace,
	  .argv = { "--trace", "--scene", "4", NULL },
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.8,
	  .steps = 12 },
	{ .name = "cli-trace-scene-10",
	  .run = check_trace,
	  .argv = { "--trace", "--scene", "10", NULL },
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .momentum = 0.9,
	  .steps = 150 },
	{ .name = "cli-trace-scene-override",
	  .run = check_trace,
	  .argv = { "--trace", "--scene", "4", "--rate", "0.3", "--steps", "9",
		    NULL },
	  .kind = GD_CURVE_BOWL,
	  .w0 = 2,
	  .rate = 0.3,
	  .steps = 9 },
	{ .name = "cli-trace-lesson-file",
	  .run = check_trace,
	  .argv = { "--trace", LESSONS "example.ini", "--scene", "2", NULL },
	  .kind = GD_CURVE_WELLS,
	  .w0 = 1.8,
	  .rate = 0.02,
	  .momentum = 0.9,
	  .steps = 150 },
	{ .name = "cli-trace-builtin-file",
	  .run = check_trace,
	  .argv = { "--trace", LESSONS "gradient-descent.ini", "--scene", "7",
		    NULL },
	  .kind = GD_CURVE_ABS,
	  .w0 = 3,
	  .rate = 0.3,
	  .steps = 14 },
	{ .name = "cli-trace-diverges",
	  .run = check_diverging_trace,
	  .argv = { "--trace", "--rate", "1.5", "--steps", "1000", NULL } },
	/* The locale picks Chinese even where no zh_CN locale is installed;
	 * --lang en overrides it, even for an error in the options. */
	{ .name = "cli-zh-help",
	  .run = check_ok,
	  .argv = { "--help", NULL },
	  .want = "用法：gdstep",
	  .lang_env = "zh_CN.UTF-8" },
	{ .name = "cli-zh-bad-flag",
	  .run = check_bad,
	  .argv = { "--rate", "abc", NULL },
	  .want = "不是数字",
	  .lang_env = "zh_CN.UTF-8" },
	{ .name = "cli-zh-lang-en-help",
	  .run = check_ok,
	  .argv = { "--lang", "en", "--help", NULL },
	  .want = "Usage: gdstep",
	  .lang_env = "zh_CN.UTF-8" },
	{ .name = "cli-zh-lang-en-bad-flag",
	  .run = check_bad,
	  .argv = { "--lang=en", "--rate", "abc", NULL },
	  .want = "is not a number",
	  .lang_env = "zh_CN.UTF-8" },
	{ .name = "cli-lang-zh-in-c-locale",
	  .run = check_bad,
	  .argv = { "--lang", "zh", "--bogus", NULL },
	  .want = "未知的选项" },
	{ .name = "cli-unknown-locale-is-english",
	  .run = check_ok,
	  .argv = { "--help", NULL },
	  .want = "Usage: gdstep",
	  .lang_env = "fr_FR.UTF-8" },
};

int main(int argc, char *argv[])
{
	gdstep = getenv("GDSTEP");
	if (!gdstep) {
		fprintf(stderr, "set GDSTEP to the gdstep binary\n");
		return 1;
	}
	HARNESS_MAIN(cases, argc, argv);
}
