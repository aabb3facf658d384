/*
 * Hostile: allocates 1 MiB blocks and writes to every 4 KiB of them until malloc fails, then aborts
 * (a trap), as a C program that does not expect to run out of memory does.
 */
#include <stdio.h>
#include <stdlib.h>

/* Every block escapes through this, so the compiler keeps the allocations and the writes. */
static char *volatile last;

int main(void) {
  for (unsigned long mib = 0;; mib++) {
    char *p = malloc(1 << 20);
    if (p == NULL) {
      fprintf(stderr, "out of memory after %lu MiB\n", mib);
      abort();
    }
    for (size_t at = 0; at < 1 << 20; at += 4096) {
      p[at] = (char)mib;
    }
    last = p;
  }
}
