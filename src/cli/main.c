/* gdstep: the command line, --help, --version and --trace, with no SDL
 * loaded (a trace of a million steps stays small and starts at once);
 * the window and --screenshot are gdstep-window's, which this runs with
 * the same arguments. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "options.h"

#include "cli.h"
#include "front.h"
#include "lang.h"

#include "gdstep-config.h"

/* gdstep-window beside this program, or in the build tree's
 * src/window/, else where the install put it relative to this program (a
 * moved or staged install), else in the configured libexec directory. */
static void find_window_program(char *path, size_t size)
{
	char exe[PATH_MAX] = "";
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(exe, '/');
	int dir = slash ? (int)(slash - exe) : 0;
	static const char from_bindir[] = "/" GDSTEP_LIBEXEC_FROM_BINDIR;
	const char *const rel[] = { "", "/../window", from_bindir };
	for (size_t i = 0; slash && i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(path, size, "%.*s%s/gdstep-window", dir, exe, rel[i]);
		if (access(path, X_OK) == 0)
			return;
	}
	snprintf(path, size, "%s/gdstep-window", GDSTEP_LIBEXECDIR);
}

/* Whether argv asks for what only this program does (--trace) or
 * prints (--help, -h, --version): any argument that is one of those
 * words, wherever it stands (as a value too: then the full parse below
 * decides). */
static bool wants_cli(int argc, char *argv[])
{
	static const char *const own[] = { "--trace", "--help", "-h", "--version" };
	for (int i = 1; i < argc; i++)
		for (size_t k = 0; k < sizeof(own) / sizeof(own[0]); k++)
			if (strcmp(argv[i], own[k]) == 0)
				return true;
	return false;
}

int main(int argc, char *argv[])
{
	struct gd_options opts;
	char path[PATH_MAX + 32];
	/* The window's runs go straight to gdstep-window, before the locale
	 * and the options are set up here: it sets them up itself, with
	 * the same code (app_start), and says the same of a bad option. The
	 * window starts a few milliseconds sooner. */
	if (!wants_cli(argc, argv)) {
		find_window_program(path, sizeof(path));
		char *arg0 = argv[0];
		argv[0] = path;
		execv(path, argv);
		argv[0] = arg0; /* not there: said below, translated */
	}
	int rc = app_start(argc, argv, &opts);
	if (rc >= 0)
		return rc;
	if (opts.mode == GD_MODE_TRACE)
		return app_trace(&opts);
	find_window_program(path, sizeof(path));
	argv[0] = path;
	app_lang_restore_env();
	execv(path, argv);
	char msg[PATH_MAX + 128];
	snprintf(msg, sizeof(msg), app_tr(opts.ui_lang, "cannot run %s: %s"),
		 path, strerror(errno));
	app_message(msg);
	return 1;
}
