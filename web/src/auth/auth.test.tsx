import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, fakeApi, json, signIn, user, video } from "../test/fakeApi";
import { renderApp } from "../test/renderApp";

async function submitCredentials(email: string, password: string, button: string) {
  await userEvent.type(screen.getByLabelText("Email"), email);
  await userEvent.type(screen.getByLabelText("Password"), password);
  await userEvent.click(screen.getByRole("button", { name: button }));
}

describe("register and log in", () => {
  it("shows the server's own words when registering fails", async () => {
    fakeApi({ "POST /api/auth/register": () => apiError(409, "conflict", "An account with this email already exists") });
    renderApp("/register");
    await submitCredentials("ada@example.com", "correct horse", "Create account");
    expect(await screen.findByRole("alert")).toHaveTextContent("An account with this email already exists");
    expect(screen.getByTestId("location")).toHaveTextContent("/register");
  });

  it("registers, keeps no token in the page, and sends the next requests with the session cookie", async () => {
    const { calls } = fakeApi({
      "POST /api/auth/register": () => json(201, { user, token: "fresh-token" }),
      "GET /api/videos": () => json(200, { videos: [] }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
    });
    renderApp("/register");
    await submitCredentials("Ada@Example.com", "correct horse", "Create account");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/upload"));
    expect(calls[0].body).toEqual({ email: "Ada@Example.com", password: "correct horse" });
    await userEvent.click(screen.getByRole("link", { name: "My videos" }));
    await screen.findByText(/No videos yet/);
    const listing = calls.find((c) => c.path === "/api/videos")!;
    expect(listing.headers.get("Authorization")).toBeNull();
    expect(listing.credentials).toBe("same-origin");
    expect(JSON.stringify({ ...localStorage })).not.toContain("fresh-token");
    expect(screen.getByText(user.email)).toBeInTheDocument();
  });

  it("says why a login was refused", async () => {
    fakeApi({ "POST /api/auth/login": () => apiError(401, "unauthorized", "Wrong email or password") });
    renderApp("/login");
    await submitCredentials("ada@example.com", "nope", "Log in");
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong email or password");
  });

  it("sends a signed-out visitor to log in, then back where they were going", async () => {
    fakeApi({
      "POST /api/auth/login": () => json(200, { token: "t2", expires_at: "2026-11-26T10:00:00Z" }),
      "GET /api/videos/v1": () => json(200, { video }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
    });
    renderApp("/videos/v1");
    expect(screen.getByTestId("location")).toHaveTextContent("/login");
    await submitCredentials("ada@example.com", "correct horse", "Log in");
    expect(await screen.findByRole("heading", { name: "podcast.mp4" })).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/videos/v1");
  });

  it("on an expired token, asks to log in again with a message and returns to the page", async () => {
    let loggedIn = false;
    fakeApi({
      "GET /api/videos/v1": () => (loggedIn ? json(200, { video }) : apiError(401, "unauthorized", "token expired")),
      "GET /api/videos/v1/jobs": () => (loggedIn ? json(200, { jobs: [] }) : apiError(401, "unauthorized", "token expired")),
      "POST /api/auth/login": () => {
        loggedIn = true;
        return json(200, { token: "t3" });
      },
    });
    signIn();
    renderApp("/videos/v1?tab=jobs");
    expect(await screen.findByText("Your session has expired. Please log in again.")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/login");
    expect(localStorage.getItem("clipgen.user")).toBeNull();
    await submitCredentials("ada@example.com", "correct horse", "Log in");
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/videos/v1?tab=jobs"));
    expect(await screen.findByRole("heading", { name: "podcast.mp4" })).toBeInTheDocument();
  });

  it("logs out, ending the session on the server", async () => {
    const { calls } = fakeApi({
      "GET /api/videos": () => json(200, { videos: [] }),
      "GET /api/videos/v1/jobs": () => json(200, { jobs: [] }),
      "POST /api/auth/logout": () => new Response(null, { status: 204 }),
    });
    signIn();
    renderApp("/");
    await userEvent.click(await screen.findByRole("button", { name: "Log out" }));
    expect(screen.getByTestId("location")).toHaveTextContent("/login");
    expect(screen.getByText("You have logged out.")).toBeInTheDocument();
    expect(localStorage.getItem("clipgen.user")).toBeNull();
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/auth/logout")).toBe(true);
  });
});
