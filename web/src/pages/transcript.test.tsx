import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { apiError, fakeApi, json, signIn, video } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

const captions = "1\n00:00:00,000 --> 00:00:02,000\nAnd so my fellow Americans,\n";
const given = { kind: "srt", words: 5, created_at: "2026-11-25T10:02:00Z" };

describe("I have captions or a transcript", () => {
  beforeEach(() => signIn());

  it("sends the picked file as it is, typed by its extension, and says it is used", async () => {
    const { calls } = fakeApi({
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
      "PUT /api/videos/v1/transcript": () => json(200, { given_transcript: given }),
    });
    renderApp("/videos/v1");
    await userEvent.click(await screen.findByLabelText("I have captions or a transcript"));
    const file = new File([captions], "talk.SRT", { type: "" });
    await userEvent.upload(screen.getByLabelText("Transcript or captions file"), file);

    expect(await screen.findByText(/Using your words: 5 from SubRip captions/)).toBeInTheDocument();
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.headers.get("Content-Type")).toBe("application/x-subrip");
    expect(await (put.body as File).text()).toBe(captions);
    // Given once, the option stays on until the words are removed.
    expect(screen.getByLabelText("I have captions or a transcript")).toBeDisabled();
  });

  it("shows what the server found wrong with the file, and keeps nothing", async () => {
    fakeApi({
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
      "PUT /api/videos/v1/transcript": () =>
        apiError(400, "bad_request", "the transcript is not text (it holds control bytes): send UTF-8 text"),
    });
    renderApp("/videos/v1");
    await userEvent.click(await screen.findByLabelText("I have captions or a transcript"));
    await userEvent.upload(
      screen.getByLabelText("Transcript or captions file"),
      new File([new Uint8Array([0, 1, 2])], "notes.txt", { type: "text/plain" }),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent("the transcript is not text");
    expect(screen.queryByText(/Using your words/)).not.toBeInTheDocument();
    expect(screen.getByLabelText("I have captions or a transcript")).toBeEnabled();
  });

  it("shows words given before and removes them", async () => {
    const { calls } = fakeApi({
      "GET /api/videos/v1": () => json(200, { video: { ...video, given_transcript: { ...given, kind: "text", words: 22 } } }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
      "DELETE /api/videos/v1/transcript": () => new Response(null, { status: 204 }),
    });
    renderApp("/videos/v1");
    expect(await screen.findByText(/Using your words: 22 from plain text/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(screen.queryByText(/Using your words/)).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === "DELETE" && c.path === "/api/videos/v1/transcript")).toBe(true);
    expect(screen.getByLabelText("Transcript or captions file")).toBeInTheDocument();
  });
});
