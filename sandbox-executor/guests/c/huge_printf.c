/* Hostile: prints LINES numbered lines of 100 bytes (default 1,000,000: 100 MB) with printf. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  long lines = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
  for (long i = 0; i < lines; i++) {
    printf("%09ld %089d\n", i, 0);
  }
  return 0;
}
