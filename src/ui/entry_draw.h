/* The entry for typed values in the display list (entry.h); part of the
 * frame (frame.h), drawn over the plot. */
#ifndef GDSTEP_UI_ENTRY_DRAW_H
#define GDSTEP_UI_ENTRY_DRAW_H

#include "actions.h"
#include "dlist.h"
#include "layout.h"
#include "measure.h"

/* Adds the open entry of s (nothing when it is closed) to out, placed in
 * the plot of layout l, text measured by m. */
void app_entry_build(struct app_dlist *out, const struct app_layout *l,
		     const struct app_state *s, const struct app_measure *m);

#endif
