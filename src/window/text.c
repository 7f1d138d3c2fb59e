/* Fonts, fallback runs and the text cache; see text.h. */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "gdstep-config.h"
#include "window.h"
#include "lang.h"
#include "text.h"

/* The first file of each face is required; the rest are fallbacks tried
 * for characters the first lacks: the Chinese subset (fonts/README). It
 * has one weight, emboldened in the bold face as SDL_ttf emboldens. */
static const char *const face_files[APP_FACE_COUNT][APP_TEXT_FILES] = {
	[APP_FACE_REGULAR] = { "DejaVuSans.ttf", "NotoSansCJKsc-Subset.otf" },
	[APP_FACE_BOLD] = { "DejaVuSans-Bold.ttf", "NotoSansCJKsc-Subset.otf" },
};

static bool has_fonts(const char *dir)
{
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", dir,
		 face_files[APP_FACE_REGULAR][0]);
	return access(path, R_OK) == 0;
}

/* Where the window's code is, when not the running program. */
static const char *self_path;

void app_font_dir_from(const char *self)
{
	self_path = self;
}

int app_font_dir(char *dir, size_t size)
{
	char exe[PATH_MAX] = "";
	if (self_path) {
		snprintf(exe, sizeof(exe), "%s", self_path);
	} else {
		ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		exe[n > 0 ? n : 0] = '\0';
	}
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	/* $GDSTEP_DATADIR, when set, is the only place looked in: it says
	 * where the data is, and a mistake in it shows. */
	const char *env = getenv("GDSTEP_DATADIR");
	if (env && *env) {
		snprintf(dir, size, "%s/fonts", env);
		return has_fonts(dir) ? 0 : -ENOENT;
	}
	const char *fmt[] = { "%s/fonts", "%s/../../fonts", "%s/fonts",
			      "%s/fonts" };
	const char *base[] = { slash ? exe : NULL, slash ? exe : NULL,
			       GDSTEP_SOURCE_ROOT, GDSTEP_DATADIR };
	for (size_t i = 0; i < sizeof(base) / sizeof(base[0]); i++) {
		if (!base[i])
			continue;
		snprintf(dir, size, fmt[i], base[i]);
		if (has_fonts(dir))
			return 0;
	}
	return -ENOENT;
}

void app_font_dir_message(char *msg, size_t size, const char *dir,
			  enum app_lang lang)
{
	if (getenv("GDSTEP_DATADIR") && *getenv("GDSTEP_DATADIR"))
		snprintf(msg, size,
			 app_tr(lang,
				"%s/DejaVuSans.ttf: no such font (GDSTEP_DATADIR is set; unset it to use the installed fonts)"),
			 dir);
	else
		snprintf(msg, size,
			 app_tr(lang,
				"no fonts found: looked for fonts/DejaVuSans.ttf beside the program, in the build and source trees and in %s; set GDSTEP_DATADIR to a directory that holds fonts/"),
			 GDSTEP_DATADIR);
}

/* 26.6 fixed point to whole pixels, as SDL_ttf rounds. */
#define FLOOR6(x) ((int)(((x) & -64) / 64))
#define CEIL6(x) FLOOR6((x) + 63)

static FT_Face open_face(struct app_text *t, struct app_font_file *f);

int app_text_init(struct app_text *t, SDL_Renderer *ren, const char *dir,
		  char *err, size_t err_size)
{
	memset(t, 0, sizeof(*t));
	t->ren = ren;
	if (FT_Init_FreeType(&t->ft) != 0) {
		t->ft = NULL;
		snprintf(err, err_size, "FreeType: %s", strerror(ENOMEM));
		return -ENOMEM;
	}
	for (int f = 0; f < APP_FACE_COUNT; f++) {
		for (int i = 0; i < APP_TEXT_FILES && face_files[f][i]; i++) {
			char path[PATH_MAX];
			snprintf(path, sizeof(path), "%s/%s", dir,
				 face_files[f][i]);
			if (access(path, R_OK) != 0) {
				if (i > 0)
					continue;
				snprintf(err, err_size,
					 "%s: cannot read the font: %s", path,
					 strerror(errno));
				app_text_finish(t);
				return -ENOENT;
			}
			/* A file named twice (the Chinese fallback of both
			 * faces) is opened once. */
			int k = 0;
			while (k < t->nfile && strcmp(t->files[k].path, path) != 0)
				k++;
			if (k == t->nfile) {
				t->files[k].path = strdup(path);
				if (!t->files[k].path) {
					snprintf(err, err_size, "%s",
						 strerror(ENOMEM));
					app_text_finish(t);
					return -ENOMEM;
				}
				t->nfile++;
			}
			t->file_of[f][t->nfiles[f]++] = k;
		}
	}
	/* A font that is there but not a font fails here, not mid-lecture. */
	struct app_font_file *reg = &t->files[t->file_of[APP_FACE_REGULAR][0]];
	if (!open_face(t, reg)) {
		snprintf(err, err_size, "%s: %s", reg->path,
			 reg->map ? "not a font FreeType can read" :
				    "not a font (empty, or cannot be mapped)");
		app_text_finish(t);
		return -ENOENT;
	}
	return 0;
}

static void close_slot(struct app_open_font *o)
{
	for (int i = 0; i < APP_TEXT_FILES; i++) {
		struct app_sized *z = &o->file[i];
		for (int g = 0; g < z->cap; g++)
			free(z->glyphs[g].pix);
		free(z->glyphs);
		if (z->size)
			FT_Done_Size(z->size);
	}
	memset(o, 0, sizeof(*o));
}

void app_text_clear(struct app_text *t)
{
	for (int i = 0; i < APP_TEXT_WIDTHS; i++) {
		free(t->widths[i].str);
		t->widths[i] = (struct app_text_width){ 0 };
	}
	for (int i = 0; i < APP_TEXT_CACHE; i++) {
		struct app_text_entry *e = &t->cache[i];
		if (e->tex)
			SDL_DestroyTexture(e->tex);
		free(e->pix);
		free(e->str);
		memset(e, 0, sizeof(*e));
	}
}

static void drop(struct app_text_entry *e)
{
	if (e->tex)
		SDL_DestroyTexture(e->tex);
	free(e->pix);
	free(e->str);
	memset(e, 0, sizeof(*e));
}

void app_text_begin_frame(struct app_text *t)
{
	int live = 0;
	t->frame++;
	for (int i = 0; i < APP_TEXT_CACHE; i++)
		live += t->cache[i].str != NULL;
	for (int i = 0; i < APP_TEXT_CACHE && live > APP_TEXT_KEEP; i++) {
		struct app_text_entry *e = &t->cache[i];
		if (e->str && e->frame + 2 < t->frame) {
			drop(e);
			live--;
		}
	}
}

void app_text_finish(struct app_text *t)
{
	if (!t)
		return;
	if (t->gcache) {
		if (t->gcache_path)
			(void)app_gcache_save(t->gcache, t->gcache_path);
		app_gcache_finish(t->gcache);
		free(t->gcache);
		t->gcache = NULL;
	}
	free(t->gcache_path);
	t->gcache_path = NULL;
	app_text_clear(t);
	free(t->tmp);
	t->tmp = NULL;
	t->cap_tmp = 0;
	/* Sizes before the faces they belong to. */
	for (int i = 0; i < APP_TEXT_OPEN; i++)
		close_slot(&t->open[i]);
	for (int k = 0; k < APP_FACE_COUNT * APP_TEXT_FILES; k++) {
		struct app_font_file *f = &t->files[k];
		if (f->face)
			FT_Done_Face(f->face);
		if (f->map)
			munmap(f->map, f->len);
		free(f->chars);
		free(f->path);
		memset(f, 0, sizeof(*f));
	}
	if (t->ft)
		FT_Done_FreeType(t->ft);
	t->ft = NULL;
	t->nfile = 0;
}

/* Maps a font file and tells the glyph cache which file it is. Returns
 * 0, or -1 if it cannot be. */
static int map_file(struct app_text *t, struct app_font_file *f)
{
	if (f->map)
		return 0;
	if (f->failed)
		return -1;
	f->failed = true;
	int fd = open(f->path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return -1;
	void *m = fstat(fd, &st) == 0 && st.st_size > 0 &&
				  (uintmax_t)st.st_size <= LONG_MAX ?
			  mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
			       fd, 0) :
			  MAP_FAILED;
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	f->map = m;
	f->len = (size_t)st.st_size;
	f->id = (struct app_gcache_id){ .size = (uint64_t)st.st_size,
					.mtime_s = (uint64_t)st.st_mtim.tv_sec,
					.mtime_ns = (uint64_t)st.st_mtim.tv_nsec,
					.ino = (uint64_t)st.st_ino,
					.dev = (uint64_t)st.st_dev };
	if (t->gcache)
		app_gcache_set_file(t->gcache, (int)(f - t->files), &f->id);
	f->failed = false;
	return 0;
}

/* The file's face, opened on its mapping (shared pages, no system call
 * per glyph); NULL if it cannot be. */
static FT_Face open_face(struct app_text *t, struct app_font_file *f)
{
	if (f->face || f->face_failed)
		return f->face;
	f->face_failed = true;
	if (map_file(t, f) < 0)
		return NULL;
	if (FT_New_Memory_Face(t->ft, f->map, (FT_Long)f->len, 0, &f->face) != 0) {
		f->face = NULL;
		return NULL;
	}
	if (!FT_IS_SCALABLE(f->face)) {
		FT_Done_Face(f->face);
		f->face = NULL;
		return NULL;
	}
	f->face_failed = false;
	return f->face;
}

/* The (face, size) pair's slot, taking the least recently used one if it
 * has none. */
static struct app_open_font *slot(struct app_text *t, int px, enum app_face face)
{
	struct app_open_font *lru = &t->open[0];
	for (int i = 0; i < APP_TEXT_OPEN; i++) {
		struct app_open_font *o = &t->open[i];
		if (o->px == px && o->face == face) {
			o->used = ++t->clock;
			return o;
		}
		if (o->used < lru->used)
			lru = o;
	}
	close_slot(lru);
	lru->px = px;
	lru->face = face;
	lru->used = ++t->clock;
	return lru;
}

/* z's FreeType size object, made once and active on its face, with z's
 * line metrics; NULL if the face cannot be opened or sized. */
static FT_Face ft_sized(struct app_text *t, struct app_sized *z)
{
	FT_Face face = open_face(t, &t->files[z->file]);
	if (!face)
		return NULL;
	if (z->size) {
		FT_Activate_Size(z->size);
		return face;
	}
	if (FT_New_Size(face, &z->size) != 0) {
		z->size = NULL;
		return NULL;
	}
	FT_Activate_Size(z->size);
	/* Points at 72 dots an inch: a size of px pixels, as SDL_ttf sets. */
	if (FT_Set_Char_Size(face, 0, (FT_F26Dot6)z->px * 64, 0, 0) != 0) {
		FT_Done_Size(z->size);
		z->size = NULL;
		return NULL;
	}
	FT_Fixed scale = face->size->metrics.y_scale;
	z->ascent = CEIL6(FT_MulFix(face->ascender, scale));
	z->height = CEIL6(FT_MulFix(face->ascender - face->descender, scale));
	/* A fallback with no bold of its own is emboldened. */
	z->overhang = z->bold ? face->size->metrics.y_ppem / 10 : 0;
	return face;
}

/* File i of a slot at the slot's size, its line metrics known (from the
 * glyph cache, else from FreeType); NULL if the file cannot be read or
 * sized. */
static struct app_sized *sized(struct app_text *t, struct app_open_font *o, int i)
{
	if (i >= t->nfiles[o->face])
		return NULL;
	struct app_sized *z = &o->file[i];
	if (z->ready)
		return z;
	if (z->failed)
		return NULL;
	z->failed = true;
	z->file = t->file_of[o->face][i];
	z->px = o->px;
	z->bold = o->face == APP_FACE_BOLD && i > 0;
	if (map_file(t, &t->files[z->file]) < 0)
		return NULL;
	struct app_gcache_metrics m;
	if (t->gcache && app_gcache_find_metrics(t->gcache, (uint32_t)z->file,
						 z->px, z->bold, &m)) {
		z->ascent = m.ascent;
		z->height = m.height;
		z->overhang = m.overhang;
	} else if (!ft_sized(t, z)) {
		return NULL;
	} else if (t->gcache) {
		m = (struct app_gcache_metrics){ z->ascent, z->height,
						 z->overhang };
		(void)app_gcache_add_metrics(t->gcache, (uint32_t)z->file,
					     z->px, z->bold, &m);
	}
	z->ready = true;
	z->failed = false;
	return z;
}

/* The index of key's slot (its own, or the free one it would take) in a
 * table of cap items (a power of two) of size bytes each. */
static int probe(const void *items, int cap, size_t size, unsigned key)
{
	int k = (int)((key * 2654435761u) & (unsigned)(cap - 1));
	for (;;) {
		const struct app_slot *s = (const void *)((const char *)items +
							  (size_t)k * size);
		if (!s->used || s->key == key)
			return k;
		k = (k + 1) & (cap - 1);
	}
}

/* The slot of key in *items, a table of *cap items of size bytes, each
 * beginning with its struct app_slot, count of them used; the table
 * grows (64 slots, then twice as many) when half full. NULL when out of
 * memory. */
static void *table_slot(void **items, int *cap, int count, size_t size,
			unsigned key)
{
	if ((count + 1) * 2 > *cap) {
		int n = *cap ? *cap * 2 : 64;
		char *m = calloc((size_t)n, size);
		if (!m)
			return NULL;
		for (int i = 0; i < *cap; i++) {
			const struct app_slot *s = (const void *)((char *)*items +
								  (size_t)i * size);
			if (s->used)
				memcpy(m + (size_t)probe(m, n, size, s->key) * size,
				       s, size);
		}
		free(*items);
		*items = m;
		*cap = n;
	}
	return (char *)*items + (size_t)probe(*items, *cap, size, key) * size;
}

/* The glyph index of c in file k (0: it has none), asked of the glyph
 * cache, else of FreeType, once per run. */
static FT_UInt char_index(struct app_text *t, int k, Uint32 c)
{
	struct app_font_file *f = &t->files[k];
	void *chars = f->chars;
	struct app_char *e = table_slot(&chars, &f->cap_chars, f->nchars,
					sizeof(*e), c);
	f->chars = chars;
	if (e && e->slot.used)
		return e->index;
	uint32_t index = 0;
	bool known = t->gcache &&
		     app_gcache_find_char(t->gcache, (uint32_t)k, c, &index);
	if (!known) {
		FT_Face face = open_face(t, f);
		if (!face)
			return 0;
		index = FT_Get_Char_Index(face, c);
		if (t->gcache)
			(void)app_gcache_add_char(t->gcache, (uint32_t)k, c,
						  index);
	}
	if (e) {
		*e = (struct app_char){ { c, true }, index };
		f->nchars++;
	}
	return index;
}

/* Copies the slot's rendered bitmap into g as 8-bit coverage, smeared
 * right by the overhang for an emboldened font. */
static int keep_bitmap(struct app_glyph *g, const FT_Bitmap *b, int overhang)
{
	int w = (int)b->width, rows = (int)b->rows;
	if (w == 0 || rows == 0 ||
	    (b->pixel_mode != FT_PIXEL_MODE_GRAY &&
	     b->pixel_mode != FT_PIXEL_MODE_MONO)) {
		g->w = overhang; /* SDL_ttf widens even an empty box */
		g->rows = 0;
		return 0;
	}
	g->w = w + overhang;
	g->rows = rows;
	g->pix = calloc((size_t)g->w * (size_t)rows, 1);
	if (!g->pix)
		return -1;
	for (int y = 0; y < rows; y++) {
		const unsigned char *src = b->buffer + (ptrdiff_t)y * b->pitch;
		unsigned char *dst = g->pix + (size_t)y * (size_t)g->w;
		for (int x = 0; x < w; x++)
			dst[x] = b->pixel_mode == FT_PIXEL_MODE_GRAY ?
					 src[x] :
					 ((src[x / 8] >> (7 - x % 8)) & 1) * 255;
		for (int k = 0; k < overhang; k++)
			for (int x = g->w - 1; x > 0; x--) {
				int v = dst[x] + dst[x - 1];
				dst[x] = (unsigned char)(v > 255 ? 255 : v);
			}
	}
	return 0;
}

static void forget_glyphs(struct app_sized *z)
{
	for (int g = 0; g < z->cap; g++)
		free(z->glyphs[g].pix);
	memset(z->glyphs, 0, (size_t)z->cap * sizeof(*z->glyphs));
	z->count = 0;
}

/* The glyph slot of index in z's table, growing it when half full. */
static struct app_glyph *glyph_slot(struct app_sized *z, FT_UInt index)
{
	void *glyphs = z->glyphs;
	struct app_glyph *g = table_slot(&glyphs, &z->cap, z->count, sizeof(*g),
					 index);
	z->glyphs = glyphs;
	return g;
}

/* What the rendered glyphs are made with: bump it when keep_bitmap or
 * the load and render modes in glyph() change, so older cache files are
 * not read (glyphcache.h). */
#define GLYPHS_VERSION 1

/* g, the slot of index, filled from the glyph cache (its bitmap copied:
 * the table owns every bitmap it holds). */
static struct app_glyph *kept_glyph(struct app_sized *z, struct app_glyph *g,
				    FT_UInt index,
				    const struct app_gcache_glyph *cg)
{
	*g = (struct app_glyph){ .slot = { index, false },
				 .left = cg->left,
				 .top = cg->top,
				 .w = cg->w,
				 .rows = cg->rows,
				 .advance = cg->advance };
	size_t n = (size_t)cg->w * (size_t)cg->rows;
	if (n) {
		g->pix = malloc(n);
		if (!g->pix)
			return NULL;
		memcpy(g->pix, cg->pix, n);
	}
	g->slot.used = true;
	z->count++;
	return g;
}

/* Glyph index of z's font, loaded, hinted and rendered once at z's size
 * (which other slots of the same file may have left inactive); NULL if
 * it cannot be. */
static struct app_glyph *glyph(struct app_text *t, struct app_sized *z,
			       FT_UInt index)
{
	struct app_glyph *g = glyph_slot(z, index);
	if (!g)
		return NULL;
	if (g->slot.used)
		return g;
	struct app_gcache_key key = { (uint32_t)z->file, (uint16_t)z->px,
				      (uint16_t)z->overhang, index };
	bool keyed = z->px > 0 && z->px <= UINT16_MAX && z->overhang <= UINT16_MAX;
	struct app_gcache_glyph cg;
	if (t->gcache && keyed && app_gcache_find(t->gcache, &key, &cg))
		return kept_glyph(z, g, index, &cg);
	FT_Face face = ft_sized(t, z);
	if (!face)
		return NULL;
	t->glyph_loads++;
	if (FT_Load_Glyph(face, index, FT_LOAD_DEFAULT) != 0)
		return NULL;
	FT_GlyphSlot s = face->glyph;
	if (s->format != FT_GLYPH_FORMAT_BITMAP &&
	    FT_Render_Glyph(s, FT_RENDER_MODE_NORMAL) != 0)
		return NULL;
	*g = (struct app_glyph){ .slot = { index, false },
				 .left = s->bitmap_left,
				 .top = s->bitmap_top,
				 .advance = s->advance.x };
	if (keep_bitmap(g, &s->bitmap, z->overhang) < 0)
		return NULL;
	g->slot.used = true;
	z->count++;
	if (t->gcache && keyed)
		(void)app_gcache_add(
			t->gcache, &key,
			&(struct app_gcache_glyph){ .left = g->left,
						    .top = g->top,
						    .w = g->w,
						    .rows = g->rows,
						    .advance = g->advance,
						    .pix = g->pix });
	return g;
}

int app_text_cache_open(struct app_text *t, const char *path)
{
	if (t->gcache)
		return 0;
	FT_Int major = 0, minor = 0, patch = 0;
	FT_Library_Version(t->ft, &major, &minor, &patch);
	/* Glyphs of another FreeType, or of another keep_bitmap, are not
	 * these: bump GLYPHS_VERSION when keep_bitmap or the load flags
	 * change. */
	uint32_t version = (uint32_t)GLYPHS_VERSION << 24 |
			   (uint32_t)(major & 0xff) << 16 |
			   (uint32_t)(minor & 0xff) << 8 |
			   (uint32_t)(patch & 0xff);
	t->gcache = calloc(1, sizeof(*t->gcache));
	t->gcache_path = path ? strdup(path) : NULL;
	if (!t->gcache || (path && !t->gcache_path)) {
		free(t->gcache);
		free(t->gcache_path);
		t->gcache = NULL;
		t->gcache_path = NULL;
		return -ENOMEM;
	}
	app_gcache_open(t->gcache, path, version);
	for (int k = 0; k < t->nfile; k++)
		if (t->files[k].map)
			app_gcache_set_file(t->gcache, k, &t->files[k].id);
	return 0;
}

/* Decodes one UTF-8 character at *p, advancing it; U+FFFD for bad
 * bytes. */
static Uint32 next_char(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	Uint32 c = s[0];
	int n = c < 0x80  ? 0 :
		c >= 0xF0 ? 3 :
		c >= 0xE0 ? 2 :
		c >= 0xC0 ? 1 :
			    -1;
	if (n < 0) {
		(*p)++;
		return 0xFFFD;
	}
	c = n == 0 ? c : c & (0x3Fu >> n);
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*p += i;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3Fu);
	}
	*p += n + 1;
	return c;
}

/* The first font of the slot with a glyph for c, or -1. */
static int font_with(struct app_text *t, struct app_open_font *o, Uint32 c)
{
	for (int i = 0; i < t->nfiles[o->face]; i++)
		if (sized(t, o, i) && char_index(t, t->file_of[o->face][i], c))
			return i;
	return -1;
}

/* Which font of the slot draws c: the first that has it, else the
 * first (which draws its "missing" box). */
static int font_for(struct app_text *t, struct app_open_font *o, Uint32 c)
{
	int i = c < 0x80 ? 0 : font_with(t, o, c);
	return i < 0 ? 0 : i;
}

int app_text_font_for(struct app_text *t, enum app_face face, Uint32 c)
{
	return font_with(t, slot(t, 16, face), c);
}

/* Most characters of one string; the rest are not drawn. */
#define MAX_GLYPHS 1024
#define MAX_RUNS 64

/* A glyph placed in its run: the pen's x in 26.6, from the run's start.
 * A copy: the table it came from may grow before the string ends (its
 * bitmap stays where it is until lay_out forgets the table). */
struct placed {
	struct app_glyph g;
	long x;
};

/* A run of characters drawn by one font, laid out as SDL_ttf lays out a
 * line: glyph boxes from the pen's whole pixel, the box of all of them
 * and of the pen's end, the line's height at least. */
struct run {
	int file;
	struct app_sized *z;
	int first, n; /* its glyphs in the layout's list */
	int w, h, xstart, ystart;
};

struct layout {
	struct app_open_font *o;
	struct placed glyph[MAX_GLYPHS];
	int n;
	struct run run[MAX_RUNS];
	int nrun;
	int w; /* the runs' widths added */
};

/* The layout measuring and rendering use in turn (one thread draws). */
static struct layout scratch;

static void end_run(struct layout *l, struct run *r, long x)
{
	int minx = 0, maxx = 0, miny = 0, maxy = r->z->height;
	for (int i = r->first; i < r->first + r->n; i++) {
		const struct app_glyph *g = &l->glyph[i].g;
		int gx = FLOOR6(l->glyph[i].x) + g->left;
		int gy = r->z->ascent - g->top;
		minx = gx < minx ? gx : minx;
		maxx = gx + g->w > maxx ? gx + g->w : maxx;
		miny = gy < miny ? gy : miny;
		maxy = gy + g->rows > maxy ? gy + g->rows : maxy;
	}
	maxx = FLOOR6(x) > maxx ? FLOOR6(x) : maxx;
	r->w = maxx - minx;
	r->h = maxy - miny;
	r->xstart = -minx;
	r->ystart = -miny;
	l->w += r->w;
	l->nrun++;
}

/* Lays s out at (face, px): runs of one font each. Returns 0, or -1 when
 * the face's first font cannot be used. */
static int lay_out(struct app_text *t, const char *s, int px,
		   enum app_face face, struct layout *l)
{
	l->o = slot(t, px, face);
	l->n = l->nrun = l->w = 0;
	if (!sized(t, l->o, 0))
		return -1;
	/* Room for the whole string's glyphs in every table. */
	for (int i = 0; i < APP_TEXT_FILES; i++)
		if (l->o->file[i].count > APP_TEXT_GLYPHS - MAX_GLYPHS)
			forget_glyphs(&l->o->file[i]);
	struct run *r = NULL;
	long x = 0;
	for (const char *p = s; *p && l->n < MAX_GLYPHS;) {
		Uint32 c = next_char(&p);
		int f = font_for(t, l->o, c);
		if (!r || r->file != f) {
			if (r)
				end_run(l, r, x);
			if (l->nrun == MAX_RUNS)
				return 0;
			struct app_sized *z = sized(t, l->o, f);
			r = NULL;
			if (!z)
				continue;
			r = &l->run[l->nrun];
			*r = (struct run){ .file = f, .z = z, .first = l->n };
			x = 0;
		}
		FT_UInt index = char_index(t, r->z->file, c);
		struct app_glyph *g = glyph(t, r->z, index);
		if (!g)
			continue;
		l->glyph[l->n++] = (struct placed){ *g, x };
		r->n++;
		x += g->advance;
	}
	if (r)
		end_run(l, r, x);
	return 0;
}

static unsigned long hash_str(const char *s)
{
	unsigned long h = 14695981039346656037ul;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ul;
	return h;
}

int app_text_width(struct app_text *t, const char *s, int px, enum app_face face)
{
	unsigned long h = hash_str(s);
	struct app_text_width *set =
		&t->widths[(h ^ ((unsigned long)px * 31 + (unsigned long)face) *
					2654435761ul) %
			   (APP_TEXT_WIDTHS / APP_TEXT_WIDTH_WAYS) * APP_TEXT_WIDTH_WAYS];
	struct app_text_width *e = set;
	for (int i = 0; i < APP_TEXT_WIDTH_WAYS; i++) {
		struct app_text_width *c = &set[i];
		if (c->str && c->hash == h && c->px == px && c->face == face &&
		    strcmp(c->str, s) == 0) {
			c->used = ++t->width_clock;
			return c->w;
		}
		if (!c->str || (e->str && c->used < e->used))
			e = c; /* a free slot, else the least recently used */
	}
	t->measures++;
	struct layout *l = &scratch;
	if (lay_out(t, s, px, face, l) < 0)
		return 0;
	char *copy = strdup(s);
	if (copy) {
		free(e->str);
		*e = (struct app_text_width){ copy, h,    px,
					      face, l->w, ++t->width_clock };
	}
	return l->w;
}

int app_text_height(struct app_text *t, int px, enum app_face face)
{
	const struct app_sized *z = sized(t, slot(t, px, face), 0);
	return z ? z->height : px;
}

/* ORs g's coverage, times alpha, into the alpha of the pixels it covers
 * at (gx, gy), within columns [x0, x1) and rows [0, h). */
static void blit_glyph(Uint32 *pixels, int stride, int x0, int x1, int h,
		       int gx, int gy, const struct app_glyph *g, unsigned alpha)
{
	int from = gx < x0 ? x0 - gx : 0;
	int to = gx + g->w > x1 ? x1 - gx : g->w;
	for (int y = gy < 0 ? -gy : 0; y < g->rows && gy + y < h; y++) {
		Uint32 *row = pixels + (ptrdiff_t)(gy + y) * stride + gx;
		const unsigned char *src = g->pix + (size_t)y * (size_t)g->w;
		for (int x = from; x < to; x++) {
			unsigned v = src[x];
			if (alpha != 255) {
				v *= alpha;
				v = (v + 1 + (v >> 8)) >> 8; /* v / 255 */
			}
			row[x] |= (Uint32)v << 24;
		}
	}
}

/* The layout's height and baseline: the runs stand on the highest
 * ascent's baseline, each as tall as its box. */
static int layout_height(const struct layout *l, int *top)
{
	int h = 0;
	*top = 0;
	for (int i = 0; i < l->nrun; i++)
		*top = l->run[i].z->ascent > *top ? l->run[i].z->ascent : *top;
	for (int i = 0; i < l->nrun; i++) {
		int bottom = *top - l->run[i].z->ascent + l->run[i].h;
		h = bottom > h ? bottom : h;
	}
	return h;
}

/* Writes every pixel of a w × h ARGB image (stride pixels a row): each
 * run's box in the colour at alpha 0, the rest 0, then each glyph's
 * coverage ORed into alpha, as SDL_ttf's blended text is made. */
static void draw_layout(const struct layout *l, struct app_rgba c, int top,
			Uint32 *pixels, int stride, int w, int h)
{
	Uint32 rgb = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
	unsigned alpha = c.a ? c.a : 255; /* SDL_ttf's reading of 0 */
	for (int y = 0; y < h; y++) {
		Uint32 *row = pixels + (ptrdiff_t)y * stride;
		for (int i = 0, rx = 0; i < l->nrun; rx += l->run[i++].w) {
			int ry = top - l->run[i].z->ascent;
			Uint32 v = y >= ry && y < ry + l->run[i].h ? rgb : 0;
			for (int x = rx; x < rx + l->run[i].w && x < w; x++)
				row[x] = v;
		}
	}
	for (int i = 0, rx = 0; i < l->nrun; rx += l->run[i++].w) {
		const struct run *r = &l->run[i];
		int ry = top - r->z->ascent;
		for (int k = r->first; k < r->first + r->n; k++) {
			const struct app_glyph *g = &l->glyph[k].g;
			blit_glyph(pixels, stride, rx, rx + r->w, h,
				   rx + r->xstart + FLOOR6(l->glyph[k].x) + g->left,
				   ry + r->ystart + r->z->ascent - g->top, g,
				   alpha);
		}
	}
}

static bool same_key(const struct app_text_entry *e, unsigned long h,
		     const char *s, int px, enum app_face face, struct app_rgba c)
{
	return e->str && e->hash == h && e->px == px && e->face == face &&
	       e->color.r == c.r && e->color.g == c.g && e->color.b == c.b &&
	       e->color.a == c.a && strcmp(e->str, s) == 0;
}

/* Lays e out for its size; its pixels are made when needed (pixels). */
static int render_entry(struct app_text *t, struct app_text_entry *e)
{
	e->w = 0;
	e->h = app_text_height(t, e->px, e->face);
	if (!e->str[0])
		return 0;
	struct layout *l = &scratch;
	if (lay_out(t, e->str, e->px, e->face, l) < 0 || l->nrun == 0)
		return -1;
	int top, h = layout_height(l, &top);
	if (l->w <= 0 || h <= 0)
		return l->w == 0 ? 0 : -1;
	e->w = l->w;
	e->h = h;
	return 0;
}

/* e's pixels: its own (made now if it has none) when keep, else, if it
 * has none, drawn into t->tmp (valid until the next call that draws
 * text). NULL for an empty string, or when they cannot be made. */
static const Uint32 *pixels(struct app_text *t, struct app_text_entry *e, bool keep)
{
	if (e->pix || e->w <= 0)
		return e->pix;
	struct layout *l = &scratch;
	int top;
	if (lay_out(t, e->str, e->px, e->face, l) < 0 ||
	    layout_height(l, &top) != e->h || l->w != e->w)
		return NULL;
	size_t n = (size_t)e->w * (size_t)e->h;
	Uint32 *p;
	if (keep) {
		p = e->pix = malloc(n * sizeof(*p));
	} else {
		if (n > t->cap_tmp) {
			free(t->tmp);
			t->tmp = malloc(n * sizeof(*t->tmp));
			t->cap_tmp = t->tmp ? n : 0;
		}
		p = t->tmp;
	}
	if (!p)
		return NULL;
	draw_layout(l, e->color, top, p, e->w, e->w, e->h);
	t->renders++;
	return p;
}

static struct app_text_entry *get(struct app_text *t, const char *s, int px,
				  enum app_face face, struct app_rgba color)
{
	unsigned long h = hash_str(s);
	struct app_text_entry *lru = &t->cache[0];
	for (int i = 0; i < APP_TEXT_CACHE; i++) {
		struct app_text_entry *e = &t->cache[i];
		if (same_key(e, h, s, px, face, color)) {
			e->used = ++t->clock;
			e->frame = t->frame;
			return e;
		}
		if (e->used < lru->used)
			lru = e;
	}
	drop(lru);
	*lru = (struct app_text_entry){ .str = strdup(s),
					.hash = h,
					.px = px,
					.face = face,
					.color = color,
					.used = ++t->clock,
					.frame = t->frame };
	if (!lru->str || render_entry(t, lru) < 0) {
		drop(lru);
		return NULL;
	}
	return lru;
}

const struct app_text_entry *app_text_get(struct app_text *t, const char *s,
					  int px, enum app_face face,
					  struct app_rgba color)
{
	struct app_text_entry *e = get(t, s, px, face, color);
	if (e && e->w > 0 && !pixels(t, e, true))
		return NULL;
	return e;
}

bool app_text_size(struct app_text *t, const char *s, int px,
		   enum app_face face, struct app_rgba color, int *w, int *h)
{
	const struct app_text_entry *e = get(t, s, px, face, color);
	if (!e)
		return false;
	*w = e->w;
	*h = e->h;
	return true;
}

/* e's texture, made from its pixels the first time SDL draws it. */
static SDL_Texture *texture(struct app_text *t, struct app_text_entry *e)
{
	if (e->tex || !pixels(t, e, true))
		return e->tex;
	e->tex = SDL_CreateTexture(t->ren, SDL_PIXELFORMAT_ARGB8888,
				   SDL_TEXTUREACCESS_STATIC, e->w, e->h);
	if (e->tex && (SDL_UpdateTexture(e->tex, NULL, e->pix,
					 e->w * (int)sizeof(*e->pix)) != 0 ||
		       SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND) != 0)) {
		SDL_DestroyTexture(e->tex);
		e->tex = NULL;
	}
	return e->tex;
}

int app_text_left(int x, int w, int align)
{
	return x - (align == 1 ? w / 2 : align == 2 ? w : 0);
}

int app_text_draw(struct app_text *t, const char *s, int px, enum app_face face,
		  struct app_rgba color, int x, int y, int align)
{
	struct app_text_entry *e = get(t, s, px, face, color);
	if (!e)
		return 0;
	SDL_Texture *tex = texture(t, e);
	if (!tex)
		return e->w;
	SDL_Rect r = { app_text_left(x, e->w, align), y, e->w, e->h };
	SDL_RenderCopy(t->ren, tex, NULL, &r);
	return e->w;
}

/* One pixel of app_text_blend_row. */
static inline Uint32 blend1(Uint32 s, Uint32 d)
{
	unsigned a = s >> 24;
	if (a == 0)
		return d;
	if (a == 255)
		return s;
	Uint32 o = 0;
	for (int sh = 0; sh < 32; sh += 8) {
		unsigned sc = (s >> sh) & 0xff, dc = (d >> sh) & 0xff;
		unsigned v = ((sc * (sh == 24 ? 255 : a)) >> 8) +
			     ((dc * (255 - a)) >> 8);
		o |= (v > 255 ? 255 : v) << sh;
	}
	return o;
}

#ifdef __SSE2__
/* Two pixels of app_text_blend_row, a channel in each 16-bit lane of s
 * and d, a their alpha in every lane: s·a >> 8 (s·255 >> 8 in the
 * alpha lanes, where alpha_lane ORs in 255) plus d·(255 − a) >> 8. */
static inline __m128i blend_half(__m128i s, __m128i d, __m128i a,
				 __m128i alpha_lane, __m128i ff)
{
	__m128i sa = _mm_mullo_epi16(s, _mm_or_si128(a, alpha_lane));
	__m128i da = _mm_mullo_epi16(d, _mm_xor_si128(a, ff));
	return _mm_add_epi16(_mm_srli_epi16(sa, 8), _mm_srli_epi16(da, 8));
}
#endif

void app_text_blend_row(Uint32 *dst, const Uint32 *src, int n)
{
	int x = 0;
#ifdef __SSE2__
	/* Four pixels at a time, each channel in a 16-bit lane (products
	 * of at most 255·255 fit), packed back with the saturation SDL's
	 * MMX blitter packs with; pixels of alpha 0 and 255 chosen after. */
	const __m128i zero = _mm_setzero_si128();
	const __m128i amask = _mm_set1_epi32((int)0xff000000u);
	const __m128i ff = _mm_set1_epi16(0xff);
	const __m128i alpha_lane = _mm_set_epi16(0xff, 0, 0, 0, 0xff, 0, 0, 0);
	for (; x + 4 <= n; x += 4) {
		__m128i s = _mm_loadu_si128(
			(const __m128i *)(const void *)(src + x));
		__m128i a = _mm_and_si128(s, amask);
		__m128i none = _mm_cmpeq_epi32(a, zero);
		if (_mm_movemask_epi8(none) == 0xffff)
			continue;
		__m128i *q = (__m128i *)(void *)(dst + x);
		__m128i d = _mm_loadu_si128(q);
		__m128i all = _mm_cmpeq_epi32(a, amask);
		__m128i a32 = _mm_srli_epi32(s, 24);
		__m128i a16 = _mm_or_si128(a32, _mm_slli_epi32(a32, 16));
		__m128i alo = _mm_unpacklo_epi32(a16, a16);
		__m128i ahi = _mm_unpackhi_epi32(a16, a16);
		__m128i slo = _mm_unpacklo_epi8(s, zero);
		__m128i shi = _mm_unpackhi_epi8(s, zero);
		__m128i dlo = _mm_unpacklo_epi8(d, zero);
		__m128i dhi = _mm_unpackhi_epi8(d, zero);
		__m128i lo = blend_half(slo, dlo, alo, alpha_lane, ff);
		__m128i hi = blend_half(shi, dhi, ahi, alpha_lane, ff);
		__m128i v = _mm_packus_epi16(lo, hi);
		v = _mm_or_si128(_mm_and_si128(all, s), _mm_andnot_si128(all, v));
		v = _mm_or_si128(_mm_and_si128(none, d),
				 _mm_andnot_si128(none, v));
		_mm_storeu_si128(q, v);
	}
#endif
	for (; x < n; x++)
		dst[x] = blend1(src[x], dst[x]);
}

int app_text_blend(struct app_text *t, const char *s, int px,
		   enum app_face face, struct app_rgba color, int x, int y,
		   int align, SDL_Surface *out, const SDL_Rect *clip)
{
	struct app_text_entry *e = get(t, s, px, face, color);
	if (!e)
		return 0;
	SDL_Rect r = { app_text_left(x, e->w, align), y, e->w, e->h }, k, cut;
	SDL_Rect whole = { 0, 0, out->w, out->h };
	if (e->w <= 0 || !SDL_IntersectRect(clip, &whole, &k) ||
	    !SDL_IntersectRect(&r, &k, &cut))
		return e->w;
	/* Kept from the second time it is drawn (text.h). */
	const Uint32 *pix = pixels(t, e, e->drawn);
	e->drawn = true;
	if (!pix)
		return e->w;
	SDL_RenderFlush(t->ren); /* what SDL has queued goes first */
	for (int row = cut.y; row < cut.y + cut.h; row++) {
		Uint32 *d = (Uint32 *)(void *)((Uint8 *)out->pixels +
					       (size_t)row * (size_t)out->pitch) +
			    cut.x;
		const Uint32 *p = pix + (size_t)(row - r.y) * (size_t)e->w +
				  (cut.x - r.x);
		app_text_blend_row(d, p, cut.w);
	}
	return e->w;
}

int app_check_fonts(enum app_lang lang)
{
	char dir[4096];
	if (app_font_dir(dir, sizeof(dir)) == 0)
		return 0;
	char msg[8400];
	app_font_dir_message(msg, sizeof(msg), dir, lang);
	app_message(msg);
	return 2;
}
