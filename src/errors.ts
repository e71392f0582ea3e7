import type { ZodError } from 'zod';

/**
 * Every error a client can meet has a stable code; the code alone decides the HTTP status, in
 * this one table, and the web app translates codes (not English sentences).
 */
export const ERROR_STATUS = {
  'validation.invalid': 400,
  'request.malformed_json': 400,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  'auth.password_change_required': 403,
  'auth.foreign_origin': 403,
  'auth.account_disabled': 403,
  not_found: 404,
  'method.not_allowed': 405,
  conflict: 409,
  'reference.unknown': 422,
  'reference.in_use': 409,
  'user.email_taken': 409,
  'user.last_admin': 409,
  'grant.exists': 409,
  'grant.last_organiser': 409,
  'agreement.version_conflict': 412,
  'organization.version_conflict': 412,
  'locality.version_conflict': 412,
  'user.version_conflict': 412,
  'profile.version_conflict': 412,
  'forum.version_conflict': 412,
  'forum.state': 409,
  'programme.conflict': 422,
  'delegation.state': 409,
  'delegation.member_limit': 422,
  'invitation.used': 409,
  'meeting.state': 409,
  'meeting.request_limit': 422,
  'meeting.rule': 422,
  'meeting.version_conflict': 412,
  'invitation.expired': 410,
  'exhibition.floor': 422,
  'checkin.unknown_code': 404,
  'project.version_conflict': 412,
  'milestone.version_conflict': 412,
  'ceremony.version_conflict': 412,
  'ceremony.state': 409,
  'news.version_conflict': 412,
  'request.precondition_required': 428,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'upload.empty': 400,
  'upload.too_large': 413,
  'upload.unsupported_type': 415,
  'upload.unreadable': 422,
  'auth.rate_limited': 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Seconds after which trying again may succeed (sent as `Retry-After`, with 429). */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('not_found', `${what} ${id} does not exist`);

export const fieldErrorsFromZod = (error: ZodError, prefix = ''): FieldError[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
    code: issue.code,
  }));

export const validationError = (errors: FieldError[], where = 'request') =>
  new AppError(
    'validation.invalid',
    `The ${where} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    errors,
  );

/** RFC 9457 problem details body. */
export function problemBody(err: AppError, instance?: string) {
  return {
    type: `https://kizuna.dev/problems/${err.code}`,
    title: err.code,
    status: err.status,
    detail: err.detail,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(err.errors.length ? { errors: err.errors } : {}),
  };
}
