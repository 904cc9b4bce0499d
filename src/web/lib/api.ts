import i18n from '../i18n';

const CSRF_COOKIE = 'attest_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface ErrorBody {
  requestId?: string;
  code?: string;
  message?: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ErrorBody, retryAfterSeconds: number | null) {
    super(body.message ?? '');
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network_error' : 'http_error');
    this.requestId = body.requestId;
    this.details = body.details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let csrfRequest: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  csrfRequest ??= request<{ csrfToken: string }>('GET', '/api/auth/csrf')
    .then((body) => readCookie(CSRF_COOKIE) ?? body.csrfToken)
    .finally(() => {
      csrfRequest = null;
    });
  return csrfRequest;
}

async function csrfToken(): Promise<string> {
  return readCookie(CSRF_COOKIE) ?? fetchCsrfToken();
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.resolvedLanguage ?? 'en',
  };
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (UNSAFE_METHODS.has(method)) headers['x-csrf-token'] = await csrfToken();
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {}, null);
  }
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body);
  if (response.status === 403 && UNSAFE_METHODS.has(method)) {
    const error = (await response.clone().json().catch(() => ({}))) as ErrorBody;
    if (/csrf/i.test(error.code ?? '')) {
      await fetchCsrfToken();
      response = await send(method, path, body);
    }
  }
  const data = await readBody(response);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      (data ?? {}) as ErrorBody,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  return data as T;
}

/** A raw-body upload (the file is the body, its name in the query string), answered in JSON. */
export async function upload<T>(path: string, file: Blob): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json', 'accept-language': i18n.resolvedLanguage ?? 'en', 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': await csrfToken() },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, {}, null);
  }
  const data = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, (data ?? {}) as ErrorBody, parseRetryAfter(response.headers.get('retry-after')));
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
  /** The file itself as the body (streamed by the server, never parsed), with its own Content-Type. */
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, file),
};

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
