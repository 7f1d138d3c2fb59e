/* The one UTF-8 walker; see include/gdstep/utf8.h. Well-formed means
 * RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF. */
#include <string.h>

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

/* The escape of one byte, "" when it needs none. */
static void escape_byte(unsigned char c, char out[5])
{
	out[0] = '\0';
	if (c == '\n' || c == '\t' || c == '\r') {
		out[0] = '\\';
		out[1] = c == '\n' ? 'n' : c == '\t' ? 't' : 'r';
		out[2] = '\0';
	} else if (c < 0x20 || c == 0x7f) {
		static const char hex[] = "0123456789abcdef";
		out[0] = '\\', out[1] = 'x', out[2] = hex[c >> 4];
		out[3] = hex[c & 15], out[4] = '\0';
	}
}

char *gd_utf8_quote(char *buf, size_t size, const char *text, size_t max_bytes)
{
	if (max_bytes + 4 > size)
		max_bytes = size > 4 ? size - 4 : 0;
	size_t n = 0;
	bool cut = false;
	for (const char *p = text; *p; p++) {
		char e[5];
		escape_byte((unsigned char)*p, e);
		size_t len = e[0] ? strlen(e) : 1;
		if (n + len > max_bytes) {
			cut = true;
			break;
		}
		memcpy(buf + n, e[0] ? e : p, len);
		n += len;
	}
	if (cut) {
		/* A character the cut split is dropped whole. */
		size_t k = n;
		while (k > 0 && gd_utf8_is_continuation((unsigned char)buf[k - 1]))
			k--;
		if (k > 0 && gd_utf8_check(buf + k - 1, n - k + 1) != n - k + 1)
			n = k - 1;
		memcpy(buf + n, "\xE2\x80\xA6", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}
