#!/usr/bin/env python3
"""The usual choice: a native-messaging host written the way most published hosts are (struct for
the length, json for the body, sys.stdin.buffer / sys.stdout.buffer). It answers `ping` exactly
like NoTrain and exits at end of input."""
import json
import struct
import sys


def read_message():
    header = sys.stdin.buffer.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack("=I", header)
    return json.loads(sys.stdin.buffer.read(length).decode("utf-8"))


def send_message(message):
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    sys.stdout.buffer.write(struct.pack("=I", len(body)))
    sys.stdout.buffer.write(body)
    sys.stdout.buffer.flush()


def main():
    while True:
        request = read_message()
        if request is None:
            return 0
        if request.get("method") == "ping":
            send_message({"jsonrpc": "2.0", "id": request.get("id"), "result": {"pong": True}})
        else:
            send_message({"jsonrpc": "2.0", "id": request.get("id"),
                          "error": {"code": -32601, "message": "Unknown method."}})


if __name__ == "__main__":
    sys.exit(main())
