/*
 * Hostile: recursion DEPTH deep (default 100,000,000) through a function pointer, so that the
 * compiler can neither inline it nor turn it into a loop. Each call keeps its frame on the wasm
 * stack (no shadow-stack memory), so it is the host's call stack that runs out.
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned down(unsigned n);
static unsigned (*volatile step)(unsigned) = down;

static unsigned down(unsigned n) {
  if (n == 0) {
    return 1;
  }
  return step(n - 1) * 3 + n;
}

int main(int argc, char **argv) {
  unsigned depth = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 100000000u;
  printf("%u\n", step(depth));
  return 0;
}
