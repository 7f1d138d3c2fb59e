/*
 * The interface language, "en" or "zh", switched at run time by L.
 *
 * Messages go through gettext: setting a language sets LANGUAGE and
 * re-reads the locale so that the next _() looks in the other catalogue.
 * Scene titles and captions come from the lesson in the current language.
 * This is the program's one piece of global state: gettext's own language
 * is process-wide, so a copy in struct app would only drift from it.
 */
#ifndef GDSTEP_APP_LANG_H
#define GDSTEP_APP_LANG_H

/* Sets the language from --lang ("en", "zh") or, for NULL, from the
 * locale's environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): "zh…" is
 * Chinese, everything else English. */
void app_lang_init(const char *lang);

/* "en" or "zh". */
const char *app_lang_get(void);

/* Switches to "en" or "zh"; anything else means "en". */
void app_lang_set(const char *lang);

#endif
