/* --trace: the iteration table as CSV on stdout, no window. The run is the
 * starting scene of the lesson the command line asks for (the built-in
 * lesson's first scene when nothing is given). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gdstep/csv.h>
#include <gdstep/lesson.h>
#include <gdstep/run.h>

#include "cli.h"
#include "front.h"

/* Updates of a trace when neither --steps nor the scene plans them. */
#define TRACE_DEFAULT_STEPS 20

/* Prints the header and up to steps rows; says so on stderr when the run
 * diverges first. */
static void print_rows(struct gd_run *run, long steps, enum app_lang lang)
{
	char row[GD_CSV_ROW_MAX], msg[256];
	if (gd_csv_header(row, sizeof(row), run->dim, run->opt.kind) > 0)
		printf("%s\n", row);
	struct gd_update u;
	for (long i = 0; i < steps; i++) {
		if (!gd_run_step(run, &u) && gd_run_left_domain(run)) {
			snprintf(msg, sizeof(msg),
				 app_tr(lang,
					"left the domain at step %ld: E or its slope is not a number at the next w; the table ends at the last row where it is"),
				 run->step);
			app_message(msg);
			return;
		}
		if (run->status == GD_STATUS_DIVERGED) {
			snprintf(msg, sizeof(msg),
				 app_tr(lang,
					"diverged at step %ld: the next update leaves the finite range; the table ends at the last finite row"),
				 run->step);
			app_message(msg);
			return;
		}
		int n = gd_csv_format(row, sizeof(row), &u, run->dim);
		if (n > 0)
			fwrite(row, 1, (size_t)n, stdout);
	}
}

int app_trace(const struct gd_options *opts)
{
	enum app_lang lang = opts->ui_lang;
	struct gd_lesson lesson;
	int start;
	int r = app_load_lesson(opts, &lesson, &start);
	if (r != 0)
		return r;
	const struct gd_scene *s = &lesson.scenes[start];
	struct gd_run *run;
	int k = opts->run ? opts->run - 1 : 0;
	if (k >= gd_scene_runs(s))
		k = 0;
	r = gd_run_create(&run, &s->curve, s->w0, gd_scene_optim(s, k));
	long planned = s->steps;
	gd_lesson_finish(&lesson);
	if (r < 0) {
		app_message(r == -ENOMEM ?
				    strerror(ENOMEM) :
				    app_tr(lang, "the run's start is not valid"));
		return r == -ENOMEM ? 1 : 2;
	}
	/* Rows go out through a large buffer: a million of them is a stream,
	 * not a table kept in memory. */
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	long steps = opts->has_steps               ? opts->steps :
		     planned != GD_SCENE_UNPLANNED ? planned :
						     TRACE_DEFAULT_STEPS;
	print_rows(run, steps, lang);
	gd_run_destroy(run);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		char msg[256];
		snprintf(msg, sizeof(msg),
			 app_tr(lang, "writing the trace: %s"), strerror(errno));
		app_message(msg);
		return 1;
	}
	return 0;
}
