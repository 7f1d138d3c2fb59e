/* The interface language; see lang.h. */
#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang.h"

#include "gdstep-config.h"

#define TEXT_DOMAIN "gdstep"

static enum app_lang from_env(void);

/* LANGUAGE as the environment gave it, or NULL if unset. */
static char *env_language;
static bool env_saved;

enum app_lang app_lang_setup(void)
{
	enum app_lang env = from_env();
	setlocale(LC_ALL, "");
	/* Numbers always with a '.': the CSV and the display are the same in
	 * every locale. */
	setlocale(LC_NUMERIC, "C");
	/* gettext skips LANGUAGE in the "C" locale, but not in C.UTF-8,
	 * which every glibc system has: Chinese then works without a
	 * Chinese locale installed. */
	const char *loc = setlocale(LC_MESSAGES, NULL);
	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	if (!env_saved) {
		const char *v = getenv("LANGUAGE");
		env_language = v ? strdup(v) : NULL;
		env_saved = true;
	}
	setenv("LANGUAGE", "zh_CN:zh", 1);
	char exe[4096] = "";
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	const char *root = GDSTEP_BUILD_ROOT;
	bool uninstalled = strncmp(exe, root, strlen(root)) == 0;
	bindtextdomain(TEXT_DOMAIN, uninstalled ? GDSTEP_BUILD_ROOT "/po" :
						  GDSTEP_LOCALEDIR);
	bind_textdomain_codeset(TEXT_DOMAIN, "UTF-8");
	return env;
}

void app_lang_restore_env(void)
{
	if (!env_saved)
		return;
	if (env_language)
		setenv("LANGUAGE", env_language, 1);
	else
		unsetenv("LANGUAGE");
}

static enum app_lang from_env(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES",
					    "LANG" };
	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "zh", 2) == 0 ? APP_LANG_ZH :
							  APP_LANG_EN;
	}
	return APP_LANG_EN;
}

const char *app_tr(enum app_lang lang, const char *msgid)
{
	return lang == APP_LANG_ZH ? dgettext(TEXT_DOMAIN, msgid) : msgid;
}
