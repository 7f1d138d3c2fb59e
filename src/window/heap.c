/* The heap on transparent huge pages; see heap.h. */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE, sbrk */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "heap.h"

#define HUGE_PAGE ((uintptr_t)2 << 20)

/* Below the first block, never written: kept so as not to be reused. */
static void *volatile below;

int app_heap_huge(size_t len)
{
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
	if (below || len < 2 * HUGE_PAGE || len > INT_MAX / 4)
		return 0;
	/* From the heap's top, not a mapping of its own (len is above the
	 * threshold), and not given back when freed. */
	mallopt(M_TRIM_THRESHOLD, (int)(2 * len));
	mallopt(M_MMAP_THRESHOLD, (int)(len + HUGE_PAGE));
	char *p = malloc(len);
	uintptr_t start = (uintptr_t)p, end = (uintptr_t)sbrk(0);
	/* Only a heap grown in place: the top of the brk area. */
	bool heap = p && start + len <= end && end - (start + len) < HUGE_PAGE;
	uintptr_t a = (start + 64 + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
	uintptr_t b = (start + len) / HUGE_PAGE * HUGE_PAGE;
	int blocks = 0;
	if (heap && b > a && madvise((void *)a, b - a, MADV_HUGEPAGE) == 0) {
		for (uintptr_t q = a; q < b; q += HUGE_PAGE, blocks++)
			*(volatile char *)q = 0;
	}
	free(p);
	/* The freed chunk is the heap's top again; what lies below a is
	 * taken (and never written), so the next allocations start at a. */
	if (blocks > 0)
		below = malloc(a - start - 16);
	/* The threshold's starting value. (Set by mallopt, neither it nor
	 * the trim threshold follows the sizes freed any more, as glibc's
	 * defaults do: large buffers stay mappings of their own.) */
	mallopt(M_MMAP_THRESHOLD, 128 << 10);
	return blocks;
#else
	(void)len;
	return 0;
#endif
}
