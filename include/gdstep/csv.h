/*
 * The iteration table as CSV: header `step,w,E,dEdw,v,delta_w,w_next`, one
 * row per update, every number printed with %.17g so that strtod gives back
 * the same double.
 */
#ifndef GDSTEP_CSV_H
#define GDSTEP_CSV_H

#include <stddef.h>

#include <gdstep/run.h>

/* The header line, without a newline. */
const char *gd_csv_header(void);

/*
 * Formats one update as a row ending in '\n' into buf. Returns the length
 * written (not counting the NUL), or -ERANGE if size is too small. A
 * GD_CSV_ROW_MAX-byte buffer is always large enough.
 */
#define GD_CSV_ROW_MAX 256
int gd_csv_format(char *buf, size_t size, const struct gd_update *update);

#endif
