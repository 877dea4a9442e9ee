/**
 * Magento's error answers, as the REST API writes them: `{"message": "...", "parameters":
 * ...}`, with `errors` for an `InputException` that gathers several problems.
 */
import { Respond } from "@mapwright/testkit"

export interface MagentoError {
  readonly status: number
  readonly message: string
  readonly parameters?: ReadonlyArray<unknown> | Readonly<Record<string, unknown>>
  readonly errors?: ReadonlyArray<{
    readonly message: string
    readonly parameters?: ReadonlyArray<unknown> | Readonly<Record<string, unknown>>
  }>
}

export const body = (e: MagentoError) => ({
  message: e.message,
  ...(e.errors === undefined ? {} : { errors: e.errors }),
  ...(e.parameters === undefined ? {} : { parameters: e.parameters })
})

export const respond = (e: MagentoError): Respond.Response => Respond.json(body(e), { status: e.status })

/** Answers now (throws the response). */
export const fail = (e: MagentoError): never => Respond.fail(respond(e))

export const required = (fieldName: string): MagentoError => ({
  status: 400,
  message: '"%fieldName" is required. Enter and try again.',
  parameters: { fieldName }
})

/** Several required fields at once, as an `InputException` gathers them. */
export const requiredAll = (fields: ReadonlyArray<string>): MagentoError =>
  fields.length === 1
    ? required(fields[0]!)
    : {
        status: 400,
        message: "One or more input exceptions have occurred.",
        errors: fields.map((fieldName) => ({
          message: '"%fieldName" is required. Enter and try again.',
          parameters: { fieldName }
        }))
      }

export const invalidValue = (fieldName: string, value: unknown): MagentoError => ({
  status: 400,
  message: 'Invalid value of "%value" provided for the %fieldName field.',
  parameters: { value, fieldName }
})

export const invalidEmail: MagentoError = {
  status: 400,
  message: '"%1" is not a valid email address.',
  parameters: ["Email"]
}

export const emailExists: MagentoError = {
  status: 400,
  message: "A customer with the same email address already exists in an associated website."
}

export const groupExists: MagentoError = { status: 400, message: "Customer Group already exists." }

export const noSuchEntity = (fieldName: string, fieldValue: unknown): MagentoError => ({
  status: 404,
  message: "No such entity with %fieldName = %fieldValue",
  parameters: { fieldName, fieldValue }
})

export const noSuchAttribute = (code: string): MagentoError => ({
  status: 404,
  message: "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value",
  parameters: {
    fieldName: "entityType",
    fieldValue: "customer",
    field2Name: "attributeCode",
    field2Value: code
  }
})

export const noRoute: MagentoError = { status: 404, message: "Request does not match any route." }

export const unauthorized = (resources: string): MagentoError => ({
  status: 401,
  message: "The consumer isn't authorized to access %resources.",
  parameters: { resources }
})

export const noAccessor = (property: string, type: string): MagentoError => ({
  status: 400,
  message: 'Property "%1" does not have accessor method "%2" in class "%3".',
  parameters: [
    property,
    `get${property.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase())}`,
    type
  ]
})

export const decodingError = (detail: string): MagentoError => ({
  status: 400,
  message: "Decoding error: %1",
  parameters: [detail]
})

export const tooLong = (fieldName: string, maxLength: number): MagentoError => ({
  status: 400,
  message: 'The length of "%fieldName" must be %maxLength characters or fewer.',
  parameters: { fieldName, maxLength }
})

export const tooManyStreetLines = (lines: number): MagentoError => ({
  status: 400,
  message: "Street Address cannot contain more than %1 lines.",
  parameters: [lines]
})

export const passwordTooShort: MagentoError = {
  status: 400,
  message: "The password needs at least %1 characters. Create a new password and try again.",
  parameters: [8]
}

export const passwordClasses: MagentoError = {
  status: 400,
  message:
    "Minimum of different classes of characters in password is %1. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.",
  parameters: [3]
}

export const maxPageSize = (max: number): MagentoError => ({
  status: 400,
  message: "Maximum SearchCriteria pageSize is %1",
  parameters: [max]
})

export const invalidCondition = (condition: string): MagentoError => ({
  status: 400,
  message: 'Invalid condition type "%1".',
  parameters: [condition]
})

export const invalidField = (field: string): MagentoError => ({
  status: 400,
  message: "Invalid attribute name: %1",
  parameters: [field]
})

export const internalError = (reportId: string): MagentoError => ({
  status: 500,
  message: `Internal Error. Details are available in Magento log file. Report ID: webapi-${reportId}`
})

export const serviceUnavailable = (status: number): MagentoError => ({
  status,
  message: status === 503 ? "Service Temporarily Unavailable" : "Internal Error."
})

/** The body of the 2.4.7+ limiter (and of hosts' 429s), as the docs show it. */
export const tooManyRequests = (): Respond.Response =>
  Respond.json({ message: "Too Many Requests", trace: null }, { status: 429 })
