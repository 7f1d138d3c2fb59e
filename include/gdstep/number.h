/*
 * The one number parser: flags and lesson files read numbers through it,
 * so the same spellings are accepted or refused everywhere.
 */
#ifndef GDSTEP_NUMBER_H
#define GDSTEP_NUMBER_H

/*
 * The spelling both accept, in flags and lesson files alike: spaces or
 * tabs around the number are ignored; then an optional sign (+ or -) and
 * decimal digits, with (for a double) a point and an exponent ("1.5e-3").
 * Nothing else: no hexadecimal ("0x10"), no "inf" or "nan", no text after.
 */

/*
 * Parses a whole decimal number for a value, as above: not NaN, not
 * infinite, not overflowing. Returns 0, or -EINVAL (not a number) or
 * -ERANGE (overflow).
 */
int gd_parse_double(const char *text, double *out);

/*
 * Parses a whole decimal integer in [lo, hi]. Returns 0, or -EINVAL (not
 * an integer) or -ERANGE (outside the range).
 */
int gd_parse_long(const char *text, long lo, long hi, long *out);

#endif
