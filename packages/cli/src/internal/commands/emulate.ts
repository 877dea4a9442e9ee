/**
 * `mapwright emulate <connector> [--port N] [--seed S] [--records N]`: starts the emulator a
 * connector package exports (`<package>/emulator`) on 127.0.0.1, prints its URL and the
 * connector config that works against it (credentials included: they are the emulator's
 * public test keys), and runs until Ctrl-C.
 *
 * An emulator module has the shape both shipped emulators share: `start(options)` with
 * `port`, `seed` and `customers`, resolving to `{ url, config, close }`.
 *
 * @internal
 */
import { join } from "node:path"
import { ConnectorRegistry } from "@mapwright/core"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { CliExit, ExitCode } from "../exit.ts"

interface Running {
  readonly url: string
  readonly config: Readonly<Record<string, unknown>>
  readonly close: () => Promise<void>
}

interface EmulatorModule {
  readonly start: (options: {
    readonly port?: number
    readonly seed?: number | string
    readonly customers?: number
  }) => Promise<Running>
}

const isEmulatorModule = (u: unknown): u is EmulatorModule =>
  typeof u === "object" && u !== null && typeof (u as { start?: unknown }).start === "function"

const describe = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error)
  return message.split("\n")[0] ?? message
}

/** The packages a connector name may be, registered names first by their package. */
const candidates = (name: string): ReadonlyArray<string> => {
  const installed = Installed.connectors.find((c) => c.name === name || c.connector.name === name)
  return installed !== undefined
    ? [`@mapwright/connector-${installed.name}`, ...ConnectorRegistry.packageNames(name)]
    : ConnectorRegistry.packageNames(name)
}

const load = (name: string) =>
  Effect.gen(function* () {
    const from = join(process.cwd(), "package.json")
    for (const pkg of [...new Set(candidates(name))]) {
      const module = yield* Effect.tryPromise({
        try: () => Installed.registry.importer(`${pkg}/emulator`, from),
        catch: (e) => e
      }).pipe(Effect.option)
      if (Option.isSome(module)) {
        if (isEmulatorModule(module.value)) return { pkg, module: module.value }
        yield* Console.error(`mapwright: ${pkg}/emulator does not export start(options)`)
        return yield* new CliExit({ code: ExitCode.failure })
      }
    }
    yield* Console.error(
      `mapwright: no emulator for ${JSON.stringify(name)}: ${candidates(name)[0]}/emulator cannot be imported (installed: ${Installed.connectors.map((c) => c.name).join(", ")})`
    )
    return yield* new CliExit({ code: ExitCode.failure })
  })

/** @internal */
export const command = Command.make(
  "emulate",
  {
    connector: Argument.String("connector").pipe(
      Argument.withDescription("The connector whose emulator to start, e.g. woocommerce")
    ),
    port: Flag.Int("port").pipe(
      Flag.withDescription("The port on 127.0.0.1 (default: one the OS picks)"),
      Flag.optional
    ),
    seed: Flag.String("seed").pipe(
      Flag.withDescription("The seed of the generated data (the same seed gives the same records)"),
      Flag.optional
    ),
    records: Flag.Int("records").pipe(Flag.withDescription("How many customers to generate"), Flag.optional)
  },
  ({ connector, port, records, seed }) =>
    Effect.gen(function* () {
      const p = Option.getOrUndefined(port)
      const n = Option.getOrUndefined(records)
      if ((p !== undefined && (p < 0 || p > 65535)) || (n !== undefined && n < 0)) {
        yield* Console.error("mapwright: --port must be 0 to 65535 and --records at least 0")
        return yield* new CliExit({ code: ExitCode.failure })
      }
      const { module, pkg } = yield* load(connector)
      const s = Option.getOrUndefined(seed)
      const options = {
        ...(p === undefined ? {} : { port: p }),
        ...(s === undefined ? {} : { seed: /^\d+$/.test(s) ? Number(s) : s }),
        ...(n === undefined ? {} : { customers: n })
      }
      const running = yield* Effect.acquireRelease(
        Effect.tryPromise({ try: () => module.start(options), catch: (e) => e }),
        (r) => Effect.promise(() => r.close())
      ).pipe(
        Effect.catch((e) =>
          Console.error(`mapwright: the ${pkg} emulator cannot start: ${describe(e)}`).pipe(
            Effect.andThen(Effect.fail(new CliExit({ code: ExitCode.io })))
          )
        )
      )
      const config = Object.entries(running.config)
        .map(([k, v]) => `    ${k}: ${typeof v === "string" ? JSON.stringify(v) : String(v)}`)
        .join("\n")
      yield* Console.log(
        `${connector} emulator listening on ${running.url}\n\nconnector config for a pipeline:\n  config:\n${config}\n\nPress Ctrl-C to stop.`
      )
      return yield* Effect.never
    }).pipe(Effect.scoped)
).pipe(
  Command.withDescription(
    "Start a connector's emulator on 127.0.0.1 (seeded, deterministic) and print its URL and a connector config for it; runs until Ctrl-C."
  ),
  Command.withExamples([
    {
      command: "mapwright emulate woocommerce --port 8081 --records 2000",
      description: "A WooCommerce store"
    },
    { command: "mapwright emulate xml-resultset --seed 7", description: "An XML ResultSet API" }
  ])
)
