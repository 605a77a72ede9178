import type { Response } from 'express';
import { isJsonMediaType, mediaTypeOf } from './contract';
import type { MalformedMode } from './faults';
import { PROBLEM_CONTENT_TYPE, type ProblemBody } from './problem';

/** Set on `res.locals.malformed` by a malformed-body fault: the next answer is corrupted this way. */
export interface MalformedAnswer {
  readonly mode: MalformedMode;
  readonly status?: number;
}

/** Writes a response, corrupting it when a malformed-body fault hit this request. */
export function writeResponse(
  res: Response,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  contentType?: string,
): void {
  if (res.headersSent || res.destroyed) return;
  const malformed = res.locals.malformed as MalformedAnswer | undefined;
  let text: string | undefined =
    body === undefined
      ? undefined
      : typeof body === 'string' && contentType && !isJsonMediaType(mediaTypeOf(contentType))
        ? body
        : JSON.stringify(body);
  let type = contentType ?? (body === undefined ? undefined : 'application/json');
  let code = status;
  if (malformed) {
    const m = malformed;
    type = type ?? 'application/json';
    code = m.status ?? status;
    const original = text ?? '{}';
    switch (m.mode) {
      case 'truncated':
        text = original.slice(0, Math.max(1, Math.floor(original.length / 2)));
        if (text === original) text = original.slice(0, -1) || '{';
        break;
      case 'garbage':
        text = '<html><body>502 Bad Gateway</body></html>\u0000\ufffd';
        break;
      case 'empty':
        text = '';
        break;
      case 'wrong-shape':
        text = JSON.stringify([{ unexpected: true }]);
        break;
    }
  }
  res.status(code);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (type !== undefined) res.setHeader('Content-Type', type);
  res.end(text);
}

/** Writes an RFC 9457 problem. */
export function writeProblem(
  res: Response,
  body: ProblemBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  writeResponse(res, body.status, body, headers, PROBLEM_CONTENT_TYPE);
}
