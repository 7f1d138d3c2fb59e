/* The lesson files' INI reader (src/lesson/ini.c): each case reads a text
 * and compares every line it gives, written as "NUMBER KIND BYTES
 * name=value|" (KIND: . blank or comment, S section, K key,
 * C continuation, [ a section without ']', ! not INI). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ini.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	const char *text;
	size_t len; /* of text, when it holds a NUL; else 0 */
	const char *want;
};

/* Every line of text, written as above into out (size bytes); false if
 * it does not fit. */
static bool read_all(const char *text, size_t len, char *out, size_t size)
{
	static const char kinds[] = {
		[INI_BLANK] = '.',       [INI_SECTION] = 'S',
		[INI_KEY] = 'K',         [INI_CONTINUATION] = 'C',
		[INI_BAD_SECTION] = '[', [INI_BAD_LINE] = '!',
	};
	struct ini_reader r;
	struct ini_line l;
	size_t used = 0;
	bool fits = true;
	if (lesson_ini_init(&r, text, len) < 0)
		return false;
	out[0] = '\0';
	while (fits && lesson_ini_next(&r, &l)) {
		int n = snprintf(out + used, size - used, "%d %c %zu %s=%s|",
				 l.number, kinds[l.kind], l.bytes, l.name,
				 l.value);
		fits = n >= 0 && (size_t)n < size - used;
		used += fits ? (size_t)n : 0;
	}
	/* The end stays the end. */
	fits = fits && !lesson_ini_next(&r, &l);
	lesson_ini_finish(&r);
	return fits;
}

static void check_lines(const struct tcase *t)
{
	static char got[65536];
	size_t len = t->len ? t->len : strlen(t->text);
	CHECK(read_all(t->text, len, got, sizeof(got)));
	if (strcmp(got, t->want))
		fprintf(stderr, "%s:\n  want %s\n  got  %s\n", t->name, t->want,
			got);
	CHECK(strcmp(got, t->want) == 0);
}

/* A key line of n bytes of value, and the text of the line read back. */
static void check_long(const struct tcase *t)
{
	(void)t;
	static char text[100000], got[100000], want[100000];
	for (size_t n = 150; n <= 90000; n = n * 3 + 1) {
		strcpy(text, "caption = ");
		memset(text + 10, 'x', n);
		strcpy(text + 10 + n, "\n  and more\n");
		CHECK(read_all(text, strlen(text), got, sizeof(got)));
		snprintf(want, sizeof(want),
			 "1 K %zu caption=%.*s|2 C 11 =and more|", n + 11,
			 (int)n, text + 10);
		CHECK(strcmp(got, want) == 0);
	}
}

/* A caption of 300 Chinese characters (900 bytes) on one line, and 300
 * more on an indented line, CRLF. */
static void check_chinese(const struct tcase *t)
{
	(void)t;
	static char text[4000], got[4000], want[4000], zh[1000];
	zh[0] = '\0';
	for (int i = 0; i < 300; i++)
		strcat(zh, i % 2 ? "降" : "梯");
	CHECK(strlen(zh) == 900);
	snprintf(text, sizeof(text), "[scene]\r\ncaption.zh = %s\r\n\t%s\r\n",
		 zh, zh);
	CHECK(read_all(text, strlen(text), got, sizeof(got)));
	snprintf(want, sizeof(want),
		 "1 S 9 scene=|2 K 915 caption.zh=%s|3 C 903 =%s|", zh, zh);
	if (strcmp(got, want))
		fprintf(stderr, "got %s\n", got);
	CHECK(strcmp(got, want) == 0);
}

/* The reader owns its copy: the text may go once it has begun. */
static void check_copy(const struct tcase *t)
{
	(void)t;
	char text[] = "a = b\n";
	struct ini_reader r;
	struct ini_line l;
	CHECK(lesson_ini_init(&r, text, strlen(text)) == 0);
	memset(text, 'z', strlen(text));
	CHECK(lesson_ini_next(&r, &l));
	bool same = strcmp(l.name, "a") == 0 && strcmp(l.value, "b") == 0;
	lesson_ini_finish(&r);
	lesson_ini_finish(&r);
	lesson_ini_finish(NULL);
	CHECK(same);
	/* No text at all, and a NULL text of length 0. */
	CHECK(lesson_ini_init(&r, NULL, 0) == 0);
	CHECK(!lesson_ini_next(&r, &l));
	lesson_ini_finish(&r);
}

#define LINES(n, txt, w)                                              \
	{                                                             \
		.name = n, .run = check_lines, .text = txt, .want = w \
	}
#define LINES_LEN(n, txt, w)                                \
	{                                                   \
		.name = n, .run = check_lines, .text = txt, \
		.len = sizeof(txt) - 1, .want = w           \
	}

static const struct tcase cases[] = {
	LINES("ini-empty-file", "", ""),
	LINES("ini-one-newline", "\n", "1 . 1 =|"),
	LINES("ini-section-key", "[scene]\ncurve = bowl\n",
	      "1 S 8 scene=|2 K 13 curve=bowl|"),
	LINES("ini-no-final-newline", "[scene]\ncurve = bowl",
	      "1 S 8 scene=|2 K 12 curve=bowl|"),
	LINES("ini-crlf", "[scene]\r\ncurve = bowl\r\ncaption = a\r\n  b\r\n",
	      "1 S 9 scene=|2 K 14 curve=bowl|3 K 13 caption=a|4 C 5 =b|"),
	LINES("ini-colon", "a: b\n", "1 K 5 a=b|"),
	LINES("ini-equals-in-value", "a = b = c\n", "1 K 10 a=b = c|"),
	LINES("ini-spaces-and-tabs", "\t a \t=\t b c \t\n", "1 K 14 a=b c|"),
	LINES("ini-empty-value", "a =\n", "1 K 4 a=|"),
	LINES("ini-comments", "; one\n# two\n   ; three\n",
	      "1 . 6 =|2 . 6 =|3 . 11 =|"),
	LINES("ini-inline-comment", "a = b ;c\nd = e;f\ng =;h\ni = ;j\n",
	      "1 K 9 a=b|2 K 8 d=e;f|3 K 6 g=;h|4 K 7 i=|"),
	LINES("ini-hash-inside", "a = #1\n", "1 K 7 a=#1|"),
	LINES("ini-continuation", "caption = one\n  two ; a comment\n\tthree\n",
	      "1 K 14 caption=one|2 C 18 =two|3 C 7 =three|"),
	LINES("ini-continuation-over-blank-and-comment",
	      "x = 1\n\n; note\n  2\n", "1 K 6 x=1|2 . 1 =|3 . 7 =|4 C 4 =2|"),
	LINES("ini-continuation-after-bad-line", "x = 1\noops\n  2\n",
	      "1 K 6 x=1|2 ! 5 =|3 C 4 =2|"),
	LINES("ini-indented-before-any-key", "  a = 1\n  b = 2\n",
	      "1 K 8 a=1|2 C 8 =b = 2|"),
	LINES("ini-indented-after-section", "a = 1\n[s]\n  b = 2\n",
	      "1 K 6 a=1|2 S 4 s=|3 K 8 b=2|"),
	LINES("ini-indented-section-continues", "a = 1\n  [s]\n",
	      "1 K 6 a=1|2 C 6 =[s]|"),
	LINES("ini-empty-name-no-continuation", "= v\n  w = 1\n",
	      "1 K 4 =v|2 K 8 w=1|"),
	LINES("ini-section-name-kept", "[ scene ] tail\n", "1 S 15  scene =|"),
	LINES("ini-section-empty", "[]\n", "1 S 3 =|"),
	LINES("ini-bad-section", "[scene\n[a ;b]\n", "1 [ 7 =|2 [ 7 =|"),
	LINES("ini-bad-line", "rate 0.1\n", "1 ! 9 =|"),
	LINES("ini-bom", "\xEF\xBB\xBF[scene]\n", "1 S 11 scene=|"),
	LINES("ini-bom-alone", "\xEF\xBB\xBF", "1 . 3 =|"),
	LINES("ini-bom-only-line-one",
	      "a = 1\n\xEF\xBB\xBF"
	      "b = 2\n",
	      "1 K 6 a=1|2 K 9 \xEF\xBB\xBF"
	      "b=2|"),
	LINES("ini-bom-partial",
	      "\xEF\xBB"
	      "a = 1\n",
	      "1 K 8 \xEF\xBB"
	      "a=1|"),
	LINES("ini-lone-cr", "a = b\rc\n", "1 K 8 a=b\rc|"),
	LINES("ini-cr-only", "\r\n\r\n", "1 . 2 =|2 . 2 =|"),
	LINES_LEN("ini-nul-byte", "a = b\0c\nd = e\n", "1 K 8 a=b|2 K 6 d=e|"),
	LINES_LEN("ini-nul-line", "\0x\n[s]", "1 . 3 =|2 S 3 s=|"),
	LINES("ini-utf8-key-and-value", "标题 = 梯度下降\n",
	      "1 K 22 标题=梯度下降|"),
	{ .name = "ini-long-lines", .run = check_long },
	{ .name = "ini-chinese-caption-300", .run = check_chinese },
	{ .name = "ini-own-copy", .run = check_copy },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
