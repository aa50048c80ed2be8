"""Loads grpc.testing message classes at run time, without checked-in generated code.

Why: Debian 12 ships python3-grpcio 1.51 and python3-protobuf 4.21 but only an ancient
grpc_tools (protoc 3.5), whose generated *_pb2.py modules the 4.x runtime refuses. The
*descriptors* that old protoc produces are fine, so we compile tests/interop/protos into a
FileDescriptorSet (in a temp dir, nothing is written to the repo) and build message classes
from it with descriptor_pool/message_factory. RPCs are then made and served with grpcio's
generic API (channel.unary_unary(path, ...), grpc.method_handlers_generic_handler).

Fallback when grpc_tools is missing: `buf build` from .tools/ (scripts/interop-peers-setup.sh
installs both).
"""

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PROTO_ROOT = os.path.join(REPO_ROOT, "tests", "interop", "protos")
PROTO_FILES = ["grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto"]


def _descriptor_set_bytes():
    with tempfile.TemporaryDirectory(prefix="interop-protos-") as tmp:
        out = os.path.join(tmp, "set.binpb")
        try:
            from grpc_tools import protoc  # python3-grpc-tools

            rc = protoc.main(["protoc", "-I" + PROTO_ROOT, "--include_imports",
                              "--descriptor_set_out=" + out] + PROTO_FILES)
            if rc != 0:
                raise RuntimeError("grpc_tools.protoc failed with exit code %d" % rc)
        except ImportError:
            buf = os.path.join(REPO_ROOT, ".tools", "node_modules", ".bin", "buf")
            if not os.path.exists(buf):
                buf = shutil.which("buf")
            if not buf:
                sys.exit("interop: neither grpc_tools (apt python3-grpc-tools) nor buf is installed; "
                         "run scripts/interop-peers-setup.sh")
            subprocess.run([buf, "build", PROTO_ROOT, "-o", out], check=True, cwd=REPO_ROOT)
        with open(out, "rb") as f:
            return f.read()


def _message_class(pool, full_name):
    desc = pool.FindMessageTypeByName(full_name)
    if hasattr(message_factory, "GetMessageClass"):  # protobuf >= 4.22
        return message_factory.GetMessageClass(desc)
    return message_factory.MessageFactory(pool).GetPrototype(desc)


class _Messages:
    pass


def load():
    """Returns a namespace with the grpc.testing message classes and enum values."""
    fds = descriptor_pb2.FileDescriptorSet()
    fds.ParseFromString(_descriptor_set_bytes())
    pool = descriptor_pool.DescriptorPool()
    for f in fds.file:
        pool.Add(f)
    m = _Messages()
    for name in ["Empty", "Payload", "EchoStatus", "BoolValue", "SimpleRequest", "SimpleResponse",
                 "StreamingInputCallRequest", "StreamingInputCallResponse", "ResponseParameters",
                 "StreamingOutputCallRequest", "StreamingOutputCallResponse"]:
        setattr(m, name, _message_class(pool, "grpc.testing." + name))
    m.COMPRESSABLE = pool.FindEnumTypeByName("grpc.testing.PayloadType").values_by_name["COMPRESSABLE"].number
    m.pool = pool
    return m


# Fully-qualified method paths, as they appear in the HTTP/2 :path.
TEST_SERVICE = "grpc.testing.TestService"
UNIMPLEMENTED_SERVICE = "grpc.testing.UnimplementedService"


def path(service, method):
    return "/%s/%s" % (service, method)


def str2bool(v):
    """Official interop flags spell booleans --use_tls=true|false."""
    if v.lower() in ("true", "1", "yes", "y"):
        return True
    if v.lower() in ("false", "0", "no", "n"):
        return False
    raise argparse.ArgumentTypeError("expected true or false, got %r" % v)


def decompress_if_needed(raw):
    """(message_bytes, was_compressed) for one message received with C-core's per-message
    decompression switched off (channel/server arg grpc.per_message_decompression=0).

    grpcio exposes neither grpc-encoding nor the compressed flag, so the flag is inferred from
    the bytes: a gzip member (magic 1f 8b, CRC-checked) or a complete zlib stream (gRPC
    "deflate": header check + Adler-32). A protobuf grpc.testing message cannot look like
    either (0x1f is an invalid tag; 0x78 would be field 15, which none of them has)."""
    if raw[:2] == b"\x1f\x8b":
        return gzip.decompress(raw), True
    if len(raw) >= 2 and (raw[0] & 0x0F) == 8 and (raw[0] << 8 | raw[1]) % 31 == 0:
        try:
            d = zlib.decompressobj()
            out = d.decompress(raw) + d.flush()
            if d.eof and not d.unused_data:
                return out, True
        except zlib.error:
            pass
    return raw, False


def host_port(host, port):
    """gRPC target for host and port; IPv6 literals need brackets."""
    if ":" in host and not host.startswith("["):
        host = "[%s]" % host
    return "%s:%d" % (host, port)
