/* Message translation for the core: gettext is part of glibc, so this
 * stays within libc. Strings are looked up in gdstep's own domain, so the
 * core translates the same whether or not the shell set a default domain. */
#ifndef GDSTEP_CORE_INTL_H
#define GDSTEP_CORE_INTL_H

#include <libintl.h>

#define GD_TEXT_DOMAIN "gdstep"
#define _(s) dgettext(GD_TEXT_DOMAIN, s)
#define N_(s) s

#endif
