/*
 * The window's heap on huge pages (src/window/heap.h): blocks prepared
 * where glibc's heap can grow in place, the allocations that follow
 * carved from them (on huge pages when the kernel gives them to advised
 * memory), once only, and nothing under a sanitizer's allocator.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"

#include "harness.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	size_t len;
};

/* Whether the kernel gives huge pages to memory advised so. */
static bool thp_advised(void)
{
	char mode[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	if (f) {
		if (!fgets(mode, sizeof(mode), f))
			mode[0] = '\0';
		fclose(f);
	}
	return strstr(mode, "[always]") || strstr(mode, "[madvise]");
}

/* The kernel's count of huge-page faults that fell back to small pages
 * (memory too fragmented to give one), or -1. */
static long thp_fallbacks(void)
{
	FILE *f = fopen("/proc/vmstat", "r");
	char line[256];
	long n = -1;
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "thp_fault_fallback %ld", &n) == 1)
			break;
	if (f)
		fclose(f);
	return n;
}

/* AnonHugePages, in KiB, of the mapping that holds p; -1 if not found. */
static long huge_kib_at(const void *p)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	bool in = false;
	long kib = -1;
	uintptr_t x = (uintptr_t)p;
	while (f && fgets(line, sizeof(line), f)) {
		unsigned long a, b;
		if (sscanf(line, "%lx-%lx ", &a, &b) == 2 &&
		    strchr(line, '-') && line[0] != ' ') {
			in = a <= x && x < b;
			continue;
		}
		if (in && sscanf(line, "AnonHugePages: %ld kB", &kib) == 1)
			break;
	}
	if (f)
		fclose(f);
	return kib;
}

static void check_blocks(const struct tcase *tc)
{
	long fallbacks = thp_fallbacks();
	int blocks = app_heap_huge(tc->len);
	if (SANITIZED || tc->len < ((size_t)4 << 20)) {
		CHECK(blocks == 0);
		return;
	}
	/* A 6 MiB growth holds at least one aligned 2 MiB block. */
	CHECK(blocks >= 1 && blocks <= (int)(tc->len >> 21));
	/* The next allocations come from the blocks, and more of them
	 * than one page's worth stay on huge pages as they are written. */
	enum { N = 1500 };
	static char *small[N];
	for (int i = 0; i < N; i++) {
		small[i] = malloc(1000);
		CHECK(small[i] != NULL);
		if (small[i])
			memset(small[i], i & 0xff, 1000);
	}
	/* On huge pages, unless the kernel had none to give just then. */
	if (thp_advised())
		CHECK(huge_kib_at(small[0]) >= 2048 ||
		      thp_fallbacks() > fallbacks);
	for (int i = 0; i < N; i++)
		CHECK(!small[i] || (unsigned char)small[i][999] == (i & 0xff));
	for (int i = 0; i < N; i++)
		free(small[i]);
	/* Once only. */
	CHECK(app_heap_huge(tc->len) == 0);
}

static const struct tcase cases[] = {
	{ .name = "heap-huge-blocks", .run = check_blocks, .len = APP_HEAP_HUGE_LEN },
	/* Too little to hold two blocks: nothing is done. */
	{ .name = "heap-huge-too-small", .run = check_blocks, .len = (size_t)1 << 20 },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
