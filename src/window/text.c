/* Fonts, fallback runs and the text cache; see text.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gdstep-config.h"
#include "window.h"
#include "lang.h"
#include "text.h"

/* The first file of each face is required; the rest are fallbacks tried
 * for characters the first lacks: the Chinese subset (fonts/README). It
 * has one weight, emboldened by FreeType in the bold face. */
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

static SDL_RWops *font_rw(struct app_text *t, enum app_face face, int i);

int app_text_init(struct app_text *t, SDL_Renderer *ren, const char *dir,
		  char *err, size_t err_size)
{
	memset(t, 0, sizeof(*t));
	t->ren = ren;
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
			t->files[f][t->nfiles[f]++] = strdup(path);
		}
	}
	/* Files named twice (the Chinese fallback of both faces) share a
	 * font: shared[k] serves every file named names[k]. */
	const char *names[APP_FACE_COUNT * APP_TEXT_FILES];
	int nshared = 0;
	for (int f = 0; f < APP_FACE_COUNT; f++)
		for (int i = 0; i < t->nfiles[f]; i++) {
			int k = 0;
			while (k < nshared && strcmp(names[k], t->files[f][i]) != 0)
				k++;
			if (k == nshared)
				names[nshared++] = t->files[f][i];
			t->shared_of[f][i] = k;
		}
	/* A font that is there but not a font fails here, not mid-lecture.
	 * Opened from its mapping and kept as the file's shared font, it is
	 * not opened a second time for the first frame. */
	struct app_shared_font *sh = &t->shared[t->shared_of[APP_FACE_REGULAR][0]];
	SDL_RWops *rw = font_rw(t, APP_FACE_REGULAR, 0);
	sh->font = rw ? TTF_OpenFontRW(rw, 1, 12) : NULL;
	sh->px = 12;
	sh->style = TTF_STYLE_NORMAL;
	if (!sh->font) {
		snprintf(err, err_size, "%s: %s", t->files[APP_FACE_REGULAR][0],
			 rw ? TTF_GetError() :
			      "not a font (empty, or cannot be mapped)");
		app_text_finish(t);
		return -ENOENT;
	}
	return 0;
}

static void close_slot(struct app_open_font *o)
{
	for (int i = 0; i < APP_TEXT_FILES; i++)
		if (o->font[i])
			TTF_CloseFont(o->font[i]);
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
		free(e->str);
		memset(e, 0, sizeof(*e));
	}
}

static void drop(struct app_text_entry *e)
{
	if (e->tex)
		SDL_DestroyTexture(e->tex);
	free(e->str);
	memset(e, 0, sizeof(*e));
}

void app_text_begin_frame(struct app_text *t)
{
	int live = 0;
	/* From the second frame on, whoever draws (the window settles
	 * sooner, once the first frame is shown). */
	if (t->frame > 0)
		app_text_settle(t);
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
	app_text_clear(t);
	for (int i = 0; i < APP_TEXT_OPEN; i++)
		close_slot(&t->open[i]);
	for (int i = 0; i < APP_FACE_COUNT * APP_TEXT_FILES; i++) {
		if (t->shared[i].font)
			TTF_CloseFont(t->shared[i].font);
		t->shared[i].font = NULL;
	}
	for (int f = 0; f < APP_FACE_COUNT; f++)
		for (int i = 0; i < APP_TEXT_FILES; i++) {
			if (t->map[f][i])
				munmap(t->map[f][i], t->map_len[f][i]);
			t->map[f][i] = NULL;
			free(t->files[f][i]);
			t->files[f][i] = NULL;
		}
}

/* Maps font file i of a face; NULL if it cannot be. */
static SDL_RWops *font_rw(struct app_text *t, enum app_face face, int i)
{
	if (!t->map[face][i]) {
		int fd = open(t->files[face][i], O_RDONLY | O_CLOEXEC);
		struct stat st;
		if (fd < 0)
			return NULL;
		void *m = fstat(fd, &st) == 0 && st.st_size > 0 ?
				  mmap(NULL, (size_t)st.st_size, PROT_READ,
				       MAP_PRIVATE, fd, 0) :
				  MAP_FAILED;
		close(fd);
		if (m == MAP_FAILED)
			return NULL;
		t->map[face][i] = m;
		t->map_len[face][i] = (size_t)st.st_size;
	}
	return SDL_RWFromConstMem(t->map[face][i], (int)t->map_len[face][i]);
}

/* The open fonts of (face, px), opening the slot (not the files) if
 * needed and recycling the least recently used one. */
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

/* The style file i of a slot is drawn in: a fallback with no bold of its
 * own is drawn emboldened. */
static int style_of(const struct app_open_font *o, int i)
{
	return o->face == APP_FACE_BOLD && i > 0 ? TTF_STYLE_BOLD :
						   TTF_STYLE_NORMAL;
}

static TTF_Font *open_font(struct app_text *t, const struct app_open_font *o, int i)
{
	SDL_RWops *rw = font_rw(t, o->face, i);
	TTF_Font *f = rw ? TTF_OpenFontRW(rw, 1, o->px) : NULL;
	if (f && style_of(o, i) != TTF_STYLE_NORMAL)
		TTF_SetFontStyle(f, style_of(o, i));
	return f;
}

/* File i's shared font, set to the slot's size and style (SDL_ttf sets
 * them as opening does, so it draws the same pixels). */
static TTF_Font *shared_font(struct app_text *t, const struct app_open_font *o,
			     int i)
{
	struct app_shared_font *s = &t->shared[t->shared_of[o->face][i]];
	int style = style_of(o, i);
	if (!s->font) {
		s->font = open_font(t, o, i);
		s->px = o->px;
		s->style = style;
		return s->font;
	}
	if (s->px != o->px) {
		if (TTF_SetFontSize(s->font, o->px) != 0)
			return NULL;
		s->px = o->px;
	}
	if (s->style != style) {
		TTF_SetFontStyle(s->font, style);
		s->style = style;
	}
	return s->font;
}

/* Font i of a slot: the file's shared one until the text settles, then
 * its own, opened on first use; NULL if it cannot be. */
static TTF_Font *font_at(struct app_text *t, struct app_open_font *o, int i)
{
	if (i >= t->nfiles[o->face] || o->failed[i])
		return NULL;
	if (!o->font[i] && !t->settled) {
		TTF_Font *f = shared_font(t, o, i);
		o->failed[i] = f == NULL;
		o->shared[i] = true;
		return f;
	}
	if (!o->font[i]) {
		o->font[i] = open_font(t, o, i);
		o->failed[i] = o->font[i] == NULL;
	}
	return o->font[i];
}

void app_text_settle(struct app_text *t)
{
	if (t->settled)
		return;
	t->settled = true;
	for (int k = 0; k < APP_FACE_COUNT * APP_TEXT_FILES; k++) {
		struct app_shared_font *s = &t->shared[k];
		for (int n = 0; n < APP_TEXT_OPEN && s->font; n++) {
			struct app_open_font *o = &t->open[n];
			for (int i = 0; i < t->nfiles[o->face] && s->font; i++)
				if (o->px == s->px && !o->font[i] &&
				    !o->failed[i] &&
				    t->shared_of[o->face][i] == k &&
				    style_of(o, i) == s->style) {
					o->font[i] = s->font;
					s->font = NULL;
				}
		}
		if (s->font)
			TTF_CloseFont(s->font);
		s->font = NULL;
	}
	for (int n = 0; n < APP_TEXT_OPEN; n++)
		for (int i = 0; i < APP_TEXT_FILES; i++)
			if (t->open[n].shared[i])
				(void)font_at(t, &t->open[n], i);
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

/* Which font of the slot draws c: the first that has it, else the
 * first (which draws its "missing" box). */
static int font_for(struct app_text *t, struct app_open_font *o, Uint32 c)
{
	if (c < 0x80)
		return 0;
	for (int i = 0; i < t->nfiles[o->face]; i++) {
		TTF_Font *f = font_at(t, o, i);
		if (f && TTF_GlyphIsProvided32(f, c))
			return i;
	}
	return 0;
}

/* Splits s into runs of one font each: calls fn for every run. */
typedef int (*run_fn)(void *ctx, TTF_Font *font, const char *run);
static int each_run(struct app_text *t, const char *s, int px,
		    enum app_face face, run_fn fn, void *ctx)
{
	struct app_open_font *o = slot(t, px, face);
	if (!font_at(t, o, 0))
		return -1;
	size_t len = strlen(s);
	char *buf = malloc(len + 1);
	if (!buf)
		return -1;
	const char *p = s;
	int rc = 0;
	while (*p && rc == 0) {
		const char *start = p;
		int f = font_for(t, o, next_char(&p));
		const char *end = p;
		while (*p) {
			const char *q = p;
			if (font_for(t, o, next_char(&q)) != f)
				break;
			p = end = q;
		}
		memcpy(buf, start, (size_t)(end - start));
		buf[end - start] = '\0';
		rc = fn(ctx, font_at(t, o, f), buf);
	}
	free(buf);
	return rc;
}

static int measure_run(void *ctx, TTF_Font *font, const char *run)
{
	int w = 0, h = 0;
	if (TTF_SizeUTF8(font, run, &w, &h) != 0)
		return -1;
	*(int *)ctx += w;
	return 0;
}

static unsigned long hash_str(const char *s);

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
	int w = 0;
	t->measures++;
	if (each_run(t, s, px, face, measure_run, &w) < 0)
		return 0;
	char *copy = strdup(s);
	if (copy) {
		free(e->str);
		*e = (struct app_text_width){ copy, h, px,
					      face, w, ++t->width_clock };
	}
	return w;
}

int app_text_height(struct app_text *t, int px, enum app_face face)
{
	TTF_Font *f = font_at(t, slot(t, px, face), 0);
	return f ? TTF_FontHeight(f) : px;
}

#define MAX_RUNS 64

struct runs {
	SDL_Color color;
	int n;
	SDL_Surface *surf[MAX_RUNS];
	int ascent[MAX_RUNS];
};

static int render_run(void *ctx, TTF_Font *font, const char *run)
{
	struct runs *r = ctx;
	if (r->n == MAX_RUNS)
		return 0;
	SDL_Surface *s = TTF_RenderUTF8_Blended(font, run, r->color);
	if (!s)
		return -1;
	r->ascent[r->n] = TTF_FontAscent(font);
	r->surf[r->n++] = s;
	return 0;
}

/* Joins the runs on a common baseline into one surface. */
static SDL_Surface *join_runs(struct runs *r)
{
	if (r->n == 1)
		return r->surf[0];
	int w = 0, h = 0, top = 0;
	for (int i = 0; i < r->n; i++) {
		w += r->surf[i]->w;
		top = r->ascent[i] > top ? r->ascent[i] : top;
	}
	for (int i = 0; i < r->n; i++) {
		int bottom = top - r->ascent[i] + r->surf[i]->h;
		h = bottom > h ? bottom : h;
	}
	SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(
		0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (dst) {
		SDL_FillRect(dst, NULL, 0);
		int x = 0;
		for (int i = 0; i < r->n; i++) {
			SDL_Rect at = { x, top - r->ascent[i], 0, 0 };
			SDL_SetSurfaceBlendMode(r->surf[i], SDL_BLENDMODE_NONE);
			SDL_BlitSurface(r->surf[i], NULL, dst, &at);
			x += r->surf[i]->w;
		}
	}
	for (int i = 0; i < r->n; i++)
		SDL_FreeSurface(r->surf[i]);
	return dst;
}

static unsigned long hash_str(const char *s)
{
	unsigned long h = 14695981039346656037ul;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ul;
	return h;
}

static bool same_key(const struct app_text_entry *e, unsigned long h,
		     const char *s, int px, enum app_face face, struct app_rgba c)
{
	return e->str && e->hash == h && e->px == px && e->face == face &&
	       e->color.r == c.r && e->color.g == c.g && e->color.b == c.b &&
	       e->color.a == c.a && strcmp(e->str, s) == 0;
}

static int render_entry(struct app_text *t, struct app_text_entry *e)
{
	e->w = 0;
	e->h = app_text_height(t, e->px, e->face);
	if (!e->str[0])
		return 0;
	struct runs r = { .color = { e->color.r, e->color.g, e->color.b,
				     e->color.a } };
	if (each_run(t, e->str, e->px, e->face, render_run, &r) < 0 || r.n == 0) {
		for (int i = 0; i < r.n; i++)
			SDL_FreeSurface(r.surf[i]);
		return -1;
	}
	SDL_Surface *s = join_runs(&r);
	if (!s)
		return -1;
	e->tex = SDL_CreateTextureFromSurface(t->ren, s);
	e->w = s->w;
	e->h = s->h;
	SDL_FreeSurface(s);
	t->renders++;
	return e->tex ? 0 : -1;
}

const struct app_text_entry *app_text_get(struct app_text *t, const char *s,
					  int px, enum app_face face,
					  struct app_rgba color)
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
	if (lru->tex)
		SDL_DestroyTexture(lru->tex);
	free(lru->str);
	*lru = (struct app_text_entry){ .str = strdup(s),
					.hash = h,
					.px = px,
					.face = face,
					.color = color,
					.used = ++t->clock,
					.frame = t->frame };
	if (!lru->str || render_entry(t, lru) < 0) {
		if (lru->tex)
			SDL_DestroyTexture(lru->tex);
		free(lru->str);
		memset(lru, 0, sizeof(*lru));
		return NULL;
	}
	return lru;
}

int app_text_draw(struct app_text *t, const char *s, int px, enum app_face face,
		  struct app_rgba color, int x, int y, int align)
{
	const struct app_text_entry *e = app_text_get(t, s, px, face, color);
	if (!e)
		return 0;
	if (!e->tex)
		return e->w;
	SDL_Rect r = { x - (align == 1 ? e->w / 2 :
			    align == 2 ? e->w :
					 0),
		       y, e->w, e->h };
	SDL_RenderCopy(t->ren, e->tex, NULL, &r);
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
