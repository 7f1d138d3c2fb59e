/*
 * The iteration table as CSV, one row per update, every number printed
 * with %.17g so that strtod gives back the same double. The columns:
 *   one weight:  step,w,E,dEdw,<state>,delta_w,w_next
 *   two weights: step,w1,w2,E,dEdw1,dEdw2,<state>,delta_w1,delta_w2,
 *                w1_next,w2_next
 * where <state> is each of the optimizer's state vectors after the step,
 * by the name its row gives (gd: v), with 1 and 2 appended for two weights.
 */
#ifndef GDSTEP_CSV_H
#define GDSTEP_CSV_H

#include <stddef.h>

#include <gdstep/run.h>

/* A GD_CSV_ROW_MAX-byte buffer always holds a header or a row. */
#define GD_CSV_ROW_MAX 1024

/*
 * Writes the header line for a run of dim weights with optimizer kind,
 * without a newline. Returns its length, or -ERANGE if size is too small,
 * -EINVAL for a bad dim or kind.
 */
int gd_csv_header(char *buf, size_t size, int dim, enum gd_optimizer_kind kind);

/*
 * Formats one update of a run of dim weights as a row ending in '\n' into
 * buf. Returns the length written (not counting the NUL), or -ERANGE if
 * size is too small.
 */
int gd_csv_format(char *buf, size_t size, const struct gd_update *update, int dim);

#endif
