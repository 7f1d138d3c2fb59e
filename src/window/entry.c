/* The window program's body, as gdstep-window's main and as the entry of
 * gdstep-window.so, which gdstep loads in its own process. */
#include <signal.h>

#include "options.h"

#include "entry.h"
#include "text.h"
#include "window.h"

int gdstep_window_main(int argc, char *argv[], const char *self)
{
	struct gd_options opts;
	app_font_dir_from(self);
	/* A closed stdout (--echo into `head`) is a write error that the
	 * window reports and survives, not a silent death. */
	signal(SIGPIPE, SIG_IGN);
	int rc = app_start(argc, argv, &opts);
	if (rc >= 0)
		return rc;
	if (opts.mode == GD_MODE_TRACE) {
		app_message(app_tr(opts.ui_lang,
				   "--trace is gdstep's: run gdstep --trace"));
		return 2;
	}
	if (opts.mode == GD_MODE_SCREENSHOT) {
		/* Said, not silently dropped: a picture has no full screen and
		 * no updates to echo. */
		if (opts.fullscreen)
			app_message(app_tr(
				opts.ui_lang,
				"--fullscreen is ignored with --screenshot"));
		if (opts.echo)
			app_message(app_tr(opts.ui_lang,
					   "--echo is ignored with --screenshot"));
		return app_screenshot(&opts);
	}
	return app_window(&opts);
}
