/**
 * Types the tests read API answers and streamed records with: the fields they look at, typed;
 * the rest `unknown`.
 */

/** A customer as an answer or a stream gives it. */
export interface Row {
  readonly id: string
  readonly name: string
  readonly phone: string
  readonly dial_code: unknown
  readonly email: string | null
  readonly updated_at: string
  readonly deleted_at: string | null
  readonly order_count: number
  readonly is_blacklisted: boolean
  readonly tags: ReadonlyArray<{ readonly id: string }>
  readonly addresses: ReadonlyArray<Readonly<Record<string, unknown>>>
  readonly [key: string]: unknown
}

/** A list answer (or an error answer) of the API. */
export interface Page {
  readonly data: ReadonlyArray<Row>
  readonly links: {
    readonly first: string
    readonly last: string
    readonly prev: string | null
    readonly next: string | null
  }
  readonly meta: Readonly<Record<string, unknown>>
  readonly message: string
  readonly errors: Readonly<Record<string, ReadonlyArray<string>>>
}

/** A streamed or fetched record, read as a customer. */
export const row = (record: unknown): Row => record as Row

/** The customer of a single answer, `{"data": {...}}`. */
export const one = (body: unknown): Row => (body as { readonly data: Row }).data
