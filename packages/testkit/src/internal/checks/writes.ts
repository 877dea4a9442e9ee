/** The contract of writes: idempotency, one result per record. */
import { Connector } from "@mapwright/core"
import { Effect } from "effect"
import type { Options } from "../../ContractSuite.ts"
import type { Failure } from "../contract.ts"
import * as Internal from "../contract.ts"
import { fail, provide, setup, streamDef, streamOptions } from "./common.ts"

export const idempotentWrites = (options: Options, stream: string): Effect.Effect<void, Failure> => {
  const contract = `writes are idempotent (${stream})`
  const so = streamOptions(options, stream)
  const records = 3
  return provide(
    options,
    Effect.gen(function* () {
      const def = yield* streamDef(options, contract, stream)
      const writable = so.writable
      if (writable === undefined) {
        return yield* fail(
          contract,
          `stream "${stream}" can create and update: give streams.${stream}.writable.sample`
        )
      }
      const running = yield* Internal.emulator(contract, () =>
        options.emulator(setup(options, stream, records))
      )
      const client = yield* Internal.client(contract, options.connector, options.config(running))
      const ops = yield* Internal.streamClient(contract, client, stream)
      const create = yield* Internal.op(contract, stream, ops, "create")
      const update = yield* Internal.op(contract, stream, ops, "update")
      const size: Effect.Effect<number, Failure> = Connector.supports(def, "count")
        ? Internal.op(contract, stream, ops, "count").pipe(
            Effect.flatMap((count) => Internal.wrap(contract, "count")(count({ options: so.listOptions })))
          )
        : Internal.op(contract, stream, ops, "list").pipe(
            Effect.flatMap((list) => Internal.readAll(contract, list, { options: so.listOptions })),
            Effect.map((items) => items.length)
          )
      const before = yield* size
      const created = yield* Internal.wrap(contract, "create")(create([writable.sample(0)]))
      const first = created[0]
      if (created.length !== 1 || first?._tag !== "Created") {
        return yield* fail(
          contract,
          `create of one sample returned ${JSON.stringify(created)}; expected one Created with an id`
        )
      }
      if ((yield* size) !== before + 1)
        return yield* fail(contract, "after one Created there must be exactly one more record")
      const updated = yield* Internal.wrap(
        contract,
        "update"
      )(update([{ id: first.id, record: writable.sample(0) }]))
      const again = updated[0]
      if (updated.length !== 1 || (again?._tag !== "Updated" && again?._tag !== "Unchanged")) {
        return yield* fail(
          contract,
          `updating ${first.id} with the same record returned ${JSON.stringify(updated)}; expected Updated or Unchanged`
        )
      }
      if (again.id !== first.id)
        return yield* fail(contract, `the update answered for id ${again.id}, not ${first.id}`)
      if ((yield* size) !== before + 1)
        return yield* fail(contract, "updating with the same record created another record")
      if (Connector.supports(def, "get")) {
        const get = yield* Internal.op(contract, stream, ops, "get")
        const found = yield* Internal.wrap(contract, "get")(get(first.id))
        if (found === undefined)
          return yield* fail(contract, `get(${first.id}) found nothing after the create`)
      }
      const batch = [
        writable.sample(1),
        ...(writable.invalid === undefined ? [] : [writable.invalid]),
        writable.sample(2)
      ]
      const results = yield* Internal.wrap(contract, "create of a batch")(create(batch))
      const expected =
        writable.invalid === undefined ? ["Created", "Created"] : ["Created", "Rejected", "Created"]
      const tags = results.map((r) => r._tag)
      if (JSON.stringify(tags) !== JSON.stringify(expected)) {
        return yield* fail(
          contract,
          `a batch of ${batch.length} returned [${tags.join(", ")}]; expected [${expected.join(", ")}], one result per record, in order`
        )
      }
      const rejected = results.find((r) => r._tag === "Rejected")
      if (rejected?._tag === "Rejected" && rejected.issues.length === 0) {
        return yield* fail(contract, "a Rejected result must carry the issues that say why")
      }
      const ids = results.flatMap((r) => (r._tag === "Created" ? [r.id] : []))
      if (new Set([first.id, ...ids]).size !== 3)
        return yield* fail(contract, `created records share an id: ${[first.id, ...ids].join(", ")}`)
      if ((yield* size) !== before + 3)
        return yield* fail(contract, "the batch did not add exactly its valid records")
    })
  )
}
