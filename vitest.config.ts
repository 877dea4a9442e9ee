import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts", "bench/test/**/*.test.ts", "integration/test/**/*.test.ts"],
    testTimeout: 30_000
  }
})
