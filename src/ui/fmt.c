/* Display formatting of numbers; see fmt.h. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

static const char *const superscript[10] = {
	"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
};

/* Appends s to buf (of size bytes, holding len) if it fits. */
static void put(char *buf, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s);
	if (*len + n + 1 > size)
		return;
	memcpy(buf + *len, s, n + 1);
	*len += n;
}

/* Rewrites printf's ASCII ("-1.5e-05") with typographic signs
 * ("−1.5×10⁻⁵"). A minus in front of nothing but zeros is dropped. */
static char *pretty(char *buf, size_t size, const char *ascii)
{
	size_t len = 0;
	buf[0] = '\0';
	bool nonzero = strpbrk(ascii, "123456789") != NULL;
	const char *e = strchr(ascii, 'e');
	for (const char *p = ascii; *p && (!e || p < e); p++) {
		char c[2] = { *p, '\0' };
		if (*p == '-')
			put(buf, size, &len, nonzero ? "−" : "");
		else
			put(buf, size, &len, c);
	}
	if (!e)
		return buf;
	put(buf, size, &len, "×10");
	const char *p = e + 1;
	if (*p == '-')
		put(buf, size, &len, "⁻");
	if (*p == '-' || *p == '+')
		p++;
	while (*p == '0' && p[1])
		p++;
	for (; *p >= '0' && *p <= '9'; p++)
		put(buf, size, &len, superscript[*p - '0']);
	return buf;
}

/* Decimals that give |x| (below 10⁶) three significant digits, at least
 * three. */
static int decimals(double a)
{
	return a >= 0.1 ? 3 : 2 - (int)floor(log10(a));
}

/* x in fixed notation with decimals(|x|), judged on the value as rounded:
 * 0.09999 is "0.100" as 0.1 is, not "0.1000". */
static void fixed(char *ascii, size_t size, double x)
{
	int d = decimals(fabs(x));
	snprintf(ascii, size, "%.*f", d, x);
	double r = fabs(strtod(ascii, NULL));
	if (r > 0 && decimals(r) != d)
		snprintf(ascii, size, "%.*f", decimals(r), x);
}

char *app_fmt_value(char *buf, size_t size, double x)
{
	char ascii[APP_FMT_MAX];
	double a = fabs(x);
	if (!isfinite(x))
		snprintf(ascii, sizeof(ascii), "—");
	else if (a == 0)
		snprintf(ascii, sizeof(ascii), "0.000");
	else if (a < 1e-4 || a >= 1e6)
		snprintf(ascii, sizeof(ascii), "%.3e", x);
	else
		fixed(ascii, sizeof(ascii), x);
	return pretty(buf, size, ascii);
}

char *app_fmt_paren(char *buf, size_t size, double x)
{
	char v[APP_FMT_MAX];
	app_fmt_value(v, sizeof(v), x);
	if (strncmp(v, "−", strlen("−")) == 0)
		snprintf(buf, size, "(%s)", v);
	else
		snprintf(buf, size, "%s", v);
	return buf;
}

char *app_fmt_param(char *buf, size_t size, double x)
{
	char ascii[APP_FMT_MAX];
	if (!isfinite(x))
		snprintf(ascii, sizeof(ascii), "—");
	else
		snprintf(ascii, sizeof(ascii), "%.6g", x == 0 ? 0.0 : x);
	return pretty(buf, size, ascii);
}

char *app_fmt_tick(char *buf, size_t size, double x, double step)
{
	if (!isfinite(x) || !(step > 0) || !isfinite(step) || x == 0)
		return app_fmt_param(buf, size, x);
	/* The digits from x's leading one down to step's. */
	int sig = (int)floor(log10(fabs(x))) - (int)floor(log10(step)) + 1;
	if (sig <= 6)
		return app_fmt_param(buf, size, x);
	return app_fmt_sig(buf, size, x, sig);
}

char *app_fmt_sig(char *buf, size_t size, double x, int sig)
{
	char ascii[APP_FMT_MAX];
	sig = sig < 2 ? 2 : sig > 15 ? 15 : sig;
	if (!isfinite(x))
		snprintf(ascii, sizeof(ascii), "—");
	else
		snprintf(ascii, sizeof(ascii), "%.*g", sig, x == 0 ? 0.0 : x);
	return pretty(buf, size, ascii);
}
