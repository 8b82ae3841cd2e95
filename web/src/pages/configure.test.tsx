import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { DefaultSettings } from "../api/types";
import { apiError, fakeApi, job, json, signIn, video } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

// The routes of a video page whose form queues job j1.
const queuesAJob = () => ({
  "GET /api/videos/v1": () => json(200, { video }),
  "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
  "POST /api/videos/v1/jobs": () => json(202, { job: job({ status: "queued", progress: 0, stage: null }) }),
  "GET /api/jobs/j1": () => json(200, { job: job({ status: "queued", progress: 0, stage: null }) }),
});

describe("configure", () => {
  beforeEach(() => signIn());

  it("posts the chosen settings and opens the job", async () => {
    const { calls } = fakeApi(queuesAJob());
    renderApp("/videos/v1");
    const clipsInput = await screen.findByLabelText("Number of clips");
    await userEvent.clear(clipsInput);
    await userEvent.type(clipsInput, "3");
    await userEvent.click(screen.getByRole("button", { name: "15–30 s" }));
    expect(screen.getByRole("button", { name: "15–30 s" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByLabelText("Aspect 1:1"));
    await userEvent.selectOptions(screen.getByLabelText("Layout"), "fit");
    await userEvent.selectOptions(screen.getByLabelText("Caption style"), "pop");
    await userEvent.selectOptions(screen.getByLabelText("Spoken language"), "es");
    await userEvent.type(screen.getByLabelText(/What should the clips be about/), "  find the funniest moments ");
    await userEvent.click(screen.getByRole("button", { name: "Generate clips" }));

    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/jobs/j1"));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.body).toEqual({
      num_clips: 3,
      min_duration: 15,
      max_duration: 30,
      aspect: "1:1",
      layout: "fit",
      captions: true,
      caption_style: "pop",
      language: "es",
      prompt: "find the funniest moments",
    });
  });

  it("offers the split layout for conversations, says what each layout does, and sends split", async () => {
    const { calls } = fakeApi(queuesAJob());
    renderApp("/videos/v1");
    const layout = await screen.findByLabelText("Layout");
    expect(within(layout).getAllByRole("option").map((o) => [(o as HTMLOptionElement).value, o.textContent])).toEqual([
      ["auto", "Auto — Split for two people talking, else follow whoever speaks; fit when nobody is in the picture"],
      ["fill", "Fill — Crop to whoever is speaking; cuts between speakers"],
      ["split", "Split — Two people stacked, the one talking marked"],
      ["fit", "Fit — Whole picture over a blurred background"],
    ]);
    await userEvent.selectOptions(layout, screen.getByRole("option", { name: "Split — Two people stacked, the one talking marked" }));
    expect(layout).toHaveValue("split");
    await userEvent.click(screen.getByRole("button", { name: "Generate clips" }));

    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/jobs/j1"));
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ ...DefaultSettings, layout: "split" });
  });

  it("draws the frame shape of the chosen aspect, and the source's for original", async () => {
    fakeApi({ "GET /api/videos/v1": () => json(200, { video }), "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }) });
    renderApp("/videos/v1");
    const frame = (name: string) => {
      const option = screen.getByLabelText(name).closest("label")!;
      return option.querySelector("figure rect")!;
    };
    await screen.findByLabelText("Aspect 9:16");
    expect(frame("Aspect 9:16").getAttribute("width")).toBe("36");
    expect(frame("Aspect 9:16").getAttribute("height")).toBe("64");
    expect(frame("Aspect 1:1").getAttribute("width")).toBe("64");
    expect(frame("Aspect 16:9").getAttribute("height")).toBe("36");
    expect(frame("Original shape").getAttribute("height")).toBe("36"); // 1280x720
    await userEvent.click(screen.getByLabelText("Aspect 16:9"));
    expect(screen.getByLabelText("Aspect 16:9")).toBeChecked();
    expect(screen.getByLabelText("Aspect 16:9").closest("label")).toHaveClass("selected");
  });

  it("says what is wrong before sending, next to the field", async () => {
    const { calls } = fakeApi({ "GET /api/videos/v1": () => json(200, { video }), "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }) });
    renderApp("/videos/v1");
    const min = await screen.findByLabelText("Shortest (seconds)");
    await userEvent.clear(min);
    await userEvent.type(min, "90");
    await userEvent.click(screen.getByRole("button", { name: "Generate clips" }));
    const max = screen.getByLabelText("Longest (seconds)");
    expect(max).toHaveAttribute("aria-invalid", "true");
    expect(max).toHaveAccessibleDescription("Must be longer than the shortest length.");
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("shows the server's 422 message at its field, and others above the button", async () => {
    let answer = apiError(422, "invalid_input", "language: must be a language code such as 'en', got 'xx'", "language");
    fakeApi({
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
      "POST /api/videos/v1/jobs": () => answer,
    });
    renderApp("/videos/v1");
    await userEvent.click(await screen.findByRole("button", { name: "Generate clips" }));
    await waitFor(() =>
      expect(screen.getByLabelText("Spoken language")).toHaveAccessibleDescription("language: must be a language code such as 'en', got 'xx'"),
    );
    answer = apiError(409, "conflict", "This video is still being processed");
    await userEvent.click(screen.getByRole("button", { name: "Generate clips" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This video is still being processed");
  });

  it("turns caption style off with captions", async () => {
    fakeApi({ "GET /api/videos/v1": () => json(200, { video }), "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }) });
    renderApp("/videos/v1");
    await userEvent.click(await screen.findByLabelText(/Burn in captions/));
    expect(screen.getByLabelText("Caption style")).toBeDisabled();
    expect(DefaultSettings.captions).toBe(true);
  });
});
