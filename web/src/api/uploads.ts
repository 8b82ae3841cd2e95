// Uploading a video with progress and cancel. When the server offers direct-to-bucket uploads
// (POST /api/uploads answers with a presigned PUT URL), the file goes straight to storage and
// a completion call registers it; when that route answers 404, the file is sent to the API as
// multipart (POST /api/videos). XMLHttpRequest, not fetch: only it reports upload progress.
import { ApiError, errorFrom, isSignedIn, reportExpired, requestJson, statusMessage } from "./client";
import type { Video } from "./types";
import { toVideo, type WireVideo } from "./wire";

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

interface DirectUpload {
  id: string;
  url: string;
  method?: string;
  headers?: Record<string, string>;
}

export async function uploadVideo(file: File, options: UploadOptions = {}): Promise<Video> {
  const direct = await startDirectUpload(file, options.signal);
  if (!direct) {
    const form = new FormData();
    form.append("file", file, file.name);
    const response = await send("POST", "/api/videos", form, {}, options);
    return toVideo(((await response.json()) as { video: WireVideo }).video);
  }
  const headers = { "Content-Type": file.type || "application/octet-stream", ...direct.headers };
  await send(direct.method ?? "PUT", direct.url, file, headers, options);
  const path = `/api/uploads/${encodeURIComponent(direct.id)}/complete`;
  return toVideo((await requestJson<{ video: WireVideo }>(path, { method: "POST", signal: options.signal })).video);
}

// null when the server has no direct upload (404): it takes the file itself.
async function startDirectUpload(file: File, signal?: AbortSignal): Promise<DirectUpload | null> {
  try {
    const body = { filename: file.name, content_type: file.type || "application/octet-stream", size_bytes: file.size };
    return (await requestJson<{ upload: DirectUpload }>("/api/uploads", { method: "POST", body, signal })).upload;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}

function send(
  method: string,
  url: string,
  body: XMLHttpRequestBodyInit,
  headers: Record<string, string>,
  options: UploadOptions,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    // Only our own API knows the session; a 401 from the bucket says nothing about it.
    const wasSignedIn = url.startsWith("/") && isSignedIn();
    const abort = () => xhr.abort();
    if (options.signal?.aborted) {
      reject(new DOMException("Upload canceled", "AbortError"));
      return;
    }
    options.signal?.addEventListener("abort", abort, { once: true });
    const done = () => options.signal?.removeEventListener("abort", abort);

    xhr.open(method, url);
    xhr.responseType = "blob";
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = async () => {
      done();
      const response = new Response(xhr.status === 204 ? null : xhr.response, { status: xhr.status, statusText: xhr.statusText });
      if (response.ok) {
        resolve(response);
        return;
      }
      reportExpired(response, wasSignedIn);
      reject(await errorFrom(response));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, "network", statusMessage(0)));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException("Upload canceled", "AbortError"));
    };
    xhr.send(body);
  });
}
