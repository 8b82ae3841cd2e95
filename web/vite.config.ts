/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies the API to a local `clipgen serve`; the built app is served by it at /.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/api": process.env.CLIPGEN_API ?? "http://127.0.0.1:8080" },
  },
  build: { outDir: "dist", sourcemap: false },
  test: {
    environment: "happy-dom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
