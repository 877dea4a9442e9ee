/**
 * The PrestaShop customer group (`/api/groups`), in its JSON form. Its `name` is multilingual:
 * an array of `{ id, value }`, one per language, the connector's `languageId` first. (PrestaShop's
 * JSON output collapses a one-language field to a bare string; the connector reads that as the
 * `languageId` entry, so XML and JSON reads give the same record.)
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { dateTime, decimal, id, matching, multilingual } from "./internal/leaves.ts"

/**
 * @since 0.1.0
 * @category schemas
 */
export const Group = Schema.Struct({
  id: id("The group id (read-only; a create body has none)"),
  reduction: decimal("The discount of the group's members, in percent"),
  price_display_method: Schema.optionalKey(
    matching(/^[01]?$/, '"0" (tax included) or "1" (tax excluded)').annotate({
      description: "How prices show: 0 tax included, 1 tax excluded (required)"
    })
  ),
  show_prices: Schema.optionalKey(
    matching(/^[01]?$/, 'a flag, "0" or "1"').annotate({
      description: "1 when the group's members see prices"
    })
  ),
  date_add: dateTime("When the group was created, shop-local (read-only)"),
  date_upd: dateTime("When the group was last changed, shop-local (read-only)"),
  name: multilingual("The group's name (required, 32 characters)")
}).annotate({
  identifier: "PrestaShopGroup",
  description: "A PrestaShop customer group (webservice /api/groups)"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Group = typeof Group.Type

/**
 * The element order of a group in the webservice's XML.
 *
 * @since 0.1.0
 * @category constants
 */
export const fields: ReadonlyArray<string> = [
  "id",
  "reduction",
  "price_display_method",
  "show_prices",
  "date_add",
  "date_upd",
  "name"
]

/**
 * The multilingual fields of a group.
 *
 * @since 0.1.0
 * @category constants
 */
export const multilingualFields: ReadonlyArray<string> = ["name"]

/**
 * The fields PrestaShop sets itself: a create body leaves them out.
 *
 * @since 0.1.0
 * @category constants
 */
export const readOnlyFields: ReadonlyArray<string> = ["id", "date_add", "date_upd"]
