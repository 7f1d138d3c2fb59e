/*
 * src/ui/lang.h's setup and translation for the browser: no locale, no
 * environment, no gettext; app_tr looks the msgid up in the table that
 * web/po2c.py made from po/zh_CN.po. The language names are
 * src/ui/lang_name.c's, shared with the desktop.
 */
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "lang_table.h"

enum app_lang app_lang_setup(void)
{
	return APP_LANG_EN; /* the page passes --lang from its URL */
}

void app_lang_restore_env(void)
{
}

static int by_id(const void *key, const void *entry)
{
	return strcmp(key, ((const struct web_tr *)entry)->id);
}

const char *app_tr(enum app_lang lang, const char *msgid)
{
	if (lang != APP_LANG_ZH || !msgid)
		return msgid;
	const struct web_tr *e = bsearch(msgid, web_tr_zh, (size_t)web_tr_zh_count,
					 sizeof(web_tr_zh[0]), by_id);
	return e ? e->str : msgid;
}
