/* Until every caller passes its language (lang.h's app_tr): _() translates
 * into the process-wide language of app_lang_set. To be removed. */
#ifndef GDSTEP_UI_INTL_H
#define GDSTEP_UI_INTL_H

#include "lang.h"

#define _(s) app_tr(app_lang_current_(), s)

#endif
