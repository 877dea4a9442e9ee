/**
 * The customers stream's `includeGuests` option: after the registered customers, the guests of
 * guest orders (`customer_is_guest` 1), one per distinct lower-cased email, keyed by it, built
 * from their first order, leaving out those whose email is a registered customer's; and a
 * read resumed among the guests yields exactly those not yielded before.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import type * as MagentoEmulator from "../src/emulator.ts"
import { clientFor, type Json, list, records, searches, withEmulator } from "./helpers.ts"

const options: MagentoEmulator.Options = { customers: 6, orders: 16, guests: 5 }

/** Every order the emulator holds, by entity id, read with a plain search. */
const allOrders = (running: MagentoEmulator.Running) =>
  Effect.promise(() =>
    fetch(`${running.url}/rest/V1/orders?searchCriteria[pageSize]=100`, {
      headers: { authorization: `Bearer ${running.config.token}` }
    }).then((r) => r.json() as Promise<{ items: ReadonlyArray<Json> }>)
  ).pipe(Effect.map((body) => body.items))

describe("includeGuests", () => {
  it.live(
    "yields each guest once, by lower-cased email, from the first order, but not registered emails",
    () =>
      withEmulator(options, (running) =>
        Effect.gen(function* () {
          const client = yield* clientFor(running)
          const items = yield* list(client, "customers", { pageSize: 4, options: { includeGuests: true } })
          const registered = records(items).filter((c) => typeof c.id === "number")
          const guests = records(items).filter((c) => typeof c.id === "string")
          assert.strictEqual(registered.length, 6)
          const orders = yield* allOrders(running)
          const registeredEmails = new Set(registered.map((c) => String(c.email).toLowerCase()))
          const firstOrders = new Map<string, Json>()
          for (const o of orders) {
            const email = String(o.customer_email).toLowerCase()
            if (o.customer_is_guest === 1 && !firstOrders.has(email)) firstOrders.set(email, o)
          }
          // the seed: 5 guests, two who ordered again in another case, one with customer 1's email
          assert.strictEqual(firstOrders.size, 5)
          const expected = [...firstOrders.keys()].filter((e) => !registeredEmails.has(e))
          assert.strictEqual(expected.length, 4)
          assert.deepStrictEqual(
            guests.map((g) => g.id),
            expected
          )
          for (const guest of guests) {
            const order = firstOrders.get(String(guest.id))!
            assert.strictEqual(guest.email, guest.id)
            assert.strictEqual(guest.group_id, 0)
            assert.strictEqual(guest.firstname, order.customer_firstname)
            assert.strictEqual(guest.created_at, order.created_at)
            const billing = (guest.resolved as Json).billing_address as Json
            assert.deepStrictEqual(billing.street, (order.billing_address as Json).street)
            assert.strictEqual((guest.resolved as Json).group_code, "NOT LOGGED IN")
          }
          // registered emails were looked up with an `in` search
          assert.isTrue(
            searches(running, "customers/search").some(
              (s) => s.includes("[field]=email") && s.includes("[condition_type]=in")
            )
          )
          assert.strictEqual(
            yield* client.streams.customers!.count!({ options: { includeGuests: true } }),
            10
          )
        })
      )
  )

  it.live("a read resumed among the guests yields exactly the guests after, none twice", () =>
    withEmulator(options, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        const read = (since?: string) =>
          list(client, "customers", {
            pageSize: 3,
            options: { includeGuests: true },
            ...(since === undefined ? {} : { since })
          })
        const all = yield* read()
        const guestAt = all.findIndex((i) => typeof (i.record as Json).id === "string")
        const second = all[guestAt + 1]!
        assert.match(second.checkpoint ?? "", /&order=\d+$/)
        const resumed = records(yield* read(second.checkpoint))
        assert.deepStrictEqual(
          resumed.map((c) => c.id),
          records(all.slice(guestAt + 2)).map((c) => c.id)
        )
        assert.deepStrictEqual(yield* read(all[all.length - 1]!.checkpoint), [])
      })
    )
  )

  it.live("without the option, only registered customers; a bad option is refused", () =>
    withEmulator(options, (running) =>
      Effect.gen(function* () {
        const client = yield* clientFor(running)
        assert.strictEqual((yield* list(client, "customers")).length, 6)
        assert.strictEqual(searches(running, "orders").length, 0)
        const error = yield* Effect.flip(list(client, "customers", { options: { includeGuest: true } }))
        assert.include(error.message, "{ includeGuests?: boolean }")
      })
    )
  )
})
