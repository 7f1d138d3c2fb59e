/*
 * The one number parser: flags and lesson files read numbers through it,
 * so the same spellings are accepted or refused everywhere.
 */
#ifndef GDSTEP_NUMBER_H
#define GDSTEP_NUMBER_H

/*
 * Parses a whole decimal number for a value: no trailing text, not NaN,
 * not infinite, not overflowing. Returns 0, or -EINVAL (not a number) or
 * -ERANGE (overflow, NaN or infinity).
 */
int gd_parse_double(const char *text, double *out);

/*
 * Parses a whole decimal integer in [lo, hi]. Returns 0, or -EINVAL (not
 * an integer) or -ERANGE (outside the range).
 */
int gd_parse_long(const char *text, long lo, long hi, long *out);

#endif
