/*
 * An error function typed as a formula, E(w) or E(w1, w2), compiled to a
 * small fixed-size program with its exact gradient.
 *
 * The parser is hand-written (no libmatheval: it reports no error position,
 * reads an unknown name as 0, and has no source for the WebAssembly build)
 * and needs only libc and libm. The grammar, loosest binding first:
 *   sum     = product { ('+' | '-') product }
 *   product = unary { ('*' | '/') unary }
 *   unary   = '-' unary | '+' unary | power
 *   power   = atom [ '^' unary ]          (right-assoc: 2^3^2 = 2^9)
 *   atom    = number | name | name '(' sum ')' | '(' sum ')' | atom '²'
 * so -w^2 = -(w^2), as a mathematician reads it. Numbers are C's decimal
 * floating constants (no hex, no suffix). '×' and '·' mean '*', '−'
 * (U+2212) means '-', '²' squares what stands before it.
 *
 * The program is postfix (reverse Polish), run on a stack of dual numbers
 * u + u′·ε with ε² = 0 and one ε per weight (forward-mode automatic
 * differentiation): each operation maps (u, ∇u) to (f(u), f′(u)·∇u), so E
 * and ∇E come out exact up to rounding, never from a finite difference.
 *   (u·v)′ = u′v + uv′        (u/v)′ = (u′v − uv′)/v²
 *   (u^v)′ = v·u^(v−1)·u′ + ln(u)·u^v·v′   (the second term only when v′ ≠ 0,
 *                                           so (−2)^2 and w^2 at w < 0 work)
 *   exp′ = exp   log′ = 1/u   sqrt′ = 1/(2√u)   abs′ = sign(u), 0 at u = 0
 *   sin′ = cos   cos′ = −sin  tan′ = 1 + tan²   tanh′ = 1 − tanh²
 *   sigmoid′ = σ(1 − σ)   relu′ = 1 for u > 0, else 0   softplus′ = σ
 * abs at 0 uses the built-in abs curve's convention (src/core/curve.c).
 * Outside a function's domain (sqrt or log of a negative, log 0, 0^−1) the
 * value or the gradient is NaN or infinite: the caller treats it as a gap.
 */
#ifndef GDSTEP_FORMULA_H
#define GDSTEP_FORMULA_H

#include <stdbool.h>

/* The longest formula, in characters (not bytes), and its text's bytes. */
#define GD_FORMULA_CHARS 1000
#define GD_FORMULA_BYTES (GD_FORMULA_CHARS * 4 + 1)
/* The most operations of a program, and parentheses nested in each other. */
#define GD_FORMULA_OPS 512
#define GD_FORMULA_NESTING 64

/* What went wrong, with the column (1-based, in characters) it happened. */
enum gd_formula_status {
	GD_FORMULA_OK,
	GD_FORMULA_EMPTY,            /* nothing but spaces */
	GD_FORMULA_TOO_LONG,         /* over GD_FORMULA_CHARS characters */
	GD_FORMULA_TOO_BIG,          /* over GD_FORMULA_OPS operations */
	GD_FORMULA_TOO_DEEP,         /* over GD_FORMULA_NESTING parentheses */
	GD_FORMULA_NOT_UTF8,         /* a byte that is not UTF-8 */
	GD_FORMULA_BAD_CHAR,         /* a character that means nothing: '$' */
	GD_FORMULA_BAD_NUMBER,       /* "1e", "0x10", "1.2.3" */
	GD_FORMULA_EXPECTED_VALUE,   /* a number, a name or '(' after `after` */
	GD_FORMULA_EXPECTED_END,     /* an operator or the end, found `token` */
	GD_FORMULA_UNKNOWN_NAME,     /* `token`, perhaps `suggest` */
	GD_FORMULA_UNKNOWN_FUNCTION, /* `token(`, perhaps `suggest` */
	GD_FORMULA_EXPECTED_PAREN,   /* '(' after the function `token` */
	GD_FORMULA_NOT_FUNCTION,     /* `token(` where token is w, pi, … */
	GD_FORMULA_UNCLOSED,         /* the '(' at the column is never closed */
	GD_FORMULA_UNOPENED,         /* the ')' at the column has no '(' */
	GD_FORMULA_MIXED,            /* w together with w1 or w2 */
	GD_FORMULA_TWO_WEIGHTS,      /* w1, w2 where one weight is wanted */
};

/* A parse error: the status, where, and the words it needs. */
struct gd_formula_error {
	enum gd_formula_status status;
	int column;          /* 1-based, in characters; 0 when OK */
	char token[32];      /* the name or character in question, UTF-8 */
	char after[8];       /* the operator before, "" at the start */
	const char *suggest; /* the nearest known name, or NULL (static) */
};

/* One operation of the program; k is a number's value. */
struct gd_formula_op {
	double k;
	int code;
};

/* A compiled formula: plain data, copied freely. */
struct gd_formula {
	int dim;                     /* 1 (w) or 2 (w1, w2) */
	int n;                       /* operations in op[] */
	int stack;                   /* the deepest stack the program needs */
	char text[GD_FORMULA_BYTES]; /* as typed, UTF-8 */
	struct gd_formula_op op[GD_FORMULA_OPS];
};

/*
 * Compiles the NUL-terminated UTF-8 text into *f. Returns 0, or -EINVAL
 * with *err filled (then *f is the formula "0" of one weight, still safe
 * to evaluate). err may be NULL.
 */
int gd_formula_compile(struct gd_formula *f, const char *text,
		       struct gd_formula_error *err);

/*
 * E at w (f->dim doubles) and, when grad is not NULL, ∇E into grad (f->dim
 * doubles). Outside the formula's domain the result or the gradient is NaN
 * or infinite; never a crash.
 */
double gd_formula_eval(const struct gd_formula *f, const double *w, double *grad);

/* The nearest of the known names (variables, constants, functions) to
 * name, or NULL when none is close. Exposed for the tests. */
const char *gd_formula_suggest(const char *name, bool function);

#endif
