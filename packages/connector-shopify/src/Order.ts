/**
 * The Shopify order, in the shape of the GraphQL Admin API's `Order` object as the connector
 * queries it: what concerns the customer (who placed it, the contact email and phone, the
 * addresses), its name, times, statuses, currency and total. The REST order of Shopify's
 * `orders/create` webhook is normalised to it by the `Rest` module.
 *
 * An order without a customer (`customer: null`) was placed by a guest, or had its customer
 * removed: the guest exists only in its `email`, `phone` and addresses.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { DateTime, Decimal, EmailAddress, MailingAddress, PhoneNumber, UnsignedInt64 } from "./Customer.ts"

const optional = <S extends Schema.Top>(schema: S, description: string) =>
  Schema.optionalKey(schema.annotate({ description }))

const nullableText = (description: string) => optional(Schema.NullOr(Schema.String), description)

/**
 * The financial statuses of an order (`OrderDisplayFinancialStatus`).
 *
 * @since 0.1.0
 * @category constants
 */
export const financialStatuses = [
  "AUTHORIZED",
  "EXPIRED",
  "PAID",
  "PARTIALLY_PAID",
  "PARTIALLY_REFUNDED",
  "PENDING",
  "REFUNDED",
  "VOIDED"
] as const

/**
 * The fulfillment statuses of an order (`OrderDisplayFulfillmentStatus`).
 *
 * @since 0.1.0
 * @category constants
 */
export const fulfillmentStatuses = [
  "FULFILLED",
  "IN_PROGRESS",
  "ON_HOLD",
  "OPEN",
  "PARTIALLY_FULFILLED",
  "PENDING_FULFILLMENT",
  "REQUEST_DECLINED",
  "RESTOCKED",
  "SCHEDULED",
  "UNFULFILLED"
] as const

/**
 * The customer of an order, as the order shows them.
 *
 * @since 0.1.0
 * @category schemas
 */
export const OrderCustomer = Schema.Struct({
  id: Schema.String.annotate({ description: "The customer's GID" }),
  firstName: nullableText("First name"),
  lastName: nullableText("Last name"),
  defaultEmailAddress: optional(Schema.NullOr(EmailAddress), "The customer's email address"),
  defaultPhoneNumber: optional(Schema.NullOr(PhoneNumber), "The customer's phone number")
}).annotate({ identifier: "ShopifyOrderCustomer", description: "The customer of an order" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const Order = Schema.Struct({
  id: Schema.String.annotate({ description: "The order's GID, gid://shopify/Order/<n>" }),
  legacyResourceId: optional(UnsignedInt64, "The order's numeric id, as a string"),
  name: nullableText("The order's name, shown to the customer, e.g. #1001"),
  email: nullableText("The contact email of the order"),
  phone: nullableText("The contact phone of the order"),
  createdAt: optional(DateTime, "When the order was created, UTC"),
  updatedAt: optional(DateTime, "When the order was last changed, UTC"),
  processedAt: optional(DateTime, "When the order was processed, UTC"),
  cancelledAt: optional(Schema.NullOr(DateTime), "When the order was cancelled, UTC; null when it was not"),
  displayFinancialStatus: optional(
    Schema.NullOr(Schema.Literals(financialStatuses)),
    "The financial status: PAID, PENDING, REFUNDED, ..."
  ),
  displayFulfillmentStatus: optional(
    Schema.Literals(fulfillmentStatuses),
    "The fulfillment status: UNFULFILLED, FULFILLED, ..."
  ),
  currencyCode: optional(Schema.String, "The shop's currency for the order (ISO 4217)"),
  totalPriceSet: optional(
    Schema.Struct({
      shopMoney: Schema.Struct({
        amount: Decimal.annotate({ description: "The total, a decimal string" }),
        currencyCode: Schema.String.annotate({ description: "ISO 4217 currency code" })
      })
    }),
    "The order's total, in the shop's currency"
  ),
  customerAcceptsMarketing: optional(Schema.Boolean, "Whether the buyer agreed to marketing emails"),
  customer: optional(Schema.NullOr(OrderCustomer), "The customer; null for a guest order"),
  billingAddress: optional(Schema.NullOr(MailingAddress), "The billing address"),
  shippingAddress: optional(Schema.NullOr(MailingAddress), "The shipping address")
}).annotate({ identifier: "ShopifyOrder", description: "A Shopify order (GraphQL Admin API Order)" })

/**
 * @since 0.1.0
 * @category models
 */
export type Order = typeof Order.Type
