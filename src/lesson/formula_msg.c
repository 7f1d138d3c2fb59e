/*
 * The words for a formula's parse errors (include/gdstep/formula.h gives
 * the codes and the column): one place, so that --formula and a lesson
 * file's `formula =` say the same thing.
 */
#include <stdio.h>
#include <string.h>

#include <gdstep/formula.h>
#include <gdstep/lesson.h>

#include "internal.h"

static const char *tr_(gd_translate_fn *tr, void *ctx, const char *msgid)
	__attribute__((format_arg(3)));

static const char *tr_(gd_translate_fn *tr, void *ctx, const char *msgid)
{
	return tr ? tr(ctx, msgid) : msgid;
}

/* The problem's format; every one takes the token, then the other word. */
static const char *problem(const struct gd_formula_error *e)
{
	switch (e->status) {
	case GD_FORMULA_EMPTY:
		return N_("the formula is empty%.0s%.0s");
	case GD_FORMULA_TOO_LONG:
		return N_("the formula is over 1000 characters%.0s%.0s");
	case GD_FORMULA_TOO_BIG:
		return N_("the formula has too many operations (at most 512)%.0s%.0s");
	case GD_FORMULA_TOO_DEEP:
		return N_("parentheses nested too deep (at most 64)%.0s%.0s");
	case GD_FORMULA_NOT_UTF8:
		return N_("the text is not UTF-8%.0s%.0s");
	case GD_FORMULA_BAD_CHAR:
		return N_("'%s' means nothing in a formula%.0s");
	case GD_FORMULA_BAD_NUMBER:
		return N_("'%s' is not a number%.0s");
	case GD_FORMULA_EXPECTED_VALUE:
		return e->after[0] ?
			       N_("expected a number or '(' after '%.0s%s'") :
			       N_("expected a number or '('%.0s%.0s");
	case GD_FORMULA_EXPECTED_END:
		return N_("expected an operator before '%s'%.0s");
	case GD_FORMULA_UNKNOWN_NAME:
		return e->suggest ?
			       N_("unknown name '%s' (did you mean '%s'?)") :
			       N_("unknown name '%s'; use w, or w1 and w2%.0s");
	case GD_FORMULA_UNKNOWN_FUNCTION:
		return e->suggest ?
			       N_("unknown function '%s' (did you mean '%s'?)") :
			       N_("unknown function '%s'%.0s");
	case GD_FORMULA_EXPECTED_PAREN:
		return N_("expected '(' after the function '%s'%.0s");
	case GD_FORMULA_NOT_FUNCTION:
		return N_("'%s' is not a function%.0s");
	case GD_FORMULA_UNCLOSED:
		return N_("this '(' is never closed%.0s%.0s");
	case GD_FORMULA_UNOPENED:
		return N_("this ')' has no '('%.0s%.0s");
	case GD_FORMULA_MIXED:
		return N_("'%s' mixes w with w1 and w2%.0s");
	case GD_FORMULA_TWO_WEIGHTS:
		return N_("two-weight formulas need the two-weight view%.0s%.0s");
	default:
		return N_("not a formula%.0s%.0s");
	}
}

char *gd_formula_error_format(const struct gd_formula_error *err,
			      gd_translate_fn *tr, void *tr_ctx, char *buf,
			      size_t size)
{
	const char *other = err->suggest ? err->suggest : err->after;
	int n = snprintf(buf, size, tr_(tr, tr_ctx, N_("column %d: ")),
			 err->column);
	if (n < 0 || (size_t)n >= size)
		return buf;
	snprintf(buf + n, size - (size_t)n, tr_(tr, tr_ctx, problem(err)),
		 err->token, other);
	return buf;
}
