/* Language names, which every build shares (the browser's too, whose
 * translations come from a table instead of gettext); see lang.h. */
#include <stdbool.h>
#include <string.h>

#include "lang.h"

bool app_lang_parse(const char *name, enum app_lang *out)
{
	if (name && strcmp(name, "en") == 0)
		*out = APP_LANG_EN;
	else if (name && strcmp(name, "zh") == 0)
		*out = APP_LANG_ZH;
	else
		return false;
	return true;
}

const char *app_lang_code(enum app_lang lang)
{
	return lang == APP_LANG_ZH ? "zh" : "en";
}
