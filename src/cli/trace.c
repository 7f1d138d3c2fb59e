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
#include "intl.h"

/* Updates of a trace when neither --steps nor the scene plans them. */
#define TRACE_DEFAULT_STEPS 20

int app_trace(const struct gd_options *opts)
{
	struct gd_lesson lesson;
	int start;
	int r = app_load_lesson(opts, &lesson, &start);
	if (r != 0)
		return r;
	const struct gd_scene *s = &lesson.scenes[start];
	static struct gd_run run;
	r = gd_run_init(&run, &s->curve, s->w0, s->rate, s->momentum);
	long planned = s->steps;
	gd_lesson_finish(&lesson);
	if (r < 0) {
		app_message(_("the run's start is not valid"));
		return 2;
	}
	/* Rows go out through a large buffer: a million of them is a stream,
	 * not a table kept in memory. */
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	printf("%s\n", gd_csv_header());
	long steps = opts->has_steps ? opts->steps :
		     planned != GD_SCENE_UNPLANNED ? planned : TRACE_DEFAULT_STEPS;
	char row[GD_CSV_ROW_MAX];
	struct gd_update u;
	for (long i = 0; i < steps; i++) {
		if (!gd_run_step(&run, &u)) {
			fprintf(stderr, "gdstep: ");
			fprintf(stderr,
				_("diverged at step %ld: the next update leaves the finite range; the table ends at the last finite row"),
				run.step);
			fputc('\n', stderr);
			break;
		}
		int n = gd_csv_format(row, sizeof(row), &u);
		if (n > 0)
			fwrite(row, 1, (size_t)n, stdout);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gdstep: ");
		fprintf(stderr, _("writing the trace: %s"), strerror(errno));
		fputc('\n', stderr);
		return 1;
	}
	return 0;
}
