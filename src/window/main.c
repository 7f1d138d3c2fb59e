/* gdstep-window: the window and --screenshot, run by gdstep with its own
 * arguments (which it checks again: it may be started by hand too). */
#include <signal.h>

#include "options.h"

#include "window.h"

int main(int argc, char *argv[])
{
	struct gd_options opts;
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
