/**
 * The demo: starts the XML ResultSet emulator and the WooCommerce emulator on loopback, seeded
 * with a few thousand customers (some defective; WooCommerce holds registered customers and the
 * guests of guest orders), runs examples/xml-resultset-to-woocommerce/pipeline.yaml through the
 * real `mapwright run`, then runs it a second time to show that nothing is created twice.
 * Last, a second pair, examples/foodics-to-magento/pipeline.yaml between the Foodics and
 * Magento emulators, shows what happens to the canonical fields a target does not carry.
 */
import { spawn } from "node:child_process"
import { rmSync } from "node:fs"
import { fileURLToPath } from "node:url"
import * as FoodicsEmulator from "@mapwright/connector-foodics/emulator"
import * as MagentoEmulator from "@mapwright/connector-magento/emulator"
import * as WooEmulator from "@mapwright/connector-woocommerce/emulator"
import * as XmlEmulator from "@mapwright/connector-xml-resultset/emulator"

const root = fileURLToPath(new URL("..", import.meta.url))
const bin = fileURLToPath(new URL("../packages/cli/src/bin.ts", import.meta.url))
const pipeline = "examples/xml-resultset-to-woocommerce/pipeline.yaml"
const secondPair = "examples/foodics-to-magento/pipeline.yaml"
const customers = Number(process.env.DEMO_CUSTOMERS ?? 3000)

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const say = (s: string) => console.log(`\n${bold(`▸ ${s}`)}`)

rmSync(`${root}/out/demo`, { recursive: true, force: true })
rmSync(`${root}/out/foodics-to-magento`, { recursive: true, force: true })
const xml = await XmlEmulator.start({ seed: 1, customers, defects: Math.round(customers / 100) })
const woo = await WooEmulator.start({ seed: 2, customers: 400, orders: 900, guests: 150 })
console.log(`XML ResultSet emulator: ${xml.url}  (${customers} customers, some defective)`)
console.log(`WooCommerce emulator:   ${woo.url}  (400 customers, 900 orders, 150 guests)`)
const foodics = await FoodicsEmulator.start({ seed: 3, customers: 300 })
const magento = await MagentoEmulator.start({ seed: 4, customers: 100, orders: 50 })
console.log(`Foodics emulator:       ${foodics.url}  (300 customers)`)
console.log(`Magento emulator:       ${magento.url}  (100 customers)`)

const env = {
  ...process.env,
  RS_URL: xml.url,
  RS_KEY: xml.config.apiKey,
  WC_URL: woo.url,
  WC_KEY: woo.config.consumerKey,
  WC_SECRET: woo.config.consumerSecret,
  FOODICS_URL: foodics.config.baseUrl,
  FOODICS_TOKEN: foodics.config.token,
  MAGENTO_URL: magento.config.url,
  MAGENTO_TOKEN: magento.config.token
}
// The CLI runs as a child process; the emulators live in this one, so the wait must not block.
const mapwright = (args: ReadonlyArray<string>): Promise<number> => {
  console.log(`$ mapwright ${args.join(" ")}`)
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: "inherit" })
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)))
}

let status = 0
try {
  say("check the pipeline: connectors, streams, capabilities, mappings and configs, before any I/O")
  status = await mapwright(["check", pipeline])
  if (status === 0) {
    say("first run: every valid customer is created in WooCommerce (or matched by email)")
    status = await mapwright(["run", pipeline])
    say("second run: nothing is created twice")
    const second = await mapwright(["run", pipeline])
    status = status === 3 ? second : status || second
    console.log(`\nThe rejects file: out/demo/rejects.ndjson (replay it with \`mapwright replay\`)`)
    say(
      "another pair, Foodics → Magento: the fields Magento does not carry are reported, not dropped silently"
    )
    const third = await mapwright(["run", secondPair])
    status = status || (third === 3 ? 0 : third)
  }
} finally {
  await xml.close()
  await woo.close()
  await foodics.close()
  await magento.close()
}
process.exit(status)
