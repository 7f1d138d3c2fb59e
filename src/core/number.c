/* The one number parser; see include/gdstep/number.h. */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/number.h>

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether text, less the spaces around it, holds only the characters of
 * a decimal number (digits, and for a double . e E and signs) with a
 * digit; *start gets where it begins. */
static bool decimal(const char *text, bool integer, const char **start)
{
	while (blank(*text))
		text++;
	*start = text;
	const char *p = text;
	bool digit = false;
	if (*p == '+' || *p == '-')
		p++;
	for (; *p && !blank(*p); p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (integer || !strchr(".eE+-", *p))
			return false;
	}
	while (blank(*p))
		p++;
	return digit && *p == '\0';
}

/* Whether end, where strtod or strtol stopped, leaves only spaces. */
static bool only_blanks(const char *end)
{
	while (blank(*end))
		end++;
	return *end == '\0';
}

/* "nan", "inf", "infinity" in any case, signed or not: a spelling of a
 * number that is not a value. */
static bool not_finite(const char *p)
{
	while (blank(*p))
		p++;
	if (*p == '+' || *p == '-')
		p++;
	char w[9] = "";
	size_t n = 0;
	while (n < sizeof(w) - 1 && p[n] && !blank(p[n])) {
		w[n] = (char)(p[n] | 0x20);
		n++;
	}
	w[n] = '\0';
	while (blank(p[n]))
		n++;
	return p[n] == '\0' && (strcmp(w, "nan") == 0 || strcmp(w, "inf") == 0 ||
				strcmp(w, "infinity") == 0);
}

int gd_parse_double(const char *text, double *out)
{
	const char *start;
	if (text && not_finite(text))
		return -ERANGE;
	if (!text || !decimal(text, false, &start))
		return -EINVAL;
	char *end;
	errno = 0;
	double d = strtod(start, &end);
	if (end == start || !only_blanks(end))
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
	const char *start;
	if (!text || !decimal(text, true, &start))
		return -EINVAL;
	char *end;
	errno = 0;
	long n = strtol(start, &end, 10);
	if (end == start || !only_blanks(end))
		return -EINVAL;
	if (errno == ERANGE || n < lo || n > hi)
		return -ERANGE;
	*out = n;
	return 0;
}
