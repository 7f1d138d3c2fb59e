/*
 * gdstep-bench-floor: the least an SDL program can do to show a window
 * the way gdstep does (the same hints, flags and software renderer):
 * init video, create the window, clear, present, then wait for Q, the
 * window's close or SIGTERM. gdstep-bench times its first frame beside
 * gdstep's; the difference is gdstep's own start-up.
 *
 *   gdstep-bench-floor [--size WxH]
 */
#include <stdio.h>
#include <string.h>

#include <SDL.h>

int main(int argc, char *argv[])
{
	int w = 1280, h = 720;
	if (argc == 3 && strcmp(argv[1], "--size") == 0 &&
	    sscanf(argv[2], "%dx%d", &w, &h) != 2) {
		fprintf(stderr, "gdstep-bench-floor: --size WxH\n");
		return 2;
	}
	SDL_Window *win = NULL;
	SDL_Renderer *ren = NULL;
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0)
		goto err_init;
	win = SDL_CreateWindow("gdstep-bench-floor", SDL_WINDOWPOS_CENTERED,
			       SDL_WINDOWPOS_CENTERED, w, h,
			       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
	if (!win)
		goto err_sdl;
	ren = SDL_CreateRenderer(win, -1, 0);
	if (!ren)
		goto err_window;
	SDL_SetRenderDrawColor(ren, 250, 250, 245, 255);
	SDL_RenderClear(ren);
	SDL_RenderPresent(ren);
	SDL_Event ev;
	while (SDL_WaitEvent(&ev) && ev.type != SDL_QUIT &&
	       !(ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_q))
		;
	SDL_DestroyRenderer(ren);
	SDL_DestroyWindow(win);
	SDL_Quit();
	return 0;
err_window:
	SDL_DestroyWindow(win);
err_sdl:
	SDL_Quit();
err_init:
	fprintf(stderr, "gdstep-bench-floor: %s\n", SDL_GetError());
	return 1;
}
