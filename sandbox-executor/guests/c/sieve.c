/*
 * sieve [LIMIT [ROUNDS]]: counts the primes <= LIMIT with the sieve of Eratosthenes (one byte per
 * number), ROUNDS times over the same buffer, and prints the count. Defaults: 1,000,000, 1 round.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A function of its own, called once a round, rather than inlined into main's round loop: code
 * that runs once per program start is only ever compiled on the fly (on-stack replacement), in V8
 * and in the JVM alike, and such code varies more from run to run than a function that is called
 * often. */
__attribute__((noinline)) static long sieve(unsigned char *composite, long limit) {
  memset(composite, 0, (size_t)limit + 1);
  long count = 0;
  for (long i = 2; i <= limit; i++) {
    if (!composite[i]) {
      count++;
      if (i <= limit / i) {
        for (long j = i * i; j <= limit; j += i) {
          composite[j] = 1;
        }
      }
    }
  }
  return count;
}

int main(int argc, char **argv) {
  long limit = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
  long rounds = argc > 2 ? strtol(argv[2], NULL, 10) : 1;
  if (limit < 2 || limit > 1L << 28 || rounds < 1) {
    fprintf(stderr, "usage: sieve [LIMIT in 2..2^28 [ROUNDS >= 1]]\n");
    return 2;
  }
  unsigned char *composite = malloc((size_t)limit + 1);
  if (composite == NULL) {
    fprintf(stderr, "cannot allocate %ld bytes\n", limit + 1);
    return 1;
  }
  long count = 0;
  for (long r = 0; r < rounds; r++) {
    count = sieve(composite, limit);
  }
  printf("%ld\n", count);
  free(composite);
  return 0;
}
