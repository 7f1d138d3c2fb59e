/* SDL key events to the app's key codes of src/ui/keys.h: the one place
 * a key is named the SDL way. */
#ifndef GDSTEP_WINDOW_KEYMAP_H
#define GDSTEP_WINDOW_KEYMAP_H

#include <SDL.h>

/* The app key code of an SDL keycode: printable keys are their code
 * point, the named keys of the table their APP_KEY_*; APP_KEY_NONE for
 * any other key. */
unsigned app_key_from_sdl(SDL_Keycode key);

/* SDL's modifier state as APP_MOD_* bits. */
unsigned app_key_mods(SDL_Keymod mod);

#endif
