import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiError, clip, eventStream, fakeApi, job, json, signIn, video, type Handler } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

// One word a second: "w<i>" from i + 0.1 to i + 0.7 s, over the whole 88 s video.
const words = Array.from({ length: 88 }, (_, i) => ({ text: `w${i}`, start: i + 0.1, end: i + 0.7 }));
const transcript = { engine: "pocketsphinx", language: "en", duration: 88.1, words, words_revision: "r1" };

// Clip 1 runs from 10 to 40 s: words 10 to 39.
const original = clip(1, 8, 10);
const renderJob = (overrides: Record<string, unknown> = {}) =>
  job({ id: "r1", kind: "render", clip_id: "c1", status: "queued", stage: "render", progress: 0, ...overrides });

function routes(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    "GET /api/clips/c1": () => json(200, { clip: original }),
    "GET /api/videos/v1": () => json(200, { video }),
    "GET /api/videos/v1/transcript?format=json": () => json(200, transcript),
    ...extra,
  };
}

const slider = (name: "Clip start" | "Clip end") => screen.getByRole("slider", { name });
const value = (name: "Clip start" | "Clip end") => Number(slider(name).getAttribute("aria-valuenow"));

async function openEditor() {
  renderApp("/clips/c1/edit");
  await screen.findByRole("heading", { name: /Edit clip 1/ });
  await screen.findByRole("group", { name: "Words in the clip" });
}

describe("the clip editor", () => {
  beforeEach(() => signIn());

  it("shows the source video and the clip's words, and opens from the clip card", async () => {
    fakeApi(routes({
      "GET /api/jobs/j1": () => json(200, { job: job({ status: "succeeded", progress: 100 }) }),
      "GET /api/jobs/j1/clips": () => json(200, { clips: [original] }),
    }));
    renderApp("/jobs/j1");
    await userEvent.click(await screen.findByRole("link", { name: "Edit clip 1" }));
    await screen.findByRole("group", { name: "Words in the clip" });
    expect(screen.getByTestId("location")).toHaveTextContent("/clips/c1/edit");
    expect(screen.getByLabelText("The source video")).toHaveAttribute("src", "/api/videos/v1/download");
    const shown = within(screen.getByRole("group", { name: "Words in the clip" })).getAllByRole("button").map((b) => b.textContent);
    expect(shown).toEqual(words.slice(10, 40).map((w) => w.text));
    expect(screen.getByText(/^Length 30.0 s/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save and render" })).toBeDisabled();
  });

  it("marks where each speaker's turn starts among the clip's words, outside the word buttons", async () => {
    // In the clip (words 10 to 39): speaker 1 to w19, speaker 2 from w20 (w25 and w26 without a
    // label), speaker 1 again from w30.
    const speaker = (i: number) => (i >= 25 && i <= 26 ? undefined : i >= 20 && i < 30 ? 2 : 1);
    const labelled = words.map((w, i) => (speaker(i) ? { ...w, speaker: speaker(i) } : w));
    fakeApi(routes({ "GET /api/videos/v1/transcript?format=json": () => json(200, { ...transcript, words: labelled }) }));
    await openEditor();
    const group = screen.getByRole("group", { name: "Words in the clip" });
    const markers = within(group).getAllByText(/^Speaker \d+$/);
    expect(markers.map((m) => [m.textContent, m.className, m.nextElementSibling!.textContent])).toEqual([
      ["Speaker 1", "turn speaker-1", "w10"],
      ["Speaker 2", "turn speaker-2", "w20"],
      ["Speaker 1", "turn speaker-1", "w30"],
    ]);
    expect(markers.every((m) => m.tagName === "SPAN" && !m.closest("button"))).toBe(true);
    // The word buttons are as they were: every word, named by its text and time alone.
    const buttons = within(group).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(words.slice(10, 40).map((w) => w.text));
    expect(buttons[10]).toHaveAccessibleName("w20 at 0:20.1");
  });

  it("moves the handles with the keys, within the video and the length limits", async () => {
    fakeApi(routes());
    await openEditor();
    slider("Clip end").focus();
    await userEvent.keyboard("{ArrowLeft}");
    expect(value("Clip end")).toBe(39.9);
    await userEvent.keyboard("{PageUp}");
    expect(value("Clip end")).toBe(40.9);
    // As far as it goes: the end of the 88.1 s video (the longest clip, 180 s, is further).
    await userEvent.keyboard("{End}");
    expect(value("Clip end")).toBe(88.1);
    expect(slider("Clip end")).toHaveAttribute("aria-valuemax", "88.1");
    // As short as it goes: the shortest clip, 5 s.
    await userEvent.keyboard("{Home}");
    expect(value("Clip end")).toBe(15);
    await userEvent.keyboard("{ArrowDown}");
    expect(value("Clip end")).toBe(15);
    expect(screen.getByText(/^Length 5.0 s/)).toBeInTheDocument();
    // The start cannot pass the end less 5 s either.
    slider("Clip start").focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(value("Clip start")).toBe(10);
    await userEvent.keyboard("{Home}");
    expect(value("Clip start")).toBe(0);
    expect(slider("Clip start")).toHaveAttribute("aria-valuetext", "0:00.0");
  });

  it("drags the handles with the pointer, within the limits", async () => {
    fakeApi(routes());
    await openEditor();
    // The track shows 0 to 70 s (30 s either side of the clip) over 700 px: 1 px = 0.1 s.
    vi.spyOn(screen.getByTestId("timeline-track"), "getBoundingClientRect").mockReturnValue(
      { left: 100, width: 700, top: 0, height: 40, right: 800, bottom: 40, x: 100, y: 0, toJSON: () => ({}) },
    );
    const end = slider("Clip end");
    fireEvent.pointerDown(end, { pointerId: 1, clientX: 500, buttons: 1 });
    fireEvent.pointerMove(end, { pointerId: 1, clientX: 450, buttons: 1 });
    expect(value("Clip end")).toBe(35);
    expect(end).toHaveFocus();
    // Past the start: stops 5 s after it.
    fireEvent.pointerMove(end, { pointerId: 1, clientX: 120, buttons: 1 });
    expect(value("Clip end")).toBe(15);
    fireEvent.pointerUp(end, { pointerId: 1 });
    // Moving without a button pressed is no drag.
    fireEvent.pointerMove(end, { pointerId: 1, clientX: 600, buttons: 0 });
    expect(value("Clip end")).toBe(15);
    const start = slider("Clip start");
    fireEvent.pointerDown(start, { pointerId: 2, clientX: 200, buttons: 1 });
    fireEvent.pointerMove(start, { pointerId: 2, clientX: 0, buttons: 1 });
    expect(value("Clip start")).toBe(0);
  });

  it("nudges a handle by a word and by a tenth of a second", async () => {
    fakeApi(routes());
    await openEditor();
    await userEvent.click(screen.getByRole("button", { name: "Move the start to the next word" }));
    expect(value("Clip start")).toBe(10.1);
    await userEvent.click(screen.getByRole("button", { name: "Move the start to the previous word" }));
    expect(value("Clip start")).toBe(9.1);
    await userEvent.click(screen.getByRole("button", { name: "Move the start 0.1 s later" }));
    expect(value("Clip start")).toBe(9.2);
    await userEvent.click(screen.getByRole("button", { name: "Move the end to the previous word" }));
    expect(value("Clip end")).toBe(39.7);
    await userEvent.click(screen.getByRole("button", { name: "Move the end 0.1 s earlier" }));
    expect(value("Clip end")).toBe(39.6);
    // Word 9 is now inside the clip, word 39 (39.1-39.7 s) still partly.
    const group = screen.getByRole("group", { name: "Words in the clip" });
    expect(within(group).getAllByRole("button")[0]).toHaveTextContent("w9");
  });

  it("sends fixed words as transcript edits at their index in the whole transcript, then renders the clip again", async () => {
    const stream = eventStream();
    const { calls } = fakeApi(routes({
      "PATCH /api/videos/v1/transcript": () =>
        json(200, { ...transcript, words: words.map((w, i) => (i === 12 ? { ...w, text: "twelve", estimated: true } : w)) }),
      "PATCH /api/clips/c1": () => json(202, { clip: original, job: renderJob() }),
      "GET /api/jobs/r1/events": () => stream.response,
    }));
    await openEditor();
    await userEvent.click(screen.getByRole("button", { name: "w12 at 0:12.1" }));
    const input = screen.getByRole("textbox", { name: "Fix “w12” at 0:12.1" });
    expect(input).toHaveFocus();
    await userEvent.clear(input);
    await userEvent.type(input, "twelve{Enter}");
    expect(screen.getByRole("button", { name: "twelve, fixed from “w12”" })).toHaveFocus();
    // Two words where one was heard; a fix left with Escape changes nothing.
    await userEvent.click(screen.getByRole("button", { name: "w15 at 0:15.1" }));
    await userEvent.type(screen.getByRole("textbox", { name: "Fix “w15” at 0:15.1" }), "{Control>}a{/Control}fifteen  more{Enter}");
    await userEvent.click(screen.getByRole("button", { name: "w20 at 0:20.1" }));
    await userEvent.type(screen.getByRole("textbox", { name: "Fix “w20” at 0:20.1" }), "oops{Escape}");
    expect(screen.getByRole("button", { name: "w20 at 0:20.1" })).toHaveFocus();
    expect(screen.getByText(/2 words fixed/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Save and render" }));
    await screen.findByRole("progressbar", { name: "Job progress" });
    const patches = calls.filter((c) => c.method === "PATCH");
    expect(patches.map((c) => c.path)).toEqual(["/api/videos/v1/transcript", "/api/clips/c1"]);
    // By index into the words as read: the server refuses them if the words changed since.
    expect(patches[0].body).toEqual({
      edits: [
        { start: 12, end: 13, text: "twelve" },
        { start: 15, end: 16, text: "fifteen more" },
      ],
      words_revision: "r1",
    });
    // Nothing else changed: the same times again make the clip anew with the fixed words.
    expect(patches[1].body).toEqual({ start: 10, end: 40, snap: false });
    // Placed by its neighbours until the render times it from the audio: the page says so.
    expect(screen.getByRole("button", { name: "twelve at 0:12.1, timed by estimate" })).toHaveClass("estimated");
    expect(screen.queryByText(/words? fixed/)).not.toBeInTheDocument();
  });

  it("saves the changed fields, follows the render to the new version, and goes back to the previous values", async () => {
    const stream = eventStream();
    let current = original;
    const renamed = { ...original, end: 39.7, duration: 29.7, title: "Sharper", captions: false, version: 2, download_url: "/files/c1-v2.mp4?e=1&s=x" };
    const { calls } = fakeApi(routes({
      "GET /api/clips/c1": () => json(200, { clip: current }),
      "PATCH /api/clips/c1": (call) =>
        (call.body as { snap: boolean }).snap
          ? json(202, { clip: original, job: renderJob() })
          : json(202, { clip: renamed, job: renderJob({ id: "r2" }) }),
      "GET /api/jobs/r1/events": () => stream.response,
      "GET /api/jobs/r2/events": () => eventStream().response,
    }));
    await openEditor();
    await userEvent.click(screen.getByRole("button", { name: "Move the end to the previous word" }));
    await userEvent.click(screen.getByLabelText("Burn in captions"));
    await userEvent.clear(screen.getByLabelText("Title"));
    await userEvent.type(screen.getByLabelText("Title"), "Sharper");
    await userEvent.click(screen.getByRole("button", { name: "Save and render" }));

    expect(await screen.findByRole("heading", { name: "Waiting for a worker" })).toBeInTheDocument();
    expect(calls.find((c) => c.method === "PATCH")!.body).toEqual({ end: 39.7, title: "Sharper", captions: false, snap: true });
    expect(calls.some((c) => c.path.startsWith("/api/videos/v1/transcript") && c.method === "PATCH")).toBe(false);
    expect(screen.getByRole("button", { name: "Save and render" })).toBeDisabled();

    act(() => stream.send(renderJob({ status: "running", progress: 50 })));
    expect(await screen.findByRole("heading", { name: "Rendering clips" })).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Job progress" })).toHaveAttribute("aria-valuenow", "50");

    current = renamed;
    act(() => stream.send(renderJob({ status: "succeeded", progress: 100 }), "end"));
    const heading = await screen.findByRole("heading", { name: "New clip, version 2" });
    expect(heading).toHaveFocus();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByLabelText("New clip: Sharper")).toHaveAttribute("src", "/files/c1-v2.mp4?e=1&s=x");
    expect(screen.getByRole("link", { name: "Download the new clip" })).toHaveAttribute("href", "/files/c1-v2.mp4?e=1&s=x");
    expect(value("Clip end")).toBe(39.7);
    expect(screen.getByLabelText("Title")).toHaveValue("Sharper");

    await userEvent.click(screen.getByRole("button", { name: "Back to the previous version" }));
    await waitFor(() => expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(2));
    expect(calls.filter((c) => c.method === "PATCH")[1].body).toEqual({
      aspect: "9:16",
      start: 10,
      end: 40,
      title: "Clip title 1",
      captions: true,
      caption_style: "bold",
      layout: "auto",
      snap: false,
    });
  });

  it("saves a new title alone without a render", async () => {
    const { calls } = fakeApi(routes({
      "PATCH /api/clips/c1": () => json(200, { clip: { ...original, title: "Only the title" } }),
    }));
    await openEditor();
    await userEvent.clear(screen.getByLabelText("Title"));
    await userEvent.type(screen.getByLabelText("Title"), "Only the title");
    await userEvent.click(screen.getByRole("button", { name: "Save and render" }));
    expect(await screen.findByText("Title saved.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "PATCH")!.body).toEqual({ title: "Only the title" });
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save and render" })).toBeDisabled();
  });

  it("shows a 422 beside the field it names, and a 409 as the server says it", async () => {
    let answer = () => apiError(422, "invalid_input", "end: the clip would be 3.0 s, shorter than 5 s", "end");
    fakeApi(routes({ "PATCH /api/clips/c1": () => answer() }));
    await openEditor();
    await userEvent.click(screen.getByRole("button", { name: "Move the end to the previous word" }));
    await userEvent.click(screen.getByRole("button", { name: "Save and render" }));
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.map((a) => a.textContent)).toEqual([
      "end: the clip would be 3.0 s, shorter than 5 s",
      "end: the clip would be 3.0 s, shorter than 5 s",
    ]);
    expect(alerts[1].closest("form")).not.toBeNull();

    answer = () => apiError(422, "invalid_input", "title: at most 200 characters", "title");
    await userEvent.click(screen.getByRole("button", { name: "Save and render" }));
    await waitFor(() => expect(screen.getByLabelText("Title")).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText("Title")).toHaveAccessibleDescription("title: at most 200 characters");

    answer = () => apiError(409, "conflict", "a render of this clip is already queued");
    await userEvent.click(screen.getByRole("button", { name: "Save and render" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("a render of this clip is already queued");
    expect(screen.getByLabelText("Title")).toHaveAttribute("aria-invalid", "false");
  });

  it("follows a render already under way when opened, and says when it failed", async () => {
    const stream = eventStream();
    fakeApi(routes({
      "GET /api/clips/c1": () => json(200, { clip: { ...original, pending_job_id: "r1" } }),
      "GET /api/jobs/r1": () => json(200, { job: renderJob({ status: "running", progress: 20 }) }),
      "GET /api/jobs/r1/events": () => stream.response,
    }));
    await openEditor();
    expect(await screen.findByRole("heading", { name: "Rendering clips" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete clip" })).toBeDisabled();
    act(() => stream.send(renderJob({ status: "failed", progress: 60, error: "the source video could not be read" }), "end"));
    expect(await screen.findByText(/The render failed: the source video could not be read. The clip is as it was./)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /New clip/ })).not.toBeInTheDocument();
  });

  it("deletes the clip only after asking, then returns to its job's clips", async () => {
    const { calls } = fakeApi(routes({
      "DELETE /api/clips/c1": () => new Response(null, { status: 204 }),
      "GET /api/jobs/j1": () => json(200, { job: job({ status: "succeeded", progress: 100 }) }),
      "GET /api/jobs/j1/clips": () => json(200, { clips: [] }),
    }));
    const confirm = vi.fn(() => false);
    vi.stubGlobal("confirm", confirm);
    await openEditor();
    await userEvent.click(screen.getByRole("button", { name: "Delete clip" }));
    expect(confirm).toHaveBeenCalledWith("Delete clip 1, “Clip title 1”? Its file is removed.");
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    confirm.mockReturnValue(true);
    await userEvent.click(screen.getByRole("button", { name: "Delete clip" }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/jobs/j1"));
    expect(calls.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual(["/api/clips/c1"]);
  });
});

describe("Make a clip from the transcript", () => {
  beforeEach(() => signIn());

  const spoken = {
    words: [
      { text: "Hello", start: 1.0, end: 1.4 },
      { text: "there.", start: 1.5, end: 2.0 },
      { text: "This", start: 2.4, end: 2.6 },
      { text: "is", start: 2.7, end: 2.8 },
      { text: "the", start: 2.9, end: 3.0 },
      { text: "middle.", start: 3.1, end: 3.6 },
      { text: "And", start: 5.0, end: 5.2 },
      { text: "the", start: 5.3, end: 5.4 },
      { text: "end?", start: 5.5, end: 7.25 },
    ],
  };

  it("makes a clip of the chosen run of sentences and follows its render in the editor", async () => {
    const made = clip(9, 6, 1, { origin: "manual", pending_job_id: "r9", start: 1, end: 7.25, duration: 6.25 });
    const { calls } = fakeApi({
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/jobs/j1": () => json(200, { job: job({ status: "succeeded", progress: 100, settings: { aspect: "1:1", layout: "fit", captions: true, caption_style: "pop" } }) }),
      "GET /api/jobs/j1/clips": () => json(200, { clips: [original] }),
      "GET /api/videos/v1/transcript?format=json": () => json(200, spoken),
      "POST /api/videos/v1/clips": () => json(202, { clip: made, job: renderJob({ id: "r9", clip_id: "c9" }) }),
      "GET /api/clips/c9": () => json(200, { clip: made }),
      "GET /api/jobs/r9": () => json(200, { job: renderJob({ id: "r9", clip_id: "c9" }) }),
      "GET /api/jobs/r9/events": () => eventStream().response,
    });
    renderApp("/jobs/j1");
    await userEvent.click(await screen.findByRole("button", { name: "Make a clip from the words" }));
    const picker = screen.getByRole("group", { name: "Sentences for the clip" });
    const boxes = within(picker).getAllByRole("checkbox");
    expect(boxes.map((b) => b.closest("label")!.textContent)).toEqual(["0:01 Hello there.", "0:02 This is the middle.", "0:05 And the end?"]);

    // The first sentence alone is too short for a clip.
    await userEvent.click(screen.getByRole("checkbox", { name: "0:01 Hello there." }));
    expect(screen.getByText("Shorter than the shortest clip (5 s).")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Make a clip" })).toBeDisabled();
    // Checking the last takes the one between too.
    await userEvent.click(screen.getByRole("checkbox", { name: "0:05 And the end?" }));
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true]);
    expect(screen.getByText("From 0:01.0 to 0:07.3 · 6.3 s")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Title (optional)"), "  Greetings ");
    await userEvent.click(screen.getByRole("button", { name: "Make a clip" }));

    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/clips/c9/edit"));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({
      start: 1,
      end: 7.25,
      aspect: "1:1",
      layout: "fit",
      captions: true,
      caption_style: "pop",
      title: "Greetings",
    });
    expect(await screen.findByRole("heading", { name: "Waiting for a worker" })).toBeInTheDocument();
  });

  it("shows the server's refusal in the form", async () => {
    fakeApi({
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/jobs/j1": () => json(200, { job: job({ status: "succeeded", progress: 100 }) }),
      "GET /api/jobs/j1/clips": () => json(200, { clips: [] }),
      "GET /api/videos/v1/transcript?format=json": () => json(200, spoken),
      "POST /api/videos/v1/clips": () => apiError(429, "quota_jobs", "5 jobs are queued or running: wait for one to finish"),
    });
    renderApp("/jobs/j1");
    await userEvent.click(await screen.findByRole("button", { name: "Make a clip from the words" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "0:01 Hello there." }));
    await userEvent.click(screen.getByRole("checkbox", { name: "0:05 And the end?" }));
    // Unchecking the middle one ends the run before it.
    await userEvent.click(screen.getByRole("checkbox", { name: "0:02 This is the middle." }));
    const picker = screen.getByRole("group", { name: "Sentences for the clip" });
    expect(within(picker).getAllByRole("checkbox").map((b) => (b as HTMLInputElement).checked)).toEqual([true, false, false]);
    await userEvent.click(screen.getByRole("checkbox", { name: "0:05 And the end?" }));
    await userEvent.click(screen.getByRole("button", { name: "Make a clip" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("5 jobs are queued or running");
  });
});
