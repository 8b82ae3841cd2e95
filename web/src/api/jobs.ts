import { requestJson } from "./client";
import type { Clip, Job, JobSettings } from "./types";

export async function createJob(videoId: string, settings: JobSettings): Promise<Job> {
  const path = `/api/videos/${encodeURIComponent(videoId)}/jobs`;
  return (await requestJson<{ job: Job }>(path, { method: "POST", body: settings })).job;
}

// Every job of the signed-in user, newest first; with a video id, that video's only.
export async function listJobs(videoId?: string, signal?: AbortSignal): Promise<Job[]> {
  const query = videoId ? `?video_id=${encodeURIComponent(videoId)}` : "";
  return (await requestJson<{ jobs: Job[] }>(`/api/jobs${query}`, { signal })).jobs;
}

export async function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return (await requestJson<{ job: Job }>(`/api/jobs/${encodeURIComponent(id)}`, { signal })).job;
}

export async function cancelJob(id: string): Promise<Job> {
  return (await requestJson<{ job: Job }>(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST" })).job;
}

export async function listClips(jobId: string, signal?: AbortSignal): Promise<Clip[]> {
  return (await requestJson<{ clips: Clip[] }>(`/api/jobs/${encodeURIComponent(jobId)}/clips`, { signal })).clips;
}

export function jobEventsPath(id: string): string {
  return `/api/jobs/${encodeURIComponent(id)}/events`;
}
