/**
 * `mapwright connectors [--json]`: the installed connectors, their streams, capabilities,
 * keys, cursors, options and default mappings, and what each customer stream carries of the
 * canonical customer (its `fields` declaration: the count per level and the fields it does not
 * carry; with `--json` every field with its level and note).
 *
 * @internal
 */
import { type Connector, FieldSupport } from "@mapwright/core"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import * as Installed from "../../Installed.ts"
import { displayPath } from "../exit.ts"

interface FieldsInfo {
  /** How many canonical customer fields are declared at each level. */
  readonly counts: Readonly<Record<FieldSupport.Level, number>>
  /** Every canonical customer field, in canonical order, with its level (and note). */
  readonly declaration: Readonly<Record<string, FieldSupport.Entry>>
}

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
  /** The customer stream's field declaration; `null` for the other streams. */
  readonly fields: FieldsInfo | null
}

const fieldsOf = (declaration: FieldSupport.Declaration | undefined): FieldsInfo | null => {
  if (declaration === undefined) return null
  const counts: Record<FieldSupport.Level, number> = { full: 0, lossy: 0, none: 0 }
  const entries: Record<string, FieldSupport.Entry> = {}
  for (const field of FieldSupport.customerFields) {
    const entry = FieldSupport.entryOf(declaration, field)
    counts[entry.level] += 1
    entries[field] =
      entry.note === undefined ? { level: entry.level } : { level: entry.level, note: entry.note }
  }
  return { counts, declaration: entries }
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
    mappings: {
      toCanonical: s.mappings.toCanonical ?? null,
      fromCanonical: s.mappings.fromCanonical ?? null
    },
    fields: fieldsOf(s.fields)
  }))

/** `3 full, 12 lossy, 10 none (not carried: gender, birthDate, ...)` */
const fieldsLine = (fields: FieldsInfo): string => {
  const counts = FieldSupport.levels.map((level) => `${fields.counts[level]} ${level}`).join(", ")
  const none = Object.entries(fields.declaration)
    .filter(([, entry]) => entry.level === "none")
    .map(([field]) => field)
  return none.length === 0 ? counts : `${counts} (not carried: ${none.join(", ")})`
}

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
      if (s.fields !== null) field("fields", fieldsLine(s.fields))
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
      Flag.withDescription("Print the connectors as one JSON object, field declarations included"),
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
    "List the installed connectors: their streams, record schemas, keys, cursors, capabilities, " +
      "default mappings, and the canonical customer fields each carries (full, lossy or none)."
  ),
  Command.withExamples([{ command: "mapwright connectors --json", description: "As JSON" }])
)
