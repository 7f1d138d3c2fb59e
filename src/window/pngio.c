/*
 * PNGs through libpng's simplified API; see pngio.h. The image is encoded
 * in memory and written with stdio, so a full disk or a failing close is
 * seen (and a failed file is never removed: it may be a device).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "pngio.h"

extern const unsigned char app_icon_png[];
extern const size_t app_icon_png_size;

/* Writes n bytes to path; 0 or a negative errno. */
static int write_file(const char *path, const void *buf, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -errno;
	int err = 0;
	if (fwrite(buf, 1, n, f) != n || fflush(f) != 0)
		err = errno ? -errno : -EIO;
	if (fclose(f) != 0 && !err)
		err = errno ? -errno : -EIO;
	return err;
}

int app_png_write(const char *path, SDL_Surface *s)
{
	SDL_Surface *rgba = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
	if (!rgba)
		return -ENOMEM;
	png_image img;
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = (png_uint_32)rgba->w;
	img.height = (png_uint_32)rgba->h;
	img.format = PNG_FORMAT_RGBA;
	png_alloc_size_t n = 0;
	int err = -EIO;
	if (!png_image_write_to_memory(&img, NULL, &n, 0, rgba->pixels,
				       rgba->pitch, NULL))
		goto out;
	void *buf = malloc(n);
	err = -ENOMEM;
	if (!buf)
		goto out;
	err = -EIO;
	errno = 0;
	if (png_image_write_to_memory(&img, buf, &n, 0, rgba->pixels,
				      rgba->pitch, NULL))
		err = write_file(path, buf, n);
	free(buf);
out:
	png_image_free(&img);
	SDL_FreeSurface(rgba);
	return err;
}

SDL_Surface *app_png_icon(void)
{
	png_image img;
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, app_icon_png,
					      app_icon_png_size))
		return NULL;
	img.format = PNG_FORMAT_RGBA;
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(
		0, (int)img.width, (int)img.height, 32, SDL_PIXELFORMAT_RGBA32);
	if (!s || !png_image_finish_read(&img, NULL, s->pixels, s->pitch, NULL)) {
		png_image_free(&img);
		SDL_FreeSurface(s);
		return NULL;
	}
	return s;
}
