/* gdstep's own work besides the shared front (src/ui/front.h). */
#ifndef GDSTEP_CLI_H
#define GDSTEP_CLI_H

#include "options.h"

/* --trace: prints the CSV table and returns the exit status. */
int app_trace(const struct gd_options *opts);

#endif
