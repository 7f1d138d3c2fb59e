/*
 * Rendering display lists with SDL; see render.h. Shapes go into one
 * triangle batch, flushed before anything SDL draws by itself (text,
 * rectangles, a clip change), so the list's order is the drawing order.
 * A clip cuts both SDL's drawing and the batch's segments. Opaque
 * rectangles are filled without blending: at alpha 255 blending gives
 * the same pixels, at many times the cost on the software renderer.
 *
 * The view layer: a frame's list opens with what changes only with the
 * view (background, grid, axes, tick labels, the curve). That prefix is
 * drawn once into a target texture and copied, unblended, at the start
 * of every frame whose prefix is the same primitive for primitive; the
 * rest of the list is drawn over it. Copying a prefix drawn by the same
 * renderer gives the pixels drawing it again would.
 */
#include <errno.h>
#include <string.h>

#include "render.h"

int app_gfx_init(struct app_gfx *g, SDL_Renderer *ren, enum app_lang lang,
		 char *err, size_t err_size)
{
	memset(g, 0, sizeof(*g));
	g->ren = ren;
	app_geom_init(&g->geom);
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
	app_geom_finish(&g->geom);
	app_dlist_finish(&g->dl);
	app_layer_finish(&g->layer);
}

void app_gfx_invalidate(struct app_gfx *g)
{
	app_text_clear(&g->text);
	g->layer.valid = false;
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

/* Sets SDL's and the batch's clip to the innermost rectangle, or none. */
static void apply_clip(struct app_gfx *g, const struct clips *c)
{
	if (c->n == 0) {
		SDL_RenderSetClipRect(g->ren, NULL);
		app_geom_set_clip(&g->geom, -1e5f, -1e5f, 2e5f, 2e5f);
		return;
	}
	const SDL_Rect *r = &c->r[c->n - 1];
	SDL_RenderSetClipRect(g->ren, r);
	app_geom_set_clip(&g->geom, (float)r->x, (float)r->y, (float)r->w,
			  (float)r->h);
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

static void fill(struct app_gfx *g, const struct app_prim *p)
{
	struct app_rgba c = p->color;
	SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
	if (p->role == APP_ROLE_BACKGROUND) {
		SDL_RenderClear(g->ren); /* the whole output, clip or not */
		return;
	}
	SDL_Rect r = { (int)p->box.x, (int)p->box.y, (int)p->box.w, (int)p->box.h };
	if (c.a == 255)
		SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_NONE);
	SDL_RenderFillRect(g->ren, &r);
	SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
}

static void line(struct app_gfx *g, const struct app_dlist *dl,
		 const struct app_prim *p)
{
	const float *xs = dl->xs + p->first, *ys = dl->ys + p->first;
	if (p->dash <= 0) {
		app_geom_polyline(&g->geom, xs, ys, p->count, p->width, p->color);
		return;
	}
	for (int i = 0; i + 1 < p->count; i++)
		app_geom_dashed(&g->geom, xs[i], ys[i], xs[i + 1], ys[i + 1],
				p->width, p->dash, p->gap, p->color);
}

/* A convex polygon as a fan of triangles. */
static void polygon(struct app_gfx *g, const struct app_dlist *dl,
		    const struct app_prim *p)
{
	const float *xs = dl->xs + p->first, *ys = dl->ys + p->first;
	for (int i = 1; i + 1 < p->count; i++)
		app_geom_triangle(&g->geom, xs[0], ys[0], xs[i], ys[i],
				  xs[i + 1], ys[i + 1], p->color);
}

/* A shape into the batch. */
static void shape(struct app_gfx *g, const struct app_dlist *dl,
		  const struct app_prim *p)
{
	const float *xs = dl->xs + p->first, *ys = dl->ys + p->first;
	switch (p->kind) {
	case APP_PRIM_LINE:
		line(g, dl, p);
		break;
	case APP_PRIM_DISC:
		app_geom_disc(&g->geom, p->cx, p->cy, p->r, p->color);
		break;
	case APP_PRIM_RING:
		app_geom_ring(&g->geom, p->cx, p->cy, p->r, p->width, p->color);
		break;
	case APP_PRIM_POLYGON:
		polygon(g, dl, p);
		break;
	case APP_PRIM_ARROW:
		app_geom_arrow(&g->geom, xs[0], ys[0], xs[1], ys[1], p->width,
			       p->color);
		break;
	default:
		break;
	}
}

static void text(struct app_gfx *g, const struct app_dlist *dl,
		 const struct app_prim *p)
{
	const struct app_text_style *st = &p->style;
	int align = st->align == APP_ALIGN_CENTRE ? 1 :
		    st->align == APP_ALIGN_RIGHT  ? 2 :
						    0;
	app_text_draw(&g->text, app_dlist_str(dl, p), st->px, st->face,
		      st->color, (int)p->ax, (int)p->ay, align);
}

/* Renders prims [from, to) of dl with the clips c in force. */
static void render_range(struct app_gfx *g, const struct app_dlist *dl,
			 int from, int to, struct clips *c, int *dropped)
{
	for (int i = from; i < to; i++) {
		const struct app_prim *p = &dl->prims[i];
		bool batched = p->kind != APP_PRIM_TEXT &&
			       p->kind != APP_PRIM_RECT &&
			       p->kind != APP_PRIM_CLIP_PUSH &&
			       p->kind != APP_PRIM_CLIP_POP;
		if (batched) {
			/* One shape per batch: its opaque core is drawn
			 * before its feather, so a later shape must not
			 * share the batch and land under this feather. */
			shape(g, dl, p);
			app_geom_flush(&g->geom, g->ren);
			continue;
		}
		app_geom_flush(&g->geom, g->ren);
		if (p->kind == APP_PRIM_TEXT) {
			text(g, dl, p);
		} else if (p->kind == APP_PRIM_RECT) {
			fill(g, p);
		} else if (p->kind == APP_PRIM_CLIP_PUSH) {
			*dropped += c->n == APP_RENDER_CLIP_DEPTH;
			push_clip(g, c, p->box);
		} else if (*dropped > 0) {
			(*dropped)--;
		} else if (c->n > 0) {
			c->n--;
			apply_clip(g, c);
		}
	}
	app_geom_flush(&g->geom, g->ren);
}

/* Draws the prefix of k prims into the layer's texture (made or remade
 * at w × h). False when the renderer cannot draw into a texture. */
static bool build_layer(struct app_gfx *g, const struct app_dlist *dl, int k,
			int w, int h)
{
	struct app_layer *l = &g->layer;
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
	render_range(g, dl, 0, k, &c, &dropped);
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
	if (!fits && !build_layer(g, dl, k, w, h)) {
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

void app_render(struct app_gfx *g, const struct app_dlist *dl)
{
	struct clips clips = { 0 };
	int dropped = 0; /* pushes beyond the depth, whose pops to skip */
	int from = draw_layer(g, dl, &clips, &dropped);
	if (from == 0)
		apply_clip(g, &clips);
	render_range(g, dl, from, dl->n, &clips, &dropped);
	clips.n = 0;
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
	if (g->text_px != g->info.lay.text_px) {
		app_text_clear(&g->text);
		g->text_px = g->info.lay.text_px;
	}
	app_render(g, &g->dl);
}
