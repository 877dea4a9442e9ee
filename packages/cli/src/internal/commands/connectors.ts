/**
 * `mapwright connectors [--json]`: the installed connectors, their streams, capabilities,
 * keys, cursors, options and default mappings.
 *
 * @internal
 */
import type { Connector } from "@mapwright/core"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { displayPath } from "../exit.ts"

interface StreamInfo {
  readonly name: string
  readonly description: string
  readonly record: string
  readonly canonical: string
  readonly key: ReadonlyArray<string>
  readonly cursor: string | null
  readonly capabilities: ReadonlyArray<string>
  readonly options: boolean
  readonly contentType: string
  readonly mappings: { readonly toCanonical: string | null; readonly fromCanonical: string | null }
}

const streamsOf = (c: Connector.Connector): ReadonlyArray<StreamInfo> =>
  Object.entries(c.streams).map(([name, s]) => ({
    name,
    description: s.description,
    record: s.record.name,
    canonical: `canonical/${s.canonical}`,
    key: s.key,
    cursor: s.cursor?.field ?? null,
    capabilities: s.capabilities,
    options: s.options !== undefined,
    contentType: s.body.contentType,
    mappings: { toCanonical: s.mappings.toCanonical ?? null, fromCanonical: s.mappings.fromCanonical ?? null }
  }))

const human = (connectors: ReadonlyArray<Connector.Connector>): string => {
  const lines: Array<string> = []
  for (const c of connectors) {
    lines.push(`${c.name}  ${c.description}`)
    for (const s of streamsOf(c)) {
      const field = (label: string, value: string) => lines.push(`    ${`${label}:`.padEnd(15)}${value}`)
      lines.push(`  ${s.name}  ${s.description}`)
      field("record", `${s.record} → ${s.canonical}`)
      field("key", `${s.key.join(", ")}${s.cursor === null ? "" : `; cursor: ${s.cursor}`}`)
      field("capabilities", `${s.capabilities.join(", ")}${s.options ? "; takes options" : ""}`)
      field("body", s.contentType)
      if (s.mappings.toCanonical !== null) field("toCanonical", displayPath(s.mappings.toCanonical))
      if (s.mappings.fromCanonical !== null) field("fromCanonical", displayPath(s.mappings.fromCanonical))
    }
    lines.push("")
  }
  return lines.join("\n").trimEnd()
}

/** @internal */
export const command = Command.make(
  "connectors",
  {
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print the connectors as one JSON object"),
      Flag.withDefault(false)
    )
  },
  ({ json }) =>
    Effect.gen(function* () {
      const connectors = Installed.registry.connectors
      if (json) {
        yield* Console.log(
          JSON.stringify({
            connectors: connectors.map((c) => ({
              name: c.name,
              description: c.description,
              streams: streamsOf(c)
            }))
          })
        )
      } else yield* Console.log(human(connectors))
    })
).pipe(
  Command.withDescription(
    "List the installed connectors: their streams, record schemas, keys, cursors, capabilities and default mappings."
  ),
  Command.withExamples([{ command: "mapwright connectors --json", description: "As JSON" }])
)
