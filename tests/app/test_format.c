/* Numbers for display, theme contrast, and the layout at every size:
 * all headless. */
#include <math.h>
#include <string.h>

#include "fmt.h"
#include "layout.h"
#include "theme.h"

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	double x;
	const char *value, *paren, *param; /* expected; NULL: not checked */
	int w, h, text_step;               /* layout */
};

static void check_fmt(const struct tcase *t)
{
	char buf[APP_FMT_MAX];
	if (t->value) {
		app_fmt_value(buf, sizeof(buf), t->x);
		if (strcmp(buf, t->value))
			fprintf(stderr, "value: got '%s', want '%s'\n", buf,
				t->value);
		CHECK(strcmp(buf, t->value) == 0);
	}
	if (t->paren) {
		app_fmt_paren(buf, sizeof(buf), t->x);
		if (strcmp(buf, t->paren))
			fprintf(stderr, "paren: got '%s'\n", buf);
		CHECK(strcmp(buf, t->paren) == 0);
	}
	if (t->param) {
		app_fmt_param(buf, sizeof(buf), t->x);
		if (strcmp(buf, t->param))
			fprintf(stderr, "param: got '%s'\n", buf);
		CHECK(strcmp(buf, t->param) == 0);
	}
}

/* Nothing a formatter writes says nan or inf, whatever it is given. */
static void check_fmt_never_nan(const struct tcase *t)
{
	const double xs[] = { (double)NAN, (double)INFINITY, -(double)INFINITY,
			      1e308,       -1e-308,          5e-324,
			      -0.0 };
	for (size_t i = 0; i < sizeof(xs) / sizeof(xs[0]); i++) {
		char a[APP_FMT_MAX], b[APP_FMT_MAX], c[APP_FMT_MAX];
		app_fmt_value(a, sizeof(a), xs[i]);
		app_fmt_paren(b, sizeof(b), xs[i]);
		app_fmt_param(c, sizeof(c), xs[i]);
		const char *all[] = { a, b, c };
		for (int k = 0; k < 3; k++) {
			CHECK(!strstr(all[k], "nan") && !strstr(all[k], "inf"));
			CHECK(!strchr(all[k], '-')); /* only U+2212 */
			CHECK(all[k][0] != '\0');
		}
	}
	(void)t;
}

static void check_contrast(const struct tcase *t)
{
	for (int d = 0; d < 2; d++) {
		const struct app_theme *th = app_theme_get(d);
		const struct app_rgba text[] = {
			th->text,      th->muted,     th->tangent_text,
			th->fell_text, th->rose_text, th->curve_text,
			th->bad_text,
		};
		for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
			double c1 = app_contrast(text[i], th->bg);
			double c2 = app_contrast(text[i], th->panel_bg);
			if (c1 < 4.5 || c2 < 4.5)
				fprintf(stderr, "%s text %zu: %.2f / %.2f\n",
					th->name, i, c1, c2);
			CHECK(c1 >= 4.5 && c2 >= 4.5);
		}
		/* The lines stand out from the background too (3:1 for
		 * graphics, WCAG 1.4.11). */
		const struct app_rgba lines[] = { th->curve, th->point,
						  th->fell, th->axis };
		for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
			CHECK(app_contrast(lines[i], th->bg) >= 3);
	}
	CHECK_APPROX(app_contrast((struct app_rgba){ 0, 0, 0, 255 },
				  (struct app_rgba){ 255, 255, 255, 255 }),
		     21, 1e-9, 0);
	(void)t;
}

/* No two parts overlap, all lie in the window, the plot has an area. */
static void check_layout(const struct tcase *t)
{
	for (int cap = 0; cap <= 6; cap += 3) {
		struct app_layout l;
		app_layout_compute(&l, t->w, t->h, t->text_step, cap, 14);
		struct app_rect win = { 0, 0, t->w, t->h };
		struct app_rect parts[5];
		int n = 0;
		parts[n++] = l.plot;
		if (l.show_header)
			parts[n++] = l.header;
		if (l.show_panel)
			parts[n++] = l.panel;
		if (l.show_caption)
			parts[n++] = l.caption;
		for (int i = 0; i < n; i++) {
			CHECK(app_rect_inside(win, parts[i]));
			for (int j = i + 1; j < n; j++) {
				if (app_rect_overlap(parts[i], parts[j]))
					fprintf(stderr, "%dx%d: parts %d, %d\n",
						t->w, t->h, i, j);
				CHECK(!app_rect_overlap(parts[i], parts[j]));
			}
		}
		CHECK(l.area.w >= 1 && l.area.h >= 1);
		CHECK(app_rect_inside(l.plot, l.area) || l.plot.w < 8);
		if (l.show_inset)
			CHECK(app_rect_inside(l.panel, l.inset));
		CHECK(l.text_px >= 7 && l.small_px >= 6);
	}
}

static const struct tcase cases[] = {
	{ .name = "fmt-four",
	  .run = check_fmt,
	  .x = 4,
	  .value = "4.000",
	  .paren = "4.000",
	  .param = "4" },
	{ .name = "fmt-negative",
	  .run = check_fmt,
	  .x = -0.4,
	  .value = "−0.400",
	  .paren = "(−0.400)",
	  .param = "−0.4" },
	{ .name = "fmt-product-example",
	  .run = check_fmt,
	  .x = 1.6000000000000001,
	  .value = "1.600",
	  .param = "1.6" },
	{ .name = "fmt-small", .run = check_fmt, .x = 0.004830, .value = "0.00483" },
	{ .name = "fmt-tiny",
	  .run = check_fmt,
	  .x = -4.83e-7,
	  .value = "−4.830×10⁻⁷",
	  .paren = "(−4.830×10⁻⁷)" },
	{ .name = "fmt-huge",
	  .run = check_fmt,
	  .x = 2.5e11,
	  .value = "2.500×10¹¹",
	  .param = "2.5×10¹¹" },
	{ .name = "fmt-zero",
	  .run = check_fmt,
	  .x = -0.0,
	  .value = "0.000",
	  .paren = "0.000",
	  .param = "0" },
	{ .name = "fmt-nan",
	  .run = check_fmt,
	  .x = (double)NAN,
	  .value = "—",
	  .paren = "—",
	  .param = "—" },
	{ .name = "fmt-rate", .run = check_fmt, .x = 0.12, .param = "0.12" },
	/* One format per quantity: a value that rounds up to the next decade
	 * is written as that decade's values are (0.1 is "0.100"). */
	{ .name = "fmt-rounds-to-tenth",
	  .run = check_fmt,
	  .x = 0.09999999,
	  .value = "0.100" },
	{ .name = "fmt-rounds-to-hundredth",
	  .run = check_fmt,
	  .x = -0.0099999,
	  .value = "−0.0100",
	  .paren = "(−0.0100)" },
	{ .name = "fmt-never-nan", .run = check_fmt_never_nan },
	{ .name = "theme-contrast", .run = check_contrast },
	{ .name = "layout-720p", .run = check_layout, .w = 1280, .h = 720 },
	{ .name = "layout-1080p", .run = check_layout, .w = 1920, .h = 1080 },
	{ .name = "layout-4k-large-text",
	  .run = check_layout,
	  .w = 3840,
	  .h = 2160,
	  .text_step = 12 },
	{ .name = "layout-tiny", .run = check_layout, .w = 200, .h = 150 },
	{ .name = "layout-tiny-huge-text",
	  .run = check_layout,
	  .w = 200,
	  .h = 150,
	  .text_step = 12 },
	{ .name = "layout-portrait", .run = check_layout, .w = 600, .h = 1000 },
	{ .name = "layout-wide-strip",
	  .run = check_layout,
	  .w = 2000,
	  .h = 160,
	  .text_step = 5 },
	{ .name = "layout-small-text",
	  .run = check_layout,
	  .w = 1024,
	  .h = 768,
	  .text_step = -6 },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
