/* What the program's parts share. */
#ifndef GDSTEP_APP_H
#define GDSTEP_APP_H

#include <gdstep/options.h>

/* Prints "gdstep: TEXT" and a newline on stderr. */
void app_message(const char *text);

/* --trace: prints the CSV table and returns the exit status. */
int app_trace(const struct gd_options *opts);

#endif
