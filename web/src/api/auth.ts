import { request, requestJson } from "./client";
import type { User } from "./types";

export interface Credentials {
  email: string;
  password: string;
}

export interface LoginResult {
  token: string;
  expires_at?: string;
  user?: User;
}

export function register(credentials: Credentials): Promise<{ user: User; token: string }> {
  return requestJson("/api/auth/register", { method: "POST", body: credentials });
}

export function login(credentials: Credentials): Promise<LoginResult> {
  return requestJson("/api/auth/login", { method: "POST", body: credentials });
}

// Ends this session on the server (the token stops working) and clears the session cookie.
export async function logout(): Promise<void> {
  await request("/api/auth/logout", { method: "POST" });
}

export async function me(): Promise<User> {
  return (await requestJson<{ user: User }>("/api/auth/me")).user;
}
