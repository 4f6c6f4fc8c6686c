/* The physical limit: a bare C program that reads native messaging frames on stdin and writes each
 * one back unchanged on stdout. No JSON, no database, no event loop: what any host costs at least. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int read_all(int fd, char *buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = read(fd, buf + done, n - done);
    if (r <= 0) return -1;
    done += (size_t)r;
  }
  return 0;
}

static int write_all(int fd, const char *buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = write(fd, buf + done, n - done);
    if (r <= 0) return -1;
    done += (size_t)r;
  }
  return 0;
}

int main(void) {
  static char buf[4 + 1024 * 1024];
  for (;;) {
    uint32_t n;
    if (read_all(0, buf, 4) != 0) return 0;
    memcpy(&n, buf, 4);
    if (n > 1024 * 1024) return 1;
    if (read_all(0, buf + 4, n) != 0) return 1;
    if (write_all(1, buf, 4 + n) != 0) return 1;
  }
}
