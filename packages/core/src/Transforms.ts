/**
 * The built-in transforms of the mapping language: text (`trim`, `lowercase`, `uppercase`,
 * `nullIfEmpty`, `email`), `e164`, `country`, `datetime` and `date`, numbers (`int`, `decimal`,
 * `number`), `string` (numbers and booleans as text), `bool` and `not`, structure (`default`, `coalesce`, `required`, `split`, `join`,
 * `template`) and names (`splitName.first`, `splitName.last`). Their reference,
 * `docs/reference/transforms.md`, is generated from these values.
 *
 * Conventions they share: conversions read an empty or whitespace-only string as "not set" and
 * give `null` (XML APIs give every unset leaf as `""`); a value that cannot be converted gives
 * an `Invalid` whose code names the transform (`InvalidInt`, `InvalidPhone`, ...), and a value
 * of a kind a text transform does not take gives `InvalidType`.
 *
 * @since 0.1.0
 */
import { bool, not } from "./internal/transforms/bool.ts"
import { country } from "./internal/transforms/country.ts"
import { date, datetime } from "./internal/transforms/datetime.ts"
import { first, last } from "./internal/transforms/names.ts"
import { decimal, int, number } from "./internal/transforms/number.ts"
import { e164 } from "./internal/transforms/phone.ts"
import { string } from "./internal/transforms/string.ts"
import { coalesce, defaultTransform, join, required, split } from "./internal/transforms/structure.ts"
import { template } from "./internal/transforms/template.ts"
import { email, lowercase, nullIfEmpty, trim, uppercase } from "./internal/transforms/text.ts"
import { registry as makeRegistry, type Transform, type TransformRegistry } from "./Transform.ts"

/**
 * Every built-in transform, in the order of the reference docs. Extend with your own:
 * `Transform.registry([...Transforms.builtins, ...mine])`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const builtins: ReadonlyArray<Transform> = [
  trim,
  lowercase,
  uppercase,
  nullIfEmpty,
  email,
  e164,
  country,
  datetime,
  date,
  int,
  decimal,
  number,
  string,
  bool,
  not,
  defaultTransform,
  coalesce,
  required,
  template,
  split,
  join,
  first,
  last
]

/**
 * The registry of the built-in transforms.
 *
 * @since 0.1.0
 * @category constructors
 */
export const registry: TransformRegistry = makeRegistry(builtins)
