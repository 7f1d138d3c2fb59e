/* The interface language; see lang.h. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

static const char *current = "en";

static const char *from_env(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL",
					    "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "zh", 2) == 0 ? "zh" : "en";
	}
	return "en";
}

void app_lang_init(const char *lang)
{
	app_lang_set(lang ? lang : from_env());
}

const char *app_lang_get(void)
{
	return current;
}

void app_lang_set(const char *lang)
{
	current = lang && strcmp(lang, "zh") == 0 ? "zh" : "en";
	/* gettext reads LANGUAGE on each lookup once the catalogue cache is
	 * invalidated, which setlocale does. */
	setenv("LANGUAGE", strcmp(current, "zh") == 0 ? "zh_CN:zh" : "en", 1);
	const char *loc = setlocale(LC_MESSAGES, "");
	/* glibc skips LANGUAGE in the "C" locale, but not in C.UTF-8, which
	 * every glibc system has: L then works without a user locale. */
	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
}
