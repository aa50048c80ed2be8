#!/usr/bin/python3
"""grpcio implementation of grpc.testing.TestService: the reference peer our C# gRPC client is
tested against (and a benchmark peer). Semantics follow grpc/grpc
doc/interop-test-descriptions.md, "Server" section.

Run (from anywhere):
  /usr/bin/python3 tests/interop/python/interop_server.py --port=50052 --use_tls=true
  /usr/bin/python3 tests/interop/python/interop_server.py --port=0 --use_tls=false   # free port
Prints "interop_server: listening on HOST:PORT (tls|plaintext)" once ready, then serves until
SIGINT/SIGTERM.

Implemented: EmptyCall, UnaryCall (response_size, response_status echo, response_compressed,
expect_compressed), StreamingOutputCall (interval_us, per-response `compressed`,
response_status), StreamingInputCall (expect_compressed per message), FullDuplexCall
(response_status, interval_us; per-response `compressed` is ignored there because grpcio fixes
the call's compression with the initial metadata, sent before the first request is read),
HalfDuplexCall (buffers until half-close), metadata echo
(x-grpc-test-echo-initial -> initial metadata, x-grpc-test-echo-trailing-bin -> trailers).
UnimplementedCall and grpc.testing.UnimplementedService are deliberately not registered, so
grpcio answers UNIMPLEMENTED itself. CacheableUnaryCall and the xDS/reconnect services are not
served.

Request compression (CompressedRequest feature): grpcio hides both the grpc-encoding header
and the per-message compressed flag from handlers. We therefore start the server with
`grpc.per_message_decompression=0`, so C-core hands us the bytes exactly as they were on the
wire, and decompress ourselves: a gzip member (magic 1f 8b, CRC-checked) or a zlib stream
(header + Adler-32 checked) means the message was compressed. Neither can be mistaken for a
protobuf grpc.testing request (0x1f is an invalid tag; field 15 does not exist).
"""

import argparse
import os
import signal
import sys
import threading
import time
from concurrent import futures

import grpc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_protos  # noqa: E402

M = interop_protos.load()
CERT_DIR = os.path.join(interop_protos.REPO_ROOT, "certs-dev", "out")
ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"
CODES = {c.value[0]: c for c in grpc.StatusCode}


def deserializer(message_class):
    def parse(raw):
        body, compressed = interop_protos.decompress_if_needed(raw)
        return message_class.FromString(body), compressed
    return parse


def serialize(message):
    return message.SerializeToString()


def zeros_payload(size):
    return M.Payload(type=M.COMPRESSABLE, body=b"\x00" * size)


def echo_metadata(context):
    md = context.invocation_metadata()
    initial = [(k, v) for k, v in md if k == ECHO_INITIAL]
    trailing = [(k, v) for k, v in md if k == ECHO_TRAILING]
    if initial:
        context.send_initial_metadata(initial)
    if trailing:
        context.set_trailing_metadata(trailing)


def maybe_echo_status(request, context):
    """Ends the call with request.response_status when it asks for a non-OK status."""
    if request.HasField("response_status") and request.response_status.code != 0:
        code = CODES.get(request.response_status.code, grpc.StatusCode.UNKNOWN)
        context.abort(code, request.response_status.message)  # raises


def check_expected_compression(request, compressed, context):
    if not request.HasField("expect_compressed"):
        return
    expected = request.expect_compressed.value
    if expected and not compressed:
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "Expected compressed request, got uncompressed")
    if not expected and compressed:
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "Expected uncompressed request, got compressed")


def sleep_us(us):
    if us > 0:
        time.sleep(us / 1e6)


class TestService:
    def EmptyCall(self, request_and_flag, context):
        echo_metadata(context)
        return M.Empty()

    def UnaryCall(self, request_and_flag, context):
        request, compressed = request_and_flag
        check_expected_compression(request, compressed, context)
        maybe_echo_status(request, context)
        if request.response_type != M.COMPRESSABLE:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "unsupported response_type")
        if request.HasField("response_compressed") and request.response_compressed.value:
            # Must precede echo_metadata(): grpcio applies the algorithm when it sends the
            # initial metadata. C-core compresses only if the client accepts gzip.
            context.set_compression(grpc.Compression.Gzip)
        echo_metadata(context)
        return M.SimpleResponse(payload=zeros_payload(request.response_size))

    def _respond(self, request, context, per_message_compression=False):
        for params in request.response_parameters:
            sleep_us(params.interval_us)
            if per_message_compression and not params.compressed.value:
                context.disable_next_message_compression()
            yield M.StreamingOutputCallResponse(payload=zeros_payload(params.size))

    def StreamingOutputCall(self, request_and_flag, context):
        request, _ = request_and_flag
        maybe_echo_status(request, context)
        # server_compressed_streaming: gzip for the call, then switch it off per message.
        compress = any(p.compressed.value for p in request.response_parameters)
        if compress:
            context.set_compression(grpc.Compression.Gzip)
        echo_metadata(context)
        yield from self._respond(request, context, per_message_compression=compress)

    def StreamingInputCall(self, request_iterator, context):
        echo_metadata(context)
        total = 0
        for request, compressed in request_iterator:
            check_expected_compression(request, compressed, context)
            total += len(request.payload.body)
        return M.StreamingInputCallResponse(aggregated_payload_size=total)

    def FullDuplexCall(self, request_iterator, context):
        echo_metadata(context)
        for request, _ in request_iterator:
            maybe_echo_status(request, context)
            yield from self._respond(request, context)

    def HalfDuplexCall(self, request_iterator, context):
        echo_metadata(context)
        requests = [r for r, _ in request_iterator]  # answer only after the client half-closes
        for request in requests:
            maybe_echo_status(request, context)
            yield from self._respond(request, context)


def build_handler():
    svc = TestService()
    h = grpc
    # Every deserializer yields (message, was_compressed); see decompress_if_needed().
    return grpc.method_handlers_generic_handler(interop_protos.TEST_SERVICE, {
        "EmptyCall": h.unary_unary_rpc_method_handler(
            svc.EmptyCall, deserializer(M.Empty), serialize),
        "UnaryCall": h.unary_unary_rpc_method_handler(
            svc.UnaryCall, deserializer(M.SimpleRequest), serialize),
        "StreamingOutputCall": h.unary_stream_rpc_method_handler(
            svc.StreamingOutputCall, deserializer(M.StreamingOutputCallRequest), serialize),
        "StreamingInputCall": h.stream_unary_rpc_method_handler(
            svc.StreamingInputCall, deserializer(M.StreamingInputCallRequest), serialize),
        "FullDuplexCall": h.stream_stream_rpc_method_handler(
            svc.FullDuplexCall, deserializer(M.StreamingOutputCallRequest), serialize),
        "HalfDuplexCall": h.stream_stream_rpc_method_handler(
            svc.HalfDuplexCall, deserializer(M.StreamingOutputCallRequest), serialize),
    })


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=50052, help="0 picks a free port (printed)")
    ap.add_argument("--host", default="localhost",
                    help="bind address; localhost = 127.0.0.1 and ::1 (default)")
    ap.add_argument("--use_tls", type=interop_protos.str2bool, default=False)
    ap.add_argument("--tls_cert_file", default=os.path.join(CERT_DIR, "server.pem"))
    ap.add_argument("--tls_key_file", default=os.path.join(CERT_DIR, "server.key"))
    ap.add_argument("--client_ca_file", default="",
                    help="if set (with --use_tls), require client certificates signed by this CA")
    ap.add_argument("--max_workers", type=int, default=32,
                    help="handler threads; every open stream holds one")
    args = ap.parse_args()

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=args.max_workers),
        handlers=[build_handler()],
        options=[
            # See module docstring: lets us observe per-message request compression.
            ("grpc.per_message_decompression", 0),
            ("grpc.max_receive_message_length", 16 * 1024 * 1024),
            ("grpc.so_reuseport", 0),
        ],
        maximum_concurrent_rpcs=None,
    )
    creds = None
    if args.use_tls:
        with open(args.tls_key_file, "rb") as f:
            key = f.read()
        with open(args.tls_cert_file, "rb") as f:
            cert = f.read()
        root = None
        if args.client_ca_file:
            with open(args.client_ca_file, "rb") as f:
                root = f.read()
        creds = grpc.ssl_server_credentials([(key, cert)], root_certificates=root,
                                            require_client_auth=bool(root))

    def bind(host, port):
        address = interop_protos.host_port(host, port)
        try:
            return server.add_secure_port(address, creds) if creds else server.add_insecure_port(address)
        except RuntimeError:
            return 0

    # "localhost" is bound as 127.0.0.1 and ::1 explicitly: C-core resolves it through
    # /etc/hosts, which on Debian images often lists only 127.0.0.1.
    hosts = ["127.0.0.1", "::1"] if args.host == "localhost" else [args.host]
    port = bind(hosts[0], args.port)
    if port == 0:
        sys.exit("interop_server: could not bind %s" % interop_protos.host_port(hosts[0], args.port))
    for extra in hosts[1:]:
        if bind(extra, port) == 0:
            print("interop_server: note: could not also bind %s" % interop_protos.host_port(extra, port),
                  file=sys.stderr)
    server.start()
    print("interop_server: listening on %s:%d (%s)" % (args.host, port, "tls" if args.use_tls else "plaintext"),
          flush=True)

    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    done.wait()
    server.stop(grace=1).wait()


if __name__ == "__main__":
    main()
