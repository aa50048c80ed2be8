#!/usr/bin/env node
// grpc-js interop client: runs the official gRPC interop test cases (grpc/grpc
// doc/interop-test-descriptions.md) against a grpc.testing.TestService server, e.g. the hub's.
//
//   (cd tests/interop/node && npm ci)          # or scripts/interop-peers-setup.sh
//   node tests/interop/node/interop_client.js --server_port=50052 --use_tls=true --test_case=all
//
// Flags follow the official interop clients: --server_host (localhost), --server_port,
// --server_host_override (localhost), --use_tls (false), --ca_file (certs-dev/out/ca.pem),
// --test_case (all), plus --client_cert_file/--client_key_file for mutual TLS and
// --rpc_timeout_s (30): every RPC carries that deadline so a broken server fails a case
// instead of hanging it. Exit status 0 when all requested cases passed, 1 otherwise;
// --test_case=all ends with the line "N passed, N failed".
//
// Deviations, per case:
// * client_compressed_unary: grpc-js compresses per channel ('grpc.default_compression_algorithm'
//   = 2, gzip), not per message, so the compressed step uses a second client whose channel has
//   gzip on; the probe and the uncompressed step use the plain client.
// * server_compressed_unary: grpc-js exposes neither grpc-encoding nor the message's compressed
//   flag. We wrap CompressionFilter.prototype.receiveMessage from grpc-js's internals (the exact
//   version is pinned in package.json) to record the flag byte of every framed message it
//   deframes. If that internal ever moves, the case fails loudly rather than passing blind.
// * custom_metadata uses the spec's trailing value 0xababab.
'use strict';

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const PROTO_ROOT = path.join(REPO_ROOT, 'tests', 'interop', 'protos');
const ECHO_INITIAL = 'x-grpc-test-echo-initial';
const ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin';
const SPECIAL_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1F608}\t\n';
const S = grpc.status;

// ---- flags -----------------------------------------------------------------------------------

function parseFlags(argv) {
  const flags = {
    server_host: 'localhost',
    server_port: '',
    server_host_override: 'localhost',
    use_tls: 'false',
    use_test_ca: 'true', // accepted for compatibility; the CA is always --ca_file
    ca_file: path.join(REPO_ROOT, 'certs-dev', 'out', 'ca.pem'),
    client_cert_file: '',
    client_key_file: '',
    test_case: 'all',
    rpc_timeout_s: '30',
  };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z_]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in flags)) usage(`unknown argument ${argv[i]}`);
    flags[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
    if (flags[m[1]] === undefined) usage(`--${m[1]} needs a value`);
  }
  if (!/^\d+$/.test(flags.server_port)) usage('--server_port is required');
  for (const b of ['use_tls', 'use_test_ca']) {
    if (!/^(true|false|1|0)$/i.test(flags[b])) usage(`--${b} must be true or false`);
    flags[b] = /^(true|1)$/i.test(flags[b]);
  }
  flags.server_port = Number(flags.server_port);
  flags.rpc_timeout_s = Number(flags.rpc_timeout_s);
  return flags;
}

function usage(msg) {
  console.error(`interop_client.js: ${msg}\nusage: node interop_client.js --server_port=PORT ` +
    `[--server_host=H] [--server_host_override=H] [--use_tls=true|false] [--ca_file=PEM] ` +
    `[--client_cert_file=PEM --client_key_file=PEM] [--rpc_timeout_s=N] ` +
    `[--test_case=all|${Object.keys(CASES).join('|')}]`);
  process.exit(2);
}

// ---- received-message compressed flag (see header) ---------------------------------------

const receivedFlags = [];
let flagHookInstalled = false;
try {
  const cf = require('@grpc/grpc-js/build/src/compression-filter');
  const orig = cf.CompressionFilter && cf.CompressionFilter.prototype.receiveMessage;
  if (typeof orig === 'function') {
    cf.CompressionFilter.prototype.receiveMessage = async function (message) {
      const framed = await message;
      if (Buffer.isBuffer(framed) && framed.length >= 5) receivedFlags.push(framed.readUInt8(0));
      return orig.call(this, framed);
    };
    flagHookInstalled = true;
  }
} catch (e) {
  // Left uninstalled: server_compressed_unary reports it.
}

// ---- helpers -------------------------------------------------------------------------------

class CaseFailed extends Error {}

function check(cond, msg) {
  if (!cond) throw new CaseFailed(msg);
}

const zeros = (n) => Buffer.alloc(n);
const largeRequest = (extra) => Object.assign({
  response_type: 'COMPRESSABLE', response_size: 314159, payload: { body: zeros(271828) },
}, extra);

function checkPayload(resp, size) {
  check(resp && resp.payload, 'response has no payload');
  check(resp.payload.type === 'COMPRESSABLE', `payload type ${resp.payload.type}, want COMPRESSABLE`);
  const body = resp.payload.body;
  check(body.length === size, `payload body ${body.length} bytes, want ${size}`);
  check(body.equals(zeros(size)), 'payload body is not all zeros');
}

function statusName(code) {
  return Object.keys(S).find((k) => S[k] === code) || String(code);
}

function expectStatus(what, got, code) {
  check(got && got.code === code,
    `${what}: status ${got ? statusName(got.code) : 'OK'} (${got ? JSON.stringify(got.details) : ''}), want ${statusName(code)}`);
}

// Unary call -> {err, resp, initial, status} once both the callback and 'status' have fired.
function unary(client, method, req, opts = {}) {
  return new Promise((resolve) => {
    const r = { err: null, resp: null, initial: null, status: null };
    let callbackDone = false;
    const done = () => { if (callbackDone && r.status) resolve(r); };
    const call = client[method](req, opts.metadata || new grpc.Metadata(),
      { deadline: opts.deadline || ctx.deadline() }, (err, resp) => {
        r.err = err; r.resp = resp; callbackDone = true; done();
      });
    call.on('metadata', (m) => { r.initial = m; });
    call.on('status', (s) => { r.status = s; done(); });
  });
}

// Wraps a readable (server- or bidi-streaming) call: next() yields messages in order, finish()
// resolves {messages, status, initial} once the call has ended and its status is known.
function reader(call) {
  const queue = [];
  const waiters = [];
  const st = { status: null, ended: false, error: null, initial: null };
  let settle = null;
  const finished = new Promise((res) => { settle = res; });
  const wake = () => {
    while (waiters.length && (queue.length || st.ended || st.error)) {
      const w = waiters.shift();
      if (queue.length) w.resolve(queue.shift());
      else w.resolve(undefined); // end of stream (or error: see finish())
    }
    if (st.status && (st.ended || st.error)) settle();
  };
  call.on('metadata', (m) => { st.initial = m; });
  call.on('data', (m) => { queue.push(m); wake(); });
  call.on('end', () => { st.ended = true; wake(); });
  call.on('error', (e) => { st.error = e; wake(); });
  call.on('status', (s) => { st.status = s; wake(); });
  return {
    call,
    next: () => new Promise((resolve) => { waiters.push({ resolve }); wake(); }),
    finish: async () => {
      await finished;
      const rest = queue.splice(0);
      return { rest, status: st.status, initial: st.initial };
    },
  };
}

// ---- test cases ----------------------------------------------------------------------------

const ctx = {};

const CASES = {
  async empty_unary() {
    const r = await unary(ctx.client, 'EmptyCall', {});
    check(!r.err, `EmptyCall failed: ${r.err && r.err.message}`);
    check(r.resp && Object.keys(r.resp).length === 0, 'response is not an empty Empty');
  },

  async large_unary() {
    const r = await unary(ctx.client, 'UnaryCall', largeRequest());
    check(!r.err, `UnaryCall failed: ${r.err && r.err.message}`);
    checkPayload(r.resp, 314159);
  },

  async client_streaming() {
    const resp = await new Promise((resolve, reject) => {
      const call = ctx.client.StreamingInputCall({ deadline: ctx.deadline() },
        (err, res) => (err ? reject(err) : resolve(res)));
      for (const n of [27182, 8, 1828, 45904]) call.write({ payload: { body: zeros(n) } });
      call.end();
    });
    check(resp.aggregated_payload_size === 74922,
      `aggregated_payload_size ${resp.aggregated_payload_size}, want 74922`);
  },

  async server_streaming() {
    const sizes = [31415, 9, 2653, 58979];
    const rd = reader(ctx.client.StreamingOutputCall({
      response_type: 'COMPRESSABLE', response_parameters: sizes.map((size) => ({ size })),
    }, { deadline: ctx.deadline() }));
    const { rest, status } = await rd.finish();
    check(status.code === S.OK, `status ${statusName(status.code)} (${status.details}), want OK`);
    check(rest.length === 4, `${rest.length} responses, want 4`);
    rest.forEach((m, i) => checkPayload(m, sizes[i]));
  },

  async ping_pong() {
    const pairs = [[31415, 27182], [9, 8], [2653, 1828], [58979, 45904]];
    const rd = reader(ctx.client.FullDuplexCall({ deadline: ctx.deadline() }));
    for (const [respSize, reqSize] of pairs) {
      rd.call.write({
        response_type: 'COMPRESSABLE', response_parameters: [{ size: respSize }], payload: { body: zeros(reqSize) },
      });
      // Must arrive before we half-close: the server answers each message as it comes.
      const m = await rd.next();
      check(m !== undefined, `stream ended before the response of size ${respSize}`);
      checkPayload(m, respSize);
    }
    rd.call.end();
    const { rest, status } = await rd.finish();
    check(status.code === S.OK, `status ${statusName(status.code)} (${status.details}), want OK`);
    check(rest.length === 0, `${rest.length} extra responses after the fourth`);
  },

  async empty_stream() {
    const rd = reader(ctx.client.FullDuplexCall({ deadline: ctx.deadline() }));
    rd.call.end();
    const { rest, status } = await rd.finish();
    check(status.code === S.OK, `status ${statusName(status.code)} (${status.details}), want OK`);
    check(rest.length === 0, `${rest.length} responses, want 0`);
  },

  async status_code_and_message() {
    await statusCase('test status message', true);
  },

  async special_status_message() {
    await statusCase(SPECIAL_MESSAGE, false);
  },

  async custom_metadata() {
    const initialValue = 'test_initial_metadata_value';
    const trailingValue = Buffer.from([0xab, 0xab, 0xab]);
    const md = () => {
      const m = new grpc.Metadata();
      m.set(ECHO_INITIAL, initialValue);
      m.set(ECHO_TRAILING, trailingValue);
      return m;
    };
    const verify = (what, initial, trailing) => {
      const i = initial ? initial.get(ECHO_INITIAL) : [];
      const t = trailing ? trailing.get(ECHO_TRAILING) : [];
      check(i.length === 1 && i[0] === initialValue,
        `${what}: initial metadata ${ECHO_INITIAL}=${JSON.stringify(i)}, want ["${initialValue}"]`);
      check(t.length === 1 && Buffer.isBuffer(t[0]) && t[0].equals(trailingValue),
        `${what}: trailing metadata ${ECHO_TRAILING}=${t.map((b) => (Buffer.isBuffer(b) ? b.toString('hex') : b))}, want ababab`);
    };

    const r = await unary(ctx.client, 'UnaryCall', largeRequest(), { metadata: md() });
    check(!r.err, `UnaryCall failed: ${r.err && r.err.message}`);
    checkPayload(r.resp, 314159);
    verify('UnaryCall', r.initial, r.status.metadata);

    const rd = reader(ctx.client.FullDuplexCall(md(), { deadline: ctx.deadline() }));
    rd.call.write({
      response_type: 'COMPRESSABLE', response_parameters: [{ size: 314159 }], payload: { body: zeros(271828) },
    });
    rd.call.end();
    const { rest, status, initial } = await rd.finish();
    check(status.code === S.OK, `FullDuplexCall: status ${statusName(status.code)} (${status.details}), want OK`);
    check(rest.length === 1, `FullDuplexCall: ${rest.length} responses, want 1`);
    checkPayload(rest[0], 314159);
    verify('FullDuplexCall', initial, status.metadata);
  },

  async unimplemented_method() {
    const r = await unary(ctx.client, 'UnimplementedCall', {});
    expectStatus('TestService/UnimplementedCall', r.err, S.UNIMPLEMENTED);
  },

  async unimplemented_service() {
    const r = await unary(ctx.unimplementedClient, 'UnimplementedCall', {});
    expectStatus('UnimplementedService/UnimplementedCall', r.err, S.UNIMPLEMENTED);
  },

  async timeout_on_sleeping_server() {
    const rd = reader(ctx.client.FullDuplexCall({ deadline: new Date(Date.now() + 1) }));
    rd.call.write({ payload: { body: zeros(27182) } });
    const { status } = await rd.finish();
    expectStatus('FullDuplexCall with 1 ms deadline', status, S.DEADLINE_EXCEEDED);
  },

  async cancel_after_begin() {
    const err = await new Promise((resolve) => {
      const call = ctx.client.StreamingInputCall({ deadline: ctx.deadline() }, (e) => resolve(e));
      call.cancel();
    });
    expectStatus('StreamingInputCall', err, S.CANCELLED);
  },

  async cancel_after_first_response() {
    const rd = reader(ctx.client.FullDuplexCall({ deadline: ctx.deadline() }));
    rd.call.write({
      response_type: 'COMPRESSABLE', response_parameters: [{ size: 31415 }], payload: { body: zeros(27182) },
    });
    const m = await rd.next();
    check(m !== undefined, 'stream ended before the first response');
    checkPayload(m, 31415);
    rd.call.cancel();
    const { status } = await rd.finish();
    expectStatus('FullDuplexCall after cancel', status, S.CANCELLED);
  },

  async client_compressed_unary() {
    // 1. Feature probe: an uncompressed request that claims to be compressed must be refused.
    let r = await unary(ctx.client, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }));
    expectStatus('probe (uncompressed, expect_compressed=true)', r.err, S.INVALID_ARGUMENT);
    // 2. Compressed request, on the gzip channel.
    r = await unary(ctx.gzipClient, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }));
    check(!r.err, `compressed request failed: ${r.err && r.err.message}`);
    checkPayload(r.resp, 314159);
    // 3. Uncompressed request.
    r = await unary(ctx.client, 'UnaryCall', largeRequest({ expect_compressed: { value: false } }));
    check(!r.err, `uncompressed request failed: ${r.err && r.err.message}`);
    checkPayload(r.resp, 314159);
  },

  async server_compressed_unary() {
    check(flagHookInstalled, 'cannot observe the compressed flag: grpc-js internals changed ' +
      '(build/src/compression-filter CompressionFilter.receiveMessage)');
    for (const want of [true, false]) {
      receivedFlags.length = 0;
      const r = await unary(ctx.client, 'UnaryCall', largeRequest({ response_compressed: { value: want } }));
      check(!r.err, `response_compressed=${want}: ${r.err && r.err.message}`);
      checkPayload(r.resp, 314159);
      check(receivedFlags.length === 1 && receivedFlags[0] === (want ? 1 : 0),
        `response_compressed=${want}: compressed flag ${JSON.stringify(receivedFlags)}, want [${want ? 1 : 0}]`);
    }
  },
};

async function statusCase(message, withDuplex) {
  const responseStatus = { code: 2, message };
  const r = await unary(ctx.client, 'UnaryCall', { response_status: responseStatus });
  expectStatus('UnaryCall', r.err, S.UNKNOWN);
  check(r.err.details === message, `UnaryCall: message ${JSON.stringify(r.err.details)}, want ${JSON.stringify(message)}`);
  if (!withDuplex) return;
  const rd = reader(ctx.client.FullDuplexCall({ deadline: ctx.deadline() }));
  rd.call.write({ response_status: responseStatus });
  rd.call.end();
  const { status } = await rd.finish();
  expectStatus('FullDuplexCall', status, S.UNKNOWN);
  check(status.details === message, `FullDuplexCall: message ${JSON.stringify(status.details)}, want ${JSON.stringify(message)}`);
}

// ---- main ----------------------------------------------------------------------------------

function makeClients(flags) {
  const def = protoLoader.loadSync('grpc/testing/test.proto', {
    includeDirs: [PROTO_ROOT], keepCase: true, longs: String, enums: String, defaults: true,
  });
  const testing = grpc.loadPackageDefinition(def).grpc.testing;
  const host = flags.server_host.includes(':') && !flags.server_host.startsWith('[')
    ? `[${flags.server_host}]` : flags.server_host;
  const target = `${host}:${flags.server_port}`;
  const options = { 'grpc.max_receive_message_length': 16 * 1024 * 1024 };
  let creds = grpc.credentials.createInsecure();
  if (flags.use_tls) {
    const read = (f) => (f ? fs.readFileSync(f) : null);
    creds = grpc.credentials.createSsl(read(flags.ca_file), read(flags.client_key_file), read(flags.client_cert_file));
    // Verify the server certificate against this name and send it as :authority.
    options['grpc.ssl_target_name_override'] = flags.server_host_override;
    options['grpc.default_authority'] = flags.server_host_override;
  }
  return {
    client: new testing.TestService(target, creds, options),
    gzipClient: new testing.TestService(target, creds, { ...options, 'grpc.default_compression_algorithm': 2 }),
    unimplementedClient: new testing.UnimplementedService(target, creds, options),
  };
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  let names;
  if (flags.test_case === 'all') names = Object.keys(CASES);
  else if (flags.test_case in CASES) names = [flags.test_case];
  else usage(`unknown --test_case ${flags.test_case}`);

  Object.assign(ctx, makeClients(flags));
  ctx.deadline = () => new Date(Date.now() + flags.rpc_timeout_s * 1000);

  let failed = 0;
  for (const name of names) {
    const start = process.hrtime.bigint();
    try {
      await CASES[name]();
      console.log(`PASS ${name} (${Number((process.hrtime.bigint() - start) / 1000000n)} ms)`);
    } catch (e) {
      failed++;
      const why = e instanceof CaseFailed ? e.message
        : e && e.code !== undefined ? `unexpected RPC error: ${statusName(e.code)} ${JSON.stringify(e.details)}`
          : `exception: ${e && e.stack}`;
      console.error(`FAIL ${name}: ${why}`);
    }
  }
  for (const c of [ctx.client, ctx.gzipClient, ctx.unimplementedClient]) c.close();
  if (names.length > 1) console.log(`${names.length - failed} passed, ${failed} failed`);
  // Exit explicitly: after cancel_after_begin on an already-connected channel, grpc-js keeps a
  // ref'd deadline timer for the cancelled call, which would hold the process for
  // --rpc_timeout_s. stdout/stderr are synchronous for files and pipes, so nothing is lost.
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`interop_client.js: ${e && e.stack}`);
  process.exit(1);
});
