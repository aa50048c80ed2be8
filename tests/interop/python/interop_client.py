#!/usr/bin/python3
"""grpcio interop client: runs the official gRPC interop test cases (grpc/grpc
doc/interop-test-descriptions.md) against a grpc.testing.TestService server, e.g. the hub's.

  /usr/bin/python3 tests/interop/python/interop_client.py --server_port=50052 \\
      --use_tls=true --test_case=all

Exit status 0 when every requested case passed; otherwise 1, with the reason on stderr.
--test_case=all runs every case below and ends with the line "N passed, N failed".

Notes per case (deviations from the official Python client, which skips several of these):
* client_compressed_unary: grpcio cannot clear the compressed flag of a single message, so the
  compressed request is a call made with compression=grpc.Compression.Gzip and the uncompressed
  ones are calls without compression (the official procedure uses one call per step as well).
* server_compressed_unary: grpcio never exposes the response's compressed flag. This case runs
  on its own channel with `grpc.per_message_decompression=0`, so C-core hands over the message
  exactly as received and we decompress it ourselves: a gzip/zlib body means the flag was set.
* custom_metadata uses the spec's trailing value 0xababab (the official Python client sends
  0x0a0b0a0b0a0b).
* Every RPC carries a deadline (--rpc_timeout_s, default 30 s) so a broken server fails the case
  instead of hanging it; timeout_on_sleeping_server uses its own 1 ms deadline.
"""

import argparse
import os
import sys
import threading
import time
import traceback

import grpc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import interop_protos  # noqa: E402

M = interop_protos.load()
DEFAULT_CA = os.path.join(interop_protos.REPO_ROOT, "certs-dev", "out", "ca.pem")
ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"
SPECIAL_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"


class CaseFailed(Exception):
    pass


def check(cond, fmt, *args):
    if not cond:
        raise CaseFailed(fmt % args if args else fmt)


def serialize(message):
    return message.SerializeToString()


class Pipe:
    """Request iterator fed from the test thread; close() half-closes the call."""

    def __init__(self):
        self._cond = threading.Condition()
        self._items = []
        self._open = True

    def __iter__(self):
        return self

    def __next__(self):
        with self._cond:
            while not self._items and self._open:
                self._cond.wait()
            if self._items:
                return self._items.pop(0)
            raise StopIteration

    def add(self, item):
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def close(self):
        with self._cond:
            self._open = False
            self._cond.notify()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Client:
    def __init__(self, args):
        self.args = args
        self.timeout = args.rpc_timeout_s
        self.channel = self._channel()
        self._raw_channel = None

    def _channel(self, extra_options=()):
        a = self.args
        target = interop_protos.host_port(a.server_host, a.server_port)
        options = [("grpc.max_receive_message_length", 16 * 1024 * 1024)] + list(extra_options)
        if not a.use_tls:
            return grpc.insecure_channel(target, options=options)
        with open(a.ca_file, "rb") as f:
            root = f.read()
        key = cert = None
        if a.client_cert_file:
            with open(a.client_cert_file, "rb") as f:
                cert = f.read()
            with open(a.client_key_file, "rb") as f:
                key = f.read()
        creds = grpc.ssl_channel_credentials(root_certificates=root, private_key=key, certificate_chain=cert)
        # Verify the server certificate against this name (and send it as :authority).
        options.append(("grpc.ssl_target_name_override", a.server_host_override))
        return grpc.secure_channel(target, creds, options=options)

    def method(self, kind, name, req_cls, resp_cls, service=interop_protos.TEST_SERVICE, channel=None,
               deserializer=None):
        ch = channel or self.channel
        return getattr(ch, kind)(interop_protos.path(service, name), request_serializer=serialize,
                                 response_deserializer=deserializer or resp_cls.FromString)

    def unary(self, name="UnaryCall", req=M.SimpleRequest, resp=M.SimpleResponse, **kw):
        return self.method("unary_unary", name, req, resp, **kw)

    def full_duplex(self):
        return self.method("stream_stream", "FullDuplexCall", M.StreamingOutputCallRequest,
                           M.StreamingOutputCallResponse)

    def raw_channel(self):
        # Decompression off: see module docstring (server_compressed_unary).
        if self._raw_channel is None:
            self._raw_channel = self._channel([("grpc.per_message_decompression", 0)])
        return self._raw_channel

    def close(self):
        self.channel.close()
        if self._raw_channel is not None:
            self._raw_channel.close()


def check_payload(response, size):
    check(response.payload.type == M.COMPRESSABLE, "payload type %d, want COMPRESSABLE", response.payload.type)
    check(len(response.payload.body) == size, "payload body %d bytes, want %d", len(response.payload.body), size)
    check(response.payload.body == b"\x00" * size, "payload body is not all zeros")


def large_request(**fields):
    return M.SimpleRequest(response_type=M.COMPRESSABLE, response_size=314159,
                           payload=M.Payload(body=b"\x00" * 271828), **fields)


def expect_rpc_error(fn, code, what):
    try:
        fn()
    except grpc.RpcError as e:
        check(e.code() == code, "%s: status %s (%r), want %s", what, e.code(), e.details(), code)
        return e
    raise CaseFailed("%s: call succeeded, want %s" % (what, code))


# ---- test cases ------------------------------------------------------------------------------

def empty_unary(c):
    sizes = []

    def parse(raw):
        sizes.append(len(raw))
        return M.Empty.FromString(raw)

    call = c.method("unary_unary", "EmptyCall", M.Empty, M.Empty, deserializer=parse)
    resp = call(M.Empty(), timeout=c.timeout)
    check(resp is not None and resp.DESCRIPTOR.full_name == "grpc.testing.Empty", "response is not an Empty")
    check(sizes == [0], "response was %r bytes, want 0", sizes)


def large_unary(c):
    check_payload(c.unary()(large_request(), timeout=c.timeout), 314159)


def client_compressed_unary(c):
    unary = c.unary()
    # 1. Feature probe: an uncompressed request that claims to be compressed must be refused.
    expect_rpc_error(lambda: unary(large_request(expect_compressed=M.BoolValue(value=True)), timeout=c.timeout),
                     grpc.StatusCode.INVALID_ARGUMENT, "probe (uncompressed, expect_compressed=true)")
    # 2. Compressed request.
    resp = unary(large_request(expect_compressed=M.BoolValue(value=True)), timeout=c.timeout,
                 compression=grpc.Compression.Gzip)
    check_payload(resp, 314159)
    # 3. Uncompressed request.
    resp = unary(large_request(expect_compressed=M.BoolValue(value=False)), timeout=c.timeout,
                 compression=grpc.Compression.NoCompression)
    check_payload(resp, 314159)


def server_compressed_unary(c):
    flags = []

    def parse(raw):
        body, compressed = interop_protos.decompress_if_needed(raw)
        flags.append(compressed)
        return M.SimpleResponse.FromString(body)

    unary = c.unary(channel=c.raw_channel(), deserializer=parse)
    for want in (True, False):
        del flags[:]
        resp = unary(large_request(response_compressed=M.BoolValue(value=want)), timeout=c.timeout)
        check_payload(resp, 314159)
        check(flags == [want], "response_compressed=%s: response compressed flag %s", want, flags)


def client_streaming(c):
    call = c.method("stream_unary", "StreamingInputCall", M.StreamingInputCallRequest,
                    M.StreamingInputCallResponse)
    reqs = (M.StreamingInputCallRequest(payload=M.Payload(body=b"\x00" * n)) for n in (27182, 8, 1828, 45904))
    resp = call(reqs, timeout=c.timeout)
    check(resp.aggregated_payload_size == 74922, "aggregated_payload_size %d, want 74922",
          resp.aggregated_payload_size)


def server_streaming(c):
    sizes = [31415, 9, 2653, 58979]
    call = c.method("unary_stream", "StreamingOutputCall", M.StreamingOutputCallRequest,
                    M.StreamingOutputCallResponse)
    req = M.StreamingOutputCallRequest(response_type=M.COMPRESSABLE,
                                       response_parameters=[M.ResponseParameters(size=n) for n in sizes])
    responses = list(call(req, timeout=c.timeout))
    check(len(responses) == 4, "%d responses, want 4", len(responses))
    for r, n in zip(responses, sizes):
        check_payload(r, n)


def ping_pong(c):
    pairs = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
    with Pipe() as pipe:
        it = c.full_duplex()(pipe, timeout=c.timeout)
        for resp_size, req_size in pairs:
            pipe.add(M.StreamingOutputCallRequest(
                response_type=M.COMPRESSABLE, response_parameters=[M.ResponseParameters(size=resp_size)],
                payload=M.Payload(body=b"\x00" * req_size)))
            # Must arrive before we half-close: the server answers each message as it comes.
            check_payload(next(it), resp_size)
        pipe.close()
        rest = list(it)
    check(not rest, "%d extra responses after the fourth", len(rest))
    check(it.code() == grpc.StatusCode.OK, "status %s, want OK", it.code())


def empty_stream(c):
    with Pipe() as pipe:
        it = c.full_duplex()(pipe, timeout=c.timeout)
        pipe.close()
        rest = list(it)
    check(not rest, "%d responses, want 0", len(rest))
    check(it.code() == grpc.StatusCode.OK, "status %s, want OK", it.code())


def _status_case(c, message, with_duplex):
    status = M.EchoStatus(code=2, message=message)
    e = expect_rpc_error(lambda: c.unary()(M.SimpleRequest(response_status=status), timeout=c.timeout),
                         grpc.StatusCode.UNKNOWN, "UnaryCall")
    check(e.details() == message, "UnaryCall: message %r, want %r", e.details(), message)
    if not with_duplex:
        return

    def duplex():
        with Pipe() as pipe:
            it = c.full_duplex()(pipe, timeout=c.timeout)
            pipe.add(M.StreamingOutputCallRequest(response_status=status))
            pipe.close()
            list(it)

    e = expect_rpc_error(duplex, grpc.StatusCode.UNKNOWN, "FullDuplexCall")
    check(e.details() == message, "FullDuplexCall: message %r, want %r", e.details(), message)


def status_code_and_message(c):
    _status_case(c, "test status message", with_duplex=True)


def special_status_message(c):
    _status_case(c, SPECIAL_MESSAGE, with_duplex=False)


def custom_metadata(c):
    initial_value, trailing_value = "test_initial_metadata_value", b"\xab\xab\xab"
    md = ((ECHO_INITIAL, initial_value), (ECHO_TRAILING, trailing_value))

    def verify(what, call):
        initial = [v for k, v in call.initial_metadata() if k == ECHO_INITIAL]
        trailing = [v for k, v in call.trailing_metadata() if k == ECHO_TRAILING]
        check(initial == [initial_value], "%s: initial metadata %s=%r, want %r", what, ECHO_INITIAL, initial,
              [initial_value])
        check(trailing == [trailing_value], "%s: trailing metadata %s=%r, want %r", what, ECHO_TRAILING, trailing,
              [trailing_value])

    resp, call = c.unary().with_call(large_request(), metadata=md, timeout=c.timeout)
    check_payload(resp, 314159)
    verify("UnaryCall", call)

    with Pipe() as pipe:
        it = c.full_duplex()(pipe, metadata=md, timeout=c.timeout)
        pipe.add(M.StreamingOutputCallRequest(
            response_type=M.COMPRESSABLE, response_parameters=[M.ResponseParameters(size=314159)],
            payload=M.Payload(body=b"\x00" * 271828)))
        pipe.close()
        responses = list(it)
    check(len(responses) == 1, "FullDuplexCall: %d responses, want 1", len(responses))
    check_payload(responses[0], 314159)
    verify("FullDuplexCall", it)


def unimplemented_method(c):
    call = c.unary("UnimplementedCall", M.Empty, M.Empty)
    expect_rpc_error(lambda: call(M.Empty(), timeout=c.timeout), grpc.StatusCode.UNIMPLEMENTED,
                     "TestService/UnimplementedCall")


def unimplemented_service(c):
    call = c.unary("UnimplementedCall", M.Empty, M.Empty, service=interop_protos.UNIMPLEMENTED_SERVICE)
    expect_rpc_error(lambda: call(M.Empty(), timeout=c.timeout), grpc.StatusCode.UNIMPLEMENTED,
                     "UnimplementedService/UnimplementedCall")


def timeout_on_sleeping_server(c):
    with Pipe() as pipe:
        it = c.full_duplex()(pipe, timeout=0.001)
        pipe.add(M.StreamingOutputCallRequest(payload=M.Payload(body=b"\x00" * 27182)))
        expect_rpc_error(lambda: list(it), grpc.StatusCode.DEADLINE_EXCEEDED, "FullDuplexCall with 1 ms deadline")


def cancel_after_begin(c):
    call = c.method("stream_unary", "StreamingInputCall", M.StreamingInputCallRequest,
                    M.StreamingInputCallResponse)
    with Pipe() as pipe:
        fut = call.future(pipe, timeout=c.timeout)
        fut.cancel()
        check(fut.cancelled(), "future not cancelled")
        check(fut.code() == grpc.StatusCode.CANCELLED, "status %s, want CANCELLED", fut.code())


def cancel_after_first_response(c):
    with Pipe() as pipe:
        it = c.full_duplex()(pipe, timeout=c.timeout)
        pipe.add(M.StreamingOutputCallRequest(
            response_type=M.COMPRESSABLE, response_parameters=[M.ResponseParameters(size=31415)],
            payload=M.Payload(body=b"\x00" * 27182)))
        check_payload(next(it), 31415)
        it.cancel()
        expect_rpc_error(lambda: next(it), grpc.StatusCode.CANCELLED, "FullDuplexCall after cancel")


CASES = [
    empty_unary, large_unary, client_streaming, server_streaming, ping_pong, empty_stream,
    status_code_and_message, special_status_message, custom_metadata, unimplemented_method,
    unimplemented_service, timeout_on_sleeping_server, cancel_after_begin, cancel_after_first_response,
    client_compressed_unary, server_compressed_unary,
]
BY_NAME = {f.__name__: f for f in CASES}


def run_case(client, fn):
    start = time.monotonic()
    try:
        fn(client)
    except CaseFailed as e:
        return "%s" % e
    except grpc.RpcError as e:
        return "unexpected RPC error: %s %r" % (e.code(), e.details())
    except Exception:  # a bug in the peer or here: show where
        return "exception:\n" + traceback.format_exc()
    finally:
        client.elapsed = time.monotonic() - start
    return None


def main():
    ap = argparse.ArgumentParser(description="gRPC interop client (grpcio)")
    ap.add_argument("--server_host", default="localhost")
    ap.add_argument("--server_port", type=int, required=True)
    ap.add_argument("--server_host_override", default="localhost",
                    help="TLS name to verify and :authority to send (default localhost)")
    ap.add_argument("--use_tls", type=interop_protos.str2bool, default=False)
    ap.add_argument("--use_test_ca", type=interop_protos.str2bool, default=True,
                    help="accepted for compatibility; the CA is always --ca_file")
    ap.add_argument("--ca_file", default=DEFAULT_CA)
    ap.add_argument("--client_cert_file", default="", help="PEM client certificate for mutual TLS")
    ap.add_argument("--client_key_file", default="", help="PEM key of --client_cert_file")
    ap.add_argument("--test_case", default="all", help="one of: all, " + ", ".join(BY_NAME))
    ap.add_argument("--rpc_timeout_s", type=float, default=30.0)
    args = ap.parse_args()

    if args.test_case == "all":
        cases = CASES
    elif args.test_case in BY_NAME:
        cases = [BY_NAME[args.test_case]]
    else:
        ap.error("unknown --test_case %r; known: all, %s" % (args.test_case, ", ".join(BY_NAME)))

    client = Client(args)
    failed = 0
    try:
        for fn in cases:
            err = run_case(client, fn)
            if err is None:
                print("PASS %s (%.0f ms)" % (fn.__name__, client.elapsed * 1000), flush=True)
            else:
                failed += 1
                print("FAIL %s: %s" % (fn.__name__, err), file=sys.stderr, flush=True)
    finally:
        client.close()
    if len(cases) > 1:
        print("%d passed, %d failed" % (len(cases) - failed, failed), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
