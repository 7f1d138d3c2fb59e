/*
 * Rendering display lists with SDL; see render.h. Shapes are rasterised
 * by raster.h into spans of equal coverage, which SDL fills as
 * one-pixel-high rectangles: opaque ones unblended, the anti-aliased
 * edges blended, one SDL call per alpha. (SDL 2.26's software
 * SDL_RenderGeometry blends every triangle through a temporary surface
 * the size of its bounding box: most of a frame's time before this.)
 * Opaque rectangles are filled without blending too: at alpha 255
 * blending gives the same pixels, at many times the cost. A clip cuts
 * SDL's drawing and the rasteriser's alike.
 *
 * The view layer: a frame's list opens with what changes only with the
 * view (background, grid, axes, tick labels, the curve). That prefix is
 * drawn once into a target texture and copied, unblended, at the start
 * of every frame whose prefix is the same primitive for primitive; the
 * rest of the list is drawn over it. Copying a prefix drawn by the same
 * renderer gives the pixels drawing it again would. What follows the
 * plot (header, panel, inset, caption) is kept the same way while it
 * does not change (draw_chrome).
 */
#define _DEFAULT_SOURCE /* madvise's MADV_POPULATE_WRITE */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "render.h"

int app_gfx_init(struct app_gfx *g, SDL_Renderer *ren, enum app_lang lang,
		 char *err, size_t err_size)
{
	memset(g, 0, sizeof(*g));
	g->ren = ren;
	app_raster_init(&g->raster);
	app_dlist_init(&g->dl);
	char dir[4096];
	if (app_font_dir(dir, sizeof(dir)) < 0) {
		app_font_dir_message(err, err_size, dir, lang);
		return -ENOENT;
	}
	return app_text_init(&g->text, ren, dir, err, err_size);
}

void app_gfx_finish(struct app_gfx *g)
{
	if (!g)
		return;
	app_text_finish(&g->text);
	app_raster_finish(&g->raster);
	free(g->rects);
	app_dlist_finish(&g->dl);
	app_layer_finish(&g->layer);
	app_layer_finish(&g->chrome);
	free(g->screen.marked);
	free(g->screen.row_runs);
	free(g->screen.open);
	free(g->screen.runs);
	free(g->screen.items);
	app_layer_finish(&g->last);
	memset(&g->screen, 0, sizeof(g->screen));
	free(g->parts);
	g->parts = NULL;
}

void app_gfx_invalidate(struct app_gfx *g)
{
	app_text_clear(&g->text);
	g->layer.valid = false;
	g->chrome.valid = false;
	g->screen.valid = false;
}

void app_gfx_damage(struct app_gfx *g)
{
	g->screen.valid = false;
}

static int measure_width(void *ctx, const char *s, int px, enum app_face face)
{
	return app_text_width(ctx, s, px, face);
}

static int measure_height(void *ctx, int px, enum app_face face)
{
	return app_text_height(ctx, px, face);
}

struct app_measure app_gfx_measure(struct app_gfx *g)
{
	return (struct app_measure){ .ctx = &g->text,
				     .width = measure_width,
				     .height = measure_height };
}

/* The clips in force while a list renders. */
struct clips {
	int n;
	SDL_Rect r[APP_RENDER_CLIP_DEPTH];
};

/* The size of what the renderer draws into now. */
static void target_size(SDL_Renderer *ren, int *w, int *h)
{
	SDL_Texture *t = SDL_GetRenderTarget(ren);
	*w = *h = 0;
	if (t)
		SDL_QueryTexture(t, NULL, NULL, w, h);
	else
		SDL_GetRendererOutputSize(ren, w, h);
}

/* Sets SDL's and the rasteriser's clip to the innermost rectangle, or
 * none; dashes are cut to it widened by 16 pixels. */
/* Dashes are cut to the clip k widened by 16 pixels (none: k NULL). */
static void set_cut(struct app_gfx *g, const SDL_Rect *k)
{
	if (!k)
		g->cut = (SDL_FRect){ -1e5f - 16, -1e5f - 16, 2e5f + 32,
				      2e5f + 32 };
	else
		g->cut = (SDL_FRect){ (float)k->x - 16, (float)k->y - 16,
				      (float)k->w + 32, (float)k->h + 32 };
}

static void apply_clip(struct app_gfx *g, const struct clips *c)
{
	SDL_Rect out = { 0, 0, 0, 0 }, r = out;
	target_size(g->ren, &out.w, &out.h);
	if (c->n == 0) {
		SDL_RenderSetClipRect(g->ren, NULL);
		set_cut(g, NULL);
		app_raster_clip(&g->raster, 0, 0, out.w, out.h);
		return;
	}
	const SDL_Rect *k = &c->r[c->n - 1];
	SDL_RenderSetClipRect(g->ren, k);
	set_cut(g, k);
	if (!SDL_IntersectRect(k, &out, &r))
		r = (SDL_Rect){ 0, 0, 0, 0 };
	app_raster_clip(&g->raster, r.x, r.y, r.w, r.h);
}

static void push_clip(struct app_gfx *g, struct clips *c, struct app_box b)
{
	SDL_Rect r = { (int)b.x, (int)b.y, (int)b.w, (int)b.h }, cut;
	if (c->n > 0) {
		if (!SDL_IntersectRect(&c->r[c->n - 1], &r, &cut))
			cut = (SDL_Rect){ r.x, r.y, 0, 0 };
		r = cut;
	}
	if (c->n < APP_RENDER_CLIP_DEPTH)
		c->r[c->n++] = r;
	apply_clip(g, c);
}

static void blend_rect(struct app_gfx *g, SDL_Rect r, struct app_rgba c);
static void clear_output(struct app_gfx *g, SDL_Surface *s, struct app_rgba c);

/* This frame's output surface while shapes go straight into it (not
 * while the view layer is drawn into its texture); NULL: SDL draws. */
static SDL_Surface *direct_now(struct app_gfx *g)
{
	return g->direct && !SDL_GetRenderTarget(g->ren) ? g->direct : NULL;
}

static void fill(struct app_gfx *g, const struct app_prim *p)
{
	struct app_rgba c = p->color;
	SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
	if (p->role == APP_ROLE_BACKGROUND) {
		SDL_Surface *out = direct_now(g);
		if (out && c.a == 255)
			clear_output(g, out, c);
		else
			SDL_RenderClear(g->ren); /* the whole output, clip or not */
		return;
	}
	SDL_Rect r = { (int)p->box.x, (int)p->box.y, (int)p->box.w, (int)p->box.h };
	if (direct_now(g)) {
		blend_rect(g, r, c);
		return;
	}
	if (c.a == 255)
		SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_NONE);
	SDL_RenderFillRect(g->ren, &r);
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
}

/* One dashed segment: dash and gap lengths in pixels, counted from
 * where the segment enters the clip widened by 16 pixels. */
static void dashed(struct app_gfx *g, float x0, float y0, float x1, float y1,
		   const struct app_prim *p)
{
	const SDL_FRect *k = &g->cut;
	double kx = (double)k->x, ky = (double)k->y;
	if (!app_raster_cut(kx, ky, kx + (double)k->w, ky + (double)k->h, &x0,
			    &y0, &x1, &y1))
		return;
	float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
	if (!(len > 0) || !(p->dash > 0) || !(p->gap >= 0))
		return;
	for (float t = 0; t < len; t += p->dash + p->gap) {
		float e = t + p->dash < len ? t + p->dash : len;
		float xs[2] = { x0 + dx * t / len, x0 + dx * e / len };
		float ys[2] = { y0 + dy * t / len, y0 + dy * e / len };
		app_raster_stroke(&g->raster, xs, ys, 2, p->width);
	}
}

/* An arrow from (x0, y0) to its tip (x1, y1): a shaft ending halfway
 * into a head four widths long (or as long as the arrow), 1.2 heads
 * wide. */
static void arrow(struct app_gfx *g, float x0, float y0, float x1, float y1,
		  float width)
{
	float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
	if (!(len > 0.5f) || !isfinite(len))
		return;
	float ux = dx / len, uy = dy / len;
	float head = width * 4 < len ? width * 4 : len;
	float half = head * 0.6f;
	float bx = x1 - ux * head, by = y1 - uy * head;
	float sx[2] = { x0, x1 - ux * head * 0.5f };
	float sy[2] = { y0, y1 - uy * head * 0.5f };
	app_raster_stroke(&g->raster, sx, sy, 2, width);
	float hx[3] = { x1, bx - uy * half, bx + uy * half };
	float hy[3] = { y1, by + ux * half, by - ux * half };
	app_raster_polygon(&g->raster, hx, hy, 3);
}

/* Whether the renderer is SDL's software one drawing into its output
 * (a window's surface or the surface it was made on), not a texture. */
static bool software_output(struct app_gfx *g)
{
	SDL_RendererInfo info;
	if (SDL_GetRenderTarget(g->ren) != NULL ||
	    SDL_GetRendererInfo(g->ren, &info) != 0 || !info.name)
		return false;
	return (info.flags & SDL_RENDERER_SOFTWARE) &&
	       strcmp(info.name, "software") == 0;
}

/*
 * The surface shapes can be blended into here rather than through SDL's
 * fill calls, which cost a call's overhead per span and most spans of
 * an anti-aliased edge are a pixel or two: the software renderer's
 * output, drawn at scale 1 from its corner, its size the renderer's, in
 * one of the two formats blend_spans writes (those of a window on X11
 * and of --screenshot).
 * NULL: let SDL fill.
 */
static SDL_Surface *direct_surface(struct app_gfx *g)
{
	SDL_Rect vp;
	float sx = 0, sy = 0;
	if (!software_output(g))
		return NULL;
	SDL_RenderGetScale(g->ren, &sx, &sy);
	SDL_RenderGetViewport(g->ren, &vp);
	if (sx != 1 || sy != 1 || vp.x != 0 || vp.y != 0)
		return NULL;
	SDL_Surface *s = g->surface;
	if (!s && SDL_RenderGetWindow(g->ren))
		s = SDL_GetWindowSurface(SDL_RenderGetWindow(g->ren));
	int w = 0, h = 0;
	if (!s || !s->pixels || SDL_MUSTLOCK(s) ||
	    (s->format->format != SDL_PIXELFORMAT_ARGB8888 &&
	     s->format->format != SDL_PIXELFORMAT_RGB888) ||
	    SDL_GetRendererOutputSize(g->ren, &w, &h) != 0 || w != s->w ||
	    h != s->h)
		return NULL;
	return s;
}

/* a·b/255 rounded down: SDL 2's blending arithmetic (SDL_draw.h). */
static inline unsigned mul255(unsigned a, unsigned b)
{
	return a * b / 255;
}

/* The same division for two products at once, one in each 16-bit half
 * of x (each at most 255·255): (v + 1 + (v >> 8)) >> 8 is v / 255 for
 * every such v, and no half carries into the other. */
static inline Uint32 div255x2(Uint32 x)
{
	return ((x + 0x00010001u + ((x >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
}

#ifdef __SSE2__
/* Four pixels of blend_span's loop at once, each channel in a 16-bit
 * lane: the same arithmetic as div255x2 (its division holds in any
 * 16-bit lane), so the same pixels. inva in every lane; add the
 * colour's premultiplied channels in the lanes of two pixels; keep the
 * bits kept. */
static inline __m128i blend4(__m128i p, __m128i inva, __m128i add, __m128i keep)
{
	const __m128i zero = _mm_setzero_si128(), one = _mm_set1_epi16(1);
	__m128i lo = _mm_mullo_epi16(_mm_unpacklo_epi8(p, zero), inva);
	__m128i hi = _mm_mullo_epi16(_mm_unpackhi_epi8(p, zero), inva);
	lo = _mm_srli_epi16(
		_mm_add_epi16(_mm_add_epi16(lo, one), _mm_srli_epi16(lo, 8)), 8);
	hi = _mm_srli_epi16(
		_mm_add_epi16(_mm_add_epi16(hi, one), _mm_srli_epi16(hi, 8)), 8);
	lo = _mm_add_epi16(lo, add);
	hi = _mm_add_epi16(hi, add);
	return _mm_and_si128(_mm_packus_epi16(lo, hi), keep);
}
#endif

/* Blends one span into s as SDL's software renderer fills it: at alpha
 * 255 set to the colour, else blended with SDL_BLENDMODE_BLEND in its
 * arithmetic (the colour premultiplied, a·c/255 rounded down). With
 * SSE2 (every x86-64), four pixels at a time: a label's band behind its
 * text and the panel's background are spans hundreds of pixels long. */
static void blend_span(SDL_Surface *s, struct app_rgba c,
		       const struct app_span *sp, Uint32 solid)
{
	/* The span's fields read once: the pixels written below could
	 * alias them as far as the compiler knows, and it would read them
	 * again for every pixel. */
	const int x0 = sp->x, y = sp->y, n = sp->w;
	bool alpha = s->format->format == SDL_PIXELFORMAT_ARGB8888;
	if (y < 0 || y >= s->h || x0 < 0 || n <= 0 || x0 + n > s->w)
		return;
	Uint32 *px = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch) +
		     x0;
	unsigned a = ((unsigned)sp->a * c.a + 127) / 255;
	int x = 0;
	if (a == 255) {
#ifdef __SSE2__
		const __m128i v = _mm_set1_epi32((int)solid);
		for (; x + 4 <= n; x += 4)
			_mm_storeu_si128((__m128i *)(void *)(px + x), v);
#endif
		for (; x < n; x++)
			px[x] = solid;
		return;
	}
	if (a == 0)
		return;
	/* Two channels at a time, 16 bits each: red and blue, then green
	 * and alpha; the colour's part of each (premultiplied) added after
	 * (a sum of at most 255, no carry). */
	Uint32 inva = 255 - a;
	Uint32 rb = mul255(c.r, a) << 16 | mul255(c.b, a);
	Uint32 ga = (alpha ? a << 16 : 0) | mul255(c.g, a);
	Uint32 keep = alpha ? 0xffffffffu : 0x00ffffffu;
#ifdef __SSE2__
	if (n >= 4) {
		/* A pixel's lanes, low to high: blue, green, red, alpha. */
		const __m128i va = _mm_set1_epi16((short)inva);
		const __m128i add = _mm_setr_epi16(
			(short)(rb & 0xff), (short)(ga & 0xff),
			(short)(rb >> 16), (short)(ga >> 16), (short)(rb & 0xff),
			(short)(ga & 0xff), (short)(rb >> 16), (short)(ga >> 16));
		const __m128i vk = _mm_set1_epi32((int)keep);
		for (; x + 4 <= n; x += 4) {
			__m128i *q = (__m128i *)(void *)(px + x);
			_mm_storeu_si128(q, blend4(_mm_loadu_si128(q), va, add,
						   vk));
		}
	}
#endif
	for (; x < n; x++) {
		Uint32 p = px[x];
		Uint32 q = (div255x2((p & 0x00ff00ffu) * inva) + rb) |
			   (div255x2(((p >> 8) & 0x00ff00ffu) * inva) + ga) << 8;
		px[x] = q & keep;
	}
}

/* The spans of the shape just rasterised blended into s, pixel for
 * pixel as SDL fills them (test render-direct-blend-as-sdl). They lie
 * in the rasteriser's clip, inside the output. */
static void blend_spans(struct app_gfx *g, SDL_Surface *s, struct app_rgba c, int n)
{
	Uint32 solid = SDL_MapRGBA(s->format, c.r, c.g, c.b, 255);
	SDL_RenderFlush(g->ren); /* what SDL has queued goes first */
	for (int i = 0; i < n; i++)
		blend_span(s, c, &g->raster.spans[i], solid);
}

/* Rectangle r, cut to the clip in force (the rasteriser's), filled in
 * colour c straight into the output, as SDL would fill it. */
static void blend_rect(struct app_gfx *g, SDL_Rect r, struct app_rgba c)
{
	const struct app_raster *ra = &g->raster;
	SDL_Surface *s = g->direct;
	SDL_Rect k = { ra->x0, ra->y0, ra->x1 - ra->x0, ra->y1 - ra->y0 }, cut;
	/* SDL 2's software renderer fills an empty rectangle a pixel wide
	 * and high, as it would any under a pixel. */
	r.w = r.w > 1 ? r.w : 1;
	r.h = r.h > 1 ? r.h : 1;
	if (c.a == 0 || !SDL_IntersectRect(&r, &k, &cut))
		return;
	Uint32 solid = SDL_MapRGBA(s->format, c.r, c.g, c.b, 255);
	SDL_RenderFlush(g->ren);
	for (int y = cut.y; y < cut.y + cut.h; y++)
		blend_span(s, c, &(struct app_span){ cut.x, y, cut.w, 255 },
			   solid);
}

/*
 * The whole output set to opaque colour c, as SDL_RenderClear sets it
 * (clip or not), with ordinary stores: SDL's SSE fill writes with
 * non-temporal stores (movntps), which go around the cache, and the
 * shapes, labels and panel of a frame drawn whole then read their
 * pixels back from memory (about 0.5 ms of the first frame at 1280×720
 * and 1920×1080).
 */
static void clear_output(struct app_gfx *g, SDL_Surface *s, struct app_rgba c)
{
	Uint32 solid = SDL_MapRGBA(s->format, c.r, c.g, c.b, 255);
	SDL_RenderFlush(g->ren); /* what SDL has queued goes first */
	for (int y = 0; y < s->h; y++)
		blend_span(s, c, &(struct app_span){ 0, y, s->w, 255 }, solid);
}

/* Fills the spans of the shape just rasterised in colour c: into the
 * output directly where it can (blend_spans), else grouped by alpha, one
 * SDL call per alpha, the opaque ones unblended. */
static void fill_spans(struct app_gfx *g, struct app_rgba c)
{
	struct app_raster *r = &g->raster;
	int n = app_raster_spans(r), count[256] = { 0 }, at[256];
	if (n == 0 || c.a == 0)
		return;
	if (direct_now(g)) {
		blend_spans(g, g->direct, c, n);
		return;
	}
	if (n > g->cap_rects) {
		SDL_Rect *v = realloc(g->rects, (size_t)n * sizeof(*v));
		if (!v)
			return;
		g->rects = v;
		g->cap_rects = n;
	}
	for (int i = 0; i < n; i++)
		count[(r->spans[i].a * c.a + 127) / 255]++;
	at[0] = 0;
	for (int a = 1; a < 256; a++)
		at[a] = at[a - 1] + count[a - 1];
	for (int i = 0; i < n; i++) {
		const struct app_span *s = &r->spans[i];
		g->rects[at[(s->a * c.a + 127) / 255]++] = (SDL_Rect){ s->x, s->y,
								       s->w, 1 };
	}
	for (int a = 1, end = count[0]; a < 256; a++) {
		end += count[a];
		if (count[a] == 0)
			continue;
		SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, (Uint8)a);
		SDL_SetRenderDrawBlendMode(g->ren, a == 255 ?
							   SDL_BLENDMODE_NONE :
							   SDL_BLENDMODE_BLEND);
		SDL_RenderFillRects(g->ren, g->rects + end - count[a], count[a]);
	}
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
}

static int prim_box(struct app_gfx *g, const struct app_dlist *dl,
		    const struct app_prim *p, double b[4]);

/* Traces p's shape into the rasteriser, cut to its clip. */
static void trace(struct app_gfx *g, const struct app_dlist *dl,
		  const struct app_prim *p)
{
	const float *xs = dl->xs + p->first, *ys = dl->ys + p->first;
	switch (p->kind) {
	case APP_PRIM_LINE:
		if (p->dash <= 0)
			app_raster_stroke(&g->raster, xs, ys, p->count, p->width);
		for (int i = 0; p->dash > 0 && i + 1 < p->count; i++)
			dashed(g, xs[i], ys[i], xs[i + 1], ys[i + 1], p);
		break;
	case APP_PRIM_DISC:
		app_raster_disc(&g->raster, p->cx, p->cy, p->r);
		break;
	case APP_PRIM_RING:
		app_raster_ring(&g->raster, p->cx, p->cy, p->r, p->width);
		break;
	case APP_PRIM_POLYGON:
		app_raster_polygon(&g->raster, xs, ys, p->count);
		break;
	case APP_PRIM_ARROW:
		arrow(g, xs[0], ys[0], xs[1], ys[1], p->width);
		break;
	default:
		break;
	}
}

/* Rows of a shape's band, and the least coverage banded (see shape). */
#define RASTER_BAND 64
#define RASTER_BAND_BYTES (1L << 18)

/*
 * A shape: rasterised, then filled span by span. The rasteriser is cut
 * to the shape's box within the clip first (a shape's pixels do not
 * depend on the clip, raster.h): its coverage buffer then spans the
 * box, not the output, so a thin line touches a few pages of memory,
 * not one per row (the first frame pays for each page it touches).
 */
static void shape(struct app_gfx *g, const struct app_dlist *dl,
		  const struct app_prim *p)
{
	struct app_raster *ra = &g->raster;
	int kx = ra->x0, ky = ra->y0, kw = ra->x1 - ra->x0, kh = ra->y1 - ra->y0;
	double b[4];
	/* Only for a large clip: a small one is cut enough. */
	int in = (long)kw * kh > 65536 ? prim_box(g, dl, p, b) : -1;
	if (in == 0)
		return;
	bool cut = in > 0 && isfinite(b[0]) && isfinite(b[1]) &&
		   isfinite(b[2]) && isfinite(b[3]);
	if (cut) {
		int x0 = b[0] > kx ? (int)fmin(floor(b[0]), kx + kw) : kx;
		int y0 = b[1] > ky ? (int)fmin(floor(b[1]), ky + kh) : ky;
		int x1 = b[2] < kx + kw ? (int)fmax(ceil(b[2]), kx) : kx + kw;
		int y1 = b[3] < ky + kh ? (int)fmax(ceil(b[3]), ky) : ky + kh;
		if (x1 <= x0 || y1 <= y0)
			return;
		app_raster_clip(ra, x0, y0, x1 - x0, y1 - y0);
	}
	/* A large shape is traced in bands of RASTER_BAND rows, each its
	 * own clip: the rasteriser's coverage then spans that many rows,
	 * not the output's, so the first frame writes into (and faults in)
	 * a few fresh pages instead of one for every two rows a curve
	 * crosses. A pixel's coverage does not depend on the clip it is
	 * traced in (raster.h), so the pixels are those of one pass. A
	 * small clip (a thin line's, or a square a frame drawn over the
	 * last one puts back) is traced whole: its coverage is a few
	 * pages, and each band walks the shape's points again. */
	int x0 = ra->x0, y0 = ra->y0, w = ra->x1 - ra->x0, y1 = ra->y1;
	bool banded = y1 - y0 > RASTER_BAND &&
		      (long)w * (y1 - y0) > RASTER_BAND_BYTES && !g->one_pass;
	g->bands += banded;
	for (int y = y0; y < y1; y += banded ? RASTER_BAND : y1 - y0) {
		if (banded)
			app_raster_clip(ra, x0, y, w,
					y1 - y < RASTER_BAND ? y1 - y :
							       RASTER_BAND);
		trace(g, dl, p);
		fill_spans(g, p->color);
	}
	if (cut || banded)
		app_raster_clip(ra, kx, ky, kw, kh);
}

/* A text style's alignment as app_text_draw takes it. */
static int text_align(const struct app_text_style *st)
{
	return st->align == APP_ALIGN_CENTRE ? 1 :
	       st->align == APP_ALIGN_RIGHT  ? 2 :
					       0;
}

static void text(struct app_gfx *g, const struct app_dlist *dl,
		 const struct app_prim *p)
{
	const struct app_text_style *st = &p->style;
	int align = text_align(st);
	SDL_Surface *out = direct_now(g);
	if (out && APP_TEXT_DIRECT) {
		/* Straight into the output, as SDL would blit it, cut to
		 * the clip in force (the rasteriser's). */
		const struct app_raster *ra = &g->raster;
		SDL_Rect k = { ra->x0, ra->y0, ra->x1 - ra->x0, ra->y1 - ra->y0 };
		app_text_blend(&g->text, app_dlist_str(dl, p), st->px, st->face,
			       st->color, (int)p->ax, (int)p->ay, align, out, &k);
		return;
	}
	app_text_draw(&g->text, app_dlist_str(dl, p), st->px, st->face,
		      st->color, (int)p->ax, (int)p->ay, align);
}

/* Renders prims [from, to) of dl with the clips c in force. */
static void render_range(struct app_gfx *g, const struct app_dlist *dl,
			 int from, int to, struct clips *c, int *dropped)
{
	for (int i = from; i < to; i++) {
		const struct app_prim *p = &dl->prims[i];
		if (p->kind == APP_PRIM_TEXT) {
			text(g, dl, p);
		} else if (p->kind == APP_PRIM_RECT) {
			fill(g, p);
		} else if (p->kind == APP_PRIM_CLIP_PUSH) {
			*dropped += c->n == APP_RENDER_CLIP_DEPTH;
			push_clip(g, c, p->box);
		} else if (p->kind != APP_PRIM_CLIP_POP) {
			shape(g, dl, p);
		} else if (*dropped > 0) {
			(*dropped)--;
		} else if (c->n > 0) {
			c->n--;
			apply_clip(g, c);
		}
	}
}

/* Draws prims [from, to) of dl into l's texture (made or remade at
 * w × h), over a copy of base if there is one. False when the renderer
 * cannot draw into a texture. */
static bool build_layer(struct app_gfx *g, struct app_layer *l,
			SDL_Texture *base, const struct app_dlist *dl, int from,
			int to, int w, int h)
{
	if (!l->tex || l->w != w || l->h != h) {
		if (l->tex)
			SDL_DestroyTexture(l->tex);
		l->tex = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888,
					   SDL_TEXTUREACCESS_TARGET, w, h);
		l->w = w, l->h = h;
		if (!l->tex)
			return false;
		SDL_SetTextureBlendMode(l->tex, SDL_BLENDMODE_NONE);
	}
	SDL_Texture *old = SDL_GetRenderTarget(g->ren);
	if (SDL_SetRenderTarget(g->ren, l->tex) != 0)
		return false;
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
	struct clips c = { 0 };
	int dropped = 0;
	apply_clip(g, &c);
	if (base)
		SDL_RenderCopy(g->ren, base, NULL, NULL);
	render_range(g, dl, from, to, &c, &dropped);
	SDL_SetRenderTarget(g->ren, old);
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
	l->builds++;
	return l->shown = true;
}

/*
 * Starts the frame from the view layer when the list has one: copies it
 * and replays the prefix's clips. Returns the index of the first
 * primitive still to draw, 0 for a frame drawn in full. A prefix seen
 * for the first time is only kept, and drawn in full: the texture is
 * made by the second frame that shows it, so the first frame after
 * start-up, and each frame of a view that keeps changing, costs no more
 * than it did without a layer.
 */
static int draw_layer(struct app_gfx *g, const struct app_dlist *dl,
		      struct clips *c, int *dropped)
{
	int k = app_layer_prefix(dl), w = 0, h = 0;
	if (k == 0 || SDL_GetRendererOutputSize(g->ren, &w, &h) != 0)
		return 0;
	struct app_layer *l = &g->layer;
	if (!app_layer_same(l, dl, k)) {
		app_layer_keep(l, dl, k);
		l->shown = false;
		return 0;
	}
	bool fits = l->shown && l->w == w && l->h == h;
	if (!fits && !build_layer(g, l, NULL, dl, 0, k, w, h)) {
		l->valid = l->shown = false;
		return 0;
	}
	apply_clip(g, c);
	if (SDL_RenderCopy(g->ren, l->tex, NULL, NULL) != 0)
		return 0;
	for (int i = 0; i < k; i++) {
		const struct app_prim *p = &dl->prims[i];
		if (p->kind == APP_PRIM_CLIP_PUSH) {
			*dropped += c->n == APP_RENDER_CLIP_DEPTH;
			push_clip(g, c, p->box);
		}
	}
	return k;
}

/* The index after the pop that closes the one clip the view layer left
 * open (the plot's), 0 if there is none such. */
static int chrome_start(const struct app_dlist *dl, int k, const struct clips *c)
{
	if (c->n != 1)
		return 0;
	for (int i = k, depth = 1; i < dl->n; i++) {
		depth += dl->prims[i].kind == APP_PRIM_CLIP_PUSH;
		depth -= dl->prims[i].kind == APP_PRIM_CLIP_POP;
		if (depth == 0)
			return i + 1;
	}
	return 0;
}

/* The rectangles that prims [s, n) can draw in: each clip opened at the
 * top level, each text run and rectangle outside any clip (its box
 * widened by 4 pixels), cut to w × h. Returns their count, or -1 when a
 * shape or a background is drawn outside any clip, there are more than
 * max, or one meets the rectangle busy. */
static int chrome_regions(const struct app_dlist *dl, int s, SDL_Rect busy,
			  int w, int h, SDL_Rect *reg, int max)
{
	SDL_Rect out = { 0, 0, w, h };
	int n = 0, depth = 0;
	for (int i = s; i < dl->n; i++) {
		const struct app_prim *p = &dl->prims[i];
		if (p->kind == APP_PRIM_CLIP_POP) {
			depth -= depth > 0;
			continue;
		}
		if (depth > 0) {
			depth += p->kind == APP_PRIM_CLIP_PUSH;
			continue;
		}
		bool clip = p->kind == APP_PRIM_CLIP_PUSH;
		struct app_box b = p->box;
		if ((!clip && p->kind != APP_PRIM_TEXT && p->kind != APP_PRIM_RECT) ||
		    p->role == APP_ROLE_BACKGROUND || n == max ||
		    !(fabsf(b.x) + fabsf(b.y) + fabsf(b.w) + fabsf(b.h) < 1e6f))
			return -1;
		int pad = clip ? 0 : 4;
		SDL_Rect r = { (int)b.x - pad, (int)b.y - pad,
			       (int)b.w + 2 * pad + !clip,
			       (int)b.h + 2 * pad + !clip };
		depth += clip;
		if (!SDL_IntersectRect(&r, &out, &reg[n]))
			continue;
		if (SDL_HasIntersection(&reg[n], &busy))
			return -1;
		n++;
	}
	return n;
}

/*
 * What follows the plot: the header, the panel, the inset, the caption
 * (prims from the pop closing the clip the view layer left open to the
 * end), kept like the view layer in a second texture: the view layer
 * with those prims drawn over it. While they stay the same, a frame
 * copies the rectangles they draw in from it, unblended, instead of
 * drawing them; this holds only when nothing between the view layer and
 * them can reach those rectangles (it is all inside the plot's clip).
 * Returns the index of the last prim still to draw, plus one.
 */
static int draw_chrome(struct app_gfx *g, const struct app_dlist *dl, int k,
		       struct clips *c)
{
	SDL_Rect reg[APP_RENDER_CHROME_REGIONS];
	struct app_layer *l = &g->chrome;
	int w = g->layer.w, h = g->layer.h, s = chrome_start(dl, k, c);
	int n = s > 0 ? chrome_regions(dl, s, c->r[0], w, h, reg,
				       APP_RENDER_CHROME_REGIONS) :
			-1;
	if (n < 0)
		return dl->n;
	if (!app_layer_same_range(l, dl, s, dl->n) ||
	    g->chrome_base != g->layer.builds) {
		app_layer_keep_range(l, dl, s, dl->n);
		g->chrome_base = g->layer.builds;
		return dl->n;
	}
	if (!(l->shown && l->w == w && l->h == h) &&
	    !build_layer(g, l, g->layer.tex, dl, s, dl->n, w, h)) {
		l->valid = l->shown = false;
		return dl->n;
	}
	struct clips none = { 0 };
	apply_clip(g, &none);
	for (int i = 0; i < n; i++)
		SDL_RenderCopy(g->ren, l->tex, &reg[i], &reg[i]);
	apply_clip(g, c);
	return s;
}

/* Whether what the renderer draws into now keeps its pixels until the
 * next frame: SDL's software renderer drawing into its own surface. */
static bool output_kept(struct app_gfx *g)
{
	return !g->full_frames && software_output(g);
}

/* Sizes the squares for a w × h output and clears them; false when out
 * of memory. */
static bool screen_size(struct app_screen *sc, int w, int h)
{
	int tw = (w + APP_RENDER_TILE - 1) / APP_RENDER_TILE;
	int th = (h + APP_RENDER_TILE - 1) / APP_RENDER_TILE;
	size_t n = (size_t)tw * (size_t)th;
	if (n > sc->cap) {
		uint8_t *a = realloc(sc->marked, n);
		if (!a)
			return sc->valid = false;
		sc->marked = a;
		sc->cap = n;
	}
	if (th >= sc->cap_rows) {
		int *b = realloc(sc->row_runs, ((size_t)th + 1) * sizeof(int));
		if (!b)
			return sc->valid = false;
		sc->row_runs = b;
		sc->cap_rows = th + 1;
	}
	if (2 * (tw + 1) > sc->cap_open) {
		int *o = realloc(sc->open, 2 * ((size_t)tw + 1) * sizeof(int));
		if (!o)
			return sc->valid = false;
		sc->open = o;
		sc->cap_open = 2 * (tw + 1);
	}
	if (tw != sc->tw || th != sc->th)
		sc->valid = false;
	sc->tw = tw, sc->th = th;
	if (n > 0)
		memset(sc->marked, 0, n);
	return true;
}

/* Marks the squares that pixels [x0, x1) × [y0, y1), cut to k, reach;
 * nothing for a coordinate that is not finite. */
static void mark(struct app_screen *sc, const SDL_Rect *k, double x0, double y0,
		 double x1, double y1)
{
	if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	double a = fmax(floor(x0), k->x), b = fmin(ceil(x1), k->x + k->w);
	double c = fmax(floor(y0), k->y), d = fmin(ceil(y1), k->y + k->h);
	if (!(a < b && c < d))
		return;
	int tx0 = (int)a / APP_RENDER_TILE, tx1 = ((int)b - 1) / APP_RENDER_TILE;
	int ty0 = (int)c / APP_RENDER_TILE, ty1 = ((int)d - 1) / APP_RENDER_TILE;
	tx1 = tx1 < sc->tw ? tx1 : sc->tw - 1;
	ty1 = ty1 < sc->th ? ty1 : sc->th - 1;
	for (int ty = ty0; ty <= ty1 && tx0 <= tx1; ty++)
		memset(sc->marked + (size_t)ty * (size_t)sc->tw + tx0, 1,
		       (size_t)(tx1 - tx0 + 1));
}

/* Marks a segment pad pixels wide on each side, in pieces a square
 * long, so a long diagonal marks a band, not its bounding box. */
static void mark_segment(struct app_screen *sc, const SDL_Rect *k, float x0,
			 float y0, float x1, float y1, double pad)
{
	double m = pad + 1;
	if (!app_raster_cut(k->x - m, k->y - m, k->x + k->w + m,
			    k->y + k->h + m, &x0, &y0, &x1, &y1))
		return;
	double dx = (double)x1 - (double)x0, dy = (double)y1 - (double)y0;
	int n = (int)ceil(hypot(dx, dy) / APP_RENDER_TILE);
	n = n > 1 ? n : 1;
	for (int i = 0; i < n; i++) {
		double ax = (double)x0 + dx * i / n, ay = (double)y0 + dy * i / n;
		double bx = (double)x0 + dx * (i + 1) / n,
		       by = (double)y0 + dy * (i + 1) / n;
		mark(sc, k, fmin(ax, bx) - pad, fmin(ay, by) - pad,
		     fmax(ax, bx) + pad, fmax(ay, by) + pad);
	}
}

/* Half a stroke's width as the rasteriser draws it, plus its ramp and a
 * margin. */
static double stroke_pad(float width)
{
	double hw = (double)width / 2;
	return (hw > 1e5 ? 1e5 : hw > 0.75 ? hw : 0.75) + 3;
}

/* A box that holds every pixel prim p of dl can draw, as x0, y0, x1,
 * y1 in b: 1; 0 when it draws nothing (a clip, a blank text); -1 when it
 * can draw anywhere (a background) or is of a kind not known here. */
static int prim_box(struct app_gfx *g, const struct app_dlist *dl,
		    const struct app_prim *p, double b[4])
{
	const float *xs = dl->xs + p->first, *ys = dl->ys + p->first;
	double cx = (double)p->cx, cy = (double)p->cy, r = (double)p->r;
	double pad = 3;
	int n = p->count;
	struct app_box x = p->box;
	switch (p->kind) {
	case APP_PRIM_CLIP_PUSH:
	case APP_PRIM_CLIP_POP:
		return 0;
	case APP_PRIM_RECT:
		if (p->role == APP_ROLE_BACKGROUND)
			return -1;
		b[0] = (double)x.x - 1, b[1] = (double)x.y - 1;
		b[2] = (double)x.x + (double)x.w + 1;
		b[3] = (double)x.y + (double)x.h + 1;
		return 1;
	case APP_PRIM_TEXT: {
		const struct app_text_style *st = &p->style;
		int tw = 0, th = 0;
		if (!app_text_size(&g->text, app_dlist_str(dl, p), st->px,
				   st->face, st->color, &tw, &th) ||
		    tw <= 0)
			return 0;
		/* Where app_text_draw puts it. */
		int left = app_text_left((int)p->ax, tw, text_align(st));
		b[0] = left, b[1] = (int)p->ay;
		b[2] = (double)left + tw, b[3] = (double)(int)p->ay + th;
		return 1;
	}
	case APP_PRIM_DISC:
	case APP_PRIM_RING:
		if (p->kind == APP_PRIM_RING && !isfinite(p->width))
			return 0;
		r = p->kind == APP_PRIM_DISC ? (r > 1e5 ? 1e5 :
						r > 1   ? r :
							  1) +
						       3 :
					       (r > 1e5 ? 1e5 :
						r > 0   ? r :
							  0) +
						       stroke_pad(p->width);
		b[0] = cx - r, b[1] = cy - r, b[2] = cx + r, b[3] = cy + r;
		return 1;
	case APP_PRIM_LINE:
	case APP_PRIM_ARROW:
		if (!isfinite(p->width))
			return 0;
		/* An arrow's head is 1.2 × 4 widths across at most. */
		pad = p->kind == APP_PRIM_ARROW ?
			      2.4 * fmin((double)p->width, 1e5) + 4 :
			      stroke_pad(p->width);
		n = p->kind == APP_PRIM_ARROW ? 2 : n;
		/* fallthrough */
	case APP_PRIM_POLYGON:
		b[0] = b[1] = (double)INFINITY, b[2] = b[3] = -(double)INFINITY;
		/* fmin and fmax, NaN points left out as they do, without a
		 * call each (a curve has hundreds of points). */
		for (int i = 0; i < n; i++) {
			double x0 = (double)xs[i] - pad, x1 = (double)xs[i] + pad;
			double y0 = (double)ys[i] - pad, y1 = (double)ys[i] + pad;
			b[0] = x0 < b[0] ? x0 : b[0];
			b[2] = x1 > b[2] ? x1 : b[2];
			b[1] = y0 < b[1] ? y0 : b[1];
			b[3] = y1 > b[3] ? y1 : b[3];
		}
		return 1;
	default:
		return -1;
	}
}

/* Marks the squares prim p of dl can draw in, within k: a stroke's in
 * pieces along it, anything else's box. */
static void mark_prim(struct app_gfx *g, const struct app_dlist *dl,
		      const struct app_prim *p, const SDL_Rect *k)
{
	const float *xs = dl->xs + p->first, *ys = dl->ys + p->first;
	if ((p->kind == APP_PRIM_LINE || p->kind == APP_PRIM_ARROW) &&
	    isfinite(p->width)) {
		double pad = p->kind == APP_PRIM_ARROW ?
				     2.4 * fmin((double)p->width, 1e5) + 4 :
				     stroke_pad(p->width);
		int n = p->kind == APP_PRIM_ARROW ? 2 : p->count;
		for (int i = 0; i + 1 < n; i++)
			mark_segment(&g->screen, k, xs[i], ys[i], xs[i + 1],
				     ys[i + 1], pad);
		return;
	}
	double b[4];
	if (prim_box(g, dl, p, b) > 0)
		mark(&g->screen, k, b[0], b[1], b[2], b[3]);
}

/* Appends r to g->screen.runs; false when out of memory. */
static bool add_run(struct app_screen *sc, SDL_Rect r)
{
	if (sc->nruns == sc->cap_runs) {
		int cap = sc->cap_runs ? 2 * sc->cap_runs : 64;
		SDL_Rect *v = realloc(sc->runs, (size_t)cap * sizeof(*v));
		if (!v)
			return false;
		sc->runs = v;
		sc->cap_runs = cap;
	}
	sc->runs[sc->nruns++] = r;
	return true;
}

/*
 * Copies rectangles r[0..n) of the view layer into the output, when the
 * shapes go straight into it (direct_surface), with
 * SDL_RenderReadPixels: into an output of the layer's format a row at a
 * time with memcpy, into a window's RGB888 through the same conversion
 * SDL_RenderCopy blits with. SDL's own copy between surfaces of one
 * format streams past the cache, and the prims drawn again over the
 * squares then read every pixel back from memory. False when it cannot
 * (the caller copies them with SDL_RenderCopy: the same pixels, tests
 * render-update-same-pixels*).
 */
static bool read_back(struct app_gfx *g, const SDL_Rect *r, int n)
{
	SDL_Surface *s = direct_now(g);
	if (!s || SDL_SetRenderTarget(g->ren, g->layer.tex) != 0)
		return false;
	bool ok = true;
	for (int i = 0; i < n && ok; i++) {
		if (r[i].w <= 0 || r[i].h <= 0)
			continue;
		Uint8 *to = (Uint8 *)s->pixels +
			    (size_t)r[i].y * (size_t)s->pitch +
			    (size_t)r[i].x * 4;
		ok = SDL_RenderReadPixels(g->ren, &r[i], s->format->format, to,
					  s->pitch) == 0;
	}
	SDL_SetRenderTarget(g->ren, NULL);
	return ok;
}

/*
 * Copies from the view layer, unblended, the marked squares, cut to k,
 * as rectangles kept in g->screen.runs: a run of squares along a row,
 * made taller while the rows below have a run just as wide in the same
 * place (a panel that changed whole is one rectangle, drawn into once
 * per prim, not once per row). They are kept in the order of their top
 * rows, those starting in row ty from row_runs[ty]. False when out of
 * memory (the frame is then drawn whole).
 */
static bool restore_squares(struct app_gfx *g, const SDL_Rect *k)
{
	struct app_screen *sc = &g->screen;
	const int t = APP_RENDER_TILE;
	int *above = sc->open, *here = sc->open + sc->tw + 1, nabove = 0;
	sc->nruns = 0;
	for (int ty = 0; ty < sc->th; ty++) {
		const uint8_t *a = sc->marked + (size_t)ty * (size_t)sc->tw;
		int nhere = 0, j = 0;
		sc->row_runs[ty] = sc->nruns;
		for (int tx = 0; tx < sc->tw;) {
			if (!a[tx]) {
				tx++;
				continue;
			}
			int e = tx + 1;
			while (e < sc->tw && a[e])
				e++;
			while (j < nabove && sc->runs[above[j]].x < tx * t)
				j++;
			if (j < nabove && sc->runs[above[j]].x == tx * t &&
			    sc->runs[above[j]].w == (e - tx) * t) {
				sc->runs[above[j]].h += t;
				here[nhere++] = above[j++];
			} else {
				SDL_Rect r = { tx * t, ty * t, (e - tx) * t, t };
				if (!add_run(sc, r))
					return false;
				here[nhere++] = sc->nruns - 1;
			}
			tx = e;
		}
		int *swap = above;
		above = here, here = swap, nabove = nhere;
	}
	sc->row_runs[sc->th] = sc->nruns;
	sc->tall = 1;
	for (int i = 0; i < sc->nruns; i++) {
		SDL_Rect *r = &sc->runs[i], cut = { 0, 0, 0, 0 };
		sc->tall = r->h / t > sc->tall ? r->h / t : sc->tall;
		SDL_IntersectRect(r, k, &cut);
		*r = cut;
	}
	if (read_back(g, sc->runs, sc->nruns))
		return true;
	for (int i = 0; i < sc->nruns; i++)
		if (sc->runs[i].w > 0 && sc->runs[i].h > 0)
			SDL_RenderCopy(g->ren, g->layer.tex, &sc->runs[i],
				       &sc->runs[i]);
	return true;
}

/* The view layer's prefix of dl (k prims) replayed for its clips: the
 * clips left open in c. */
static void replay_clips(struct app_gfx *g, const struct app_dlist *dl, int k,
			 struct clips *c, int *dropped)
{
	for (int i = 0; i < k; i++) {
		const struct app_prim *p = &dl->prims[i];
		if (p->kind == APP_PRIM_CLIP_PUSH) {
			*dropped += c->n == APP_RENDER_CLIP_DEPTH;
			push_clip(g, c, p->box);
		}
	}
}

/*
 * The prims after the view layer, prims [k, dl->n), each with the clip
 * in force for it (all those open, intersected: the plot's, open, to
 * begin with) and the rectangle it can draw in on a w × h output; prims
 * that draw nothing are left out. Returns their count, or -1 when one
 * can draw anywhere, clips are nested too deep or not balanced, or
 * there are more than max.
 */
static int list_items(struct app_gfx *g, const struct app_dlist *dl, int k,
		      SDL_Rect plot, int w, int h, struct app_item *it, int max)
{
	SDL_Rect out = { 0, 0, w, h }, stack[APP_RENDER_CLIP_DEPTH + 1];
	int depth = 1, n = 0;
	stack[0] = out; /* the clips as push_clip keeps them, from 1 */
	stack[1] = plot;
	for (int i = k; i < dl->n; i++) {
		const struct app_prim *p = &dl->prims[i];
		struct app_box x = p->box;
		double b[4];
		if (p->kind == APP_PRIM_CLIP_POP) {
			if (depth == 0)
				return -1;
			depth--;
			continue;
		}
		if (p->kind == APP_PRIM_CLIP_PUSH) {
			SDL_Rect r = { (int)x.x, (int)x.y, (int)x.w, (int)x.h };
			if (depth == APP_RENDER_CLIP_DEPTH ||
			    !(fabsf(x.x) + fabsf(x.y) + fabsf(x.w) + fabsf(x.h) <
			      1e6f))
				return -1;
			stack[depth + 1] = r;
			if (depth > 0 && !SDL_IntersectRect(&r, &stack[depth],
							    &stack[depth + 1]))
				stack[depth + 1] = (SDL_Rect){ r.x, r.y, 0, 0 };
			depth++;
			continue;
		}
		int kind = prim_box(g, dl, p, b);
		if (kind < 0)
			return -1;
		b[0] = fmax(floor(b[0]), 0), b[1] = fmax(floor(b[1]), 0);
		b[2] = fmin(ceil(b[2]), w), b[3] = fmin(ceil(b[3]), h);
		if (kind == 0 || !(b[0] < b[2] && b[1] < b[3]))
			continue;
		SDL_Rect r = { (int)b[0], (int)b[1], (int)(b[2] - b[0]),
			       (int)(b[3] - b[1]) },
			 cut;
		if (!SDL_IntersectRect(&r, &stack[depth], &cut))
			continue;
		if (n == max)
			return -1;
		it[n++] = (struct app_item){ i, depth > 0, cut, stack[depth] };
	}
	return depth == 0 ? n : -1;
}

/* Where on a w × h output the list's parts are: the view layer's prefix
 * k, the clips it leaves open, and the prims after it. */
struct parts {
	int k, n, dropped;
	struct clips c;
	struct app_item it[APP_RENDER_ITEMS];
};

/* Finds them; false when the list is not laid out so (a view layer
 * that leaves the plot's clip, and only it, open). */
static bool find_parts(struct app_gfx *g, const struct app_dlist *dl, int w,
		       int h, struct parts *pt)
{
	SDL_Rect out = { 0, 0, w, h }, plot;
	pt->k = app_layer_prefix(dl);
	pt->n = pt->dropped = 0;
	pt->c.n = 0;
	if (pt->k == 0)
		return false;
	replay_clips(g, dl, pt->k, &pt->c, &pt->dropped);
	if (pt->c.n != 1 || pt->dropped > 0 ||
	    !SDL_IntersectRect(&pt->c.r[0], &out, &plot))
		return false;
	pt->n = list_items(g, dl, pt->k, pt->c.r[0], w, h, pt->it,
			   APP_RENDER_ITEMS);
	return pt->n >= 0;
}

/* Notes what the output holds now that dl has been drawn on it: a copy
 * of its prims after the view layer, and where they are. */
static void screen_keep(struct app_gfx *g, const struct app_dlist *dl,
			const struct parts *pt, int w, int h)
{
	struct app_screen *sc = &g->screen;
	if (!sc->items)
		sc->items = calloc(APP_RENDER_ITEMS, sizeof(*sc->items));
	sc->valid = sc->items && app_layer_keep_range(&g->last, dl, pt->k, dl->n);
	if (!sc->valid)
		return;
	sc->w = w, sc->h = h;
	sc->layer_keeps = g->layer.keeps;
	sc->nitems = pt->n;
	for (int i = 0; i < pt->n; i++) { /* as indices into the copy */
		sc->items[i] = pt->it[i];
		sc->items[i].at -= pt->k;
	}
}

/* An old item is looked for this many items ahead of the last found;
 * beyond, it counts as removed and the new one as added. */
#define MATCH_AHEAD 64

/* Marks old item i's squares: the prim the last frame drew there, as
 * the copy (a list of its own) keeps it. */
static void mark_old(struct app_gfx *g, const struct app_dlist *old, int i)
{
	const struct app_item *e = &g->screen.items[i];
	mark_prim(g, old, &old->prims[e->at], &e->clip);
}

/*
 * Marks the squares of the prims after the view layer that the last
 * frame did not draw the same, in the same place with the same clip,
 * in the same order, and of those it drew that this frame does not:
 * where they were and where they are.
 */
static void mark_changes(struct app_gfx *g, const struct app_dlist *dl,
			 const struct parts *pt)
{
	struct app_screen *sc = &g->screen;
	const struct app_layer *l = &g->last;
	const struct app_dlist old = { .prims = l->prims,
				       .n = l->n,
				       .xs = l->xs,
				       .ys = l->ys,
				       .npts = l->npts,
				       .chars = l->chars,
				       .nchars = l->nchars };
	int o = 0;
	for (int j = 0; j < pt->n; j++) {
		const struct app_item *q = &pt->it[j];
		int found = -1, end = o + MATCH_AHEAD < sc->nitems ?
					      o + MATCH_AHEAD :
					      sc->nitems;
		for (int i = o; i < end && found < 0; i++) {
			const struct app_item *e = &sc->items[i];
			if (SDL_RectEquals(&e->r, &q->r) &&
			    SDL_RectEquals(&e->clip, &q->clip) &&
			    e->clipped == q->clipped &&
			    app_layer_same_part(l, e->at, dl, q->at, q->at + 1))
				found = i;
		}
		if (found < 0) {
			mark_prim(g, dl, &dl->prims[q->at], &q->clip);
			continue;
		}
		for (; o < found; o++)
			mark_old(g, &old, o);
		o = found + 1;
	}
	for (; o < sc->nitems; o++)
		mark_old(g, &old, o);
}

/* Whether any square of r is marked. */
static bool touched(const struct app_screen *sc, const SDL_Rect *r)
{
	int tx0 = r->x / APP_RENDER_TILE,
	    tx1 = (r->x + r->w - 1) / APP_RENDER_TILE;
	int ty0 = r->y / APP_RENDER_TILE,
	    ty1 = (r->y + r->h - 1) / APP_RENDER_TILE;
	tx1 = tx1 < sc->tw ? tx1 : sc->tw - 1;
	for (int ty = ty0; ty <= ty1 && ty < sc->th; ty++) {
		const uint8_t *a = sc->marked + (size_t)ty * (size_t)sc->tw;
		for (int tx = tx0; tx <= tx1; tx++)
			if (a[tx])
				return true;
	}
	return false;
}

/*
 * Draws dl over the last frame when the output kept it and its view
 * layer is the one on screen. The squares to draw again are those of
 * the prims after the view layer that changed, where they were and
 * where they are (mark_changes); they are put back from the layer, a
 * rectangle of them at a time (restore_squares), and every prim after
 * the layer that meets a rectangle is drawn again, in order, cut to it.
 * A prim's pixels do not depend on the clip it is cut to (raster.h), so
 * every pixel then holds what drawing the frame whole would give it:
 * those in the rectangles are drawn from the layer up, the others are
 * the layer's with the same prims over them as last time, and nothing
 * drawn now reaches them. False (nothing drawn) when the frame must be
 * drawn whole.
 */
static bool render_update(struct app_gfx *g, const struct app_dlist *dl, int w,
			  int h)
{
	struct app_screen *sc = &g->screen;
	struct app_layer *l = &g->layer;
	struct parts *pt = g->parts;
	SDL_Rect out = { 0, 0, w, h };
	bool was = sc->valid;
	if (!pt || !screen_size(sc, w, h) || !was || !sc->valid || sc->w != w ||
	    sc->h != h || !l->shown || l->w != w || l->h != h ||
	    sc->layer_keeps != l->keeps || !g->last.valid)
		return false;
	int k = app_layer_prefix(dl);
	if (k == 0 || !app_layer_same(l, dl, k) || !find_parts(g, dl, w, h, pt))
		return false;
	mark_changes(g, dl, pt);
	struct clips none = { 0 };
	apply_clip(g, &none);
	if (!restore_squares(g, &out))
		return false;
	for (int j = 0; j < pt->n && sc->nruns > 0; j++) {
		const struct app_item *q = &pt->it[j];
		if (!touched(sc, &q->r))
			continue;
		int ty0 = q->r.y / APP_RENDER_TILE,
		    ty1 = (q->r.y + q->r.h - 1) / APP_RENDER_TILE;
		ty1 = ty1 < sc->th ? ty1 : sc->th - 1;
		ty0 = ty0 - sc->tall + 1 > 0 ? ty0 - sc->tall + 1 : 0;
		for (int i = sc->row_runs[ty0]; i < sc->row_runs[ty1 + 1]; i++) {
			struct clips c = { 1, { { 0, 0, 0, 0 } } };
			int dropped = 0;
			if (!SDL_IntersectRect(&q->r, &sc->runs[i], &c.r[0]))
				continue;
			/* The prim's own clip holds its rectangle. */
			SDL_IntersectRect(&sc->runs[i], &q->clip, &c.r[0]);
			apply_clip(g, &c);
			/* Dashes counted as where it is drawn whole. */
			set_cut(g, q->clipped ? &q->clip : NULL);
			render_range(g, dl, q->at, q->at + 1, &c, &dropped);
		}
	}
	apply_clip(g, &none);
	screen_keep(g, dl, pt, w, h);
	sc->reused++;
	return true;
}

/*
 * Maps every page of a new output's pixels in one system call, before
 * the frame draws into them. A window's surface is fresh memory (on X11
 * a shared-memory segment) and each of its pages faults in on first
 * touch: 900 faults at 1280×720, 2025 at 1920×1080, at 5–11 µs each on
 * the virtual machines measured, most of the first frame's drawing.
 * Mapped in one call they cost about 1.5 µs a page (Linux 5.14's
 * MADV_POPULATE_WRITE; the pixels are not changed). Without it, or if it
 * is refused, the pages fault in as the frame draws, as before.
 */
static void populate(struct app_gfx *g, const SDL_Surface *s)
{
	if (!s || !s->pixels || s->pitch <= 0 || s->h <= 0)
		return;
	size_t len = (size_t)s->pitch * (size_t)s->h;
	if (g->mapped == s->pixels && g->mapped_len == len)
		return;
	g->mapped = s->pixels;
	g->mapped_len = len;
#ifdef MADV_POPULATE_WRITE
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0)
		return;
	/* Whole pages inside the pixels only. */
	uintptr_t p = (uintptr_t)page, a = (uintptr_t)s->pixels,
		  b = (a + len) / p * p;
	a = (a + p - 1) / p * p;
	if (b > a)
		(void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#endif
}

void app_render(struct app_gfx *g, const struct app_dlist *dl)
{
	int w = 0, h = 0;
	bool kept = output_kept(g);
	g->screen.frames++;
	g->direct = direct_surface(g);
	populate(g, g->direct);
	if (!kept || SDL_GetRendererOutputSize(g->ren, &w, &h) != 0)
		g->screen.valid = false;
	else if (render_update(g, dl, w, h))
		return;

	struct clips clips = { 0 };
	int dropped = 0; /* pushes beyond the depth, whose pops to skip */
	int from = draw_layer(g, dl, &clips, &dropped), to = dl->n;
	if (from == 0) {
		apply_clip(g, &clips);
		g->chrome.shown = false; /* drawn in full, layers aside */
	} else
		to = draw_chrome(g, dl, from, &clips);
	render_range(g, dl, from, to, &clips, &dropped);
	clips.n = 0;
	apply_clip(g, &clips);
	g->screen.valid = false;
	if (kept && !g->parts)
		g->parts = calloc(1, sizeof(struct parts));
	if (kept && g->parts && screen_size(&g->screen, w, h) &&
	    app_layer_same(&g->layer, dl, app_layer_prefix(dl)) &&
	    find_parts(g, dl, w, h, g->parts))
		screen_keep(g, dl, g->parts, w, h);
	apply_clip(g, &clips);
}

void app_draw(struct app_gfx *g, const struct app_state *s, double now)
{
	int w = 0, h = 0;
	if (SDL_GetRendererOutputSize(g->ren, &w, &h) != 0 || w < 1 || h < 1)
		return;
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
	app_text_begin_frame(&g->text);
	struct app_measure m = app_gfx_measure(g);
	app_frame_build(&g->dl, &g->info, s, w, h, now, &m);
	/* Text of another body size is of no more use. (The first frame's
	 * own widths and strings, of the size it set, are kept.) */
	if (g->text_px != g->info.lay.text_px) {
		if (g->text_px)
			app_text_clear(&g->text);
		g->text_px = g->info.lay.text_px;
	}
	app_render(g, &g->dl);
}
