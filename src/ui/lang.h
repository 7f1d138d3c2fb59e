/*
 * The interface language, English or Simplified Chinese, held as state
 * (struct app_state's lang, a program's options) and passed to whatever
 * writes words: app_tr(lang, "…") is the one translation call.
 *
 * The messages are English in the source and Chinese in gettext's
 * catalogue (po/zh_CN.po). app_lang_setup points gettext at the Chinese
 * catalogue once, at start; after that, switching language is changing a
 * value, with no environment or locale touched.
 */
#ifndef GDSTEP_UI_LANG_H
#define GDSTEP_UI_LANG_H

#include <stdbool.h>

enum app_lang {
	APP_LANG_EN,
	APP_LANG_ZH,
};

/* Marks a string for the catalogue without translating it. */
#define N_(s) s

/* Sets the locale (numbers always with '.'), binds the catalogue (the
 * build tree's when uninstalled) and makes gettext answer in Chinese.
 * Call once, before any app_tr. Returns the language of the environment
 * as it was (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: "zh…" is Chinese,
 * everything else English). */
enum app_lang app_lang_setup(void);

/* Puts LANGUAGE back as the environment had it, for a program this one
 * runs (which sets up its own language). */
void app_lang_restore_env(void);

/* "en" or "zh" to a language; false for anything else. */
bool app_lang_parse(const char *name, enum app_lang *out);

/* "en" or "zh". */
const char *app_lang_code(enum app_lang lang);

/* msgid in lang: itself in English, the catalogue's in Chinese (itself
 * when the catalogue lacks it). */
const char *app_tr(enum app_lang lang, const char *msgid)
	__attribute__((format_arg(2)));

#endif
