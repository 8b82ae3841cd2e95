// Following a job live: its SSE stream read with fetch (so errors have a status and a body),
// and polling GET /api/jobs/{id} when the stream is not available or breaks off.
import { SseParser } from "../lib/sse";
import { ApiError, request } from "./client";
import { getJob, jobEventsPath } from "./jobs";
import { isFinished, type Job } from "./types";
import { toJob, type WireJob } from "./wire";

export type WatchMode = "live" | "polling";

export interface WatchOptions {
  onJob: (job: Job) => void;
  onMode?: (mode: WatchMode) => void;
  onError?: (error: ApiError) => void;
  signal: AbortSignal;
  pollMs?: number;
}

export async function watchJob(id: string, options: WatchOptions): Promise<void> {
  const last = await streamJob(id, options).catch((e: unknown) => {
    if (isAbort(e)) throw e;
    if (e instanceof ApiError && e.status === 401) throw e;
    return null;
  });
  if (last && isFinished(last.status)) return;
  if (options.signal.aborted) return;
  options.onMode?.("polling");
  await pollJob(id, options);
}

// Returns the last job seen when the stream ends.
async function streamJob(id: string, options: WatchOptions): Promise<Job | null> {
  const response = await request(jobEventsPath(id), { signal: options.signal });
  if (!response.body || !(response.headers.get("Content-Type") ?? "").includes("text/event-stream")) return null;
  options.onMode?.("live");
  const parser = new SseParser();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let last: Job | null = null;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return last;
      for (const event of parser.push(value)) {
        const job = parseJob(event.data);
        if (!job) continue;
        last = job;
        options.onJob(job);
        if (isFinished(job.status)) return job;
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

// Each event's data is the job ("update" while it runs, "end" when it is finished); data that
// is not a job (the "end" of a job deleted meanwhile) is skipped.
function parseJob(data: string): Job | null {
  try {
    const job = JSON.parse(data) as WireJob;
    return typeof job?.id === "string" && typeof job.status === "string" ? toJob(job) : null;
  } catch {
    return null;
  }
}

async function pollJob(id: string, options: WatchOptions): Promise<void> {
  const interval = options.pollMs ?? 1500;
  while (!options.signal.aborted) {
    try {
      const job = await getJob(id, options.signal);
      options.onJob(job);
      if (isFinished(job.status)) return;
    } catch (e) {
      if (isAbort(e)) return;
      if (e instanceof ApiError) {
        options.onError?.(e);
        if (e.status === 401 || e.status === 404) return;
      }
    }
    await sleep(interval, options.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}
