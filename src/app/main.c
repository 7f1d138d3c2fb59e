/* gdstep's front end: parse the command line, then trace, render or open
 * the window. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/options.h>
#include "app.h"

#include "gdstep-config.h"

void app_message(const char *text)
{
	fprintf(stderr, "gdstep: %s\n", text);
}

int main(int argc, char *argv[])
{
	struct gd_options opts;
	char err[512];
	if (gd_options_parse(&opts, argc, argv, err, sizeof(err)) < 0) {
		app_message(err);
		return 2;
	}
	switch (opts.mode) {
	case GD_MODE_HELP:
		fputs(gd_options_usage(), stdout);
		return 0;
	case GD_MODE_VERSION:
		printf("gdstep %s\n", GDSTEP_VERSION);
		return 0;
	case GD_MODE_TRACE:
		return app_trace(&opts);
	default:
		app_message("the window is not built yet; use --trace");
		return 1;
	}
}
