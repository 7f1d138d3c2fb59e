/*
 * PNG in and out through libpng (which FreeType loads anyway): the
 * window's icon, embedded in the program as PNG bytes, and the PNGs of
 * --screenshot and the S key.
 */
#ifndef GDSTEP_WINDOW_PNGIO_H
#define GDSTEP_WINDOW_PNGIO_H

#include <stddef.h>

#include <SDL.h>

/*
 * Writes the surface s (any format SDL converts from) to path as an
 * 8-bit RGBA PNG, checking every write and the close. Returns 0, or a
 * negative errno (-ENOMEM, the write's or close's error, -EIO when libpng
 * fails) with the file possibly left partly written.
 */
int app_png_write(const char *path, SDL_Surface *s);

/* The window's icon, decoded from the embedded 64×64 PNG; NULL when it
 * cannot be. The caller frees it with SDL_FreeSurface. */
SDL_Surface *app_png_icon(void);

#endif
