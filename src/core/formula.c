/*
 * The formula parser and its dual-number evaluator; the grammar and the
 * derivatives are in include/gdstep/formula.h. A recursive-descent parser
 * writes the program in postfix as it goes, so the program is the order in
 * which a stack machine evaluates it and needs no tree.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include <gdstep/formula.h>
#include <gdstep/names.h>
#include <gdstep/number.h>
#include <gdstep/utf8.h>

/* M_PI and M_E are POSIX, not C11. */
#define PI_CONST 3.14159265358979323846
#define E_CONST 2.71828182845904523536

enum code {
	OP_NUM,
	OP_VAR0,
	OP_VAR1,
	OP_ADD,
	OP_SUB,
	OP_MUL,
	OP_DIV,
	OP_POW,
	OP_NEG,
	OP_SQR,
	OP_EXP,
	OP_LOG,
	OP_SQRT,
	OP_ABS,
	OP_SIN,
	OP_COS,
	OP_TAN,
	OP_TANH,
	OP_SIGMOID,
	OP_RELU,
	OP_SOFTPLUS,
};

/* The known names, in the order a suggestion prefers on a tie. */
static const struct {
	const char *name;
	int code; /* an OP_ function, or -1 for a variable or constant */
} names[] = {
	{ "w", -1 },
	{ "w1", -1 },
	{ "w2", -1 },
	{ "pi", -1 },
	{ "e", -1 },
	{ "exp", OP_EXP },
	{ "log", OP_LOG },
	{ "ln", OP_LOG },
	{ "sqrt", OP_SQRT },
	{ "abs", OP_ABS },
	{ "sin", OP_SIN },
	{ "cos", OP_COS },
	{ "tan", OP_TAN },
	{ "tanh", OP_TANH },
	{ "sigmoid", OP_SIGMOID },
	{ "relu", OP_RELU },
	{ "softplus", OP_SOFTPLUS },
};
#define NNAMES (int)(sizeof(names) / sizeof(names[0]))

enum tok {
	T_END,
	T_NUM,
	T_NAME,
	T_PLUS,
	T_MINUS,
	T_MUL,
	T_DIV,
	T_POW,
	T_SQUARE,
	T_LP,
	T_RP,
};

struct parser {
	const char *text, *p; /* the whole text, and the next character */
	struct gd_formula *f;
	struct gd_formula_error *err;
	enum tok tok;      /* the current token ... */
	const char *start; /* ... where it starts */
	size_t len;        /* ... its bytes */
	double num;        /* ... and a number's value */
	char prev[8];      /* the operator before it, "" at the start */
	int depth, sp;
	bool w, w12; /* which variables were seen */
};

static int column(const struct parser *ps, const char *at)
{
	int col = 1;
	for (const char *q = ps->text; q < at; q++)
		col += !gd_utf8_is_continuation((unsigned char)*q);
	return col;
}

static void copy(char *dst, size_t size, const char *s, size_t len)
{
	len = gd_utf8_cut(s, len, size - 1);
	memcpy(dst, s, len);
	dst[len] = '\0';
}

/* Records the first error at `at`, with the text [at, at + len) as token. */
static bool fail(struct parser *ps, enum gd_formula_status st, const char *at,
		 size_t len)
{
	if (ps->err->status != GD_FORMULA_OK)
		return false;
	ps->err->status = st;
	ps->err->column = column(ps, at);
	copy(ps->err->token, sizeof(ps->err->token), at, len);
	copy(ps->err->after, sizeof(ps->err->after), ps->prev, strlen(ps->prev));
	return false;
}

static bool is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static size_t digits(const char *s)
{
	size_t n = 0;
	while (is_digit(s[n]))
		n++;
	return n;
}

/* A C decimal floating constant at ps->p: digits, '.', exponent. */
static bool number(struct parser *ps)
{
	const char *s = ps->p;
	size_t n = digits(s), frac = 0;
	if (s[n] == '.') {
		frac = digits(s + n + 1);
		n += 1 + frac;
	}
	bool ok = n > 1 || is_digit(s[0]);
	if (ok && (s[n] == 'e' || s[n] == 'E')) {
		size_t m = n + 1 + (s[n + 1] == '+' || s[n + 1] == '-');
		size_t exp = digits(s + m);
		ok = exp > 0;
		n = m + exp;
	}
	/* "0x10", "1.2.3", "2w": the whole run is one bad number. */
	size_t end = n;
	while (is_alpha(s[end]) || is_digit(s[end]) || s[end] == '.')
		end++;
	char buf[64];
	ps->start = s;
	ps->len = end;
	if (!ok || end != n || n >= sizeof(buf))
		return fail(ps, GD_FORMULA_BAD_NUMBER, s, end);
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (gd_parse_double(buf, &ps->num) < 0)
		return fail(ps, GD_FORMULA_BAD_NUMBER, s, end);
	ps->tok = T_NUM;
	ps->p = s + n;
	return true;
}

/* The token a non-ASCII character is, or -1. */
static int wide_token(unsigned c)
{
	switch (c) {
	case 0xD7:   /* × */
	case 0xB7:   /* · */
	case 0x22C5: /* ⋅ */
		return T_MUL;
	case 0xF7: /* ÷ */
		return T_DIV;
	case 0x2212: /* − */
		return T_MINUS;
	case 0xB2: /* ² */
		return T_SQUARE;
	case 0xFF08: /* （ of a Chinese keyboard */
		return T_LP;
	case 0xFF09: /* ） */
		return T_RP;
	default:
		return -1;
	}
}

/* Reads the next token into ps; false on a character that means nothing. */
static bool next(struct parser *ps)
{
	if (ps->tok != T_END || ps->start)
		copy(ps->prev, sizeof(ps->prev), ps->start, ps->len);
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
	const char *s = ps->p;
	ps->start = s;
	ps->len = 0;
	if (!*s) {
		ps->tok = T_END;
		return true;
	}
	if (is_digit(*s) || (*s == '.' && is_digit(s[1])))
		return number(ps);
	if (is_alpha(*s)) {
		size_t n = 1;
		while (is_alpha(s[n]) || is_digit(s[n]))
			n++;
		ps->tok = T_NAME;
		ps->len = n;
		ps->p = s + n;
		return true;
	}
	static const char ascii[] = "+-*/^()";
	static const enum tok ascii_tok[] = { T_PLUS, T_MINUS, T_MUL, T_DIV,
					      T_POW,  T_LP,    T_RP };
	const char *hit = strchr(ascii, *s);
	if (hit) {
		ps->tok = ascii_tok[hit - ascii];
		ps->len = 1;
		ps->p = s + 1;
		return true;
	}
	const char *q = s;
	unsigned c = gd_utf8_next(&q);
	int t = wide_token(c);
	ps->len = (size_t)(q - s);
	if (c == GD_UTF8_BAD)
		return fail(ps, GD_FORMULA_NOT_UTF8, s, 0);
	if (t < 0)
		return fail(ps, GD_FORMULA_BAD_CHAR, s, ps->len);
	ps->tok = (enum tok)t;
	ps->p = q;
	return true;
}

static bool emit(struct parser *ps, int code, double k)
{
	struct gd_formula *f = ps->f;
	if (f->n >= GD_FORMULA_OPS)
		return fail(ps, GD_FORMULA_TOO_BIG, ps->start, ps->len);
	f->op[f->n++] = (struct gd_formula_op){ .k = k, .code = code };
	if (code == OP_NUM || code == OP_VAR0 || code == OP_VAR1)
		ps->sp++;
	else if (code >= OP_ADD && code <= OP_POW)
		ps->sp--;
	if (ps->sp > f->stack)
		f->stack = ps->sp;
	return true;
}

static int lookup(const char *s, size_t len)
{
	for (int i = 0; i < NNAMES; i++)
		if (strlen(names[i].name) == len &&
		    memcmp(names[i].name, s, len) == 0)
			return i;
	return -1;
}

static bool sum(struct parser *ps);
static bool unary(struct parser *ps);

/* name '(' sum ')', the name already read and known to be followed by '('. */
static bool call(struct parser *ps, const char *name, size_t len)
{
	int i = lookup(name, len);
	if (i >= 0 && names[i].code < 0)
		return fail(ps, GD_FORMULA_NOT_FUNCTION, name, len);
	if (i < 0) {
		fail(ps, GD_FORMULA_UNKNOWN_FUNCTION, name, len);
		ps->err->suggest = gd_formula_suggest(ps->err->token, true);
		return false;
	}
	const char *open = ps->start;
	if (++ps->depth > GD_FORMULA_NESTING)
		return fail(ps, GD_FORMULA_TOO_DEEP, open, 1);
	if (!next(ps) || !sum(ps))
		return false;
	if (ps->tok == T_END)
		return fail(ps, GD_FORMULA_UNCLOSED, open, 1);
	if (ps->tok != T_RP)
		return fail(ps, GD_FORMULA_EXPECTED_END, ps->start, ps->len);
	ps->depth--;
	return emit(ps, names[i].code, 0) && next(ps);
}

/* A variable or constant, the token after it already read. */
static bool name(struct parser *ps, const char *s, size_t len)
{
	int i = lookup(s, len);
	if (i < 0) {
		fail(ps, GD_FORMULA_UNKNOWN_NAME, s, len);
		ps->err->suggest = gd_formula_suggest(ps->err->token, false);
		return false;
	}
	if (names[i].code >= 0)
		return fail(ps, GD_FORMULA_EXPECTED_PAREN, s, len);
	const char *n = names[i].name;
	if (strcmp(n, "pi") == 0 || strcmp(n, "e") == 0)
		return emit(ps, OP_NUM, n[0] == 'e' ? E_CONST : PI_CONST);
	bool single = strcmp(n, "w") == 0;
	if (single ? ps->w12 : ps->w)
		return fail(ps, GD_FORMULA_MIXED, s, len);
	ps->w |= single;
	ps->w12 |= !single;
	if (!single && ps->f->dim < 2)
		ps->f->dim = 2;
	return emit(ps, strcmp(n, "w2") == 0 ? OP_VAR1 : OP_VAR0, 0);
}

/* A number, a name, a call or a parenthesis, then any '²'. */
static bool atom(struct parser *ps)
{
	bool ok;
	if (ps->tok == T_NUM) {
		ok = emit(ps, OP_NUM, ps->num) && next(ps);
	} else if (ps->tok == T_NAME) {
		const char *s = ps->start;
		size_t len = ps->len;
		if (!next(ps))
			return false;
		ok = ps->tok == T_LP ? call(ps, s, len) : name(ps, s, len);
	} else if (ps->tok == T_LP) {
		const char *open = ps->start;
		if (++ps->depth > GD_FORMULA_NESTING)
			return fail(ps, GD_FORMULA_TOO_DEEP, open, 1);
		if (!next(ps) || !sum(ps))
			return false;
		if (ps->tok == T_END)
			return fail(ps, GD_FORMULA_UNCLOSED, open, 1);
		if (ps->tok != T_RP)
			return fail(ps, GD_FORMULA_EXPECTED_END, ps->start,
				    ps->len);
		ps->depth--;
		ok = next(ps);
	} else {
		return fail(ps, GD_FORMULA_EXPECTED_VALUE, ps->start, ps->len);
	}
	while (ok && ps->tok == T_SQUARE)
		ok = emit(ps, OP_SQR, 0) && next(ps);
	return ok;
}

static bool power(struct parser *ps)
{
	if (!atom(ps))
		return false;
	if (ps->tok != T_POW)
		return true;
	return next(ps) && unary(ps) && emit(ps, OP_POW, 0);
}

static bool unary(struct parser *ps)
{
	if (ps->tok == T_MINUS)
		return next(ps) && unary(ps) && emit(ps, OP_NEG, 0);
	if (ps->tok == T_PLUS)
		return next(ps) && unary(ps);
	return power(ps);
}

static bool product(struct parser *ps)
{
	if (!unary(ps))
		return false;
	while (ps->tok == T_MUL || ps->tok == T_DIV) {
		int code = ps->tok == T_MUL ? OP_MUL : OP_DIV;
		if (!next(ps) || !unary(ps) || !emit(ps, code, 0))
			return false;
	}
	return true;
}

static bool sum(struct parser *ps)
{
	if (!product(ps))
		return false;
	while (ps->tok == T_PLUS || ps->tok == T_MINUS) {
		int code = ps->tok == T_PLUS ? OP_ADD : OP_SUB;
		if (!next(ps) || !product(ps) || !emit(ps, code, 0))
			return false;
	}
	return true;
}

/* The checks before parsing: UTF-8, length, not empty. */
static bool precheck(struct parser *ps)
{
	const char *t = ps->text;
	size_t len = strlen(t), bad = gd_utf8_check(t, len);
	if (bad < len)
		return fail(ps, GD_FORMULA_NOT_UTF8, t + bad, 0);
	if (gd_utf8_count(t) > GD_FORMULA_CHARS) {
		const char *q = t;
		for (int i = 0; i < GD_FORMULA_CHARS; i++)
			gd_utf8_next(&q);
		return fail(ps, GD_FORMULA_TOO_LONG, q, 0);
	}
	if (t[strspn(t, " \t")] == '\0')
		return fail(ps, GD_FORMULA_EMPTY, t + len, 0);
	return true;
}

int gd_formula_compile(struct gd_formula *f, const char *text,
		       struct gd_formula_error *err)
{
	struct gd_formula_error local;
	if (!err)
		err = &local;
	memset(err, 0, sizeof(*err));
	memset(f, 0, offsetof(struct gd_formula, op));
	f->dim = 1;
	struct parser ps = { .text = text, .p = text, .f = f, .err = err };
	bool ok = precheck(&ps) && next(&ps) && sum(&ps);
	if (ok && ps.tok != T_END)
		ok = ps.tok == T_RP ?
			     fail(&ps, GD_FORMULA_UNOPENED, ps.start, ps.len) :
			     fail(&ps, GD_FORMULA_EXPECTED_END, ps.start, ps.len);
	if (!ok) {
		memset(f, 0, offsetof(struct gd_formula, op));
		f->dim = 1;
		f->n = 1;
		f->stack = 1;
		f->op[0] = (struct gd_formula_op){ .k = 0, .code = OP_NUM };
		return -EINVAL;
	}
	copy(f->text, sizeof(f->text), text, strlen(text));
	return 0;
}

/* A dual number: the value and its gradient over the weights. */
struct dual {
	double v, d[2];
};

/* σ(u), written so that neither branch overflows (as src/core/curve.c). */
static double sigmoid(double u)
{
	if (u >= 0)
		return 1.0 / (1.0 + exp(-u));
	double e = exp(u);
	return e / (1.0 + e);
}

static double sign(double u)
{
	return isnan(u) ? u : u > 0 ? 1.0 : u < 0 ? -1.0 : 0.0;
}

/* f(u) into a->v and f′(u) as the chain rule's factor. */
static void apply1(struct dual *a, int code)
{
	double u = a->v, v, k;
	switch (code) {
	case OP_NEG:
		v = -u;
		k = -1;
		break;
	case OP_SQR:
		v = u * u;
		k = 2 * u;
		break;
	case OP_EXP:
		v = exp(u);
		k = v;
		break;
	case OP_LOG:
		v = log(u);
		k = 1 / u;
		break;
	case OP_SQRT:
		v = sqrt(u);
		k = 0.5 / v;
		break;
	case OP_ABS:
		v = fabs(u);
		k = sign(u);
		break;
	case OP_SIN:
		v = sin(u);
		k = cos(u);
		break;
	case OP_COS:
		v = cos(u);
		k = -sin(u);
		break;
	case OP_TAN:
		v = tan(u);
		k = 1 + v * v;
		break;
	case OP_TANH:
		v = tanh(u);
		k = 1 - v * v;
		break;
	case OP_SIGMOID:
		v = sigmoid(u);
		k = v * (1 - v);
		break;
	case OP_RELU:
		v = u > 0 ? u : 0;
		k = u > 0 ? 1 : 0;
		break;
	case OP_SOFTPLUS:
		v = u > 0 ? u + log1p(exp(-u)) : log1p(exp(u));
		k = sigmoid(u);
		break;
	default:
		v = k = (double)NAN;
		break;
	}
	a->v = v;
	for (int i = 0; i < 2; i++)
		a->d[i] = a->d[i] == 0 ? 0 : k * a->d[i];
}

/* a^b: the exponent's term only where b varies, so that (−2)^2 is 4. */
static void power_of(struct dual *a, const struct dual *b)
{
	double u = a->v, p = pow(u, b->v);
	for (int i = 0; i < 2; i++) {
		double d = 0;
		if (a->d[i] != 0 && b->v != 0)
			d += b->v * pow(u, b->v - 1) * a->d[i];
		if (b->d[i] != 0)
			d += log(u) * p * b->d[i];
		a->d[i] = d;
	}
	a->v = p;
}

static void apply2(struct dual *a, const struct dual *b, int code)
{
	double u = a->v, v = b->v;
	for (int i = 0; code != OP_POW && i < 2; i++) {
		double du = a->d[i], dv = b->d[i];
		a->d[i] = code == OP_ADD ? du + dv :
			  code == OP_SUB ? du - dv :
			  code == OP_MUL ? du * v + u * dv :
					   (du * v - u * dv) / (v * v);
	}
	switch (code) {
	case OP_ADD:
		a->v = u + v;
		break;
	case OP_SUB:
		a->v = u - v;
		break;
	case OP_MUL:
		a->v = u * v;
		break;
	case OP_DIV:
		a->v = u / v;
		break;
	default:
		power_of(a, b);
		break;
	}
}

double gd_formula_eval(const struct gd_formula *f, const double *w, double *grad)
{
	struct dual st[GD_FORMULA_OPS];
	int sp = 0, dim = f->dim == 2 ? 2 : 1;
	for (int i = 0; i < f->n && i < GD_FORMULA_OPS; i++) {
		const struct gd_formula_op *op = &f->op[i];
		bool push = op->code <= OP_VAR1;
		bool binary = op->code >= OP_ADD && op->code <= OP_POW;
		/* A program not made by gd_formula_compile stops here. */
		if (push ? sp >= GD_FORMULA_OPS : sp < 1 + binary)
			return (double)NAN;
		if (op->code == OP_NUM) {
			st[sp++] = (struct dual){ op->k, { 0, 0 } };
		} else if (push) {
			int k = op->code == OP_VAR1 && dim == 2;
			st[sp] = (struct dual){ w[k], { 0, 0 } };
			st[sp++].d[k] = 1;
		} else if (binary) {
			sp--;
			apply2(&st[sp - 1], &st[sp], op->code);
		} else {
			apply1(&st[sp - 1], op->code);
		}
	}
	struct dual r = sp == 1 ? st[0] : (struct dual){ 0, { 0, 0 } };
	if (grad)
		for (int k = 0; k < dim; k++)
			grad[k] = r.d[k];
	return r.v;
}

const char *gd_formula_suggest(const char *name, bool function)
{
	const char *best = NULL;
	int best_d = 3;
	for (int i = 0; i < NNAMES; i++) {
		if ((names[i].code >= 0) != function)
			continue;
		int d = gd_edit_distance(name, names[i].name);
		/* A one-letter name is close only to a one-letter change. */
		if (d < best_d && d < (int)strlen(names[i].name) + 1 &&
		    (d < 2 || strlen(name) > 2)) {
			best = names[i].name;
			best_d = d;
		}
	}
	return best;
}
