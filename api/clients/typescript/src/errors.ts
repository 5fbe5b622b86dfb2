// Typed error bodies for the generated typescript-fetch client, which throws ResponseError with the raw
// Response: the contract's two error shapes, told apart by status (see api/CLIENTS.md).
import { ResponseError } from '../target/generated/runtime.js';
import { type ErrorMessage, ErrorMessageFromJSON } from '../target/generated/models/ErrorMessage.js';
import { type ValidationErrors, ValidationErrorsFromJSON } from '../target/generated/models/ValidationErrors.js';

/** 422: one entry per offending field, e.g. `"contactId or email": {message, rule: "required"}`. */
export interface ValidationFailure { kind: 'validation'; status: 422; fields: ValidationErrors }
/** 400, 401, 404, 413, 415, 429: `{"msg": "..."}`. */
export interface MessageFailure { kind: 'message'; status: 400 | 401 | 404 | 413 | 415 | 429; error: ErrorMessage }
/** Any other status, or a body that is not the documented JSON. */
export interface UnexpectedFailure { kind: 'unexpected'; status: number; text: string }
export type ApiFailure = ValidationFailure | MessageFailure | UnexpectedFailure;

const MESSAGE_STATUSES = [400, 401, 404, 413, 415, 429] as const;

/** Reads a failed call's body as the contract documents it; rethrows anything that is not a ResponseError. */
export async function apiFailure(thrown: unknown): Promise<ApiFailure> {
  if (!(thrown instanceof ResponseError)) {
    throw thrown;
  }
  const status = thrown.response.status;
  const text = await thrown.response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unexpected', status, text };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'unexpected', status, text };
  }
  if (status === 422) {
    return { kind: 'validation', status, fields: ValidationErrorsFromJSON(json) };
  }
  const messageStatus = MESSAGE_STATUSES.find((documented) => documented === status);
  if (messageStatus !== undefined && typeof (json as { msg?: unknown }).msg === 'string') {
    return { kind: 'message', status: messageStatus, error: ErrorMessageFromJSON(json) };
  }
  return { kind: 'unexpected', status, text };
}
