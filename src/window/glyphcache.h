/*
 * Rendered glyphs kept between runs, so the window's first frame does
 * not load, hint and render its glyphs again each time it starts.
 *
 * Loading a glyph of DejaVu Sans with FreeType (its hinting program run
 * for the size, the outline rendered) takes 5–10 µs; the first frame
 * needs about 130 of them, 1.3 ms of the 20 a bare SDL window takes to
 * show its first frame on the machines measured (issue 17). The window
 * keeps the glyphs it rendered in one file under the user's cache
 * directory ($XDG_CACHE_HOME/gdstep, else ~/.cache/gdstep) and finds
 * them there the next time: a lookup instead of FreeType.
 *
 * The file is a cache, nothing more: a glyph missing from it, a file
 * that is absent, truncated, of another version or written for other
 * font files (their size, time or inode changed) or another FreeType
 * only means that glyph is rendered as before. Every read is bounded by
 * the file's length (fuzz/fuzz_glyphcache.c). It is written whole, to a
 * temporary file renamed over the old one, so a reader sees one version
 * or the other.
 *
 * SDL- and FreeType-free, so it is tested and fuzzed alone.
 *
 * Layout, little-endian: "gdstepGC", u32 format, u32 renderer version
 * (FreeType's, with gdstep's bitmap processing), u32 files, u32 glyphs,
 * u64 data bytes, u64 sum (app_gcache_checksum: a file with a byte
 * changed on disk is not read, so no glyph is drawn wrong); per file
 * u64 size, mtime seconds, mtime nanoseconds, inode, device; per glyph (sorted by file, px, overhang, index) u32
 * file, u16 px, u16 overhang, u32 index, i16 left, i16 top, u16 w, u16
 * rows, i32 advance (26.6), u32 data offset; then the coverage bytes.
 */
#ifndef GDSTEP_WINDOW_GLYPHCACHE_H
#define GDSTEP_WINDOW_GLYPHCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Font files a cache tells apart (text.h's files). */
#define APP_GCACHE_FILES 16
/* A file larger than this is not read, and glyphs are dropped rather
 * than written past it: those this run neither rendered nor used first.
 * (About 40 window sizes' worth of one language's glyphs.) */
#define APP_GCACHE_MAX_BYTES (1u << 20)
/* A glyph's bitmap is at most this many pixels wide and high. */
#define APP_GCACHE_MAX_SIDE 2048

/* What tells a font file from its next version. */
struct app_gcache_id {
	uint64_t size, mtime_s, mtime_ns, ino, dev;
};

struct app_gcache_key {
	uint32_t file; /* the caller's font file number */
	uint16_t px, overhang;
	uint32_t index; /* glyph index in the file */
};

/*
 * Besides glyphs the table keeps two kinds of fact, so that a start whose
 * glyphs are all here need not open a font with FreeType at all: which
 * glyph a character is in a file (key px 0, overhang 0, index
 * APP_GCACHE_CHAR | the character; the glyph index in advance) and the
 * line metrics of a file at a size (key index APP_GCACHE_METRICS,
 * overhang 1 for a fallback emboldened as the bold; the ascent in left,
 * the line height in top, the emboldening's pixels in advance). Neither
 * is a glyph index: FreeType's are below 2^16.
 */
#define APP_GCACHE_CHAR 0x80000000u
#define APP_GCACHE_METRICS 0xffffffffu

struct app_gcache_metrics {
	int ascent, height, overhang;
};

struct app_gcache_glyph {
	int left, top, w, rows;
	long advance;             /* 26.6 */
	const unsigned char *pix; /* w × rows; NULL when either is 0 */
};

struct app_gcache {
	uint32_t version; /* the renderer's version the glyphs are for */
	/* The file read: its bytes, table and glyphs. */
	unsigned char *bytes;
	size_t len;
	uint32_t nfiles, nglyphs;
	size_t files_at, glyphs_at, data_at, data_len;
	unsigned char *used; /* per read glyph: found this run */
	/* The read file's number for each of the caller's files, −1 when
	 * it has none or the file changed. */
	int slot_of[APP_GCACHE_FILES];
	struct app_gcache_id ids[APP_GCACHE_FILES]; /* the caller's */
	bool have_id[APP_GCACHE_FILES];
	/* Glyphs added since: keys, bitmaps, to be written. */
	struct app_gcache_key *keys;
	struct app_gcache_glyph *glyphs;
	int nadded, cap_added;
	long hits;  /* glyphs found, for tests */
	long facts; /* characters and metrics found, for tests */
};

/*
 * Reads the cache file at path, when there is one of this format and
 * version. A file that is absent or not valid leaves an empty cache.
 * Never fails; c is ready either way.
 */
void app_gcache_open(struct app_gcache *c, const char *path, uint32_t version);

/* The same, from bytes in memory (copied); for tests and the fuzzer. */
void app_gcache_open_bytes(struct app_gcache *c, const void *bytes, size_t len,
			   uint32_t version);

/* Says which font file the caller's number file is (0 ≤ file <
 * APP_GCACHE_FILES): the read file's glyphs for a file with the same id
 * are found from now on. An id of size 0 (no font) has no glyphs. */
void app_gcache_set_file(struct app_gcache *c, int file,
			 const struct app_gcache_id *id);

/* The glyph of key, if the cache has it: *g then points into the cache,
 * valid until app_gcache_finish. */
bool app_gcache_find(struct app_gcache *c, const struct app_gcache_key *key,
		     struct app_gcache_glyph *g);

/* Keeps a glyph rendered now (its bitmap copied) for app_gcache_save.
 * Returns 0, or −1 when out of memory or the glyph cannot be stored. */
int app_gcache_add(struct app_gcache *c, const struct app_gcache_key *key,
		   const struct app_gcache_glyph *g);

/* Which glyph character ch (below 2^31) is in file: true with *index
 * (0: the file has none) when the cache knows. */
bool app_gcache_find_char(struct app_gcache *c, uint32_t file, uint32_t ch,
			  uint32_t *index);

/* Keeps what FreeType said of ch in file (index below 2^31). Returns 0,
 * or −1 when out of memory or it cannot be stored. */
int app_gcache_add_char(struct app_gcache *c, uint32_t file, uint32_t ch,
			uint32_t index);

/* The line metrics of file at px (1..65535), emboldened or not, when the
 * cache has them. */
bool app_gcache_find_metrics(struct app_gcache *c, uint32_t file, int px,
			     bool bold, struct app_gcache_metrics *m);

/* Keeps them (each field fits 16 bits, signed). Returns 0 or −1. */
int app_gcache_add_metrics(struct app_gcache *c, uint32_t file, int px,
			   bool bold, const struct app_gcache_metrics *m);

/* Whether glyphs were added since the file was read. */
bool app_gcache_dirty(const struct app_gcache *c);

/*
 * Writes the read file's glyphs of files that are still the same, with
 * those added, to path (through path + ".PID.tmp", renamed), making its
 * directory if need be. Returns 0, or −1 with nothing replaced.
 */
int app_gcache_save(struct app_gcache *c, const char *path);

/* The serialised cache, as app_gcache_save would write it, in a new
 * buffer (*len bytes; free it); NULL when out of memory. */
unsigned char *app_gcache_serialise(struct app_gcache *c, size_t *len);

/* Frees everything; accepts a zeroed struct, and leaves one. */
void app_gcache_finish(struct app_gcache *c);

/* The sum a file of len bytes carries at bytes 32–39: FNV-1a over
 * every other 8-byte word, then the last bytes. */
uint64_t app_gcache_checksum(const void *bytes, size_t len);

/* The cache file's path: $XDG_CACHE_HOME/gdstep/glyphs, else
 * $HOME/.cache/gdstep/glyphs. Returns 0, or −1 when neither is set (or
 * the path does not fit). */
int app_gcache_path(char *path, size_t size);

#endif
