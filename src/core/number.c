/* The one number parser; see include/gdstep/number.h. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include <gdstep/number.h>

int gd_parse_double(const char *text, double *out)
{
	if (!text || !*text)
		return -EINVAL;
	char *end;
	errno = 0;
	double d = strtod(text, &end);
	if (end == text || *end != '\0')
		return -EINVAL;
	/* strtod reads "nan" and "inf" as numbers: they are not values here. */
	if (!isfinite(d) || (errno == ERANGE && fabs(d) > 1))
		return -ERANGE;
	/* Underflow to a denormal or 0 is a tiny number, not an error. */
	*out = d;
	return 0;
}

int gd_parse_long(const char *text, long lo, long hi, long *out)
{
	if (!text || !*text)
		return -EINVAL;
	char *end;
	errno = 0;
	long n = strtol(text, &end, 10);
	if (end == text || *end != '\0')
		return -EINVAL;
	if (errno == ERANGE || n < lo || n > hi)
		return -ERANGE;
	*out = n;
	return 0;
}
