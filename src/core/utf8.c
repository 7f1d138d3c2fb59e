/* The one UTF-8 walker; see include/gdstep/utf8.h. Well-formed means
 * RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF. */
#include <gdstep/utf8.h>

bool gd_utf8_is_continuation(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* The length of the well-formed character at s (at most avail bytes), or
 * 0 if none starts there. */
static size_t well_formed(const unsigned char *s, size_t avail)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	unsigned lo = 0x80, hi = 0xBF;
	if (c == 0xE0)
		lo = 0xA0; /* overlong */
	else if (c == 0xED)
		hi = 0x9F; /* surrogates */
	else if (c == 0xF0)
		lo = 0x90; /* overlong */
	else if (c == 0xF4)
		hi = 0x8F; /* past U+10FFFF */
	if (n > avail || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < n; k++)
		if (!gd_utf8_is_continuation(s[k]))
			return 0;
	return n;
}

unsigned gd_utf8_next(const char **s)
{
	const unsigned char *u = (const unsigned char *)*s;
	/* A NUL among the continuation bytes stops the sequence there. */
	size_t avail = 1;
	while (avail < 4 && u[avail - 1] && u[avail])
		avail++;
	size_t n = well_formed(u, avail);
	if (n == 0) {
		(*s)++;
		return GD_UTF8_BAD;
	}
	unsigned c = n == 1 ? u[0] : u[0] & (0x7Fu >> n);
	for (size_t k = 1; k < n; k++)
		c = c << 6 | (u[k] & 0x3Fu);
	*s += n;
	return c;
}

size_t gd_utf8_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += !gd_utf8_is_continuation((unsigned char)*s);
	return n;
}

size_t gd_utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && gd_utf8_is_continuation((unsigned char)s[max]))
		max--;
	return max;
}

size_t gd_utf8_check(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		size_t n = well_formed(u + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}
