/*
 * Text for the window: fonts found in fonts/, a list of fallback fonts per
 * face (for each character, the first font that has a glyph for it; runs
 * of characters are rendered per font and joined on a common baseline),
 * and a bounded cache of rendered textures keyed by (string, size, face,
 * colour), so a string is rasterised once, not every frame.
 */
#ifndef GDSTEP_APP_TEXT_H
#define GDSTEP_APP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "measure.h"
#include "lang.h"
#include "theme.h"

/* Font files tried per face, the first one required. */
#define APP_TEXT_FILES 6
/* (face, size) pairs kept open at once. */
#define APP_TEXT_OPEN 12
/* Rendered strings kept; the least recently used goes first. Beyond
 * APP_TEXT_KEEP of them, strings no frame drew in the last two go at the
 * start of the next frame, so an animated run's ever-new numbers do not
 * pile up textures. */
#define APP_TEXT_CACHE 384
#define APP_TEXT_KEEP 96

struct app_text_entry {
	char *str; /* NULL: a free slot */
	unsigned long hash;
	int px;
	enum app_face face;
	struct app_rgba color;
	SDL_Texture *tex; /* NULL for an empty string */
	int w, h;
	unsigned long used;
	unsigned long frame; /* the frame that last drew it */
};

/* Widths of strings measured, kept in so many slots: the frame builder
 * measures the same labels and sentences every frame, and shaping them
 * again is most of its time. A string's hash picks a set of WAYS slots;
 * a new width takes the set's least recently used one. (With one slot
 * per hash, a panel's few hundred strings and their prefixes pushed
 * each other out: a third of them were shaped again every frame.) */
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

struct app_open_font {
	int px; /* 0: a free slot */
	enum app_face face;
	TTF_Font *font[APP_TEXT_FILES]; /* NULL until needed */
	bool failed[APP_TEXT_FILES];
	bool shared[APP_TEXT_FILES]; /* drew with the file's shared font */
	unsigned long used;
};

/* A font shared by the (face, size) pairs that use one file. */
struct app_shared_font {
	TTF_Font *font; /* NULL until needed */
	int px, style;  /* its size and TTF_STYLE_* now */
};

struct app_text {
	SDL_Renderer *ren;                           /* borrowed */
	char *files[APP_FACE_COUNT][APP_TEXT_FILES]; /* owned paths */
	/* The files mapped into memory on first use (shared pages, read
	 * without a system call per glyph). */
	void *map[APP_FACE_COUNT][APP_TEXT_FILES];
	size_t map_len[APP_FACE_COUNT][APP_TEXT_FILES];
	int nfiles[APP_FACE_COUNT];
	struct app_open_font open[APP_TEXT_OPEN];
	/* Until app_text_settle, every (face, size) draws with one font per
	 * file, set to its size and style as each string needs it: opening
	 * a font copies the file's tables and shapes with tables loaded
	 * anew, about 0.25–1 ms a (face, size), most of the text's part of
	 * the first frame. Then each (face, size) opens its own as needed,
	 * so frames that follow do not set sizes back and forth. The
	 * regular face's first one is opened by app_text_init to check it. */
	struct app_shared_font shared[APP_FACE_COUNT * APP_TEXT_FILES];
	int shared_of[APP_FACE_COUNT][APP_TEXT_FILES]; /* index in shared */
	bool settled;
	struct app_text_entry cache[APP_TEXT_CACHE];
	unsigned long clock;
	unsigned long frame;
	unsigned long renders; /* strings rasterised so far, for tests */
	struct app_text_width widths[APP_TEXT_WIDTHS];
	unsigned width_clock;
	unsigned long measures; /* strings measured by the fonts, for tests */
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
 * Opens the fonts of dir for a renderer (TTF_Init must have been called).
 * Returns 0, or -ENOENT with a message in err when a required font is
 * missing or unreadable.
 */
int app_text_init(struct app_text *t, SDL_Renderer *ren, const char *dir,
		  char *err, size_t err_size);

/* Ends the sharing of one font per file (app_text.shared): each shared
 * font is kept by the (face, size) it is set to, and every other (face,
 * size) that drew with one opens its own now, so the frames that follow
 * open none. The window calls it once its first frame is shown; the
 * pictures are the same either way. */
void app_text_settle(struct app_text *t);

/* Frees the textures and fonts; accepts NULL and a zeroed struct. */
void app_text_finish(struct app_text *t);

/* Starts a frame: drops stale strings when more than APP_TEXT_KEEP are
 * cached; from the second frame on, the fonts are settled. */
void app_text_begin_frame(struct app_text *t);

/* Drops every cached texture (a new language, text size or theme). */
void app_text_clear(struct app_text *t);

/*
 * The texture of s (UTF-8, one line) at font size px: from the cache, or
 * rendered now. Returns an entry valid until the next call that renders;
 * NULL only when rendering failed. An empty string has no texture.
 */
const struct app_text_entry *app_text_get(struct app_text *t, const char *s,
					  int px, enum app_face face,
					  struct app_rgba color);

/* Width of s in pixels at size px, measured without rendering. */
int app_text_width(struct app_text *t, const char *s, int px, enum app_face face);

/* The line height of the face at size px. */
int app_text_height(struct app_text *t, int px, enum app_face face);

/* Draws s with its top-left at (x, y); align 0 left, 1 centre, 2 right of
 * x. Returns the width drawn. */
int app_text_draw(struct app_text *t, const char *s, int px, enum app_face face,
		  struct app_rgba color, int x, int y, int align);

#endif
