/* The window's figures come with the window; until then, nothing to time. */
#include <stdio.h>

#include "bench.h"

void bench_app(const char *gdstep)
{
	(void)gdstep;
	printf("window: not built yet\n");
}
