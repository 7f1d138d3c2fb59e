/* --trace: the iteration table as CSV on stdout, no window. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gdstep/csv.h>
#include <gdstep/run.h>

#include "app.h"

/* Planned updates of a trace when --steps is not given. */
#define TRACE_DEFAULT_STEPS 20

int app_trace(const struct gd_options *opts)
{
	enum gd_curve_kind kind = opts->has_curve ? opts->curve : GD_CURVE_BOWL;
	struct gd_curve curve;
	gd_curve_default(&curve, kind);
	struct gd_curve_start s = gd_curve_start_default(kind);
	static struct gd_run run;
	if (gd_run_init(&run, &curve, opts->has_w0 ? opts->w0 : s.w0,
			opts->has_rate ? opts->rate : s.rate,
			opts->has_momentum ? opts->momentum : s.momentum) < 0) {
		app_message("the run's start is not valid");
		return 2;
	}
	/* Rows go out through a large buffer: a million of them is a stream,
	 * not a table kept in memory. */
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	printf("%s\n", gd_csv_header());
	long steps = opts->has_steps ? opts->steps : TRACE_DEFAULT_STEPS;
	char row[GD_CSV_ROW_MAX];
	struct gd_update u;
	for (long i = 0; i < steps; i++) {
		if (!gd_run_step(&run, &u)) {
			fprintf(stderr,
				"gdstep: diverged at step %ld: the next update leaves the finite range; the table ends at the last finite row\n",
				run.step);
			break;
		}
		int n = gd_csv_format(row, sizeof(row), &u);
		if (n > 0)
			fwrite(row, 1, (size_t)n, stdout);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gdstep: writing the trace: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}

