/* SDL keys to app keys; see keymap.h. */
#include "keymap.h"
#include "keys.h"

static const struct {
	SDL_Keycode sdl;
	unsigned app;
} named[] = {
	{ SDLK_RETURN, APP_KEY_RETURN },
	{ SDLK_KP_ENTER, APP_KEY_KP_ENTER },
	{ SDLK_BACKSPACE, APP_KEY_BACKSPACE },
	{ SDLK_TAB, APP_KEY_TAB },
	{ SDLK_ESCAPE, APP_KEY_ESCAPE },
	{ SDLK_LEFT, APP_KEY_LEFT },
	{ SDLK_RIGHT, APP_KEY_RIGHT },
	{ SDLK_UP, APP_KEY_UP },
	{ SDLK_DOWN, APP_KEY_DOWN },
	{ SDLK_PAGEUP, APP_KEY_PAGEUP },
	{ SDLK_PAGEDOWN, APP_KEY_PAGEDOWN },
	{ SDLK_F1, APP_KEY_F1 },
	{ SDLK_F11, APP_KEY_F11 },
	{ SDLK_F5, APP_KEY_F5 },
	{ SDLK_END, APP_KEY_END },
	{ SDLK_KP_PLUS, APP_KEY_KP_PLUS },
	{ SDLK_KP_MINUS, APP_KEY_KP_MINUS },
	{ SDLK_HOME, APP_KEY_HOME },
	{ SDLK_DELETE, APP_KEY_DELETE },
};

unsigned app_key_from_sdl(SDL_Keycode key)
{
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (named[i].sdl == key)
			return named[i].app;
	/* SDL's printable keycodes are their unshifted characters; the
	 * others carry SDLK_SCANCODE_MASK. */
	if (key >= 0x20 && key != SDLK_DELETE && key < APP_KEY_NAMED &&
	    !(key & SDLK_SCANCODE_MASK))
		return (unsigned)key;
	return APP_KEY_NONE;
}

unsigned app_key_mods(SDL_Keymod mod)
{
	unsigned m = 0;
	if (mod & KMOD_SHIFT)
		m |= APP_MOD_SHIFT;
	if (mod & KMOD_CTRL)
		m |= APP_MOD_CTRL;
	if (mod & KMOD_ALT)
		m |= APP_MOD_ALT;
	return m;
}
