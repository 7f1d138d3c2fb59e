/*
 * The two themes. Okabe–Ito: black #000000, orange #E69F00, sky blue
 * #56B4E9, bluish green #009E73, yellow #F0E442, blue #0072B2, vermillion
 * #D55E00, reddish purple #CC79A7. Lines use them as they are; text in a
 * line's colour uses a darker (light theme) or the same (dark theme) shade
 * of the same hue, to reach 4.5:1.
 *
 * Runs side by side take vermillion, orange,
 * bluish green and reddish purple, each with its own marker shape (disc,
 * square, triangle, diamond; frame.c), so that colour is never the only
 * difference.
 */
#include <math.h>

#include "theme.h"

#define RGB(h)                                                               \
	{                                                                    \
		(uint8_t)((h) >> 16), (uint8_t)((h) >> 8), (uint8_t)(h), 255 \
	}
#define RGBA(h, al)                                                         \
	{                                                                   \
		(uint8_t)((h) >> 16), (uint8_t)((h) >> 8), (uint8_t)(h), al \
	}

static const struct app_theme light = {
	.name = "light",
	.bg = RGB(0xFFFFFF),
	.panel_bg = RGB(0xF4F5F7),
	.overlay_bg = RGBA(0xFFFFFF, 242),
	.blank = RGB(0x000000),
	.text = RGB(0x111111),
	.muted = RGB(0x4D4D4D),
	.grid = RGB(0xE3E5E8),
	.axis = RGB(0x333333),
	.curve = RGB(0x0072B2),
	.tangent = RGB(0xE69F00),
	.point = RGB(0xD55E00),
	.next = RGB(0xD55E00),
	.trail = RGB(0xD55E00),
	.fell = RGB(0x009E73),
	.rose = RGB(0xCC79A7),
	.tangent_text = RGB(0x8A5A00),
	.fell_text = RGB(0x00704F),
	.rose_text = RGB(0x9A3F75),
	.curve_text = RGB(0x005A8C),
	.bad_text = RGB(0xA33C00),
	.run = { RGB(0xD55E00), RGB(0xE69F00), RGB(0x009E73), RGB(0xCC79A7) },
	.run_text = { RGB(0xA33C00), RGB(0x8A5A00), RGB(0x00704F), RGB(0x9A3F75) },
};

static const struct app_theme dark = {
	.name = "dark",
	.bg = RGB(0x15181D),
	.panel_bg = RGB(0x1E2228),
	.overlay_bg = RGBA(0x15181D, 242),
	.blank = RGB(0x000000),
	.text = RGB(0xF2F2F2),
	.muted = RGB(0xB5B9BF),
	.grid = RGB(0x2B3038),
	.axis = RGB(0xC8CCD2),
	.curve = RGB(0x56B4E9),
	.tangent = RGB(0xE69F00),
	.point = RGB(0xD55E00),
	.next = RGB(0xD55E00),
	.trail = RGB(0xD55E00),
	.fell = RGB(0x009E73),
	.rose = RGB(0xCC79A7),
	.tangent_text = RGB(0xE69F00),
	.fell_text = RGB(0x2BC79A), /* #009E73, lightened for small text */
	.rose_text = RGB(0xD996BB),
	.curve_text = RGB(0x56B4E9),
	.bad_text = RGB(0xFF8F5A),
	.run = { RGB(0xD55E00), RGB(0xE69F00), RGB(0x009E73), RGB(0xCC79A7) },
	.run_text = { RGB(0xFF8F5A), RGB(0xE69F00), RGB(0x2BC79A), RGB(0xD996BB) },
};

const struct app_theme *app_theme_get(bool is_dark)
{
	return is_dark ? &dark : &light;
}

static double channel(uint8_t c)
{
	double s = c / 255.0;
	return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

static double luminance(struct app_rgba c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double app_contrast(struct app_rgba a, struct app_rgba b)
{
	double la = luminance(a), lb = luminance(b);
	double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
	return (hi + 0.05) / (lo + 0.05);
}

struct app_rgba app_rgba_alpha(struct app_rgba c, int a)
{
	c.a = (uint8_t)(a < 0 ? 0 : a > 255 ? 255 : a);
	return c;
}
