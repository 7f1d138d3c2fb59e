/*
 * The window's text (src/window/text.c: FreeType glyphs, fallback runs,
 * the layout and the caches) under libFuzzer: the bytes give a size, a
 * face, a colour and a string of any bytes (bad UTF-8, characters no font
 * has, long runs of fallbacks). The width measured must be the width
 * rendered, never negative; an empty string has no texture; every
 * cache stays within its bounds as strings come and go.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct app_text t;
	static SDL_Surface *surf;
	static SDL_Renderer *ren;
	if (!ren) {
		char dir[4096], err[512];
		surf = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32,
						      SDL_PIXELFORMAT_ARGB8888);
		ren = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
		if (!ren || app_font_dir(dir, sizeof(dir)) < 0 ||
		    app_text_init(&t, ren, dir, err, sizeof(err)) < 0)
			abort();
	}
	if (size < 5)
		return 0;
	int px = 1 + data[0] % 160;
	enum app_face face = data[1] & 1 ? APP_FACE_BOLD : APP_FACE_REGULAR;
	struct app_rgba c = { data[2], data[3], data[4], data[1] };
	char *s = malloc(size - 4);
	if (!s)
		return 0;
	memcpy(s, data + 5, size - 5);
	s[size - 5] = '\0';
	app_text_begin_frame(&t);
	int w = app_text_width(&t, s, px, face);
	const struct app_text_entry *e = app_text_get(&t, s, px, face, c);
	if (w < 0 || (e && e->w != w) || (e && !s[0] && e->pix))
		abort();
	if (e && e->pix && (e->h <= 0 || e->w <= 0))
		abort();
	if (app_text_height(&t, px, face) <= 0)
		abort();
	for (int i = 0; i < APP_TEXT_OPEN; i++)
		for (int k = 0; k < APP_TEXT_FILES; k++) {
			const struct app_sized *z = &t.open[i].file[k];
			if (z->cap > 0 && (z->count > APP_TEXT_GLYPHS ||
					   z->count * 2 > z->cap))
				abort();
		}
	free(s);
	return 0;
}
