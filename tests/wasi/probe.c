/* Configure-time check that clang can build and link a wasm32-wasi
 * program: wasi-libc's headers and libc, lld, and compiler-rt's builtins
 * (long double arithmetic, as printf uses inside). */
#include <math.h>
#include <stdio.h>

int main(void)
{
	volatile long double x = 1.5L;
	printf("%g %g\n", exp(1.0), (double)(x * x));
	return 0;
}
