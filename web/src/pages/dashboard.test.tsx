import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi, job, json, signIn, video } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("dashboard", () => {
  beforeEach(() => signIn());

  it("lists my videos with status, duration, thumbnail and their jobs", async () => {
    const other = { ...video, id: "v2", filename: "lecture.mov", status: "uploaded", duration_s: 3725, thumbnail_url: "/files/v2.jpg" };
    fakeApi({
      "GET /api/videos": () => json(200, { videos: [video, other] }),
      "GET /api/jobs": () =>
        json(200, {
          jobs: [job({ id: "j2", video_id: "v2", progress: 42.4 }), job({ id: "j1", status: "succeeded", progress: 100 })],
        }),
    });
    renderApp("/");
    const first = (await screen.findByRole("link", { name: "podcast.mp4" })).closest("li")!;
    expect(within(first).getByText("Ready")).toBeInTheDocument();
    expect(within(first).getByText("1:28")).toBeInTheDocument();
    expect(within(first).getByRole("link", { name: /Done 3 clips, 9:16/ })).toHaveAttribute("href", "/jobs/j1");

    const second = screen.getByRole("link", { name: "lecture.mov" }).closest("li")!;
    expect(within(second).getByText("1:02:05")).toBeInTheDocument();
    expect(second.querySelector("img")).toHaveAttribute("src", "/files/v2.jpg");
    expect(within(second).getByRole("link", { name: /Processing .* 42%/ })).toHaveAttribute("href", "/jobs/j2");
  });

  it("offers an upload when there is nothing yet", async () => {
    fakeApi({ "GET /api/videos": () => json(200, { videos: [] }), "GET /api/jobs": () => json(200, { jobs: [] }) });
    renderApp("/");
    expect(await screen.findByText(/No videos yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("link", { name: "Upload your first video" }));
    expect(screen.getByTestId("location")).toHaveTextContent("/upload");
  });

  it("deletes a video after asking", async () => {
    let videos = [video];
    const { calls } = fakeApi({
      "GET /api/videos": () => json(200, { videos }),
      "GET /api/jobs": () => json(200, { jobs: [] }),
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
