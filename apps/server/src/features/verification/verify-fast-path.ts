import http from 'node:http';
import { callerAddress, isTrustedProxy } from '../../http/client-address.ts';
import { routeAccessLog } from '../../observability/logger.ts';
import { answerHeaders, requestIdFor } from './answer-headers.ts';
import {
  answerVerify,
  TOO_LARGE,
  VERIFY_BODY_LIMIT,
  VERIFY_ROUTE,
  type VerifyAnswer,
  type VerifyEndpointDeps,
} from './verify-request.ts';

/** Answers a request itself (true) or leaves it to the next listener (false). */
export type FastPath = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

const PREFIX = '/rest/organizations/';
const SUFFIX = '/apikeys/verify';
/** Organization ids the fast path takes as they are; anything else (percent-encoding…) is left to Hono. */
const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]+$/;
const PEER_ADDRESS = Symbol('keyward.peerAddress');

/**
 * `POST /rest/organizations/{org}/apikeys/verify` on node:http itself, before Hono (PRODUCT.md §9):
 * no Request/Response objects, no web streams, no generic middleware. Reads the body with the 1 MiB
 * cap, answers through answerVerify (the same checks and answers as the Hono route), and leaves the
 * connection usable (a body over the limit is drained, not cut).
 */
export function verifyFastPath(deps: VerifyEndpointDeps): FastPath {
  const trustProxy = deps.config.trustProxy;
  const accessLog = routeAccessLog(deps.logger, 'POST', VERIFY_ROUTE);
  // What the hardening middleware does for Hono's answers: verdict and request metrics, one access log line.
  const observe = (answer: VerifyAnswer, call: Call) => {
    const seconds = (performance.now() - call.started) / 1000;
    if (answer.code) deps.metrics.countVerdict(answer.code);
    deps.metrics.observeRequest('POST', VERIFY_ROUTE, answer.status, seconds);
    accessLog(call.requestId, answer.status, Math.round(seconds * 1e4) / 10, answer.keyId);
  };
  // The answers of one turn of the event loop are written together, at its end (setImmediate runs
  // right after the poll phase that read the requests): writes back to back wake a waiting client
  // once per batch rather than once per answer, and on this machine's virtual CPUs a wake-up is most
  // of what an answer costs (PRODUCT.md §9). No answer waits past the turn that computed it.
  let batch: Pending[] = [];
  const writeBatch = () => {
    const pending = batch;
    batch = [];
    for (const p of pending) write(p.req, p.res, p.answer, p.call);
  };
  const send = (req: http.IncomingMessage, res: http.ServerResponse, answer: VerifyAnswer, call: Call) => {
    if (batch.length === 0) setImmediate(writeBatch);
    batch.push({ req, res, answer, call });
  };
  const write = (req: http.IncomingMessage, res: http.ServerResponse, answer: VerifyAnswer, call: Call) => {
    const https = isHttps(req, trustProxy);
    res.writeHead(
      answer.status,
      answerHeaders(answer.contentType, Buffer.byteLength(answer.body), call.requestId, https),
    );
    res.end(answer.body);
    observe(answer, call);
  };
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const org = verifyOrgOf(req.url ?? '');
    if (org === null) return false;
    const headers = readHeaders(req.rawHeaders);
    const call: Call = { requestId: requestIdFor(headers.requestId), started: performance.now() };
    const declared = headers.contentLength;
    if (declared !== undefined && Number.parseInt(declared, 10) > VERIFY_BODY_LIMIT) {
      send(req, res, TOO_LARGE, call); // node drains the unread body once the answer is sent
      return true;
    }
    let first: Buffer | null = null;
    let more: Buffer[] | null = null;
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > VERIFY_BODY_LIMIT) {
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        req.resume(); // discard the rest: the connection stays usable for the next request
        send(req, res, TOO_LARGE, call);
        return;
      }
      if (first === null) first = chunk;
      else (more ??= [first]).push(chunk);
    };
    const onEnd = () => {
      const body: Buffer | null = more ? Buffer.concat(more) : first;
      const text = body === null ? '' : body.toString('utf8');
      const answer = answerVerify(deps.verifier, org, headers.contentType, text, () => peerAddress(req, trustProxy));
      if (answer instanceof Promise) void answer.then((a) => send(req, res, a, call));
      else send(req, res, answer, call);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', ignore); // a client gone mid-body: nothing to answer
    return true;
  };
}

function ignore(): void {}

interface VerifyHeaders {
  contentLength: string | undefined;
  contentType: string | undefined;
  requestId: string | undefined;
}

/**
 * The three request headers the fast path reads, as `req.headers` would give them (the first
 * Content-Length and Content-Type; X-Request-Id values joined with ", "), from rawHeaders: reading
 * `req.headers` builds an object of every header, on every call.
 */
export function readHeaders(raw: readonly string[]): VerifyHeaders {
  const out: VerifyHeaders = { contentLength: undefined, contentType: undefined, requestId: undefined };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 14 && out.contentLength === undefined && name.toLowerCase() === 'content-length')
      out.contentLength = raw[i + 1];
    else if (name.length === 12) {
      const lower = name.toLowerCase();
      if (lower === 'content-type') out.contentType ??= raw[i + 1];
      else if (lower === 'x-request-id')
        out.requestId = out.requestId === undefined ? raw[i + 1] : `${out.requestId}, ${raw[i + 1]}`;
    }
  }
  return out;
}

/** The organization of a verify URL (query string allowed), or null when it is not one. */
function verifyOrgOf(url: string): string | null {
  if (!url.startsWith(PREFIX)) return null;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (!path.endsWith(SUFFIX)) return null;
  const org = path.slice(PREFIX.length, path.length - SUFFIX.length);
  return PLAIN_SEGMENT.test(org) ? org : null;
}

interface Call {
  requestId: string;
  started: number;
}

interface Pending {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  answer: VerifyAnswer;
  call: Call;
}

/** Over TLS, or X-Forwarded-Proto: https from a trusted proxy (the rule of the generic pipeline's HSTS). */
function isHttps(req: http.IncomingMessage, trustProxy: readonly string[]): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (trustProxy.length === 0) return false;
  const remote = req.socket.remoteAddress;
  if (!remote || !isTrustedProxy(remote, trustProxy)) return false;
  const proto = req.headers['x-forwarded-proto'];
  return typeof proto === 'string' && proto.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** clientAddress for node:http; the peer's normalized address is kept on its socket (one parse per connection). */
function peerAddress(req: http.IncomingMessage, trustProxy: readonly string[]): string | null {
  const socket = req.socket as typeof req.socket & { [PEER_ADDRESS]?: string | null };
  const remote = socket.remoteAddress ?? null;
  if (remote !== null && trustProxy.length > 0 && isTrustedProxy(remote, trustProxy))
    return callerAddress(remote, req.headers['x-forwarded-for'] as string | undefined, trustProxy);
  if (socket[PEER_ADDRESS] === undefined) socket[PEER_ADDRESS] = callerAddress(remote, undefined, trustProxy);
  return socket[PEER_ADDRESS];
}

/**
 * A `createServer` for @hono/node-server's `serve` that gives each request to the fast paths
 * first, then to Hono.
 */
export function createServerWithFastPaths(...fastPaths: FastPath[]): typeof http.createServer {
  const create = (options: http.ServerOptions, listener: http.RequestListener): http.Server =>
    http.createServer(options, (req, res) => {
      for (const fastPath of fastPaths) if (fastPath(req, res)) return;
      listener(req, res);
    });
  return create as typeof http.createServer;
}
