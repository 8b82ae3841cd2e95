// One clip: read, edit (re-rendered by a render job), make by hand, delete.
import { request, requestJson } from "./client";
import type { Clip, ClipEdit, Job, NewClip } from "./types";
import { toClip, toJob, type WireClip, type WireJob } from "./wire";

function clipPath(id: string): string {
  return `/api/clips/${encodeURIComponent(id)}`;
}

export async function getClip(id: string, signal?: AbortSignal): Promise<Clip> {
  return toClip((await requestJson<{ clip: WireClip }>(clipPath(id), { signal })).clip);
}

// What an edit answers: the clip as it was, and the render job that makes the new one (none
// when only the title changed: then `clip` is already the new clip).
export interface EditResult {
  clip: Clip;
  job: Job | null;
}

export async function editClip(id: string, edit: ClipEdit): Promise<EditResult> {
  const answer = await requestJson<{ clip: WireClip; job?: WireJob }>(clipPath(id), { method: "PATCH", body: edit });
  return { clip: toClip(answer.clip), job: answer.job ? toJob(answer.job) : null };
}

export async function createClip(videoId: string, clip: NewClip): Promise<{ clip: Clip; job: Job }> {
  const path = `/api/videos/${encodeURIComponent(videoId)}/clips`;
  const answer = await requestJson<{ clip: WireClip; job: WireJob }>(path, { method: "POST", body: clip });
  return { clip: toClip(answer.clip), job: toJob(answer.job) };
}

export async function deleteClip(id: string): Promise<void> {
  await request(clipPath(id), { method: "DELETE" });
}
