// A stand-in for the clipgen server in component tests: fetch is replaced by a table of
// routes ("METHOD /path" -> handler); every call is recorded so tests can check what was sent.
import { vi } from "vitest";

export interface Call {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

export function apiError(status: number, code: string, message: string, field?: string): Response {
  return json(status, { error: { code, message, ...(field ? { field } : {}) } });
}

// A text/event-stream response whose events the test pushes when it wants, named as the server
// names them ("update" while the job runs, "end" with the finished job).
export function eventStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(stream, { status: 200, headers: { "Content-Type": "text/event-stream" } }),
    send: (data: unknown, event = "update") => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    keepAlive: () => controller.enqueue(encoder.encode(": keep-alive\n\n")),
    close: () => controller.close(),
  };
}

export function fakeApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init.method ?? "GET").toUpperCase();
    const raw = init.body;
    const body = typeof raw === "string" ? JSON.parse(raw) : raw;
    const call: Call = { method, path: url.pathname + url.search, headers: new Headers(init.headers), credentials: init.credentials, body };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname + url.search}`] ?? routes[`${method} ${url.pathname}`];
    if (!handler) return apiError(404, "not_found", `no route ${method} ${url.pathname}`);
    return handler(call);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls, fetchMock };
}

export const user = { id: "u1", email: "ada@example.com" };

export const video = {
  id: "v1",
  filename: "podcast.mp4",
  size_bytes: 12_500_000,
  duration: 88.1,
  width: 1280,
  height: 720,
  has_audio: true,
  status: "ready",
  created_at: "2026-11-25T10:00:00Z",
};

export function job(overrides: Record<string, unknown> = {}) {
  return {
    id: "j1",
    video_id: "v1",
    status: "running",
    stage: "transcribe",
    progress: 40,
    error: null,
    settings: { num_clips: 3, aspect: "9:16" },
    created_at: "2026-11-25T10:01:00Z",
    started_at: "2026-11-25T10:01:01Z",
    finished_at: null,
    ...overrides,
  };
}

export function clip(n: number, score: number, start: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `c${n}`,
    job_id: "j1",
    video_id: "v1",
    number: n,
    start,
    end: start + 30,
    duration: 30,
    title: `Clip title ${n}`,
    text: `Words spoken in clip ${n}.`,
    reason: `Reason ${n}`,
    score,
    hashtags: ["talk"],
    download_url: `/files/c${n}.mp4?expires=1&signature=ab`,
    thumbnail_url: `/files/c${n}.jpg?expires=1&signature=ab`,
    version: 1,
    aspect: "9:16",
    layout: "auto",
    captions: true,
    caption_style: "bold",
    origin: "job",
    pending_job_id: null,
    ...overrides,
  };
}

// Signs a fake user in the way the app remembers it (the session cookie is the browser's).
export function signIn(email = user.email) {
  localStorage.setItem("clipgen.user", JSON.stringify({ email }));
}
