/**
 * Facts about the machine a benchmark ran on.
 *
 * @since 0.1.0
 */
import * as Fs from "node:fs"
import * as Os from "node:os"

/**
 * @since 0.1.0
 * @category models
 */
export interface Machine {
  readonly cpu: string
  readonly cores: number
  readonly memoryGb: number
  readonly node: string
  readonly os: string
}

const cpuModel = (): string => {
  try {
    const info = Fs.readFileSync("/proc/cpuinfo", "utf8")
    const line = info.split("\n").find((l) => l.startsWith("model name"))
    if (line !== undefined) return line.slice(line.indexOf(":") + 1).trim()
  } catch {
    // not Linux: fall back to what Node reports
  }
  return Os.cpus()[0]?.model ?? "unknown"
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const describe = (): Machine => ({
  cpu: cpuModel(),
  cores: Os.availableParallelism(),
  memoryGb: Math.round(Os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${Os.type()} ${Os.release()} ${Os.arch()}`
})

/**
 * One line: `AMD EPYC, 2 cores, 24 GB, Node v22.23.3, Linux 6.1 x64`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (m: Machine): string =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.os}`
