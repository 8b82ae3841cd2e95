import { request, requestJson } from "./client";
import type { TranscriptFormat, Video } from "./types";
import { toVideo, type WireVideo } from "./wire";

export async function listVideos(signal?: AbortSignal): Promise<Video[]> {
  return (await requestJson<{ videos: WireVideo[] }>("/api/videos", { signal })).videos.map(toVideo);
}

export async function getVideo(id: string, signal?: AbortSignal): Promise<Video> {
  return toVideo((await requestJson<{ video: WireVideo }>(`/api/videos/${encodeURIComponent(id)}`, { signal })).video);
}

export async function deleteVideo(id: string): Promise<void> {
  await request(`/api/videos/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export async function getTranscript(id: string, format: TranscriptFormat, signal?: AbortSignal): Promise<Response> {
  return request(`/api/videos/${encodeURIComponent(id)}/transcript?format=${format}`, { signal });
}
