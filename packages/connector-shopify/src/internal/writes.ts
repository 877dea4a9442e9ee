/**
 * The customers stream's writes, several records to a GraphQL document (one aliased mutation
 * per record, run by Shopify one after the other):
 *
 * - create: `customerCreate(input)`, a strict add (an email or phone another customer has is
 *   refused: `AlreadyExists`), consents included;
 * - update: `customerSet(identifier: { id }, input)`, the mutation Shopify gives for syncing
 *   from another system (the record's fields replace Shopify's, its address list replaces the
 *   address book, the fields it leaves out are kept), then
 *   `customerEmailMarketingConsentUpdate` / `customerSmsMarketingConsentUpdate` for the
 *   consents it carries (`customerSet` takes none). Setting a customer by id is idempotent, so
 *   an update is retried after a lost answer;
 * - delete: `customerDelete(input: { id })`.
 *
 * A mutation's `userErrors` make its record `Rejected`, with one write issue per error at the
 * record field it names. A document Shopify refuses as a whole for a bad variable (an unknown
 * country code, a bad enum) is sent again one record at a time, so only the bad record is
 * rejected.
 */
import type { Connector, ConnectorError, RecordIssue } from "@mapwright/core"
import { Effect } from "effect"
import * as ErrorBody from "../ErrorBody.ts"
import { numericId } from "./checkpoint.ts"
import { at, type GraphQL } from "./graphql.ts"
import * as Input from "./input.ts"
import { mutationCustomerFields } from "./queries.ts"

type Json = Readonly<Record<string, unknown>>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/** Records per document: at most 3 mutations of 10 points each per record. */
export const recordsPerDocument = 10

const issue = (path: string, code: string, message: string): RecordIssue.RecordIssue => ({
  severity: "error",
  stage: "write",
  path,
  code,
  message
})

const rejected = (issues: ReadonlyArray<RecordIssue.RecordIssue>): Connector.WriteResult => ({
  _tag: "Rejected",
  issues
})

/** One record's part of a document: its mutations, variables and how to read its answer. */
interface Part {
  /** Variable definitions (`$i0: CustomerInput!`). */
  readonly definitions: ReadonlyArray<string>
  readonly fields: ReadonlyArray<string>
  readonly variables: Json
  /** The result, from the document's `data` (aliases absent when the document failed). */
  readonly read: (data: Json, errors: ReadonlyArray<ErrorBody.GraphQLError>) => Connector.WriteResult
}

type Build = (index: number) => Part

export type Prepared =
  | { readonly _tag: "Send"; readonly build: Build }
  | { readonly _tag: "Refuse"; readonly issues: ReadonlyArray<RecordIssue.RecordIssue> }

const customerGid = (id: string): string | undefined => {
  if (/^\d{1,20}$/.test(id)) return `gid://shopify/Customer/${id}`
  return numericId(id) !== undefined && id.startsWith("gid://shopify/Customer/") ? id : undefined
}

/** Errors the document got at an alias (a resolver failure), as issues. */
const errorsAt = (alias: string, errors: ReadonlyArray<ErrorBody.GraphQLError>) =>
  errors
    .filter((e) => e.path?.[0] === alias)
    .map((e) => issue("", e.code ?? "Rejected", `Shopify refused the record: ${e.message}`))

const payloadResult = (
  data: Json,
  errors: ReadonlyArray<ErrorBody.GraphQLError>,
  alias: string,
  translate: (path: ReadonlyArray<string>) => string,
  ok: (payload: Json) => Connector.WriteResult
): Connector.WriteResult => {
  const payload = data[alias]
  if (!isObject(payload)) {
    const found = errorsAt(alias, errors)
    return rejected(
      found.length > 0 ? found : [issue("", "InvalidResponse", `Shopify gave no answer for ${alias}`)]
    )
  }
  const userErrors = ErrorBody.userErrors(payload.userErrors)
  if (userErrors.length > 0) return rejected(ErrorBody.userErrorIssues(userErrors, translate))
  return ok(payload)
}

const created = (payload: Json): Connector.WriteResult => {
  const id = at(payload, "customer", "id")
  return typeof id === "string"
    ? { _tag: "Created", id }
    : rejected([issue("", "InvalidResponse", "Shopify answered the create without the customer")])
}

export const prepareCreate = (record: unknown): Prepared => {
  if (!isObject(record))
    return { _tag: "Refuse", issues: [issue("", "NotAnObject", "a customer to write must be an object")] }
  const prepared = Input.createInput(record)
  return {
    _tag: "Send",
    build: (i) => ({
      definitions: [`$i${i}: CustomerInput!`],
      fields: [
        `r${i}: customerCreate(input: $i${i}) { customer { ${mutationCustomerFields} } userErrors { field message } }`
      ],
      variables: { [`i${i}`]: prepared.input },
      read: (data, errors) => payloadResult(data, errors, `r${i}`, prepared.translate, created)
    })
  }
}

export const prepareUpdate = (item: unknown): Prepared => {
  const { id, record } = (isObject(item) ? item : {}) as Partial<Connector.UpdateItem>
  const gid = typeof id === "string" ? customerGid(id) : undefined
  if (gid === undefined) {
    return {
      _tag: "Refuse",
      issues: [
        issue("id", "NotFound", `${JSON.stringify(String(id).slice(0, 60))} is not a Shopify customer id`)
      ]
    }
  }
  if (!isObject(record))
    return { _tag: "Refuse", issues: [issue("", "NotAnObject", "a customer to write must be an object")] }
  const prepared = Input.updateInput(record)
  return {
    _tag: "Send",
    build: (i) => {
      const definitions = [`$id${i}: CustomerSetIdentifiers!`, `$i${i}: CustomerSetInput!`]
      const fields = [
        `r${i}: customerSet(identifier: $id${i}, input: $i${i}) { customer { ${mutationCustomerFields} } userErrors { field message code } }`
      ]
      const variables: Record<string, unknown> = { [`id${i}`]: { id: gid }, [`i${i}`]: prepared.input }
      if (prepared.emailConsent !== undefined) {
        definitions.push(`$e${i}: CustomerEmailMarketingConsentUpdateInput!`)
        fields.push(
          `e${i}: customerEmailMarketingConsentUpdate(input: $e${i}) { userErrors { field message code } }`
        )
        variables[`e${i}`] = {
          customerId: gid,
          emailMarketingConsent: { marketingState: prepared.emailConsent }
        }
      }
      if (prepared.smsConsent !== undefined) {
        definitions.push(`$s${i}: CustomerSmsMarketingConsentUpdateInput!`)
        fields.push(
          `s${i}: customerSmsMarketingConsentUpdate(input: $s${i}) { userErrors { field message code } }`
        )
        variables[`s${i}`] = { customerId: gid, smsMarketingConsent: { marketingState: prepared.smsConsent } }
      }
      const consentPath = (head: string) => (path: ReadonlyArray<string>) =>
        path[0] === "customerId" ? "id" : prepared.translate([head, ...path.slice(1)])
      return {
        definitions,
        fields,
        variables,
        read: (data, errors) => {
          const set = payloadResult(data, errors, `r${i}`, prepared.translate, (payload) => {
            const at_ = at(payload, "customer", "id")
            return typeof at_ === "string"
              ? { _tag: "Updated", id: at_ }
              : rejected([issue("id", "NotFound", `Shopify has no customer ${gid}`)])
          })
          if (set._tag === "Rejected") return set
          const consents = [
            prepared.emailConsent === undefined
              ? undefined
              : payloadResult(data, errors, `e${i}`, consentPath("emailMarketingConsent"), () => set),
            prepared.smsConsent === undefined
              ? undefined
              : payloadResult(data, errors, `s${i}`, consentPath("smsMarketingConsent"), () => set)
          ].filter((r) => r?._tag === "Rejected")
          const issues = consents.flatMap((r) => (r?._tag === "Rejected" ? r.issues : []))
          return issues.length === 0 ? set : rejected(issues)
        }
      }
    }
  }
}

export const prepareDelete = (id: unknown): Prepared => {
  const gid = typeof id === "string" ? customerGid(id) : undefined
  if (gid === undefined) {
    return {
      _tag: "Refuse",
      issues: [
        issue("id", "NotFound", `${JSON.stringify(String(id).slice(0, 60))} is not a Shopify customer id`)
      ]
    }
  }
  return {
    _tag: "Send",
    build: (i) => ({
      definitions: [`$i${i}: CustomerDeleteInput!`],
      fields: [`r${i}: customerDelete(input: $i${i}) { deletedCustomerId userErrors { field message } }`],
      variables: { [`i${i}`]: { id: gid } },
      read: (data, errors) =>
        payloadResult(
          data,
          errors,
          `r${i}`,
          (p) => (p[0] === "id" ? "id" : p.join(".")),
          (payload) =>
            typeof payload.deletedCustomerId === "string"
              ? { _tag: "Deleted", id: payload.deletedCustomerId }
              : rejected([issue("id", "NotFound", `Shopify deleted nothing for ${gid}`)])
        )
    })
  }
}

const variableProblems = (errors: ReadonlyArray<ErrorBody.GraphQLError>) =>
  errors.filter((e) => e.code === "INVALID_VARIABLE" || e.problems.length > 0)

/** The issues of a record whose one-record document Shopify refused for a bad variable. */
const variableIssues = (
  errors: ReadonlyArray<ErrorBody.GraphQLError>,
  translate: (variable: string, path: ReadonlyArray<string>) => string
): ReadonlyArray<RecordIssue.RecordIssue> =>
  errors.flatMap((e) => {
    const variable = /Variable \$(\w+)/.exec(e.message)?.[1] ?? ""
    return e.problems.length === 0
      ? [issue("", "InvalidValue", `Shopify refused the record: ${e.message}`)]
      : e.problems.map((p) =>
          issue(
            translate(variable, p.path.map(String)),
            "InvalidValue",
            `Shopify refused the record: ${p.explanation}`
          )
        )
  })

/**
 * Writes `items` in documents of {@link recordsPerDocument} records, one document after the
 * other, and returns one result per item, in order.
 */
export const write = (
  gql: GraphQL,
  operation: "create" | "update" | "delete",
  items: ReadonlyArray<unknown>,
  prepare: (item: unknown) => Prepared,
  options: {
    readonly idempotent: boolean
    readonly translateVariable?: (item: unknown) => (variable: string, path: ReadonlyArray<string>) => string
  }
): Effect.Effect<ReadonlyArray<Connector.WriteResult>, ConnectorError.ConnectorError> =>
  Effect.gen(function* () {
    const results: Array<Connector.WriteResult | undefined> = items.map(() => undefined)
    const pending: Array<{ readonly index: number; readonly build: Build }> = []
    items.forEach((item, index) => {
      const prepared = prepare(item)
      if (prepared._tag === "Refuse") results[index] = rejected(prepared.issues)
      else pending.push({ index, build: prepared.build })
    })
    const name =
      operation === "create" ? "CustomersCreate" : operation === "update" ? "CustomersSet" : "CustomersDelete"
    const send = (
      chunk: ReadonlyArray<{ readonly index: number; readonly build: Build }>
    ): Effect.Effect<void, ConnectorError.ConnectorError> =>
      Effect.gen(function* () {
        const parts = chunk.map((p, i) => p.build(i))
        const document = `mutation ${name}(${parts.flatMap((p) => p.definitions).join(", ")}) {\n  ${parts
          .flatMap((p) => p.fields)
          .join("\n  ")}\n}`
        const variables = Object.assign({}, ...parts.map((p) => p.variables)) as Json
        const answer = yield* gql.attempt(
          `${operation} of ${chunk.length} customer(s)`,
          document,
          variables,
          {
            idempotent: options.idempotent
          }
        )
        const errors = ErrorBody.graphQLErrors(answer.body)
        if (answer.data === undefined) {
          const bad = variableProblems(errors)
          if (bad.length === 0 || bad.length !== errors.length) {
            return yield* ErrorBody.fromGraphQL(answer.body, `${operation} of customers`)!
          }
          if (chunk.length > 1) {
            for (const one of chunk) yield* send([one])
            return
          }
          const item = items[chunk[0]!.index]
          const translate =
            options.translateVariable?.(item) ?? ((_: string, p: ReadonlyArray<string>) => p.join("."))
          results[chunk[0]!.index] = rejected(variableIssues(bad, translate))
          return
        }
        parts.forEach((part, i) => {
          results[chunk[i]!.index] = part.read(answer.data!, errors)
        })
      })
    for (let start = 0; start < pending.length; start += recordsPerDocument) {
      yield* send(pending.slice(start, start + recordsPerDocument))
    }
    return results.map(
      (r) =>
        r ?? rejected([issue("", "Internal", "the record got no result (a bug in the Shopify connector)")])
    )
  })

/**
 * How a variable problem's path (`addresses.0.countryCode` of `$i0`) reads in the record: the
 * input's paths as user errors name them; the identifier (`$id0`) and the consents (`$e0`,
 * `$s0`) by their record fields.
 */
export const variableTranslator =
  (operation: "create" | "update" | "delete") =>
  (item: unknown): ((variable: string, path: ReadonlyArray<string>) => string) => {
    const record = operation === "create" ? item : isObject(item) ? item.record : undefined
    if (operation === "delete" || !isObject(record)) return () => "id"
    const prepared = operation === "create" ? Input.createInput(record) : Input.updateInput(record)
    return (variable, path) => {
      if (/^id\d+$/.test(variable) || path[0] === "customerId") return "id"
      if (/^e\d+$/.test(variable)) return "defaultEmailAddress.marketingState"
      if (/^s\d+$/.test(variable)) return "defaultPhoneNumber.marketingState"
      return prepared.translate(path)
    }
  }
