/*
 * The window's glyph cache file (src/window/glyphcache.c) under
 * libFuzzer. The input's first byte chooses what is made right before
 * the rest is read as a cache file: the header's magic, format and
 * version, its data size (so the sizes add up) and its sum, each of
 * which a mutated file rarely gets right by chance. Then the read
 * file's own records are given as the caller's font files, and glyphs
 * are looked up by the keys of its glyph records and by keys from the
 * input (as glyphs, characters and sizes' metrics): a glyph found must
 * have its bitmap inside the bytes read (ASan checks each byte). A glyph is added, and the cache serialised: what
 * serialise writes must read back whole, every glyph it holds found.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glyphcache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define VERSION 0x01020d02u

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		p[k] = (uint8_t)(v >> 8 * k);
}

static void wr64(uint8_t *p, uint64_t v)
{
	for (int k = 0; k < 8; k++)
		p[k] = (uint8_t)(v >> 8 * k);
}

static uint64_t rd64(const uint8_t *p)
{
	return rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* Reads every byte of a glyph found (ASan reports one outside). */
static unsigned touch(const struct app_gcache_glyph *g)
{
	unsigned s = 0;
	if (g->w < 0 || g->rows < 0 || g->w > APP_GCACHE_MAX_SIDE ||
	    g->rows > APP_GCACHE_MAX_SIDE || ((g->w && g->rows) != !!g->pix))
		abort();
	for (int k = 0; k < g->w * g->rows; k++)
		s += g->pix[k];
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint8_t how = data[0];
	size_t len = size - 1;
	uint8_t *b = malloc(len ? len : 1);
	if (!b)
		return 0;
	memcpy(b, data + 1, len);
	if (len >= 40) {
		if (how & 1) {
			memcpy(b, "gdstepGC", 8);
			wr32(b + 8, 1);
			wr32(b + 12, VERSION);
		}
		uint64_t head = 40 + (uint64_t)(rd32(b + 16) % 65) * 40 +
				(uint64_t)(rd32(b + 20) % 4096) * 28;
		if ((how & 2) && head <= len) {
			wr32(b + 16, rd32(b + 16) % 65);
			wr32(b + 20, rd32(b + 20) % 4096);
			wr64(b + 24, len - head);
		}
		if (how & 4)
			wr64(b + 32, app_gcache_checksum(b, len));
	}
	struct app_gcache c;
	app_gcache_open_bytes(&c, b, len, VERSION);
	/* The caller's files: the read file's first records, in an order
	 * of the input's. */
	for (uint32_t k = 0; k < c.nfiles && k < APP_GCACHE_FILES; k++) {
		const uint8_t *r = c.bytes + c.files_at + (size_t)k * 40;
		struct app_gcache_id id = { rd64(r), rd64(r + 8), rd64(r + 16),
					    rd64(r + 24), rd64(r + 32) };
		app_gcache_set_file(
			&c, (int)((k + (how >> 4)) % APP_GCACHE_FILES), &id);
	}
	unsigned sum = 0;
	for (uint32_t i = 0; i < c.nglyphs && i < 512; i++) {
		const uint8_t *r = c.bytes + c.glyphs_at + (size_t)i * 28;
		for (uint32_t f = 0; f < APP_GCACHE_FILES; f++) {
			if (c.slot_of[f] != (int)rd32(r))
				continue;
			struct app_gcache_key key = {
				f, (uint16_t)(r[4] | r[5] << 8),
				(uint16_t)(r[6] | r[7] << 8), rd32(r + 8)
			};
			struct app_gcache_glyph g;
			if (app_gcache_find(&c, &key, &g))
				sum += touch(&g);
		}
	}
	for (size_t at = 1; at + 12 <= size && at < 400; at += 12) {
		struct app_gcache_key key = {
			data[at] % (APP_GCACHE_FILES + 2),
			(uint16_t)(data[at + 1] | data[at + 2] << 8),
			(uint16_t)(data[at + 3] | data[at + 4] << 8),
			rd32(data + at + 5)
		};
		struct app_gcache_glyph g;
		if (app_gcache_find(&c, &key, &g))
			sum += touch(&g);
		/* The same bytes as a character's and a size's facts. */
		uint32_t index;
		struct app_gcache_metrics m;
		if (app_gcache_find_char(&c, key.file, key.index, &index))
			sum += index;
		if (app_gcache_find_metrics(&c, key.file, key.px,
					    key.overhang & 1, &m))
			sum += (unsigned)(m.ascent + m.height + m.overhang);
	}
	/* A glyph of the input's added, the cache written and read back. */
	uint8_t pix[64];
	memset(pix, (int)(sum & 0xff), sizeof(pix));
	struct app_gcache_key key = { (uint32_t)(how >> 4), how, 0,
				      sum % APP_GCACHE_CHAR };
	struct app_gcache_glyph g = {
		.left = -3, .top = 7, .w = 8, .rows = 8, .advance = 640, .pix = pix
	};
	int added = app_gcache_add(&c, &key, &g);
	(void)app_gcache_add_char(&c, key.file, sum, how);
	(void)app_gcache_add_metrics(
		&c, key.file, how, how & 1,
		&(struct app_gcache_metrics){ (int)(sum & 0x7fff), how, 1 });
	size_t n;
	uint8_t *out = app_gcache_serialise(&c, &n);
	if (out) {
		struct app_gcache d;
		app_gcache_open_bytes(&d, out, n, VERSION);
		if (n < 40 || d.nglyphs != rd32(out + 20))
			abort(); /* what was written is not a cache */
		for (int k = 0; k < APP_GCACHE_FILES; k++)
			if (c.have_id[k])
				app_gcache_set_file(&d, k, &c.ids[k]);
		/* Two of the caller's files with one id (never so for font
		 * files, which differ in inode) share the first's glyphs. */
		bool unique = true;
		for (int k = 0; k < APP_GCACHE_FILES; k++)
			for (int j = 0; j < k; j++)
				if (c.have_id[k] && c.have_id[j] &&
				    memcmp(&c.ids[k], &c.ids[j],
					   sizeof(c.ids[k])) == 0)
					unique = false;
		for (uint32_t i = 0; unique && i < d.nglyphs; i++) {
			const uint8_t *r = d.bytes + d.glyphs_at + (size_t)i * 28;
			struct app_gcache_key k2 = {
				rd32(r), (uint16_t)(r[4] | r[5] << 8),
				(uint16_t)(r[6] | r[7] << 8), rd32(r + 8)
			};
			struct app_gcache_glyph g2;
			if (k2.index >= APP_GCACHE_CHAR) {
				/* A fact, not a glyph: found as one when
				 * well formed (glyphcache.h), never as a
				 * glyph. */
				uint32_t index;
				struct app_gcache_metrics m;
				if (app_gcache_find(&d, &k2, &g2))
					abort();
				(void)app_gcache_find_char(
					&d, k2.file, k2.index - APP_GCACHE_CHAR,
					&index);
				(void)app_gcache_find_metrics(&d, k2.file, k2.px,
							      k2.overhang != 0,
							      &m);
				continue;
			}
			if (!app_gcache_find(&d, &k2, &g2))
				abort(); /* a glyph written is not found */
			touch(&g2);
		}
		/* The glyph added is in it, when its file has an id. */
		struct app_gcache_glyph g3;
		if (unique && added == 0 && c.have_id[key.file] &&
		    (!app_gcache_find(&d, &key, &g3) || g3.w != 8 ||
		     memcmp(g3.pix, pix, 64) != 0))
			abort();
		app_gcache_finish(&d);
		free(out);
	}
	app_gcache_finish(&c);
	free(b);
	return 0;
}
