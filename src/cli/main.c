/* gdstep: the command line, --help, --version and --trace, with no SDL
 * loaded (a trace of a million steps stays small and starts at once);
 * the window and --screenshot are gdstep-window's: this loads its module
 * (gdstep-window.so) and runs it with the same arguments, or runs the
 * program when the module cannot be loaded. */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "options.h"

#include "cli.h"
#include "entry.h"
#include "front.h"
#include "lang.h"

#include "gdstep-config.h"

/* name (gdstep-window, or its module gdstep-window.so), where access
 * grants mode (X_OK for the program, R_OK for the module): beside this
 * program, or in the build tree's src/window/, else where the install
 * put it relative to this program (a moved or staged install), else in
 * the configured libexec directory. */
static void find_window(char *path, size_t size, const char *name, int mode)
{
	char exe[PATH_MAX] = "";
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(exe, '/');
	int dir = slash ? (int)(slash - exe) : 0;
	static const char from_bindir[] = "/" GDSTEP_LIBEXEC_FROM_BINDIR;
	const char *const rel[] = { "", "/../window", from_bindir };
	for (size_t i = 0; slash && i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(path, size, "%.*s%s/%s", dir, exe, rel[i], name);
		if (access(path, mode) == 0)
			return;
	}
	snprintf(path, size, "%s/%s", GDSTEP_LIBEXECDIR, name);
}

/* Runs the window in this process from gdstep-window.so (entry.h); returns
 * -1, with nothing done, when the module cannot be loaded. */
static int run_window_module(int argc, char *argv[])
{
	char path[PATH_MAX + 32];
	find_window(path, sizeof(path), "gdstep-window.so", R_OK);
	void *m = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
	void *sym = m ? dlsym(m, GDSTEP_WINDOW_ENTRY) : NULL;
	gdstep_window_main_fn entry = NULL;
	/* ISO C has no cast from an object pointer to a function pointer;
	 * POSIX guarantees the bytes are the function's address. */
	memcpy(&entry, &sym, sizeof(entry));
	if (!entry) {
		if (m)
			dlclose(m);
		return -1;
	}
	return entry(argc, argv, path);
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
		int rc = run_window_module(argc, argv);
		if (rc >= 0)
			return rc;
		find_window(path, sizeof(path), "gdstep-window", X_OK);
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
	find_window(path, sizeof(path), "gdstep-window", X_OK);
	argv[0] = path;
	app_lang_restore_env();
	execv(path, argv);
	char msg[PATH_MAX + 128];
	snprintf(msg, sizeof(msg), app_tr(opts.ui_lang, "cannot run %s: %s"),
		 path, strerror(errno));
	app_message(msg);
	return 1;
}
