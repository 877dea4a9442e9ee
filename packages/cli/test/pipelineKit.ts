/**
 * Helpers of the CLI's pipeline tests: the real CLI in a child process (asynchronously, so the
 * emulators running in the test process keep answering), pipelines between the XML ResultSet
 * and WooCommerce emulators, and what the WooCommerce emulator holds.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type * as WooEmulator from "@mapwright/connector-woocommerce/emulator"
import { connector as xmlResultset } from "@mapwright/connector-xml-resultset"
import type * as XmlEmulator from "@mapwright/connector-xml-resultset/emulator"
import { Result } from "effect"

export const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))

export interface Ran {
  readonly status: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export const workdir = (): string => mkdtempSync(join(tmpdir(), "mapwright-cli-run-"))

/** Starts the CLI; `done` resolves when it exits. */
export const start = (
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Record<string, string>; readonly input?: string }
): { readonly child: ChildProcess; readonly done: Promise<Ran> } => {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["pipe", "pipe", "pipe"]
  })
  let stdout = ""
  let stderr = ""
  child.stdout!.setEncoding("utf8").on("data", (d: string) => {
    stdout += d
  })
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    stderr += d
  })
  child.stdin!.end(options.input ?? "")
  const done = new Promise<Ran>((resolve) => {
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }))
  })
  return { child, done }
}

/** Runs the CLI to its end. */
export const cli = (
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Record<string, string>; readonly input?: string }
): Promise<Ran> => start(args, options).done

/** The secrets of the pipelines, given to the CLI as environment variables. */
export const env = (xml: XmlEmulator.Running, woo: WooEmulator.Running): Record<string, string> => ({
  RS_KEY: xml.config.apiKey,
  WC_KEY: woo.config.consumerKey,
  WC_SECRET: woo.config.consumerSecret
})

/** A pipeline from the XML ResultSet emulator's customers to the WooCommerce emulator's, upserting on email. */
export const writePipeline = (
  dir: string,
  xml: XmlEmulator.Running,
  woo: WooEmulator.Running,
  settings: ReadonlyArray<string> = []
): string => {
  const file = join(dir, "pipeline.yaml")
  writeFileSync(
    file,
    [
      "mapwright: pipeline/v1",
      "name: resultset-to-woocommerce",
      "source:",
      "  connector: xml-resultset",
      `  config: { baseUrl: "${xml.url}", apiKey: "\${env:RS_KEY}" }`,
      "  stream: customers",
      "target:",
      "  connector: woocommerce",
      `  config: { url: "${woo.url}", consumerKey: "\${env:WC_KEY}", consumerSecret: "\${env:WC_SECRET}" }`,
      "  stream: customers",
      "  mode: upsert",
      "  match: [email]",
      "rejects: ./out/rejects.ndjson",
      "state: ./state/state.db",
      ...settings
    ].join("\n")
  )
  return file
}

const authHeader = (woo: WooEmulator.Running): string =>
  `Basic ${Buffer.from(`${woo.config.consumerKey}:${woo.config.consumerSecret}`).toString("base64")}`

/** How many customers the WooCommerce emulator holds (its `X-WP-Total`). */
export const wooCount = async (woo: WooEmulator.Running): Promise<number> => {
  const response = await fetch(`${woo.url}/wp-json/wc/v3/customers?role=all&per_page=1`, {
    headers: { authorization: authHeader(woo) }
  })
  await response.arrayBuffer()
  return Number(response.headers.get("x-wp-total"))
}

/** Every customer email the WooCommerce emulator holds, one entry per customer. */
export const wooEmails = async (woo: WooEmulator.Running): Promise<ReadonlyArray<string>> => {
  const out: Array<string> = []
  for (let page = 1; ; page++) {
    const response = await fetch(`${woo.url}/wp-json/wc/v3/customers?role=all&per_page=100&page=${page}`, {
      headers: { authorization: authHeader(woo) }
    })
    const body = (await response.json()) as ReadonlyArray<{ readonly email: string }>
    for (const c of body) out.push(c.email)
    if (page >= Number(response.headers.get("x-wp-totalpages"))) return out
  }
}

/**
 * The lower-cased emails of the XML ResultSet emulator's customers that are not among its
 * seeded defects: the records a pipeline must deliver.
 */
export const validSourceEmails = async (xml: XmlEmulator.Running): Promise<ReadonlyArray<string>> => {
  const response = await fetch(`${xml.url}/API/V3/Customer?limit=1000`, {
    headers: { authorization: `Bearer ${xml.config.apiKey}` }
  })
  const decoded = xmlResultset.streams.customers!.body.decode(await response.text())
  if (Result.isFailure(decoded)) throw new Error(decoded.failure)
  const defective = new Set(xml.defects.map((d) => d.username))
  return decoded.success
    .map((r) => r as { readonly username?: string; readonly email?: string })
    .filter((r) => r.username !== undefined && r.username !== "" && !defective.has(r.username))
    .map((r) => String(r.email).toLowerCase())
}
