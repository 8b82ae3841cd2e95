import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clip, fakeApi, job, json, signIn, video } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("dashboard", () => {
  beforeEach(() => signIn());

  it("lists my videos with status, duration, thumbnail and their jobs", async () => {
    const other = { ...video, id: "v2", filename: "lecture.mov", status: "uploaded", duration: 3725 };
    fakeApi({
      "GET /api/videos": () => json(200, { videos: [video, other] }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [job({ id: "j1", status: "succeeded", progress: 100 }), job({ id: "j0", status: "failed" })] }),
      "GET /api/videos/v2/jobs": () => json(200, { jobs: [job({ id: "j2", video_id: "v2", progress: 42.4 })] }),
      "GET /api/jobs/j1/clips": () => json(200, { clips: [clip(1, 9, 40), clip(2, 7, 5)] }),
    });
    renderApp("/");
    const first = (await screen.findByRole("link", { name: "podcast.mp4" })).closest("li")!;
    expect(within(first).getByText("Ready")).toBeInTheDocument();
    expect(within(first).getByText("1:28")).toBeInTheDocument();
    expect(await within(first).findByRole("link", { name: /Done 3 clips, 9:16/ })).toHaveAttribute("href", "/jobs/j1");
    expect(within(first).getByRole("link", { name: /Failed/ })).toHaveAttribute("href", "/jobs/j0");
    // No picture of its own: the best clip of its finished job stands in.
    await waitFor(() => expect(first.querySelector("img")).toHaveAttribute("src", "/files/c1.jpg?expires=1&signature=ab"));

    const second = screen.getByRole("link", { name: "lecture.mov" }).closest("li")!;
    expect(within(second).getByText("1:02:05")).toBeInTheDocument();
    expect(await within(second).findByRole("link", { name: /Processing .* 42%/ })).toHaveAttribute("href", "/jobs/j2");
    expect(second.querySelector("img")).toBeNull();
  });

  it("offers an upload when there is nothing yet", async () => {
    fakeApi({ "GET /api/videos": () => json(200, { videos: [] }), "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }) });
    renderApp("/");
    expect(await screen.findByText(/No videos yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("link", { name: "Upload your first video" }));
    expect(screen.getByTestId("location")).toHaveTextContent("/upload");
  });

  it("deletes a video after asking", async () => {
    let videos = [video];
    const { calls } = fakeApi({
      "GET /api/videos": () => json(200, { videos }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
      "DELETE /api/videos/v1": () => {
        videos = [];
        return new Response(null, { status: 204 });
      },
    });
    vi.stubGlobal("confirm", vi.fn(() => true));
    renderApp("/");
    await userEvent.click(await screen.findByRole("button", { name: "Delete podcast.mp4" }));
    await waitFor(() => expect(screen.getByText(/No videos yet/)).toBeInTheDocument());
    expect(calls.some((c) => c.method === "DELETE")).toBe(true);
  });
});
