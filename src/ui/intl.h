/* Message translation for the window, in gdstep's own gettext domain (as
 * src/core/intl.h does for the core), so a catalogue added under po/ is
 * picked up without touching this code. */
#ifndef GDSTEP_APP_INTL_H
#define GDSTEP_APP_INTL_H

#include <libintl.h>

#define APP_TEXT_DOMAIN "gdstep"
#define _(s) dgettext(APP_TEXT_DOMAIN, s)
#define N_(s) s

#endif
