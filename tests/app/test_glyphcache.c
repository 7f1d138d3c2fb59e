/*
 * The glyph cache file alone (src/window/glyphcache.h): what is added is
 * found again after a save and a read, bitmap for bitmap; a file of
 * another version, or glyphs of a font file that changed, are not used;
 * a file cut short, or with any byte changed, is not used (and, with
 * its sum made right, is read without a fault and never yields a bitmap
 * outside itself); the file stays under its cap;
 * a directory that cannot be written is no error the user sees.
 */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "glyphcache.h"

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
};

#define VERSION 0x01020d02u

static const struct app_gcache_id font_a = { 757076, 1690000000, 123456789,
					     4242, 2049 };
static const struct app_gcache_id font_b = { 1200, 1690000001, 5, 4243, 2049 };

/* Glyph number i's bitmap: a pattern of its own, w × rows. */
static void pattern(unsigned char *pix, int w, int rows, int i)
{
	for (int k = 0; k < w * rows; k++)
		pix[k] = (unsigned char)(k * 7 + i * 13);
}

/* A cache with n glyphs added over files 0 and 1 (odd i in file 1),
 * glyph i of size (1 + i % 9) × (2 + i % 5), key px 10 + i % 3,
 * index 100 + i. The bitmaps are the caller's in pix (n × 64 bytes). */
static void fill(struct app_gcache *c, int n, unsigned char *pix)
{
	app_gcache_set_file(c, 0, &font_a);
	app_gcache_set_file(c, 1, &font_b);
	for (int i = 0; i < n; i++) {
		int w = 1 + i % 9, rows = 2 + i % 5;
		pattern(pix + 64 * i, w, rows, i);
		struct app_gcache_key key = { (uint32_t)(i & 1),
					      (uint16_t)(10 + i % 3),
					      (uint16_t)(i % 2 ? 3 : 0),
					      (uint32_t)(100 + i) };
		struct app_gcache_glyph g = { .left = i - 5,
					      .top = 20 - i,
					      .w = w,
					      .rows = rows,
					      .advance = 64L * i - 3,
					      .pix = pix + 64 * i };
		if (app_gcache_add(c, &key, &g) != 0)
			abort();
	}
}

/* Whether c finds glyph i of fill() with the same fields and bitmap. */
static bool finds(struct app_gcache *c, int i)
{
	struct app_gcache_key key = { (uint32_t)(i & 1), (uint16_t)(10 + i % 3),
				      (uint16_t)(i % 2 ? 3 : 0),
				      (uint32_t)(100 + i) };
	struct app_gcache_glyph g;
	if (!app_gcache_find(c, &key, &g))
		return false;
	unsigned char want[64];
	int w = 1 + i % 9, rows = 2 + i % 5;
	pattern(want, w, rows, i);
	return g.left == i - 5 && g.top == 20 - i && g.w == w &&
	       g.rows == rows && g.advance == 64L * i - 3 && g.pix &&
	       memcmp(g.pix, want, (size_t)(w * rows)) == 0;
}

/* The serialised cache of fill(c, n) in a new buffer. */
static unsigned char *filled_bytes(int n, size_t *len)
{
	struct app_gcache c;
	app_gcache_open(&c, NULL, VERSION);
	unsigned char *pix = malloc((size_t)n * 64);
	fill(&c, n, pix);
	unsigned char *b = app_gcache_serialise(&c, len);
	app_gcache_finish(&c);
	free(pix);
	return b;
}

/* c read from the serialised cache of fill(c, n). */
static void open_filled(struct app_gcache *c, int n)
{
	size_t len;
	unsigned char *b = filled_bytes(n, &len);
	app_gcache_open_bytes(c, b, len, VERSION);
	free(b);
}

/* c written as app_gcache_save would write it and read back: its files
 * then have no ids (the caller gives them again). */
static void reread(struct app_gcache *c)
{
	size_t len;
	unsigned char *b = app_gcache_serialise(c, &len);
	app_gcache_finish(c);
	CHECK(b && len <= APP_GCACHE_MAX_BYTES);
	app_gcache_open_bytes(c, b, len, VERSION);
	free(b);
}

/* Every glyph added is found after a round trip, with its fields and
 * bitmap; keys never added are not. */
static void check_round_trip(const struct tcase *t)
{
	(void)t;
	struct app_gcache c;
	open_filled(&c, 200);
	CHECK(c.nglyphs == 200);
	app_gcache_set_file(&c, 0, &font_a);
	app_gcache_set_file(&c, 1, &font_b);
	for (int i = 0; i < 200; i++)
		CHECK(finds(&c, i));
	CHECK(c.hits == 200);
	struct app_gcache_glyph g;
	CHECK(!app_gcache_find(&c, &(struct app_gcache_key){ 0, 10, 0, 99 }, &g));
	CHECK(!app_gcache_find(&c, &(struct app_gcache_key){ 0, 11, 0, 100 }, &g));
	CHECK(!app_gcache_find(&c, &(struct app_gcache_key){ 2, 10, 0, 100 }, &g));
	CHECK(!app_gcache_find(&c, &(struct app_gcache_key){ 99, 10, 0, 100 }, &g));
	CHECK(!app_gcache_dirty(&c));
	app_gcache_finish(&c);
}

/* What a file's characters are and its sizes' metrics come back after a
 * round trip, each only as itself: a glyph's key finds no fact and a
 * fact's no glyph; a character past 2^31 is not stored. */
static void check_facts(const struct tcase *t)
{
	(void)t;
	struct app_gcache c;
	app_gcache_open_bytes(&c, NULL, 0, VERSION);
	app_gcache_set_file(&c, 0, &font_a);
	app_gcache_set_file(&c, 1, &font_b);
	unsigned char pix[64 * 4];
	fill(&c, 4, pix);
	CHECK(app_gcache_add_char(&c, 0, 'w', 90) == 0);
	CHECK(app_gcache_add_char(&c, 1, 0x8bef, 0) == 0); /* 误: none */
	CHECK(app_gcache_add_char(&c, 1, 0x1f600, 7000) == 0);
	CHECK(app_gcache_add_char(&c, 0, 0x80000000u, 1) < 0);
	CHECK(app_gcache_add_char(&c, 0, 'x', 0x80000000u) < 0);
	struct app_gcache_metrics m = { 19, 23, 0 }, mb = { 20, 24, 2 };
	CHECK(app_gcache_add_metrics(&c, 0, 20, false, &m) == 0);
	CHECK(app_gcache_add_metrics(&c, 1, 20, true, &mb) == 0);
	CHECK(app_gcache_add_metrics(&c, 0, 0, false, &m) < 0);
	CHECK(app_gcache_add_metrics(&c, 0, 70000, false, &m) < 0);
	CHECK(app_gcache_add_metrics(&c, 0, 30, false,
				     &(struct app_gcache_metrics){ 40000, 1, 0 }) <
	      0);
	reread(&c);
	app_gcache_set_file(&c, 0, &font_a);
	app_gcache_set_file(&c, 1, &font_b);
	uint32_t index = 12345;
	CHECK(app_gcache_find_char(&c, 0, 'w', &index) && index == 90);
	CHECK(app_gcache_find_char(&c, 1, 0x8bef, &index) && index == 0);
	CHECK(app_gcache_find_char(&c, 1, 0x1f600, &index) && index == 7000);
	CHECK(!app_gcache_find_char(&c, 1, 'w', &index));
	CHECK(!app_gcache_find_char(&c, 0, 'x', &index));
	struct app_gcache_metrics got;
	CHECK(app_gcache_find_metrics(&c, 0, 20, false, &got));
	CHECK(got.ascent == 19 && got.height == 23 && got.overhang == 0);
	CHECK(app_gcache_find_metrics(&c, 1, 20, true, &got));
	CHECK(got.ascent == 20 && got.height == 24 && got.overhang == 2);
	CHECK(!app_gcache_find_metrics(&c, 1, 20, false, &got));
	CHECK(!app_gcache_find_metrics(&c, 0, 21, false, &got));
	CHECK(c.facts == 5);
	/* Facts are not glyphs, nor glyphs facts. */
	struct app_gcache_glyph g;
	CHECK(!app_gcache_find(
		&c, &(struct app_gcache_key){ 0, 0, 0, APP_GCACHE_CHAR | 'w' },
		&g));
	CHECK(!app_gcache_find(
		&c, &(struct app_gcache_key){ 0, 20, 0, APP_GCACHE_METRICS }, &g));
	CHECK(c.hits == 0);
	for (int i = 0; i < 4; i++)
		CHECK(finds(&c, i));
	CHECK(!app_gcache_find_char(&c, 0, 100, &index)); /* glyph 100's key */
	app_gcache_finish(&c);
}

/* The caller's numbers for its files may change between runs: a file is
 * known by its id, not its number. */
static void check_files_by_id(const struct tcase *t)
{
	(void)t;
	struct app_gcache c;
	open_filled(&c, 20);
	/* font_b is now the caller's file 5, font_a its file 0. */
	app_gcache_set_file(&c, 5, &font_b);
	app_gcache_set_file(&c, 0, &font_a);
	struct app_gcache_glyph g;
	CHECK(finds(&c, 0));
	CHECK(app_gcache_find(&c, &(struct app_gcache_key){ 5, 11, 3, 101 }, &g));
	CHECK(g.w == 2 && g.rows == 3);
	CHECK(!app_gcache_find(&c, &(struct app_gcache_key){ 1, 11, 3, 101 }, &g));
	/* An empty file is no font: it matches no record, not even the
	 * zeros of a file number with no id. */
	app_gcache_set_file(&c, 5, &(struct app_gcache_id){ 0 });
	CHECK(!app_gcache_find(&c, &(struct app_gcache_key){ 5, 11, 3, 101 }, &g));
	CHECK(!c.have_id[5]);
	app_gcache_finish(&c);
}

/* A font file whose time, size, inode or device changed is another
 * file: its glyphs are not found, and are dropped at the next save while
 * the other file's are kept. */
static void check_changed_font(const struct tcase *t)
{
	(void)t;
	size_t len;
	unsigned char *b = filled_bytes(40, &len);
	for (int field = 0; field < 5; field++) {
		struct app_gcache_id id = font_b;
		uint64_t *f[] = { &id.size, &id.mtime_s, &id.mtime_ns, &id.ino,
				  &id.dev };
		(*f[field])++;
		struct app_gcache c;
		app_gcache_open_bytes(&c, b, len, VERSION);
		app_gcache_set_file(&c, 0, &font_a);
		app_gcache_set_file(&c, 1, &id);
		CHECK(finds(&c, 0) && finds(&c, 2));
		CHECK(!finds(&c, 1) && !finds(&c, 3));
		/* One glyph added for the new file, and the cache saved. */
		unsigned char px[4] = { 1, 2, 3, 4 };
		CHECK(app_gcache_add(&c, &(struct app_gcache_key){ 1, 10, 0, 7 },
				     &(struct app_gcache_glyph){ .w = 2,
								 .rows = 2,
								 .advance = 9,
								 .pix = px }) == 0);
		reread(&c);
		CHECK(c.nglyphs == 21); /* file 0's 20, and the new one */
		app_gcache_set_file(&c, 0, &font_a);
		app_gcache_set_file(&c, 1, &id);
		struct app_gcache_glyph g;
		CHECK(finds(&c, 0) && finds(&c, 38) && !finds(&c, 1));
		CHECK(app_gcache_find(&c, &(struct app_gcache_key){ 1, 10, 0, 7 },
				      &g));
		CHECK(g.w == 2 && g.advance == 9 && memcmp(g.pix, px, 4) == 0);
		app_gcache_finish(&c);
	}
	free(b);
}

/* A glyph rendered again replaces the one read (the newer wins). */
static void check_added_wins(const struct tcase *t)
{
	(void)t;
	struct app_gcache c;
	open_filled(&c, 10);
	app_gcache_set_file(&c, 0, &font_a);
	app_gcache_set_file(&c, 1, &font_b);
	unsigned char px = 200;
	CHECK(app_gcache_add(&c, &(struct app_gcache_key){ 0, 10, 0, 100 },
			     &(struct app_gcache_glyph){
				     .w = 1, .rows = 1, .advance = 5, .pix = &px }) ==
	      0);
	reread(&c);
	CHECK(c.nglyphs == 10);
	app_gcache_set_file(&c, 0, &font_a);
	struct app_gcache_glyph g;
	CHECK(app_gcache_find(&c, &(struct app_gcache_key){ 0, 10, 0, 100 }, &g));
	CHECK(g.w == 1 && g.rows == 1 && g.advance == 5 && g.pix[0] == 200);
	app_gcache_finish(&c);
}

/* A file of another version (FreeType's, or of gdstep's rendering) or
 * format is not read at all. */
static void check_version(const struct tcase *t)
{
	(void)t;
	size_t len;
	unsigned char *b = filled_bytes(10, &len);
	struct app_gcache c;
	app_gcache_open_bytes(&c, b, len, VERSION + 1);
	app_gcache_set_file(&c, 0, &font_a);
	CHECK(c.nglyphs == 0 && !finds(&c, 0));
	app_gcache_finish(&c);
	b[8] ^= 1; /* the format */
	app_gcache_open_bytes(&c, b, len, VERSION);
	app_gcache_set_file(&c, 0, &font_a);
	CHECK(c.nglyphs == 0 && !finds(&c, 0));
	app_gcache_finish(&c);
	b[8] ^= 1;
	b[0] = 'G'; /* the magic */
	app_gcache_open_bytes(&c, b, len, VERSION);
	CHECK(c.nglyphs == 0);
	app_gcache_finish(&c);
	free(b);
}

/* No prefix of a file, and no file with a bit of a byte changed, is
 * taken for a cache; with the sum made right, a changed file is read
 * without reading outside it (the sanitizers watch), and a glyph found
 * in it has its bitmap inside the bytes read. */
static void check_damaged(const struct tcase *t)
{
	(void)t;
	size_t len;
	unsigned char *b = filled_bytes(30, &len);
	for (size_t n = 0; n < len; n++) {
		struct app_gcache c;
		app_gcache_open_bytes(&c, b, n, VERSION);
		app_gcache_set_file(&c, 0, &font_a);
		app_gcache_set_file(&c, 1, &font_b);
		CHECK(c.nglyphs == 0);
		for (int i = 0; i < 30; i++)
			CHECK(!finds(&c, i));
		app_gcache_finish(&c);
	}
	for (size_t at = 0; at < len; at++)
		for (int bit = 0; bit < 8; bit += 3) {
			b[at] ^= (unsigned char)(1u << bit);
			struct app_gcache c;
			app_gcache_open_bytes(&c, b, len, VERSION);
			CHECK(c.nglyphs == 0); /* the sum tells */
			app_gcache_finish(&c);
			/* With the sum made right again, as a fuzzer's
			 * input: the bounds are what is left. */
			unsigned char sum[8];
			memcpy(sum, b + 32, 8);
			uint64_t h = app_gcache_checksum(b, len);
			for (int k = 0; k < 8; k++)
				b[32 + k] = (unsigned char)(h >> 8 * k);
			app_gcache_open_bytes(&c, b, len, VERSION);
			memcpy(b + 32, sum, 8);
			app_gcache_set_file(&c, 0, &font_a);
			app_gcache_set_file(&c, 1, &font_b);
			for (int i = 0; i < 30; i++) {
				struct app_gcache_key key = {
					(uint32_t)(i & 1), (uint16_t)(10 + i % 3),
					(uint16_t)(i % 2 ? 3 : 0),
					(uint32_t)(100 + i)
				};
				struct app_gcache_glyph g;
				if (!app_gcache_find(&c, &key, &g) || !g.pix)
					continue;
				CHECK(g.pix >= c.bytes &&
				      g.pix + (size_t)g.w * (size_t)g.rows <=
					      c.bytes + c.len);
			}
			size_t n2;
			free(app_gcache_serialise(&c, &n2));
			app_gcache_finish(&c);
			b[at] ^= (unsigned char)(1u << bit);
		}
	free(b);
}

/* Glyph i of file 0 at size 10 added, and looked up. */
static int add0(struct app_gcache *c, int i, const struct app_gcache_glyph *g)
{
	struct app_gcache_key k = { 0, 10, 0, (uint32_t)i };
	return app_gcache_add(c, &k, g);
}

static bool find0(struct app_gcache *c, int i)
{
	struct app_gcache_key k = { 0, 10, 0, (uint32_t)i };
	struct app_gcache_glyph g;
	return app_gcache_find(c, &k, &g);
}

/* The file never grows past APP_GCACHE_MAX_BYTES: what does not fit is
 * dropped, first the glyphs read and not used this run, then those read
 * and used; this run's own are kept before either. */
static void check_cap(const struct tcase *t)
{
	(void)t;
	enum { SIDE = 100 }; /* 10 000 bytes a glyph: 104 fit */
	unsigned char *pix = calloc(SIDE * SIDE, 1);
	CHECK(pix);
	struct app_gcache c;
	struct app_gcache_glyph g = { .w = SIDE, .rows = SIDE, .pix = pix };
	app_gcache_open(&c, NULL, VERSION);
	app_gcache_set_file(&c, 0, &font_a);
	for (int i = 0; i < 90; i++)
		CHECK(add0(&c, i, &g) == 0);
	reread(&c);
	CHECK(c.nglyphs == 90);
	app_gcache_set_file(&c, 0, &font_a);
	/* Ten of them used, thirty new: 120 do not fit, 104 do. */
	for (int i = 80; i < 90; i++)
		CHECK(find0(&c, i));
	for (int i = 100; i < 130; i++)
		CHECK(add0(&c, i, &g) == 0);
	reread(&c);
	CHECK(c.nglyphs == 104);
	app_gcache_set_file(&c, 0, &font_a);
	for (int i = 80; i < 90; i++) /* used: kept */
		CHECK(find0(&c, i));
	for (int i = 100; i < 130; i++) /* new: kept */
		CHECK(find0(&c, i));
	int old = 0;
	for (int i = 0; i < 80; i++)
		old += find0(&c, i);
	CHECK(old == 64); /* the rest of the room */
	app_gcache_finish(&c);
	/* This run's alone past the cap: as many as fit. */
	app_gcache_open(&c, NULL, VERSION);
	app_gcache_set_file(&c, 0, &font_a);
	for (int i = 0; i < 120; i++)
		CHECK(add0(&c, i, &g) == 0);
	reread(&c);
	CHECK(c.nglyphs == 104);
	app_gcache_finish(&c);
	/* A glyph the file cannot describe is refused. */
	app_gcache_open(&c, NULL, VERSION);
	CHECK(add0(&c, 1,
		   &(struct app_gcache_glyph){ .w = APP_GCACHE_MAX_SIDE + 1,
					       .rows = 1,
					       .pix = pix }) < 0);
	CHECK(add0(&c, 1, &(struct app_gcache_glyph){ .left = 40000 }) < 0);
	CHECK(app_gcache_add(
		      &c, &(struct app_gcache_key){ APP_GCACHE_FILES, 10, 0, 1 },
		      &(struct app_gcache_glyph){ 0 }) < 0);
	CHECK(!app_gcache_dirty(&c));
	app_gcache_finish(&c);
	free(pix);
}

/* A temporary directory for the file cases. */
static bool temp_dir(char *dir, size_t size)
{
	const char *base = getenv("TMPDIR");
	snprintf(dir, size, "%s/gdstep-gcache-XXXXXX",
		 base && base[0] ? base : "/tmp");
	return mkdtemp(dir) != NULL;
}

/* Saved to a path whose directories do not exist yet, read back from
 * the file; saving again without anything added writes nothing. */
static void check_save_open(const struct tcase *t)
{
	(void)t;
	char dir[256], path[512];
	CHECK(temp_dir(dir, sizeof(dir)));
	snprintf(path, sizeof(path), "%s/a/b/glyphs", dir);
	struct app_gcache c;
	app_gcache_open(&c, path, VERSION);
	CHECK(c.nglyphs == 0);
	unsigned char pix[50 * 64];
	fill(&c, 50, pix);
	CHECK(app_gcache_dirty(&c));
	CHECK(app_gcache_save(&c, path) == 0);
	app_gcache_finish(&c);
	struct stat st;
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	app_gcache_open(&c, path, VERSION);
	CHECK(c.nglyphs == 50);
	app_gcache_set_file(&c, 0, &font_a);
	app_gcache_set_file(&c, 1, &font_b);
	for (int i = 0; i < 50; i++)
		CHECK(finds(&c, i));
	CHECK(!app_gcache_dirty(&c));
	CHECK(unlink(path) == 0);
	CHECK(app_gcache_save(&c, path) == 0);
	CHECK(stat(path, &st) != 0); /* nothing new: nothing written */
	app_gcache_finish(&c);
	/* A directory in the file's place, and an empty file, are no
	 * cache. */
	CHECK(mkdir(path, 0700) == 0);
	app_gcache_open(&c, path, VERSION);
	CHECK(c.nglyphs == 0);
	app_gcache_finish(&c);
	CHECK(rmdir(path) == 0);
	FILE *f = fopen(path, "w");
	CHECK(f);
	fclose(f);
	app_gcache_open(&c, path, VERSION);
	CHECK(c.nglyphs == 0);
	app_gcache_finish(&c);
	unlink(path);
	snprintf(path, sizeof(path), "%s/a/b", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/a", dir);
	rmdir(path);
	CHECK(rmdir(dir) == 0);
}

/* A cache directory that cannot be written (a file where a directory
 * should be, or a path too long) fails the save and leaves no file
 * behind, with nothing printed. */
static void check_unwritable(const struct tcase *t)
{
	(void)t;
	char dir[256], path[512];
	CHECK(temp_dir(dir, sizeof(dir)));
	snprintf(path, sizeof(path), "%s/file", dir);
	FILE *f = fopen(path, "w");
	CHECK(f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/file/gdstep/glyphs", dir);
	struct app_gcache c;
	app_gcache_open(&c, path, VERSION);
	unsigned char pix[5 * 64];
	fill(&c, 5, pix);
	CHECK(app_gcache_save(&c, path) < 0);
	char *longpath = malloc(8192);
	CHECK(longpath);
	memset(longpath, 'a', 8191);
	longpath[0] = '/';
	longpath[8191] = '\0';
	CHECK(app_gcache_save(&c, longpath) < 0);
	free(longpath);
	CHECK(app_gcache_save(&c, NULL) < 0);
	app_gcache_finish(&c);
	snprintf(path, sizeof(path), "%s/file", dir);
	CHECK(unlink(path) == 0);
	CHECK(rmdir(dir) == 0); /* no temporary file left in it */
}

/* The file's place: $XDG_CACHE_HOME/gdstep/glyphs, else under
 * $HOME/.cache; a relative $XDG_CACHE_HOME is ignored (XDG base
 * directories), and with neither there is no cache. */
static void check_path(const struct tcase *t)
{
	(void)t;
	char p[64];
	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	setenv("HOME", "/home/u", 1);
	CHECK(app_gcache_path(p, sizeof(p)) == 0);
	CHECK(strcmp(p, "/x/cache/gdstep/glyphs") == 0);
	setenv("XDG_CACHE_HOME", "rel", 1);
	CHECK(app_gcache_path(p, sizeof(p)) == 0);
	CHECK(strcmp(p, "/home/u/.cache/gdstep/glyphs") == 0);
	unsetenv("XDG_CACHE_HOME");
	CHECK(app_gcache_path(p, sizeof(p)) == 0);
	CHECK(strcmp(p, "/home/u/.cache/gdstep/glyphs") == 0);
	CHECK(app_gcache_path(p, 10) < 0);
	unsetenv("HOME");
	CHECK(app_gcache_path(p, sizeof(p)) < 0);
}

static const struct tcase cases[] = {
	{ .name = "gcache-round-trip", .run = check_round_trip },
	{ .name = "gcache-facts", .run = check_facts },
	{ .name = "gcache-files-by-id", .run = check_files_by_id },
	{ .name = "gcache-changed-font", .run = check_changed_font },
	{ .name = "gcache-added-wins", .run = check_added_wins },
	{ .name = "gcache-version", .run = check_version },
	{ .name = "gcache-damaged", .run = check_damaged },
	{ .name = "gcache-cap", .run = check_cap },
	{ .name = "gcache-save-open", .run = check_save_open },
	{ .name = "gcache-unwritable", .run = check_unwritable },
	{ .name = "gcache-path", .run = check_path },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
