// One fetch wrapper for every API call: JSON in and out, and errors turned into ApiError with
// the server's own words ({"error": {"code", "message", "field"}}). The page never holds the
// access token: the server keeps it in an HttpOnly session cookie that the browser sends with
// every same-origin request, out of reach of any script on the page.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface Session {
  signedIn: boolean;
  // Called when the server answers 401 to a request made while signed in: the session has
  // expired or been ended (logged out elsewhere, password changed, account deleted).
  onExpired: () => void;
}

const session: Session = { signedIn: false, onExpired: () => {} };

export function setSession(signedIn: boolean, onExpired?: () => void): void {
  session.signedIn = signedIn;
  if (onExpired) session.onExpired = onExpired;
}

export function isSignedIn(): boolean {
  return session.signedIn;
}

// Reads the error body the server sends; falls back to the status text for proxies and
// servers that answer in HTML or not at all.
export async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = statusMessage(response.status, response.statusText);
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    if (body?.error?.message) {
      return new ApiError(response.status, body.error.code ?? "error", body.error.message, body.error.field);
    }
  } catch {
    // Not JSON: the fallback below says what happened.
  }
  return new ApiError(response.status, "http_" + response.status, fallback);
}

export function statusMessage(status: number, statusText = ""): string {
  switch (status) {
    case 0:
      return "Could not reach the server. Check your connection and try again.";
    case 401:
      return "Your session has expired. Please log in again.";
    case 404:
      return "Not found.";
    case 413:
      return "The file is larger than the server accepts.";
    default:
      return `The server answered ${status}${statusText ? " " + statusText : ""}.`;
  }
}

export function reportExpired(response: Response, wasSignedIn: boolean): void {
  if (response.status === 401 && wasSignedIn) session.onExpired();
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  contentType?: string; // of a Blob body (a file sent as it is)
  signal?: AbortSignal;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body instanceof Blob) {
    headers["Content-Type"] = options.contentType ?? (options.body.type || "application/octet-stream");
    body = options.body;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const wasSignedIn = session.signedIn;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body,
      signal: options.signal,
      credentials: "same-origin",
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "network", statusMessage(0));
  }
  if (!response.ok) {
    reportExpired(response, wasSignedIn);
    throw await errorFrom(response);
  }
  return response;
}

export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  return (await response.json()) as T;
}
