/* hello: greets on stdout, prints each argument on its own line, then echoes stdin. */
#include <stdio.h>

int main(int argc, char **argv) {
  printf("hello, world\n");
  for (int i = 1; i < argc; i++) {
    printf("arg %d: %s\n", i, argv[i]);
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
    fwrite(buf, 1, n, stdout);
  }
  return 0;
}
