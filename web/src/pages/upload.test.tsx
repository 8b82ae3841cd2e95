import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeApi, json, signIn, video } from "../test/fakeApi";
import { FakeXhr } from "../test/fakeXhr";
import { renderApp } from "../test/renderApp";

const file = () => new File([new Uint8Array(10_000_000)], "podcast.mp4", { type: "video/mp4" });

async function chooseFile(f: File) {
  await userEvent.upload(screen.getByLabelText("Choose a video file"), f);
  await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  return FakeXhr.sent[0];
}

describe("upload", () => {
  beforeEach(() => {
    signIn();
    FakeXhr.install();
  });

  it("sends the file as multipart when the server has no direct upload, showing progress, speed and time left", async () => {
    const { calls } = fakeApi({
      "POST /api/uploads": () => apiError(404, "not_found", "no such route"),
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
    });
    const now = vi.spyOn(performance, "now").mockReturnValue(0);
    renderApp("/upload");
    const xhr = await chooseFile(file());
    expect(calls[0].body).toEqual({ filename: "podcast.mp4", content_type: "video/mp4", size_bytes: 10_000_000 });
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/api/videos");
    expect(xhr.headers.Authorization).toBeUndefined();  // the session cookie goes by itself
    expect((xhr.body as FormData).get("file")).toBeInstanceOf(File);

    now.mockReturnValue(2000);
    act(() => xhr.progress(2_000_000, 10_000_000));
    expect(screen.getByRole("progressbar", { name: "Upload progress" })).toHaveAttribute("aria-valuenow", "20");
    expect(screen.getByText("1.0 MB/s")).toBeInTheDocument();
    expect(screen.getByText("10 s left")).toBeInTheDocument();

    act(() => xhr.respond(201, { video }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/videos/v1"));
    expect(await screen.findByText(/Uploaded\. Choose how you want your clips/)).toBeInTheDocument();
  });

  it("puts the file straight into the bucket when the server offers a presigned URL, then completes it", async () => {
    const { calls } = fakeApi({
      "POST /api/uploads": () =>
        json(201, { upload: { id: "up1", url: "https://bucket.example/k?X-Amz-Signature=1", method: "PUT", headers: { "x-amz-meta-a": "1" } } }),
      "POST /api/uploads/up1/complete": () => json(201, { video }),
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
    });
    renderApp("/upload");
    const xhr = await chooseFile(file());
    expect(xhr.method).toBe("PUT");
    expect(xhr.url).toBe("https://bucket.example/k?X-Amz-Signature=1");
    expect(xhr.headers).toEqual({ "Content-Type": "video/mp4", "x-amz-meta-a": "1" });
    expect(xhr.body).toBeInstanceOf(File);
    act(() => xhr.respond(200, {}));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/videos/v1"));
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain("POST /api/uploads/up1/complete");
  });

  it("shows the server's 413 and 422 messages as they are", async () => {
    fakeApi({ "POST /api/uploads": () => apiError(404, "not_found", "no such route") });
    renderApp("/upload");
    let xhr = await chooseFile(file());
    act(() => xhr.respond(413, { error: { code: "too_large", message: "The file is 10.0 MB; the limit is 5 MB" } }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The file is 10.0 MB; the limit is 5 MB");

    FakeXhr.sent = [];
    xhr = await chooseFile(file());
    act(() => xhr.respond(422, { error: { code: "invalid_input", message: "podcast.mp4 has no audio stream", field: "file" } }));
    expect(await screen.findByRole("alert")).toHaveTextContent("podcast.mp4 has no audio stream");
  });

  it("cancels an upload in flight", async () => {
    fakeApi({ "POST /api/uploads": () => apiError(404, "not_found", "no such route") });
    renderApp("/upload");
    const xhr = await chooseFile(file());
    await userEvent.click(screen.getByRole("button", { name: "Cancel upload" }));
    expect(xhr.aborted).toBe(true);
    expect(await screen.findByText("Upload canceled.")).toBeInTheDocument();
    expect(screen.getByLabelText("Choose a video file")).toBeInTheDocument();
  });

  it("takes a file dropped on the drop zone", async () => {
    fakeApi({ "POST /api/uploads": () => apiError(404, "not_found", "no such route") });
    renderApp("/upload");
    const zone = screen.getByText("Drag and drop a video here").closest("label")!;
    fireEvent.dragOver(zone, { dataTransfer: { files: [] } });
    expect(zone).toHaveClass("dragging");
    fireEvent.drop(zone, { dataTransfer: { files: [file()] } });
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    expect(screen.getByText("podcast.mp4")).toBeInTheDocument();
  });
});
