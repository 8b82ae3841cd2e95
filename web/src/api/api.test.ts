import { describe, expect, it, vi } from "vitest";
import { apiError, eventStream, fakeApi, job, json } from "../test/fakeApi";
import { ApiError, request, setSession } from "./client";
import { watchJob } from "./events";
import type { Job } from "./types";

describe("request", () => {
  it("turns the server's error body into an ApiError with its code, message and field", async () => {
    fakeApi({ "GET /api/x": () => apiError(422, "invalid_input", "num_clips: must be between 1 and 20, got 0", "num_clips") });
    const error = await request("/api/x").catch((e: unknown) => e);
    expect(error).toEqual(new ApiError(422, "invalid_input", "num_clips: must be between 1 and 20, got 0", "num_clips"));
    expect((error as ApiError).field).toBe("num_clips");
  });

  it("says what happened when a proxy answers in HTML, or nothing answers", async () => {
    fakeApi({ "GET /api/x": () => new Response("<html>Bad Gateway</html>", { status: 502, statusText: "Bad Gateway" }) });
    await expect(request("/api/x")).rejects.toThrow("The server answered 502 Bad Gateway.");
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    await expect(request("/api/x")).rejects.toThrow("Could not reach the server");
  });

  it("reports an expired session only for requests made while signed in", async () => {
    const expired = vi.fn();
    fakeApi({ "GET /api/x": () => apiError(401, "unauthorized", "token expired") });
    setSession(false, expired);
    await expect(request("/api/x")).rejects.toThrow("token expired");
    expect(expired).not.toHaveBeenCalled();
    setSession(true, expired);
    await expect(request("/api/x")).rejects.toThrow("token expired");
    expect(expired).toHaveBeenCalledOnce();
    setSession(false);
  });
});

describe("watchJob", () => {
  it("polls when the stream ends before the job is finished", async () => {
    const stream = eventStream();
    let polls = 0;
    fakeApi({
      "GET /api/jobs/j1/events": () => stream.response,
      "GET /api/jobs/j1": () => json(200, { job: job(++polls < 2 ? { progress: 90 } : { status: "succeeded", progress: 100 }) }),
    });
    const seen: Job[] = [];
    const modes: string[] = [];
    const watching = watchJob("j1", {
      signal: new AbortController().signal,
      onJob: (j) => seen.push(j),
      onMode: (m) => modes.push(m),
      pollMs: 1,
    });
    await vi.waitFor(() => expect(modes).toEqual(["live"]));
    stream.send(job({ progress: 50 }));
    stream.close();
    await watching;
    expect(modes).toEqual(["live", "polling"]);
    expect(seen.map((j) => [j.status, j.progress])).toEqual([
      ["running", 50],
      ["running", 90],
      ["succeeded", 100],
    ]);
  });
});
