import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeApi, json, signIn, video } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

describe("keyboard use", () => {
  beforeEach(() => signIn());

  it("starts with a skip link to the content, then the navigation", async () => {
    fakeApi({ "GET /api/videos": () => json(200, { videos: [] }) });
    renderApp("/");
    await screen.findByText(/No videos yet/);
    await userEvent.tab();
    expect(screen.getByRole("link", { name: "Skip to content" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("link", { name: "clipgen home" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("link", { name: "My videos" })).toHaveFocus();
  });

  it("reaches the file picker by tabbing", async () => {
    renderApp("/upload");
    for (let i = 0; i < 8 && document.activeElement !== screen.getByLabelText("Choose a video file"); i++) await userEvent.tab();
    expect(screen.getByLabelText("Choose a video file")).toHaveFocus();
  });

  it("moves between frame shapes with the arrow keys", async () => {
    fakeApi({ "GET /api/videos/v1": () => json(200, { video }), "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }) });
    renderApp("/videos/v1");
    await userEvent.click(await screen.findByLabelText("Aspect 9:16"));
    await userEvent.keyboard("{ArrowRight}");
    expect(screen.getByLabelText("Aspect 1:1")).toBeChecked();
    expect(screen.getByLabelText("Aspect 1:1")).toHaveFocus();
  });
});
