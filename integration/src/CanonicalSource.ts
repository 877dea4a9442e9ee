/**
 * A test-only source connector, `canonical-ndjson`: canonical customers from an NDJSON file,
 * one per line, read as they are (its to-canonical mapping is the identity). It lets a
 * pipeline hand a target connector's from-canonical mapping exactly the shared set, every
 * field filled, which no real platform's read would (each one loses what it does not carry).
 *
 * ```yaml
 * source:
 *   connector: canonical-ndjson
 *   config: { file: /tmp/customers.ndjson }
 *   stream: customers
 * ```
 *
 * @since 0.1.0
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Canonical, Connector, ConnectorError, FieldSupport, RecordSchema } from "@mapwright/core"
import { Effect, Result, Schema, Stream } from "effect"

/**
 * @since 0.1.0
 * @category constants
 */
export const name = "canonical-ndjson"

/**
 * The config: the NDJSON file to read (an absolute path).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Config = Schema.Struct({
  file: Schema.String.annotate({ description: "The NDJSON file of canonical customers, an absolute path" })
})

const customerSchema = RecordSchema.make(
  "canonical-ndjson/Customer",
  Canonical.Customer,
  "A canonical customer, one line of an NDJSON file"
)

/**
 * @since 0.1.0
 * @category schemas
 */
export const schemas: ReadonlyArray<RecordSchema.RecordSchema> = [customerSchema]

/** Every canonical field is carried: the records are canonical already. */
const everyField = Object.fromEntries(
  FieldSupport.customerFields.map((field) => [field, "full"])
) as unknown as FieldSupport.Declaration

const lines = (text: string): Result.Result<ReadonlyArray<unknown>, string> => {
  const out: Array<unknown> = []
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue
    try {
      out.push(JSON.parse(line))
    } catch {
      return Result.fail(`line ${i + 1} is not JSON`)
    }
  }
  return Result.succeed(out)
}

/**
 * @since 0.1.0
 * @category connectors
 */
export const connector: Connector.Connector = Connector.define({
  name,
  description: "Canonical customers from an NDJSON file (a test-only source)",
  config: Config,
  streams: {
    customers: {
      description: "The file's canonical customers, in file order",
      record: customerSchema,
      canonical: "Customer",
      key: ["id"],
      capabilities: ["list"],
      mappings: {
        toCanonical: fileURLToPath(new URL("../mappings/customer.to-canonical.yaml", import.meta.url))
      },
      body: {
        contentType: "application/x-ndjson",
        decode: lines,
        encode: (records) => records.map((r) => `${JSON.stringify(r)}\n`).join("")
      },
      fields: everyField
    }
  },
  client: (config) =>
    Effect.succeed({
      check: Effect.void,
      streams: {
        customers: {
          list: () =>
            Stream.unwrap(
              Effect.try({
                try: () => readFileSync(config.file, "utf8"),
                catch: () =>
                  new ConnectorError.ConnectorError({
                    connector: name,
                    reason: "NotFound",
                    message: `cannot read ${config.file}`,
                    retryable: false
                  })
              }).pipe(
                Effect.flatMap((text) => {
                  const parsed = lines(text)
                  return Result.isSuccess(parsed)
                    ? Effect.succeed(Stream.fromIterable(parsed.success.map((record) => ({ record }))))
                    : Effect.fail(
                        new ConnectorError.ConnectorError({
                          connector: name,
                          reason: "InvalidResponse",
                          message: `${config.file}: ${parsed.failure}`,
                          retryable: false
                        })
                      )
                })
              )
            )
        }
      }
    })
})
