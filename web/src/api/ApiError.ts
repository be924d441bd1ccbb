export interface ApiErrorDetail {
  path?: string;
  message: string;
}

interface ApiErrorInit {
  code: string;
  message: string;
  status: number;
  details?: readonly ApiErrorDetail[];
  requestId?: string;
  /** `details` exactly as the server sent them (some carry more than a path and a message). */
  rawDetails?: readonly unknown[];
}

export const NETWORK_ERROR_CODE = 'network_error';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseDetail(value: unknown): ApiErrorDetail | null {
  if (!isRecord(value) || typeof value.message !== 'string') return null;
  return typeof value.path === 'string'
    ? { path: value.path, message: value.message }
    : { message: value.message };
}

function parseDetails(value: unknown): ApiErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseDetail).filter((detail) => detail !== null);
}

/** An error reported by the EduLedger API, or the failure to get an answer from it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  /** HTTP status of the response; 0 when no response arrived. */
  readonly status: number;
  readonly details: readonly ApiErrorDetail[];
  readonly requestId: string | undefined;
  /** The details as sent, e.g. `{ id, status, reason }` of a refused transition. */
  readonly rawDetails: readonly unknown[];

  constructor({ code, message, status, details = [], requestId, rawDetails = [] }: ApiErrorInit) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
    this.requestId = requestId;
    this.rawDetails = rawDetails;
  }

  /** Reads the server's `{ error: { code, message, details?, requestId? } }` body; null when the body has another shape. */
  static fromBody(status: number, body: unknown): ApiError | null {
    if (!isRecord(body) || !isRecord(body.error)) return null;
    const { code, message, details, requestId } = body.error;
    if (typeof code !== 'string' || typeof message !== 'string') return null;
    return new ApiError({
      code,
      message,
      status,
      details: parseDetails(details),
      requestId: typeof requestId === 'string' ? requestId : undefined,
      rawDetails: Array.isArray(details) ? (details as unknown[]) : [],
    });
  }

  static network(message: string, status = 0): ApiError {
    return new ApiError({ code: NETWORK_ERROR_CODE, message, status });
  }
}
