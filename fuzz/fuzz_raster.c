/*
 * The window's span rasteriser (src/window/raster.c) under libFuzzer: the
 * bytes give a clip and a list of shapes with any float coordinates
 * (NaN, infinities, huge values included); every shape's spans must lie
 * inside the clip, row by row, without overlapping, and the buffer must
 * be clear after each.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raster.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The next float of the input (0 past its end). */
static float next(const uint8_t **p, const uint8_t *end)
{
	float f = 0;
	if (end - *p >= (long)sizeof(f)) {
		memcpy(&f, *p, sizeof(f));
		*p += sizeof(f);
	} else {
		*p = end;
	}
	return f;
}

static void check(const struct app_raster *r)
{
	for (int i = 0; i < r->nspans; i++) {
		const struct app_span *s = &r->spans[i], *q = s - 1;
		if (s->a == 0 || s->w < 1 || s->x < r->x0 ||
		    s->x + s->w > r->x1 || s->y < r->y0 || s->y >= r->y1)
			abort();
		if (i > 0 &&
		    !(q->y < s->y || (q->y == s->y && q->x + q->w <= s->x)))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct app_raster r;
	static bool ready;
	if (!ready) {
		app_raster_init(&r);
		ready = true;
	}
	if (size < 8)
		return 0;
	int x = (int16_t)(data[0] | data[1] << 8),
	    y = (int16_t)(data[2] | data[3] << 8);
	int w = (data[4] | data[5] << 8) % 600, h = (data[6] | data[7] << 8) % 400;
	const uint8_t *p = data + 8, *end = data + size;
	if (app_raster_clip(&r, x, y, w, h) < 0)
		return 0;
	while (p < end) {
		uint8_t op = *p++;
		float xs[8], ys[8];
		int n = 2 + op / 8 % 7;
		for (int i = 0; i < n; i++) {
			xs[i] = next(&p, end);
			ys[i] = next(&p, end);
		}
		float a = next(&p, end), b = next(&p, end);
		switch (op % 4) {
		case 0:
			app_raster_stroke(&r, xs, ys, n, a);
			break;
		case 1:
			app_raster_disc(&r, xs[0], ys[0], a);
			break;
		case 2:
			app_raster_ring(&r, xs[0], ys[0], a, b);
			break;
		default:
			app_raster_polygon(&r, xs, ys, n);
			break;
		}
		app_raster_spans(&r);
		check(&r);
		if (app_raster_spans(&r) != 0)
			abort();
	}
	return 0;
}
