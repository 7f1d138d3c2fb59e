/* What both programs do first: the locale and the interface language,
 * the command line, and the lesson it names. No SDL here: `gdstep
 * --trace` links this and not the window. */
#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"

#include "front.h"
#include "intl.h"
#include "lang.h"

#include "gdstep-config.h"

void app_message(const char *text)
{
	fprintf(stderr, "gdstep: %s\n", text);
}

int app_load_lesson(const struct gd_options *opts, struct gd_lesson *lesson,
		    int *start)
{
	struct gd_lesson_error err;
	int r = gd_lesson_from_options(lesson, start, opts, &err);
	if (r == -EINVAL) {
		char line[512];
		app_message(gd_lesson_error_format(&err, line, sizeof(line)));
		return 2;
	}
	if (r < 0) {
		app_message(strerror(-r));
		return 1;
	}
	return 0;
}

/* The --lang value, looked for before parsing so that even an error in
 * the options is told in the asked-for language. NULL if absent. */
static const char *lang_from_argv(int argc, char *argv[])
{
	const char *lang = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7;
	}
	return lang && (strcmp(lang, "en") == 0 || strcmp(lang, "zh") == 0) ?
		       lang :
		       NULL;
}

int app_start(int argc, char *argv[], struct gd_options *opts)
{
	enum app_lang env = app_lang_setup();
	const char *asked = lang_from_argv(argc, argv);
	app_lang_set(asked ? asked : app_lang_code(env));
	char err[512];
	if (gd_options_parse(opts, argc, argv, err, sizeof(err)) < 0) {
		app_message(err);
		return 2;
	}
	app_lang_set(opts->lang ? opts->lang : app_lang_code(env));
	switch (opts->mode) {
	case GD_MODE_HELP:
		fputs(gd_options_usage(), stdout);
		return 0;
	case GD_MODE_VERSION:
		printf("gdstep %s\n", GDSTEP_VERSION);
		return 0;
	case GD_MODE_TRACE:
	case GD_MODE_SCREENSHOT:
	case GD_MODE_WINDOW:
		break;
	}
	return -1;
}
