/* The floor: the least a native-messaging host can do to answer `ping`. No JSON parser, no
 * allocation per message, no library but libc. It copies the request's "id" value verbatim into
 * {"jsonrpc":"2.0","id":<id>,"result":{"pong":true}}, the reply NoTrain gives, and exits at end of
 * input. It trusts its input (a benchmark, not a host to ship): it only needs the driver's requests. */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { kMaxBody = 1 << 16 };

static int read_exactly(char *buffer, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t got = read(STDIN_FILENO, buffer + done, size - done);
    if (got <= 0) return 0;
    done += (size_t)got;
  }
  return 1;
}

static int write_all(const char *buffer, size_t size) {
  while (size > 0) {
    ssize_t put = write(STDOUT_FILENO, buffer, size);
    if (put <= 0) return 0;
    buffer += put;
    size -= (size_t)put;
  }
  return 1;
}

/* The id's text: from after "id": to the next ',' or '}' (numbers and simple strings). */
static size_t find_id(const char *body, size_t length, const char **id) {
  static const char kKey[] = "\"id\":";
  const char *start = memmem(body, length, kKey, sizeof kKey - 1);
  if (start == NULL) {
    *id = "null";
    return 4;
  }
  start += sizeof kKey - 1;
  const char *end = start;
  while (end < body + length && *end != ',' && *end != '}') ++end;
  *id = start;
  return (size_t)(end - start);
}

int main(void) {
  static char body[kMaxBody];
  static char reply[kMaxBody + 64];
  uint32_t length;
  while (read_exactly((char *)&length, sizeof length)) {
    if (length > kMaxBody || !read_exactly(body, length)) return 1;
    const char *id;
    size_t id_length = find_id(body, length, &id);
    int size = snprintf(reply + 4, sizeof reply - 4, "{\"jsonrpc\":\"2.0\",\"id\":%.*s,\"result\":{\"pong\":true}}",
                        (int)id_length, id);
    uint32_t reply_length = (uint32_t)size;
    memcpy(reply, &reply_length, sizeof reply_length);
    if (!write_all(reply, 4 + reply_length)) return 1;
  }
  return 0;
}
