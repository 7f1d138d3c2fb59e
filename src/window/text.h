/*
 * Text for the window, drawn with FreeType: fonts found in fonts/, a list
 * of fallback fonts per face (for each character, the first font that has
 * a glyph for it; runs of characters are laid out per font and joined on
 * a common baseline), glyphs rendered once per (font, size), and a
 * bounded cache of rendered textures keyed by (string, size, face,
 * colour), so a string is rasterised once, not every frame.
 *
 * Why not SDL_ttf: it shapes with HarfBuzz, which with GLib, PCRE2 and
 * graphite2 is loaded and started before the window opens, and it loads
 * each glyph again to measure and to draw every string. The lessons are
 * Latin, Greek, mathematical signs and Chinese, laid out left to right
 * with no contextual shaping and no kerning (SDL_ttf asked HarfBuzz for
 * no script, and DejaVu files its Latin pairs under 'latn': the default
 * script's one small kerning lookup moved no glyph in any built-in
 * scene). The layout follows SDL_ttf's (its line height and ascent, the
 * hinted advances, each glyph at the pen's whole pixel, the box of all
 * glyphs, a fallback emboldened by smearing right), so the text is the
 * same pixels as before.
 */
#ifndef GDSTEP_APP_TEXT_H
#define GDSTEP_APP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SIZES_H

#include "glyphcache.h"
#include "measure.h"
#include "lang.h"
#include "theme.h"

/* Font files tried per face, the first one required. */
#define APP_TEXT_FILES 6
/* (face, size) pairs kept at once. */
#define APP_TEXT_OPEN 12
/* Rendered strings kept; the least recently used goes first. Beyond
 * APP_TEXT_KEEP of them, strings no frame drew in the last two go at the
 * start of the next frame, so an animated run's ever-new numbers do not
 * pile up textures. */
#define APP_TEXT_CACHE 384
#define APP_TEXT_KEEP 96
/* Glyphs kept per (face, size, file) before its cache starts again. */
#define APP_TEXT_GLYPHS 4096

struct app_text_entry {
	char *str; /* NULL: a free slot */
	unsigned long hash;
	int px;
	enum app_face face;
	struct app_rgba color;
	/* Its pixels, w × h ARGB, and the texture made from them the
	 * first time SDL draws it; NULL until needed (an empty string has
	 * neither). A string drawn straight into the output the first time
	 * is drawn from pixels made in a scratch buffer, and keeps its own
	 * from the second time (drawn), so a frame's strings drawn once,
	 * as the first frame's, take no new memory. */
	Uint32 *pix;
	SDL_Texture *tex;
	bool drawn;
	int w, h;
	unsigned long used;
	unsigned long frame; /* the frame that last drew it */
};

/* Widths of strings measured, kept in so many slots: the frame builder
 * measures the same labels and sentences every frame. A string's hash
 * picks a set of WAYS slots; a new width takes the set's least recently
 * used one. (With one slot per hash, a panel's few hundred strings and
 * their prefixes pushed each other out: a third of them were laid out
 * again every frame.) */
#define APP_TEXT_WIDTHS 1024
#define APP_TEXT_WIDTH_WAYS 4

struct app_text_width {
	char *str; /* NULL: a free slot */
	unsigned long hash;
	int px;
	enum app_face face;
	int w;
	unsigned used; /* app_text.width_clock when last asked for; a wrap
			* of the clock only makes one choice less apt */
};

/* The head of each item of an open-addressing table on a number. */
struct app_slot {
	unsigned key;
	bool used; /* false: a free slot */
};

/* A glyph at one size: its coverage, 8 bits a pixel, w × rows. */
struct app_glyph {
	struct app_slot slot; /* key: the font's glyph index */
	int left, top;        /* the bitmap's place from the pen, y up */
	int w, rows;
	long advance; /* 26.6 pixels, hinted */
	unsigned char *pix;
};

/* One font file at one size (and, for a fallback with no bold, emboldened
 * as SDL_ttf does): its line metrics, its glyphs and, once a glyph has to
 * be rendered, a FreeType size object of the file's face. */
struct app_sized {
	FT_Size size; /* NULL until a glyph is rendered */
	bool ready;   /* the metrics are known */
	bool failed;
	bool bold;          /* a fallback emboldened as the bold */
	int ascent, height; /* pixels, as SDL_ttf computes them */
	int overhang;       /* the bold's extra pixels, 0 if not emboldened */
	int file, px;       /* its font file (app_text.files) and size */
	struct app_glyph *glyphs; /* open addressing on the glyph index */
	int cap, count;
};

struct app_open_font {
	int px; /* 0: a free slot */
	enum app_face face;
	struct app_sized file[APP_TEXT_FILES];
	unsigned long used;
};

/* A character's glyph index in a font file, as looked up once. */
struct app_char {
	struct app_slot slot; /* key: the character */
	FT_UInt index;
};

/* A font file, mapped and opened once; every size is a size object of
 * its face. The face is opened only when something the glyph cache does
 * not know is needed of it. */
struct app_font_file {
	char *path;
	void *map; /* the file, mapped on first use */
	size_t len;
	FT_Face face;            /* NULL until needed */
	bool failed;             /* it cannot be mapped */
	bool face_failed;        /* FreeType cannot open it */
	struct app_gcache_id id; /* once mapped */
	struct app_char *chars;  /* open addressing on the character */
	int cap_chars, nchars;
};

struct app_text {
	SDL_Renderer *ren; /* borrowed */
	FT_Library ft;
	struct app_font_file files[APP_FACE_COUNT * APP_TEXT_FILES];
	int nfile;                                   /* distinct files */
	int file_of[APP_FACE_COUNT][APP_TEXT_FILES]; /* index in files */
	int nfiles[APP_FACE_COUNT];
	struct app_open_font open[APP_TEXT_OPEN];
	struct app_text_entry cache[APP_TEXT_CACHE];
	unsigned long clock;
	unsigned long frame;
	unsigned long renders;     /* strings rasterised so far, for tests */
	Uint32 *tmp;               /* scratch pixels of a string drawn once */
	size_t cap_tmp;            /* pixels in tmp */
	unsigned long glyph_loads; /* glyphs loaded by FreeType, for tests */
	struct app_text_width widths[APP_TEXT_WIDTHS];
	unsigned width_clock;
	unsigned long measures;    /* strings laid out to measure, for tests */
	struct app_gcache *gcache; /* glyphs kept between runs, or NULL */
	char *gcache_path;
};

/*
 * Finds the directory that holds the fonts: $GDSTEP_DATADIR + /fonts when
 * that variable is set (and nothing else), else the first of the
 * executable's directory + /fonts, its ../../fonts (the build tree), the
 * source tree's fonts/, the installed data directory's fonts/.
 * Writes it to dir. Returns 0, or -ENOENT with dir naming where it looked
 * last.
 */
int app_font_dir(char *dir, size_t size);

/* The path app_font_dir looks beside, in place of the running program's
 * (gdstep-window.so's, when gdstep loaded it); NULL for the program's. */
void app_font_dir_from(const char *self);

/* The one-line message for app_font_dir's failure, translated; dir is
 * what app_font_dir left in its buffer. */
void app_font_dir_message(char *msg, size_t size, const char *dir,
			  enum app_lang lang);

/*
 * Opens the fonts of dir for a renderer: every file must be readable and
 * the regular face's first one a font FreeType reads.
 * Returns 0, or -ENOENT with a message in err when a required font is
 * missing or unreadable.
 */
int app_text_init(struct app_text *t, SDL_Renderer *ren, const char *dir,
		  char *err, size_t err_size);

/* Frees the textures and fonts; accepts NULL and a zeroed struct. Writes
 * the glyph cache first when one is open and glyphs were rendered. */
void app_text_finish(struct app_text *t);

/*
 * Takes glyphs from the cache file at path (glyphcache.h) before
 * rendering them, and keeps those rendered for it: app_text_finish
 * writes the file. Text is the same pixels with or without it.
 * Returns 0, or −ENOMEM (no cache then; text is drawn as before).
 */
int app_text_cache_open(struct app_text *t, const char *path);

/* Starts a frame: drops stale strings when more than APP_TEXT_KEEP are
 * cached. */
void app_text_begin_frame(struct app_text *t);

/* Drops every cached texture (a new language, text size or theme). */
void app_text_clear(struct app_text *t);

/*
 * The pixels of s (UTF-8, one line) at font size px: from the cache, or
 * rendered now. Returns an entry valid until the next call that renders;
 * NULL only when rendering failed. An empty string has no pixels.
 */
const struct app_text_entry *app_text_get(struct app_text *t, const char *s,
					  int px, enum app_face face,
					  struct app_rgba color);

/* The size s is drawn at (as app_text_get's entry's w and h), without
 * its pixels; false when it cannot be laid out. */
bool app_text_size(struct app_text *t, const char *s, int px,
		   enum app_face face, struct app_rgba color, int *w, int *h);

/* Width of s in pixels at size px, measured without rendering. */
int app_text_width(struct app_text *t, const char *s, int px, enum app_face face);

/* The line height of the face at size px. */
int app_text_height(struct app_text *t, int px, enum app_face face);

/* The left edge of a string w wide drawn at x with align (as below). */
int app_text_left(int x, int w, int align);

/* Draws s with its top-left at (x, y); align 0 left, 1 centre, 2 right of
 * x. Returns the width drawn. */
int app_text_draw(struct app_text *t, const char *s, int px, enum app_face face,
		  struct app_rgba color, int x, int y, int align);

/* Whether app_text_blend draws as SDL_RenderCopy does: SDL 2 blends a
 * texture into a software renderer's output with its MMX blitter on
 * x86 (render-text-direct-as-sdl); elsewhere with other arithmetic, so
 * text is left to SDL there. */
#if defined(__MMX__) || defined(__x86_64__)
#define APP_TEXT_DIRECT 1
#else
#define APP_TEXT_DIRECT 0
#endif

/*
 * Draws s as app_text_draw does, but straight into out, the software
 * renderer's output (ARGB8888 or RGB888, not locked), cut to clip: each
 * pixel as SDL_RenderCopy would blend the string's texture there, with
 * no texture made and no SDL call but a flush of what SDL has queued.
 * Returns the width drawn.
 */
int app_text_blend(struct app_text *t, const char *s, int px,
		   enum app_face face, struct app_rgba color, int x, int y,
		   int align, SDL_Surface *out, const SDL_Rect *clip);

/* n pixels of ARGB src blended over dst as SDL 2's software blitter does
 * with SDL_BLENDMODE_BLEND: a source alpha a of 0 leaves dst, 255 copies
 * src, else each channel (s·a >> 8) + (d·(255 − a) >> 8), alpha
 * (s·255 >> 8) + (d·(255 − a) >> 8). */
void app_text_blend_row(Uint32 *dst, const Uint32 *src, int n);

/* Which font of the face has a glyph for c: its index in the face's
 * files, or -1 when none has. */
int app_text_font_for(struct app_text *t, enum app_face face, Uint32 c);

#endif
