/*
 * The formula parser (src/core/formula.c) under libFuzzer: any bytes are
 * compiled; a formula that compiles is evaluated with its gradient at a
 * few weights, and an error is formatted as the programs print it. Either
 * way the column must lie inside the text (or just past its end).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/formula.h>
#include <gdstep/lesson.h>
#include <gdstep/utf8.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct gd_formula f;
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct gd_formula_error err;
	if (gd_formula_compile(&f, text, &err) == 0) {
		const double ws[] = { -3, -1, 0, 0.5, 2, 1e300 };
		for (size_t i = 0; i < sizeof(ws) / sizeof(ws[0]); i++) {
			double w[2] = { ws[i], -ws[i] }, g[2];
			(void)gd_formula_eval(&f, w, g);
		}
		if (f.stack < 1 || f.stack > f.n || f.dim < 1 || f.dim > 2)
			abort();
	} else {
		char line[256];
		gd_formula_error_format(&err, NULL, NULL, line, sizeof(line));
		size_t chars = gd_utf8_count(text);
		if (err.column < 1 || (size_t)err.column > chars + 1)
			abort();
	}
	free(text);
	return 0;
}
