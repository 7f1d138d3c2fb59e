/* gdstep-window: the window and --screenshot, run by hand or by gdstep
 * when gdstep-window.so cannot be loaded (entry.h); it checks its
 * arguments again. */
#include <stddef.h>

#include "entry.h"

int main(int argc, char *argv[])
{
	return gdstep_window_main(argc, argv, NULL);
}
