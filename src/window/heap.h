/*
 * The window's heap on transparent huge pages, for its first frame.
 *
 * On the machines measured (2-core VMs), the first write to a 4 KiB page
 * costs 5–14 µs, and between SDL_Init and its first frame the window
 * writes to about 400 heap pages it never had (text surfaces and
 * textures, glyph caches, the frame's lists, the rasteriser's rows):
 * 3–5 ms, as much as the rest of its lead on a bare window. A 2 MiB huge
 * page is one fault, about 0.1–0.3 ms with its zeroing.
 *
 * The kernel gives huge pages only to memory advised so (THP in
 * "madvise" mode, Debian's default), in whole aligned 2 MiB blocks of
 * one mapping. So glibc's heap is grown by len at once, the aligned
 * blocks inside are advised and written to (a block read first would get
 * the shared zero page, then small pages), and the memory is given back
 * to malloc with a never-written allocation below the first block, so
 * that the allocations that follow are carved from the blocks. A fork
 * shares the blocks copy-on-write and splits them at the next write:
 * call it after SDL_Init, where libdbus forks dbus-launch. (With
 * MALLOC_PERTURB_ set, glibc writes the growth before it is advised, and
 * the blocks end up on small pages.)
 */
#ifndef GDSTEP_APP_HEAP_H
#define GDSTEP_APP_HEAP_H

#include <stddef.h>

/* How much of the heap the window prepares so: its first frame's
 * allocations and more. */
#define APP_HEAP_HUGE_LEN ((size_t)6 << 20)

/* Prepares the heap as above; returns the number of 2 MiB blocks
 * advised and written, 0 where it cannot be (not glibc, the heap not
 * growable in place, a sanitizer's allocator). Call it once. */
int app_heap_huge(size_t len);

#endif
