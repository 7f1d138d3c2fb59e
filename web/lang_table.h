/*
 * The browser edition's translations: the Chinese catalogue as a table
 * made at build time from po/zh_CN.po (web/po2c.py), sorted by msgid
 * bytes, since wasi-libc has no gettext.
 */
#ifndef GDSTEP_WEB_LANG_TABLE_H
#define GDSTEP_WEB_LANG_TABLE_H

struct web_tr {
	const char *id, *str;
};

extern const struct web_tr web_tr_zh[];
extern const int web_tr_zh_count;

#endif
