/* The UTF-8 walker: decoding, counting, cutting and checking, on
 * well-formed text and on every kind of malformed byte. */
#include <string.h>

#include <gdstep/utf8.h>

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *text;
	unsigned want[8]; /* code points decoded, 0-terminated */
	size_t bad;       /* gd_utf8_check's answer */
};

static void check_decode(const struct tcase *t)
{
	const char *p = t->text;
	int i = 0;
	while (*p) {
		CHECK(i < 8 && t->want[i] != 0);
		unsigned c = gd_utf8_next(&p);
		CHECK(c == t->want[i]);
		i++;
	}
	CHECK(i == 8 || t->want[i] == 0);
	CHECK(gd_utf8_check(t->text, strlen(t->text)) == t->bad);
}

static void check_count_cut(const struct tcase *t)
{
	(void)t;
	const char *s = "Δw = 梯度"; /* Δ is 2 bytes, each Chinese 3 */
	CHECK(gd_utf8_count(s) == 7);
	CHECK(gd_utf8_cut(s, strlen(s), 1) == 0); /* inside Δ */
	CHECK(gd_utf8_cut(s, strlen(s), 2) == 2);
	CHECK(gd_utf8_cut(s, strlen(s), 8) == 6); /* inside 梯 */
	CHECK(gd_utf8_cut(s, strlen(s), 9) == 9);
	CHECK(gd_utf8_cut(s, strlen(s), 99) == strlen(s));
	CHECK(!gd_utf8_is_continuation('A') && gd_utf8_is_continuation(0x80));
}

static const struct tcase cases[] = {
	{ .name = "utf8-ascii",
	  .run = check_decode,
	  .text = "w=2",
	  .want = { 'w', '=', '2' },
	  .bad = 3 },
	{ .name = "utf8-two-three-four",
	  .run = check_decode,
	  .text = "Δ梯\xF0\x9F\x98\x80",
	  .want = { 0x394, 0x68AF, 0x1F600 },
	  .bad = 9 },
	{ .name = "utf8-stray-continuation",
	  .run = check_decode,
	  .text = "a\x80"
		  "b",
	  .want = { 'a', GD_UTF8_BAD, 'b' },
	  .bad = 1 },
	{ .name = "utf8-overlong",
	  .run = check_decode,
	  .text = "\xC0\xAF",
	  .want = { GD_UTF8_BAD, GD_UTF8_BAD },
	  .bad = 0 },
	{ .name = "utf8-overlong-3",
	  .run = check_decode,
	  .text = "\xE0\x80\xAF",
	  .want = { GD_UTF8_BAD, GD_UTF8_BAD, GD_UTF8_BAD },
	  .bad = 0 },
	{ .name = "utf8-surrogate",
	  .run = check_decode,
	  .text = "x\xED\xA0\x80",
	  .want = { 'x', GD_UTF8_BAD, GD_UTF8_BAD, GD_UTF8_BAD },
	  .bad = 1 },
	{ .name = "utf8-past-max",
	  .run = check_decode,
	  .text = "\xF4\x90\x80\x80",
	  .want = { GD_UTF8_BAD, GD_UTF8_BAD, GD_UTF8_BAD, GD_UTF8_BAD },
	  .bad = 0 },
	{ .name = "utf8-truncated",
	  .run = check_decode,
	  .text = "\xE6\xA2",
	  .want = { GD_UTF8_BAD, GD_UTF8_BAD },
	  .bad = 0 },
	{ .name = "utf8-count-cut", .run = check_count_cut },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
