/**
 * The connectors the round trip goes through, each with how to start its emulator empty of
 * customers (with what a customer write needs there already, such as the shared set's customer
 * groups) and the list options of its read back (`includeGuests` where the customers stream
 * has it).
 *
 * @since 0.1.0
 */
import * as Foodics from "@mapwright/connector-foodics"
import * as FoodicsEmulator from "@mapwright/connector-foodics/emulator"
import * as Magento from "@mapwright/connector-magento"
import * as MagentoEmulator from "@mapwright/connector-magento/emulator"
import * as Open2b from "@mapwright/connector-open2b"
import * as Open2bEmulator from "@mapwright/connector-open2b/emulator"
import * as PrestaShop from "@mapwright/connector-prestashop"
import * as PrestaShopEmulator from "@mapwright/connector-prestashop/emulator"
import * as Shopify from "@mapwright/connector-shopify"
import * as ShopifyEmulator from "@mapwright/connector-shopify/emulator"
import * as WooCommerce from "@mapwright/connector-woocommerce"
import * as WooEmulator from "@mapwright/connector-woocommerce/emulator"
import * as XmlResultset from "@mapwright/connector-xml-resultset"
import * as XmlEmulator from "@mapwright/connector-xml-resultset/emulator"
import type { Connector } from "@mapwright/core"
import { groups } from "./customers.ts"

/**
 * A started emulator: a connector config for it, and how to stop it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Started {
  readonly config: Readonly<Record<string, unknown>>
  readonly close: () => Promise<void>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Target {
  readonly connector: Connector.Connector
  /** Starts the connector's emulator with no customers. */
  readonly start: () => Promise<Started>
  /** The customers stream's options for the read back. */
  readonly listOptions?: unknown
}

/**
 * The XML ResultSet API: its five default UserGroups are the shared set's groups (retail,
 * wholesale, vip, dealer, newsletter); the read joins them to get each group's name.
 *
 * @since 0.1.0
 * @category targets
 */
export const xmlResultset: Target = {
  connector: XmlResultset.connector,
  start: async () => {
    const running = await XmlEmulator.start({ customers: 0 })
    return { config: running.config, close: () => running.close() }
  },
  listOptions: { joinUserGroups: true }
}

/**
 * WooCommerce, with no customers, orders or guests.
 *
 * @since 0.1.0
 * @category targets
 */
export const wooCommerce: Target = {
  connector: WooCommerce.connector,
  start: async () => {
    const running = await WooEmulator.start({ customers: 0, orders: 0, guests: 0 })
    return { config: running.config, close: () => running.close() }
  },
  listOptions: { includeGuests: true }
}

/**
 * Open2b, with the shared set's five customer groups (Open2b keeps one, by id) and no rate
 * limit (a round trip makes far fewer than its 1000 calls in 5 minutes anyway).
 *
 * @since 0.1.0
 * @category targets
 */
export const open2b: Target = {
  connector: Open2b.connector,
  start: async () => {
    const running = await Open2bEmulator.start({ customers: 0, groups: [1, 2, 3, 4, 5], rateLimit: false })
    return { config: running.config, close: () => running.close() }
  }
}

/**
 * PrestaShop, with no customers or orders (its five seeded groups, the three stock ones
 * included, stay).
 *
 * @since 0.1.0
 * @category targets
 */
export const prestaShop: Target = {
  connector: PrestaShop.connector,
  start: async () => {
    const running = await PrestaShopEmulator.start({ customers: 0, guests: 0, orders: 0 })
    return { config: running.config, close: () => running.close() }
  }
}

/**
 * Foodics, with no customers.
 *
 * @since 0.1.0
 * @category targets
 */
export const foodics: Target = {
  connector: Foodics.connector,
  start: async () => {
    const running = await FoodicsEmulator.start({ customers: 0 })
    return { config: running.config, close: () => running.close() }
  }
}

/**
 * Shopify, with no customers or orders.
 *
 * @since 0.1.0
 * @category targets
 */
export const shopify: Target = {
  connector: Shopify.connector,
  start: async () => {
    const running = await ShopifyEmulator.start({ customers: 0, orders: 0, guests: 0 })
    return { config: running.config, close: () => running.close() }
  },
  listOptions: { includeGuests: true }
}

/**
 * Magento 2, with no customers or orders, and the shared set's customer groups (Magento
 * writes a customer's group by its code) besides its standard four.
 *
 * @since 0.1.0
 * @category targets
 */
export const magento: Target = {
  connector: Magento.connector,
  start: async () => {
    const running = await MagentoEmulator.start({
      customers: 0,
      orders: 0,
      guests: 0,
      groupCodes: groups.map((g) => g.code ?? "")
    })
    return { config: running.config, close: () => running.close() }
  },
  listOptions: { includeGuests: true }
}

/**
 * Every connector of the round trip.
 *
 * @since 0.1.0
 * @category targets
 */
export const all: ReadonlyArray<Target> = [
  xmlResultset,
  wooCommerce,
  magento,
  shopify,
  prestaShop,
  open2b,
  foodics
]
