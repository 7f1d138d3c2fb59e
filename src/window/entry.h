/*
 * The window program's entry: gdstep-window's main calls it, and gdstep
 * finds it in gdstep-window.so (the same code as a module), which it
 * loads in its own process rather than starting a second program: the
 * exec, the dynamic loader's start and the C library's set-up again cost
 * about 2 ms of the first frame's 60–70 here.
 */
#ifndef GDSTEP_WINDOW_ENTRY_H
#define GDSTEP_WINDOW_ENTRY_H

/* The name gdstep looks the entry up by. */
#define GDSTEP_WINDOW_ENTRY "gdstep_window_main"

/*
 * Runs the window or --screenshot for argv as gdstep-window would; returns
 * the exit status. self is where the program is, for what it finds beside
 * itself (the fonts): the module's path, or NULL for the running program
 * (/proc/self/exe).
 */
__attribute__((visibility("default"))) int
gdstep_window_main(int argc, char *argv[], const char *self);

typedef int (*gdstep_window_main_fn)(int argc, char *argv[], const char *self);

#endif
