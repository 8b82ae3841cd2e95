import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiError, clip, eventStream, fakeApi, job, json, signIn, video } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

const transcript = {
  engine: "pocketsphinx",
  language: "en",
  duration: 88,
  words: [
    { text: "hello", start: 0.5, end: 0.9 },
    { text: "world", start: 1.0, end: 1.3 },
    { text: "again", start: 5.0, end: 5.4 },
  ],
};

const results = [clip(1, 9, 40), clip(2, 7, 5), clip(3, 4.5, 70)];

function common() {
  return {
    "GET /api/videos/v1": () => json(200, { video }),
    "GET /api/jobs/j1/clips": () => json(200, { clips: results }),
    "GET /api/videos/v1/transcript?format=json": () => json(200, transcript),
    "GET /api/videos/v1/transcript?format=srt": () => new Response("1\n00:00:00,500 --> 00:00:01,300\nhello world\n\n", { status: 200 }),
  };
}

describe("job progress and results", () => {
  beforeEach(() => signIn());

  it("follows the SSE stream with the session cookie, then shows the clips", async () => {
    const stream = eventStream();
    const { calls } = fakeApi({
      ...common(),
      "GET /api/jobs/j1": () => json(200, { job: job({ status: "queued", stage: null, progress: 0 }) }),
      "GET /api/jobs/j1/events": () => stream.response,
    });
    renderApp("/jobs/j1");
    expect(await screen.findByRole("heading", { name: "Waiting for a worker" })).toBeInTheDocument();
    await screen.findByText("Live updates");
    const events = calls.find((c) => c.path === "/api/jobs/j1/events")!;
    expect(events.credentials).toBe("same-origin");

    act(() => stream.send(job({ stage: "transcribe", progress: 35 })));
    expect(await screen.findByRole("heading", { name: "Transcribing speech" })).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Job progress" })).toHaveAttribute("aria-valuenow", "35");
    expect(screen.getByText("35%")).toBeInTheDocument();

    act(() => stream.keepAlive());
    act(() => stream.send(job({ stage: "render", progress: 80 })));
    expect(await screen.findByRole("heading", { name: "Rendering clips" })).toBeInTheDocument();

    act(() => stream.send(job({ status: "succeeded", stage: "publish", progress: 100, notes: ["only 3 clips of 20-60 s fit this video"], transcript_engine: "gemini:gemini-2.5-flash-lite" }), "end"));
    expect(await screen.findByRole("heading", { name: "3 clips" })).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByText("only 3 clips of 20-60 s fit this video")).toBeInTheDocument();
    expect(screen.getByText("Words by gemini:gemini-2.5-flash-lite")).toBeInTheDocument();
  });

  it("falls back to polling when the event stream is not there", async () => {
    let polls = 0;
    fakeApi({
      ...common(),
      "GET /api/jobs/j1": () => {
        polls++;
        return json(200, { job: polls < 3 ? job({ progress: 20 * polls }) : job({ status: "succeeded", progress: 100 }) });
      },
      "GET /api/jobs/j1/events": () => apiError(404, "not_found", "no route"),
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderApp("/jobs/j1");
      expect(await screen.findByText("Checking every few seconds")).toBeInTheDocument();
      await act(() => vi.advanceTimersByTimeAsync(1600));
      await act(() => vi.advanceTimersByTimeAsync(1600));
      expect(await screen.findByRole("heading", { name: "3 clips" })).toBeInTheDocument();
      expect(polls).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("cancels a running job", async () => {
    const stream = eventStream();
    const { calls } = fakeApi({
      ...common(),
      "GET /api/jobs/j1": () => json(200, { job: job() }),
      "GET /api/jobs/j1/events": () => stream.response,
      "POST /api/jobs/j1/cancel": () => json(200, { job: job({ status: "canceled" }) }),
    });
    renderApp("/jobs/j1");
    await userEvent.click(await screen.findByRole("button", { name: "Cancel job" }));
    expect(await screen.findByText("This job was canceled.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/jobs/j1/cancel")).toBe(true);
    expect(screen.getByRole("link", { name: "Start again" })).toHaveAttribute("href", "/videos/v1");
  });

  it("shows why a job failed", async () => {
    fakeApi({ ...common(), "GET /api/jobs/j1": () => json(200, { job: job({ status: "failed", error: "the video has no audio" }) }) });
    renderApp("/jobs/j1");
    expect(await screen.findByRole("alert")).toHaveTextContent("This job failed: the video has no audio");
  });

  it("shows a card per clip, sorted by score or by time, with previews and downloads", async () => {
    fakeApi({ ...common(), "GET /api/jobs/j1": () => json(200, { job: job({ status: "succeeded", progress: 100 }) }) });
    renderApp("/jobs/j1");
    await screen.findByRole("heading", { name: "3 clips" });
    const titles = () => screen.getAllByRole("article").map((a) => within(a).getByRole("heading").textContent);
    expect(titles()).toEqual(["#1 Clip title 1", "#2 Clip title 2", "#3 Clip title 3"]);
    await userEvent.selectOptions(screen.getByLabelText("Sort by"), "time");
    expect(titles()).toEqual(["#2 Clip title 2", "#1 Clip title 1", "#3 Clip title 3"]);

    const card = screen.getAllByRole("article")[0];
    const preview = within(card).getByLabelText("Preview of Clip title 2");
    expect(preview).toHaveAttribute("src", "/files/c2.mp4?expires=1&signature=ab");
    expect(preview).toHaveAttribute("poster", "/files/c2.jpg?expires=1&signature=ab");
    expect(within(card).getByTitle("Virality score, 1 to 10")).toHaveTextContent("Score 7/10");
    expect(within(card).getByText("Reason 2")).toBeInTheDocument();
    expect(within(card).getByText("Words spoken in clip 2.")).toBeInTheDocument();
    expect(within(card).getByText("0:30 · from 0:05 to 0:35")).toBeInTheDocument();
    const download = within(card).getByRole("link", { name: "Download clip 2 MP4" });
    expect(download).toHaveAttribute("href", "/files/c2.mp4?expires=1&signature=ab");
    expect(download).toHaveAttribute("download", "clip-02-clip-title-2.mp4");
    expect(screen.getAllByRole("article")[2].querySelector(".score")).toHaveTextContent("4.5");
  });

  it("shows the whole transcript and downloads it as SRT", async () => {
    const { calls } = fakeApi({ ...common(), "GET /api/jobs/j1": () => json(200, { job: job({ status: "succeeded", progress: 100 }) }) });
    const created = vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:srt");
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    renderApp("/jobs/j1");
    const text = await screen.findByLabelText("Full transcript");
    expect(text).toHaveTextContent("0:00 hello world");
    expect(text).toHaveTextContent("0:05 again");
    await userEvent.click(screen.getByRole("button", { name: "Download SRT" }));
    await waitFor(() => expect(clicks).toEqual(["podcast.srt"]));
    expect(await (created.mock.calls[0][0] as Blob).text()).toContain("hello world");
    expect(calls.find((c) => c.path.endsWith("format=srt"))!.credentials).toBe("same-origin");
  });

  it("names the speaker where the turn changes, so the transcript reads like a script", async () => {
    const w = (text: string, start: number, speaker?: number) => ({ text, start, end: start + 0.3, ...(speaker ? { speaker } : {}) });
    fakeApi({
      ...common(),
      "GET /api/jobs/j1": () => json(200, { job: job({ status: "succeeded", progress: 100 }) }),
      "GET /api/videos/v1/transcript?format=json": () =>
        json(200, {
          ...transcript,
          words: [
            w("so", 0, 1), w("tell", 0.4, 1), w("me", 0.8, 1),
            w("well", 1.2, 2), w("it", 1.6, 2),
            w("began", 3.0, 2), // the same speaker after a pause: a new paragraph, no new name
            w("really?", 3.4, 1),
            w("mm", 5.0), // unknown: no name
            w("yes", 7.0, 5), // a fifth speaker takes the first colour again
          ],
        }),
    });
    renderApp("/jobs/j1");
    const text = await screen.findByLabelText("Full transcript");
    expect([...text.querySelectorAll("p")].map((p) => p.textContent)).toEqual([
      "Speaker 1 0:00 so tell me",
      "Speaker 2 0:01 well it",
      "0:03 began",
      "Speaker 1 0:03 really?",
      "0:05 mm",
      "Speaker 5 0:07 yes",
    ]);
    const labels = within(text).getAllByText(/^Speaker \d+$/);
    expect(labels.map((l) => [l.textContent, l.className])).toEqual([
      ["Speaker 1", "turn speaker-1"],
      ["Speaker 2", "turn speaker-2"],
      ["Speaker 1", "turn speaker-1"],
      ["Speaker 5", "turn speaker-1"],
    ]);
  });
});
