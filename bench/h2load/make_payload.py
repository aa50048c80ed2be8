#!/usr/bin/python3
"""Writes the benchmark's gRPC bodies, each a 5-byte-prefixed message (flag 0, big-endian length):

  request.bin   SimpleRequest{response_size=SIZE, payload.body=SIZE zero bytes}
  response.bin  SimpleResponse{payload.body=SIZE zero bytes}, what every TestService must answer

Usage: make_payload.py OUT_DIR SIZE
The messages are built with the grpc.testing descriptors (tests/interop/python/interop_protos.py),
so the bytes are protobuf's own encoding, not hand-rolled.
"""

import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "interop", "python"))
import interop_protos  # noqa: E402


def framed(message):
    body = message.SerializeToString()
    return struct.pack(">BI", 0, len(body)) + body


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out_dir, size = sys.argv[1], int(sys.argv[2])
    m = interop_protos.load()
    zeros = m.Payload(type=m.COMPRESSABLE, body=b"\x00" * size)
    request = m.SimpleRequest(response_type=m.COMPRESSABLE, response_size=size, payload=zeros)
    response = m.SimpleResponse(payload=zeros)
    for name, message in (("request.bin", request), ("response.bin", response)):
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(framed(message))


if __name__ == "__main__":
    main()
