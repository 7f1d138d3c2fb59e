/* Rendered glyphs kept between runs; see glyphcache.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "glyphcache.h"

#define MAGIC "gdstepGC"
#define FORMAT 1u
#define HEAD 40u /* magic, format, version, files, glyphs, data bytes, sum */
#define SUM_AT 32u
#define FILE_REC 40u  /* size, mtime s, mtime ns, inode, device */
#define GLYPH_REC 28u /* see glyphcache.h */
/* Files a read cache may name (more than a caller has, for files since
 * dropped from its list). */
#define MAX_FILES 64u

static uint32_t rd16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p)
{
	return rd16(p) | rd16(p + 2) << 16;
}

static uint64_t rd64(const unsigned char *p)
{
	return rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void wr16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void wr32(unsigned char *p, uint32_t v)
{
	wr16(p, v & 0xffffu);
	wr16(p + 2, v >> 16);
}

static void wr64(unsigned char *p, uint64_t v)
{
	wr32(p, (uint32_t)v);
	wr32(p + 4, (uint32_t)(v >> 32));
}

static void reset(struct app_gcache *c, uint32_t version)
{
	memset(c, 0, sizeof(*c));
	c->version = version;
	for (int i = 0; i < APP_GCACHE_FILES; i++)
		c->slot_of[i] = -1;
}

static void drop_read(struct app_gcache *c)
{
	free(c->bytes);
	free(c->used);
	c->used = NULL;
	c->bytes = NULL;
	c->len = 0;
	c->nfiles = c->nglyphs = 0;
	c->data_len = 0;
}

uint64_t app_gcache_checksum(const void *bytes, size_t len)
{
	/* FNV-1a over 8-byte words (the last few bytes one by one): each
	 * step (xor a word, times an odd number modulo 2^64) is one-to-one
	 * in the state, so a file with any one word changed never has the
	 * same sum. Eight bytes a step: a full cache is read in a fraction
	 * of a millisecond. */
	const unsigned char *b = bytes;
	const uint64_t prime = 0x100000001b3u;
	uint64_t h = 0xcbf29ce484222325u;
	size_t i = 0;
	for (; i + 8 <= len; i += 8)
		if (i != SUM_AT)
			h = (h ^ rd64(b + i)) * prime;
	for (; i < len; i++)
		h = (h ^ b[i]) * prime;
	return h;
}

/* Checks the read bytes' header, sum and sizes; an invalid file is
 * dropped. */
static void parse(struct app_gcache *c)
{
	const unsigned char *b = c->bytes;
	if (!b || c->len < HEAD || c->len > APP_GCACHE_MAX_BYTES ||
	    memcmp(b, MAGIC, 8) != 0 || rd32(b + 8) != FORMAT ||
	    rd32(b + 12) != c->version ||
	    rd64(b + SUM_AT) != app_gcache_checksum(b, c->len)) {
		drop_read(c);
		return;
	}
	uint64_t nfiles = rd32(b + 16), nglyphs = rd32(b + 20),
		 data = rd64(b + 24);
	/* Each term is bounded before the sum, so none overflows. */
	if (nfiles > MAX_FILES || nglyphs > c->len / GLYPH_REC || data > c->len ||
	    HEAD + nfiles * FILE_REC + nglyphs * GLYPH_REC + data != c->len) {
		drop_read(c);
		return;
	}
	c->nfiles = (uint32_t)nfiles;
	c->nglyphs = (uint32_t)nglyphs;
	c->files_at = HEAD;
	c->glyphs_at = HEAD + (size_t)nfiles * FILE_REC;
	c->data_at = c->glyphs_at + (size_t)nglyphs * GLYPH_REC;
	c->data_len = (size_t)data;
}

void app_gcache_open(struct app_gcache *c, const char *path, uint32_t version)
{
	reset(c, version);
	/* Read, not mapped: a file cut short under a mapping would fault
	 * on a later read, and a copy of a few tens of kilobytes costs
	 * microseconds. */
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	struct stat st;
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= (off_t)HEAD &&
	    st.st_size <= (off_t)APP_GCACHE_MAX_BYTES &&
	    (c->bytes = malloc((size_t)st.st_size)) != NULL) {
		size_t want = (size_t)st.st_size, got = 0;
		while (got < want) {
			ssize_t r = read(fd, c->bytes + got, want - got);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			got += (size_t)r;
		}
		c->len = got;
	}
	close(fd);
	parse(c);
}

void app_gcache_open_bytes(struct app_gcache *c, const void *bytes, size_t len,
			   uint32_t version)
{
	reset(c, version);
	if (!bytes || len == 0 || len > APP_GCACHE_MAX_BYTES)
		return;
	c->bytes = malloc(len);
	if (!c->bytes)
		return;
	memcpy(c->bytes, bytes, len);
	c->len = len;
	parse(c);
}

static bool same_id(const unsigned char *rec, const struct app_gcache_id *id)
{
	return rd64(rec) == id->size && rd64(rec + 8) == id->mtime_s &&
	       rd64(rec + 16) == id->mtime_ns && rd64(rec + 24) == id->ino &&
	       rd64(rec + 32) == id->dev;
}

void app_gcache_set_file(struct app_gcache *c, int file,
			 const struct app_gcache_id *id)
{
	if (file < 0 || file >= APP_GCACHE_FILES || !id)
		return;
	c->slot_of[file] = -1;
	/* An empty file is no font, and its id, zeros, is what a record of
	 * a file with no id holds (app_gcache_serialise). */
	c->have_id[file] = false;
	if (id->size == 0)
		return;
	c->ids[file] = *id;
	c->have_id[file] = true;
	for (uint32_t j = 0; j < c->nfiles; j++)
		if (same_id(c->bytes + c->files_at + (size_t)j * FILE_REC, id)) {
			c->slot_of[file] = (int)j;
			break;
		}
}

/* Orders keys by file, px, overhang, index. */
static int cmp_key(uint32_t fa, uint32_t pa, uint32_t oa, uint32_t ia,
		   uint32_t fb, uint32_t pb, uint32_t ob, uint32_t ib)
{
	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (pa != pb)
		return pa < pb ? -1 : 1;
	if (oa != ob)
		return oa < ob ? -1 : 1;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	return 0;
}

/* Read glyph record i as a glyph, its bitmap inside the data; false
 * when the record points outside it. */
static bool read_glyph(const struct app_gcache *c, uint32_t i,
		       struct app_gcache_glyph *g)
{
	const unsigned char *r = c->bytes + c->glyphs_at + (size_t)i * GLYPH_REC;
	uint32_t w = rd16(r + 16), rows = rd16(r + 18), at = rd32(r + 24);
	if (w > APP_GCACHE_MAX_SIDE || rows > APP_GCACHE_MAX_SIDE ||
	    (uint64_t)at + (uint64_t)w * rows > c->data_len)
		return false;
	g->left = (int16_t)rd16(r + 12);
	g->top = (int16_t)rd16(r + 14);
	g->w = (int)w;
	g->rows = (int)rows;
	g->advance = (int32_t)rd32(r + 20);
	g->pix = w && rows ? c->bytes + c->data_at + at : NULL;
	return true;
}

/* The record of key in the file read, marked used, into *g. */
static bool lookup(struct app_gcache *c, const struct app_gcache_key *key,
		   struct app_gcache_glyph *g)
{
	int slot = key->file < APP_GCACHE_FILES ? c->slot_of[key->file] : -1;
	uint32_t lo = 0, hi = slot >= 0 ? c->nglyphs : 0;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const unsigned char *r = c->bytes + c->glyphs_at +
					 (size_t)mid * GLYPH_REC;
		int d = cmp_key(rd32(r), rd16(r + 4), rd16(r + 6), rd32(r + 8),
				(uint32_t)slot, key->px, key->overhang,
				key->index);
		if (d == 0) {
			if (read_glyph(c, mid, g)) {
				/* Kept first when the file is written again
				 * (without the memory, no glyph is). */
				if (!c->used)
					c->used = calloc(c->nglyphs, 1);
				if (c->used)
					c->used[mid] = 1;
				return true;
			}
			break;
		}
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool app_gcache_find(struct app_gcache *c, const struct app_gcache_key *key,
		     struct app_gcache_glyph *g)
{
	if (key->index >= APP_GCACHE_CHAR || !lookup(c, key, g))
		return false;
	c->hits++;
	return true;
}

bool app_gcache_find_char(struct app_gcache *c, uint32_t file, uint32_t ch,
			  uint32_t *index)
{
	struct app_gcache_key key = { file, 0, 0, APP_GCACHE_CHAR | ch };
	struct app_gcache_glyph g;
	if (ch >= APP_GCACHE_CHAR || !lookup(c, &key, &g) || g.w || g.rows ||
	    g.advance < 0)
		return false;
	*index = (uint32_t)g.advance;
	c->facts++;
	return true;
}

int app_gcache_add_char(struct app_gcache *c, uint32_t file, uint32_t ch,
			uint32_t index)
{
	if (ch >= APP_GCACHE_CHAR || index > INT32_MAX)
		return -1;
	struct app_gcache_key key = { file, 0, 0, APP_GCACHE_CHAR | ch };
	return app_gcache_add(c, &key,
			      &(struct app_gcache_glyph){ .advance = index });
}

bool app_gcache_find_metrics(struct app_gcache *c, uint32_t file, int px,
			     bool bold, struct app_gcache_metrics *m)
{
	struct app_gcache_key key = { file, (uint16_t)px, bold,
				      APP_GCACHE_METRICS };
	struct app_gcache_glyph g;
	if (px < 1 || px > UINT16_MAX || !lookup(c, &key, &g) || g.w || g.rows)
		return false;
	*m = (struct app_gcache_metrics){ g.left, g.top, (int)g.advance };
	c->facts++;
	return true;
}

int app_gcache_add_metrics(struct app_gcache *c, uint32_t file, int px,
			   bool bold, const struct app_gcache_metrics *m)
{
	if (px < 1 || px > UINT16_MAX || m->overhang < INT16_MIN ||
	    m->overhang > INT16_MAX)
		return -1;
	struct app_gcache_key key = { file, (uint16_t)px, bold,
				      APP_GCACHE_METRICS };
	return app_gcache_add(c, &key,
			      &(struct app_gcache_glyph){ .left = m->ascent,
							  .top = m->height,
							  .advance = m->overhang });
}

int app_gcache_add(struct app_gcache *c, const struct app_gcache_key *key,
		   const struct app_gcache_glyph *g)
{
	if (key->file >= APP_GCACHE_FILES || g->w < 0 || g->rows < 0 ||
	    g->w > APP_GCACHE_MAX_SIDE || g->rows > APP_GCACHE_MAX_SIDE ||
	    g->left < INT16_MIN || g->left > INT16_MAX || g->top < INT16_MIN ||
	    g->top > INT16_MAX || g->advance < INT32_MIN ||
	    g->advance > INT32_MAX || (g->w && g->rows && !g->pix))
		return -1;
	if (c->nadded == c->cap_added) {
		int cap = c->cap_added ? 2 * c->cap_added : 256;
		struct app_gcache_key *k = realloc(c->keys,
						   (size_t)cap * sizeof(*k));
		if (!k)
			return -1;
		c->keys = k;
		struct app_gcache_glyph *v = realloc(c->glyphs,
						     (size_t)cap * sizeof(*v));
		if (!v)
			return -1;
		c->glyphs = v;
		c->cap_added = cap;
	}
	size_t n = (size_t)g->w * (size_t)g->rows;
	unsigned char *pix = NULL;
	if (n) {
		pix = malloc(n);
		if (!pix)
			return -1;
		memcpy(pix, g->pix, n);
	}
	c->keys[c->nadded] = *key;
	c->glyphs[c->nadded] = *g;
	c->glyphs[c->nadded].pix = pix;
	c->nadded++;
	return 0;
}

bool app_gcache_dirty(const struct app_gcache *c)
{
	return c->nadded > 0;
}

/* A glyph to write: key (the caller's file number), bitmap, rank (an
 * added one is kept over a read one with the same key, and before it
 * when the file is full), and whether it is written. */
struct item {
	struct app_gcache_key key;
	struct app_gcache_glyph g;
	int rank; /* 0 added now, 1 read and used now, 2 read only */
	bool keep;
};

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int d = cmp_key(x->key.file, x->key.px, x->key.overhang, x->key.index,
			y->key.file, y->key.px, y->key.overhang, y->key.index);
	if (d)
		return d;
	return x->rank - y->rank; /* added first */
}

/* The caller's file whose id the read file's slot j has, −1 if none. */
static int file_of_slot(const struct app_gcache *c, uint32_t j)
{
	for (int k = 0; k < APP_GCACHE_FILES; k++)
		if (c->have_id[k] && c->slot_of[k] == (int)j)
			return k;
	return -1;
}

/* The bytes a glyph takes in the file. */
static uint64_t cost(const struct item *x)
{
	return GLYPH_REC + (uint64_t)x->g.w * (uint64_t)x->g.rows;
}

/* The items to write, sorted, one per key: those added now, then those
 * read and used now, then the rest read, each as long as the file stays
 * under APP_GCACHE_MAX_BYTES; *n of them, *data their bitmaps' bytes. */
static struct item *items(struct app_gcache *c, int *n, uint64_t *data)
{
	size_t cap = (size_t)c->nadded + c->nglyphs;
	struct item *it = malloc((cap ? cap : 1) * sizeof(*it));
	if (!it)
		return NULL;
	int m = 0;
	for (int i = 0; i < c->nadded; i++)
		if (c->have_id[c->keys[i].file])
			it[m++] = (struct item){ c->keys[i], c->glyphs[i], 0,
						 false };
	for (uint32_t i = 0; i < c->nglyphs; i++) {
		const unsigned char *r = c->bytes + c->glyphs_at +
					 (size_t)i * GLYPH_REC;
		int k = file_of_slot(c, rd32(r));
		struct item x = { .key = { (uint32_t)k, (uint16_t)rd16(r + 4),
					   (uint16_t)rd16(r + 6), rd32(r + 8) },
				  .rank = c->used && c->used[i] ? 1 : 2 };
		if (k >= 0 && read_glyph(c, i, &x.g))
			it[m++] = x;
	}
	qsort(it, (size_t)m, sizeof(*it), cmp_item);
	int out = 0;
	for (int i = 0; i < m; i++)
		if (out == 0 ||
		    cmp_key(it[out - 1].key.file, it[out - 1].key.px,
			    it[out - 1].key.overhang, it[out - 1].key.index,
			    it[i].key.file, it[i].key.px, it[i].key.overhang,
			    it[i].key.index) != 0)
			it[out++] = it[i];
	uint64_t budget = APP_GCACHE_MAX_BYTES - HEAD -
			  (uint64_t)APP_GCACHE_FILES * FILE_REC;
	for (int rank = 0; rank <= 2; rank++)
		for (int i = 0; i < out; i++)
			if (it[i].rank == rank && cost(&it[i]) <= budget) {
				it[i].keep = true;
				budget -= cost(&it[i]);
			}
	int k = 0;
	*data = 0;
	for (int i = 0; i < out; i++)
		if (it[i].keep) {
			*data += (uint64_t)it[i].g.w * (uint64_t)it[i].g.rows;
			it[k++] = it[i];
		}
	*n = k;
	return it;
}

unsigned char *app_gcache_serialise(struct app_gcache *c, size_t *len)
{
	int n;
	uint64_t data;
	struct item *it = items(c, &n, &data);
	if (!it)
		return NULL;
	uint32_t nfiles = 0;
	for (int k = 0; k < APP_GCACHE_FILES; k++)
		if (c->have_id[k])
			nfiles = (uint32_t)k + 1;
	size_t glyphs_at = HEAD + (size_t)nfiles * FILE_REC;
	size_t data_at = glyphs_at + (size_t)n * GLYPH_REC;
	*len = data_at + (size_t)data;
	unsigned char *b = calloc(*len, 1);
	if (!b) {
		free(it);
		return NULL;
	}
	memcpy(b, MAGIC, 8);
	wr32(b + 8, FORMAT);
	wr32(b + 12, c->version);
	wr32(b + 16, nfiles);
	wr32(b + 20, (uint32_t)n);
	wr64(b + 24, data);
	for (uint32_t k = 0; k < nfiles; k++) {
		unsigned char *r = b + HEAD + (size_t)k * FILE_REC;
		const struct app_gcache_id *id = &c->ids[k];
		/* A file with no id keeps a record of zeros, which no font
		 * (never empty) matches. */
		if (!c->have_id[k])
			continue;
		wr64(r, id->size);
		wr64(r + 8, id->mtime_s);
		wr64(r + 16, id->mtime_ns);
		wr64(r + 24, id->ino);
		wr64(r + 32, id->dev);
	}
	size_t at = 0;
	for (int i = 0; i < n; i++) {
		unsigned char *r = b + glyphs_at + (size_t)i * GLYPH_REC;
		const struct item *x = &it[i];
		size_t bytes = (size_t)x->g.w * (size_t)x->g.rows;
		wr32(r, x->key.file);
		wr16(r + 4, x->key.px);
		wr16(r + 6, x->key.overhang);
		wr32(r + 8, x->key.index);
		wr16(r + 12, (uint32_t)(uint16_t)(int16_t)x->g.left);
		wr16(r + 14, (uint32_t)(uint16_t)(int16_t)x->g.top);
		wr16(r + 16, (uint32_t)x->g.w);
		wr16(r + 18, (uint32_t)x->g.rows);
		wr32(r + 20, (uint32_t)(int32_t)x->g.advance);
		wr32(r + 24, (uint32_t)at);
		if (bytes)
			memcpy(b + data_at + at, x->g.pix, bytes);
		at += bytes;
	}
	free(it);
	wr64(b + SUM_AT, app_gcache_checksum(b, *len));
	return b;
}

/* Makes dir and the directories above it that are missing. */
static int make_dirs(char *dir)
{
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int rc = mkdir(dir, 0700);
		*p = '/';
		if (rc != 0 && errno != EEXIST)
			return -1;
	}
	return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

int app_gcache_save(struct app_gcache *c, const char *path)
{
	if (!app_gcache_dirty(c))
		return 0;
	char dir[PATH_MAX], tmp[PATH_MAX + 32];
	if (!path || snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return -1;
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		if (make_dirs(dir) < 0)
			return -1;
	}
	size_t len;
	unsigned char *b = app_gcache_serialise(c, &len);
	if (!b)
		return -1;
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	bool ok = fd >= 0;
	for (size_t done = 0; ok && done < len;) {
		ssize_t w = write(fd, b + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		ok = w > 0;
		done += ok ? (size_t)w : 0;
	}
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	free(b);
	if (ok && rename(tmp, path) == 0)
		return 0;
	if (fd >= 0)
		unlink(tmp);
	return -1;
}

void app_gcache_finish(struct app_gcache *c)
{
	if (!c)
		return;
	drop_read(c);
	for (int i = 0; i < c->nadded; i++)
		free((void *)c->glyphs[i].pix);
	free(c->keys);
	free(c->glyphs);
	reset(c, 0);
}

int app_gcache_path(char *path, size_t size)
{
	/* XDG: a relative $XDG_CACHE_HOME is to be ignored. */
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(path, size, "%s/gdstep/glyphs", xdg);
	else if (home && home[0] == '/')
		n = snprintf(path, size, "%s/.cache/gdstep/glyphs", home);
	else
		return -1;
	return n > 0 && (size_t)n < size ? 0 : -1;
}
