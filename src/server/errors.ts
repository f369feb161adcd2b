/**
 * The one HTTP error type. Routes throw it; the app's error handler turns it into a JSON body for the
 * API ({ error: { status, code, message, details? } }) or an error page for people, so every refusal
 * says what was wrong in the same shape.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422 | 500 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type ErrorBody = { error: { status: number; code: string; message: string; details?: unknown } };

export function errorBody(e: HttpError): ErrorBody {
  return { error: { status: e.status, code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } };
}
