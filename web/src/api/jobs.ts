import { requestJson } from "./client";
import type { Clip, Job, JobSettings } from "./types";
import { toClip, toJob, type WireClip, type WireJob } from "./wire";

export async function createJob(videoId: string, settings: JobSettings): Promise<Job> {
  const path = `/api/videos/${encodeURIComponent(videoId)}/jobs`;
  return toJob((await requestJson<{ job: WireJob }>(path, { method: "POST", body: settings })).job);
}

// A video's jobs, newest first.
export async function listJobs(videoId: string, signal?: AbortSignal): Promise<Job[]> {
  const path = `/api/videos/${encodeURIComponent(videoId)}/jobs`;
  return (await requestJson<{ jobs: WireJob[] }>(path, { signal })).jobs.map(toJob);
}

export async function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return toJob((await requestJson<{ job: WireJob }>(`/api/jobs/${encodeURIComponent(id)}`, { signal })).job);
}

export async function cancelJob(id: string): Promise<Job> {
  const path = `/api/jobs/${encodeURIComponent(id)}/cancel`;
  return toJob((await requestJson<{ job: WireJob }>(path, { method: "POST" })).job);
}

export async function listClips(jobId: string, signal?: AbortSignal): Promise<Clip[]> {
  const path = `/api/jobs/${encodeURIComponent(jobId)}/clips`;
  return (await requestJson<{ clips: WireClip[] }>(path, { signal })).clips.map(toClip);
}

export function jobEventsPath(id: string): string {
  return `/api/jobs/${encodeURIComponent(id)}/events`;
}
