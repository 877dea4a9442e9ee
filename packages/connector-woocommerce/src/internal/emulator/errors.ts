/**
 * WooCommerce and WordPress error answers, as the real ones are written.
 */
import { Respond } from "@mapwright/testkit"

export interface WcError {
  readonly status: number
  readonly code: string
  readonly message: string
  readonly data?: Readonly<Record<string, unknown>>
}

export const body = (e: WcError) => ({
  code: e.code,
  message: e.message,
  data: { status: e.status, ...e.data }
})

export const respond = (e: WcError, headers?: Readonly<Record<string, string>>): Respond.Response =>
  Respond.json(body(e), { status: e.status, ...(headers === undefined ? {} : { headers }) })

export const invalidId: WcError = {
  status: 404,
  code: "woocommerce_rest_invalid_id",
  message: "Invalid resource ID."
}

export const invalidOrderId: WcError = {
  status: 404,
  code: "woocommerce_rest_shop_order_invalid_id",
  message: "Invalid ID."
}

export const noRoute: WcError = {
  status: 404,
  code: "rest_no_route",
  message: "No route was found matching the URL and request method."
}

export const invalidJson: WcError = {
  status: 400,
  code: "rest_invalid_json",
  message: "Invalid JSON body passed."
}

export const emailExists: WcError = {
  status: 400,
  code: "registration-error-email-exists",
  message:
    'An account is already registered with your email address. <a href="#" class="showlogin">Please log in.</a>'
}

export const usernameExists: WcError = {
  status: 400,
  code: "registration-error-username-exists",
  message: "An account is already registered with that username. Please choose another."
}

export const invalidEmail: WcError = {
  status: 400,
  code: "registration-error-invalid-email",
  message: "Please provide a valid email address."
}

export const customerExists: WcError = {
  status: 400,
  code: "woocommerce_rest_customer_exists",
  message: "Cannot create existing resource."
}

export const trashNotSupported: WcError = {
  status: 501,
  code: "woocommerce_rest_trash_not_supported",
  message: "Customers do not support trashing."
}

export const tooManyItems: WcError = {
  status: 413,
  code: "woocommerce_rest_request_entity_too_large",
  message: "Unable to accept more than 100 items for this request."
}

export const missingParam = (names: ReadonlyArray<string>): WcError => ({
  status: 400,
  code: "rest_missing_callback_param",
  message: `Missing parameter(s): ${names.join(", ")}`,
  data: { params: names }
})

export const invalidParam = (params: Readonly<Record<string, string>>): WcError => ({
  status: 400,
  code: "rest_invalid_param",
  message: `Invalid parameter(s): ${Object.keys(params).join(", ")}`,
  data: { params }
})

const refusal: Readonly<Record<string, { readonly code: string; readonly message: string }>> = {
  GET: { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources." },
  POST: {
    code: "woocommerce_rest_cannot_create",
    message: "Sorry, you are not allowed to create resources."
  },
  PUT: { code: "woocommerce_rest_cannot_edit", message: "Sorry, you are not allowed to edit this resource." },
  PATCH: {
    code: "woocommerce_rest_cannot_edit",
    message: "Sorry, you are not allowed to edit this resource."
  },
  DELETE: {
    code: "woocommerce_rest_cannot_delete",
    message: "Sorry, you are not allowed to delete this resource."
  }
}

/** No credentials: the permission check of the route refuses (401 while nobody is logged in). */
export const cannot = (method: string): WcError => ({
  status: 401,
  ...(refusal[method] ?? (refusal.GET as { readonly code: string; readonly message: string }))
})

/** Credentials that do not match a key. */
export const badKey: WcError = {
  status: 401,
  code: "woocommerce_rest_authentication_error",
  message: "Consumer key is invalid."
}

/** The host's answer to an injected 5xx: a web server page, not JSON. */
export const hostError = (status: number): Respond.Response => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: `<!DOCTYPE html><html><head><title>${status} Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>`
})

/** A WAF's answer to too many requests (core WooCommerce has no rate limiter). */
export const tooManyRequests: WcError = {
  status: 429,
  code: "too_many_requests",
  message: "Too many requests. Please slow down."
}

/** WordPress's answer when PHP dies. */
export const critical: WcError = {
  status: 500,
  code: "internal_server_error",
  message: "<p>There has been a critical error on this website.</p>"
}
